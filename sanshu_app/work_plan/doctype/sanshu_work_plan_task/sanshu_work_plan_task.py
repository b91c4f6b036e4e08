# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import cint, getdate

from sanshu_app.rules import work_plan as rules
from sanshu_app.utils import throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument


class SanshuWorkPlanTask(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.work_plan.doctype.work_plan_task_leader.work_plan_task_leader import WorkPlanTaskLeader
		from sanshu_app.work_plan.doctype.work_plan_task_unit.work_plan_task_unit import WorkPlanTaskUnit

		cadence: DF.Literal["Quarterly", "Monthly", "By Deadline"]
		category: DF.Data | None
		content: DF.SmallText
		cooperating_parts: DF.Int
		cooperating_unit_names: DF.SmallText | None
		cooperating_units: DF.Table[WorkPlanTaskUnit]
		deadline: DF.Date
		deliverable: DF.SmallText | None
		expected_evidence: DF.SmallText | None
		expected_progress: DF.Percent
		heading: DF.Data | None
		lag: DF.Literal["", "No Report", "Behind Schedule", "Past Deadline"]
		lag_period: DF.Data | None
		last_report_date: DF.Date | None
		lead_unit: DF.Link | None
		lead_unit_names: DF.SmallText | None
		lead_units: DF.Table[WorkPlanTaskUnit]
		leader_names: DF.Data | None
		leaders: DF.Table[WorkPlanTaskLeader]
		overdue: DF.Check
		progress: DF.Percent
		status: DF.Literal["Not Started", "In Progress", "Completed"]
		supervision_notice: DF.Link | None
		task_number: DF.Data | None
		work_plan: DF.Link
	# end: auto-generated types

	def validate(self):
		year = cint(frappe.db.get_value("Sanshu Work Plan", self.work_plan, "year"))
		label = self.task_number or (self.content or "")[:20]
		# Lead Units is the list; lead_unit stays the first of them (a record made with lead_unit alone gets it as its one lead).
		if not self.lead_units and self.lead_unit:
			self.append("lead_units", {"unit": self.lead_unit})
		leads = [r.unit for r in self.lead_units if r.unit]
		self.lead_unit = leads[0] if leads else None
		throw_violations(rules.task_violations(year, self.lead_unit, getdate(self.deadline) if self.deadline else None, self.cadence, label))
		units = [r.unit for r in self.cooperating_units]
		if len(set(leads)) != len(leads):
			frappe.throw(_("Task {0}: each lead unit once.").format(label), title=_("Not Saved"))
		if set(leads) & set(units) or len(set(units)) != len(units):
			frappe.throw(_("Task {0}: each cooperating unit once, and not the lead unit.").format(label), title=_("Not Saved"))
		self.lead_unit_names = "、".join(leads)
		names = dict(frappe.get_all("Sanshu Cadre", filters={"name": ("in", [r.cadre for r in self.leaders])}, fields=["name", "full_name"], as_list=True))
		self.leader_names = "、".join(names.get(r.cadre, r.cadre) for r in self.leaders)
		self.cooperating_unit_names = "、".join(units)

	def on_trash(self):
		if frappe.db.exists("Work Plan Progress Report", {"task": self.name}):
			frappe.throw(_("Progress has been reported on this task: it stays in the plan."), title=_("Not Deleted"))
