"""The activity log of the app's records reads without "null": a value that was empty before a
change is recorded as empty text, which the timeline shows as "" (Frappe prints a stored None
as the word null). A changed table row is recorded by its row number as the form's grid shows it,
counted from 1 (Frappe records the 0-based position, and the timeline printed "第0行")."""

import json

import frappe


def is_app_doctype(doctype: str) -> bool:
	module = frappe.get_meta(doctype).module
	return bool(module) and frappe.get_cached_value("Module Def", module, "app_name") == "sanshu_app"


def _blank(value):
	return "" if value is None else value


def empty_not_null(version, method=None):
	"""Version before_insert: None → "" in the changed values of the app's records."""
	if not version.data or not version.ref_doctype or not is_app_doctype(version.ref_doctype):
		return
	data = json.loads(version.data)
	data["changed"] = [[field, _blank(old), _blank(new)] for field, old, new in data.get("changed") or []]
	for row in data.get("row_changed") or []:
		if len(row) > 3 and isinstance(row[3], list):
			row[3] = [[field, _blank(old), _blank(new)] for field, old, new in row[3]]
		if len(row) > 1 and isinstance(row[1], int):
			row[1] += 1  # the row number the grid shows
	version.data = frappe.as_json(data)
