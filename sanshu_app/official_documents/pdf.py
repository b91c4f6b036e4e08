"""PDFs of the official documents through Debian's headless Chromium, with "— 1 —" page numbers.

Debian's wkhtmltopdf (unpatched Qt) drops headers and footers, so the app's print formats name
this generator (Print Format → PDF Generator = ``sanshu_chromium``); Frappe calls the
``pdf_generator`` hook with the rendered HTML. Chromium is driven through the DevTools protocol
over a pipe (``--remote-debugging-pipe``: no port, no extra package): ``Page.printToPDF`` with a
footer template gives the page numbers. Where no Chromium is installed the hook returns nothing
and Frappe's own wkhtmltopdf path makes the PDF (without page numbers).

Several documents in one PDF (``download_pdfs``) start the browser once for the whole batch.
"""

import base64
import io
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import frappe
from frappe import _

GENERATOR = "sanshu_chromium"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--disable-extensions",
	"--hide-scrollbars",
	"--remote-debugging-pipe",
)
# Seconds Chromium may take to start, load a page or print it before the PDF is given up.
TIMEOUT = 60
A4_INCHES = (8.27, 11.69)
MM = 1 / 25.4
# GB/T 9704: 版心 156 × 225 mm on A4 — top 37, bottom 35, left 28, right 26 mm.
GB_MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
# 页码: 4号 (14pt) 半角宋体 digits between 一字线, 7 mm below the 版心.
FOOTER = (
	'<div style="width:100%;text-align:center;font-size:14pt;line-height:1;'
	"font-family:'Noto Serif CJK SC','AR PL UMing CN',serif;color:#000;margin:0 0 24mm 0;\">"
	'— <span class="pageNumber"></span> —</div>'
)


class ChromiumError(RuntimeError):
	pass


def find_browser() -> str | None:
	configured = frappe.conf.get("sanshu_chromium_path")
	if configured:
		return configured if os.access(configured, os.X_OK) else None
	for name in BROWSERS:
		path = shutil.which(name)
		if path:
			return path
	return None


def pdf_generator(print_format=None, html=None, options=None, output=None, pdf_generator=None, **kwargs):
	"""Frappe's ``pdf_generator`` hook: the PDF of ``html``, or None to let wkhtmltopdf make it."""
	if pdf_generator != GENERATOR or not html:
		return None
	browser = find_browser()
	if not browser:
		return None
	try:
		with Chromium(browser) as chromium:
			pdf = chromium.print_html(html, margins_of(print_format))
	except ChromiumError:
		frappe.log_error(title=_("Chromium PDF failed; printed with wkhtmltopdf"))
		return None
	return finish(pdf, options or {}, output)


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


def margins_of(print_format) -> dict:
	"""Page margins in mm: the print format's own, else GB/T 9704's."""
	margins = dict(GB_MARGINS_MM)
	if print_format and frappe.db.exists("Print Format", print_format):
		values = frappe.get_cached_value("Print Format", print_format, ["margin_top", "margin_bottom", "margin_left", "margin_right"])
		for side, value in zip(("top", "bottom", "left", "right"), values or ()):
			if value:
				margins[side] = float(value)
	return margins


class Chromium:
	"""One headless Chromium, spoken to over the DevTools pipe (fd 3 in, fd 4 out)."""

	starts = 0  # how many browsers this process has started (batches start one)

	def __init__(self, binary: str):
		self.binary = binary
		self.next_id = 0
		self.buffer = b""
		self.events = []

	def __enter__(self):
		self.profile = tempfile.mkdtemp(prefix="sanshu-chromium-")
		to_browser_r, self.to_browser = os.pipe()
		self.from_browser, from_browser_w = os.pipe()
		# bash (dash refuses descriptors above 9) puts the pipe ends where Chromium expects them,
		# without a preexec hook.
		script = f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w}'
		try:
			self.process = subprocess.Popen(
				[shutil.which("bash") or "/bin/bash", "-c", script, self.binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
				pass_fds=(to_browser_r, from_browser_w),
				stdin=subprocess.DEVNULL,
				stdout=subprocess.DEVNULL,
				stderr=subprocess.DEVNULL,
				start_new_session=True,
			)
		except OSError as error:
			shutil.rmtree(self.profile, ignore_errors=True)
			raise ChromiumError(str(error)) from error
		finally:
			os.close(to_browser_r)
			os.close(from_browser_w)
		Chromium.starts += 1
		return self

	def __exit__(self, *exc):
		try:
			self.send("Browser.close", timeout=5)
		except ChromiumError:
			pass
		try:
			self.process.wait(timeout=10)
		except subprocess.TimeoutExpired:
			self.process.kill()
			self.process.wait()
		for fd in (self.to_browser, self.from_browser):
			try:
				os.close(fd)
			except OSError:
				pass
		shutil.rmtree(self.profile, ignore_errors=True)

	def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = TIMEOUT) -> dict:
		self.next_id += 1
		message = {"id": self.next_id, "method": method, "params": params or {}}
		if session:
			message["sessionId"] = session
		try:
			os.write(self.to_browser, json.dumps(message).encode() + b"\0")
		except OSError as error:
			raise ChromiumError(f"{method}: {error}") from error
		deadline = time.monotonic() + timeout
		while True:
			reply = self.receive(deadline)
			if reply.get("id") == self.next_id:
				if "error" in reply:
					raise ChromiumError(f"{method}: {reply['error']}")
				return reply.get("result", {})
			self.events.append(reply)

	def receive(self, deadline: float) -> dict:
		while b"\0" not in self.buffer:
			left = deadline - time.monotonic()
			if left <= 0 or not select.select([self.from_browser], [], [], left)[0]:
				raise ChromiumError("no answer from Chromium in time")
			chunk = os.read(self.from_browser, 1 << 20)
			if not chunk:
				raise ChromiumError("Chromium closed the pipe")
			self.buffer += chunk
		message, self.buffer = self.buffer.split(b"\0", 1)
		return json.loads(message)

	def wait_for(self, method: str, session: str):
		deadline = time.monotonic() + TIMEOUT
		while True:
			for event in self.events:
				if event.get("method") == method and event.get("sessionId") == session:
					self.events.remove(event)
					return event
			self.events.append(self.receive(deadline))

	def print_html(self, html: str, margins: dict) -> bytes:
		"""The PDF of one HTML page, A4, with the page-number footer."""
		from frappe.utils import scrub_urls

		target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
		session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
		with tempfile.NamedTemporaryFile("w", suffix=".html", dir=self.profile, delete=False, encoding="utf-8") as page:
			page.write(scrub_urls(local_files(html)))
		try:
			self.send("Page.enable", session=session)
			self.send("Page.navigate", {"url": Path(page.name).as_uri()}, session=session)
			self.wait_for("Page.loadEventFired", session)
			result = self.send(
				"Page.printToPDF",
				{
					"paperWidth": A4_INCHES[0],
					"paperHeight": A4_INCHES[1],
					"marginTop": margins["top"] * MM,
					"marginBottom": margins["bottom"] * MM,
					"marginLeft": margins["left"] * MM,
					"marginRight": margins["right"] * MM,
					"printBackground": True,
					"displayHeaderFooter": True,
					"headerTemplate": "<span></span>",
					"footerTemplate": FOOTER,
					"preferCSSPageSize": False,
				},
				session=session,
			)
			self.send("Target.closeTarget", {"targetId": target})
		finally:
			os.unlink(page.name)
		return base64.b64decode(result["data"])


def local_files(html: str) -> str:
	"""Stylesheets, fonts and public images read from the bench's disk rather than over HTTP, so a
	PDF never waits on the site's own URL (often unreachable from the server itself)."""
	assets = Path(frappe.local.sites_path, "assets").resolve()
	public_files = Path(frappe.get_site_path("public", "files")).resolve()
	html = re.sub(r"""(href|src)=(["'])/assets/""", lambda m: f"{m[1]}={m[2]}{assets.as_uri()}/", html)
	return re.sub(r"""(href|src)=(["'])/files/""", lambda m: f"{m[1]}={m[2]}{public_files.as_uri()}/", html)


@contextmanager
def batch():
	"""One browser for many documents (None where there is no Chromium)."""
	browser = find_browser()
	if not browser:
		yield None
		return
	with Chromium(browser) as chromium:
		yield chromium


@frappe.whitelist()
def download_pdfs(doctype: str, names: str | list, print_format: str | None = None):
	"""Many documents of one doctype in one PDF download (one browser for all)."""
	names = frappe.parse_json(names) if isinstance(names, str) else list(names)
	frappe.local.response.filename = f"{_(doctype)}.pdf"
	frappe.local.response.filecontent = documents_pdf(doctype, names, print_format)
	frappe.local.response.type = "pdf"


def documents_pdf(doctype: str, names: list[str], print_format: str | None = None) -> bytes:
	"""Many documents of one doctype in one PDF, each checked for print permission first."""
	from frappe.utils.pdf import get_pdf
	from frappe.utils.print_format import validate_print_permission
	from pypdf import PdfWriter

	print_format = print_format or frappe.get_meta(doctype).default_print_format
	docs = [frappe.get_doc(doctype, name) for name in names]
	for doc in docs:
		validate_print_permission(doc)
	writer = PdfWriter()
	margins = margins_of(print_format)
	with batch() as chromium:
		for doc in docs:
			html = frappe.get_print(doctype, doc.name, print_format, doc=doc, pdf_generator=GENERATOR)
			if chromium:
				finish(chromium.print_html(html, margins), {}, writer)
			else:
				get_pdf(html, output=writer)
	stream = io.BytesIO()
	writer.write(stream)
	return stream.getvalue()


@frappe.whitelist()
def download_campaign_letters(campaign: str, document: str = "Responsibility Letter", letter_type: str | None = None):
	"""Every issued letter (or annual commitment) of a campaign in one PDF, in 文号 order: what the
	office prints to hand out."""
	from sanshu_app.utils import OFFICE_ROLES, require_roles

	require_roles(OFFICE_ROLES)
	frappe.get_doc("Sanshu Campaign", campaign).check_permission("read")
	if document not in ("Responsibility Letter", "Integrity Commitment"):
		frappe.throw(_("Only responsibility letters and commitments are printed from the campaign."))
	filters = {"campaign": campaign, "docstatus": ("<", 2)}
	if document == "Responsibility Letter" and letter_type:
		filters["letter_type"] = letter_type
	names = frappe.get_all(document, filters=filters, pluck="name", order_by="creation asc")
	if not names:
		frappe.throw(_("This campaign has no such documents to print yet."))
	frappe.local.response.filename = f"{_(letter_type or document)}.pdf"
	frappe.local.response.filecontent = documents_pdf(document, names)
	frappe.local.response.type = "pdf"
