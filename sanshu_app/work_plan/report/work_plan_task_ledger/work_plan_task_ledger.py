# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""任务台账: a plan's tasks for one unit (led or supported) or one leader, overdue first. Each
reader sees only the tasks the record scope gives them (a leader theirs, a unit's secretary the
unit's, the office all)."""

from frappe import _

from sanshu_app.work_plan.ledger import tasks_of


def execute(filters=None):
	filters = filters or {}
	columns = [
		{"fieldname": "task_number", "label": _("No."), "fieldtype": "Data", "width": 60},
		{"fieldname": "name", "label": _("Task"), "fieldtype": "Link", "options": "Sanshu Work Plan Task", "width": 110},
		{"fieldname": "category", "label": _("Category"), "fieldtype": "Data", "width": 110},
		{"fieldname": "content", "label": _("Task"), "fieldtype": "Data", "width": 300},
		{"fieldname": "leader_names", "label": _("Responsible Leaders"), "fieldtype": "Data", "width": 110},
		{"fieldname": "lead_unit", "label": _("Lead Unit"), "fieldtype": "Link", "options": "Sanshu Unit", "width": 130},
		{"fieldname": "cooperating_unit_names", "label": _("Cooperating Units"), "fieldtype": "Data", "width": 150},
		{"fieldname": "part", "label": _("Part"), "fieldtype": "Data", "width": 70},
		{"fieldname": "deadline", "label": _("Deadline"), "fieldtype": "Date", "width": 100},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 90},
		{"fieldname": "progress", "label": _("Progress"), "fieldtype": "Percent", "width": 80},
		{"fieldname": "lag", "label": _("Lagging"), "fieldtype": "Data", "width": 100},
		{"fieldname": "overdue", "label": _("Overdue"), "fieldtype": "Check", "width": 70},
		{"fieldname": "supervision_notice", "label": _("Task Supervision Notice"), "fieldtype": "Link", "options": "Responsibility Letter", "width": 120},
	]
	if not filters.get("work_plan"):
		return columns, []
	rows = tasks_of(filters.get("work_plan"), filters.get("unit"), filters.get("leader"))
	for row in rows:
		row.status = _(row.status)
		row.lag = _(row.lag) if row.lag else ""
	return columns, rows
