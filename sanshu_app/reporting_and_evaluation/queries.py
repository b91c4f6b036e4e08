"""Link-field searches for the forms of this module."""

import frappe


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def campaign_cadres(doctype, txt, searchfield, start, page_len, filters):
	"""The campaign's participating cadres the user may see, matching ``txt``."""
	campaign = (filters or {}).get("campaign")
	names = frappe.get_all("Sanshu Campaign Cadre", filters={"parent": campaign, "parenttype": "Sanshu Campaign"}, pluck="cadre") if campaign else []
	return frappe.get_list(
		"Sanshu Cadre",
		filters={"name": ("in", names or [""])},
		or_filters={"name": ("like", f"%{txt}%"), "full_name": ("like", f"%{txt}%")},
		fields=["name", "full_name", "unit"],
		start=start,
		page_length=page_len,
		as_list=True,
		order_by="full_name",
	)


@frappe.whitelist()
def my_cadre():
	"""The cadre record of the current user, if any."""
	return frappe.db.get_value("Sanshu Cadre", {"user": frappe.session.user}, "name")
