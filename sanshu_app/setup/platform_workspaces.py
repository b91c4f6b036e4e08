"""The platform's own workspaces (构建, 工具, 用户列表, 网站, 集成, the welcome page: every public
workspace of another app that names no role) are for the System Manager only: each gets the
System Manager role, which is how the platform restricts a workspace (``Workspace.is_permitted``:
a workspace with roles shows only to users holding one of them). Written straight into its
``Has Role`` rows: saving a standard workspace would export it to the platform's files in
developer mode. The platform's sync rewrites them on migrate, so this runs after every migrate;
uninstalling takes the rows out again."""

import frappe

SYSTEM_MANAGER = "System Manager"


def platform_workspaces() -> list[str]:
	"""Public, shared workspaces that belong to another app than this one."""
	ours = set(frappe.get_all("Module Def", filters={"app_name": "sanshu_app"}, pluck="name"))
	rows = frappe.get_all("Workspace", filters={"public": 1}, fields=["name", "module", "app", "for_user"])
	return [w.name for w in rows if not w.for_user and w.app != "sanshu_app" and w.module not in ours]


def restrict_platform_workspaces():
	"""after_migrate: every platform workspace without roles gets the System Manager role."""
	changed = False
	for name in platform_workspaces():
		if frappe.db.exists("Has Role", {"parenttype": "Workspace", "parent": name}):
			continue  # roles of its own (or ours from an earlier run): left as they are
		frappe.get_doc({"doctype": "Has Role", "parenttype": "Workspace", "parentfield": "roles", "parent": name, "role": SYSTEM_MANAGER}).db_insert()
		changed = True
	if changed:
		frappe.clear_cache()  # the sidebar is read into each user's boot


def release_platform_workspaces():
	"""before_uninstall: the platform's workspaces back as they were (roles that only we set)."""
	for name in platform_workspaces():
		roles = frappe.get_all("Has Role", filters={"parenttype": "Workspace", "parent": name}, pluck="role")
		if roles == [SYSTEM_MANAGER]:
			frappe.db.delete("Has Role", {"parenttype": "Workspace", "parent": name})
	frappe.clear_cache()
