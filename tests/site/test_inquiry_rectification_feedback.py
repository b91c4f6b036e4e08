"""Issue 19, as the users act it: a question at the meeting answered on the spot and a written reply
only once the office decides; a 纪委委员's written question; the rectification notice dated by its
issue, telling its subject; the 意见建议 fed back and the 整改建议书 issued to every reporter."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import getdate, nowdate, today

from sanshu_app.reporting_and_evaluation import feedback
from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation import cast_ballot
from sanshu_app.reporting_and_evaluation.doctype.sanshu_inquiry.sanshu_inquiry import file_written_inquiry, inquiry_targets, mark_overdue_inquiries
from sanshu_app.sanshu_desk.home import my_todos
from sanshu_app.utils import deadline_from
from tests.site.factories import CountyTestCase, make_cadre, make_campaign, make_user

DEADLINES = "述职述责述廉民主测评"


def notifications(user, text):
	return frappe.get_all("Notification Log", filters={"for_user": user, "subject": ("like", f"%{text}%")}, pluck="subject")


class TestMeetingInquiry(CountyTestCase):
	def meeting_inquiry(self, asked_on=None):
		frappe.set_user(self.c.manager)
		campaign = make_campaign(getdate(nowdate()).year, cadres=[self.c.cadre_a.name])
		return frappe.get_doc(
			{
				"doctype": "Sanshu Inquiry",
				"campaign": campaign.name,
				"cadre": self.c.cadre_a.name,
				"inquiry_type": "Meeting Inquiry",
				"asker": self.c.manager,
				"asked_on": asked_on or today(),
				"question": "班子成员廉政谈话是否全覆盖？",
			}
		).insert()

	def test_a_meeting_question_has_no_clock_until_the_office_decides(self):
		inquiry = self.meeting_inquiry(asked_on="2026-01-05")
		self.assertEqual((inquiry.status, inquiry.reply_due_date), ("Awaiting Decision", None))
		# The daily run leaves it alone, however old the question: nobody is told it is late.
		self.assertNotIn(inquiry.name, mark_overdue_inquiries())
		self.assertEqual(frappe.db.get_value("Sanshu Inquiry", inquiry.name, "status"), "Awaiting Decision")
		self.assertEqual(notifications(self.c.cadre_a.user, inquiry.name), [])
		self.assertNotIn(inquiry.name, [t["name"] for t in my_todos(self.c.cadre_a.name)])

		# Nobody ticks the decision by editing, the office included.
		inquiry.written_reply_decision = "Written Reply Required"
		with self.assertRaisesRegex(frappe.PermissionError, "Decide on Written Reply"):
			inquiry.save()
		inquiry.reload()
		with self.assertRaisesRegex(frappe.ValidationError, "answer given at the meeting"):
			inquiry.decide_written_reply(1)

		inquiry.onsite_answer = "已全覆盖，台账齐全。"
		inquiry.save()
		frappe.set_user(self.c.cadre_a.user)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Sanshu Inquiry", inquiry.name).decide_written_reply(1)

		frappe.set_user(self.c.manager)
		inquiry = frappe.get_doc("Sanshu Inquiry", inquiry.name)
		self.assertEqual(inquiry.decide_written_reply(1), "Awaiting Reply")
		inquiry.reload()
		self.assertEqual((inquiry.written_reply_decision, inquiry.written_reply_decided_by), ("Written Reply Required", self.c.manager))
		self.assertEqual(getdate(inquiry.written_reply_decided_on), getdate(today()))
		# 15 working days from the decision, not from the meeting.
		self.assertEqual(getdate(inquiry.reply_due_date), deadline_from(DEADLINES, "Inquiry Reply", today()))
		self.assertEqual(len(notifications(self.c.cadre_a.user, inquiry.name)), 1)
		self.assertIn(inquiry.name, [t["name"] for t in my_todos(self.c.cadre_a.name)])
		with self.assertRaisesRegex(frappe.ValidationError, "already recorded"):
			inquiry.decide_written_reply(0)

	def test_no_written_reply_closes_the_question_as_answered_on_site(self):
		inquiry = self.meeting_inquiry()
		inquiry.onsite_answer = "已整改。"
		inquiry.save()
		self.assertEqual(inquiry.decide_written_reply(0), "Answered on Site")
		inquiry.reload()
		self.assertEqual((inquiry.status, inquiry.reply_due_date, inquiry.written_reply_decision), ("Answered on Site", None, "No Written Reply"))
		self.assertNotIn(inquiry.name, [t["name"] for t in my_todos(self.c.cadre_a.name)])

	def test_the_patch_stops_the_clock_of_meeting_questions_recorded_before(self):
		from sanshu_app.patches.v0_4 import meeting_inquiries_await_decision

		inquiry = self.meeting_inquiry()
		answered = self.meeting_inquiry()
		# as recorded before: a 15-working-day clock from the meeting, one overdue, one answered
		frappe.db.set_value("Sanshu Inquiry", inquiry.name, {"status": "Overdue", "reply_due_date": "2026-01-26"})
		frappe.db.set_value("Sanshu Inquiry", answered.name, {"status": "Answered", "reply": "已答复", "reply_due_date": "2026-01-26"})
		meeting_inquiries_await_decision.execute()
		status, due, decision = frappe.db.get_value("Sanshu Inquiry", inquiry.name, ["status", "reply_due_date", "written_reply_decision"])
		self.assertEqual((status, due, decision or None), ("Awaiting Decision", None, None))
		self.assertEqual(frappe.db.get_value("Sanshu Inquiry", answered.name, "status"), "Answered")

	def test_a_written_inquiry_owes_its_reply_from_the_day_it_is_put(self):
		frappe.set_user(self.c.manager)
		campaign = make_campaign(getdate(nowdate()).year, cadres=[self.c.cadre_a.name])
		inquiry = frappe.get_doc(
			{"doctype": "Sanshu Inquiry", "campaign": campaign.name, "cadre": self.c.cadre_a.name, "inquiry_type": "Written Inquiry", "asker": self.c.manager, "asked_on": "2026-09-28", "question": "？"}
		).insert()
		self.assertEqual((inquiry.status, getdate(inquiry.reply_due_date)), ("Awaiting Reply", getdate("2026-10-23")))
		with self.assertRaisesRegex(frappe.ValidationError, "owes a reply anyway"):
			inquiry.decide_written_reply(0)


class TestDisciplineCommitteeMember(CountyTestCase):
	def test_a_member_questions_the_campaigns_cadres_and_reads_only_their_own_questions(self):
		c = self.c
		member = make_cadre(c.town_b, "纪委委员甲", roles=("Discipline Committee Member",))
		other_member = make_cadre(c.town_b, "纪委委员乙", roles=("Discipline Committee Member",))
		campaign = make_campaign(getdate(nowdate()).year, cadres=[c.cadre_a.name, member.name], status="Active")

		frappe.set_user(c.cadre_b.user)  # a plain cadre files no written question
		with self.assertRaises(frappe.PermissionError):
			file_written_inquiry(campaign.name, c.cadre_a.name, "？")

		frappe.set_user(member.user)
		targets = inquiry_targets()
		self.assertIn((campaign.name, c.cadre_a.name), [(t["campaign"], t["cadre"]) for t in targets])
		self.assertNotIn(member.name, [t["cadre"] for t in targets])  # never themselves
		with self.assertRaisesRegex(frappe.ValidationError, "does not report in this campaign"):
			file_written_inquiry(campaign.name, c.cadre_b.name, "？")
		with self.assertRaisesRegex(frappe.ValidationError, "yourself"):
			file_written_inquiry(campaign.name, member.name, "？")
		name = file_written_inquiry(campaign.name, c.cadre_a.name, "落实“一岗双责”有哪些具体举措？")
		frappe.db.commit()
		self.assertEqual(frappe.get_list("Sanshu Inquiry", pluck="name"), [name])
		doc = frappe.get_doc("Sanshu Inquiry", name)
		self.assertEqual((doc.inquiry_type, doc.asker, doc.asker_cadre, doc.status), ("Written Inquiry", member.user, member.name, "Awaiting Reply"))
		doc.question = "改问题"
		with self.assertRaises(frappe.PermissionError):
			doc.save()

		frappe.set_user(c.cadre_a.user)
		doc = frappe.get_doc("Sanshu Inquiry", name)
		doc.reply = "已建立清单，逐项落实。"
		doc.save()

		frappe.set_user(member.user)
		self.assertEqual(frappe.get_doc("Sanshu Inquiry", name).reply, "已建立清单，逐项落实。")
		frappe.set_user(other_member.user)
		self.assertEqual(frappe.get_list("Sanshu Inquiry", pluck="name"), [])
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Sanshu Inquiry", name).check_permission("read")


class TestRectificationNotice(CountyTestCase):
	def test_the_notice_dates_the_clock_and_tells_the_subject(self):
		c = self.c
		frappe.set_user(c.manager)
		campaign = make_campaign(getdate(nowdate()).year, cadres=[c.cadre_a.name], scheme="Work, Responsibility and Integrity")
		rect = frappe.get_doc(
			{"doctype": "Rectification", "source_type": "Inspection", "campaign": campaign.name, "cadre": c.cadre_a.name, "notice_date": "2026-01-05", "problems": "<p>台账不全</p>"}
		).insert()
		self.assertIsNone(rect.notice_date, "a draft has no notice: no date typed or taken from elsewhere")
		self.assertIsNone(rect.report_due_date)
		self.assertEqual(notifications(c.cadre_a.user, rect.name), [])
		self.assertNotIn(rect.name, [t["name"] for t in my_todos(c.cadre_a.name)])

		apply_workflow(rect, "Issue Notice")
		rect.reload()
		self.assertEqual(getdate(rect.notice_date), getdate(today()))
		self.assertEqual(getdate(rect.report_due_date), deadline_from(DEADLINES, "Rectification Report", today()))
		self.assertEqual(len(notifications(c.cadre_a.user, rect.name)), 1)
		todo = [t for t in my_todos(c.cadre_a.name) if t["name"] == rect.name]
		self.assertEqual([(t["kind"], t["deadline"]) for t in todo], [(frappe._("Submit the rectification plan"), getdate(rect.report_due_date))])

		office = frappe.db.get_single_value("Sanshu Settings", "issuing_office")
		html = frappe.get_print("Rectification", rect.name, "Rectification Notice")
		self.assertIn(f"将整改情况书面报告{office}", html)
		self.assertIn("下一次述职述责述廉大会", html)
		frappe.db.set_value("Sanshu Campaign", campaign.name, "scheme", "Responsibility, Integrity and Ethics")
		html = frappe.get_print("Rectification", rect.name, "Rectification Notice")
		self.assertIn("下一次述责述廉述德大会", html)
		self.assertNotIn("县纪委常委会", html.replace(office or "-", ""))

	def test_a_deadline_on_a_holiday_moves_only_when_the_rule_set_says_so(self):
		rule_set = frappe.get_doc("Sanshu Rule Set", DEADLINES)
		self.assertEqual(rule_set.deadline_moves_off_holidays, 1, "shipped on (民法典 第二百零三条)")
		try:
			# Notice on 2025-09-01: day 30 is 国庆节 2025-10-01; the first working day after the holiday is 10-09.
			self.assertEqual(deadline_from(DEADLINES, "Rectification Report", "2025-09-01"), getdate("2025-10-09"))
			frappe.db.set_value("Sanshu Rule Set", DEADLINES, "deadline_moves_off_holidays", 0)
			self.assertEqual(deadline_from(DEADLINES, "Rectification Report", "2025-09-01"), getdate("2025-10-01"))
		finally:
			frappe.db.set_value("Sanshu Rule Set", DEADLINES, "deadline_moves_off_holidays", 1)


class TestFeedback(CountyTestCase):
	def test_suggestions_are_compiled_printed_and_carried_by_the_bulk_recommendations(self):
		c = self.c
		voters = [make_user(f"反馈评议{i}", ("Evaluator",)) for i in range(5)]
		frappe.set_user(c.manager)
		campaign = make_campaign(getdate(nowdate()).year, cadres=[c.cadre_a.name, c.cadre_b.name])
		evaluations = {}
		for cadre in (c.cadre_a, c.cadre_b):
			evaluations[cadre.name] = frappe.get_doc(
				{"doctype": "Sanshu Evaluation", "campaign": campaign.name, "cadre": cadre.name, "roster": [{"evaluator": u, "evaluator_group": "Discipline Committee Member"} for u in voters]}
			).insert()
		for voter in voters:
			frappe.set_user(voter)
			for ev in evaluations.values():
				cast_ballot(ev.name, "满意")
		frappe.set_user(c.manager)
		for ev in evaluations.values():
			frappe.get_doc("Sanshu Evaluation", ev.name).close_evaluation()
		frappe.get_doc(
			{"doctype": "Sanshu Inquiry", "campaign": campaign.name, "cadre": c.cadre_a.name, "inquiry_type": "Meeting Inquiry", "asker": c.manager, "question": "为何整改迟缓？", "onsite_answer": "已制定方案"}
		).insert()

		ev_a = evaluations[c.cadre_a.name].name
		text = feedback.compile_suggestions(ev_a)
		self.assertEqual(text, "一、会议询问中提出的问题\n1. 为何整改迟缓？（现场回答：已制定方案）")
		with self.assertRaisesRegex(frappe.ValidationError, "by hand"):
			feedback.compile_suggestions(evaluations[c.cadre_b.name].name)
		# the office edits it after closing
		doc = frappe.get_doc("Sanshu Evaluation", ev_a)
		doc.suggestions = text + "\n建议加强对下属单位的日常监督。"
		doc.save()
		html = frappe.get_print("Sanshu Evaluation", ev_a, "测评结果反馈")
		self.assertIn("意见建议", html)
		self.assertIn("建议加强对下属单位的日常监督。", html)

		frappe.set_user(c.cadre_a.user)
		with self.assertRaises(frappe.PermissionError):
			feedback.issue_recommendations(campaign.name)
		frappe.set_user(c.manager)
		with self.assertRaisesRegex(frappe.ValidationError, "乙干部"):
			feedback.issue_recommendations(campaign.name)
		self.assertEqual(frappe.get_all("Rectification", filters={"campaign": campaign.name}), [], "all or nothing")
		frappe.db.set_value("Sanshu Evaluation", evaluations[c.cadre_b.name].name, "suggestions", "建议加强学习。")
		issued = feedback.issue_recommendations(campaign.name)
		self.assertEqual(len(issued), 2)
		rows = frappe.get_all("Rectification", filters={"name": ("in", issued)}, fields=["cadre", "notice_type", "workflow_state", "notice_date", "problems"])
		self.assertEqual({(r.cadre, r.notice_type, r.workflow_state, str(r.notice_date)) for r in rows}, {(x.name, "Rectification Recommendation", "Notice Issued", today()) for x in (c.cadre_a, c.cadre_b)})
		self.assertIn("建议加强对下属单位的日常监督。", next(r.problems for r in rows if r.cadre == c.cadre_a.name))
		self.assertEqual(len(notifications(c.cadre_b.user, "")), len(set(notifications(c.cadre_b.user, ""))))
		self.assertTrue(notifications(c.cadre_b.user, next(i for i in issued if frappe.db.get_value("Rectification", i, "cadre") == c.cadre_b.name)))
		self.assertEqual(feedback.issue_recommendations(campaign.name), [], "nobody gets a second one")


def phone(code, choices, comments):
	"""A phone submission as Guest, in-process (the page posts exactly this)."""
	import json

	from sanshu_app.api import public

	user, lang = frappe.session.user, frappe.local.lang
	frappe.set_user("Guest")
	try:
		return public.submit_phone_ballot(code, json.dumps(choices, ensure_ascii=False), json.dumps(comments, ensure_ascii=False))
	finally:
		frappe.set_user(user)
		frappe.local.lang = lang


class TestBallotComments(CountyTestCase):
	def meeting(self, cadres):
		frappe.set_user(self.c.manager)
		campaign = make_campaign(getdate(nowdate()).year, cadres=[x.name for x in cadres], scheme="Work, Responsibility and Integrity")
		meeting = frappe.get_doc(
			{
				"doctype": "Sanshu Meeting",
				"campaign": campaign.name,
				"meeting_kind": "Reporting Assembly",
				"meeting_date": nowdate(),
				"reporters": [{"cadre": x.name, "report_mode": "Meeting Report"} for x in cadres],
				"groups": [{"evaluator_group": "Service Recipient", "headcount": 10}],
			}
		).insert()
		if hasattr(meeting, "approve_reporters"):
			meeting.approve_reporters()
		return meeting

	def test_phone_and_paper_comments_are_kept_apart_and_fed_back_only_over_k_ballots(self):
		import re

		from sanshu_app import ballot_box

		lang = frappe.local.lang
		self.addCleanup(setattr, frappe.local, "lang", lang)
		many, few = make_cadre(self.c.town_b, "评论干部"), make_cadre(self.c.town_b, "少票干部")
		meeting = self.meeting([many, few])
		codes = re.findall(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}\b", re.sub(r"<svg.*?</svg>", "", meeting.generate_codes("Service Recipient", 5)["html"], flags=re.S))
		key_many, key_few = (r.name for r in meeting.reporters)
		said = {0: "要多下基层", 2: "班子团结，作风扎实", 3: "  "}
		for i, code in enumerate(codes):
			phone(code, {key_many: "好", key_few: "较好"}, {key_many: said.get(i, ""), **({key_few: "仅一条"} if i == 0 else {})})
		# The comment box holds the evaluation and the text: no choice, group, voter, code or time.
		frappe.db.sql(f"select * from `{ballot_box.COMMENT_TABLE}` limit 0")
		columns = [d[0] for d in frappe.db._cursor.description]
		self.assertEqual(tuple(columns), ballot_box.COMMENT_COLUMNS)
		evaluation = frappe.get_doc("Sanshu Evaluation", meeting.reporters[0].evaluation)
		with self.assertRaises(frappe.PermissionError):
			ballot_box.comments(evaluation)  # sealed while the evaluation is open
		frappe.set_user(self.c.manager)
		frappe.get_doc("Sanshu Meeting", meeting.name).close_meeting()
		self.assertEqual(feedback.add_paper_comments(evaluation.name, "纸质票：加强学习\n\n"), 1)
		text = feedback.compile_suggestions(evaluation.name)
		self.assertEqual(text, "\n".join(["一、测评中提出的意见建议", *(f"{n}. {c}" for n, c in enumerate(sorted(["要多下基层", "班子团结，作风扎实", "纸质票：加强学习"]), start=1))]))

		# Below k ballots no comment is shown: one among few ballots could be matched to its voter.
		few_evaluation = frappe.get_doc("Sanshu Evaluation", meeting.reporters[1].evaluation)
		k = few_evaluation.min_ballots_shown()
		self.assertGreaterEqual(few_evaluation.total_ballots, k)
		frappe.db.set_value("Sanshu Rule Set", few_evaluation.rule_set, "min_ballots_shown", few_evaluation.total_ballots + 1)
		try:
			with self.assertRaisesRegex(frappe.ValidationError, "by hand"):
				feedback.compile_suggestions(few_evaluation.name)
		finally:
			frappe.db.set_value("Sanshu Rule Set", few_evaluation.rule_set, "min_ballots_shown", k)
		self.assertEqual(feedback.compile_suggestions(few_evaluation.name), "一、测评中提出的意见建议\n1. 仅一条")
