"""Letters that look official: 文号 from the office's pattern and a per-year sequence, the issuing
office, letter bodies from the office's templates, each document on its own print format, and
PDFs with "— 1 —" page numbers (the layout itself is measured in test_gbt9704)."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests import IntegrationTestCase
from frappe.utils import random_string

from sanshu_app.official_documents import pdf as official_pdf
from sanshu_app.responsibility_documents.bulk_issue import issue_from_campaign
from tests.site.api import api_credentials, api_get, api_send
from tests.site.factories import County, make_cadre, make_campaign
from tests.site.printing import page_count, pdf_text, plain, render_pdf, text_of
from sanshu_app.permissions import forget_scopes

LETTER = "Responsibility Letter"
COMMITMENT = "Integrity Commitment"
RESPONSIBILITY = "Party Conduct Responsibility Letter"
DIVISION = "Division of Responsibility Notice"
OFFICE = "中共示范县纪律检查委员会"
# Each printable doctype and the print format it opens on.
OWN_FORMATS = {
	LETTER: "责任书",
	COMMITMENT: "廉政承诺书",
	"Risk Notification Card": "廉政风险迹象告知卡",
	"Rectification": "Rectification Notice",
	"Sanshu Evaluation": "测评结果反馈",
	"Responsibility Assessment": "Assessment Scoring Sheet",
	"Sanshu Cadre": "Integrity Archive",
}


class OfficialDocumentsTestCase(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		c = cls.c = County()
		cls.officer_a = make_cadre(c.town_a, "甲纪委书记", roles=("Supervision Officer", "Responsible Cadre"))
		frappe.db.set_value("Sanshu Unit", c.town_a, "discipline_officer", cls.officer_a.name)
		forget_scopes()  # set_value skips the document events
		# This class's own patterns, so its sequences start at 1 whatever ran before.
		cls.prefix = random_string(4)
		cls.saved_settings = frappe.get_single("Sanshu Settings").as_dict()
		settings = frappe.get_single("Sanshu Settings")
		settings.issuing_office = OFFICE
		for row in settings.number_patterns:
			if row.document_kind == RESPONSIBILITY:
				row.pattern = f"{cls.prefix}廉责〔{{year}}〕{{number}}号"
			elif row.document_kind == "Annual Responsibility Commitment":
				row.pattern = f"{cls.prefix}廉诺〔{{year}}〕{{number:02}}号"
		settings.save()

	@classmethod
	def tearDownClass(cls):
		settings = frappe.get_single("Sanshu Settings")
		settings.issuing_office = cls.saved_settings.issuing_office
		patterns = {row.document_kind: row.pattern for row in cls.saved_settings.number_patterns}
		for row in settings.number_patterns:
			row.pattern = patterns.get(row.document_kind, row.pattern)
		settings.save()
		super().tearDownClass()

	def tearDown(self):
		frappe.set_user("Administrator")

	def fresh_pattern(self, kind, pattern):
		"""Give ``kind`` a pattern no test has drawn from yet ({p} is a fresh prefix); returns it."""
		pattern = pattern.replace("{p}", random_string(4))
		settings = frappe.get_single("Sanshu Settings")
		next(row for row in settings.number_patterns if row.document_kind == kind).pattern = pattern
		settings.save()
		return pattern

	def campaign(self, cadres):
		return make_campaign(2026, units=[self.c.town_a, self.c.town_b], cadres=cadres)

	def issued(self, campaign, document, letter_type=None):
		frappe.set_user(self.c.manager)
		result = issue_from_campaign(campaign.name, document, letter_type)
		frappe.set_user("Administrator")
		filters = {"campaign": campaign.name}
		if letter_type:
			filters["letter_type"] = letter_type
		docs = frappe.get_all(document, filters=filters, fields=["name", "document_number", "issuer", "body", "cadre"], order_by="creation asc")
		return result, docs


class TestDocumentNumbers(OfficialDocumentsTestCase):
	def test_bulk_issue_numbers_letters_in_sequence_and_makes_them_complete(self):
		c = self.c
		cadres = [c.secretary_a.name, c.cadre_a.name, c.cadre_b.name]
		campaign = self.campaign(cadres)
		prefix = self.fresh_pattern(RESPONSIBILITY, "{p}廉责〔{year}〕{number}号").split("廉")[0]
		result, letters = self.issued(campaign, LETTER, RESPONSIBILITY)
		self.assertEqual(result["created"], 3)
		self.assertEqual([l.document_number for l in letters], [f"{prefix}廉责〔2026〕{n}号" for n in (1, 2, 3)])
		names = dict(frappe.get_all("Sanshu Cadre", filters={"name": ("in", cadres)}, fields=["name", "full_name"], as_list=True))
		for letter in letters:
			self.assertEqual(letter.issuer, OFFICE)
			self.assertNotEqual(letter.document_number, letter.name)
			self.assertIn(names[letter.cadre], letter.body)  # the shipped wording, filled in
			self.assertIn("一岗双责", letter.body)
			self.assertIn(OFFICE, letter.body)

		# Running it again creates nothing and draws no number.
		again, letters_again = self.issued(campaign, LETTER, RESPONSIBILITY)
		self.assertEqual(again["created"], 0)
		self.assertEqual(letters_again, letters)

		# The next letter of the kind, made by hand and issued, takes the next number: none reused.
		frappe.set_user(c.manager)
		letter = frappe.get_doc(
			{
				"doctype": LETTER,
				"letter_type": RESPONSIBILITY,
				"year": 2026,
				"cadre": c.cadre_station.name,
				"signatures": [{"signer": c.cadre_station.name, "capacity": "Responsibility Subject"}],
			}
		).insert()
		self.assertFalse(letter.document_number, "a draft has no number yet")
		apply_workflow(letter.as_dict(), "Submit for Review")
		letter.reload()
		self.assertEqual(letter.document_number, f"{prefix}廉责〔2026〕4号")
		self.assertEqual(letter.issuer, OFFICE)

		# Returned to draft and sent again, it keeps its number.
		frappe.get_doc(LETTER, letter.name).set_return_reason("补充任务")
		apply_workflow(frappe.get_doc(LETTER, letter.name).as_dict(), "Return")
		apply_workflow(frappe.get_doc(LETTER, letter.name).as_dict(), "Submit for Review")
		self.assertEqual(frappe.db.get_value(LETTER, letter.name, "document_number"), f"{prefix}廉责〔2026〕4号")

	def test_annual_commitments_come_out_numbered_with_the_office_wording(self):
		c = self.c
		campaign = self.campaign([c.cadre_a.name, c.cadre_b.name])
		prefix = self.fresh_pattern("Annual Responsibility Commitment", "{p}廉诺〔{year}〕{number:02}号").split("廉")[0]
		result, docs = self.issued(campaign, COMMITMENT)
		self.assertEqual(result["created"], 2)
		self.assertEqual([d.document_number for d in docs], [f"{prefix}廉诺〔2026〕{n:02d}号" for n in (1, 2)])
		for doc in docs:
			self.assertEqual(doc.issuer, OFFICE)
			self.assertIn("郑重作出如下承诺", doc.body)
		self.assertIn("甲干部", docs[0].body)

	def test_a_given_number_never_changes_even_for_the_office(self):
		c = self.c
		campaign = self.campaign([c.cadre_a.name])
		_result, letters = self.issued(campaign, LETTER, RESPONSIBILITY)
		frappe.set_user(c.manager)
		letter = frappe.get_doc(LETTER, letters[0].name)
		letter.document_number = "改过〔2026〕99号"
		with self.assertRaises(frappe.ValidationError) as caught:
			letter.save()
		self.assertIn(letters[0].document_number, str(caught.exception))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(LETTER, letter.name, "document_number"), letters[0].document_number)

	def test_documents_issued_before_numbering_are_not_numbered_by_a_later_save(self):
		c = self.c
		frappe.set_user(c.manager)
		rect = frappe.get_doc({"doctype": "Rectification", "unit": c.town_a, "problems": "<p>旧整改</p>"}).insert()
		# issued on paper before this site numbered its documents
		frappe.db.set_value("Rectification", rect.name, {"workflow_state": "Notice Issued", "notice_date": "2025-06-30"})
		rect = frappe.get_doc("Rectification", rect.name)
		rect.outcome = "补记"
		rect.save()
		self.assertFalse(frappe.db.get_value("Rectification", rect.name, "document_number"))

	def test_a_bad_pattern_is_refused_with_the_reason(self):
		frappe.set_user(self.c.manager)
		settings = frappe.get_single("Sanshu Settings")
		settings.number_patterns[0].pattern = "廉责〔2026〕号"
		with self.assertRaises(frappe.ValidationError) as caught:
			settings.save()
		self.assertIn("{number}", str(caught.exception))


class TestLetterTemplates(OfficialDocumentsTestCase):
	def test_a_template_change_shows_in_the_next_issued_letter(self):
		c = self.c
		frappe.set_user(c.manager)
		template = frappe.get_doc("Sanshu Letter Template", DIVISION)
		shipped = template.body_template
		self.assertIn("一岗双责", shipped)
		template.body_template = "<p>{{ cadre.full_name }}同志：请于{{ year }}年底前完成分管任务，向{{ issuer }}报告。</p>"
		template.save()
		try:
			campaign = self.campaign([c.cadre_b.name])
			_result, letters = self.issued(campaign, LETTER, DIVISION)
			self.assertEqual(letters[0].body, f"<p>乙干部同志：请于2026年底前完成分管任务，向{OFFICE}报告。</p>")
		finally:
			frappe.set_user("Administrator")
			frappe.db.set_value("Sanshu Letter Template", DIVISION, "body_template", shipped)

	def test_names_are_escaped_and_a_broken_template_is_refused(self):
		c = self.c
		odd = make_cadre(c.town_b, "<b>王</b>五", with_user=False)
		campaign = self.campaign([odd.name])
		_result, letters = self.issued(campaign, LETTER, RESPONSIBILITY)
		self.assertIn("&lt;b&gt;王&lt;/b&gt;五", letters[0].body)
		frappe.set_user(c.manager)
		template = frappe.get_doc("Sanshu Letter Template", DIVISION)
		template.body_template = "<p>{% for t in tasks %}{{ t.task }}</p>"
		with self.assertRaises(frappe.ValidationError) as caught:
			template.save()
		self.assertIn(frappe._("The template cannot be used: {0}").split("{0}")[0].strip(), str(caught.exception))


class TestOnlyTheOfficeNumbers(OfficialDocumentsTestCase):
	def test_others_cannot_set_numbers_or_edit_templates_in_the_desk_or_through_the_api(self):
		c = self.c
		# A rectification the Party Secretary may edit (level 0), with its notice issued and numbered.
		frappe.set_user(c.manager)
		rect = frappe.get_doc({"doctype": "Rectification", "unit": c.town_a, "problems": "<p>台账不全</p>"}).insert()
		apply_workflow(rect.as_dict(), "Issue Notice")
		rect.reload()
		number = rect.document_number
		self.assertTrue(number)
		self.assertEqual(rect.issuer, OFFICE)

		# In the desk: the secretary's save of another number and issuer is refused whole.
		frappe.set_user(c.secretary_a.user)
		mine = frappe.get_doc("Rectification", rect.name)
		mine.document_number = "乙纪〔2026〕1号"
		mine.issuer = "甲镇党委"
		self.assertRaisesRegex(frappe.PermissionError, "Document Number is set by the discipline inspection office", mine.save)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Rectification", rect.name, ["document_number", "issuer"]), (number, OFFICE))
		# Templates and settings are the office's.
		for user in (c.secretary_a.user, c.cadre_a.user):
			frappe.set_user(user)
			self.assertRaises(frappe.PermissionError, frappe.get_list, "Sanshu Letter Template")
			self.assertRaises(frappe.PermissionError, frappe.get_doc("Sanshu Settings").save)
		frappe.set_user("Administrator")
		frappe.db.commit()  # the API answers from its own connection

		# Through the REST API.
		secretary = api_credentials(c.secretary_a.user)
		status, _body = api_send("PUT", f"/api/resource/Rectification/{rect.name}", secretary, {"document_number": "乙纪〔2026〕2号"})
		self.assertEqual(status, 403)  # refused whole
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Rectification", rect.name, "document_number"), number)
		status, _body = api_get("/api/resource/Sanshu Letter Template", secretary)
		self.assertEqual(status, 403)
		status, _body = api_send("PUT", f"/api/resource/Sanshu Letter Template/{DIVISION}", secretary, {"body_template": "<p>改</p>"})
		self.assertEqual(status, 403)
		status, _body = api_send("POST", "/api/resource/Sanshu Letter Template", secretary, {"letter_type": DIVISION, "body_template": "x"})
		self.assertEqual(status, 403)
		status, _body = api_send("PUT", "/api/resource/Sanshu Settings/Sanshu Settings", secretary, {"issuing_office": "甲镇党委"})
		self.assertEqual(status, 403)
		frappe.db.rollback()
		self.assertNotEqual(frappe.db.get_value("Sanshu Letter Template", DIVISION, "body_template"), "<p>改</p>")
		self.assertEqual(frappe.db.get_single_value("Sanshu Settings", "issuing_office"), OFFICE)


class TestPrintedOfficialDocuments(OfficialDocumentsTestCase):
	def test_every_printable_doctype_opens_on_its_own_format(self):
		for doctype, print_format in OWN_FORMATS.items():
			self.assertEqual(frappe.get_meta(doctype).default_print_format, print_format, doctype)
			fmt = frappe.get_doc("Print Format", print_format)
			self.assertEqual((fmt.doc_type, fmt.disabled, fmt.pdf_generator), (doctype, 0, official_pdf.GENERATOR), print_format)
		# Printing without naming a format, as the desk's print button does, gives the app's format.
		c = self.c
		campaign = self.campaign([c.cadre_a.name])
		_result, letters = self.issued(campaign, LETTER, RESPONSIBILITY)
		html = frappe.get_print(LETTER, letters[0].name)
		self.assertIn('class="issuer"', html)
		self.assertIn(letters[0].document_number, html)
		html = frappe.get_print("Sanshu Cadre", c.cadre_a.name)
		self.assertIn("领导干部廉政档案", html)

	def test_letter_pdf_shows_number_issuer_and_page_numbers(self):
		c = self.c
		campaign = self.campaign([c.secretary_a.name, c.cadre_a.name])
		_result, letters = self.issued(campaign, LETTER, RESPONSIBILITY)
		letter = letters[1]
		text = pdf_text(LETTER, letter.name, "责任书")
		for expected in (letter.document_number, OFFICE, "党风廉政建设责任书", "甲干部同志", "—1—"):
			self.assertIn(plain(expected), text)
		self.assertNotIn(letter.name, text, "the record ID is not the 文号")
		# The seal block names the issuer, after the signatures; the unit appears only as addressee.
		self.assertIn(plain("责任对象（签字）"), text)
		self.assertGreater(text.rindex(plain(OFFICE)), text.index(plain("责任对象（签字）")))

		_result, commitments = self.issued(campaign, COMMITMENT)
		text = pdf_text(COMMITMENT, commitments[0].name, "廉政承诺书")
		for expected in (commitments[0].document_number, OFFICE, "履行党风廉政建设责任承诺书", "—1—"):
			self.assertIn(plain(expected), text)

		text = pdf_text("Sanshu Cadre", c.cadre_a.name, "Integrity Archive")
		for expected in (OFFICE, "领导干部廉政档案", "—1—"):
			self.assertIn(plain(expected), text)

	def test_user_text_is_escaped_in_the_print(self):
		c = self.c
		odd = make_cadre(c.town_b, "<i>赵</i>六", with_user=False)
		campaign = self.campaign([odd.name])
		_result, letters = self.issued(campaign, LETTER, RESPONSIBILITY)
		html = frappe.get_print(LETTER, letters[0].name)
		self.assertIn("&lt;i&gt;赵&lt;/i&gt;六同志", html)
		self.assertNotIn("<i>赵</i>", html)

	def test_a_long_letter_numbers_every_page(self):
		c = self.c
		frappe.set_user(c.manager)
		letter = frappe.get_doc(
			{
				"doctype": LETTER,
				"letter_type": RESPONSIBILITY,
				"year": 2026,
				"cadre": c.cadre_a.name,
				"tasks": [{"task": f"第{i}项任务：开展廉政警示教育，落实“一岗双责”并报送进展情况。", "lead_unit": c.town_a} for i in range(1, 41)],
				"signatures": [{"signer": c.cadre_a.name, "capacity": "Responsibility Subject"}],
			}
		).insert()
		apply_workflow(letter.as_dict(), "Submit for Review")
		frappe.set_user("Administrator")
		pdf = render_pdf(LETTER, letter.name, "责任书")
		pages = page_count(pdf)
		self.assertGreaterEqual(pages, 3)
		text = text_of(pdf)
		for page in range(1, pages + 1):
			self.assertIn(f"—{page}—", text)

	def test_twenty_letters_print_in_one_pdf_each_numbered_from_one(self):
		c = self.c
		cadres = [make_cadre(c.town_b, f"丙干部{i:02d}", with_user=False).name for i in range(20)]
		campaign = self.campaign(cadres)
		_result, letters = self.issued(campaign, LETTER, RESPONSIBILITY)
		self.assertEqual(len(letters), 20)
		frappe.set_user(c.manager)
		official_pdf.download_campaign_letters(campaign.name, LETTER, RESPONSIBILITY)
		pdf = frappe.local.response.pop("filecontent")
		frappe.set_user("Administrator")
		self.assertGreaterEqual(page_count(pdf), 20)
		text = text_of(pdf)
		self.assertEqual(text.count("—1—"), 20, "each letter numbered from 1")
		for letter in letters:
			self.assertIn(plain(letter.document_number), text)
		# in 文号 order
		self.assertLess(text.index(plain(letters[0].document_number)), text.index(plain(letters[19].document_number)))
		# a cadre may not print the campaign's letters, nor letters that are not theirs
		frappe.set_user(c.cadre_a.user)
		self.assertRaises(frappe.PermissionError, official_pdf.download_campaign_letters, campaign.name, LETTER, RESPONSIBILITY)
		self.assertRaises(frappe.PermissionError, official_pdf.documents_pdf, LETTER, [letters[0].name])

	def test_without_weasyprint_frappe_prints_with_wkhtmltopdf(self):
		from unittest.mock import patch

		c = self.c
		campaign = self.campaign([c.cadre_a.name])
		_result, letters = self.issued(campaign, LETTER, RESPONSIBILITY)
		with patch("sanshu_app.utils.official_pdf.weasyprint", return_value=None):
			self.assertEqual(official_pdf.renderer(), "wkhtmltopdf")
			text = pdf_text(LETTER, letters[0].name, "责任书")
		self.assertIn(plain("党风廉政建设责任书"), text)
		self.assertNotIn("—1—", text)  # Debian's wkhtmltopdf has no footers: the fallback is plain
