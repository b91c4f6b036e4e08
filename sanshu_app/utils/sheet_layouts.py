"""The column-mapping step every clerk's-sheet import shares (the rules are in
``sanshu_app.rules.column_mapping``): the clerk's mapping read from the request, a remembered one
offered for a known layout, what the mapping dialog shows, and remembering a confirmed mapping in
Sanshu Sheet Layout (the office's alone).

An import calls ``mapping_for`` after reading the workbook. It answers (mapping, None) when a
mapping is to be applied (the clerk's, or one remembered for this layout), (None, None) when the
import's own headings were recognised, and (None, step) when the clerk must map the columns:
the import returns ``step`` to the dialog instead of a preview. Nothing is written before the clerk
confirms a preview; ``remember`` is called with that confirmation."""

import json

import frappe
from frappe import _
from frappe.utils import now_datetime

from sanshu_app.rules.column_mapping import IGNORE, TICK, find_layout, layout_signature, sheet_overview

LAYOUT = "Sanshu Sheet Layout"
KINDS = {"paper-ballots": "Paper Ballots", "evaluation-ballots": "Evaluation Paper Ballots", "work-plan": "Work Plan Tasks", "cadres": "Cadres"}


def read_mapping(mapping) -> dict | None:
	"""The mapping as the dialog sent it (JSON text or a dict); None when none was sent."""
	if not mapping:
		return None
	if isinstance(mapping, str):
		try:
			mapping = json.loads(mapping)
		except ValueError:
			frappe.throw(_("Say which column holds which field."), title=_("Nothing Imported"))
	if not isinstance(mapping, dict):
		frappe.throw(_("Say which column holds which field."), title=_("Nothing Imported"))
	return mapping


def remembered(kind: str) -> dict:
	"""Signature -> column roles of the layouts remembered for ``kind``."""
	rows = frappe.get_all(LAYOUT, filters={"import_kind": KINDS[kind]}, fields=["signature", "column_roles"], ignore_permissions=True)
	return {r.signature: _roles(r.column_roles) for r in rows}


def _roles(value) -> dict:
	if isinstance(value, str):
		try:
			value = json.loads(value)
		except ValueError:
			value = {}
	return value if isinstance(value, dict) else {}


def mapping_for(kind: str, sheets, mapping, recognised: bool, fields, options=None, remap=False):
	"""(mapping to apply, None) | (None, None): the import's own headings | (None, the dialog's step)."""
	mapping = read_mapping(mapping)
	if mapping:
		return mapping, None
	if recognised and not remap:
		return None, None
	known = remembered(kind)
	found = find_layout(sheets, kind, known) if known else None
	if found and not remap:
		name, index, signature = found
		return {"sheet": name, "header_row": index + 1, "columns": known[signature], "remembered": 1}, None
	overview = sheet_overview(sheets, kind, fields, options or ())
	if found:  # re-mapping a remembered layout: start from what was remembered
		name, index, signature = found
		for sheet in overview:
			if sheet["sheet"] == name:
				sheet.update(header_row=index + 1, roles=known[signature])
	return None, {
		"needs_mapping": 1,
		"sheets": overview,
		"fields": [{"key": f.key, "heading": f.heading, "required": int(f.required)} for f in fields],
		"options": list(options or ()),
		"ignore": IGNORE,
		"tick": TICK,
	}


def remember(kind: str, checked, header_row) -> None:
	"""Keep the clerk's confirmed mapping for this layout (one record per signature)."""
	values = {
		"import_kind": KINDS[kind],
		"sheet_name": checked.sheet,
		"headings": " / ".join(str(v).strip() for v in header_row if v not in (None, "")),
		"column_roles": json.dumps(checked.columns, ensure_ascii=False),
		"last_used_on": now_datetime(),
	}
	if checked.signature != layout_signature(kind, checked.sheet, header_row):
		return
	if frappe.db.exists(LAYOUT, checked.signature):
		doc = frappe.get_doc(LAYOUT, checked.signature)
		doc.update(values)
		doc.save(ignore_permissions=True)
	else:
		frappe.get_doc({"doctype": LAYOUT, "signature": checked.signature, **values}).insert(ignore_permissions=True)


def mapping_refused(kind: str, sheets, mapping: dict, problems, fields, options=None) -> dict:
	"""A mapping that does not fit the workbook: the clerk's own is refused with its reasons
	(nothing changed); a remembered one that no longer fits (the scale's options changed, say) opens
	the mapping step again, starting from it."""
	from sanshu_app.utils import throw_violations

	if mapping.get("remembered"):
		return {**mapping_for(kind, sheets, None, False, fields, options, remap=True)[1], "committed": 0}
	throw_violations(problems, title=_("Columns Not Mapped"))
