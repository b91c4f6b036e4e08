# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _

from sanshu_app.integrity_archive.archive import archive_rows


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not filters.get("cadre"):
		return columns(), []
	rows = archive_rows(filters.cadre)  # checks who may see it
	return columns(), [
		{
			"year": r["year"],
			"section": _(r["section"]),
			"document_type": _(r["doctype"]),
			"document_doctype": r["doctype"],  # for the link; no column (a DocType link needs DocType permission)
			"document": r["name"],
			"title": r["title"],
			"status": r["status"],
			"date": r["date"],
		}
		for r in rows
	]


def columns():
	return [
		{"fieldname": "year", "label": _("Year"), "fieldtype": "Int", "width": 70},
		{"fieldname": "section", "label": _("Archive Section"), "fieldtype": "Data", "width": 150},
		{"fieldname": "document_type", "label": _("Document Type"), "fieldtype": "Data", "width": 150},
		{"fieldname": "document", "label": _("Document"), "fieldtype": "Dynamic Link", "options": "document_doctype", "width": 160},
		{"fieldname": "title", "label": _("Title"), "fieldtype": "Data", "width": 260},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 100},
		{"fieldname": "date", "label": _("Date"), "fieldtype": "Date", "width": 100},
	]
