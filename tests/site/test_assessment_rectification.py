"""Assessment to notification for two units, rectification from notice to verification with the
daily run's reminders, and the integrity archive of one cadre — acted out by the real users."""

from io import BytesIO

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests import IntegrationTestCase
from frappe.utils import add_days, getdate, today
from openpyxl import Workbook, load_workbook

from sanshu_app.assessment_and_rectification import ledgers, reminders
from sanshu_app.integrity_archive.archive import archive_rows
from sanshu_app.assessment_and_rectification.doctype.responsibility_assessment.responsibility_assessment import download_scoring_sheet
from sanshu_app.assessment_and_rectification.report.assessment_ranking import assessment_ranking
from sanshu_app.assessment_and_rectification.report.rectification_ledger import rectification_ledger
from sanshu_app.utils import deadline_from
from tests.site.factories import County, CountyTestCase, make_cadre, make_campaign, make_user
from tests.site.printing import pdf_text, plain
from sanshu_app.permissions import forget_scopes


def as_user(user):
	frappe.set_user(user)


class AssessmentWorld:
	"""A county with two towns, each with a Party Secretary, two inspectors and a 2026 campaign."""

	def __init__(self):
		c = self.c = County()
		self.secretary_b = make_cadre(c.town_b, "乙书记", roles=("Party Secretary", "Responsible Cadre"), is_principal=1)
		frappe.db.set_value("Sanshu Unit", c.town_b, "principal", self.secretary_b.name)
		forget_scopes()  # set_value skips the document events
		self.leader = make_user("考核组长", ("Assessment Inspector",))
		self.inspector = make_user("考核组员", ("Assessment Inspector",))
		self.campaign = make_campaign(2026, units=[c.town_a, c.town_b])

	def new_assessment(self, unit):
		as_user(self.c.manager)
		doc = frappe.get_doc({"doctype": "Responsibility Assessment", "campaign": self.campaign.name, "unit": unit}).insert()
		return doc

	def self_assess(self, doc, secretary_user, share=1.0):
		as_user(secretary_user)
		doc = frappe.get_doc(doc.doctype, doc.name)
		for row in doc.items:
			row.self_score = round(row.max_points * share, 1)
		doc.save()
		apply_workflow(doc, "Submit Self-assessment")
		return frappe.get_doc(doc.doctype, doc.name)

	def inspect(self, doc, share, routine):
		as_user(self.leader)
		doc = frappe.get_doc(doc.doctype, doc.name)
		for row in doc.items:
			row.inspector_score = round(row.max_points * share, 1)
			row.deduction_reason = "" if share == 1 else "台账不全，扣分"
		doc.routine_score = routine
		doc.save()
		doc.sign_inspection("Team Leader")
		as_user(self.inspector)
		frappe.get_doc(doc.doctype, doc.name).sign_inspection("Team Member")
		apply_workflow(frappe.get_doc(doc.doctype, doc.name), "Complete Inspection")
		return frappe.get_doc(doc.doctype, doc.name)

	def review_approve_notify(self, doc):
		as_user(self.c.manager)
		doc = frappe.get_doc(doc.doctype, doc.name)
		grades = ["好", "较好", "一般", "差"]
		for index, row in enumerate(doc.member_grades):
			row.grade = grades[index % len(grades)]
		doc.review_opinion = "同意考核组意见"
		doc.save()
		apply_workflow(doc, "Review")
		doc = frappe.get_doc(doc.doctype, doc.name)
		doc.approval_reference = "县纪委常委会2026年第9次会议"
		doc.save()
		apply_workflow(doc, "Approve")
		apply_workflow(frappe.get_doc(doc.doctype, doc.name), "Notify")
		return frappe.get_doc(doc.doctype, doc.name)


class TestResponsibilityAssessment(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.w = AssessmentWorld()

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_two_units_from_self_assessment_to_notification(self):
		w, c = self.w, self.w.c
		a = w.new_assessment(c.town_a)
		b = w.new_assessment(c.town_b)
		self.assertEqual(len(a.items), 13)
		self.assertEqual(sum(r.max_points for r in a.items), 100)
		self.assertIn(c.secretary_a.name, [m.cadre for m in a.member_grades])

		a = w.self_assess(a, c.secretary_a.user, 0.95)
		b = w.self_assess(b, w.secretary_b.user, 0.9)
		self.assertEqual(a.workflow_state, "Self-assessed")
		self.assertEqual(a.self_total, 95.0)

		a = w.inspect(a, 0.9, 80)  # 90 × 0.9 + 80 × 0.1 = 89
		b = w.inspect(b, 0.7, 60)  # 70 × 0.9 + 60 × 0.1 = 69
		self.assertEqual((a.special_score, a.total_score, a.grade), (90.0, 89.0, "Passed"))
		self.assertEqual((b.total_score, b.grade), (69.0, "Below Pass Mark"))
		self.assertEqual({s.team_role for s in a.signatures}, {"Team Leader", "Team Member"})

		a = w.review_approve_notify(a)
		b = w.review_approve_notify(b)
		self.assertEqual((a.workflow_state, b.workflow_state), ("Notified", "Notified"))
		self.assertEqual(getdate(b.notified_on), getdate(today()))

		# The scoring sheet prints with the scores and the inspectors' signatures (考核纪律).
		text = pdf_text(b.doctype, b.name, "Assessment Scoring Sheet")
		# (some CJK characters come out of the PDF as radicals, 风 as ⻛: match around them)
		for expected in ("责任制考评表", "贯彻部署党", "台账不全", "考核组负责人", "考核组员", "未达合格分", "69", "—1—"):
			self.assertIn(plain(expected), text)

		# Below the pass mark: a rectification of the unit is opened, and only then.
		self.assertFalse(a.rectification)
		self.assertTrue(b.rectification)
		rect = frappe.get_doc("Rectification", b.rectification)
		self.assertEqual((rect.source_doctype, rect.source_name, rect.unit, rect.source_type), (b.doctype, b.name, c.town_b, "Responsibility Assessment"))
		self.assertIn("69", rect.problems)
		self.assertIn("台账不全", rect.problems)

		# The unit is told its result; below the pass mark, what it has to do.
		told = frappe.get_all("Notification Log", filters={"for_user": w.secretary_b.user, "document_name": b.name}, pluck="subject")
		self.assertEqual(len(told), 1)
		self.assertIn(b.rectification, told[0])

		# Its plan waits for the written explanation.
		as_user(c.manager)
		apply_workflow(frappe.get_doc("Rectification", b.rectification), "Issue Notice")
		as_user(w.secretary_b.user)
		rect_doc = frappe.get_doc("Rectification", b.rectification)
		rect_doc.plan = "<p>整改方案</p>"
		rect_doc.append("measures", {"measure": "补齐台账", "owner_cadre": w.secretary_b.name, "deadline": add_days(today(), 20)})
		rect_doc.save()
		with self.assertRaisesRegex(frappe.ValidationError, "written explanation"):
			apply_workflow(frappe.get_doc("Rectification", b.rectification), "Submit Plan")

		# The unit files its written explanation; the approved result stands even if the rules change since.
		pass_mark = frappe.db.get_value("Sanshu Rule Set", b.rule_set, "pass_mark")
		frappe.db.set_value("Sanshu Rule Set", b.rule_set, "pass_mark", 60)
		try:
			as_user(w.secretary_b.user)
			b = frappe.get_doc(b.doctype, b.name)
			b.explanation = "<p>我镇得分低于75分的原因及整改意见如下……</p>"
			b.save()
		finally:
			frappe.db.set_value("Sanshu Rule Set", b.rule_set, "pass_mark", pass_mark)
		self.assertEqual(getdate(b.explanation_filed_on), getdate(today()))
		self.assertEqual((b.grade, b.pass_mark), ("Below Pass Mark", 75))
		apply_workflow(frappe.get_doc("Rectification", b.rectification), "Submit Plan")
		self.assertEqual(frappe.db.get_value("Rectification", b.rectification, "workflow_state"), "Plan Submitted")

		# The ranking, as the manager sees it.
		as_user(c.manager)
		rows = [r for r in assessment_ranking.execute({"year": 2026, "campaign": w.campaign.name})[1] if r["unit"] in (c.town_a, c.town_b)]
		self.assertEqual([(r["unit"], r["rank"], r["total_score"]) for r in rows], [(c.town_a, 1, 89.0), (c.town_b, 2, 69.0)])
		self.assertEqual(rows[1]["explanation"], frappe._("Explanation Filed"))
		book = load_workbook(BytesIO(ledgers.assessment_ranking(2026, w.campaign.name)))
		sheet = book.active
		self.assertIn("2026", sheet["A1"].value)
		self.assertEqual(sheet.freeze_panes, "A4")
		self.assertEqual(sheet.page_setup.orientation, "landscape")
		self.assertEqual(sheet["B4"].value, c.town_a)

		# Who sees the assessments: inspectors all, a secretary their own unit's, a plain cadre none.
		as_user(w.inspector)
		self.assertTrue({a.name, b.name} <= set(frappe.get_list("Responsibility Assessment", pluck="name")))
		as_user(c.secretary_a.user)
		seen = set(frappe.get_list("Responsibility Assessment", pluck="name"))
		self.assertIn(a.name, seen)
		self.assertNotIn(b.name, seen)
		as_user(c.cadre_b.user)
		self.assertRaises(frappe.PermissionError, frappe.get_list, "Responsibility Assessment")

	def test_one_assessment_per_participating_unit_from_the_campaign(self):
		from sanshu_app.assessment_and_rectification.doctype.responsibility_assessment.responsibility_assessment import create_for_campaign

		w = self.w
		campaign = make_campaign(2024, units=[w.c.town_a, w.c.town_b, w.c.station_a])
		as_user(w.c.secretary_a.user)
		self.assertRaises(frappe.PermissionError, create_for_campaign, campaign.name)
		as_user(w.c.manager)
		created = create_for_campaign(campaign.name)
		self.assertEqual({frappe.db.get_value("Responsibility Assessment", n, "unit") for n in created}, {w.c.town_a, w.c.town_b, w.c.station_a})
		self.assertEqual(create_for_campaign(campaign.name), [])

	def test_bad_scores_are_refused_whole(self):
		w = self.w
		unit = frappe.get_doc({"doctype": "Sanshu Unit", "unit_name": frappe.generate_hash(length=8), "parent_sanshu_unit": w.c.county}).insert()
		doc = w.new_assessment(unit.name)
		doc.items[0].self_score = doc.items[0].max_points + 1
		doc.items[1].self_score = 1
		with self.assertRaisesRegex(frappe.ValidationError, "above the item maximum"):
			doc.save()
		self.assertIsNone(frappe.db.get_value("Responsibility Assessment Item", doc.items[1].name, "self_score"))

		# One assessment per unit and year.
		with self.assertRaisesRegex(frappe.ValidationError, "already has the assessment"):
			frappe.get_doc({"doctype": "Responsibility Assessment", "year": 2026, "unit": unit.name}).insert()

		# Skipping a step: straight from Draft to Inspected.
		doc = frappe.get_doc(doc.doctype, doc.name)
		doc.workflow_state = "Inspected"
		with self.assertRaises(frappe.ValidationError):
			doc.save()
		self.assertEqual(frappe.db.get_value(doc.doctype, doc.name, "workflow_state"), "Draft")

		# Inspectors do not fill in the unit's self-assessment.
		as_user(w.leader)
		draft = frappe.get_doc(doc.doctype, doc.name)
		draft.items[0].self_score = 1
		with self.assertRaisesRegex(frappe.ValidationError, "Only the unit scores"):
			draft.save()
		as_user(w.c.manager)

		# Self-assessment incomplete: cannot be submitted.
		with self.assertRaisesRegex(frappe.ValidationError, "self-assessment score is missing"):
			apply_workflow(frappe.get_doc(doc.doctype, doc.name), "Submit Self-assessment")

		# A deduction without a reason.
		doc = frappe.get_doc(doc.doctype, doc.name)
		for row in doc.items:
			row.self_score = row.max_points
		doc.save()
		apply_workflow(doc, "Submit Self-assessment")
		# The unit cannot score its own inspection.
		as_user(w.c.manager)
		frappe.db.set_value("Sanshu Unit", unit.name, "principal", w.c.secretary_a.name)
		forget_scopes()  # set_value skips the document events
		as_user(w.c.secretary_a.user)
		doc = frappe.get_doc(doc.doctype, doc.name)
		doc.items[0].inspector_score = doc.items[0].max_points
		with self.assertRaisesRegex(frappe.ValidationError, "Only the inspectors score"):
			doc.save()
		as_user(w.leader)
		doc = frappe.get_doc(doc.doctype, doc.name)
		doc.items[0].inspector_score = doc.items[0].max_points - 2
		with self.assertRaisesRegex(frappe.ValidationError, "a deduction needs a reason"):
			doc.save()
		# Not signed by the team leader: the inspection cannot be completed.
		doc = frappe.get_doc(doc.doctype, doc.name)
		for row in doc.items:
			row.inspector_score = row.max_points
		doc.routine_score = 100
		doc.save()
		with self.assertRaisesRegex(frappe.ValidationError, "team leader has not signed"):
			apply_workflow(frappe.get_doc(doc.doctype, doc.name), "Complete Inspection")
		# Members are graded by the office, not by the unit.
		as_user(w.c.manager)
		own = frappe.get_doc({"doctype": "Responsibility Assessment", "year": 2025, "unit": w.c.town_a}).insert()
		as_user(w.c.secretary_a.user)
		own = frappe.get_doc(own.doctype, own.name)
		own.member_grades[0].grade = "好"
		with self.assertRaisesRegex(frappe.ValidationError, "Only the office grades"):
			own.save()
		# Self scores are frozen once submitted.
		as_user(w.c.manager)
		doc = frappe.get_doc(doc.doctype, doc.name)
		doc.items[0].self_score = 0
		with self.assertRaisesRegex(frappe.ValidationError, "only change while the assessment is a draft"):
			doc.save()

	def test_scoring_sheet_download_and_import_all_or_nothing(self):
		w = self.w
		unit = frappe.get_doc({"doctype": "Sanshu Unit", "unit_name": frappe.generate_hash(length=8), "parent_sanshu_unit": w.c.county}).insert()
		doc = w.new_assessment(unit.name)
		download_scoring_sheet(doc.name)
		self.assertEqual(frappe.response["type"], "binary")
		book = load_workbook(BytesIO(frappe.response["filecontent"]))
		sheet = book.active
		header_row = 3
		self.assertEqual(sheet.cell(header_row, 1).value, frappe._("No."))
		for r in range(header_row + 1, sheet.max_row + 1):
			sheet.cell(r, 5).value = sheet.cell(r, 4).value - 1
		good = BytesIO()
		book.save(good)
		sheet.cell(header_row + 2, 5).value = 999  # one bad row
		sheet.cell(header_row + 3, 5).value = "很多"
		bad = BytesIO()
		book.save(bad)

		def upload(content, name):
			return frappe.get_doc({"doctype": "File", "file_name": name, "content": content, "attached_to_doctype": doc.doctype, "attached_to_name": doc.name, "is_private": 1}).insert().file_url

		with self.assertRaises(frappe.ValidationError) as caught:
			doc.import_scoring_sheet(upload(bad.getvalue(), "bad.xlsx"))
		self.assertIn(f"Sheet row {header_row + 2}", str(caught.exception))
		self.assertIn(f"Sheet row {header_row + 3}", str(caught.exception))
		self.assertEqual(frappe.get_all("Responsibility Assessment Item", filters={"parent": doc.name, "self_score": ("is", "set")}), [])

		wrong = Workbook()
		wrong.active.append(["名称", "分数"])
		wrong.active.append(["x", 1])
		out = BytesIO()
		wrong.save(out)
		with self.assertRaisesRegex(frappe.ValidationError, "header row"):
			doc.import_scoring_sheet(upload(out.getvalue(), "wrong.xlsx"))

		doc = frappe.get_doc(doc.doctype, doc.name)
		self.assertEqual(doc.import_scoring_sheet(upload(good.getvalue(), "good.xlsx")), 13)
		doc.reload()
		self.assertEqual([float(r.self_score) for r in doc.items], [r.max_points - 1 for r in doc.items])
		self.assertEqual(doc.self_total, 87.0)


class TestRectification(CountyTestCase):
	def new_rectification(self, **values):
		as_user(self.c.manager)
		return frappe.get_doc(
			{"doctype": "Rectification", "source_type": "Inspection", "cadre": self.c.cadre_a.name, "problems": "<p>落实“一岗双责”不到位</p>", **values}
		).insert()

	def notifications(self, user, text):
		return frappe.get_all("Notification Log", filters={"for_user": user, "subject": ("like", f"%{text}%")}, pluck="subject")

	def test_notice_to_verification_with_overdue_reminder(self):
		c = self.c
		rect = self.new_rectification()
		self.assertEqual(rect.unit, c.town_a)
		apply_workflow(rect, "Issue Notice")
		rect.reload()
		self.assertEqual(rect.workflow_state, "Notice Issued")
		self.assertEqual(getdate(rect.notice_date), getdate(today()))
		self.assertEqual(getdate(rect.report_due_date), deadline_from("述职述责述廉民主测评", "Rectification Report", today()))
		# 30 days, moved to the next working day when the 30th is a day off (the rule set's default)
		self.assertGreaterEqual((getdate(rect.report_due_date) - getdate(today())).days, 30)
		text = pdf_text("Rectification", rect.name, "Rectification Notice")
		self.assertTrue(rect.document_number, "the notice is numbered when it is issued")
		for expected in ("整改通知书", "落实“一岗双责”不到位", "甲干部同志", f"将整改情况书面报告{rect.issuer or frappe.db.get_single_value('Sanshu Settings', 'issuing_office') or ''}", rect.document_number, "—1—"):
			self.assertIn(plain(expected), text)
		self.assertNotIn("GetPDF", text)

		# The cadre plans: one measure already past its deadline, one due in two days.
		as_user(c.cadre_a.user)
		rect = frappe.get_doc("Rectification", rect.name)
		with self.assertRaisesRegex(frappe.ValidationError, "at least one measure"):
			apply_workflow(rect, "Submit Plan")
		rect = frappe.get_doc("Rectification", rect.name)
		rect.problems = "<p>没有问题</p>"
		with self.assertRaisesRegex(frappe.PermissionError, "Problems is set by the discipline inspection office"):
			rect.save()
		rect = frappe.get_doc("Rectification", rect.name)
		rect.plan = "<p>整改方案</p>"
		rect.append("measures", {"measure": "补齐责任清单", "owner_cadre": c.cadre_a.name, "deadline": add_days(today(), -1)})
		rect.append("measures", {"measure": "开展警示教育", "owner_cadre": c.cadre_a.name, "deadline": add_days(today(), 2)})
		rect.save()
		apply_workflow(rect, "Submit Plan")
		apply_workflow(frappe.get_doc("Rectification", rect.name), "Start Rectification")

		# The daily run: one overdue notice, one reminder; running it again repeats neither.
		frappe.set_user("Administrator")
		reminders.run_daily()
		self.assertEqual(len(self.notifications(c.cadre_a.user, "补齐责任清单")), 1)
		self.assertIn(frappe._("Rectification {0}: measure overdue since {1}: {2}").split(":")[0].format(rect.name), self.notifications(c.cadre_a.user, "补齐责任清单")[0])
		self.assertEqual(len(self.notifications(c.cadre_a.user, "开展警示教育")), 1)
		rect.reload()
		self.assertEqual([m.overdue for m in rect.measures], [1, 0])
		reminders.run_daily()
		self.assertEqual(len(self.notifications(c.cadre_a.user, "补齐责任清单")), 1)
		self.assertEqual(len(self.notifications(c.cadre_a.user, "开展警示教育")), 1)
		self.assertFalse(rect.overdue)  # the report itself is not late

		# Reporting needs the report; verifying needs every measure done.
		as_user(c.cadre_a.user)
		rect = frappe.get_doc("Rectification", rect.name)
		with self.assertRaisesRegex(frappe.ValidationError, "Write the rectification report"):
			apply_workflow(rect, "Report")
		rect = frappe.get_doc("Rectification", rect.name)
		rect.progress_report = "<p>已完成第一项</p>"
		rect.measures[0].status = "Completed"
		rect.save()
		apply_workflow(rect, "Report")
		as_user(c.manager)
		rect = frappe.get_doc("Rectification", rect.name)
		rect.verification_opinion = "整改到位"
		rect.save()
		with self.assertRaisesRegex(frappe.ValidationError, "still open"):
			apply_workflow(frappe.get_doc("Rectification", rect.name), "Verify Rectification")
		self.assertEqual(frappe.db.get_value("Rectification", rect.name, "workflow_state"), "Reported")
		with self.assertRaisesRegex(frappe.ValidationError, "reason for returning"):
			apply_workflow(frappe.get_doc("Rectification", rect.name), "Return")
		rect = frappe.get_doc("Rectification", rect.name)
		rect.return_reason = "第二项未完成"
		rect.save()
		apply_workflow(rect, "Return")

		as_user(c.cadre_a.user)
		apply_workflow(frappe.get_doc("Rectification", rect.name), "Resume Rectification")
		rect = frappe.get_doc("Rectification", rect.name)
		rect.measures[1].status = "Completed"
		rect.measures[1].evidence = "/private/files/evidence.pdf"
		rect.progress_report = "<p>两项均已完成</p>"
		rect.save()
		apply_workflow(rect, "Report")
		as_user(c.manager)
		rect = frappe.get_doc("Rectification", rect.name)
		rect.outcome = "整改到位，已通报"
		rect.save()
		apply_workflow(rect, "Verify Rectification")
		rect.reload()
		self.assertEqual(rect.workflow_state, "Verified")
		self.assertEqual(rect.verified_by, c.manager)

		# The archive of the cadre shows it; the cadre and a manager see it, another cadre does not, nor
		# the unit's secretary without an approved access request (调阅, issue 13).
		for user in (c.cadre_a.user, c.manager):
			as_user(user)
			self.assertIn(rect.name, [r["name"] for r in archive_rows(c.cadre_a.name)], user)
		for user in (c.cadre_b.user, c.secretary_a.user):
			as_user(user)
			self.assertRaises(frappe.PermissionError, archive_rows, c.cadre_a.name)

	def test_skipping_steps_and_verifying_open_measures_are_refused(self):
		rect = self.new_rectification()
		rect.workflow_state = "Verified"
		with self.assertRaises(frappe.ValidationError):
			rect.save()
		self.assertEqual(frappe.db.get_value("Rectification", rect.name, "workflow_state"), "Draft")
		empty = self.new_rectification(problems="")
		with self.assertRaisesRegex(frappe.ValidationError, "List the problems"):
			apply_workflow(empty, "Issue Notice")

	def test_overdue_rectification_is_flagged_and_ledger_puts_it_first(self):
		c = self.c
		late = self.new_rectification()
		apply_workflow(late, "Issue Notice")
		# Notice given long ago: the report is past due, and past the talk threshold.
		frappe.db.set_value("Rectification", late.name, {"notice_date": add_days(today(), -60), "report_due_date": add_days(today(), -30)})
		on_time = self.new_rectification()
		apply_workflow(on_time, "Issue Notice")
		due_soon = self.new_rectification()
		apply_workflow(due_soon, "Issue Notice")
		frappe.db.set_value("Rectification", due_soon.name, "report_due_date", add_days(today(), 2))
		frappe.set_user("Administrator")
		reminders.run_daily()
		late.reload()
		self.assertEqual((late.overdue, getdate(late.overdue_since)), (1, getdate(today())))
		self.assertEqual(len(self.notifications(c.cadre_a.user, f"{late.name} is overdue") or self.notifications(c.cadre_a.user, late.name)), 1)
		# Overdue past the rule set's "Rectification Talk After Overdue": a reminder talk is proposed, once.
		self.assertTrue(late.talk_proposed)
		talk = frappe.get_doc("Integrity Talk", late.integrity_talk)
		self.assertEqual((talk.cadre, talk.talk_type, talk.reason_name, talk.docstatus), (c.cadre_a.name, "Reminder Talk", late.name, 0))
		reminders.run_daily()
		self.assertEqual(frappe.db.count("Integrity Talk", {"reason_name": late.name}), 1)
		# The talk and the overdue rectification are in the cadre's archive.
		as_user(c.manager)
		archived = {r["name"]: r for r in archive_rows(c.cadre_a.name)}
		self.assertEqual(archived[talk.name]["doctype"], "Integrity Talk")
		self.assertEqual(archived[late.name]["doctype"], "Rectification")
		frappe.set_user("Administrator")
		self.assertFalse(on_time.reload().talk_proposed)
		# Before the report is due: one reminder a day, none for the one due in a month.
		self.assertEqual(len(self.notifications(c.cadre_a.user, f"{due_soon.name}: the rectification report is due")), 1)
		self.assertEqual(self.notifications(c.cadre_a.user, f"{on_time.name}:"), [])
		self.assertFalse(frappe.db.get_value("Rectification", on_time.name, "overdue"))

		as_user(c.manager)
		rows = rectification_ledger.execute({})[1]
		names = [r["name"] for r in rows]
		self.assertLess(names.index(late.name), names.index(on_time.name))
		self.assertEqual(rows[names.index(late.name)]["overdue_days"], 30)
		sheet = load_workbook(BytesIO(ledgers.rectification_ledger())).active
		self.assertEqual(sheet.freeze_panes, "A4")
		self.assertEqual(str(sheet.page_setup.paperSize), str(sheet.PAPERSIZE_A4))
		column = [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)]
		self.assertLess(column.index(late.name), column.index(on_time.name))

		as_user(c.cadre_b.user)
		self.assertNotIn(late.name, [r["name"] for r in rectification_ledger.execute({})[1]])

	def test_outcome_is_listed_for_the_next_campaign(self):
		campaign = make_campaign(2026)
		rect = self.new_rectification(campaign=campaign.name)
		self.assertFalse(rect.report_at_campaign)
		next_name = campaign.copy_to_next_year()
		rect.save()
		self.assertEqual(rect.report_at_campaign, next_name)
		rows = rectification_ledger.execute({"campaign": next_name})[1]
		self.assertIn(rect.name, [r["name"] for r in rows])


class TestIntegrityArchive(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.w = AssessmentWorld()

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_archive_of_one_cadre(self):
		w, c = self.w, self.w.c
		a = w.new_assessment(c.town_a)
		a = w.self_assess(a, c.secretary_a.user, 0.8)
		a = w.inspect(a, 0.6, 50)
		a = w.review_approve_notify(a)
		as_user(c.manager)
		rect = frappe.get_doc(
			{"doctype": "Rectification", "source_type": "Evaluation", "cadre": c.cadre_a.name, "campaign": w.campaign.name, "problems": "<p>测评较差票超过20%</p>"}
		).insert()

		def archive_names(user):
			as_user(user)
			return {r["name"]: r for r in archive_rows(c.cadre_a.name)}

		for user in (c.cadre_a.user, c.manager):
			seen = archive_names(user)
			self.assertIn(rect.name, seen, user)
			self.assertIn(a.name, seen, user)  # their unit's assessment
		as_user(c.secretary_a.user)  # the unit's secretary reads it only through an approved request (调阅)
		self.assertRaises(frappe.PermissionError, archive_rows, c.cadre_a.name)
		as_user(c.cadre_b.user)
		self.assertRaises(frappe.PermissionError, archive_rows, c.cadre_a.name)
		from sanshu_app.assessment_and_rectification.report.integrity_archive import integrity_archive

		self.assertRaises(frappe.PermissionError, integrity_archive.execute, {"cadre": c.cadre_a.name})
		as_user(c.secretary_b.user if hasattr(c, "secretary_b") else w.secretary_b.user)
		self.assertRaises(frappe.PermissionError, archive_rows, c.cadre_a.name)

		as_user(c.cadre_a.user)
		columns, rows = integrity_archive.execute({"cadre": c.cadre_a.name})
		row = next(r for r in rows if r["document"] == a.name)
		self.assertEqual(row["year"], 2026)
		self.assertIn(frappe._("member grade {0}").format(next(m.grade for m in a.member_grades if m.cadre == c.cadre_a.name)), row["title"])
		text = pdf_text("Sanshu Cadre", c.cadre_a.name, "Integrity Archive")
		for expected in ("廉政档案", "2026年度", "测评较差票超过20%", "—1—"):
			self.assertIn(plain(expected), text)
		# Document numbers sit in table cells set in Noto Serif CJK, whose Latin digits pypdf cannot
		# map back to text (they render fine): read them from the printed page's HTML instead.
		frappe.db.set_value("Rectification", rect.name, "document_number", "县纪整〔2026〕7号", update_modified=False)
		html = frappe.get_print("Sanshu Cadre", c.cadre_a.name, print_format="Integrity Archive")
		for expected in (rect.name, a.name, "县纪整〔2026〕7号"):  # the 文号 comes with the archive's rows
			self.assertIn(expected, html)
		as_user(c.cadre_b.user)
		self.assertRaises(frappe.PermissionError, frappe.get_print, "Sanshu Cadre", c.cadre_a.name, print_format="Integrity Archive")
		as_user(c.cadre_a.user)
		sheet = load_workbook(BytesIO(ledgers.archive(c.cadre_a.name))).active
		self.assertIn("甲干部", sheet["A1"].value)
		self.assertEqual(sheet.freeze_panes, "A4")
		self.assertIn(rect.name, [sheet.cell(r, 4).value for r in range(4, sheet.max_row + 1)])

		# The connections on the cadre's form count the rectification.
		from frappe.desk.notifications import get_open_count

		as_user(c.manager)
		counts = get_open_count("Sanshu Cadre", c.cadre_a.name)
		found = {i["doctype"]: i["count"] for i in counts["count"]["external_links_found"]}
		self.assertEqual(found.get("Rectification"), 1)
		as_user(c.cadre_a.user)
		counts = get_open_count("Sanshu Cadre", c.cadre_a.name)
		self.assertEqual({i["doctype"]: i["count"] for i in counts["count"]["external_links_found"]}.get("Rectification"), 1)
		as_user(c.cadre_b.user)
		self.assertRaises(frappe.PermissionError, get_open_count, "Sanshu Cadre", c.cadre_a.name)


class TestLedgers(CountyTestCase):
	def test_commitment_compliance_ledger_lists_who_has_not_signed(self):
		c = self.c
		campaign = make_campaign(2026, cadres=[c.cadre_a.name, c.cadre_b.name], commitment_due_date="2026-01-31")
		as_user(c.manager)
		sheet = load_workbook(BytesIO(ledgers.commitment_compliance(campaign.name, show_all=1))).active
		self.assertIn(campaign.campaign_title, sheet["A1"].value)
		self.assertEqual(sheet.freeze_panes, "A4")
		self.assertEqual(sheet.page_setup.orientation, "landscape")
		self.assertEqual(sheet.cell(3, 1).font.b, True)
		listed = [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)]
		self.assertEqual(set(listed), {c.cadre_a.full_name, c.cadre_b.full_name})  # names, as a clerk reads them

	def test_downloads_answer_with_an_xlsx_file(self):
		c = self.c
		as_user(c.manager)
		ledgers.download_rectification_ledger()
		self.assertEqual(frappe.response["type"], "binary")
		self.assertTrue(frappe.response["filename"].endswith(".xlsx"))
		load_workbook(BytesIO(frappe.response["filecontent"]))
		as_user(c.cadre_b.user)
		self.assertRaises(frappe.PermissionError, ledgers.download_archive, c.cadre_a.name)

	def test_the_daily_run_is_scheduled(self):
		self.assertIn("sanshu_app.assessment_and_rectification.reminders.run_daily", frappe.get_hooks("scheduler_events")["daily"])
