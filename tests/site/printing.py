"""Rendering a document through Frappe's own print path to PDF and reading its text back."""

import io
import unicodedata
from unittest.mock import patch

import frappe
from pypdf import PdfReader

from tests.site.frappe_plugin import asset_url

# wkhtmltopdf embeds Noto CJK, whose glyphs are shared between a radical and the ideograph it
# stands for; the PDF's text map then names the radical. NFKC folds the Kangxi radicals back, this
# table the CJK Radicals Supplement ones.
RADICALS = str.maketrans(
	"⺅⺆⺊⺎⺕⺖⺘⺙⺞⺟⺠⺡⺣⺥⺦⺨⺩⺬⺭⺷⺹⺼⻂⻄⻅⻆⻈⻉⻋⻏⻐⻑⻓⻔⻖⻗⻘⻚⻛⻜⻝⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻰⻳",
	"亻冂卜兀彐忄扌攵歺母民氵灬爫丬犭王示礻羊耂月衤西见角讠贝车阝钅長长门阝雨青页风飞食飠饣首马骨鬼鱼鸟卤麦黄黾龙龟",
)


def plain(text: str) -> str:
	"""PDF text as a reader would see it: radicals folded back, no spaces or line breaks."""
	return unicodedata.normalize("NFKC", text).translate(RADICALS).replace(" ", "").replace("\n", "").replace("\t", "")


def render_pdf(doctype: str, name: str, print_format: str, lang: str = "zh") -> bytes:
	"""The PDF a user downloads from the form, printed in Chinese as the office prints it; a copy
	is kept in /tmp for a look at the page."""
	previous, frappe.local.lang = frappe.local.lang, lang
	# A fresh request: Frappe keeps the first print's PDF generator in form_dict for the rest.
	frappe.local.form_dict.pop("pdf_generator", None)
	try:
		# Some tests replace the site's conf; wkhtmltopdf must still reach the stylesheet.
		with patch.dict(frappe.local.conf, {"host_name": asset_url()}):
			pdf = frappe.get_print(doctype, name, print_format=print_format, as_pdf=True)
	finally:
		frappe.local.lang = previous
	assert pdf.startswith(b"%PDF"), "not a PDF"
	with open(f"/tmp/sanshu-print-{frappe.scrub(doctype)}.pdf", "wb") as fh:
		fh.write(pdf)
	return pdf


def pdf_text(doctype: str, name: str, print_format: str, lang: str = "zh") -> str:
	return text_of(render_pdf(doctype, name, print_format, lang))


def text_of(pdf: bytes) -> str:
	return plain("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def page_count(pdf: bytes) -> int:
	return len(PdfReader(io.BytesIO(pdf)).pages)
