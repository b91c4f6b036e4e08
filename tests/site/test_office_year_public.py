"""The public side and the smaller steps of the office's year (issue 20), over a real HTTP server
as Guest where the public meets them:
- a reply stays public with its question until the campaign's own "replies shown until" date
  (by default the window's end + 15 working days + the margin), the report itself withdrawn;
- the campaign page publishes its 方案 (text, escaped, and a public file);
- the 六项承诺 marked public appear on their page, nothing else;
- copying a campaign moves the publication window with the other dates;
- 一案三查 opened from a serious audit finding; a concluded typical case named in public;
- a rectification opened from an inspection carries its year's campaign;
- the office is reminded when a quarter has no inspection or no bulletin."""

import random
from datetime import timedelta
from urllib.parse import quote

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, nowdate

from sanshu_app.permissions import forget_scopes
from sanshu_app.rules.working_days import add_working_days
from sanshu_app.supervision import reminders
from sanshu_app.supervision.doctype.supervision_inspection.supervision_inspection import open_rectification
from sanshu_app.utils import calendar_overrides
from tests.site.factories import CountyTestCase, make_campaign, unique
from tests.site.webserver import SiteServer

SCRIPT = "<script>alert('x')</script>"
ASK = "/api/method/sanshu_app.api.public.ask_question"


class TestPublicSide(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.server = SiteServer()

	@classmethod
	def tearDownClass(cls):
		cls.server.stop()
		super().tearDownClass()

	def page(self, path):
		return self.server.request(path, headers={"Accept": "text/html"})

	def test_a_reply_stays_with_its_question_until_the_campaigns_own_date(self):
		c = self.c
		campaign = make_campaign(
			getdate(nowdate()).year,
			units=[c.town_a],
			cadres=[c.cadre_a.name],
			report_due_date=add_days(nowdate(), -1),
			meeting_date=add_days(nowdate(), 10),
			publish_reports_before_meeting=1,
			publish_from=add_days(nowdate(), -2),
			publish_until=add_days(nowdate(), 3),
		)
		expected = add_working_days(getdate(campaign.publish_until), 15, calendar_overrides()) + timedelta(days=7)
		self.assertEqual(getdate(campaign.replies_shown_until), expected)
		report = frappe.get_doc({"doctype": "Sanshu Report", "campaign": campaign.name, "cadre": c.cadre_a.name}).insert(ignore_permissions=True)
		for row in report.sections:
			row.content = f"<p>报告正文{row.section}</p>"
		report.save(ignore_permissions=True)
		report = apply_workflow(apply_workflow(report, "Submit Report"), "Accept Report")
		question = frappe.get_doc(
			{"doctype": "Public Question", "report": report.name, "question": "食堂采购为何不公开？", "status": "Accepted", "asked_at": frappe.utils.now_datetime()}
		).insert(ignore_permissions=True)
		question.db_set({"reply_published": 1, "published_reply": f"已在公示栏公开 {SCRIPT}", "reply_published_on": nowdate()})
		# the window ends (the office moves it into the past): the replies stay, the report goes
		campaign.reload()
		campaign.publish_from, campaign.publish_until = add_days(nowdate(), -20), add_days(nowdate(), -1)
		campaign.save(ignore_permissions=True)
		frappe.db.commit()
		status, text = self.page(f"/sanshu-public/report?name={quote(report.name)}")
		self.assertEqual(status, 200)
		self.assertIn("食堂采购为何不公开", text)
		self.assertIn("已在公示栏公开", text)
		self.assertNotIn(SCRIPT, text)
		self.assertNotIn("报告正文", text)
		self.assertNotIn('id="ask-form"', text)
		status, text = self.page(f"/sanshu-public/campaign?name={quote(campaign.name)}")
		self.assertEqual(status, 200)
		self.assertIn(c.cadre_a.full_name, text)
		status, body = self.server.json(ASK, {"report": report.name, "question": "还能提问吗"})
		self.assertNotEqual(status, 200)
		# its own date passed: gone
		campaign.replies_shown_until = add_days(nowdate(), -1)
		campaign.save(ignore_permissions=True)
		frappe.db.commit()
		self.assertEqual(self.page(f"/sanshu-public/report?name={quote(report.name)}")[0], 404)
		self.assertEqual(self.page(f"/sanshu-public/campaign?name={quote(campaign.name)}")[0], 404)
		campaign.replies_shown_until = add_days(nowdate(), -30)
		with self.assertRaisesRegex(frappe.ValidationError, "before the publication ends"):
			campaign.save(ignore_permissions=True)

	def test_the_campaign_page_publishes_its_plan_and_a_copy_moves_the_window(self):
		c = self.c
		year = 2700 + random.randrange(0, 200)
		campaign = make_campaign(year, units=[c.town_a], publish_reports_before_meeting=1, publish_from=add_days(nowdate(), -1), publish_until=add_days(nowdate(), 5))
		file = frappe.get_doc(
			{"doctype": "File", "file_name": f"{unique('fangan')}.txt", "content": "方案附件内容", "is_private": 1, "attached_to_doctype": "Sanshu Campaign", "attached_to_name": campaign.name}
		).insert(ignore_permissions=True)
		campaign.public_plan = f"<p>工作方案第一条 {SCRIPT}</p>"
		campaign.public_plan_file = file.file_url
		campaign.save(ignore_permissions=True)
		self.assertTrue(campaign.public_plan_file.startswith("/files/"), campaign.public_plan_file)
		frappe.db.commit()
		status, text = self.page(f"/sanshu-public/campaign?name={quote(campaign.name)}")
		self.assertEqual(status, 200)
		self.assertIn("工作方案第一条", text)
		self.assertNotIn(SCRIPT, text)
		self.assertIn(campaign.public_plan_file, text)
		self.assertEqual(self.server.request(campaign.public_plan_file)[0], 200)

		frappe.set_user(c.manager)
		copy = frappe.get_doc("Sanshu Campaign", campaign.copy_to_next_year())
		for field in ("publish_from", "publish_until", "replies_shown_until"):
			self.assertEqual(getdate(copy.get(field)), getdate(campaign.get(field)).replace(year=getdate(campaign.get(field)).year + 1), field)

	def test_six_commitments_marked_public_appear_on_their_page(self):
		c = self.c
		names = {}
		for label, ctype, state in (
			("公开", "Six Commitments", "Signed"),
			("未签", "Six Commitments", "Awaiting Signature"),
			("年度", "Annual Responsibility Commitment", "Signed"),
		):
			cadre_name = unique(f"承诺{label}")
			doc = frappe.get_doc(
				{
					"doctype": "Integrity Commitment",
					"name": unique("IC-SIX"),
					"commitment_type": ctype,
					"year": 2026,
					"cadre": c.cadre_b.name,
					"cadre_name": cadre_name,
					"unit": c.town_b,
					"is_public": 1,
					"workflow_state": state,
					"docstatus": 1 if state == "Signed" else 0,
					"signed_at": frappe.utils.now_datetime(),
					"items": [{"item": f"不利用职权谋私 {SCRIPT}"}],
				}
			)
			doc.db_insert()
			for row in doc.items:
				row.db_insert()
			names[label] = cadre_name
		frappe.cache.delete_keys("sanshu-public-page")
		frappe.db.commit()
		status, text = self.page("/sanshu-public/commitments")
		self.assertEqual(status, 200)
		self.assertIn(names["公开"], text)
		self.assertIn("不利用职权谋私", text)
		self.assertNotIn(SCRIPT, text)
		self.assertNotIn(names["未签"], text)
		self.assertNotIn(names["年度"], text)
		self.assertIn("/sanshu-public/commitments", self.page("/sanshu-public")[1])


class TestCasesAndQuarters(CountyTestCase):
	def test_a_serious_audit_finding_opens_a_case_and_a_concluded_case_is_named_in_public(self):
		c = self.c
		frappe.db.set_value("Sanshu Unit", c.town_a, "discipline_officer", c.cadre_a.name)
		forget_scopes()  # set_value skips the document events
		frappe.set_user(c.manager)
		finding = frappe.get_doc(
			{"doctype": "Audit Finding", "audit_type": "Special Fund Audit", "audit_title": unique("专项资金审计"), "report_date": nowdate(), "cadre": c.cadre_station.name, "unit": c.town_a, "finding": "套取专项资金（内部线索甲）", "serious": 0}
		).insert()
		with self.assertRaisesRegex(frappe.ValidationError, "serious"):
			finding.open_case()
		self.assertFalse(frappe.db.exists("Case Accountability", {"source_audit_finding": finding.name}))
		finding.serious = 1
		finding.save()
		name = finding.open_case()
		self.assertEqual(finding.open_case(), name)  # asked again: the same case
		case = frappe.get_doc("Case Accountability", name)
		self.assertEqual((case.source_audit_finding, case.person, case.party_secretary, case.discipline_officer), (finding.name, c.cadre_station.name, c.secretary_a.name, c.cadre_a.name))
		self.assertIn("套取专项资金", case.summary)

		case.public_naming, case.public_summary = 1, f"某所套取专项资金被严肃问责 {SCRIPT}"
		with self.assertRaisesRegex(frappe.ValidationError, "concluded"):
			case.save()
		case = frappe.get_doc("Case Accountability", name)
		self.assertFalse(case.public_naming)  # refused: nothing changed
		for field in ("person", "secretary", "officer"):
			case.set(f"{field}_finding", "查实")
			case.set(f"{field}_outcome", "诫勉谈话")
		case.public_naming = 0
		case.save()
		case.conclude()
		case.reload()
		case.public_naming, case.public_summary = 1, f"某所套取专项资金被严肃问责 {SCRIPT}"
		case.save()
		frappe.db.commit()
		server = SiteServer()
		try:
			status, text = server.request("/sanshu-public/cases", headers={"Accept": "text/html"})
		finally:
			server.stop()
		self.assertEqual(status, 200)
		self.assertIn("某所套取专项资金被严肃问责", text)
		self.assertIn("一案三查", text)
		self.assertNotIn(SCRIPT, text)
		self.assertNotIn("内部线索甲", text)  # only the text written for publication

	def test_a_rectification_from_an_inspection_carries_its_years_campaign(self):
		c = self.c
		year = 3100 + random.randrange(0, 3000)
		campaign = make_campaign(year, units=[c.town_a]).name
		frappe.set_user(c.manager)
		inspection = frappe.get_doc(
			{
				"doctype": "Supervision Inspection",
				"inspection_title": unique("片组巡查"),
				"inspection_kind": "Area Team Inspection",
				"inspection_date": f"{year}-05-10",
				"units": [{"unit": c.town_a}],
				"findings": [{"unit": c.town_a, "severity": "General", "description": "台账不全"}],
			}
		).insert()
		rectification = open_rectification(inspection.name, inspection.findings[0].name)
		self.assertEqual(frappe.db.get_value("Rectification", rectification, "campaign"), campaign)

	def test_the_office_is_reminded_of_a_quarter_without_inspection_or_bulletin(self):
		year = 6000 + random.randrange(0, 3000)
		day = getdate(f"{year}-12-20")
		sent = reminders.run_daily(day)
		mine = [s for u, s in sent if u == self.c.manager]
		self.assertEqual(len(mine), 4, mine)  # Q3 and Q4: no inspection, no bulletin
		self.assertTrue(all(str(year) in s for s in mine), mine)
		self.assertEqual([s for u, s in reminders.run_daily(day) if u == self.c.manager], [])  # once only
		for quarter in (3, 4):
			frappe.get_doc({"doctype": "Supervision Bulletin", "bulletin_title": unique("通报"), "year": year, "quarter": quarter}).insert(ignore_permissions=True)
			insp = frappe.get_doc({"doctype": "Supervision Inspection", "inspection_title": unique("巡查"), "inspection_kind": "Random Check", "inspection_date": f"{year}-{3 * quarter:02d}-01"})
			insp.insert(ignore_permissions=True)
		frappe.db.delete("Notification Log", {"subject": ("in", mine)})
		self.assertEqual([s for u, s in reminders.run_daily(day) if u == self.c.manager], [])
		logs = frappe.get_all("Notification Log", filters={"for_user": self.c.manager, "subject": ("like", f"%{year}%")})
		self.assertEqual(logs, [])
