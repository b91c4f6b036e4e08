"""A whole 三述 campaign for a few cadres, acted out by the real users: reports (one returned),
inquiries (one answered, one overdue), online and paper ballots, outcomes and their consequences,
and the campaign overview."""

from io import BytesIO

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests import IntegrationTestCase
from frappe.utils import add_days, getdate, nowdate
from openpyxl import Workbook

from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation import cast_ballot, my_ballots
from sanshu_app.reporting_and_evaluation.doctype.sanshu_inquiry.sanshu_inquiry import mark_overdue_inquiries
from sanshu_app.rules.working_days import add_working_days
from sanshu_app.utils import calendar_overrides
from tests.site.factories import County, make_campaign, make_user
from tests.site.printing import pdf_text, plain

GROUPS = ("Discipline Committee Member", "Deputies and Committee Members", "Conduct Supervisor", "Service Recipient")


def sheet_file(rows, name="ballots.xlsx"):
	"""An uploaded .xlsx File with ``rows`` (first row the heading); returns its file_url."""
	book = Workbook()
	for row in rows:
		book.active.append(list(row))
	buffer = BytesIO()
	book.save(buffer)
	doc = frappe.get_doc({"doctype": "File", "file_name": frappe.generate_hash(length=6) + name, "content": buffer.getvalue(), "is_private": 1})
	return doc.insert(ignore_permissions=True).file_url


def export_overview_rows(campaign):
	"""The overview as the desk's Export (xlsx) gives it: (cadre name, outcome) per row, heading first."""
	from frappe.desk.query_report import export_query
	from openpyxl import load_workbook

	frappe.local.form_dict = frappe._dict(
		report_name="Sanshu Campaign Overview",
		file_format_type="Excel",
		filters=frappe.as_json({"campaign": campaign}),
		visible_idx="[]",
	)
	export_query()
	sheet = load_workbook(BytesIO(frappe.response["filecontent"])).active
	values = [list(row) for row in sheet.iter_rows(values_only=True)]
	heading = next(i for i, row in enumerate(values) if "Cadre" in row)
	name_col, outcome_col = values[heading].index("Cadre"), values[heading].index("Outcome")
	return [[row[name_col], row[outcome_col] or None] for row in values[heading:]]


class TestSanshuCycle(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		c = cls.c = County()
		cls.campaign = make_campaign(
			getdate(nowdate()).year,
			units=[c.town_a, c.town_b],
			cadres=[c.cadre_a.name, c.cadre_b.name, c.secretary_a.name],
			scheme="Work, Responsibility and Integrity",  # uses the democratic-assessment rule set
			report_due_date=add_days(nowdate(), -1),
			meeting_date=add_days(nowdate(), 10),
		)
		cls.evaluators = [make_user(f"评议员{i}", ("Evaluator",)) for i in range(6)]

	def tearDown(self):
		frappe.set_user("Administrator")

	# helpers ------------------------------------------------------------------------------------
	def write_report(self, cadre, fill=True):
		frappe.set_user(cadre.user)
		report = frappe.get_doc({"doctype": "Sanshu Report", "campaign": self.campaign.name, "cadre": cadre.name}).insert()
		self.assertEqual([r.section for r in report.sections], ["Work", "Responsibility", "Integrity"])
		if fill:
			for row in report.sections:
				row.content = f"<p>{row.section} 情况</p>"
			report.save()
		return report

	def evaluation_for(self, cadre, evaluators):
		frappe.set_user(self.c.manager)
		return frappe.get_doc(
			{
				"doctype": "Sanshu Evaluation",
				"campaign": self.campaign.name,
				"cadre": cadre.name,
				"roster": [{"evaluator": u, "evaluator_group": GROUPS[i % 4]} for i, u in enumerate(evaluators)],
			}
		).insert()

	def vote(self, user, evaluation, choice):
		frappe.set_user(user)
		try:
			return cast_ballot(evaluation, choice)
		finally:
			frappe.set_user("Administrator")

	# the campaign -------------------------------------------------------------------------------
	def test_reports_submitted_one_returned_and_one_missing(self):
		c = self.c
		a = self.write_report(c.cadre_a)
		apply_workflow(a, "Submit Report")
		self.assertEqual(frappe.db.get_value("Sanshu Report", a.name, "workflow_state"), "Submitted")
		self.assertEqual(getdate(a.submitted_on), getdate(nowdate()))

		b = self.write_report(c.cadre_b, fill=False)
		with self.assertRaisesRegex(frappe.ValidationError, "before submitting"):
			apply_workflow(frappe.get_doc("Sanshu Report", b.name), "Submit Report")
		b = frappe.get_doc("Sanshu Report", b.name)
		for row in b.sections:
			row.content = "<p>已写</p>"
		b.save()
		apply_workflow(b, "Submit Report")

		# a cadre cannot write a report for someone else
		frappe.set_user(c.cadre_a.user)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc({"doctype": "Sanshu Report", "campaign": self.campaign.name, "cadre": c.cadre_b.name}).insert()
		self.assertEqual(set(frappe.get_list("Sanshu Report", pluck="name")), {a.name})

		frappe.set_user(c.manager)
		apply_workflow(frappe.get_doc("Sanshu Report", a.name), "Accept Report")
		b = frappe.get_doc("Sanshu Report", b.name)
		with self.assertRaisesRegex(frappe.ValidationError, "reason"):
			apply_workflow(b, "Return Report")
		b = frappe.get_doc("Sanshu Report", b.name)
		b.return_reason = "述德部分过于简单"
		b.save()  # the reason is written on the form first, then the action taken
		apply_workflow(b, "Return Report")

		frappe.set_user(c.cadre_b.user)
		b = frappe.get_doc("Sanshu Report", b.name)
		self.assertEqual((b.workflow_state, b.return_reason), ("Returned", "述德部分过于简单"))

		told = frappe.db.get_value("Notification Log", {"for_user": c.cadre_b.user, "document_type": "Sanshu Report", "document_name": b.name}, "subject")
		self.assertIn("已退回", told or "")

		# town A's secretary reads town A's reports only
		frappe.set_user(c.secretary_a.user)
		self.assertEqual(set(frappe.get_list("Sanshu Report", filters={"campaign": self.campaign.name}, pluck="name")), {a.name})

		frappe.set_user(c.manager)
		from sanshu_app.reporting_and_evaluation.report.sanshu_late_and_missing_reports.sanshu_late_and_missing_reports import execute

		_columns, rows = execute({"campaign": self.campaign.name})
		by_cadre = {r["cadre"]: r for r in rows}
		# due yesterday: both submissions today are late by one day; the secretary's is missing
		self.assertEqual(by_cadre[c.cadre_a.name]["standing_key"], "Submitted Late")
		self.assertEqual(by_cadre[c.cadre_a.name]["days_late"], 1)
		self.assertEqual(by_cadre[c.secretary_a.name]["standing_key"], "Not Submitted")
		self.assertIsNone(by_cadre[c.secretary_a.name]["report"])

	def test_inquiries_answered_and_overdue(self):
		c = self.c
		asker = self.evaluators[0]
		frappe.set_user(c.manager)
		today = getdate(nowdate())
		answered = frappe.get_doc(
			{"doctype": "Sanshu Inquiry", "campaign": self.campaign.name, "cadre": c.cadre_a.name, "inquiry_type": "Meeting Inquiry", "asker": asker, "question": "如何落实一岗双责？",
			 "onsite_answer": "会上作了说明。"}
		).insert()  # fmt: skip
		# A question at the meeting is answered there; the 15 working days run only once the office
		# decides a written reply is owed (003 §17).
		self.assertFalse(answered.reply_due_date)
		answered.decide_written_reply(1)
		self.assertEqual(getdate(answered.reply_due_date), add_working_days(today, 15, calendar_overrides()))
		asked_on = add_days(nowdate(), -40)
		late = frappe.get_doc(
			{"doctype": "Sanshu Inquiry", "campaign": self.campaign.name, "cadre": c.cadre_b.name, "inquiry_type": "Written Inquiry", "asker": asker, "asked_on": asked_on, "question": "公车使用情况？"}
		).insert()
		self.assertEqual(late.status, "Awaiting Reply")

		frappe.set_user(c.cadre_a.user)
		doc = frappe.get_doc("Sanshu Inquiry", answered.name)
		doc.reply = "已建立责任清单。"
		doc.save()
		self.assertEqual((doc.status, getdate(doc.replied_on)), ("Answered", today))
		doc.question = "改过的问题"
		with self.assertRaises(frappe.PermissionError):
			doc.save()

		frappe.set_user("Administrator")
		marked = mark_overdue_inquiries()
		self.assertIn(late.name, marked)
		self.assertNotIn(answered.name, marked)
		self.assertEqual(frappe.db.get_value("Sanshu Inquiry", late.name, "status"), "Overdue")
		for user in (c.cadre_b.user, asker):
			self.assertTrue(frappe.db.exists("Notification Log", {"for_user": user, "document_type": "Sanshu Inquiry", "document_name": late.name}))
		self.assertNotIn(late.name, mark_overdue_inquiries())  # told once

	def test_evaluation_online_and_paper_ballots_outcomes_and_consequences(self):
		c = self.c
		ev = self.evaluators
		fine = self.evaluation_for(c.cadre_a, ev[:5])
		poor = self.evaluation_for(c.cadre_b, ev[:5])
		self.assertEqual(fine.rule_set, self.campaign.evaluation_rule_set)
		self.assertEqual([r.option for r in fine.counts], ["好", "较好", "一般", "较差"])

		# an evaluator sees what voting needs, not the evaluation records
		frappe.set_user(ev[0])
		pending = {b.name: b for b in my_ballots()}
		self.assertEqual(set(pending), {fine.name, poor.name})
		self.assertEqual(pending[fine.name].options, ["好", "较好", "一般", "较差"])
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Sanshu Evaluation")
		self.assertFalse(frappe.has_permission("Sanshu Evaluation", "read", fine.name))
		frappe.set_user("Administrator")

		for user, choice in zip(ev[:5], ("好", "好", "较好", "一般", "较差")):
			self.vote(user, fine.name, choice)
		for user, choice in zip(ev[:5], ("较差", "较差", "较差", "好", "好")):
			self.vote(user, poor.name, choice)

		# refused whole: not on the roster, a second vote, a choice off the scale
		with self.assertRaisesRegex(frappe.ValidationError, "not on the evaluator roster"):
			self.vote(ev[5], fine.name, "好")
		with self.assertRaisesRegex(frappe.ValidationError, "already voted"):
			self.vote(ev[0], fine.name, "较差")
		with self.assertRaisesRegex(frappe.ValidationError, "not an option"):
			self._vote_off_scale(fine)
		self.assertEqual(frappe.db.count("Sanshu Evaluator", {"parent": fine.name, "parenttype": "Sanshu Evaluation", "voted": 1}), 5)

		frappe.set_user(ev[0])
		self.assertEqual(my_ballots(), [])

		# paper counts typed by the office must add up
		frappe.set_user(c.manager)
		fine = frappe.get_doc("Sanshu Evaluation", fine.name)
		self.assertEqual({r.evaluator for r in fine.roster if r.voted}, set(ev[:5]))  # the refused vote left no mark
		self.assertEqual(len(fine.roster), 6)
		counts = {r.option: r for r in fine.counts}
		counts["好"].paper_ballots = 3
		counts["较好"].paper_ballots = 1
		fine.paper_ballots_collected = 6
		fine.invalid_paper_ballots = 1
		with self.assertRaisesRegex(frappe.ValidationError, "does not add up"):
			fine.save()
		fine.reload()
		self.assertEqual(fine.paper_ballots_collected, 0)
		counts = {r.option: r for r in fine.counts}
		counts["好"].paper_ballots = 3
		counts["较好"].paper_ballots = 1
		fine.paper_ballots_collected = 5
		fine.invalid_paper_ballots = 1
		fine.save()

		# paper ballots of the other from a sheet: a malformed sheet changes nothing
		poor = frappe.get_doc("Sanshu Evaluation", poor.name)
		bad = sheet_file([("序号", "评价"), (1, "好"), (2, "优秀"), (2, "较差"), (None, "好")])
		with self.assertRaises(frappe.ValidationError) as caught:
			poor.import_paper_sheet(bad)
		message = str(caught.exception)
		for expected in ("Row 3", "Row 4", "Row 5"):
			self.assertIn(expected, message)
		self.assertNotIn("Row 2", message)
		poor.reload()
		self.assertEqual(sum(r.paper_ballots for r in poor.counts), 0)
		not_a_sheet = frappe.get_doc({"doctype": "File", "file_name": "ballots.xlsx", "content": b"not a workbook", "is_private": 1}).insert().file_url
		self.assertRaisesRegex(frappe.ValidationError, "not a readable Excel", poor.import_paper_sheet, not_a_sheet)
		# the office prints the empty sheet, fills one row per ballot and imports it
		from openpyxl import load_workbook

		from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation import ballot_sheet_template

		ballot_sheet_template(poor.name)
		template = load_workbook(BytesIO(frappe.response["filecontent"])).active
		self.assertEqual([c.value for c in template[1]], ["序号", "评价"])
		self.assertEqual(template.data_validations.dataValidation[0].formula1, '"好,较好,一般,较差"')
		good = sheet_file([("序号", "评价"), (1, "好"), (2, "好"), (3, "好"), (4, "好"), (5, "好"), (6, "较差")])
		poor.import_paper_sheet(good)
		poor.reload()
		self.assertEqual({r.option: r.paper_ballots for r in poor.counts}, {"好": 5, "较好": 0, "一般": 0, "较差": 1})
		self.assertEqual(poor.paper_ballots_collected, 6)

		# closing: the outcome by the rule set, and the consequences it names
		self.assertEqual(fine.close_evaluation(), "正常")  # 较差 1 of 9
		fine.reload()
		self.assertEqual((fine.docstatus, fine.status, fine.total_ballots, fine.online_ballots), (1, "Closed", 9, 5))
		self.assertEqual({r.option: (r.online_ballots, r.total_ballots) for r in fine.counts}["好"], (2, 5))
		self.assertFalse(fine.integrity_talk or fine.rectification or fine.rectification_ordered or fine.accountability or fine.referral)

		self.assertEqual(poor.close_evaluation(), "移送处理")  # 较差 4 of 11 > 30%
		poor.reload()
		self.assertTrue(poor.rectification_ordered)
		# 003 §22: the referral is a draft accountability record to verify (核实) first (issue 19)
		record = frappe.get_all("Accountability", filters={"source_name": poor.name}, fields=["name", "status", "needs_verification", "cadre"])
		self.assertEqual([(r.status, r.needs_verification, r.cadre) for r in record], [("Draft", 1, c.cadre_b.name)])
		self.assertIn(record[0].name, poor.consequences)
		talk = frappe.get_doc("Integrity Talk", poor.integrity_talk)
		self.assertEqual((talk.docstatus, talk.talk_type, talk.cadre, talk.reason_doctype, talk.reason_name), (0, "Admonishment Talk", c.cadre_b.name, "Sanshu Evaluation", poor.name))
		if frappe.db.exists("DocType", "Rectification"):
			rectification = frappe.get_doc("Rectification", poor.rectification)
			self.assertEqual((rectification.source_doctype, rectification.source_name, rectification.cadre), ("Sanshu Evaluation", poor.name, c.cadre_b.name))
		self.assertIn(talk.name, poor.consequences)

		# closed: no more votes, no more changes
		frappe.db.set_value("Sanshu Evaluator", {"parent": poor.name, "evaluator": ev[4]}, "voted", 0)  # even if the flag were lost
		with self.assertRaisesRegex(frappe.ValidationError, "closed"):
			self.vote(ev[4], poor.name, "好")
		frappe.set_user(c.manager)
		locked = frappe.get_doc("Sanshu Evaluation", poor.name)
		locked.paper_ballots_collected = 99
		with self.assertRaises(frappe.ValidationError):
			locked.save()

		# the talk is held and recorded, then submitted
		talk = frappe.get_doc("Integrity Talk", poor.integrity_talk)
		with self.assertRaisesRegex(frappe.ValidationError, "Record the talk"):
			talk.submit()
		talk.reload()
		talk.talk_date = nowdate()
		talk.append("interviewers", {"interviewer": c.manager})
		talk.record = "<p>谈话记录</p>"
		talk.save()
		talk.submit()

		# each cadre sees their own evaluation and talk only
		frappe.set_user(c.cadre_b.user)
		self.assertEqual(set(frappe.get_list("Sanshu Evaluation", pluck="name")), {poor.name})
		self.assertEqual(set(frappe.get_list("Integrity Talk", pluck="name")), {talk.name})
		frappe.set_user(c.cadre_a.user)
		self.assertEqual(set(frappe.get_list("Sanshu Evaluation", pluck="name")), {fine.name})
		self.assertEqual(frappe.get_list("Integrity Talk"), [])

		# the overview, as the office sees it and exports it
		frappe.set_user(c.manager)
		from sanshu_app.reporting_and_evaluation.report.sanshu_campaign_overview.sanshu_campaign_overview import execute

		columns, rows = execute({"campaign": self.campaign.name})
		by_cadre = {r["cadre"]: r for r in rows}
		self.assertEqual(len(rows), 3)
		self.assertEqual(by_cadre[c.cadre_b.name]["outcome"], "移送处理")
		self.assertEqual(by_cadre[c.cadre_b.name]["integrity_talk"], talk.name)
		self.assertEqual(by_cadre[c.cadre_a.name]["outcome"], "正常")
		self.assertIsNone(by_cadre[c.secretary_a.name].get("evaluation"))
		self.assertIn("consequences", [col["fieldname"] for col in columns])
		self.assertEqual(export_overview_rows(self.campaign.name)[1:], [[r["cadre_name"], r.get("outcome") or None] for r in rows])

		# the feedback letter prints in Chinese
		text = pdf_text("Sanshu Evaluation", poor.name, "测评结果反馈")
		self.assertNotIn("GetPDF", text)
		poor.reload()
		self.assertTrue(poor.document_number, "the closed evaluation's feedback letter is numbered")
		for expected in ("测评结果反馈", "乙干部同志", "移送处理", "诫勉谈话、责令整改", poor.document_number, "—1—"):
			self.assertIn(plain(expected), text)

	def _vote_off_scale(self, fine):
		extra = make_user("补充评议员", ("Evaluator",))
		frappe.set_user(self.c.manager)
		doc = frappe.get_doc("Sanshu Evaluation", fine.name)
		doc.append("roster", {"evaluator": extra, "evaluator_group": "Service Recipient"})
		doc.save()
		self.vote(extra, fine.name, "优秀")

	def test_bad_rosters_are_refused(self):
		c = self.c
		not_evaluator = make_user("非评议员", ("Responsible Cadre",))
		with self.assertRaisesRegex(frappe.ValidationError, "Evaluator role"):
			self.evaluation_for(c.secretary_a, [not_evaluator])
		with self.assertRaisesRegex(frappe.ValidationError, "twice"):
			self.evaluation_for(c.secretary_a, [self.evaluators[0], self.evaluators[0]])

	def test_cadre_search_offers_the_campaign_s_participants_in_scope(self):
		from sanshu_app.reporting_and_evaluation.queries import campaign_cadres

		c = self.c
		frappe.set_user(c.manager)
		found = {row[0] for row in campaign_cadres("Sanshu Cadre", "", "name", 0, 20, {"campaign": self.campaign.name})}
		self.assertEqual(found, {c.cadre_a.name, c.cadre_b.name, c.secretary_a.name})
		frappe.set_user(c.secretary_a.user)
		found = {row[0] for row in campaign_cadres("Sanshu Cadre", "干部", "name", 0, 20, {"campaign": self.campaign.name})}
		self.assertEqual(found, {c.cadre_a.name})
