# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import getdate, today


def execute(filters=None):
	filters = frappe._dict(filters or {})
	return columns(), data(filters)


def columns():
	return [
		{"fieldname": "name", "label": _("Rectification"), "fieldtype": "Link", "options": "Rectification", "width": 140},
		{"fieldname": "subject_name", "label": _("Subject of Rectification"), "fieldtype": "Data", "width": 140},
		{"fieldname": "unit", "label": _("Unit"), "fieldtype": "Link", "options": "Sanshu Unit", "width": 150},
		{"fieldname": "source_type", "label": _("Source"), "fieldtype": "Data", "width": 120},
		{"fieldname": "notice_date", "label": _("Notice Date"), "fieldtype": "Date", "width": 100},
		{"fieldname": "report_due_date", "label": _("Report Due"), "fieldtype": "Date", "width": 100},
		{"fieldname": "overdue_days", "label": _("Days Overdue"), "fieldtype": "Int", "width": 90},
		{"fieldname": "open_measures", "label": _("Open Measures"), "fieldtype": "Int", "width": 90},
		{"fieldname": "state", "label": _("Status"), "fieldtype": "Data", "width": 100},
		{"fieldname": "outcome", "label": _("Outcome"), "fieldtype": "Data", "width": 220},
		{"fieldname": "report_at_campaign", "label": _("Outcome Reported At"), "fieldtype": "Link", "options": "Sanshu Campaign", "width": 160},
	]


def data(filters):
	conditions = {}
	or_conditions = None
	if filters.get("campaign"):
		# The campaign's own rectifications and the previous campaign's, whose outcome it reports (seed 003 §第二十条).
		previous = frappe.db.get_value("Sanshu Campaign", filters.campaign, "previous_campaign")
		or_conditions = {"campaign": filters.campaign, "report_at_campaign": filters.campaign}
		if previous:
			or_conditions = {"campaign": ("in", [filters.campaign, previous]), "report_at_campaign": filters.campaign}
	if filters.get("state"):
		conditions["workflow_state"] = filters.state
	if filters.get("overdue_only"):
		conditions["overdue"] = 1
	docs = frappe.get_list(
		"Rectification",
		filters=conditions,
		or_filters=or_conditions,
		fields=["name", "subject_name", "unit", "source_type", "notice_date", "report_due_date", "overdue", "overdue_since", "workflow_state", "outcome", "report_at_campaign"],
		limit_page_length=0,
	)
	open_counts = {}
	if docs:
		for m in frappe.get_all(
			"Rectification Measure",
			filters={"parenttype": "Rectification", "parent": ("in", [d.name for d in docs]), "status": ("!=", "Completed")},
			fields=["parent"],
		):
			open_counts[m.parent] = open_counts.get(m.parent, 0) + 1
	day = getdate(today())
	rows = []
	for d in docs:
		late = (day - getdate(d.report_due_date)).days if d.overdue and d.report_due_date else 0
		rows.append(
			{
				"name": d.name,
				"subject_name": d.subject_name,
				"unit": d.unit,
				"source_type": _(d.source_type) if d.source_type else "",
				"notice_date": d.notice_date,
				"report_due_date": d.report_due_date,
				"overdue_days": late,
				"open_measures": open_counts.get(d.name, 0),
				"state": _(d.workflow_state) if d.workflow_state else "",
				"outcome": d.outcome or "",
				"report_at_campaign": d.report_at_campaign,
				"_overdue": d.overdue,
			}
		)
	# Overdue first (longest overdue at the top), then by report due date.
	rows.sort(key=lambda r: (0 if r["_overdue"] else 1, -r["overdue_days"], str(r["report_due_date"] or "9999")))
	for r in rows:
		r.pop("_overdue")
	return rows
