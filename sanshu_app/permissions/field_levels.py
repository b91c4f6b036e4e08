"""Field levels at every door, not only on the form.

The platform drops a field above the user's permission level from a list's ``fields`` and from a
loaded record, but lets the same field be named in ``filters``, ``or_filters``, ``order_by`` and
``group_by``: a filter on a hidden field is a yes/no oracle for its value. Here a list door that
names a field above the user's level anywhere is refused whole (``check_request``, run by the
allow-list gate for every request, the office's included).

The change log shows a field's old and new values only to those who may read the field
(``redact_versions``, used by the form's ``getdoc`` and ``get_docinfo``); outside the office the
Version records of the app's doctypes are read only through the form (``rule.py``).
"""

import json
import re

import frappe
from frappe import _

from sanshu_app.permissions.scope_cache import request_cache as _request_cache

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# list door -> (parameter naming the doctype, {parameter: "filters" | "names"})
LIST_DOORS: dict[str, tuple[str, dict[str, str]]] = {
	"frappe.client.get_list": ("doctype", {"fields": "names", "filters": "filters", "or_filters": "filters", "order_by": "names", "group_by": "names"}),
	"frappe.client.get_count": ("doctype", {"filters": "filters"}),
	"frappe.client.get_value": ("doctype", {"fieldname": "names", "filters": "filters"}),
	"frappe.client.get": ("doctype", {"filters": "filters"}),
	"frappe.client.validate_link": ("doctype", {"fields": "names"}),
	"frappe.desk.reportview.get": ("doctype", {"fields": "names", "filters": "filters", "or_filters": "filters", "order_by": "names", "group_by": "names", "sort_by": "names"}),
	"frappe.desk.reportview.get_list": ("doctype", {"fields": "names", "filters": "filters", "or_filters": "filters", "order_by": "names", "group_by": "names", "sort_by": "names"}),
	"frappe.desk.reportview.get_count": ("doctype", {"fields": "names", "filters": "filters", "or_filters": "filters"}),
	"frappe.desk.reportview.export_query": ("doctype", {"fields": "names", "filters": "filters", "or_filters": "filters", "order_by": "names", "group_by": "names"}),
	"frappe.desk.reportview.get_sidebar_stats": ("doctype", {"filters": "filters", "stats": "names"}),
	"frappe.desk.listview.get_group_by_count": ("doctype", {"current_filters": "filters", "field": "names"}),
	"frappe.desk.search.search_link": ("doctype", {"filters": "filters", "searchfield": "names"}),
	"frappe.desk.search.search_widget": ("doctype", {"filters": "filters", "searchfield": "names", "filter_fields": "names"}),
}
REST_LIST_PARAMS = {"fields": "names", "filters": "filters", "or_filters": "filters", "order_by": "names", "group_by": "names"}


def check_request(request, methods):
	"""Refuse a list request that names a field above the user's level."""
	for method in methods:
		door = LIST_DOORS.get(method)
		if door:
			doctype_param, params = door
			_check(frappe.form_dict.get(doctype_param), params, frappe.form_dict)
	if request.method == "GET":
		doctype = _rest_list_doctype(request.path)
		if doctype:
			params = {"filters": "filters"} if request.path.rstrip("/").endswith("/count") else REST_LIST_PARAMS
			_check(doctype, params, frappe.form_dict)


def _rest_list_doctype(path: str) -> str | None:
	from urllib.parse import unquote

	parts = path.strip("/").split("/")
	if parts[:2] in (["api", "resource"],) and len(parts) == 3:
		return unquote(parts[2])
	if parts[:3] == ["api", "v1", "resource"] and len(parts) == 4:
		return unquote(parts[3])
	if parts[:3] == ["api", "v2", "document"] and len(parts) == 4:
		return unquote(parts[3])
	if parts[:3] == ["api", "v2", "doctype"] and len(parts) == 5 and parts[4] == "count":
		return unquote(parts[3])
	return None


def _check(doctype, params: dict[str, str], form) -> None:
	if not isinstance(doctype, str) or not doctype:
		return
	hidden = hidden_fields(doctype, parenttype=form.get("parent") if isinstance(form.get("parent"), str) else None)
	if not hidden:
		return
	for param, kind in params.items():
		value = form.get(param)
		if value in (None, "", [], {}):
			continue
		named = _named_in_filters(value) if kind == "filters" else _identifiers(value)
		if named & hidden:
			frappe.throw(_("Not permitted"), frappe.PermissionError)


def hidden_fields(doctype: str, parenttype: str | None = None, user: str | None = None) -> set[str]:
	"""Field names of ``doctype`` (and of its child tables) above the user's read level."""
	cache = _request_cache()
	key = ("hidden", doctype, parenttype, user or frappe.session.user)
	if cache is not None and key in cache:
		return cache[key]
	try:
		meta = frappe.get_meta(doctype)
	except frappe.DoesNotExistError:
		return set()
	hidden = _hidden_in(meta, parenttype, user)
	if meta.istable and _table_above_level(doctype, parenttype, user):
		hidden = {f.fieldname for f in meta.fields if f.fieldtype not in frappe.model.no_value_fields}
	for df in meta.get_table_fields():
		child = frappe.get_meta(df.options)
		if df.permlevel and df.permlevel not in _levels(meta, parenttype, user):
			hidden.update(f.fieldname for f in child.fields if f.fieldtype not in frappe.model.no_value_fields)
		else:
			hidden |= _hidden_in(child, doctype, user)
	hidden -= {"name", "parent", "parenttype", "parentfield", "idx", "owner", "creation", "modified", "modified_by", "docstatus"}
	if cache is not None:
		cache[key] = hidden
	return hidden


def _table_above_level(child: str, parenttype: str | None, user) -> bool:
	"""Whether a table's rows are above the user's level on the parent that holds them (an
	evaluation's roster): then every field of the row is."""
	from sanshu_app.permissions.rule import child_parents

	for parent, fieldname in child_parents().get(child, ()):
		if parenttype and parent != parenttype:
			continue
		parent_meta = frappe.get_meta(parent)
		level = parent_meta.get_field(fieldname).permlevel or 0
		if level and level not in _levels(parent_meta, None, user):
			return True
	return False


def _hidden_in(meta, parenttype, user) -> set[str]:
	levels = {0, *_levels(meta, parenttype, user)}
	return {df.fieldname for df in meta.fields if (df.permlevel or 0) not in levels and df.fieldtype not in frappe.model.no_value_fields}


def _levels(meta, parenttype, user) -> list[int]:
	if (user or frappe.session.user) == "Administrator":
		return list(range(10))
	return meta.get_permlevel_access("read", parenttype=parenttype, user=user)


def _parsed(value):
	if isinstance(value, str):
		try:
			return json.loads(value)
		except ValueError:
			return value
	return value


def _identifiers(value) -> set[str]:
	"""Every identifier in a field list, a sort or a group expression."""
	value = _parsed(value)
	found = set()
	if isinstance(value, str):
		found.update(IDENTIFIER.findall(value))
	elif isinstance(value, dict):
		for key, item in value.items():
			found |= _identifiers(key) | _identifiers(item)
	elif isinstance(value, list | tuple):
		for item in value:
			found |= _identifiers(item)
	return found


def _named_in_filters(value) -> set[str]:
	"""The field names a filter argument names (its values are not field names)."""
	value = _parsed(value)
	found = set()
	if isinstance(value, dict):
		for key in value:
			found |= _identifiers(str(key))
	elif isinstance(value, list | tuple):
		if value and all(isinstance(v, str | int | float | bool) or v is None for v in value) and len(value) >= 3:
			# one condition: [field, op, value] or [doctype, field, op, value]
			field = value[1] if len(value) >= 4 else value[0]
			found |= _identifiers(str(field))
		else:
			for item in value:
				found |= _named_in_filters(item)
	elif isinstance(value, str):
		found |= _identifiers(value)  # an SQL-like string filter: names everything
	return found


# --- the change log ------------------------------------------------------------------------------
def redact_versions(doctype: str, versions: list) -> list:
	"""Versions of a ``doctype`` record with the values of fields above the user's level removed."""
	hidden = hidden_fields(doctype)
	if not hidden or not versions:
		return versions
	kept = []
	for version in versions:
		data = _parsed(version.get("data")) if isinstance(version.get("data"), str) else version.get("data")
		if not isinstance(data, dict):
			kept.append(version)
			continue
		data = redact_version_data(data, hidden, frappe.get_meta(doctype))
		if not any(data.get(k) for k in ("changed", "added", "removed", "row_changed")):
			continue
		version = dict(version)
		version["data"] = json.dumps(data, default=str)
		kept.append(version)
	return kept


def redact_version_data(data: dict, hidden: set[str], meta) -> dict:
	hidden_tables = {df.fieldname for df in meta.get_table_fields() if df.fieldname in hidden}
	data = dict(data)
	data["changed"] = [c for c in data.get("changed") or [] if c and c[0] not in hidden]
	for key in ("added", "removed"):
		rows = []
		for entry in data.get(key) or []:
			if not entry or entry[0] in hidden_tables:
				continue
			table, row = entry[0], entry[1] if len(entry) > 1 else {}
			rows.append([table, {k: v for k, v in (row or {}).items() if k not in hidden}])
		data[key] = rows
	row_changed = []
	for entry in data.get("row_changed") or []:
		if not entry or entry[0] in hidden_tables:
			continue
		table, idx, row_name, changes = (list(entry) + [None] * 4)[:4]
		changes = [c for c in changes or [] if c and c[0] not in hidden]
		if changes:
			row_changed.append([table, idx, row_name, changes])
	data["row_changed"] = row_changed
	return data
