"""The public pages in a real browser at phone width (360 px): a published report reads without
sideways scrolling, and a question asked through its form reaches the office's screening list."""

import re
import shutil
import tempfile
from urllib.parse import quote

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, nowdate
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.site.factories import CountyTestCase, make_campaign
from tests.site.browser import assert_guest_methods_allowed, record_network
from tests.site.webserver import SiteServer

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
SCREENSHOT = "/tmp/sanshu-public-360.png"
PHONE_WIDTH = 360


def phone_browser(profile):
	options = webdriver.ChromeOptions()
	options.binary_location = CHROMIUM
	for flag in (
		"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		f"--user-data-dir={profile}", f"--window-size={PHONE_WIDTH},800", "--lang=zh-CN",
	):  # fmt: skip
		options.add_argument(flag)
	options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": PHONE_WIDTH, "height": 800, "pixelRatio": 1}})
	record_network(options)
	return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


class TestPublicPagesInABrowser(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		c = cls.c
		cls.campaign = make_campaign(
			units=[c.town_a],
			cadres=[c.cadre_a.name],
			scheme="Work, Responsibility and Integrity",
			publish_reports_before_meeting=1,
			publish_from=add_days(nowdate(), -1),
			publish_until=add_days(nowdate(), 5),
		)
		report = frappe.get_doc({"doctype": "Sanshu Report", "campaign": cls.campaign.name, "cadre": c.cadre_a.name}).insert(ignore_permissions=True)
		for row in report.sections:
			row.content = "<p>" + "认真履行党风廉政建设主体责任，落实“一岗双责”。" * 6 + "</p>"
		report.save(ignore_permissions=True)
		cls.report = apply_workflow(apply_workflow(report, "Submit Report"), "Accept Report")
		frappe.db.set_single_value("Public Disclosure Settings", "questions_per_hour", 1000)
		frappe.cache.delete_keys("rl:")
		frappe.db.commit()
		cls.server = SiteServer()
		cls.profile = tempfile.mkdtemp(prefix="sanshu-chromium-")
		cls.browser = phone_browser(cls.profile)

	@classmethod
	def tearDownClass(cls):
		try:
			assert "sanshu_app.api.public.ask_question" in assert_guest_methods_allowed(cls.browser)
		finally:
			cls.browser.quit()
		cls.server.stop()
		shutil.rmtree(cls.profile, ignore_errors=True)
		super().tearDownClass()

	def test_report_page_at_phone_width_takes_a_question(self):
		b = self.browser
		b.get(f"{self.server.url}/sanshu-public/report?name={quote(self.report.name)}")
		heading = b.find_element(By.CSS_SELECTOR, ".sanshu-public h1")
		self.assertEqual(heading.text, self.c.cadre_a.full_name)
		self.assertEqual(b.execute_script("return window.innerWidth"), PHONE_WIDTH)
		# Nothing wider than the phone: no sideways scrolling.
		self.assertLessEqual(b.execute_script("return document.documentElement.scrollWidth"), PHONE_WIDTH)
		self.assertIn("我要提问", b.page_source)
		textarea = b.find_element(By.NAME, "question")
		self.assertLessEqual(textarea.rect["x"] + textarea.rect["width"], PHONE_WIDTH)

		textarea.send_keys("请问如何落实“一岗双责”？<b>加粗</b>")
		label = b.find_element(By.XPATH, "//label[contains(., '+')]").text
		first, second = map(int, re.search(r"(\d+) \+ (\d+)", label).groups())
		b.find_element(By.NAME, "captcha").send_keys(str(first + second))
		b.find_element(By.ID, "ask-submit").click()
		WebDriverWait(b, 60).until(expected_conditions.text_to_be_present_in_element((By.ID, "ask-result"), "谢谢"))
		b.save_screenshot(SCREENSHOT)
		frappe.db.commit()  # a fresh snapshot: the question came through the server
		asked = frappe.get_all("Public Question", filters={"report": self.report.name}, fields=["question", "status"])
		self.assertEqual(len(asked), 1)
		self.assertEqual(asked[0].status, "Awaiting Screening")
		self.assertIn("请问如何落实", asked[0].question)

	def test_survey_answered_with_a_code_on_a_phone(self):
		from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import issue_codes

		c = self.c
		survey = frappe.get_doc(
			{"doctype": "Satisfaction Survey", "survey_title": "乡镇街道党风政风行风群众满意度测评", "year": 2026, "sector": "Townships and Streets", "units": [{"unit": c.town_a}, {"unit": c.town_b}]}
		).insert(ignore_permissions=True)
		code = issue_codes(survey.name, 1)[0]
		survey.reload()
		survey.status = "Open"
		survey.save(ignore_permissions=True)
		frappe.db.commit()
		b = self.browser
		b.get(f"{self.server.url}/sanshu-public/survey?code={code}")
		self.assertEqual(b.find_element(By.CSS_SELECTOR, ".sanshu-public h1").text, "乡镇街道党风政风行风群众满意度测评")
		self.assertLessEqual(b.execute_script("return document.documentElement.scrollWidth"), PHONE_WIDTH)
		for unit, choice in ((c.town_a, "满意"), (c.town_b, "基本满意")):
			b.find_element(By.CSS_SELECTOR, f'input[data-unit="{unit}"][value="{choice}"]').click()
		b.find_element(By.ID, "survey-submit").click()
		WebDriverWait(b, 60).until(expected_conditions.text_to_be_present_in_element((By.ID, "survey-result"), "谢谢"))
		b.save_screenshot("/tmp/sanshu-public-survey-360.png")
		frappe.db.commit()  # a fresh snapshot: the answer came through the server
		survey.reload()
		self.assertEqual({r.unit: (r.responses, r.score) for r in survey.units}, {c.town_a: (1, 100.0), c.town_b: (1, 60.0)})
		b.get(f"{self.server.url}/sanshu-public/survey?code={code}")  # the code is spent
		self.assertIn("已使用", b.find_element(By.CSS_SELECTOR, ".sanshu-public").text)

	def test_a_citizen_who_changes_their_mind_is_counted_for_the_last_choice(self):
		"""不满意 tapped, then 满意 for the same unit: one choice per unit is shown and 满意 is stored."""
		from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import issue_codes

		c = self.c
		survey = frappe.get_doc(
			{"doctype": "Satisfaction Survey", "survey_title": "改选测评", "year": 2026, "sector": "Townships and Streets", "units": [{"unit": c.town_a}, {"unit": c.town_b}]}
		).insert(ignore_permissions=True)
		code = issue_codes(survey.name, 1)[0]
		survey.reload()
		survey.status = "Open"
		survey.save(ignore_permissions=True)
		frappe.db.commit()
		b = self.browser
		b.get(f"{self.server.url}/sanshu-public/survey?code={code}")
		self.assertEqual(b.find_element(By.CSS_SELECTOR, ".sanshu-public h1").text, "改选测评")

		def option(unit, choice):
			return b.find_element(By.CSS_SELECTOR, f'input[data-unit="{unit}"][value="{choice}"]')

		option(c.town_a, "不满意").click()
		option(c.town_a, "满意").click()  # changed their mind
		option(c.town_b, "基本满意").click()
		# what the citizen sees: one choice per unit
		self.assertTrue(option(c.town_a, "满意").is_selected())
		self.assertFalse(option(c.town_a, "不满意").is_selected())
		self.assertEqual(len(b.find_elements(By.CSS_SELECTOR, f'input[data-unit="{c.town_a}"]:checked')), 1)
		b.find_element(By.ID, "survey-submit").click()
		WebDriverWait(b, 60).until(expected_conditions.text_to_be_present_in_element((By.ID, "survey-result"), "谢谢"))
		b.save_screenshot("/tmp/sanshu-public-survey-changed-360.png")
		frappe.db.commit()  # a fresh snapshot: the answer came through the server
		survey.reload()
		scores = {r.option: r.score for r in survey.scale}
		self.assertEqual(
			{r.unit: (r.responses, r.score) for r in survey.units},
			{c.town_a: (1, scores["满意"]), c.town_b: (1, scores["基本满意"])},
		)

	def test_unknown_and_unpublished_links_say_so_in_chinese_without_platform_chrome(self):
		b = self.browser
		for path in ("/sanshu-public/no-such-page", "/sanshu-public/report?name=no-such-report", "/sanshu-public/campaign?name=no-such-campaign"):
			b.get(self.server.url + path)
			heading = WebDriverWait(b, 60).until(expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, ".sanshu-not-found h1")))
			self.assertEqual(heading.text, "页面不存在", path)
			self.assertEqual(b.title, "页面不存在", path)
			text = b.find_element(By.TAG_NAME, "body").text
			self.assertIn("返回公开与监督首页", text)
			for chrome in ("Error", "服务器错误", "构建此页面时出错", "Frappe", "基于"):
				self.assertNotIn(chrome, text, path)
			self.assertLessEqual(b.execute_script("return document.documentElement.scrollWidth"), PHONE_WIDTH, path)
		b.save_screenshot("/tmp/sanshu-public-404-360.png")
		b.get(self.server.url + "/sanshu-public")  # the app's pages end without the platform's "built on" line
		self.assertTrue(b.find_element(By.CSS_SELECTOR, ".sanshu-public h1").text)
		text = b.find_element(By.TAG_NAME, "body").text
		self.assertNotIn("Frappe", text)
		self.assertNotIn("基于", text)

	def test_index_and_cases_pages_fit_a_phone(self):
		b = self.browser
		for path in ("/sanshu-public", "/sanshu-public/cases", f"/sanshu-public/campaign?name={quote(self.campaign.name)}"):
			b.get(self.server.url + path)
			self.assertTrue(b.find_element(By.CSS_SELECTOR, ".sanshu-public h1").text)
			self.assertLessEqual(b.execute_script("return document.documentElement.scrollWidth"), PHONE_WIDTH, path)
