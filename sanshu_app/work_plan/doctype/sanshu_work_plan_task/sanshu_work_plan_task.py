# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import cint, getdate

from sanshu_app.rules import work_plan as rules
from sanshu_app.utils import throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument


class SanshuWorkPlanTask(ScopedDocument):
	def validate(self):
		year = cint(frappe.db.get_value("Sanshu Work Plan", self.work_plan, "year"))
		label = self.task_number or (self.content or "")[:20]
		throw_violations(rules.task_violations(year, self.lead_unit, getdate(self.deadline) if self.deadline else None, self.cadence, label))
		units = [r.unit for r in self.cooperating_units]
		if self.lead_unit in units or len(set(units)) != len(units):
			frappe.throw(_("Task {0}: each cooperating unit once, and not the lead unit.").format(label), title=_("Not Saved"))
		if not self.leaders:
			frappe.throw(_("Task {0} has no responsible leader.").format(label), title=_("Not Saved"))
		names = dict(frappe.get_all("Sanshu Cadre", filters={"name": ("in", [r.cadre for r in self.leaders])}, fields=["name", "full_name"], as_list=True))
		self.leader_names = "、".join(names.get(r.cadre, r.cadre) for r in self.leaders)
		self.cooperating_unit_names = "、".join(units)

	def on_trash(self):
		if frappe.db.exists("Work Plan Progress Report", {"task": self.name}):
			frappe.throw(_("Progress has been reported on this task: it stays in the plan."), title=_("Not Deleted"))
