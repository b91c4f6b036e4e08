"""A unit's own reports (issue 20; 001 §二1(1), §三3; 002 六) driven by their real users: the unit's
secretary writes the 年度落实党风廉政建设责任制情况报告 under the rule set's headings, the 主体责任人
gives the review opinion (审阅意见) and signs first, the 监督责任人 after; the unit submits it to the
office, which receives it; a late and a missing report are listed; the report prints as an official
document. The same flow carries the unit's 责任分解 (the work-plan tasks it leads) and its 自查报告
with the self-score, which the unit's Responsibility Assessment links to."""

from datetime import date

import frappe
from frappe.utils import random_string, strip_html

from sanshu_app.permissions import forget_scopes
from sanshu_app.responsibility_documents.doctype.unit_responsibility_report.unit_responsibility_report import standing
from sanshu_app.rules.unit_reports import DEFAULT_SECTIONS
from tests.site.factories import CountyTestCase, make_cadre, make_campaign

REPORT = "Unit Responsibility Report"
YEAR = 2030  # a year no other test's campaign takes


def as_user(user):
	frappe.set_user(user)


class TestUnitReports(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		c = cls.c
		cls.officer = make_cadre(c.town_a, "甲纪委书记", roles=("Supervision Officer", "Responsible Cadre"))
		cls.clerk = make_cadre(c.town_a, "甲党政办主任", roles=("Party Secretary",))
		frappe.db.set_value("Sanshu Unit", c.town_a, "discipline_officer", cls.officer.name)
		forget_scopes()  # set_value skips the document events

	def new_report(self, kind="Year-End Report", year=YEAR, unit=None):
		as_user(self.clerk.user)
		return frappe.get_doc({"doctype": REPORT, "report_kind": kind, "unit": unit or self.c.town_a, "year": year}).insert()

	def write_all(self, doc):
		as_user(self.clerk.user)
		doc = frappe.get_doc(REPORT, doc.name)
		for row in doc.sections:
			row.content = f"{row.heading}：本单位按要求落实，成效明显。"
		doc.save()
		return doc

	def review_and_sign(self, doc):
		c = self.c
		as_user(c.secretary_a.user)
		frappe.get_doc(REPORT, doc.name).give_opinion("同意上报。")
		as_user(self.officer.user)
		frappe.get_doc(REPORT, doc.name).give_opinion("情况属实，同意。")
		as_user(c.secretary_a.user)
		frappe.get_doc(REPORT, doc.name).sign()
		as_user(self.officer.user)
		return frappe.get_doc(REPORT, doc.name).sign()

	def test_year_end_report_written_reviewed_signed_submitted_received_and_listed(self):
		c = self.c
		doc = self.new_report()
		self.assertEqual([r.heading for r in doc.sections], list(DEFAULT_SECTIONS))
		self.assertEqual([(r.signer, r.capacity) for r in doc.signatures], [(c.secretary_a.name, "Principal Responsible"), (self.officer.name, "Supervisory Responsible")])
		self.assertEqual((doc.status, str(doc.due_date)), ("Draft", f"{YEAR}-12-31"))
		with self.assertRaisesRegex(frappe.ValidationError, "already"):
			self.new_report()
		with self.assertRaisesRegex(frappe.ValidationError, "Write every section before review"):
			doc.send_for_review()

		doc = self.write_all(doc)
		self.assertEqual(doc.send_for_review(), "Under Review")

		# Signatures wait for both review opinions, and the principal signs first.
		as_user(c.secretary_a.user)
		with self.assertRaisesRegex(frappe.ValidationError, "not awaiting signatures"):
			frappe.get_doc(REPORT, doc.name).sign()
		frappe.get_doc(REPORT, doc.name).give_opinion("同意上报。")
		as_user(self.officer.user)
		self.assertEqual(frappe.get_doc(REPORT, doc.name).give_opinion("情况属实，同意。"), "Awaiting Signature")
		with self.assertRaisesRegex(frappe.ValidationError, "Not your turn to sign yet: waiting for 甲书记"):
			frappe.get_doc(REPORT, doc.name).sign()
		as_user(c.cadre_a.user)
		with self.assertRaises((frappe.PermissionError, frappe.ValidationError)):
			frappe.get_doc(REPORT, doc.name).give_opinion("越权")
		as_user(c.secretary_a.user)
		self.assertEqual(frappe.get_doc(REPORT, doc.name).sign(), "Awaiting Signature")
		as_user(self.officer.user)
		self.assertEqual(frappe.get_doc(REPORT, doc.name).sign(), "Signed")

		# Signed, the text stays as signed.
		as_user(self.clerk.user)
		signed = frappe.get_doc(REPORT, doc.name)
		signed.sections[0].content = "改过的内容"
		with self.assertRaisesRegex(frappe.ValidationError, "returns it to draft"):
			signed.save()
		self.assertEqual(frappe.get_doc(REPORT, doc.name).submit_to_office(), "Submitted")
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(REPORT, doc.name).receive()

		# Another unit's cadre reads none of it; the office receives it.
		as_user(c.cadre_b.user)
		self.assertNotIn(doc.name, frappe.get_list(REPORT, pluck="name"))
		as_user(c.manager)
		self.assertEqual(frappe.get_doc(REPORT, doc.name).receive(), "Received")
		saved = frappe.get_doc(REPORT, doc.name)
		self.assertEqual((saved.received_by, saved.late), (c.manager, 0))
		self.assertEqual([r.review_opinion for r in saved.signatures], ["同意上报。", "情况属实，同意。"])

		# Printed as an official document, with the opinions and signatures.
		html = strip_html(frappe.get_print(REPORT, doc.name, "单位责任制报告"))
		self.assertIn(f"关于{YEAR}年度落实党风廉政建设责任制情况的报告", html)
		self.assertIn("（一）贯彻部署党风廉政建设和反腐败工作情况", html)
		self.assertIn("主体责任人", html)
		self.assertIn("情况属实，同意。", html)

		# Late and missing: town B has none after the due day; a report of a past year comes in late.
		rows = {r.unit: r for r in standing("Year-End Report", YEAR, on=date(YEAR + 1, 1, 10))}
		self.assertEqual((rows[c.town_a].status, rows[c.town_a].report), ("On Time", doc.name))
		self.assertEqual((rows[c.town_b].status, rows[c.town_b].report), ("Missing", None))
		early = {r.unit: r for r in standing("Year-End Report", YEAR, on=date(YEAR, 6, 1))}
		self.assertEqual(early[c.town_b].status, "Not Due")
		past = self.write_all(self.new_report(year=2023))
		past.send_for_review()
		self.review_and_sign(past)
		as_user(self.clerk.user)
		frappe.get_doc(REPORT, past.name).submit_to_office()
		self.assertEqual(frappe.db.get_value(REPORT, past.name, "late"), 1)
		as_user(c.manager)
		from sanshu_app.responsibility_documents.report.unit_reports_late_and_missing.unit_reports_late_and_missing import execute

		listed = {r["unit"]: r for r in execute({"report_kind": "Year-End Report", "year": 2023})[1]}
		self.assertEqual((listed[c.town_a]["status"], listed[c.town_b]["status"]), ("Late", "Missing"))
		as_user(self.clerk.user)
		with self.assertRaises(frappe.PermissionError):
			execute({"report_kind": "Year-End Report", "year": 2023})

		# The office returns a report: back to draft, the signatures to give again.
		as_user(c.manager)
		frappe.get_doc(REPORT, past.name).return_to_draft("请补充追责情况")
		returned = frappe.get_doc(REPORT, past.name)
		self.assertEqual((returned.status, returned.return_reason, returned.late), ("Draft", "请补充追责情况", 0))
		self.assertEqual([r.signed_at for r in returned.signatures], [None, None])

	def test_breakdown_and_self_inspection_go_the_same_way(self):
		c = self.c
		year = YEAR + 3  # its own campaign year
		as_user(c.manager)
		plan = frappe.get_doc({"doctype": "Sanshu Work Plan", "plan_title": f"{year}年任务分工-{random_string(4)}", "year": year, "status": "Active"}).insert()
		led = frappe.get_doc({"doctype": "Sanshu Work Plan Task", "work_plan": plan.name, "content": "牵头开展警示教育", "cadence": "Quarterly", "deadline": f"{year}-12-31", "lead_units": [{"unit": c.town_b}, {"unit": c.town_a}]}).insert()
		frappe.get_doc({"doctype": "Sanshu Work Plan Task", "work_plan": plan.name, "content": "乙镇独自牵头", "cadence": "Quarterly", "deadline": f"{year}-12-31", "lead_units": [{"unit": c.town_b}]}).insert()

		breakdown = self.new_report("Responsibility Breakdown", year=year)
		self.assertEqual([(r.work_plan_task, r.part) for r in breakdown.tasks], [(led.name, "Co-lead")])
		self.assertEqual(breakdown.sections, [])
		with self.assertRaisesRegex(frappe.ValidationError, "Write the measures of task rows 1"):
			breakdown.send_for_review()
		breakdown = frappe.get_doc(REPORT, breakdown.name)
		breakdown.tasks[0].measures = "党委书记负总责，纪委书记具体抓，每季度开展一次"
		breakdown.save()
		breakdown.send_for_review()
		self.assertEqual(self.review_and_sign(breakdown), "Signed")

		inspection = self.write_all(self.new_report("Self-Inspection Report", year=year))
		with self.assertRaisesRegex(frappe.ValidationError, "Write the self-score"):
			inspection.send_for_review()
		inspection.self_score = 120
		inspection.save()
		with self.assertRaisesRegex(frappe.ValidationError, "The self-score is between 0 and 100"):
			frappe.get_doc(REPORT, inspection.name).send_for_review()
		inspection = frappe.get_doc(REPORT, inspection.name)
		inspection.self_score = 88.5
		inspection.save()
		inspection.send_for_review()
		self.review_and_sign(inspection)
		as_user(self.clerk.user)
		frappe.get_doc(REPORT, inspection.name).submit_to_office()

		# The unit's assessment links the 自查报告 and its self-score.
		as_user(c.manager)
		campaign = make_campaign(year, units=[c.town_a])
		assessment = frappe.get_doc({"doctype": "Responsibility Assessment", "campaign": campaign.name, "unit": c.town_a}).insert()
		self.assertEqual((assessment.self_inspection_report, assessment.reported_self_score), (inspection.name, 88.5))
