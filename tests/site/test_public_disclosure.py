"""述前公开 and 网上询问 as the public meets them: through a real HTTP server, as Guest.

Reports are shown only when accepted and within their campaign's window; questions are asked
without login, screened by the office, answered by the cadre and published on approval; nothing
unpublished or internal is reachable as Guest, through the pages or the REST API."""

import json
import re
from urllib.parse import quote

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, nowdate

from sanshu_app.public_disclosure.api import refused_posts
from sanshu_app.public_disclosure.doctype.public_question.public_question import publish_reply, screen
from sanshu_app.public_disclosure.publication import campaigns_on_show, reports_on_show
from sanshu_app.reporting_and_evaluation.doctype.sanshu_inquiry.sanshu_inquiry import mark_overdue_inquiries
from sanshu_app.rules.working_days import add_days as add_working_days
from sanshu_app.utils import calendar_overrides
from tests.site.factories import CountyTestCase, make_campaign
from tests.site.webserver import SiteServer, server_message

SCRIPT = "<script>alert('x')</script>"
ASK = "/api/method/sanshu_app.api.public.ask_question"


def set_questions_per_hour(limit):
	frappe.db.set_single_value("Public Disclosure Settings", "questions_per_hour", limit)
	frappe.cache.delete_keys("rl:")
	frappe.db.commit()


class PublicTestCase(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		c = cls.c
		cls.campaign = make_campaign(
			units=[c.town_a, c.town_b],
			cadres=[c.cadre_a.name, c.cadre_b.name, c.secretary_a.name],
			scheme="Work, Responsibility and Integrity",
			report_due_date=add_days(nowdate(), -1),
			meeting_date=add_days(nowdate(), 10),
			publish_reports_before_meeting=1,
			publish_from=add_days(nowdate(), -2),
			publish_until=add_days(nowdate(), 3),
		)
		cls.accepted = cls.write_report(c.cadre_a, "Accept Report")
		cls.submitted = cls.write_report(c.cadre_b, "Submit Report")
		set_questions_per_hour(1000)
		cls.server = SiteServer()

	@classmethod
	def tearDownClass(cls):
		cls.server.stop()
		super().tearDownClass()

	@classmethod
	def write_report(cls, cadre, last_action):
		report = frappe.get_doc({"doctype": "Sanshu Report", "campaign": cls.campaign.name, "cadre": cadre.name}).insert(ignore_permissions=True)
		for row in report.sections:
			row.content = f"<p>{cadre.full_name}的{row.section}情况 {SCRIPT}</p>"
		report.save(ignore_permissions=True)
		report = apply_workflow(report, "Submit Report")
		if last_action == "Accept Report":
			report = apply_workflow(report, "Accept Report")
		frappe.db.commit()
		return report

	def page(self, path):
		status, text = self.server.request(path, headers={"Accept": "text/html"})
		return status, text

	def ask(self, report, question, contact="", wrong_sum=False, honeypot=""):
		status, text = self.page(f"/sanshu-public/report?name={quote(report)}")
		self.assertEqual(status, 200)
		token = re.search(r'name="captcha_token" value="([^"]+)"', text).group(1)
		first, second = map(int, re.search(r"(\d+) \+ (\d+)", text).groups())
		return self.server.json(
			ASK,
			{"report": report, "question": question, "contact": contact, "captcha_token": token, "captcha": first + second + (1 if wrong_sum else 0), "website": honeypot},
		)


class TestPublication(PublicTestCase):
	def test_reports_published_and_withdrawn_on_their_dates(self):
		c, today = self.c, getdate(nowdate())
		start, end = getdate(self.campaign.publish_from), getdate(self.campaign.publish_until)
		self.assertEqual([r.name for r in reports_on_show(self.campaign.name, today)], [self.accepted.name])
		self.assertEqual([r.name for r in reports_on_show(self.campaign.name, start)], [self.accepted.name])
		self.assertEqual([r.name for r in reports_on_show(self.campaign.name, end)], [self.accepted.name])
		self.assertEqual(reports_on_show(self.campaign.name, add_days(start, -1)), [])
		self.assertEqual(reports_on_show(self.campaign.name, add_days(end, 1)), [])
		self.assertNotIn(self.campaign.name, [x.name for x in campaigns_on_show(add_days(end, 1))])
		self.assertIn(self.campaign.name, [x.name for x in campaigns_on_show(today)])

		status, text = self.page(f"/sanshu-public/campaign?name={quote(self.campaign.name)}")
		self.assertEqual(status, 200)
		self.assertIn(c.cadre_a.full_name, text)
		self.assertNotIn(self.submitted.name, text)
		status, text = self.page(f"/sanshu-public/report?name={quote(self.accepted.name)}")
		self.assertEqual(status, 200)
		self.assertIn("提问", text)  # in Chinese for the public
		self.assertNotIn(SCRIPT, text)
		self.assertIn("&lt;script&gt;", text)
		self.assertEqual(self.page(f"/sanshu-public/report?name={quote(self.submitted.name)}")[0], 404)

		# The office moves the window into the past: the reports are withdrawn at once.
		self.campaign.reload()
		self.campaign.publish_from, self.campaign.publish_until = add_days(nowdate(), -10), add_days(nowdate(), -1)
		self.campaign.save(ignore_permissions=True)
		frappe.db.commit()
		try:
			self.assertEqual(self.page(f"/sanshu-public/report?name={quote(self.accepted.name)}")[0], 404)
			self.assertEqual(self.page(f"/sanshu-public/campaign?name={quote(self.campaign.name)}")[0], 404)
		finally:
			self.campaign.publish_from, self.campaign.publish_until = add_days(nowdate(), -2), add_days(nowdate(), 3)
			self.campaign.save(ignore_permissions=True)
			frappe.db.commit()

	def test_pages_are_kept_between_readers_and_forgotten_when_the_office_changes_them(self):
		"""Many readers at once (issue 24): what a page shows is kept in Redis; any change the office
		makes through the app (publish, withdraw, edit) forgets it at once."""
		campaign_page = f"/sanshu-public/campaign?name={quote(self.campaign.name)}"
		report_page = f"/sanshu-public/report?name={quote(self.accepted.name)}"
		name = self.c.cadre_a.full_name
		self.assertIn(name, self.page(campaign_page)[1])
		self.assertIn(name, self.page(report_page)[1])
		# Written around the app (no document event): the readers keep getting what was kept.
		frappe.db.set_value("Sanshu Report", self.accepted.name, "cadre_name", "改名之后", update_modified=False)
		frappe.db.commit()
		try:
			self.assertIn(name, self.page(campaign_page)[1])
			self.assertNotIn("改名之后", self.page(report_page)[1])
			# Written through the app: forgotten at once.
			frappe.get_doc("Sanshu Report", self.accepted.name).db_set("cadre_name", "改名之后")
			frappe.db.commit()
			self.assertIn("改名之后", self.page(campaign_page)[1])
			self.assertIn("改名之后", self.page(report_page)[1])
		finally:
			frappe.get_doc("Sanshu Report", self.accepted.name).db_set("cadre_name", name)
			frappe.db.commit()
		self.assertIn(name, self.page(report_page)[1])

	def test_window_ending_before_it_starts_is_refused(self):
		self.campaign.reload()
		self.campaign.publish_until = add_days(self.campaign.publish_from, -1)
		with self.assertRaisesRegex(frappe.ValidationError, "before it starts|之前"):
			self.campaign.save(ignore_permissions=True)

	def test_nothing_internal_reachable_as_guest_through_the_api(self):
		question = frappe.get_doc({"doctype": "Public Question", "report": self.accepted.name, "question": "内部", "asked_at": frappe.utils.now_datetime()}).insert(ignore_permissions=True)
		frappe.db.commit()
		for doctype, name in (
			("Sanshu Report", self.submitted.name),
			("Sanshu Report", self.accepted.name),
			("Public Question", question.name),
			("Sanshu Inquiry", None),
			("Sanshu Campaign", self.campaign.name),
			("Satisfaction Survey Code", None),
			("Supervision Inspection", None),
			("Warning Index", None),
			("Satisfaction Survey", None),
			("Supervision Bulletin", None),
			("Supervision Settings", "Supervision Settings"),
			("Public Disclosure Settings", "Public Disclosure Settings"),
		):
			status, body = self.server.json(f"/api/resource/{quote(doctype)}")
			self.assertEqual(status, 403, (doctype, body))
			if name:
				status, body = self.server.json(f"/api/resource/{quote(doctype)}/{quote(name)}")
				self.assertIn(status, (403, 404), (doctype, body))
				self.assertNotIn("内部", str(body))
			for method in ("frappe.client.get_list", "frappe.client.get_count"):
				status, body = self.server.json(f"/api/method/{method}?doctype={quote(doctype)}")
				self.assertEqual(status, 403, (method, doctype, body))
			status, body = self.server.json(f"/api/method/frappe.client.get?doctype={quote(doctype)}&name={quote(name or 'x')}")
			self.assertIn(status, (403, 404), (doctype, body))


class TestOnlineQuestions(PublicTestCase):
	def test_asked_as_guest_screened_answered_and_published_with_one_overdue(self):
		c = self.c
		status, body = self.ask(self.accepted.name, f"请问整改措施？{SCRIPT}", contact="13800000000")
		self.assertEqual(status, 200, body)
		self.assertIn("收到", body["message"]["message"])
		status, _ = self.ask(self.accepted.name, "第二个问题：经费使用情况？")
		self.assertEqual(status, 200)
		status, _ = self.ask(self.accepted.name, "第二个问题：经费怎么用的？")
		self.assertEqual(status, 200)
		status, _ = self.ask(self.accepted.name, "无关内容")
		self.assertEqual(status, 200)
		frappe.db.commit()
		first, second, similar, spam = frappe.get_all("Public Question", filters={"report": self.accepted.name, "status": "Awaiting Screening"}, order_by="creation asc", pluck="name")[-4:]
		self.assertTrue(frappe.db.get_value("Public Question", first, "question").startswith("请问整改措施？"))
		self.assertEqual(frappe.db.get_value("Public Question", first, "cadre"), c.cadre_a.name)

		# Only the office screens.
		frappe.set_user(c.cadre_a.user)
		self.assertRaises(frappe.PermissionError, screen, first, "Accepted")
		frappe.set_user(c.manager)
		with self.assertRaisesRegex(frappe.ValidationError, "reason|理由"):
			screen(spam, "Rejected")
		screen(spam, "Rejected", reason="与报告无关")
		screen(similar, "Merged", reason="与PQ重复", merged_into=second)
		screen(first, "Accepted")
		screen(second, "Accepted")
		accepted = frappe.get_doc("Public Question", first)
		inquiry = frappe.get_doc("Sanshu Inquiry", accepted.inquiry)
		self.assertEqual((inquiry.inquiry_type, inquiry.cadre, inquiry.public_question), ("Online Inquiry", c.cadre_a.name, first))
		self.assertEqual(getdate(inquiry.reply_due_date), add_working_days(getdate(nowdate()), 15, "Working Days", calendar_overrides()))
		self.assertEqual(frappe.db.get_value("Public Question", similar, ["status", "merged_into"]), ("Merged", second))

		# The cadre replies; the public sees nothing until the office approves.
		frappe.set_user(c.cadre_a.user)
		inquiry.reload()
		inquiry.reply = f"已制定整改方案。{SCRIPT}"
		inquiry.save()
		frappe.set_user("Administrator")
		frappe.db.commit()
		text = self.page(f"/sanshu-public/report?name={quote(self.accepted.name)}")[1]
		self.assertNotIn("已制定整改方案", text)
		self.assertNotIn("经费", text)
		frappe.set_user(c.manager)
		self.assertRaisesRegex(frappe.ValidationError, "not replied|尚未答复", publish_reply, second)
		publish_reply(first)
		frappe.set_user("Administrator")
		frappe.db.commit()
		text = self.page(f"/sanshu-public/report?name={quote(self.accepted.name)}")[1]
		self.assertIn("已制定整改方案。", text)
		self.assertIn("请问整改措施？", text)
		self.assertNotIn(SCRIPT, text)
		self.assertIn("&lt;script&gt;", text)
		self.assertNotIn("&amp;lt;", text)  # escaped once: the reader sees the text as typed
		self.assertNotIn("13800000000", text)  # contact details stay with the office
		self.assertNotIn("无关内容", text)

		# The second question's inquiry runs past its due date: flagged overdue like any inquiry.
		late = frappe.db.get_value("Public Question", second, "inquiry")
		frappe.db.set_value("Sanshu Inquiry", late, "reply_due_date", add_days(nowdate(), -1))
		self.assertIn(late, mark_overdue_inquiries())
		self.assertEqual(frappe.db.get_value("Sanshu Inquiry", late, "status"), "Overdue")
		self.assertEqual(frappe.get_doc("Public Question", second).inquiry_status, "Overdue")  # the office sees it on the question
		self.assertEqual(frappe.db.get_value("Sanshu Inquiry", accepted.inquiry, "status"), "Answered")

	def test_refused_posts_store_nothing_but_a_counter(self):
		before_count = frappe.db.count("Public Question")
		before_refused = refused_posts()
		cases = [
			(dict(question="算错了", wrong_sum=True), "算式"),
			(dict(question="机器人", honeypot="http://spam"), "未被受理"),
			(dict(question="长" * 501), "500"),
			(dict(question="   "), "提问内容"),
		]
		for kwargs, message in cases:
			status, body = self.ask(self.accepted.name, **kwargs)
			self.assertEqual(status, 417, body)
			self.assertIn(message, server_message(body))
		# A report that is not published takes no question, whatever the form says.
		status, text = self.page(f"/sanshu-public/report?name={quote(self.accepted.name)}")
		token = re.search(r'name="captcha_token" value="([^"]+)"', text).group(1)
		first, second = map(int, re.search(r"(\d+) \+ (\d+)", text).groups())
		status, body = self.server.json(ASK, {"report": self.submitted.name, "question": "未公开的报告", "captcha_token": token, "captcha": first + second})
		self.assertEqual(status, 417)
		self.assertIn("未公开", server_message(body))
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("Public Question"), before_count)
		self.assertEqual(refused_posts(), before_refused + 5)

	def test_posts_are_throttled(self):
		from sanshu_app.utils import net as utils_net

		set_questions_per_hour(2)
		utils_net.forget_calls("public-question", "127.0.0.1")  # the test server's client: the peer counted
		try:
			statuses = [self.ask(self.accepted.name, "限流", wrong_sum=True)[0] for _ in range(3)]
			self.assertEqual(statuses, [417, 417, 429])
			# a new X-Forwarded-For value is no new visitor (no trusted proxy is set)
			status, text = self.page(f"/sanshu-public/report?name={quote(self.accepted.name)}")
			status, body = self.server.request(ASK, {"report": self.accepted.name, "question": "换个地址"}, headers={"X-Forwarded-For": "198.51.100.77"})
			self.assertEqual(status, 429, body)
			self.assertIn("请求过多", server_message(json.loads(body)))
		finally:
			set_questions_per_hour(1000)

	def test_public_questions_are_office_only_in_the_desk(self):
		frappe.set_user(self.c.secretary_a.user)
		self.assertRaises(frappe.PermissionError, frappe.get_list, "Public Question")
		self.assertFalse(frappe.has_permission("Public Question", "read"))
