"""PDFs of the official documents: the ``pdf_generator`` hook and the batch downloads.

The app's print formats name this generator (Print Format → PDF Generator = ``sanshu_chromium``, the
name it has had since the PDFs were made by Chromium; kept so stored formats keep working). Frappe
calls the hook with the rendered HTML whichever way the PDF is asked for (the desk's PDF button
through ``frappe.utils.print_format.download_pdf``, ``frappe.get_print(as_pdf=True)``); the
renderer, WeasyPrint on the shared GB/T 9704 layout, is ``sanshu_app.utils.official_pdf`` (why
WeasyPrint and not Chromium: the head of ``sanshu_app/templates/print/official_document.html``).
"""

import frappe
from frappe import _

from sanshu_app.utils.official_pdf import GENERATOR, documents_pdf, finish, layout, renderer, write

__all__ = ["GENERATOR", "documents_pdf", "download_campaign_letters", "download_pdfs", "pdf_generator", "renderer"]


def pdf_generator(print_format=None, html=None, options=None, output=None, pdf_generator=None, **kwargs):
	"""Frappe's ``pdf_generator`` hook: the PDF of ``html``, or None to let wkhtmltopdf make it."""
	if pdf_generator != GENERATOR or not html:
		return None
	document = layout(html)
	if document is None:
		return None
	return finish(write([document]), options or {}, output)


@frappe.whitelist()
def download_pdfs(doctype: str, names: str | list, print_format: str | None = None):
	"""Many documents of one doctype in one PDF download."""
	names = frappe.parse_json(names) if isinstance(names, str) else list(names)
	frappe.local.response.filename = f"{_(doctype)}.pdf"
	frappe.local.response.filecontent = documents_pdf(doctype, names, print_format)
	frappe.local.response.type = "pdf"


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
