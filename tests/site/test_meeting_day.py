"""Meeting day: one meeting with 60 code holders, 3 desk evaluators and the clerk's paper workbook;
closed at once, every tally exact. Codes, the draw, last meeting reports, results and letters."""

import json
import re
from io import BytesIO
from unittest.mock import patch

import frappe
from frappe.utils import getdate, nowdate
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from sanshu_app import ballot_box
from sanshu_app.api import public
from sanshu_app.meeting_day import ballot_codes
from sanshu_app.meeting_day.doctype.sanshu_meeting.sanshu_meeting import paper_ballot_template, results_workbook
from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation import cast_ballot
from sanshu_app.sanshu_setup.doctype.sanshu_draw.sanshu_draw import make_draw, verify_draw
from tests.site.factories import CountyTestCase, make_cadre, make_campaign, make_user
from tests.site.frappe_plugin import asset_url
from tests.site.printing import pdf_text, plain

SCALE = ["好", "较好", "一般", "较差"]
CODE_PATTERN = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}\b")


def codes_from_slips(html):
	return CODE_PATTERN.findall(re.sub(r"<svg.*?</svg>", "", html, flags=re.S))


def phone(code, choices):
	"""A phone submission as Guest, in-process (the page posts exactly this)."""
	user, lang = frappe.session.user, frappe.local.lang
	frappe.set_user("Guest")
	try:
		return public.submit_phone_ballot(code, json.dumps(choices, ensure_ascii=False))
	finally:
		frappe.set_user(user)
		frappe.local.lang = lang


def http_guest(path, data=None, headers=None):
	"""A request over HTTP from an anonymous phone (peer 127.0.0.1): (status, body text)."""
	from threading import Thread

	from frappe.utils import get_test_client

	site, result = frappe.local.site, {}

	def call():
		with patch("frappe.app.get_site_name", return_value=site):
			client, peer = get_test_client(), {"REMOTE_ADDR": "127.0.0.1"}  # the TCP peer a server would see
			if data is not None:
				response = client.post(path, data=data, headers=headers or {}, environ_base=peer)
			else:
				response = client.get(path, headers=headers or {}, environ_base=peer)
			result["status"], result["body"] = response.status_code, response.get_data(as_text=True)

	thread = Thread(target=call)
	thread.start()
	thread.join()
	return result["status"], result["body"]


def pad(name):
	"""A name as the clerk typed it: a full-width space inside, a trailing space."""
	return f"{name[0]}\u3000{name[1:]} "


def workbook_file(sheets, name="测评统计.xlsx"):
	"""An uploaded workbook; ``sheets``: [(title, rows, cells to merge)]."""
	book = Workbook()
	book.remove(book.active)
	for title, rows, merges in sheets:
		sheet = book.create_sheet(title)
		for row in rows:
			sheet.append(list(row))
		for merge in merges:
			sheet.merge_cells(merge)
	buffer = BytesIO()
	book.save(buffer)
	doc = frappe.get_doc({"doctype": "File", "file_name": frappe.generate_hash(length=6) + name, "content": buffer.getvalue(), "is_private": 1})
	return doc.insert(ignore_permissions=True).file_url


class TestMeetingDay(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		c = cls.c
		cls.extra = [make_cadre(c.town_b, "乙副镇长"), make_cadre(c.town_a, "甲站长")]
		cls.cadres = [c.secretary_a, c.cadre_a, c.cadre_station, c.cadre_b, *cls.extra]
		cls.campaign = make_campaign(
			getdate(nowdate()).year, units=[c.town_a, c.town_b], cadres=[x.name for x in cls.cadres], scheme="Work, Responsibility and Integrity"
		)
		cls.desk = [make_user(f"会场评议员{i}", ("Evaluator",)) for i in range(3)]

	def setUp(self):
		super().setUp()
		self.lang = frappe.local.lang

	def tearDown(self):
		frappe.local.lang = self.lang  # the phone method answers in Chinese; leave the language as it was
		super().tearDown()

	def new_meeting(self, cadres, written=(), campaign=None, approve=True, **values):
		frappe.set_user(self.c.manager)
		meeting = frappe.get_doc(
			{
				"doctype": "Sanshu Meeting",
				"campaign": campaign or self.campaign.name,
				"meeting_kind": "Reporting Assembly",
				"meeting_date": nowdate(),
				"place": "县委第一会议室",
				"reporters": [{"cadre": x.name, "report_mode": "Written Report" if x in written else "Meeting Report"} for x in cadres],
				"groups": [
					{"evaluator_group": "Discipline Committee Member", "headcount": 20},
					{"evaluator_group": "Service Recipient", "headcount": 40},
				],
				"desk_evaluators": [{"evaluator": u, "evaluator_group": "Conduct Supervisor"} for u in self.desk],
				**values,
			}
		).insert()
		if approve and meeting.reporters:
			meeting.approve_reporters()  # 审定 (003 §14): the meeting takes ballots only then
		return meeting

	def fresh_campaign(self, cadres):
		"""A campaign of its own, so no other test's evaluation of these cadres is reused."""
		return make_campaign(getdate(nowdate()).year, cadres=[x.name for x in cadres], scheme="Work, Responsibility and Integrity").name

	def test_a_whole_meeting_with_codes_desk_votes_and_the_clerks_workbook(self):
		meeting = self.new_meeting(self.cadres, written=self.extra, campaign=self.fresh_campaign(self.cadres))
		self.assertEqual(meeting.rule_set, self.campaign.evaluation_rule_set)
		evaluations = {row.cadre_name: row.evaluation for row in meeting.reporters}
		self.assertEqual(len(set(evaluations.values())), 6)
		for name in evaluations.values():
			self.assertEqual({r.evaluator for r in frappe.get_doc("Sanshu Evaluation", name).roster}, set(self.desk))

		# the office makes 20 + 40 codes and prints them as slips: QR code and typed code
		made = meeting.generate_codes("Discipline Committee Member", 20)
		self.assertEqual(made["count"], 20)
		self.assertEqual(made["html"].count("<svg"), 20)
		committee_codes = codes_from_slips(made["html"])
		recipient_codes = codes_from_slips(meeting.generate_codes("Service Recipient", 40)["html"])
		self.assertEqual(len(set(committee_codes + recipient_codes)), 60)
		import segno

		# each slip's QR code opens the phone page with its code
		url = frappe.utils.get_url(f"/sanshu-ballot?code={committee_codes[0].replace('-', '')}")
		self.assertIn(segno.make(url, error="m").svg_inline(scale=3, border=2), made["html"])
		stored = frappe.db.sql(f"select * from `{ballot_codes.CODE_TABLE}` where meeting=%s", meeting.name, as_dict=True)
		self.assertEqual(len(stored), 60)
		flat = json.dumps(stored)
		self.assertFalse(any(code.replace("-", "") in flat or code in flat for code in committee_codes + recipient_codes))
		self.assertEqual(meeting.code_usage(), {"Discipline Committee Member": {"issued": 20, "used": 0}, "Service Recipient": {"issued": 40, "used": 0}})

		# 60 phones: holder i rates reporter k with SCALE[(i + k) % 4]
		order = [row.name for row in meeting.reporters]
		names = [row.cadre_name for row in meeting.reporters]
		expected = {name: dict.fromkeys(SCALE, 0) for name in names}
		expected_groups = {name: {} for name in names}
		holders = [("Discipline Committee Member", code) for code in committee_codes] + [("Service Recipient", code) for code in recipient_codes]
		for i, (group, code) in enumerate(holders):
			choices = {key: SCALE[(i + k) % 4] for k, key in enumerate(order)}
			typed = code.lower().replace("-", " ") if i % 7 == 0 else code  # typed by hand now and then
			self.assertEqual(phone(typed, choices), {"counted": len(order)})  # the page then thanks them (test_phone_ballot)
			for k, name in enumerate(names):
				expected[name][SCALE[(i + k) % 4]] += 1
				key = (group, SCALE[(i + k) % 4])
				expected_groups[name][key] = expected_groups[name].get(key, 0) + 1
			if i == 9:
				# the office watches codes being used, never a choice: every count stays 0 while open
				frappe.set_user(self.c.manager)
				self.assertEqual(meeting.code_usage()["Discipline Committee Member"], {"issued": 20, "used": 10})
				for name in evaluations.values():
					doc = frappe.get_doc("Sanshu Evaluation", name)
					self.assertEqual([(r.online_ballots, r.total_ballots) for r in doc.counts], [(0, 0)] * 4)
					with self.assertRaises(frappe.PermissionError):
						ballot_box.tally(doc)
		frappe.set_user(self.c.manager)
		self.assertEqual(meeting.code_usage(), {"Discipline Committee Member": {"issued": 20, "used": 20}, "Service Recipient": {"issued": 40, "used": 40}})

		# bad phone ballots are refused, in Chinese (the phone page's language), and count nothing
		full = {key: "好" for key in order}
		with self.assertRaisesRegex(frappe.ValidationError, "该测评码已使用"):
			phone(committee_codes[0], full)
		with self.assertRaisesRegex(frappe.ValidationError, "测评码无效"):
			phone("0000-0000-00000", full)
		spare = codes_from_slips(meeting.generate_codes("Service Recipient", 1)["html"])[0]
		with self.assertRaisesRegex(frappe.ValidationError, "请对每位报告人作出评价"):
			phone(spare, {**full, order[2]: ""})
		with self.assertRaisesRegex(frappe.ValidationError, "不是本次测评的选项"):
			phone(spare, {**full, order[0]: "优秀"})
		with self.assertRaisesRegex(frappe.ValidationError, "请对每位报告人"):
			phone(spare, {key: "好" for key in order[:3]})
		self.assertEqual(meeting.code_usage()["Service Recipient"], {"issued": 41, "used": 40})  # refused: not spent

		# three desk evaluators vote from the desk in every evaluation
		for d, user in enumerate(self.desk):
			frappe.set_user(user)
			for k, name in enumerate(names):
				choice = SCALE[(d + 2 * k) % 4]
				cast_ballot(evaluations[name], choice)
				expected[name][choice] += 1
				key = ("Conduct Supervisor", choice)
				expected_groups[name][key] = expected_groups[name].get(key, 0) + 1
		frappe.set_user(self.c.manager)

		# the clerk's workbook: a cover sheet, then a merged title, a note, ticks, padded names, a blank line, totals
		paper = {name: dict.fromkeys(SCALE, 0) for name in names}
		ticks = ["√", "✓", "✔", "○", 1]
		rows = [
			(f"{getdate(nowdate()).year}年度述职述责述廉民主测评统计表", None, None, None, None, None, None),
			("说明：在所选评价下打√", None, None, None, None, None, None),
			("票号", "被评议人", "单位", *SCALE),
		]
		for ballot in range(1, 6):
			for k, name in enumerate(names):
				option = (ballot + k) % 4
				cells = [None] * 4
				cells[option] = ticks[(ballot + k) % len(ticks)]
				rows.append((ballot, pad(name), "某单位", *cells))
				paper[name][SCALE[option]] += 1
			if ballot == 3:
				rows.append((None,) * 7)
		last = len(rows)
		rows.append(("合计", None, None, *[f"=COUNTA({col}4:{col}{last})" for col in "DEFG"]))
		good = [("封面", [("述职述责述廉会议材料",)], []), ("测评票", rows, ["A1:G1", "A2:G2"])]
		file_url = workbook_file(good)

		# a workbook naming someone else is refused whole, with the sheet and the row
		stranger = workbook_file([("Sheet1", [("被评议人", "评价"), (pad(names[0]), "好"), ("外单位某人", "好")], [])])
		with self.assertRaisesRegex(frappe.ValidationError, "Sheet1, row 3: 外单位某人"):
			meeting.import_paper_ballots(stranger, 0)

		preview = meeting.import_paper_ballots(file_url, 0)
		self.assertFalse(preview["committed"])
		self.assertEqual({p["cadre_name"]: p["counts"] for p in preview["reporters"]}, paper)
		self.assertEqual(sum(r.paper_ballots for r in frappe.get_doc("Sanshu Evaluation", evaluations[names[0]]).counts), 0)  # a preview writes nothing
		meeting.import_paper_ballots(file_url, 1)
		self.assertEqual({r.option: r.paper_ballots for r in frappe.get_doc("Sanshu Evaluation", evaluations[names[0]]).counts}, paper[names[0]])

		# closing the meeting closes every evaluation at once; every tally is exact
		meeting = frappe.get_doc("Sanshu Meeting", meeting.name)
		outcomes = meeting.close_meeting()
		self.assertEqual(set(outcomes), set(names))
		for name in names:
			doc = frappe.get_doc("Sanshu Evaluation", evaluations[name])
			self.assertEqual(doc.docstatus, 1)
			self.assertEqual({r.option: r.online_ballots for r in doc.counts}, expected[name], name)
			self.assertEqual({r.option: r.total_ballots for r in doc.counts}, {o: expected[name][o] + paper[name][o] for o in SCALE}, name)
			self.assertEqual(doc.online_ballots, 63)
			self.assertEqual(doc.total_ballots, 63 + 5)
			self.assertEqual(ballot_box.tally(doc, by_group=True), expected_groups[name])
		with self.assertRaisesRegex(frappe.ValidationError, "会议已结束"):
			phone(spare, full)

		# 测评结果汇总表: print and xlsx, per cadre with shares, outcome and rank
		meeting.reload()
		results = meeting.results()
		self.assertEqual(sorted(r["cadre_name"] for r in results), sorted(names))
		self.assertEqual(sorted(r["rank"] for r in results)[0], 1)
		# per group only groups of k = 5 ballots or more: the 3 desk evaluators (Conduct Supervisor)
		# go into 其他, and with them the smallest other group (the 5 paper ballots), so that 其他
		# holds 5 or more too and the whole minus the groups shown does not give it away
		for r in results:
			self.assertEqual(set(r["by_group"]), {"Discipline Committee Member", "Service Recipient", "其他"})
			self.assertEqual(r["merged"], ["Conduct Supervisor", "Paper Ballots"])
			self.assertEqual(sum(r["by_group"]["其他"].values()), 8)
			self.assertTrue(all(sum(c.values()) >= 5 for c in r["by_group"].values()))
		printed = pdf_text("Sanshu Meeting", meeting.name, "测评结果汇总表")
		self.assertIn("测评结果汇总表", printed)
		for name in names:
			self.assertIn(name, printed)
		self.assertIn("68", printed)  # each reporter's total
		self.assertIn("其他", printed)
		self.assertIn("不足5票的类别合并为“其他”", plain(printed))
		self.assertFalse({"Conduct Supervisor", "纠风监督员"} & set(printed.split()) or "纠风监督员" in printed)
		results_workbook(meeting.name)
		sheet = load_workbook(BytesIO(frappe.response["filecontent"])).active
		table = [row for row in sheet.iter_rows(values_only=True)]
		self.assertTrue(any("不足5票的类别合并为“其他”" in str(row[0]) for row in table[:3]))
		header = next(row for row in table if row[1] in ("Cadre Name", "干部姓名"))
		self.assertTrue(any("其他" in str(cell) for cell in header))
		self.assertFalse(any("监督员" in str(cell) or "Conduct Supervisor" in str(cell) for cell in header))  # no column of the small group
		by_name = {row[1]: row for row in table if row[1] in names}
		first = by_name[names[0]]
		self.assertEqual(list(first[2:6]), [expected[names[0]][o] + paper[names[0]][o] for o in SCALE])
		self.assertEqual(first[6], 68)

		# 测评结果反馈 to every reporter in one action
		from sanshu_app.meeting_day.doctype.sanshu_meeting.sanshu_meeting import feedback_letters, feedback_letters_html

		letters = feedback_letters_html(meeting)
		self.assertEqual(letters.count("<h1>测评结果反馈</h1>"), 6)
		for name in names:
			self.assertIn(f"{name}同志", letters)
		with patch.dict(frappe.local.conf, {"host_name": asset_url()}):
			feedback_letters(meeting.name)
		pages = PdfReader(BytesIO(frappe.response["filecontent"])).pages
		self.assertGreaterEqual(len(pages), 6)
		text = plain("".join(page.extract_text() for page in pages))
		for name in names:
			self.assertIn(f"{name}同志", text)

	def test_wrong_codes_count_against_the_peer_address_whatever_x_forwarded_for_says(self):
		from sanshu_app.utils import net as utils_net
		from tests.site.webserver import server_message

		meeting = self.new_meeting(self.cadres[:1], desk_evaluators=[], campaign=self.fresh_campaign(self.cadres[:1]))
		good = codes_from_slips(meeting.generate_codes("Service Recipient", 1)["html"])[0]
		ballot = {"choices": json.dumps({meeting.reporters[0].name: "好"}, ensure_ascii=False)}
		frappe.db.commit()  # the web requests read it from their own connections
		peer = "127.0.0.1"
		utils_net.forget_failures(ballot_codes.FAILURES, peer)
		self.addCleanup(utils_net.forget_failures, ballot_codes.FAILURES, peer)
		vote = "/api/method/sanshu_app.api.public.submit_phone_ballot"
		for i in range(ballot_codes.FAILED_ATTEMPTS_PER_IP):
			# each wrong code claims a new address: it used to reset the counter
			status, body = http_guest(vote, {"code": f"0000-0000-{i:05d}", **ballot}, {"X-Forwarded-For": f"198.51.100.{i}"})
			self.assertEqual(status, 417, body)
			self.assertIn("测评码无效", server_message(json.loads(body)))
		status, body = http_guest(vote, {"code": good, **ballot}, {"X-Forwarded-For": "203.0.113.7"})
		self.assertEqual(status, 429, body)
		self.assertIn("本网络输入错误测评码次数过多", server_message(json.loads(body)))
		status, page = http_guest(f"/sanshu-ballot?code={good}", headers={"X-Forwarded-For": "203.0.113.8", "Accept": "text/html"})
		self.assertIn("本网络输入错误测评码次数过多", page)
		frappe.db.commit()  # a fresh snapshot
		self.assertEqual(meeting.code_usage()["Service Recipient"], {"issued": 1, "used": 0})
		# once the counter is gone (ten minutes), the good code votes
		utils_net.forget_failures(ballot_codes.FAILURES, peer)
		status, body = http_guest(vote, {"code": good, **ballot})
		self.assertEqual(status, 200, body)
		frappe.db.commit()
		self.assertEqual(meeting.code_usage()["Service Recipient"], {"issued": 1, "used": 1})

	def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_counter(self):
		from sanshu_app.utils import net as utils_net
		from tests.site.webserver import server_message

		meeting = self.new_meeting(self.cadres[:1], desk_evaluators=[], campaign=self.fresh_campaign(self.cadres[:1]))
		good = codes_from_slips(meeting.generate_codes("Service Recipient", 1)["html"])[0]
		ballot = {"choices": json.dumps({meeting.reporters[0].name: "好"}, ensure_ascii=False)}
		frappe.db.commit()
		guesser, neighbour = "198.51.100.5", "198.51.100.6"
		for address in (guesser, neighbour):
			utils_net.forget_failures(ballot_codes.FAILURES, address)
			self.addCleanup(utils_net.forget_failures, ballot_codes.FAILURES, address)
		vote = "/api/method/sanshu_app.api.public.submit_phone_ballot"
		# the site names its proxy (127.0.0.1, the peer of every request here); the proxy appends the
		# client's address to whatever the client claimed
		with patch("sanshu_app.utils.net.trusted_proxies", return_value=["127.0.0.1"]):
			for i in range(ballot_codes.FAILED_ATTEMPTS_PER_IP):
				status, body = http_guest(vote, {"code": f"0000-0000-{i:05d}", **ballot}, {"X-Forwarded-For": f"10.9.9.{i}, {guesser}"})
				self.assertEqual(status, 417, body)
			status, body = http_guest(vote, {"code": good, **ballot}, {"X-Forwarded-For": f"1.2.3.4, {guesser}"})
			self.assertEqual(status, 429, body)  # a claimed address in front changes nothing
			self.assertIn("本网络输入错误测评码次数过多", server_message(json.loads(body)))
			status, body = http_guest(vote, {"code": good, **ballot}, {"X-Forwarded-For": neighbour})
			self.assertEqual(status, 200, body)  # another client behind the same proxy votes
		frappe.db.commit()
		self.assertEqual(meeting.code_usage()["Service Recipient"], {"issued": 1, "used": 1})

	def test_the_template_follows_the_clerks_layout_and_reads_back(self):
		meeting = self.new_meeting(self.cadres[:3])
		paper_ballot_template(meeting.name)
		book = load_workbook(BytesIO(frappe.response["filecontent"]))
		rows = list(book.active.iter_rows(values_only=True))
		self.assertIn("A1", str(book.active.merged_cells))
		self.assertEqual(rows[2][:3], ("票号", "被评议人", "单位"))
		self.assertEqual(list(rows[2][3:]), SCALE)
		self.assertEqual([r[1] for r in rows[3:]], [row.cadre_name for row in meeting.reporters])
		# filled in as a clerk would, it is read back
		filled = [list(r) for r in rows]
		for r in filled[3:]:
			r[3] = "√"
		url = workbook_file([(book.active.title, filled, [])])
		counts = meeting.import_paper_ballots(url, 0)
		self.assertEqual([p["counts"]["好"] for p in counts["reporters"]], [1, 1, 1])

	def test_the_draw_is_committed_then_made_and_reproducible(self):
		meeting = self.new_meeting(self.cadres[:2], approve=False)
		committed = meeting.draw_reporters()  # 30% of 6 cadres, rounded up: 2, minus the 2 listed: at least 1
		self.assertEqual(committed["count"], 1)
		draw_doc = frappe.get_doc("Sanshu Draw", committed["draw"])
		self.assertEqual((draw_doc.docstatus, draw_doc.status, draw_doc.result), (0, "Committed", None))
		drawn = make_draw(committed["draw"])
		meeting.reload()
		self.assertEqual([r.cadre for r in meeting.reporters if r.drawn], drawn)
		self.assertEqual((meeting.drawn_by, meeting.draw_count, meeting.sanshu_draw), (self.c.manager, 1, committed["draw"]))
		self.assertTrue(verify_draw(committed["draw"])["verified"])
		self.assertEqual(sorted(r.candidate for r in frappe.get_doc("Sanshu Draw", committed["draw"]).pool), sorted(x.name for x in self.cadres[2:]))

	def test_each_cadre_shows_their_last_meeting_report(self):
		cadres = [make_cadre(self.c.town_b, "任期干部甲"), make_cadre(self.c.town_b, "任期干部乙")]
		campaign = make_campaign(getdate(nowdate()).year, cadres=[x.name for x in cadres], scheme="Work, Responsibility and Integrity").name
		first = self.new_meeting(cadres, written=cadres[1:], campaign=campaign, meeting_date="2025-01-10")
		second = self.new_meeting(cadres, campaign=self.fresh_campaign(cadres))
		self.assertEqual({r.last_meeting_report for r in second.reporters}, {"None"})  # an open meeting does not count (issue 19)
		frappe.db.set_value("Sanshu Meeting", first.name, "status", "Closed")  # held and closed (no ballots needed here)
		second.save()
		rows = {r.cadre: r.last_meeting_report for r in second.reporters}
		self.assertIn(first.name, rows[cadres[0].name])
		self.assertIn("2025-01-10", rows[cadres[0].name])
		self.assertEqual(rows[cadres[1].name], "None")  # reported in writing only
		# An office working in Chinese: the stored text is Chinese whoever saves (here a desk in English).
		frappe.defaults.set_global_default("lang", "zh")
		try:
			second.save()
			self.assertEqual({r.cadre: r.last_meeting_report for r in second.reporters}[cadres[1].name], "无")
		finally:
			frappe.defaults.clear_default("lang", parent="__default")

	def test_only_the_office_runs_the_meeting(self):
		meeting = self.new_meeting(self.cadres[:1])
		frappe.set_user(self.c.cadre_a.user)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Sanshu Meeting", meeting.name).check_permission("read")
		for method, args in (("generate_codes", ("Service Recipient", 1)), ("close_meeting", ()), ("code_usage", ())):
			with self.assertRaises(frappe.PermissionError):
				getattr(meeting, method)(*args)

	def test_weighted_groups_and_abstention_as_rule_set_data(self):
		plain = frappe.get_doc("Sanshu Rule Set", self.campaign.evaluation_rule_set)
		self.assertEqual(plain.weights_by_group(), {})  # the seeds count plainly
		self.assertFalse(plain.allow_abstention)
		weighted = frappe.copy_doc(plain)
		weighted.rule_set_name = f"{plain.rule_set_name} 加权 {frappe.generate_hash(length=4)}"
		weighted.allow_abstention = 1
		weighted.min_ballots_shown = 1  # three ballots, shown here to check the weighting (the default k is 5)
		weighted.append("group_weights", {"evaluator_group": "Discipline Committee Member", "weight": 40})
		weighted.append("group_weights", {"evaluator_group": "Service Recipient", "weight": 50})
		with self.assertRaisesRegex(frappe.ValidationError, "add up to 90"):
			weighted.insert(ignore_permissions=True)
		weighted.group_weights[1].weight = 60
		weighted.insert(ignore_permissions=True)

		cadre = make_cadre(self.c.town_b, "加权干部")
		campaign = make_campaign(getdate(nowdate()).year, cadres=[cadre.name], evaluation_rule_set=weighted.name).name
		meeting = self.new_meeting([cadre], campaign=campaign, desk_evaluators=[])
		committee = codes_from_slips(meeting.generate_codes("Discipline Committee Member", 1)["html"])
		recipients = codes_from_slips(meeting.generate_codes("Service Recipient", 3)["html"])
		key = meeting.reporters[0].name
		phone(committee[0], {key: "好"})
		phone(recipients[0], {key: "较差"})
		phone(recipients[1], {key: "较差"})
		self.assertEqual(phone(recipients[2], {key: ""}), {"counted": 0})  # 弃权 allowed: spent, nothing counted
		self.assertEqual(meeting.code_usage()["Service Recipient"], {"issued": 3, "used": 3})
		frappe.get_doc("Sanshu Meeting", meeting.name).close_meeting()
		evaluation = frappe.get_doc("Sanshu Evaluation", meeting.reporters[0].evaluation)
		self.assertEqual({r.option: r.total_ballots for r in evaluation.counts}, {"好": 1, "较好": 0, "一般": 0, "较差": 2})
		# 纪委委员 40% all 好, 服务对象 60% all 较差 (plainly it would be 1/3 and 2/3)
		self.assertEqual({r.option: r.share for r in evaluation.counts}, {"好": 40.0, "较好": 0.0, "一般": 0.0, "较差": 60.0})
		result = frappe.get_doc("Sanshu Meeting", meeting.name).results()[0]
		self.assertAlmostEqual(result["shares"]["好"], 0.4)

	def test_a_stale_or_late_phone_ballot_is_refused_whole(self):
		meeting = self.new_meeting(self.cadres[:2], desk_evaluators=[], campaign=self.fresh_campaign(self.cadres[:2]))
		codes = codes_from_slips(meeting.generate_codes("Service Recipient", 2)["html"])
		keys = [row.name for row in meeting.reporters]
		# a page loaded before the list changed names a reporter who is no longer there
		with self.assertRaisesRegex(frappe.ValidationError, "非本次会议报告人"):
			phone(codes[0], {keys[0]: "好", keys[1]: "好", "a-removed-row": "较差"})
		# one evaluation closed early by the office: the meeting's phone ballots stop, nothing is counted
		phone(codes[0], {keys[0]: "好", keys[1]: "一般"})
		first = frappe.get_doc("Sanshu Evaluation", meeting.reporters[0].evaluation)
		first.close_evaluation()
		with self.assertRaisesRegex(frappe.ValidationError, "测评已关闭"):
			phone(codes[1], {keys[0]: "较差", keys[1]: "较差"})
		self.assertEqual(meeting.code_usage()["Service Recipient"], {"issued": 2, "used": 1})
		self.assertEqual(ballot_box.tally(frappe.get_doc("Sanshu Evaluation", first.name)), {"好": 1})
		# and a new meeting cannot take a reporter whose evaluation is already closed
		with self.assertRaisesRegex(frappe.ValidationError, "is closed"):
			self.new_meeting(self.cadres[:1], campaign=meeting.campaign)
