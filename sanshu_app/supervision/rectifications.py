"""A rectification opened from an inspection carries the inspection's year's campaign, so the
year's rectification ledger (by campaign) holds it (doc event of Rectification, before insert)."""

import frappe

SOURCE = "Supervision Inspection"


def carry_campaign(doc, method=None):
	if doc.get("campaign") or doc.get("source_doctype") != SOURCE or not doc.get("source_name"):
		return
	year = frappe.db.get_value(SOURCE, doc.source_name, "year")
	doc.campaign = campaign_of_year(year, doc.get("unit"))


def campaign_of_year(year, unit=None) -> str | None:
	"""The year's campaign: the only one, else the one the unit takes part in, else the latest."""
	if not year:
		return None
	campaigns = frappe.get_all("Sanshu Campaign", filters={"year": year}, pluck="name", order_by="creation desc")
	if len(campaigns) <= 1 or not unit:
		return campaigns[0] if campaigns else None
	with_unit = frappe.get_all("Sanshu Campaign Unit", filters={"parent": ("in", campaigns), "parenttype": "Sanshu Campaign", "unit": unit}, pluck="parent")
	return next((c for c in campaigns if c in with_unit), campaigns[0])
