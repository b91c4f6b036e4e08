"""The one permission rule of the app: a cadre sees their own records, a Party Secretary or
Supervision Officer their unit's (sub-units included), a Sanshu Manager everything.

Frappe calls ``query_conditions`` for lists, report view and ``frappe.get_list`` and
``has_permission`` for a single document (form, ``get_doc().check_permission``, REST); both
read the doctype's entry in ``record_scopes.RECORD_SCOPES``.
"""

import frappe

from sanshu_app.record_scopes import RECORD_SCOPES, UNIT_ROLES, UNRESTRICTED_ROLES
from sanshu_app.rules.scope import Scope, subtree_members


def scope_for(user: str | None = None) -> Scope:
	user = user or frappe.session.user
	roles = set(frappe.get_roles(user))
	if user == "Administrator" or roles.intersection(UNRESTRICTED_ROLES):
		return Scope(unrestricted=True)
	cadres = frappe.get_all("Sanshu Cadre", filters={"user": user}, fields=["name", "unit"])
	cadre_names = frozenset(c.name for c in cadres)
	units = frozenset()
	if cadre_names and roles.intersection(UNIT_ROLES):
		roots = {c.unit for c in cadres}
		roots.update(
			frappe.get_all(
				"Sanshu Unit",
				or_filters={"principal": ("in", list(cadre_names)), "discipline_officer": ("in", list(cadre_names))},
				pluck="name",
			)
		)
		tree = frappe.get_all("Sanshu Unit", fields=["name", "lft", "rgt"], as_list=True)
		units = frozenset(subtree_members(tree, roots))
	return Scope(cadres=cadre_names, units=units)


def _opens_to(user: str, doctype: str) -> bool:
	return bool(set(frappe.get_roles(user)).intersection(RECORD_SCOPES[doctype].open_to_roles))


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	scope = scope_for(user)
	if scope.unrestricted or _opens_to(user, doctype):
		return ""
	rule = RECORD_SCOPES[doctype]
	table = f"`tab{doctype}`"
	clauses = [_in(table, field, scope.cadres) for field in rule.cadre_fields if scope.cadres]
	clauses += [_named_in_rows(doctype, table_field, field, scope.cadres) for table_field, field in rule.cadre_tables if scope.cadres]
	clauses += [_in(table, field, scope.units) for field in rule.unit_fields if scope.units]
	return f"({' or '.join(clauses)})" if clauses else "1=0"


def has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False) -> bool:
	user = user or frappe.session.user
	scope = scope_for(user)
	if scope.unrestricted or _opens_to(user, doc.doctype):
		return True
	rule = RECORD_SCOPES[doc.doctype]
	cadres = [doc.get(f) for f in rule.cadre_fields]
	cadres += [row.get(field) for table_field, field in rule.cadre_tables for row in doc.get(table_field) or []]
	return scope.allows(cadres, [doc.get(f) for f in rule.unit_fields])


def _in(table: str, field: str, values) -> str:
	return f"{table}.`{field}` in ({', '.join(frappe.db.escape(v) for v in sorted(values))})"


def _named_in_rows(doctype: str, table_field: str, field: str, cadres) -> str:
	child = frappe.get_meta(doctype).get_field(table_field).options
	return (
		f"exists (select 1 from `tab{child}` child where child.parent = `tab{doctype}`.name"
		f" and child.parenttype = {frappe.db.escape(doctype)} and child.parentfield = {frappe.db.escape(table_field)}"
		f" and {_in('child', field, cadres)})"
	)
