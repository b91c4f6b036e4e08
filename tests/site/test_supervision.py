"""Supervision as the office runs it: a satisfaction survey over two years flags a unit in the
bottom three both years; an inspection with a random draw, two findings (one opening a
rectification) and the quarterly bulletin as PDF; a warning index over four quarters proposes
talks for the unit persistently at the top."""

import hashlib
import io
import random
import json
from urllib.parse import quote

import frappe
from openpyxl import Workbook, load_workbook

from sanshu_app.sanshu_setup.doctype.sanshu_draw.sanshu_draw import make_draw, verify_draw
from sanshu_app.supervision import bulletin
from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import apply_results, check_accountability, issue_codes, preview_results
from sanshu_app.supervision.doctype.supervision_inspection.supervision_inspection import draw, open_rectification
from sanshu_app.supervision.doctype.warning_index.warning_index import import_counts, propose_talks
from tests.site.factories import CountyTestCase, make_cadre, make_unit
from tests.site.printing import pdf_text
from tests.site.webserver import SiteServer, server_message
from sanshu_app.permissions import forget_scopes

SCRIPT = "<script>alert(1)</script>"


def spare_year() -> int:
	"""A year no other test (or earlier run on a reused site) files supervision records in."""
	return 2100 + random.randrange(0, 7000, 2)


def workbook(rows) -> bytes:
	wb = Workbook()
	for row in rows:
		wb.active.append(row)
	out = io.BytesIO()
	wb.save(out)
	return out.getvalue()


def upload(content: bytes) -> str:
	return frappe.get_doc({"doctype": "File", "file_name": f"{frappe.generate_hash(length=8)}.xlsx", "content": content, "is_private": 1}).insert(ignore_permissions=True).file_url


def units_with_people(count, label):
	"""Units each with a principal and a discipline officer."""
	units = []
	for i in range(count):
		unit = make_unit(f"{label}{i}", unit_type="Township")
		principal = make_cadre(unit, f"{label}{i}书记", roles=("Party Secretary", "Responsible Cadre"), is_principal=1)
		officer = make_cadre(unit, f"{label}{i}纪委书记", roles=("Supervision Officer",), discipline_cadre=1)
		frappe.db.set_value("Sanshu Unit", unit, {"principal": principal.name, "discipline_officer": officer.name})
		forget_scopes()  # set_value skips the document events
		units.append(unit)
	return units


class TestSatisfactionSurvey(CountyTestCase):
	def survey(self, year, units):
		frappe.set_user(self.c.manager)
		return frappe.get_doc(
			{"doctype": "Satisfaction Survey", "survey_title": f"{year}年乡镇街道满意度测评", "year": year, "sector": "Townships and Streets", "units": [{"unit": u} for u in units]}
		).insert()

	def test_two_years_flag_the_unit_in_the_bottom_three_both_years(self):
		a, b, c, d, e = units_with_people(5, "测评镇")
		# Only these units' sector surveys count; other tests' surveys of the sector are other years.
		year = spare_year()
		last = self.survey(year, [a, b, c, d, e])
		self.assertEqual([(r.option, r.score) for r in last.scale], [("满意", 100), ("基本满意", 60), ("不满意", 0)])
		# Last year's results come from an xlsx as the clerk made it; a wrong unit refuses it all.
		bad = workbook([[f"{year}年满意度测评结果"], ["单位", "有效票数", "满意度"], [a, 100, 90], ["不存在的单位", 100, 50]])
		with self.assertRaisesRegex(frappe.ValidationError, "不存在的单位"):
			frappe.local.lang = "zh"
			from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import import_results

			import_results(last.name, upload(bad), commit=1)
		frappe.local.lang = "en"
		self.assertFalse(any(r.responses for r in frappe.get_doc("Satisfaction Survey", last.name).units))
		good = workbook([[f"{year}年满意度测评结果"], ["单位", "有效票数", "满意度"], [a, 100, 95], [f" {b} ", 100, 91], [c, 100, 70], [d, 100, 72], [e, 100, 60], ["合计", 500, None]])
		_doc, sheet = preview_results(last.name, good)
		self.assertEqual(len(sheet.rows), 5)
		apply_results(frappe.get_doc("Satisfaction Survey", last.name), sheet.rows)
		last.reload()
		last.status = "Closed"
		last.save()
		self.assertEqual({r.unit: r.ranking for r in last.units}, {a: 1, b: 2, d: 3, c: 4, e: 5})

		# This year's survey: answered through the public link with one-time codes.
		this = self.survey(year + 1, [a, b, c, d, e])
		codes = issue_codes(this.name, 4)
		this.reload()
		this.status = "Open"
		this.save()
		frappe.db.commit()
		self.assertFalse(frappe.db.exists("Satisfaction Survey Code", {"code_hash": codes[0]}))  # only hashes are kept
		# 13 characters of base32: 65 bits; stored salted, never as the code's plain SHA-256
		self.assertTrue(all(len(c.replace("-", "")) == 13 for c in codes))
		plain_hashes = [hashlib.sha256(c.replace("-", "").encode()).hexdigest() for c in codes]
		self.assertFalse(frappe.db.exists("Satisfaction Survey Code", {"code_hash": ("in", plain_hashes)}))
		self.assertEqual(frappe.db.count("Satisfaction Survey Code", {"survey": this.name}), 4)
		from sanshu_app.utils import net as utils_net

		utils_net.forget_calls("survey", "127.0.0.1")  # answers per address and hour: this test's own
		server = SiteServer()
		try:
			status, text = server.request(f"/sanshu-public/survey?code={codes[0]}", headers={"Accept": "text/html"})
			self.assertIn(a, text)
			answers = [
				{a: "满意", b: "基本满意", c: "满意", d: "不满意", e: "不满意"},
				{a: "满意", b: "满意", c: "满意", d: "基本满意", e: "不满意"},
				{a: "基本满意", b: "不满意", c: "满意", d: "不满意", e: "基本满意"},
			]
			for code, answer in zip(codes, answers):
				status, body = server.json("/api/method/sanshu_app.api.public.answer_survey", {"code": code, "answers": json.dumps(answer, ensure_ascii=False)})
				self.assertEqual(status, 200, body)
			status, body = server.json("/api/method/sanshu_app.api.public.answer_survey", {"code": codes[0], "answers": json.dumps(answers[0], ensure_ascii=False)})
			self.assertEqual(status, 417)
			self.assertIn("已使用", server_message(body))
			status, body = server.json("/api/method/sanshu_app.api.public.answer_survey", {"code": codes[3], "answers": json.dumps({a: "满意"}, ensure_ascii=False)})
			self.assertEqual(status, 417)
			frappe.db.commit()  # a fresh snapshot: the answers came through the server's connections
			self.assertEqual(frappe.db.count("Satisfaction Survey Code", {"survey": this.name, "used": 1}), 3)
			this.reload()
			scores = {r.unit: (r.responses, r.score) for r in this.units}
			self.assertEqual(scores[a], (3, round((100 + 100 + 60) / 3, 2)))
			self.assertEqual(scores[d], (3, 20.0))
			this.status, this.results_published = "Closed", 1
			this.save()
			result = check_accountability(this.name)
			# Bottom three: last year c, d, e; this year d, e and b (b: 60+100+0 = 53.33).
			self.assertEqual(set(result["flagged"]), {d, e})
			# a draft accountability record (问责) per unit, for the office (issue 19), none twice
			drafts = frappe.get_all("Accountability", filters={"source_name": this.name}, fields=["unit", "cadre", "status", "source_type", "figures"])
			self.assertEqual({r.unit for r in drafts}, {d, e})
			on_d = next(r for r in drafts if r.unit == d)
			self.assertEqual((on_d.status, on_d.source_type, on_d.cadre), ("Draft", "Survey Ranking", frappe.db.get_value("Sanshu Unit", d, "principal")))
			self.assertIn("2", on_d.figures)
			self.assertEqual(check_accountability(this.name)["flagged"], result["flagged"])  # again: no second record
			self.assertEqual(frappe.db.count("Accountability", {"source_name": this.name}), 2)
			frappe.db.commit()
			status, text = server.request(f"/sanshu-public/ranking?survey={quote(this.name)}", headers={"Accept": "text/html"})
			self.assertEqual(status, 200)
			self.assertLess(text.index(c), text.index(e))
			self.assertIn("<th>名次</th>", text)  # the place in the ranking, not 职级 (a cadre's rank)
			ws = load_workbook(io.BytesIO(bulletin.survey_ranking_workbook(this.name))).active
			self.assertEqual([row[1] for row in ws.iter_rows(min_row=4, values_only=True)][:1], [c])
		finally:
			server.stop()

	def test_an_open_survey_reads_as_a_status_not_as_a_verb(self):
		"""A survey, meeting, finding or measure that is Open is 未结 in the desk's lists and forms, not 打开."""
		from frappe.model.meta import get_meta

		self.assertIn("Open", get_meta("Satisfaction Survey").get_field("status").options.split("\n"))
		self.assertEqual(frappe._("Open", lang="zh"), "未结")

	def test_issued_survey_codes_come_as_printable_slips_with_qr_codes(self):
		"""Issue Codes answers with A4 slips, twelve to a sheet, each with its code and a QR svg; the
		codes are in no other answer and only their hashes are kept."""
		import re
		from html.parser import HTMLParser

		from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import find_code, issue_code_slips

		(a,) = units_with_people(1, "印码镇")
		survey = self.survey(spare_year(), [a])
		answer = issue_code_slips(survey.name, 13)
		self.assertEqual(answer["count"], 13)
		html = answer["html"]

		class Slips(HTMLParser):
			"""Each slip's text and how many svg it holds; the sheets' sizes."""

			def __init__(self):
				super().__init__()
				self.sheets, self.slips, self.depth = [], [], []

			def handle_starttag(self, tag, attrs):
				cls = dict(attrs).get("class") or ""
				if tag == "div" and cls == "sheet":
					self.sheets.append(0)
				if tag == "div" and cls == "slip":
					self.sheets[-1] += 1
					self.slips.append({"text": "", "svg": 0})
				if tag == "svg" and self.slips:
					self.slips[-1]["svg"] += 1

			def handle_data(self, data):
				if self.slips:
					self.slips[-1]["text"] += data

		parsed = Slips()
		parsed.feed(html)
		self.assertEqual(parsed.sheets, [12, 1])  # twelve to an A4 sheet
		self.assertEqual(len(parsed.slips), 13)
		codes = [re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}", slip["text"]).group(0) for slip in parsed.slips]
		self.assertEqual(len(set(codes)), 13)
		for slip, code in zip(parsed.slips, codes):
			self.assertEqual(slip["svg"], 1, slip["text"])  # a QR code (segno's inline svg) on each slip
			self.assertIn(survey.survey_title, slip["text"])
			self.assertIn("/sanshu-public/survey", slip["text"])
			row = find_code(code)  # each printed code is a live code of this survey
			self.assertEqual((row.survey, row.used), (survey.name, 0))
		self.assertIn("@page { size: A4;", html)
		self.assertEqual(frappe.db.get_value("Satisfaction Survey", survey.name, "codes_issued"), 13)
		self.assertFalse(frappe.db.exists("Satisfaction Survey Code", {"code_hash": ("in", codes)}))  # only hashes kept

	def test_wrong_survey_codes_are_throttled_per_peer_address_whatever_the_forwarded_header(self):
		from sanshu_app.utils import net as utils_net
		from sanshu_app.supervision.public import FAILURES

		(a,) = units_with_people(1, "限流镇")
		survey = self.survey(spare_year(), [a])
		code = issue_codes(survey.name, 1)[0]
		survey.reload()
		survey.status = "Open"
		survey.save()
		frappe.db.set_single_value("Supervision Settings", "survey_failed_codes_per_address", 3)
		frappe.db.commit()
		self.addCleanup(frappe.db.commit)
		self.addCleanup(frappe.db.set_single_value, "Supervision Settings", "survey_failed_codes_per_address", 20)
		peer = "127.0.0.1"  # the test server's client: every request below comes from this peer
		utils_net.forget_failures(FAILURES, peer)
		utils_net.forget_calls("survey", peer)
		self.addCleanup(utils_net.forget_failures, FAILURES, peer)
		server = SiteServer()
		try:
			# three guesses, each claiming another address in X-Forwarded-For (no trusted proxy is set)
			for i in range(3):
				status, text = server.request(f"/sanshu-public/survey?code=GUESS-{i:04d}-00000", headers={"Accept": "text/html", "X-Forwarded-For": f"198.51.100.{i}"})
				self.assertIn("测评码无效", text)
			# now the address is refused, the page and the answer alike, even with a good code and a new header
			status, text = server.request(f"/sanshu-public/survey?code={code}", headers={"Accept": "text/html", "X-Forwarded-For": "203.0.113.99"})
			self.assertIn("本网络输入错误测评码次数过多", text)
			self.assertNotIn(a, text)
			status, text = server.request(
				"/api/method/sanshu_app.api.public.answer_survey",
				{"code": code, "answers": json.dumps({a: "满意"}, ensure_ascii=False)},
				headers={"X-Forwarded-For": "203.0.113.100"},
			)
			self.assertEqual(status, 429, text)
			self.assertIn("本网络输入错误测评码次数过多", server_message(json.loads(text)))
			frappe.db.commit()
			self.assertEqual(frappe.db.count("Satisfaction Survey Code", {"survey": survey.name, "used": 1}), 0)
			# ten minutes later (the counter forgotten) the good code answers once
			utils_net.forget_failures(FAILURES, peer)
			status, body = server.json("/api/method/sanshu_app.api.public.answer_survey", {"code": code, "answers": json.dumps({a: "满意"}, ensure_ascii=False)})
			self.assertEqual(status, 200, body)
			self.assertIn("已记录", body["message"]["message"])
		finally:
			server.stop()


class TestSupervisionInspection(CountyTestCase):
	def test_random_draw_two_findings_a_rectification_and_the_bulletin(self):
		pool = units_with_people(5, "抽查单位")
		year = spare_year()
		frappe.set_user(self.c.manager)
		inspection = frappe.get_doc(
			{
				"doctype": "Supervision Inspection",
				"inspection_title": f"{year}年一季度随机抽查",
				"inspection_kind": "Random Check",
				"inspection_date": f"{year}-02-15",
				"team": [{"member_name": "张组长", "team_role": "Team Leader"}, {"member_name": "李组员"}],
				"draw_pool": [{"unit": u} for u in pool],
			}
		).insert()
		committed = draw(inspection.name, 2)  # committed first (issue 19): the app's seed, its SHA-256 shown
		drawn = sorted(make_draw(committed["draw"]))
		self.assertTrue(verify_draw(committed["draw"])["verified"])
		inspection.reload()
		self.assertEqual((inspection.sanshu_draw, inspection.drawn_by, inspection.quarter), (committed["draw"], self.c.manager, 1))
		self.assertEqual(sorted(r.unit for r in inspection.units if r.drawn), drawn)
		self.assertRaisesRegex(frappe.ValidationError, "needs a reason|须说明理由", draw, inspection.name, 2)
		inspection.units[0].drawn = 0
		inspection.units = inspection.units[1:]
		self.assertRaisesRegex(frappe.ValidationError, "cannot be changed|不能更改", inspection.save)
		inspection.reload()
		first, second = drawn
		inspection.append("findings", {"unit": first, "severity": "Serious", "description": "三重一大事项未经集体研究"})
		inspection.append("findings", {"unit": second, "severity": "Minor", "description": "廉政台账不完整", "public_naming": 1, "public_summary": f"{second}廉政台账流于形式{SCRIPT}"})
		inspection.status = "Completed"
		inspection.save()
		rectification = frappe.get_doc("Rectification", open_rectification(inspection.name, inspection.findings[0].name))
		self.assertEqual((rectification.source_type, rectification.source_doctype, rectification.source_name, rectification.unit), ("Inspection", "Supervision Inspection", inspection.name, first))
		self.assertEqual(len(rectification.measures), 1)
		self.assertEqual(rectification.measures[0].owner_cadre, frappe.db.get_value("Sanshu Unit", first, "principal"))
		inspection.reload()
		self.assertEqual(inspection.findings[0].rectification, rectification.name)
		self.assertFalse(inspection.findings[1].rectification)

		frappe.set_user("Administrator")
		bulletin_doc = frappe.get_doc({"doctype": "Supervision Bulletin", "bulletin_title": f"关于{year}年第一季度监督检查情况的通报", "year": year, "quarter": 1}).insert()
		text = pdf_text("Supervision Bulletin", bulletin_doc.name, "Supervision Bulletin")
		# The PDF's text map garbles some Latin letters and digits; the Chinese reads back as printed.
		for expected in ("监督检查通报", "共检查2个单位,发现问题2个", "三重一大事项未经集体研究", "廉政台账不完整", "随机抽查", "严重", "轻微"):
			self.assertIn(expected, text)
		self.assertEqual(text.count("抽查单位"), 2)
		record = pdf_text("Supervision Inspection", inspection.name, "Supervision Inspection")
		for expected in ("检查组", "张组长", "承诺值", "三重一大事项未经集体研究"):
			self.assertIn(expected, record)
		ws = load_workbook(io.BytesIO(bulletin.bulletin_workbook(year, 1))).active
		cells = [c for row in ws.iter_rows(values_only=True) for c in row]
		self.assertIn("三重一大事项未经集体研究", cells)
		ledger = load_workbook(io.BytesIO(bulletin.inspection_ledger_workbook(year))).active
		self.assertIn(committed["draw"], [c for row in ledger.iter_rows(values_only=True) for c in row])
		findings = load_workbook(io.BytesIO(bulletin.findings_ledger_workbook(year))).active
		self.assertEqual(len([row for row in findings.iter_rows(min_row=4, values_only=True) if row[0]]), 2)

		frappe.db.commit()
		server = SiteServer()
		try:
			status, page = server.request("/sanshu-public/cases", headers={"Accept": "text/html"})
		finally:
			server.stop()
		self.assertEqual(status, 200)
		self.assertIn("廉政台账流于形式", page)
		self.assertNotIn(SCRIPT, page)
		self.assertNotIn("三重一大", page)  # only findings named in public, only their public text


class TestWarningIndex(CountyTestCase):
	def test_four_quarters_propose_talks_for_the_unit_persistently_at_the_top(self):
		x, y, z, w, v = units_with_people(5, "指数单位")
		year = spare_year()
		frappe.set_user(self.c.manager)
		counts = {  # quarter -> unit -> (petitions, efficiency complaints, online opinion)
			1: {x: (9, 5, 3), y: (8, 2, 1), z: (5, 2, 2), w: (1, 0, 0), v: (0, 0, 0)},
			2: {x: (7, 4, 2), y: (6, 3, 1), z: (0, 0, 0), w: (5, 1, 1), v: (1, 0, 0)},
			3: {x: (8, 3, 3), y: (5, 1, 1), z: (6, 1, 0), w: (0, 1, 0), v: (0, 0, 1)},
			4: {x: (9, 6, 4), y: (0, 0, 1), z: (4, 2, 1), w: (3, 2, 2), v: (1, 1, 0)},
		}
		names = []
		for quarter, by_unit in counts.items():
			doc = frappe.get_doc({"doctype": "Warning Index", "year": year, "quarter": quarter}).insert()
			rows = [[f"{year}年第{quarter}季度"], ["单位", "信访举报", "效能投诉", "涉腐网络舆情"]] + [[u, *c] for u, c in by_unit.items()] + [["合计"]]
			self.assertEqual(import_counts(doc.name, upload(workbook(rows)), commit=1), 5)
			names.append(doc.name)
		q4 = frappe.get_doc("Warning Index", names[-1])
		self.assertEqual(q4.rows[0].unit, x)
		self.assertEqual(q4.rows[0].index_value, round((9 * 40 + 6 * 30 + 4 * 30) / 100, 2))
		self.assertEqual(q4.rows[0].ranking, 1)
		result = propose_talks(q4.name)
		self.assertEqual(result["flagged"], [x])  # y left the top three in the fourth quarter
		people = frappe.db.get_value("Sanshu Unit", x, ["principal", "discipline_officer"])
		talks = frappe.get_all("Integrity Talk", filters={"reason_doctype": "Warning Index", "reason_name": q4.name}, fields=["cadre", "reason", "docstatus"])
		self.assertEqual(sorted(t.cadre for t in talks), sorted(people))
		self.assertTrue(all(str(q4.rows[0].index_value) in t.reason and t.docstatus == 0 for t in talks))
		self.assertEqual(propose_talks(q4.name)["talks"], result["talks"])  # asked again: the same talks
		printed = pdf_text("Warning Index", q4.name, "Warning Index")
		for expected in ("预警指数", "信访举报权重", "指数单位", "已拟约谈"):
			self.assertIn(expected, printed)
		ws = load_workbook(io.BytesIO(bulletin.index_ledger_workbook(year))).active
		self.assertEqual(len([r for r in ws.iter_rows(min_row=4, values_only=True) if r[0]]), 20)

	def test_unknown_units_and_bad_weights_are_refused(self):
		frappe.set_user(self.c.manager)
		doc = frappe.get_doc({"doctype": "Warning Index", "year": spare_year() + 1, "quarter": 1}).insert()
		rows = [["单位", "信访举报", "效能投诉", "涉腐网络舆情"], [self.c.town_a, 1, 1, 1], ["查无此单位", 2, 2, 2]]
		frappe.local.lang = "zh"
		try:
			with self.assertRaisesRegex(frappe.ValidationError, "第3行：单位查无此单位不存在"):
				import_counts(doc.name, upload(workbook(rows)), commit=1)
		finally:
			frappe.local.lang = "en"
		self.assertEqual(frappe.get_doc("Warning Index", doc.name).rows, [])
		settings = frappe.get_doc("Supervision Settings")
		settings.weight_petitions, settings.weight_efficiency_complaints, settings.weight_online_opinion = 50, 30, 30
		with self.assertRaisesRegex(frappe.ValidationError, "add up to 100"):
			settings.save()
