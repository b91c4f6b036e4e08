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


# Measuring a printed page (GB/T 9704) from the PDF itself: glyph by glyph with its face, size and
# position, and the rules drawn. Positions in mm from the page's top left corner.
PT = 25.4 / 72  # mm per point
# A4 and the 版心 of GB/T 9704: 156 × 225 mm, 37 mm from the top, 28 mm from the left.
TEXT_AREA = {"left": 28.0, "right": 184.0, "top": 37.0, "bottom": 262.0}
# The em box of a CJK face: ascent 0.88, descent 0.12 of the size.
EM_DESCENT = 0.12


def glyphs(pdf: bytes) -> list[list[dict]]:
	"""Per page, every glyph: ``c``, ``font`` (its embedded name, subset tag dropped), ``size`` (pt),
	``color`` (0xRRGGBB), ``x0``/``x1`` (its advance), ``base`` (baseline), ``top``/``bottom`` (its
	em box)."""
	import pymupdf

	pages = []
	with pymupdf.open(stream=pdf, filetype="pdf") as document:
		for page in document:
			found = []
			for block in page.get_text("rawdict")["blocks"]:
				for line in block.get("lines", ()):
					for span in line["spans"]:
						font = span["font"].split("+", 1)[-1]
						for ch in span["chars"]:
							if not ch["c"].strip():
								continue
							base = ch["origin"][1] * PT
							size = span["size"]
							found.append(
								{
									"c": ch["c"], "font": font, "size": round(size, 2), "color": span["color"],
									"x0": ch["bbox"][0] * PT, "x1": ch["bbox"][2] * PT, "base": base,
									"top": base - (1 - EM_DESCENT) * size * PT, "bottom": base + EM_DESCENT * size * PT,
								}
							)  # fmt: skip
			pages.append(found)
	return pages


def text_lines(page: list[dict], where=None) -> list[list[dict]]:
	"""A page's glyphs (those ``where`` accepts) in lines: same baseline (within 0.5 mm), left to right."""
	lines = []
	for g in sorted((g for g in page if where is None or where(g)), key=lambda g: (g["base"], g["x0"])):
		if lines and abs(lines[-1][0]["base"] - g["base"]) < 0.5:
			lines[-1].append(g)
		else:
			lines.append([g])
	return [sorted(line, key=lambda g: g["x0"]) for line in lines]


def line_text(line: list[dict]) -> str:
	return "".join(g["c"] for g in line)


def find_line(page: list[dict], text: str) -> list[dict] | None:
	"""The glyphs of ``text`` where it stands on one line of the page (None when it does not)."""
	for line in text_lines(page):
		joined = line_text(line)
		at = joined.find(text)
		if at >= 0:
			return line[at : at + len(text)]
	return None


def drawings(pdf: bytes) -> list[list[dict]]:
	"""Per page, what is drawn (rules, borders, the seal's ring): ``color`` (stroke or fill,
	0xRRGGBB), ``x0``, ``x1``, ``top``, ``bottom`` and ``dashed``."""
	import pymupdf

	def rgb(color):
		return None if color is None else sum(round(v * 255) << s for v, s in zip(color, (16, 8, 0)))

	pages = []
	with pymupdf.open(stream=pdf, filetype="pdf") as document:
		for page in document:
			pages.append(
				[
					{
						"color": rgb(d.get("color") or d.get("fill")), "x0": d["rect"].x0 * PT, "x1": d["rect"].x1 * PT,
						"top": d["rect"].y0 * PT, "bottom": d["rect"].y1 * PT, "dashed": bool((d.get("dashes") or "[] 0").strip("[] 0")),
					}
					for d in page.get_drawings()
				]
			)  # fmt: skip
	return pages


def is_red(color) -> bool:
	if color is None:
		return False
	r, g, b = color >> 16, (color >> 8) & 255, color & 255
	return r > 150 and g < 80 and b < 80


def page_number(page: list[dict]) -> list[dict]:
	"""The glyphs under the 版心 (the page number), left to right."""
	return sorted((g for g in page if g["top"] > TEXT_AREA["bottom"]), key=lambda g: g["x0"])
