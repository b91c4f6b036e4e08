# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt
"""Per campaign: the cadres whose 三述 report came in late, or has not come in although due."""

import frappe
from frappe import _
from frappe.utils import date_diff, getdate, nowdate

from sanshu_app.rules.reports import LATE, MISSING, standing


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not filters.campaign:
		frappe.throw(_("Choose a campaign."), title=_("Campaign Required"))
	return columns(), rows(filters.campaign, filters.get("include_all"))


def columns():
	return [
		{"fieldname": "cadre_name", "label": _("Cadre"), "fieldtype": "Data", "width": 110},  # one column: the name, linked to the cadre by the formatter
		{"fieldname": "unit", "label": _("Unit"), "fieldtype": "Link", "options": "Sanshu Unit", "width": 160},
		{"fieldname": "report", "label": _("Sanshu Report"), "fieldtype": "Link", "options": "Sanshu Report", "width": 110},
		{"fieldname": "report_status", "label": _("Report Status"), "fieldtype": "Data", "width": 100},
		{"fieldname": "due_date", "label": _("Due Date"), "fieldtype": "Date", "width": 100},
		{"fieldname": "submitted_on", "label": _("Submitted On"), "fieldtype": "Date", "width": 100},
		{"fieldname": "standing", "label": _("Standing"), "fieldtype": "Data", "width": 100},
		{"fieldname": "days_late", "label": _("Days Late"), "fieldtype": "Int", "width": 90},
	]


def campaign_cadres(campaign):
	"""The campaign's cadres the current user may see (the shared record scope applies).

	A constant number of queries whatever the number of cadres: names and units come with the
	visible cadres' list, not one lookup per row."""
	visible = {
		c.name: c for c in frappe.get_list("Sanshu Cadre", fields=["name", "full_name", "unit"], limit_page_length=0)
	}
	rows = frappe.get_all(
		"Sanshu Campaign Cadre",
		filters={"parent": campaign, "parenttype": "Sanshu Campaign"},
		fields=["cadre", "cadre_name", "unit"],
		order_by="idx",
	)
	for row in rows:
		cadre = visible.get(row.cadre)
		if cadre:
			row.cadre_name = row.cadre_name or cadre.full_name
			row.unit = row.unit or cadre.unit
			yield row


def report_rows(campaign, include_all=False):
	due = frappe.db.get_value("Sanshu Campaign", campaign, "report_due_date")
	reports = {
		r.cadre: r
		for r in frappe.get_list(
			"Sanshu Report",
			filters={"campaign": campaign},
			fields=["name", "cadre", "workflow_state", "submitted_on"],
			limit_page_length=0,
		)
	}
	today = getdate(nowdate())
	for cadre in campaign_cadres(campaign):
		report = reports.get(cadre.cadre)
		submitted = getdate(report.submitted_on) if report and report.submitted_on else None
		state = standing(getdate(due) if due else None, submitted, today)
		late_by = date_diff(submitted or today, due) if due and state in (LATE, MISSING) else 0
		yield {
			"cadre": cadre.cadre,
			"cadre_name": cadre.cadre_name,
			"unit": cadre.unit,
			"report": report.name if report else None,
			"report_status": _(report.workflow_state or "Draft") if report else _("Not Started"),
			"due_date": due,
			"submitted_on": submitted,
			"standing": _(state),
			"standing_key": state,
			"overdue": int(state in (LATE, MISSING)),
			"days_late": late_by,
		}


def rows(campaign, include_all=False):
	return [r for r in report_rows(campaign) if include_all or r["standing_key"] in (LATE, MISSING)]
