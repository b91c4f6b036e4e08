"""The one permission rule of the app, applied at every door of the platform.

A cadre sees their own records, a Party Secretary or Supervision Officer their unit's (sub-units
included), a Sanshu Manager everything. ``hooks.py`` registers the two functions below for every
doctype (``"*"``), so one rule answers:

- ``query_conditions`` — every list the platform builds with ``frappe.get_list`` (lists, report
  view, REST v1/v2 lists, ``frappe.client.get_list``, search, group-by and sidebar counts …), for
  - the app's scoped doctypes (``record_scopes.RECORD_SCOPES``);
  - their child tables, read only through a parent the user may read (``parent=`` doors);
  - the platform records that point at an app record (versions, comments, files, shares …).
- ``has_permission`` — every single-record decision (form, ``get_doc``, REST get/put/delete,
  print, ``run_doc_method``, workflow actions). It decides on the **stored** record: what the
  client sends never widens what it may reach. A write also needs the new values in scope, and
  outside the office it must leave protected fields alone (``rules/write_guard.py``).

The doors that skip ``frappe.get_list`` altogether are closed in ``sanshu_app.permissions.doors``.
"""

import functools
import json
from pathlib import Path

import frappe
from frappe import _

from sanshu_app.permissions import scope_cache
from sanshu_app.permissions.scopes import RECORD_SCOPES, REFERENCING_DOCTYPES, UNIT_ROLES, UNRESTRICTED_ROLES, RecordScope
from sanshu_app.rules import write_guard
from sanshu_app.rules.messages import RuleViolation
from sanshu_app.rules.scope import Scope, subtree_members

# Permission types that change a record: both the stored and the new values must be in scope.
WRITE_PTYPES = frozenset({"write", "create", "submit", "cancel", "amend", "delete"})
UNRESTRICTED = Scope(unrestricted=True)
# Platform records about an app record that only the office reads directly: the change log, whose
# values others see through the form, with fields above their level removed (field_levels.py).
OFFICE_ONLY_REFERENCING = frozenset({"Version"})
# Up to this many records beyond a user's main clauses are named in a list's condition.
NAMED_ROWS_INLINE_LIMIT = 500


# --- the app's doctypes, read from its own files -------------------------------------------------
@functools.cache
def app_doctypes() -> dict[str, dict]:
	"""Every doctype the app ships: name -> {"istable": bool, "tables": {fieldname: child doctype}}.

	Read from the doctype JSON files, so a new doctype joins the rule the day it lands."""
	found = {}
	for path in Path(__file__).resolve().parent.parent.glob("*/doctype/*/*.json"):
		if path.stem != path.parent.name:
			continue
		meta = json.loads(path.read_text())
		if meta.get("doctype") != "DocType":
			continue
		tables = {f["fieldname"]: f["options"] for f in meta.get("fields", []) if f.get("fieldtype") in ("Table", "Table MultiSelect")}
		found[meta["name"]] = {"istable": bool(meta.get("istable")), "tables": tables}
	return found


@functools.cache
def child_parents() -> dict[str, tuple[tuple[str, str], ...]]:
	"""child doctype -> ((parent doctype, table field), …) for the app's child tables."""
	parents: dict[str, list] = {}
	for doctype, info in app_doctypes().items():
		for fieldname, child in info["tables"].items():
			parents.setdefault(child, []).append((doctype, fieldname))
	return {child: tuple(sorted(rows)) for child, rows in parents.items()}


# --- who the user is -----------------------------------------------------------------------------
def scope_for(user: str | None = None) -> Scope:
	"""The user's scope: once per request, and between requests from ``scope_cache`` while the
	units and cadres it was computed from are unchanged."""
	user = user or frappe.session.user
	cache = _request_cache()
	if cache is not None and ("scope", user) in cache:
		return cache[("scope", user)]
	if _unrestricted(user):
		scope = UNRESTRICTED
	else:
		roles = _roles(user)
		scope = scope_cache.cached(("scope", user, roles), (scope_cache.SCOPE,), lambda: _compute_scope(user, roles))
	if cache is not None:
		cache[("scope", user)] = scope
	return scope


def forget_scopes(doc=None, method=None):
	"""doc_events of units and cadres (and any code changing them around the ORM): every cached
	scope is computed again. A cadre's own record is also read again by the next check of it."""
	if doc is not None:
		forget_stored(doc)
	scope_cache.forget(scope_cache.SCOPE)
	scope_cache.forget("Sanshu Cadre")


def forget_record(doc, method=None):
	"""doc_events of every scoped doctype: the record is read again by the next check of it, and
	what was kept of the doctype's records between requests is found again."""
	forget_stored(doc)
	scope_cache.forget(doc.doctype)


def forget_changed(doc, method=None):
	"""doc_events "*" (hooks.py names no doctype list): units and cadres renew every scope, a scoped
	record its own; any other doctype returns at once."""
	if doc.doctype in scope_cache.SCOPE_DOCTYPES:
		forget_scopes(doc, method)
	elif doc.doctype in RECORD_SCOPES:
		forget_record(doc, method)


def _roles(user: str) -> tuple:
	return tuple(sorted(frappe.get_roles(user)))


def _unrestricted(user: str) -> bool:
	return user == "Administrator" or bool(set(frappe.get_roles(user)).intersection(UNRESTRICTED_ROLES))


def _compute_scope(user: str, roles) -> Scope:
	cadres = frappe.get_all("Sanshu Cadre", filters={"user": user}, fields=["name", "unit"], order_by="name")
	cadre_names = frozenset(c.name for c in cadres)
	units = frozenset()
	if cadre_names and set(roles).intersection(UNIT_ROLES):
		roots = {c.unit for c in cadres if c.unit}
		roots.update(
			frappe.get_all(
				"Sanshu Unit",
				or_filters={"principal": ("in", list(cadre_names)), "discipline_officer": ("in", list(cadre_names))},
				pluck="name",
				order_by="name",
			)
		)
		tree = frappe.get_all("Sanshu Unit", fields=["name", "lft", "rgt"], as_list=True, order_by="lft")
		units = frozenset(subtree_members(tree, roots))
	return Scope(cadres=cadre_names, units=units)


_request_cache = scope_cache.request_cache


def is_office(user: str) -> bool:
	return _unrestricted(user)


def _opens_to(user: str, doctype: str) -> bool:
	return bool(set(frappe.get_roles(user)).intersection(RECORD_SCOPES[doctype].open_to_roles))


# --- lists ---------------------------------------------------------------------------------------
def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	if doctype in RECORD_SCOPES:
		return _record_condition(doctype, user)
	if doctype in child_parents():
		return _child_condition(doctype, user)
	if doctype in REFERENCING_DOCTYPES:
		return _referencing_condition(doctype, user)
	return ""


def _record_condition(doctype: str, user: str, table: str | None = None) -> str:
	scope_cache.prefetch()
	if _unrestricted(user) or _opens_to(user, doctype):
		return ""
	scope = scope_for(user)
	rule = RECORD_SCOPES[doctype]
	table = table or f"`tab{doctype}`"
	clauses = _main_clauses(rule, scope, table)
	for source, names in _records_beyond_main(doctype, scope, user).items():
		clauses.append(_source_clause(doctype, table, source, names))
	return f"({' or '.join(clauses)})" if clauses else "1=0"


def _main_clauses(rule: RecordScope, scope: Scope, table: str) -> list[str]:
	"""The clauses most of a user's records match: their units' (a leader), else their own."""
	if scope.units and rule.unit_fields:
		return [_in(table, field, scope.units) for field in rule.unit_fields]
	return [_in(table, field, scope.cadres) for field in rule.cadre_fields if scope.cadres]


def _other_sources(rule: RecordScope, scope: Scope, user: str | None = None) -> list[tuple]:
	"""What else opens a record to the user: their own cadre fields when the main clauses are the
	units', and the rows naming their cadres, units or roles (a letter's signers, a 通报's 主送 …)."""
	sources = []
	if scope.units and rule.unit_fields and scope.cadres:
		sources += [("field", field, scope.cadres) for field in rule.cadre_fields]
	sources += [("rows", t, f, scope.cadres) for t, f in rule.cadre_tables if scope.cadres]
	sources += [("rows", t, f, scope.units) for t, f in rule.unit_tables if scope.units]
	roles = frozenset(_roles(user)) if user and rule.role_tables else frozenset()
	sources += [("rows", t, f, roles) for t, f in rule.role_tables if roles]
	return sources


def _records_beyond_main(doctype: str, scope: Scope, user: str) -> dict:
	"""source -> the ``doctype`` records that only it opens to the user (a letter the user signs in a
	unit they do not answer for, say), or None when too many to name.

	Naming them keeps the list query one index lookup, where an ``or`` over several fields, or an
	``exists`` beside them, makes MariaDB merge indexes or walk the whole table; usually there are
	none. Kept between requests while the user's scope and the doctype's records are unchanged."""
	sources = _other_sources(RECORD_SCOPES[doctype], scope, user)
	if not sources:
		return {}
	cache = _request_cache()
	if cache is not None and ("beyond", user, doctype) in cache:
		return cache[("beyond", user, doctype)]
	named = scope_cache.cached(
		("beyond", doctype, user, _roles(user)),
		(scope_cache.SCOPE, doctype),
		lambda: _read_records_beyond_main(doctype, scope, sources),
	)
	if cache is not None:
		cache[("beyond", user, doctype)] = named
	return named


def _read_records_beyond_main(doctype: str, scope: Scope, sources) -> dict:
	main = " or ".join(f"ifnull({clause}, 0)" for clause in _main_clauses(RECORD_SCOPES[doctype], scope, "p")) or "0"
	columns = []
	for i, source in enumerate(sources):
		if source[0] == "field":
			_kind, field, names = source
			found = f"select p.name as n from `tab{doctype}` p where {_in('p', field, names)} and not ({main})"
		else:
			_kind, table_field, field, names = source
			child = app_doctypes()[doctype]["tables"][table_field]
			found = (
				f"select distinct child.parent as n from `tab{child}` child join `tab{doctype}` p on p.name = child.parent"
				f" where child.parenttype = {frappe.db.escape(doctype)} and child.parentfield = {frappe.db.escape(table_field)}"
				f" and {_in('child', field, names)} and not ({main})"
			)
		columns.append(f"(select json_arrayagg(x.n) from ({found} limit {NAMED_ROWS_INLINE_LIMIT + 1}) x) as `s{i}`")
	row = frappe.db.sql(f"select {', '.join(columns)}", as_dict=True)[0]
	named = {}
	for i, source in enumerate(sources):
		found = _json_list(row[f"s{i}"]) if row[f"s{i}"] else []
		named[source] = sorted(found) if found is not None and len(found) <= NAMED_ROWS_INLINE_LIMIT else None
	return named


def _source_clause(doctype: str, table: str, source: tuple, names: list | None) -> str:
	"""The records ``source`` opens: those found beforehand, or when too many to name, the
	source's own condition."""
	if names is not None:
		return _in(table, "name", names) if names else "1=0"
	if source[0] == "field":
		return _in(table, source[1], source[2])
	_kind, table_field, field, values = source
	child = app_doctypes()[doctype]["tables"][table_field]
	return (
		f"exists (select 1 from `tab{child}` child where child.parent = {table}.name"
		f" and child.parenttype = {frappe.db.escape(doctype)} and child.parentfield = {frappe.db.escape(table_field)}"
		f" and {_in('child', field, values)})"
	)


def _readable_parent_names(doctype: str, user: str) -> str | None:
	"""SQL selecting the names of ``doctype`` records the user may read; None when all of them,
	'' when none (no role permission)."""
	if doctype in RECORD_SCOPES:
		condition = _record_condition(doctype, user, table="p")
		if not condition:
			return None if frappe.has_permission(doctype, "read", user=user) else ""
		if not frappe.has_permission(doctype, "read", user=user):
			return ""
		return f"select p.name from `tab{doctype}` p where {condition}"
	if doctype in child_parents():
		return ""  # grandchildren are not used by the app
	return None if frappe.has_permission(doctype, "read", user=user) else ""


def _child_condition(child: str, user: str) -> str:
	if scope_for(user).unrestricted:
		return ""
	table = f"`tab{child}`"
	clauses = []
	for parent, fieldname in child_parents()[child]:
		if not _may_read_table(parent, fieldname, user):
			continue  # the table itself is above the user's level on its parent (an evaluation's roster)
		clause = f"{table}.parenttype = {frappe.db.escape(parent)} and {table}.parentfield = {frappe.db.escape(fieldname)}"
		clauses += _narrowed(clause, f"{table}.parent", _readable_parent_names(parent, user))
	return f"({' or '.join(clauses)})" if clauses else "1=0"


def _narrowed(clause: str, column: str, names: str | None) -> list[str]:
	"""``clause`` narrowed to the records ``names`` selects: [] when none may be read, the clause
	alone when all of them may (see ``_readable_parent_names``)."""
	if names == "":
		return []
	return [f"({clause})" if names is None else f"({clause} and {column} in ({names}))"]


def _may_read_table(parent: str, fieldname: str, user: str) -> bool:
	level = frappe.get_meta(parent).get_field(fieldname).permlevel or 0
	return level == 0 or level in frappe.get_meta(parent).get_permlevel_access("read", user=user)


def _referencing_condition(doctype: str, user: str) -> str:
	if scope_for(user).unrestricted:
		return ""
	type_field, name_field = REFERENCING_DOCTYPES[doctype]
	table = f"`tab{doctype}`"
	ours = sorted(app_doctypes())
	clauses = [f"ifnull({table}.`{type_field}`, '') not in ({', '.join(frappe.db.escape(d) for d in ours)})"]
	if doctype in OFFICE_ONLY_REFERENCING:
		return clauses[0]
	for target in ours:
		clauses += _narrowed(f"{table}.`{type_field}` = {frappe.db.escape(target)}", f"{table}.`{name_field}`", _readable_parent_names(target, user))
	return f"({' or '.join(clauses)})"


def _in(table: str, field: str, values) -> str:
	return f"{table}.`{field}` in ({', '.join(frappe.db.escape(v) for v in sorted(values))})"


# --- one record ----------------------------------------------------------------------------------
def has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False) -> bool:
	doctype = doc.doctype
	if doctype in RECORD_SCOPES:
		return _record_permission(doc, ptype or "read", user or frappe.session.user)
	if doctype in REFERENCING_DOCTYPES:
		type_field, name_field = REFERENCING_DOCTYPES[doctype]
		target = doc.get(type_field)
		if target in app_doctypes() and doctype in OFFICE_ONLY_REFERENCING:
			return _unrestricted(user or frappe.session.user)
		if target in app_doctypes() and doc.get(name_field):
			return may_read_stored(target, doc.get(name_field), user or frappe.session.user)
	return True


def may_read_stored(doctype: str, name: str, user: str | None = None) -> bool:
	"""Whether ``user`` may read the record ``doctype`` ``name`` as it is stored."""
	user = user or frappe.session.user
	if doctype in child_parents():
		row = frappe.db.get_value(doctype, name, ["parenttype", "parent", "parentfield"], as_dict=True)
		if not row or (row.parenttype, row.parent) == (None, None) or row.parenttype not in app_doctypes():
			return False
		if not _unrestricted(user) and row.parentfield and not _may_read_table(row.parenttype, row.parentfield, user):
			return False
		return may_read_stored(row.parenttype, row.parent, user)
	if not frappe.has_permission(doctype, "read", user=user):
		return False
	if doctype not in RECORD_SCOPES:
		return True
	if _unrestricted(user) or _opens_to(user, doctype):
		return True
	stored = _stored_placement(doctype, name)
	return stored is not None and _allows(scope_for(user), RECORD_SCOPES[doctype], stored, user)


def _record_permission(doc, ptype: str, user: str) -> bool:
	scope_cache.prefetch()
	if _unrestricted(user):
		return True
	rule = RECORD_SCOPES[doc.doctype]
	opens = _opens_to(user, doc.doctype)
	new = _placement_of(doc, rule)
	if doc.get("__islocal") or not doc.get("name"):
		scope = scope_for(user)
		if ptype in WRITE_PTYPES:
			_guard_new_record(doc, rule, scope, user)
		return opens or _allows(scope, rule, new, user)
	stored = _stored_placement(doc.doctype, doc.name)
	if stored is None:
		return False  # a document that claims a name the database does not hold
	scope = scope_for(user)
	if not (opens or _allows(scope, rule, stored, user)):
		return False
	if ptype in WRITE_PTYPES:
		if not (opens or _allows(scope, rule, new, user)):
			return False
		_guard_changes(doc, rule, scope, stored)
	return True


def _placement_fields(rule: RecordScope) -> tuple[str, ...]:
	return tuple(f for f in (*rule.cadre_fields, *rule.unit_fields) if f != "name")


def _placement_of(doc, rule: RecordScope) -> dict:
	values = {f: doc.get(f) for f in (*rule.cadre_fields, *rule.unit_fields)}
	for table_field, field in _granting_columns(rule):
		values[_rows_key(table_field, field)] = [row.get(field) for row in doc.get(table_field) or []]
	return values


def _stored_placement(doctype: str, name: str) -> dict | None:
	"""The record's placement as stored, its rows' cadres and units included, in one query (none
	when this request has just loaded the record: see remember_stored)."""
	cache = _request_cache()
	key = ("stored", doctype, name)
	if cache is not None and key in cache:
		return cache[key]
	rule = RECORD_SCOPES[doctype]
	row = frappe.db.sql(_stored_placement_sql(doctype), (name,), as_dict=True)
	row = row[0] if row else None
	if row is not None:
		for table_field, field in _granting_columns(rule):
			key = _rows_key(table_field, field)
			row[key] = _json_list(row[key]) if row[key] else []
			if row[key] is None:  # longer than the server's aggregate limit: read the rows
				child = app_doctypes()[doctype]["tables"][table_field]
				row[key] = frappe.get_all(child, filters={"parent": name, "parenttype": doctype, "parentfield": table_field}, pluck=field)
	if cache is not None:
		cache[key] = row
	return row


@functools.cache
def _stored_placement_sql(doctype: str) -> str:
	rule = RECORD_SCOPES[doctype]
	columns = ["t.`name`", *(f"t.`{f}`" for f in _placement_fields(rule))]
	for table_field, field in _granting_columns(rule):
		child = app_doctypes()[doctype]["tables"][table_field]
		columns.append(
			f"(select json_arrayagg(c.`{field}`) from `tab{child}` c where c.parent = t.`name`"
			f" and c.parenttype = {frappe.db.escape(doctype)} and c.parentfield = {frappe.db.escape(table_field)}) as `{_rows_key(table_field, field)}`"
		)
	return f"select {', '.join(columns)} from `tab{doctype}` t where t.`name` = %s"


def _granting_columns(rule: RecordScope) -> list[tuple[str, str]]:
	"""(table field, field) of the rows that open a record, one stored column per table field (a
	table naming several kinds — a 通报's recipients — is read once per kind)."""
	return [*rule.cadre_tables, *rule.unit_tables, *rule.role_tables]


def _rows_key(table_field: str, field: str) -> str:
	return f"{table_field}.{field}"


def _json_list(text: str) -> list | None:
	try:
		return json.loads(text)
	except ValueError:
		return None


def remember_stored(doc) -> None:
	"""A record just loaded from the database (``ScopedDocument.load_from_db``): its placement, as
	stored, answers this request's checks of it until it is written."""
	cache = _request_cache()
	if cache is None or doc.doctype not in RECORD_SCOPES or not doc.name:
		return
	cache[("stored", doc.doctype, doc.name)] = {"name": doc.name, **_placement_of(doc, RECORD_SCOPES[doc.doctype])}


def forget_stored(doc, method=None):
	"""doc_events: a record just written is read again from the database by the next check."""
	cache = _request_cache()
	if cache:
		cache.pop(("stored", doc.doctype, doc.name), None)


def _allows(scope: Scope, rule: RecordScope, values: dict, user: str | None = None) -> bool:
	if rule.role_tables and user:
		roles = set(_roles(user))
		if any(r in roles for t, f in rule.role_tables for r in values.get(_rows_key(t, f)) or []):
			return True
	cadres = [values.get(f) for f in rule.cadre_fields]
	cadres += [c for t, f in rule.cadre_tables for c in values.get(_rows_key(t, f)) or []]
	units = [values.get(f) for f in rule.unit_fields]
	units += [u for t, f in rule.unit_tables for u in values.get(_rows_key(t, f)) or []]
	return scope.allows(cadres, units)


# --- what a write outside the office may change --------------------------------------------------
def _protected(meta, rule: RecordScope | None, table: str | None = None) -> set[str]:
	"""Fields of ``meta`` a user outside the office may not set by editing."""
	fields = set()
	for df in meta.fields:
		if df.fieldtype in frappe.model.no_value_fields or df.fieldtype in frappe.model.table_fields:
			continue
		if df.fieldname == meta.get("workflow_state_field") or df.fieldname == "workflow_state":
			continue  # moved only along the workflow's transitions, which Frappe checks
		if df.fetch_from and not df.fetch_if_empty:
			continue  # fetched again from the link on every save
		if df.read_only or df.permlevel:
			fields.add(df.fieldname)
	if rule and not table:
		fields.update(_placement_fields(rule), rule.placement_fields, rule.office_fields)
		fields.discard("name")
	return fields


def _normalised(doc, fields) -> dict:
	values = {}
	for field in fields:
		df = doc.meta.get_field(field)
		value = doc.get(field)
		if df and value not in (None, ""):
			try:
				value = doc.cast(value, df)
			except Exception:
				pass
		if value in (None, ""):
			value = None
		elif df and df.fieldtype in ("Check", "Int", "Float", "Currency", "Percent") and not value:
			value = None
		elif not isinstance(value, str | int | float):
			value = str(value)
		values[field] = value
	return values


def _defaults(meta, fields) -> dict:
	defaults = {}
	for field in fields:
		df = meta.get_field(field)
		default = df.default if df else None
		defaults[field] = default if default not in (None, "", "0", 0) else None
	return defaults


def _responsible(scope: Scope, rule: RecordScope, values: dict) -> bool:
	"""Whether the user answers for a record: for its unit, or as the cadre it is about."""
	return any(values.get(f) in scope.units for f in rule.unit_fields if values.get(f)) or any(
		values.get(f) in scope.cadres for f in rule.cadre_fields if values.get(f)
	)


def _guard_changes(doc, rule: RecordScope, scope: Scope, stored_placement: dict):
	"""Refuse, with the reason, an edit outside the office that changes a protected field."""
	stored = frappe.get_doc(doc.doctype, doc.name)
	protected = _protected(doc.meta, rule)
	changed = write_guard.changed_fields(_normalised(stored, protected), _normalised(doc, protected), protected)
	violations = [RuleViolation(write_guard.PROTECTED_FIELD_CHANGED, (_label(doc.meta, f),)) for f in changed]
	for table_field, child in app_doctypes()[doc.doctype]["tables"].items():
		child_meta = frappe.get_meta(child)
		child_protected = _protected(child_meta, rule, table=table_field)
		granting = dict(rule.cadre_tables).get(table_field)
		if granting:
			child_protected.discard(granting)
			violations += _granting_violations(doc, rule, scope, stored_placement, stored, table_field, granting)
		old_rows = [_row_values(row, child_protected) for row in stored.get(table_field) or []]
		new_rows = [_row_values(row, child_protected) for row in doc.get(table_field) or []]
		for field in write_guard.changed_rows(old_rows, new_rows, child_protected, _defaults(child_meta, child_protected)):
			violations.append(RuleViolation(write_guard.PROTECTED_ROW_FIELD_CHANGED, (_label(child_meta, field), _label(doc.meta, table_field))))
	_refuse(violations)


def _guard_new_record(doc, rule: RecordScope, scope: Scope, user: str):
	"""A new record from outside the office: no protected field set (its child rows are checked by
	the controller, which builds them), and only cadres the user answers for named in its rows."""
	protected = _protected(doc.meta, rule) - set(_placement_fields(rule)) - set(rule.placement_fields)
	violations = [
		RuleViolation(write_guard.PROTECTED_FIELD_CHANGED, (_label(doc.meta, f),))
		for f in write_guard.set_on_new_record(_normalised(doc, protected), protected, _defaults(doc.meta, protected))
	]
	for table_field, field in rule.cadre_tables:
		violations += _granting_violations(doc, rule, scope, _placement_of(doc, rule), None, table_field, field)
	_refuse(violations)


def _granting_violations(doc, rule, scope: Scope, placement: dict, stored, table_field: str, field: str):
	old = write_guard.granted([r.as_dict() for r in stored.get(table_field) or []] if stored else [], field)
	new = write_guard.granted([r.as_dict() for r in doc.get(table_field) or []], field)
	if old == new:
		return []
	units = dict(frappe.get_all("Sanshu Cadre", filters={"name": ("in", list(new))}, fields=["name", "unit"], as_list=True))
	record_units = {placement.get(f) for f in rule.unit_fields if placement.get(f)}
	return write_guard.check_granting_change(
		old,
		new,
		_label(doc.meta, table_field),
		answers_for_record=_responsible(scope, rule, placement),
		may_name=lambda cadre: cadre in scope.cadres or units.get(cadre) in scope.units or units.get(cadre) in record_units,
		label=lambda cadre: frappe.db.get_value("Sanshu Cadre", cadre, "full_name") or cadre,
	)


def _row_values(row, fields) -> dict:
	values = _normalised(row, fields)
	values["name"] = row.get("name") if not row.get("__islocal") else None
	return values


def _label(meta, fieldname: str) -> str:
	df = meta.get_field(fieldname)
	return _(df.label) if df and df.label else fieldname


def _refuse(violations):
	if violations:
		messages = "<br>".join(v.render(_) for v in violations)
		frappe.throw(messages, frappe.PermissionError, title=_("Not Permitted"))
