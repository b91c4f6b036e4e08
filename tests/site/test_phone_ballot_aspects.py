"""The meeting's phone ballot when the rule set rates aspects separately (issue 19; 000 四（二）:
述责、述廉、述德): the page asks for each aspect per reporter, the server refuses a ballot missing one
(nothing stored, the code still good), and closing counts the phone ballots in each aspect's tally."""

import json
import os
import subprocess
import sys
import tempfile

import frappe
from frappe.tests import IntegrationTestCase
from frappe.utils import get_test_client, getdate, nowdate

from sanshu_app import ballot_box
from sanshu_app.meeting_day import ballot_codes
from tests.site import test_phone_ballot as phone
from tests.site.factories import make_cadre, make_campaign, make_unit, make_user, unique
from tests.site.test_meeting_day import codes_from_slips

ASPECTS = ["述责", "述廉", "述德"]


def guest_get(path):
	"""GET as an anonymous phone would."""
	from threading import Thread
	from unittest.mock import patch

	site, result = frappe.local.site, {}

	def call():
		with patch("frappe.app.get_site_name", return_value=site):
			response = get_test_client().get(path, headers={"Accept": "text/html"})
			result["status"], result["body"] = response.status_code, response.get_data(as_text=True)

	thread = Thread(target=call)
	thread.start()
	thread.join()
	return result["status"], result["body"]


def refusal(body):
	"""The message a refused POST carries (what the page shows)."""
	return " ".join(json.loads(m)["message"] for m in json.loads(json.loads(body)["_server_messages"]))


class AspectMeetingFixture(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		unit = make_unit("分项测评单位")
		cls.cadres = [make_cadre(unit, name, with_user=False) for name in ("冯分项", "陈分项")]
		campaign = make_campaign(getdate(nowdate()).year, cadres=[c.name for c in cls.cadres], scheme="Work, Responsibility and Integrity")
		rules = frappe.copy_doc(frappe.get_doc("Sanshu Rule Set", campaign.evaluation_rule_set))
		rules.rule_set_name = unique("分项评价")
		rules.aspects = "\n".join(ASPECTS)
		rules.min_ballots_shown = 2
		rules.insert(ignore_permissions=True)
		cls.rules = rules
		campaign.db_set("evaluation_rule_set", rules.name)
		cls.manager = make_user("党廉办分项", ("Sanshu Manager",))
		frappe.set_user(cls.manager)
		cls.meeting = frappe.get_doc(
			{
				"doctype": "Sanshu Meeting",
				"campaign": campaign.name,
				"meeting_kind": "Reporting Assembly",
				"meeting_date": nowdate(),
				"reporters": [{"cadre": c.name} for c in cls.cadres],
				"groups": [{"evaluator_group": "Service Recipient", "headcount": 6}],
			}
		).insert()
		cls.meeting.approve_reporters()
		cls.codes = codes_from_slips(cls.meeting.generate_codes("Service Recipient", 6)["html"])
		frappe.set_user("Administrator")
		frappe.db.commit()
		cls.scale = rules.scale()
		cls.keys = [row.name for row in cls.meeting.reporters]
		cls.evaluations = [row.evaluation for row in cls.meeting.reporters]

	def setUp(self):
		from sanshu_app.utils import net as utils_net

		for peer in ("127.0.0.1", "local"):
			utils_net.forget_failures(ballot_codes.FAILURES, peer)
			utils_net.forget_calls("phone-ballot", peer)

	def box_rows(self):
		frappe.db.rollback()  # see what the server committed
		return frappe.db.sql(f"select subject, choice from `{ballot_box.BOX_TABLE}` where box=%s", self.meeting.name, as_dict=True)


class TestPhoneBallotPerAspect(AspectMeetingFixture):
	def test_each_aspect_is_asked_checked_and_counted_at_closing(self):
		self.assertEqual(self.rules.aspects_rated(), ASPECTS)
		# the page: one radio group per reporter and aspect, besides the overall one
		status, page = guest_get(f"/sanshu-ballot?code={self.codes[0]}")
		self.assertEqual(status, 200)
		for key in self.keys:
			self.assertIn(f'name="r{key}"', page)
			for aspect in ASPECTS:
				self.assertIn(f'name="a{key}|{aspect}"', page)
		for aspect in ASPECTS:
			self.assertIn(f'<div class="aspect-name">{aspect}</div>', page)

		s = self.scale
		overall = {self.keys[0]: s[0], self.keys[1]: s[1]}
		full = {self.keys[0]: {"述责": s[0], "述廉": s[1], "述德": s[0]}, self.keys[1]: {"述责": s[1], "述廉": s[1], "述德": s[2]}}

		# 述德 left out for the second reporter: refused in Chinese, nothing stored, the code still good
		partial = {self.keys[0]: full[self.keys[0]], self.keys[1]: {"述责": s[1], "述廉": s[1]}}
		status, body = phone.guest_post(
			phone.SUBMIT, {"code": self.codes[0], "choices": json.dumps(overall, ensure_ascii=False), "aspects": json.dumps(partial, ensure_ascii=False)}
		)
		self.assertNotEqual(status, 200)
		self.assertIn("陈分项：述德也须评价", refusal(body))
		# no aspects at all (an old page) is refused too
		status, body = phone.guest_post(phone.SUBMIT, {"code": self.codes[0], "choices": json.dumps(overall, ensure_ascii=False)})
		self.assertNotEqual(status, 200)
		self.assertIn("冯分项：述责也须评价", refusal(body))
		# an option off the scale
		off = {**full, self.keys[1]: {**full[self.keys[1]], "述德": "优秀之外"}}
		status, body = phone.guest_post(phone.SUBMIT, {"code": self.codes[0], "choices": json.dumps(overall, ensure_ascii=False), "aspects": json.dumps(off, ensure_ascii=False)})
		self.assertNotEqual(status, 200)
		self.assertIn("优秀之外", refusal(body))
		self.assertEqual(self.box_rows(), [])
		self.assertEqual(ballot_codes.code_usage(self.meeting.name)["Service Recipient"]["used"], 0)

		# complete: the same code goes through; two more phones
		for code in self.codes[:3]:
			status, body = phone.guest_post(
				phone.SUBMIT, {"code": code, "choices": json.dumps(overall, ensure_ascii=False), "aspects": json.dumps(full, ensure_ascii=False)}
			)
			self.assertEqual(status, 200, body)
		frappe.db.rollback()  # see what the server committed
		self.assertEqual(ballot_codes.code_usage(self.meeting.name)["Service Recipient"]["used"], 3)
		rows = self.box_rows()
		self.assertEqual(len(rows), 3 * 2 * 4)  # per phone and reporter: overall + 3 aspects
		# the box holds box, subject, choice, group only: no code, no hash, no time
		columns = {row[0] for row in frappe.db.sql(f"show columns from `{ballot_box.BOX_TABLE}`")}
		self.assertEqual(columns, set(ballot_box.BOX_COLUMNS))
		text = json.dumps(frappe.db.sql(f"select * from `{ballot_box.BOX_TABLE}` where box=%s", self.meeting.name), ensure_ascii=False)
		hashes = [ballot_codes.hash_code(c, ballot_codes._salt()) for c in self.codes]
		self.assertFalse(any(secret in text for secret in [*self.codes, *[c.replace("-", "") for c in self.codes], *hashes]))

		# closing: each aspect's tally and outcome include the phone ballots
		frappe.set_user(self.manager)
		frappe.get_doc("Sanshu Meeting", self.meeting.name).close_meeting()
		frappe.set_user("Administrator")
		for key, evaluation in zip(self.keys, self.evaluations):
			ev = frappe.get_doc("Sanshu Evaluation", evaluation)
			online = {(r.aspect, r.option): r.online_ballots for r in ev.aspect_counts if r.online_ballots}
			self.assertEqual(online, {(aspect, choice): 3 for aspect, choice in full[key].items()})
			self.assertEqual({r.aspect: r.ballots for r in ev.aspect_outcomes}, dict.fromkeys(ASPECTS, 3))
			self.assertTrue(all(r.outcome for r in ev.aspect_outcomes))


class TestAspectsOnThePhone(AspectMeetingFixture):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.port = phone.free_port()
		cls.server = subprocess.Popen(
			[sys.executable, "-c", phone.SERVER, frappe.local.site, str(cls.port)],
			cwd=os.getcwd(),
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
		)
		phone.wait_for_port(cls.port)

	@classmethod
	def tearDownClass(cls):
		cls.server.terminate()
		cls.server.wait(timeout=30)
		super().tearDownClass()

	browser = phone.TestPhoneBallotInABrowser.browser

	def test_the_phone_shows_each_aspect_as_its_own_group_and_asks_for_all(self):
		from selenium.webdriver.common.by import By
		from selenium.webdriver.support import expected_conditions as EC
		from selenium.webdriver.support.ui import WebDriverWait

		driver = self.browser()
		driver.get(f"http://127.0.0.1:{self.port}/sanshu-ballot?code={self.codes[4]}")
		WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "ballot-form")))
		cards = driver.find_elements(By.CSS_SELECTOR, "#ballot-form .card")
		self.assertEqual(len(cards), 2)
		for card in cards:
			groups = card.find_elements(By.CSS_SELECTOR, ".aspect")
			self.assertEqual([g.find_element(By.CSS_SELECTOR, ".aspect-name").text for g in groups], ASPECTS)
			names = {i.get_attribute("name") for i in card.find_elements(By.CSS_SELECTOR, "input[type=radio]")}
			self.assertEqual(len(names), 1 + len(ASPECTS))  # the overall group and one per aspect
			self.assertIn("总体评价", card.text)
		self.assertLessEqual(driver.execute_script("return document.documentElement.scrollWidth"), 360)

		# every reporter rated overall, but one aspect left: the phone asks for it
		def pick(container, i):
			container.find_elements(By.TAG_NAME, "label")[i].click()

		for card in cards:
			pick(card.find_element(By.CSS_SELECTOR, ":scope > .options"), 0)
			for group in card.find_elements(By.CSS_SELECTOR, ".aspect"):
				pick(group, 1)
		pick(cards[1].find_elements(By.CSS_SELECTOR, ".aspect")[2], 2)  # 述德 changed, still one choice
		# picking an aspect does not take the overall choice away (separate groups)
		self.assertEqual(len(cards[1].find_elements(By.CSS_SELECTOR, "input:checked")), 4)
		driver.execute_script("arguments[0].checked = false", cards[0].find_elements(By.CSS_SELECTOR, ".aspect input:checked")[1])
		driver.find_element(By.ID, "ballot-submit").click()
		error = driver.find_element(By.ID, "ballot-error")
		self.assertTrue(error.is_displayed())
		self.assertIn("还有 1 项分项评价未选择", error.text)

		pick(cards[0].find_elements(By.CSS_SELECTOR, ".aspect")[1], 3)
		driver.find_element(By.ID, "ballot-submit").click()
		WebDriverWait(driver, 10).until(EC.alert_is_present()).accept()
		WebDriverWait(driver, 20).until(EC.visibility_of_element_located((By.ID, "ballot-done")))
		s = self.scale
		expected = [(ev, s[0]) for ev in self.evaluations]
		expected += [(ballot_box.aspect_subject(self.evaluations[0], a), c) for a, c in zip(ASPECTS, [s[1], s[3], s[1]])]
		expected += [(ballot_box.aspect_subject(self.evaluations[1], a), c) for a, c in zip(ASPECTS, [s[1], s[1], s[2]])]
		self.assertEqual(sorted((r.subject, r.choice) for r in self.box_rows()), sorted(expected))
