"""Link-field searches for the forms of this module."""

import frappe

from sanshu_app.rules.schemes import sections_for


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def campaign_cadres(doctype: str, txt: str, searchfield: str, start: int | str, page_len: int | str, filters: dict | list | str | None):
	"""The campaign's participating cadres the user may see, matching ``txt``."""
	# The desk sends filters as a JSON string; a script may send a dict.
	campaign = (frappe.parse_json(filters) or {}).get("campaign")
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


@frappe.whitelist()
def report_sections(campaign: str) -> list[str]:
	"""The sections a 三述 report in ``campaign`` has (by its scheme), for a new report's form."""
	frappe.has_permission("Sanshu Campaign", "read", campaign, throw=True)
	scheme = frappe.db.get_value("Sanshu Campaign", campaign, "scheme")
	return list(sections_for(scheme)) if scheme else []
