# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""A unit's progress on a task for one period: the lead unit's report is the task's; a cooperating
unit's report is its part, rolled up under the lead's (sanshu_app.work_plan.progress)."""

import frappe
from frappe import _
from frappe.utils import getdate

from sanshu_app.permissions import scope_for
from sanshu_app.rules import work_plan as rules
from sanshu_app.work_plan.progress import COOPERATING, LEAD, periods_of, refresh_task
from sanshu_app.permissions.scoped_document import ScopedDocument

TASK = "Sanshu Work Plan Task"


class WorkPlanProgressReport(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.work_plan.doctype.work_plan_evidence.work_plan_evidence import WorkPlanEvidence

		evidence: DF.Table[WorkPlanEvidence]
		lead_unit: DF.Link | None
		part: DF.Literal["", "Lead", "Cooperating"]
		parts_summary: DF.SmallText | None
		period: DF.Data
		progress: DF.Percent
		progress_text: DF.Text
		report_date: DF.Date
		status: DF.Literal["In Progress", "Completed", "Not Started", "Difficulties"]
		task: DF.Link
		task_content: DF.SmallText | None
		unit: DF.Link
		work_plan: DF.Link | None
	# end: auto-generated types

	def validate(self):
		task = frappe.get_doc(TASK, self.task)
		supporting = [r.unit for r in task.cooperating_units]
		if self.unit == task.lead_unit or self.unit in [r.unit for r in task.lead_units]:
			self.part = LEAD
		elif self.unit in supporting:
			self.part = COOPERATING
		else:
			frappe.throw(_("{0} neither leads nor supports this task, so it does not report on it.").format(self.unit), title=_("Not Saved"))
		scope = scope_for()
		if not scope.unrestricted and self.unit not in scope.units:
			frappe.throw(_("You report only for the units you answer for."), frappe.PermissionError, title=_("Not Permitted"))
		self.work_plan, self.lead_unit, self.task_content = task.work_plan, task.lead_unit, task.content
		periods = periods_of(task)
		period = rules.period_named(periods, (self.period or "").strip())
		if not period:
			frappe.throw(_("{0} is not a reporting period of this task; its periods are {1}.").format(self.period or "-", "、".join(p.label for p in periods)), title=_("Not Saved"))
		self.period = period.label
		if getdate(self.report_date) < period.start:
			frappe.throw(_("A report for {0} is made once the period has begun ({1}).").format(period.label, frappe.format(period.start, "Date")), title=_("Not Saved"))
		if not 0 <= float(self.progress or 0) <= 100:
			frappe.throw(_("Progress is between 0 and 100%."), title=_("Not Saved"))
		if self.status == "Completed":
			self.progress = 100
		duplicate = frappe.db.exists("Work Plan Progress Report", {"task": self.task, "unit": self.unit, "period": self.period, "name": ("!=", self.name)})
		if duplicate:
			frappe.throw(_("{0} has reported on this task for {1} already ({2}): update that report.").format(self.unit, self.period, duplicate), title=_("Not Saved"))

	def on_update(self):
		refresh_task(self.task, self.report_date)

	def on_trash(self):
		if self.part == LEAD and not frappe.session.user == "Administrator" and not scope_for().unrestricted:
			frappe.throw(_("Only the office removes a lead unit's report."), frappe.PermissionError, title=_("Not Permitted"))
