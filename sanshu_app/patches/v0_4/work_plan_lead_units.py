"""Tasks made before co-led tasks (issue 20) hold their one lead unit in ``lead_unit``: it becomes
the first (and only) row of ``lead_units``, and ``lead_unit_names`` is filled."""

import frappe


def execute():
	tasks = frappe.get_all("Sanshu Work Plan Task", filters={"lead_unit": ("is", "set")}, fields=["name", "lead_unit"])
	has_rows = set(frappe.get_all("Work Plan Task Unit", filters={"parenttype": "Sanshu Work Plan Task", "parentfield": "lead_units"}, pluck="parent"))
	for task in tasks:
		if task.name in has_rows:
			continue
		row = frappe.new_doc("Work Plan Task Unit", parent_doc=None)
		row.update({"parent": task.name, "parenttype": "Sanshu Work Plan Task", "parentfield": "lead_units", "idx": 1, "unit": task.lead_unit})
		row.db_insert()
		frappe.db.set_value("Sanshu Work Plan Task", task.name, "lead_unit_names", task.lead_unit, update_modified=False)
	from sanshu_app.permissions.scope_cache import forget

	forget("Sanshu Work Plan Task")
