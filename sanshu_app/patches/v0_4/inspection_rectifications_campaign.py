"""Rectifications opened from an inspection before they carried a campaign get their inspection's
year's campaign (issue 20), so the year's rectification ledger holds them."""

import frappe

from sanshu_app.permissions.scope_cache import forget
from sanshu_app.supervision.rectifications import campaign_of_year


def execute():
	for r in frappe.get_all(
		"Rectification", filters={"source_doctype": "Supervision Inspection", "campaign": ("is", "not set")}, fields=["name", "source_name", "unit"]
	):
		year = frappe.db.get_value("Supervision Inspection", r.source_name, "year")
		campaign = campaign_of_year(year, r.unit)
		if campaign:
			frappe.db.set_value("Rectification", r.name, "campaign", campaign, update_modified=False)
	forget("Rectification")  # set_value skips the document events
