"""The supervision rules as data (Supervision Settings), with the seeds' numbers as defaults."""

import frappe

SETTINGS = "Supervision Settings"
WEIGHT_FIELDS = {
	"petitions": "weight_petitions",
	"efficiency_complaints": "weight_efficiency_complaints",
	"online_opinion": "weight_online_opinion",
}


def setting(fieldname):
	return single_setting(SETTINGS, fieldname)


def single_setting(doctype, fieldname):
	"""The office's value, or the shipped default while the settings were never saved (an unsaved
	single reads as 0, which is a value the office may choose)."""
	field = frappe.get_meta(doctype).get_field(fieldname)
	stored = frappe.db.get_value("Singles", {"doctype": doctype, "field": fieldname}, "value", order_by=None)
	value = field.default if stored in (None, "") else stored
	return float(value) if field.fieldtype == "Float" else int(float(value)) if field.fieldtype == "Int" else value


def default_scale() -> list[tuple[str, float]]:
	rows = []
	for line in (setting("survey_default_scale") or "").splitlines():
		option, _, score = line.partition(":")
		if option.strip():
			rows.append((option.strip(), float(score or 0)))
	return rows
