# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""The office's list of the units' own reports of a year and kind: missing and overdue first,
then late, on time and not yet due (rules.unit_reports.standing)."""

from frappe import _
from frappe.utils import cint, getdate, today

from sanshu_app.responsibility_documents.doctype.unit_responsibility_report.unit_responsibility_report import standing
from sanshu_app.utils import require_roles


def execute(filters=None):
	require_roles()
	filters = filters or {}
	columns = [
		{"fieldname": "unit", "label": _("Unit"), "fieldtype": "Link", "options": "Sanshu Unit", "width": 180},
		{"fieldname": "standing", "label": _("Standing"), "fieldtype": "Data", "width": 110},
		{"fieldname": "report", "label": _("Report"), "fieldtype": "Link", "options": "Unit Responsibility Report", "width": 150},
		{"fieldname": "due", "label": _("Due Date"), "fieldtype": "Date", "width": 110},
		{"fieldname": "submitted_on", "label": _("Submitted On"), "fieldtype": "Date", "width": 110},
	]
	kind, year = filters.get("report_kind") or "Year-End Report", cint(filters.get("year")) or getdate(today()).year
	rows = [
		{"unit": r.unit, "standing": _(r.status), "status": r.status, "report": r.report, "due": r.due, "submitted_on": r.submitted_on}
		for r in standing(kind, year)
	]
	return columns, rows
