"""Official documents to PDF: WeasyPrint (CSS Paged Media) on the shared GB/T 9704 layout
(``sanshu_app/templates/print/official_document.html``; why WeasyPrint and not Chromium is said at
its head). Used by the Official Documents module's ``pdf_generator`` hook and by every module that
prints many documents in one PDF (a campaign's letters, a meeting's 测评结果反馈).

The layout carries its own page rules and fonts: Frappe's print stylesheets are left out, and the
renderer reads only the bench's assets and the site's public files from disk (never a URL: a
picture in a rich-text field must not make the server fetch from the network). Where WeasyPrint is
not installed, Frappe's wkhtmltopdf makes the PDF (without page numbers).

Several documents in one PDF are laid out one by one and written once, so the fonts are subset once
for the whole batch; each document keeps its own page numbers from 1.
"""

import io
import re
from pathlib import Path

import frappe

# The print formats' PDF generator: the name it has had since the PDFs were made by Chromium, kept so
# stored formats and sites keep working.
GENERATOR = "sanshu_chromium"


def weasyprint():
	try:
		import weasyprint
	except (ImportError, OSError):  # OSError: Pango missing
		return None
	return weasyprint


def renderer() -> str:
	"""What makes the app's PDFs here: ``WeasyPrint``, or ``wkhtmltopdf`` as the fallback."""
	return "WeasyPrint" if weasyprint() else "wkhtmltopdf"


def layout(html: str):
	"""The laid-out pages of one document (a WeasyPrint Document), None without WeasyPrint."""
	engine = weasyprint()
	if engine is None:
		return None
	html = re.sub(r"""<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>""", "", local_files(html), flags=re.I)
	return engine.HTML(string=html, base_url=assets_root().as_uri() + "/", url_fetcher=local_only).render()


def write(documents) -> bytes:
	"""One PDF of the pages of ``documents``, fonts subset once."""
	pages = [page for document in documents for page in document.pages]
	try:
		return documents[0].copy(pages).write_pdf()
	finally:
		forget_fonts()


def forget_fonts():
	"""WeasyPrint 59 keeps each PDF's fonts (their parsed CFF tables, some 60 MB a document) in an
	``lru_cache`` on ``Stream.add_font`` shared by the whole process; a worker would grow by that much
	with each PDF, up to 128 of them. The cache only serves the PDF being written: empty it after."""
	from weasyprint.pdf.stream import Stream

	cache_clear = getattr(Stream.add_font, "cache_clear", None)
	if cache_clear:
		cache_clear()


def finish(pdf: bytes, options: dict, output=None):
	"""The PDF as Frappe's own path returns it: appended to ``output``, or bytes (encrypted on request)."""
	from pypdf import PdfReader, PdfWriter

	reader = PdfReader(io.BytesIO(pdf))
	if output is not None:
		output.append_pages_from_reader(reader)
		return output
	if not options.get("password"):
		return pdf
	writer = PdfWriter()
	writer.append_pages_from_reader(reader)
	writer.encrypt(options["password"])
	stream = io.BytesIO()
	writer.write(stream)
	return stream.getvalue()


def assets_root() -> Path:
	return Path(frappe.local.sites_path, "assets").resolve()


def public_files() -> Path:
	return Path(frappe.get_site_path("public", "files")).resolve()


def local_files(html: str) -> str:
	"""Stylesheets, fonts and public images read from the bench's disk rather than over HTTP."""
	html = re.sub(r"""(href|src)=(["'])/assets/""", lambda m: f"{m[1]}={m[2]}{assets_root().as_uri()}/", html)
	return re.sub(r"""(href|src)=(["'])/files/""", lambda m: f"{m[1]}={m[2]}{public_files().as_uri()}/", html)


def local_only(url: str, timeout=10, ssl_context=None):
	"""WeasyPrint's URL fetcher: data URIs, and files under the bench's assets or the site's public
	files; anything else (another path, any network URL) is refused and left out of the PDF."""
	from weasyprint.urls import default_url_fetcher

	if url.startswith("data:"):
		return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
	if url.startswith("file://"):
		from urllib.parse import unquote, urlparse

		path = Path(unquote(urlparse(url).path)).resolve()
		if any(path.is_relative_to(root) for root in (assets_root(), public_files())) and path.is_file():
			return default_url_fetcher(path.as_uri(), timeout=timeout, ssl_context=ssl_context)
	raise ValueError(f"not printed: {url[:80]}")


def documents_pdf(doctype: str, names: list[str], print_format: str | None = None) -> bytes:
	"""Many documents of one doctype in one PDF, each checked for print permission first; each
	laid out on its own (its own page numbers from 1), all written at once."""
	from frappe.utils.pdf import get_pdf
	from frappe.utils.print_format import validate_print_permission
	from pypdf import PdfWriter

	print_format = print_format or frappe.get_meta(doctype).default_print_format
	docs = [frappe.get_doc(doctype, name) for name in names]
	for doc in docs:
		validate_print_permission(doc)
	pages = [frappe.get_print(doctype, doc.name, print_format, doc=doc, pdf_generator=GENERATOR) for doc in docs]
	documents = [layout(html) for html in pages] if weasyprint() else None
	if documents:
		return write(documents)
	writer = PdfWriter()
	for html in pages:
		get_pdf(html, output=writer)
	stream = io.BytesIO()
	writer.write(stream)
	return stream.getvalue()
