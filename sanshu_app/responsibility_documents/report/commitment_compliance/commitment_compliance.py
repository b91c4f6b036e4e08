# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt
"""For a campaign: which participating cadres have not signed their annual commitment by the
campaign's commitment due date (not issued, not signed, or signed late)."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from sanshu_app.rules.responsibility import compliance_status, counts_as_missing

ANNUAL = "Annual Responsibility Commitment"


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not filters.campaign:
		frappe.throw(_("Choose a campaign."))
	campaign = frappe.get_doc("Sanshu Campaign", filters.campaign)
	campaign.check_permission("read")
	due = getdate(campaign.commitment_due_date) if campaign.commitment_due_date else None
	now = getdate(today())
	cadres = [row.cadre for row in campaign.cadres]
	# frappe.get_list: the viewer's record scope applies (a secretary sees their units' cadres)
	visible = set(frappe.get_list("Sanshu Cadre", filters={"name": ("in", cadres or [""])}, pluck="name", limit_page_length=0))
	commitments = {
		c.cadre: c
		for c in frappe.get_list(
			"Integrity Commitment",
			filters={"commitment_type": ANNUAL, "year": campaign.year, "cadre": ("in", cadres or [""]), "docstatus": ("<", 2)},
			fields=["name", "cadre", "signed_at", "workflow_state"],
			limit_page_length=0,
		)
	}
	rows = []
	for row in campaign.cadres:
		if row.cadre not in visible:
			continue
		commitment = commitments.get(row.cadre)
		signed_on = getdate(commitment.signed_at) if commitment and commitment.signed_at else None
		status = compliance_status(bool(commitment), signed_on, due, now)
		if not filters.show_all and not counts_as_missing(status, due, now):
			continue
		rows.append(
			{
				"cadre": row.cadre,
				"cadre_name": row.cadre_name or frappe.db.get_value("Sanshu Cadre", row.cadre, "full_name"),
				"unit": row.unit or frappe.db.get_value("Sanshu Cadre", row.cadre, "unit"),
				"commitment": commitment.name if commitment else None,
				"workflow_state": _(commitment.workflow_state) if commitment and commitment.workflow_state else None,
				"signed_at": commitment.signed_at if commitment else None,
				"due_date": due,
				"status": status,
				"status_label": _(status),
				"overdue": int(counts_as_missing(status, due, now)),
			}
		)
	return columns(), rows


def columns():
	return [
		{"fieldname": "cadre_name", "label": _("Cadre"), "fieldtype": "Data", "width": 110},  # one column: the name, linked to the cadre by the formatter
		{"fieldname": "unit", "label": _("Unit"), "fieldtype": "Link", "options": "Sanshu Unit", "width": 160},
		{"fieldname": "commitment", "label": _("Commitment"), "fieldtype": "Link", "options": "Integrity Commitment", "width": 140},
		{"fieldname": "workflow_state", "label": _("Workflow State"), "fieldtype": "Data", "width": 120},
		{"fieldname": "signed_at", "label": _("Signed At"), "fieldtype": "Datetime", "width": 160},
		{"fieldname": "due_date", "label": _("Commitments Due"), "fieldtype": "Date", "width": 110},
		{"fieldname": "status_label", "label": _("Compliance"), "fieldtype": "Data", "width": 120},
	]
