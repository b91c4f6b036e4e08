"""Printing outside the office: a record prints only as stored, and only in its own doctype's formats.

A print format rendered for another doctype's record (the quarterly bulletin applied to a campaign,
say) runs its Jinja helpers with that record's values; a client-sent ``doc`` is printed as sent.
Both are refused for users outside the office, at every print door the allow-list keeps: the
``/printview`` page, ``download_pdf`` and ``get_html_and_style``.
"""

import frappe
from frappe import _

def check_request(request, methods):
	form = frappe.form_dict
	if request.path.rstrip("/") == "/printview":
		if form.get("doc"):
			refuse()  # a document that exists only in the request
		_check_format(form.get("doctype"), form.get("format"))
		return
	for method in methods:
		if method == "frappe.utils.print_format.download_pdf":
			if form.get("doc"):
				refuse()
			_check_format(form.get("doctype"), form.get("format"))
		elif method == "frappe.www.printview.get_html_and_style":
			doc = frappe.parse_json(form.get("doc")) if form.get("doc") else None
			doctype = doc.get("doctype") if isinstance(doc, dict) else doc
			if isinstance(doc, dict) and not form.get("name") and (doc.get("__islocal") or not doc.get("name")):
				refuse()  # a document that exists only in the request
			_check_format(doctype, form.get("print_format"))


def _check_format(doctype, print_format):
	if not print_format or print_format == "Standard":
		return
	if not isinstance(doctype, str) or not isinstance(print_format, str):
		refuse()
	format_doctype = frappe.db.get_value("Print Format", print_format, "doc_type")
	if format_doctype and format_doctype != doctype:
		refuse()


def refuse():
	frappe.throw(_("Not permitted"), frappe.PermissionError)
