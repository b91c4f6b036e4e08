"""Every official document printed to GB/T 9704-2012, measured in the PDF itself: the faces and
sizes of the glyphs, where they stand, the red line, the page numbers, what each page holds."""

import re
from statistics import median

import frappe
from frappe.model.workflow import apply_workflow

from tests.site.printing import (
	PT,
	TEXT_AREA,
	drawings,
	find_line,
	glyphs,
	is_red,
	line_text,
	page_count,
	page_number,
	plain,
	render_pdf,
	text_lines,
	text_of,
)
from tests.site.test_official_documents import DIVISION, LETTER, RESPONSIBILITY, OfficialDocumentsTestCase

# A name that does not fit the 156 mm on one line at the usual 34 pt: it must be made to fit.
LONG_OFFICE = "中共示范县纪律检查委员会示范县监察委员会"
# Body text of ideographs only, so a full line is exactly 28 of them.
WORDS = "党风廉政建设责任制落实情况监督检查工作要求严格执行各项规定切实履行一岗双责"
EM_14 = 14 * PT  # one character of the page number's 4号 (空一字)
SIGNATURE_LINE = re.compile(r"^(.*（签[字收]）.*|单位：.*|\d*年\d*月\d*日|（印章）)$")


def body_glyph(g) -> bool:
	"""A glyph of the body text: 仿宋 at 3号."""
	return "Fang" in g["font"] and g["size"] == 16


def paragraphs(count, length=200):
	text = (WORDS * (length // len(WORDS) + 1))[:length]
	return "".join(f"<p>{text}</p>" for _ in range(count))


class PageView(list):
	"""A page's glyphs, with what is drawn on it."""

	def __init__(self, page, drawn):
		super().__init__(page)
		self.drawn = drawn


def page_view(pdf, index=0):
	return PageView(glyphs(pdf)[index], drawings(pdf)[index])


class GBT9704TestCase(OfficialDocumentsTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		settings = frappe.get_single("Sanshu Settings")
		settings.issuing_office = LONG_OFFICE
		settings.save()

	def letter(self, letter_type=RESPONSIBILITY, body=None, tasks=0, reviewers=0, issue_date="2026-12-05"):
		"""A letter sent for review (so numbered), its 成文日期 ``issue_date``."""
		c = self.c
		frappe.set_user(c.manager)
		signers = [c.secretary_a, self.officer_a, c.cadre_a][: max(reviewers, 1)]
		capacities = ["Principal Responsible", "Supervisory Responsible", "Responsibility Subject"]
		letter = frappe.get_doc(
			{
				"doctype": LETTER, "letter_type": letter_type, "year": 2026, "cadre": c.cadre_a.name,
				**({"body": body} if body else {}),
				"tasks": [{"task": f"第{i}项：开展廉政警示教育并报送进展情况", "lead_unit": c.town_a} for i in range(1, tasks + 1)],
				"signatures": [{"signer": s.name, "capacity": capacities[i] if reviewers else "Responsibility Subject"} for i, s in enumerate(signers)],
			}
		).insert()  # fmt: skip
		apply_workflow(letter.as_dict(), "Submit for Review")
		frappe.set_user("Administrator")
		for row in frappe.get_doc(LETTER, letter.name).signatures[:reviewers]:
			frappe.db.set_value(row.doctype, row.name, {"review_opinion": "同意。请按时完成各项任务并报告落实情况。", "opinion_at": "2026-12-01 09:00:00"})
		frappe.db.set_value(LETTER, letter.name, "issue_date", issue_date)
		return frappe.get_doc(LETTER, letter.name)

	def assert_page_numbers(self, pdf, first=1):
		"""Every page: "— n —" in 4号 宋体, 7 mm under the 版心; odd pages right, even pages left, 空一字."""
		pages = glyphs(pdf)
		for index, page in enumerate(pages):
			number = first + index
			found = page_number(page)
			self.assertEqual(line_text(found), f"—{number}—", f"page {number}")
			for g in found:
				self.assertEqual(g["size"], 14, f"page {number}: 4号")
				self.assertRegex(g["font"], r"Serif-?CJK|Song|UMing", f"page {number}: 宋体")
			self.assertAlmostEqual(found[0]["top"] - TEXT_AREA["bottom"], 7, delta=1, msg=f"page {number}: 7 mm under the 版心")
			if number % 2:
				self.assertAlmostEqual(found[-1]["x1"], TEXT_AREA["right"] - EM_14, delta=0.8, msg=f"page {number} is odd: right, 空一字")
			else:
				self.assertAlmostEqual(found[0]["x0"], TEXT_AREA["left"] + EM_14, delta=0.8, msg=f"page {number} is even: left, 空一字")
		return pages

	def assert_head(self, page, number, title):
		"""版头: the office on one line inside the 版心; the red line 156 mm wide 4 mm under the 文号; the title in 小标宋."""
		issuer = find_line(page, LONG_OFFICE)
		self.assertIsNotNone(issuer, "发文机关标志 on one line")
		self.assertTrue(all(is_red(g["color"]) for g in issuer))
		self.assertGreaterEqual(issuer[0]["x0"], TEXT_AREA["left"] - 0.3)
		self.assertLessEqual(issuer[-1]["x1"], TEXT_AREA["right"] + 0.3)
		self.assertGreater(issuer[0]["size"], 16)
		docno = find_line(page, number)
		self.assertIsNotNone(docno, "发文字号")
		rules = [d for d in page.drawn if is_red(d["color"]) and d["x1"] - d["x0"] > 100]
		self.assertEqual(len(rules), 1, "one red line")
		rule = rules[0]
		self.assertAlmostEqual(rule["x0"], TEXT_AREA["left"], delta=0.3)
		self.assertAlmostEqual(rule["x1"] - rule["x0"], 156, delta=0.3, msg="as wide as the 版心")
		self.assertAlmostEqual(rule["top"] - docno[0]["bottom"], 4, delta=0.5, msg="4 mm under the 文号")
		heading = find_line(page, title)
		self.assertIsNotNone(heading)
		for g in heading:
			self.assertRegex(g["font"], r"Serif-?CJK.*Bold", "小标宋 (Noto Serif CJK Bold)")
			self.assertEqual(g["size"], 22, "2号")
		self.assertGreater(heading[0]["top"], rule["bottom"])


class TestLetterLayout(GBT9704TestCase):
	def test_a_long_letter_measures_to_the_standard(self):
		letter = self.letter(body=paragraphs(10))
		pdf = render_pdf(LETTER, letter.name, "责任书")
		self.assertGreaterEqual(page_count(pdf), 3)
		pages = self.assert_page_numbers(pdf)
		self.assert_head(page_view(pdf), letter.document_number, "党风廉政建设责任书")

		# The body: 仿宋 3号, 28 characters a line, 22 lines a page (page 2 is body text only).
		body = text_lines(pages[1], body_glyph)
		self.assertEqual(len(body), 22, "22 lines a page")
		self.assertEqual(len(text_lines(pages[1], lambda g: g["top"] < TEXT_AREA["bottom"])), 22, "and nothing else on the page")
		pitches = [b[0]["base"] - a[0]["base"] for a, b in zip(body, body[1:])]
		self.assertAlmostEqual(median(pitches), 225 / 22, delta=0.1)
		counts = [len(line) for line in body]
		self.assertEqual(max(counts), 28, "28 characters a line")
		self.assertGreaterEqual(counts.count(28), 14)
		for line in body:
			if len(line) == 28:
				self.assertGreaterEqual(line[0]["x0"], TEXT_AREA["left"] - 0.1)
				self.assertAlmostEqual(line[-1]["x1"], TEXT_AREA["right"], delta=1.2, msg="a full line spans the 版心")
		self.assertTrue(all(body_glyph(g) for line in text_lines(pages[0], lambda g: g["c"] in WORDS and g["size"] == 16) for g in line))

		# 成文日期 unpadded.
		text = text_of(pdf)
		self.assertIn("2026年12月5日", text)
		self.assertNotIn("12月05日", text)

	def test_a_one_page_letter_from_the_desks_pdf_button_is_numbered(self):
		from frappe.utils.print_format import download_pdf

		letter = self.letter(DIVISION, body="<p>请切实履行“一岗双责”，按时完成各项任务。</p>")
		frappe.local.form_dict = frappe._dict()  # a fresh request, as the desk's PDF button sends it
		download_pdf(LETTER, letter.name, format="责任书")
		pdf = frappe.local.response.pop("filecontent")
		self.assertEqual(page_count(pdf), 1)
		self.assert_page_numbers(pdf)
		self.assert_head(page_view(pdf), letter.document_number, "责任分工告知书")
		# and the worker does not keep the PDF's fonts (WeasyPrint 59 would, some 60 MB each)
		from weasyprint.pdf.stream import Stream

		self.assertEqual(Stream.add_font.cache_info().currsize, 0)


def content_lines(page):
	"""A page's lines above its page number."""
	return [line_text(line) for line in text_lines(page, lambda g: g["top"] < TEXT_AREA["bottom"])]


class TestNoOrphans(GBT9704TestCase):
	def assert_no_page_of_signatures_alone(self, pdf):
		"""No page holds only signatures, the 落款 and the seal: something of the text goes with them."""
		for index, page in enumerate(glyphs(pdf)):
			lines = content_lines(page)
			text = [line for line in lines if line != LONG_OFFICE and not SIGNATURE_LINE.match(line)]
			self.assertTrue(text, f"page {index + 1} holds only signatures and the seal: {lines}")

	def test_the_commitments_signature_and_seal_never_stand_alone(self):
		c = self.c
		pages = set()
		for count in range(5, 13, 2):  # the text ends ever lower on page 1, then on page 2
			frappe.set_user(c.manager)
			commitment = frappe.get_doc(
				{
					"doctype": "Integrity Commitment", "commitment_type": "Annual Responsibility Commitment", "year": 2026, "cadre": c.cadre_a.name,
					"items": [{"item": f"严格遵守廉洁自律各项规定第{i}条"} for i in range(1, count + 1)],
				}
			).insert()  # fmt: skip
			frappe.set_user("Administrator")
			pdf = render_pdf("Integrity Commitment", commitment.name, "廉政承诺书")
			frappe.delete_doc("Integrity Commitment", commitment.name)  # one annual commitment a year
			pages.add(page_count(pdf))
			self.assert_no_page_of_signatures_alone(pdf)
			self.assert_page_numbers(pdf)
		self.assertIn(2, pages, "the sweep crossed onto a second page")

	def test_a_tables_heading_and_header_row_stay_with_its_rows(self):
		"""The 责任书's 审阅意见: its heading, the table's header row and a first row on one page."""
		placed = set()
		for lines in range(6, 15):  # the heading falls ever lower on page 1, then onto page 2
			letter = self.letter(body=f"<p>{(WORDS * 30)[: 26 + 28 * (lines - 1)]}</p>", reviewers=2)
			pdf = render_pdf(LETTER, letter.name, "责任书")
			for index, page in enumerate(glyphs(pdf)):
				shown = content_lines(page)
				at = next((i for i, line in enumerate(shown) if line.endswith("审阅意见") and "、" in line), None)
				if at is None:
					continue
				below = shown[at + 1 :]
				self.assertTrue(below and "审阅人" in below[0], f"{lines} lines of text, page {index + 1}: the heading without its table: {shown[at:]}")
				self.assertTrue(any("同意" in line for line in below), f"{lines} lines of text, page {index + 1}: the header row without a row")
				placed.add(index + 1)
		self.assertEqual(placed, {1, 2}, "the sweep moved the heading from page 1 to page 2")
		# a long table's header row is repeated on the next page
		letter = self.letter(tasks=40)
		pages = glyphs(render_pdf(LETTER, letter.name, "责任书"))
		self.assertGreaterEqual(len(pages), 3)
		for index, page in enumerate(pages[1:-1], start=2):
			self.assertTrue(any("牵头单位" in line for line in content_lines(page)[:2]), f"page {index} starts with the table's header row")


class TestIntegrityOpinionReply(GBT9704TestCase):
	def test_the_reply_is_an_official_document(self):
		c = self.c
		frappe.set_user(c.manager)
		request = frappe.get_doc(
			{
				"doctype": "Integrity Opinion Request", "requesting_body": "县委组织部", "purpose": "Promotion",
				"request_reference": "组干函〔2026〕3号",
				"candidates": [{"cadre": cd.name} for cd in (c.cadre_a, c.cadre_b)],
			}
		).insert()  # fmt: skip
		frappe.set_user("Administrator")
		for row in request.candidates:
			frappe.db.set_value(row.doctype, row.name, {"checked": 1, "reply": f"经查，{row.cadre_name}同志近3年来未发现违反党风廉政建设规定的问题。"})
		frappe.db.set_value(request.doctype, request.name, {"approved_on": "2026-12-05", "document_number": "廉复〔2026〕7号"})
		pdf = render_pdf(request.doctype, request.name, "廉政意见回复")
		page = page_view(pdf)
		self.assert_head(page, "廉复〔2026〕7号", "关于2名同志党风廉政情况的回复意见")
		self.assert_page_numbers(pdf)
		# the body in 仿宋 3号 inside the GB margins
		body = [line for line in text_lines(page, body_glyph) if "函收悉" in line_text(line) or "征求" in line_text(line)]
		self.assertTrue(body, "the body in 仿宋 3号")
		for line in text_lines(page, lambda g: g["top"] < TEXT_AREA["bottom"]):
			self.assertGreaterEqual(line[0]["x0"], TEXT_AREA["left"] - 0.3)
			self.assertLessEqual(line[-1]["x1"], TEXT_AREA["right"] + 0.3)
		# signed with the office's full name, the date unpadded, the seal over them
		lines = content_lines(page)
		signer = lines.index(LONG_OFFICE, 1)
		self.assertEqual(lines[signer + 1], "2026年12月5日")
		self.assertNotIn("纪委（党廉办）", "".join(lines))
		date = find_line(page, "2026年12月5日")
		seal = [d for d in page.drawn if is_red(d["color"]) and 35 < d["x1"] - d["x0"] < 50]
		self.assertTrue(seal, "a seal block")
		ring = seal[0]
		self.assertTrue(ring["x0"] < date[0]["x0"] and date[-1]["x1"] < ring["x1"] and ring["top"] < date[0]["top"] < ring["bottom"], "pressed over the date")


class TestMeetingFeedbackBatch(GBT9704TestCase):
	def test_the_batch_uses_the_layout_and_the_meetings_date(self):
		from sanshu_app.meeting_day.doctype.sanshu_meeting.sanshu_meeting import feedback_letters
		from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation import cast_ballot
		from tests.site.factories import make_user

		c = self.c
		desk = make_user("会场评议员", ("Evaluator",))
		reporters = [c.cadre_a, c.cadre_b]
		campaign = self.campaign([x.name for x in reporters])
		frappe.set_user(c.manager)
		meeting = frappe.get_doc(
			{
				"doctype": "Sanshu Meeting", "campaign": campaign.name, "meeting_kind": "Reporting Assembly",
				"meeting_date": "2026-02-20", "place": "县委第一会议室",
				"reporters": [{"cadre": x.name, "report_mode": "Meeting Report"} for x in reporters],
				"groups": [{"evaluator_group": "Discipline Committee Member", "headcount": 20}],
				"desk_evaluators": [{"evaluator": desk, "evaluator_group": "Conduct Supervisor"}],
			}
		).insert()  # fmt: skip
		meeting.approve_reporters()
		meeting = frappe.get_doc("Sanshu Meeting", meeting.name)
		best = meeting.scale()[0]
		frappe.set_user(desk)
		for row in meeting.reporters:
			cast_ballot(row.evaluation, best)
		frappe.set_user(c.manager)
		meeting.close_meeting()
		feedback_letters(meeting.name)
		pdf = frappe.response.pop("filecontent")
		frappe.set_user("Administrator")
		text = text_of(pdf)
		self.assertEqual(text.count(plain("2026年2月20日对你进行了民主测评")), 2, "the meeting's date, not the day it closed")
		pages = glyphs(pdf)
		firsts = [i for i, page in enumerate(pages) if find_line(page, "测评结果反馈")]
		self.assertEqual(len(firsts), 2)
		for n, first in enumerate(firsts):
			end = firsts[n + 1] if n + 1 < len(firsts) else len(pages)
			# each letter numbered from 1, odd pages right, even left; its head and body as the single print's
			for offset, page in enumerate(pages[first:end], start=1):
				self.assertEqual(line_text(page_number(page)), f"—{offset}—")
			self.assertTrue(any(body_glyph(g) for g in pages[first]), "仿宋 3号")
			self.assertTrue(find_line(pages[first], LONG_OFFICE), "the office's head")
		single = render_pdf("Sanshu Evaluation", meeting.reporters[0].evaluation, "测评结果反馈")
		self.assertEqual(
			[(g["c"], g["font"], g["size"], round(g["x0"], 1), round(g["base"], 1)) for g in glyphs(single)[0]],
			[(g["c"], g["font"], g["size"], round(g["x0"], 1), round(g["base"], 1)) for g in pages[firsts[0]]],
			"the batch prints each letter exactly as the single print",
		)
