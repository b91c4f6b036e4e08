"""Install, migrate and uninstall steps. Every step is idempotent: running it twice changes nothing."""

import frappe

from sanshu_app.ballot_box import drop_ballot_box, drop_comment_box, ensure_ballot_box, ensure_comment_box
from sanshu_app.meeting_day.ballot_codes import drop_code_table, ensure_code_table
from sanshu_app.rules.roles import APP_ROLES
from sanshu_app.setup.default_rule_sets import DEFAULT_RULE_SETS
from sanshu_app.setup.platform_workspaces import release_platform_workspaces, restrict_platform_workspaces

ROLES = APP_ROLES


def after_install():
	"""Every step of the app's ``after_migrate`` hook (this module's, then each module's own, each
	shipped in its setup.py and listed in hooks.py)."""
	for step in frappe.get_hooks("after_migrate", app_name="sanshu_app"):
		frappe.get_attr(step)()


def after_migrate():
	ensure_code_salt()
	ensure_roles()
	ensure_ballot_box()
	ensure_comment_box()
	ensure_code_table()
	ensure_default_rule_sets()
	ensure_employee_link()
	ensure_scope_stamp_indexes()
	restrict_platform_workspaces()


def ensure_code_salt():
	"""Ballot and survey codes are hashed with the site's encryption key. Made here, once, if the
	site has none: made lazily, two processes issuing or checking the first codes could each write
	a key of their own, and codes hashed with the one would not be found with the other."""
	from frappe.utils.password import get_encryption_key

	get_encryption_key()


def ensure_scope_stamp_indexes():
	"""The permission layer's caches compare the newest `modified` of units, cadres and the scoped
	records (sanshu_app/permissions/scope_cache.py): an index makes that a lookup, not a scan."""
	from sanshu_app.permissions.scopes import RECORD_SCOPES
	from sanshu_app.permissions.scope_cache import SCOPE_DOCTYPES

	for doctype in (*SCOPE_DOCTYPES, *RECORD_SCOPES):
		frappe.db.add_index(doctype, ["modified"], index_name="modified")


def before_uninstall():
	release_platform_workspaces()
	remove_employee_link()
	drop_ballot_box()
	drop_comment_box()
	drop_code_table()


def ensure_roles():
	for role in ROLES:
		if not frappe.db.exists("Role", role):
			frappe.get_doc({"doctype": "Role", "role_name": role, "desk_access": 1}).insert(ignore_permissions=True)


def ensure_default_rule_sets():
	for values in DEFAULT_RULE_SETS:
		if not frappe.db.exists("Sanshu Rule Set", values["rule_set_name"]):
			frappe.get_doc({"doctype": "Sanshu Rule Set", **values}).insert(ignore_permissions=True)


EMPLOYEE_FIELD = {
	"fieldname": "employee",
	"label": "Employee",
	"fieldtype": "Link",
	"options": "Employee",
	"insert_after": "user",
	"description": "The ERPNext / HRMS employee record of this cadre.",
}


def ensure_employee_link():
	"""Link cadres to HRMS employees, but only on sites that have them: Frappe alone is enough."""
	if not frappe.db.exists("DocType", "Employee"):
		return
	from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

	create_custom_fields({"Sanshu Cadre": [EMPLOYEE_FIELD]}, update=True)


def remove_employee_link():
	name = frappe.db.get_value("Custom Field", {"dt": "Sanshu Cadre", "fieldname": "employee"})
	if name:
		frappe.delete_doc("Custom Field", name, ignore_permissions=True)


def box_columns() -> list:
	from sanshu_app.ballot_box import BOX_TABLE, box_exists

	return [row[0] for row in frappe.db.sql(f"show columns from `{BOX_TABLE}`")] if box_exists() else []


def installed_state() -> dict:
	"""What install and migrate leave behind: the site tier compares it across migrations."""

	def stamp(doctype, filters=None):
		return {r.name: str(r.modified) for r in frappe.get_all(doctype, filters=filters, fields=["name", "modified"])}

	return {
		"roles": stamp("Role", {"name": ("in", ROLES)}),
		"rule_sets": stamp("Sanshu Rule Set"),
		"workspaces": stamp("Workspace", {"module": ("like", "Sanshu%")}),
		"doctypes": stamp("DocType", {"module": ("in", frappe.get_all("Module Def", {"app_name": "sanshu_app"}, pluck="name"))}),
		"custom_fields": stamp("Custom Field", {"dt": ("like", "Sanshu%")}),
		"ballot_box": box_columns(),
		"workflows": stamp("Workflow", {"document_type": ("in", frappe.get_all("DocType", {"module": ("in", frappe.get_all("Module Def", {"app_name": "sanshu_app"}, pluck="name"))}, pluck="name"))}),
	}
