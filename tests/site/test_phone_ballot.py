"""The phone ballot through a real web server: a real browser at 360 px, and anonymity of codes.

This module commits (the web server answers from its own connections), so it makes its own
small meeting with few users.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from threading import Thread
from unittest.mock import patch

import frappe
from frappe.tests import IntegrationTestCase
from frappe.utils import get_test_client, getdate, now_datetime, nowdate

from sanshu_app import ballot_box
from sanshu_app.meeting_day import ballot_codes
from tests.site.api import api_credentials
from tests.site.factories import make_cadre, make_campaign, make_unit, make_user
from tests.site.test_evaluation_anonymity import LOG_DOCTYPES, poll, without_voted_flags
from tests.site.test_meeting_day import codes_from_slips

SUBMIT = "/api/method/sanshu_app.api.public.submit_phone_ballot"
SCREENSHOT = Path(tempfile.gettempdir()) / "sanshu-ballot-360.png"
SERVER = """
import sys
import frappe.app as app
from werkzeug.serving import run_simple
app._site, app._sites_path = sys.argv[1], "."
run_simple("127.0.0.1", int(sys.argv[2]), app.application, use_reloader=False, use_debugger=False, threaded=True)
"""


def guest_post(path, data):
	"""POST as an anonymous phone would: no login, no token."""
	site = frappe.local.site
	result = {}

	def call():
		with patch("frappe.app.get_site_name", return_value=site):
			response = get_test_client().post(path, data=data)
			result["status"], result["body"] = response.status_code, response.get_data(as_text=True)

	thread = Thread(target=call)
	thread.start()
	thread.join()
	return result["status"], result["body"]


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


def wait_for_port(port, seconds=60):
	deadline = time.monotonic() + seconds
	while time.monotonic() < deadline:
		with socket.socket() as s:
			if s.connect_ex(("127.0.0.1", port)) == 0:
				return
		time.sleep(0.2)
	raise RuntimeError(f"no web server on port {port}")


class MeetingFixture(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		unit = make_unit("手机测评单位")
		cls.cadres = [make_cadre(unit, name, with_user=False) for name in ("周一鸣", "吴二妹", "郑三")]
		campaign = make_campaign(getdate(nowdate()).year, cadres=[c.name for c in cls.cadres], scheme="Work, Responsibility and Integrity")
		cls.manager = make_user("党廉办手机", ("Sanshu Manager",))
		frappe.set_user(cls.manager)
		cls.meeting = frappe.get_doc(
			{
				"doctype": "Sanshu Meeting",
				"campaign": campaign.name,
				"meeting_kind": "Reporting Assembly",
				"meeting_date": nowdate(),
				"place": '<img src=x onerror="alert(1)">第二会议室',
				"reporters": [{"cadre": c.name} for c in cls.cadres],
				"groups": [{"evaluator_group": "Service Recipient", "headcount": 6}],
			}
		).insert()
		cls.made_at = now_datetime() - timedelta(seconds=1)
		cls.meeting.approve_reporters()  # 审定 (003 §14) before ballots
		cls.codes = codes_from_slips(cls.meeting.generate_codes("Service Recipient", 6)["html"])
		frappe.set_user("Administrator")
		frappe.db.commit()


class TestPhoneBallotInABrowser(MeetingFixture):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.port = free_port()
		cls.server = subprocess.Popen(
			[sys.executable, "-c", SERVER, frappe.local.site, str(cls.port)],
			cwd=os.getcwd(),  # the sites folder (the site tier's plugin runs there)
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
		)
		wait_for_port(cls.port)

	@classmethod
	def tearDownClass(cls):
		cls.server.terminate()
		cls.server.wait(timeout=30)
		super().tearDownClass()

	def browser(self):
		from selenium import webdriver
		from selenium.webdriver.chrome.service import Service

		options = webdriver.ChromeOptions()
		options.binary_location = "/usr/bin/chromium"
		from tests.site.browser import CHROMIUM_FLAGS, assert_guest_methods_allowed, record_network

		for flag in (
			*(f for f in CHROMIUM_FLAGS if not f.startswith("--window-size")),
			"--window-size=360,800",
			f"--user-data-dir={tempfile.mkdtemp(prefix='sanshu-chromium-')}",
		):
			options.add_argument(flag)
		record_network(options)
		driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
		self.addCleanup(driver.quit)
		self.addCleanup(assert_guest_methods_allowed, driver)  # runs before quit
		# a phone's viewport: 360 CSS pixels wide (a desktop window cannot be made that narrow)
		driver.execute_cdp_cmd(
			"Emulation.setDeviceMetricsOverride", {"width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True}
		)
		return driver

	def test_a_phone_at_360_px_rates_every_reporter_in_one_submission(self):
		from selenium.webdriver.common.by import By
		from selenium.webdriver.support import expected_conditions as EC
		from selenium.webdriver.support.ui import WebDriverWait

		from sanshu_app.utils import net as utils_net

		# other tests' wrong codes from this machine's address must not throttle the phone
		utils_net.forget_failures(ballot_codes.FAILURES, "127.0.0.1")
		utils_net.forget_calls("phone-ballot", "127.0.0.1")
		driver = self.browser()
		base = f"http://127.0.0.1:{self.port}/sanshu-ballot"
		driver.get(f"{base}?code={self.codes[0].replace('-', '')}")
		WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "ballot-page")))
		self.assertEqual(driver.execute_script("return window.innerWidth"), 360)
		page = driver.find_element(By.ID, "ballot-page").text
		for cadre in self.cadres:
			self.assertIn(cadre.full_name, page)
		place = frappe.db.get_value("Sanshu Meeting", self.meeting.name, "place")
		self.assertIn("<img", place)
		self.assertIn(place, page)  # markup in stored text is shown as text, never run
		self.assertEqual(driver.find_elements(By.CSS_SELECTOR, "#ballot-page img"), [])
		self.assertIn(self.codes[0], page)
		# nothing wider than the phone
		self.assertLessEqual(driver.execute_script("return document.documentElement.scrollWidth"), 360)

		# a partial ballot is refused on the phone
		cards = driver.find_elements(By.CSS_SELECTOR, "#ballot-form .card")
		self.assertEqual(len(cards), 3)
		cards[0].find_elements(By.TAG_NAME, "label")[0].click()
		driver.find_element(By.ID, "ballot-submit").click()
		error = driver.find_element(By.ID, "ballot-error")
		self.assertTrue(error.is_displayed())
		self.assertIn("还有 2 位报告人未评价", error.text)

		cards[1].find_elements(By.TAG_NAME, "label")[1].click()
		cards[2].find_elements(By.TAG_NAME, "label")[3].click()
		self.assertFalse(error.is_displayed())  # complete now: the warning goes
		self.assertLessEqual(driver.execute_script("return document.documentElement.scrollWidth"), 360)
		driver.save_screenshot(str(SCREENSHOT))
		driver.find_element(By.ID, "ballot-submit").click()
		WebDriverWait(driver, 10).until(EC.alert_is_present()).accept()
		done = WebDriverWait(driver, 20).until(EC.visibility_of_element_located((By.ID, "ballot-done")))
		self.assertIn("您的评价已计入", done.text)

		# the code is spent: opening it again says so; the ballots sit in the box, without the code
		driver.get(f"{base}?code={self.codes[0]}")
		refused = WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "ballot-refused")))
		self.assertIn("该测评码已使用", refused.text)
		frappe.db.rollback()  # see what the server committed
		self.assertEqual(ballot_codes.code_usage(self.meeting.name)["Service Recipient"]["used"], 1)
		rows = frappe.db.sql(f"select * from `{ballot_box.BOX_TABLE}` where box=%s", self.meeting.name, as_dict=True)
		evaluations = [r.evaluation for r in frappe.get_doc("Sanshu Meeting", self.meeting.name).reporters]
		self.assertEqual(sorted((r.subject, r.choice) for r in rows), sorted(zip(evaluations, ["好", "较好", "较差"])))

		# a code typed by hand (any case, spaces) opens the ballot; a wrong one is refused in Chinese
		driver.get(base)
		field = WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "code-input")))
		field.send_keys("0000 0000 00000")
		field.submit()
		# submitting loads a new page: wait for the old field to go, then for what the phone shows
		WebDriverWait(driver, 30).until(EC.staleness_of(field))
		refused = WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "ballot-refused")))
		self.assertIn("测评码无效", refused.text)
		field = WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "code-input")))
		field.clear()
		field.send_keys(self.codes[1].lower().replace("-", " "))
		field.submit()
		WebDriverWait(driver, 30).until(EC.staleness_of(field))
		WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "ballot-form")))
		self.assertEqual(len(driver.find_elements(By.CSS_SELECTOR, "#ballot-form .card")), 3)


class TestCodesAreAnonymous(MeetingFixture):
	def test_no_table_log_or_poll_links_a_code_to_its_choices(self):
		observers = {"manager": api_credentials(self.manager), "Administrator": api_credentials("Administrator")}
		evaluations = [r.evaluation for r in frappe.get_doc("Sanshu Meeting", self.meeting.name).reporters]
		scale = frappe.get_doc("Sanshu Evaluation", evaluations[0]).scale()
		started = now_datetime() - timedelta(seconds=1)
		code_hashes = {c: ballot_codes.hash_code(c, ballot_codes._salt()) for c in self.codes}

		def observe():
			return {who: {ev: poll(token, ev, scale) for ev in evaluations} for who, token in observers.items()}

		before = observe()
		for i, code in enumerate(self.codes[2:5]):
			choices = {row.name: scale[(i + k) % len(scale)] for k, row in enumerate(self.meeting.reporters)}
			status, body = guest_post(SUBMIT, {"code": code, "choices": json.dumps(choices, ensure_ascii=False)})
			self.assertEqual(status, 200, body)
			after = observe()
			# a phone ballot changes nothing any door shows (no roster flag is involved at all)
			self.assertEqual(
				{w: {ev: without_voted_flags(s) for ev, s in per.items()} for w, per in after.items()},
				{w: {ev: without_voted_flags(s) for ev, s in per.items()} for w, per in before.items()},
			)
			self.assertEqual(after, before)
			before = after
		frappe.db.rollback()

		# the code table keeps a hash and a spent flag; the box keeps no code, no hash, no time
		code_columns = {row[0] for row in frappe.db.sql(f"show columns from `{ballot_codes.CODE_TABLE}`")}
		self.assertEqual(code_columns, {"code_hash", "meeting", "voter_group", "spent"})
		box_rows = frappe.db.sql(f"select * from `{ballot_box.BOX_TABLE}` where box=%s", self.meeting.name, as_dict=True)
		self.assertEqual(len(box_rows), 9)
		secrets_ = [c for c in self.codes] + [c.replace("-", "") for c in self.codes] + list(code_hashes.values())
		box_text = json.dumps(box_rows, ensure_ascii=False)
		self.assertFalse(any(s in box_text for s in secrets_))

		# no other table, log or version holds a code or its hash
		for table in frappe.db.get_tables(cached=False):
			if table == ballot_codes.CODE_TABLE:
				continue
			columns = frappe.db.get_table_columns(table[3:]) if table.startswith("tab") else []
			stamp = "modified" if "modified" in columns else "creation" if "creation" in columns else None
			if table.startswith("tab") and not stamp:
				continue
			where = f" where `{stamp}` >= %(since)s" if stamp else ""
			rows = frappe.db.sql(f"select * from `{table}`{where}", {"since": self.made_at}, as_dict=True)
			text = json.dumps(rows, default=str, ensure_ascii=False)
			self.assertFalse(any(s in text for s in secrets_), f"{table} holds a code")
		for doctype in LOG_DOCTYPES:
			for row in frappe.get_all(doctype, filters={"creation": (">=", started)}, fields=["*"]):
				text = json.dumps(row, default=str, ensure_ascii=False)
				self.assertFalse(any(ev in text for ev in evaluations), f"{doctype} {row.name} is about an evaluation")
				self.assertNotIn(self.meeting.name, text, f"{doctype} {row.name} is about the meeting")

		# Redis: the throttle and rate-limit keys name an IP and a method, never a code
		keys = [k.decode() if isinstance(k, bytes) else k for k in frappe.cache.get_keys("")]
		self.assertFalse([k for k in keys if any(s in k for s in secrets_)])

	def test_wrong_codes_are_throttled_per_address(self):
		from sanshu_app.utils import net as utils_net

		utils_net.forget_failures(ballot_codes.FAILURES, "local")  # in-process: no request, no peer
		usage = ballot_codes.code_usage(self.meeting.name)
		self.addCleanup(utils_net.forget_failures, ballot_codes.FAILURES, "local")
		for _ in range(ballot_codes.FAILED_ATTEMPTS_PER_IP):
			with self.assertRaises(frappe.ValidationError):
				ballot_codes.ballot_for_code("0000-0000-00000")
		# now even a good code is turned away for a while
		with self.assertRaises(frappe.RateLimitExceededError):
			ballot_codes.ballot_for_code(self.codes[5])
		self.assertEqual(ballot_codes.code_usage(self.meeting.name), usage)
		utils_net.forget_failures(ballot_codes.FAILURES, "local")
		self.assertIn(self.cadres[0].full_name, [r["cadre_name"] for r in ballot_codes.ballot_for_code(self.codes[5])["reporters"]])
