# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""The year's work plan (年度党风廉政建设和反腐败工作任务分工): its tasks come from the office's
sheet (``import_tasks``), the 三书 from its tasks (``generate_letters``), and its progress rules
(days of grace, reminders, tolerance) are the plan's own data."""


import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint

from sanshu_app.rules import work_plan as rules
from sanshu_app.rules.messages import RuleViolation
from sanshu_app.utils import require_roles, throw_violations
from sanshu_app.utils.xlsx import uploaded_sheets
from sanshu_app.work_plan.sheet_mapping import plan_rows
from sanshu_app.work_plan.sheet_mapping import remember as remember_mapping

TASK = "Sanshu Work Plan Task"


class SanshuWorkPlan(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		campaign: DF.Link | None
		description: DF.TextEditor | None
		last_letter_run: DF.SmallText | None
		plan_title: DF.Data
		reminder_days_before: DF.Int
		report_grace_days: DF.Int
		status: DF.Literal["Draft", "Active", "Closed"]
		task_count: DF.Int
		tolerance_percent: DF.Percent
		year: DF.Int
	# end: auto-generated types

	def validate(self):
		problems = []
		if not 2000 <= cint(self.year) <= 2999:
			problems.append(RuleViolation("The plan's year must be a year such as 2026."))
		if cint(self.report_grace_days) < 0 or cint(self.reminder_days_before) < 0:
			problems.append(RuleViolation("Numbers of days cannot be negative."))
		if not 0 <= float(self.tolerance_percent or 0) <= 100:
			problems.append(RuleViolation("The tolerance must be between 0 and 100."))
		before = self.get_doc_before_save()
		if before and cint(before.year) != cint(self.year) and frappe.db.exists(TASK, {"work_plan": self.name}):
			problems.append(RuleViolation("The plan has tasks: its year no longer changes."))
		throw_violations(problems)
		self.task_count = frappe.db.count(TASK, {"work_plan": self.name}) if not self.is_new() else 0

	def on_trash(self):
		if frappe.db.exists(TASK, {"work_plan": self.name}):
			frappe.throw(_("The plan has tasks: delete them first."), title=_("Not Deleted"))

	@frappe.whitelist()
	def import_tasks(self, file_url: str, commit: int | str = 0, mapping: str | None = None, remap: int | str = 0) -> dict:
		"""Read the office's sheet (序号, 工作任务, 责任领导 (optional), 牵头单位 (one or several), 协办单位, 完成时限). With
		commit=0 show what would be created; with commit=1 create every task, or none. Other headings:
		the clerk's column ``mapping`` (or one remembered), else the mapping step (``work_plan.sheet_mapping``)."""
		require_roles()
		self.check_permission("write")
		if frappe.db.exists(TASK, {"work_plan": self.name}):
			frappe.throw(_("The plan has tasks already: add or change them on the plan, or import into a new plan."), title=_("Nothing Imported"))
		rows, mapped, step = plan_rows(file_url, mapping, cint(remap))
		if step:
			return {**step, "committed": 0}
		parsed = rules.read_plan_sheet(rows, cint(self.year), known_units(), known_cadres())
		throw_violations(parsed.problems, title=_("Nothing Imported"))
		names = cadre_names([c for t in parsed.tasks for c in t.leaders])
		preview = [
			{
				"row": t.row,
				"task_number": t.number,
				"content": t.content,
				"category": t.category,
				"heading": t.heading,
				"leaders": "、".join(names.get(c, c) for c in t.leaders),
				"lead_unit": "、".join(t.lead_units or [t.lead_unit]),
				"cooperating_units": "、".join(t.cooperating_units),
				"deadline": str(t.deadline),
				"cadence": _(t.cadence),
			}
			for t in parsed.tasks
		]
		if not cint(commit):
			return {"tasks": preview, "count": len(preview), "committed": 0}
		if mapped:
			remember_mapping(file_url, mapped)
		frappe.db.savepoint("sanshu_work_plan_import")
		try:
			for t in parsed.tasks:
				frappe.get_doc(
					{
						"doctype": TASK,
						"work_plan": self.name,
						"task_number": t.number,
						"content": t.content,
						"category": t.category,
						"heading": t.heading,
						"lead_unit": t.lead_unit,
						"lead_units": [{"unit": u} for u in t.lead_units or [t.lead_unit]],
						"deadline": t.deadline,
						"cadence": t.cadence,
						"leaders": [{"cadre": c} for c in t.leaders],
						"cooperating_units": [{"unit": u} for u in t.cooperating_units],
					}
				).insert()
		except frappe.ValidationError:
			frappe.db.rollback(save_point="sanshu_work_plan_import")
			raise
		self.db_set("task_count", len(parsed.tasks))
		return {"tasks": preview, "count": len(preview), "committed": 1}

	@frappe.whitelist()
	def generate_letters(self) -> dict:
		"""A 责任分工告知书 per responsible leader and a 目标任务通知书 per lead unit; drafts brought up
		to date on a later run; refused whole if a signed letter would have to change."""
		require_roles()
		self.check_permission("write")
		from sanshu_app.work_plan.letters import generate

		return generate(self)

	@frappe.whitelist()
	def review_progress(self) -> dict:
		"""Refresh every task's standing today and propose a 督办书 for each lagging task."""
		require_roles()
		from sanshu_app.work_plan.progress import review_plan

		return review_plan(self.name)

	@frappe.whitelist()
	def headings(self) -> list:
		"""The plan's tree of headings: category, its headings, and their task counts."""
		require_roles()
		tree = {}
		for row in frappe.get_all(TASK, filters={"work_plan": self.name}, fields=["category", "heading"], order_by="idx asc, name asc"):
			entry = tree.setdefault(row.category or "", {"category": row.category or "", "tasks": 0, "headings": {}})
			entry["tasks"] += 1
			if row.heading:
				entry["headings"][row.heading] = entry["headings"].get(row.heading, 0) + 1
		return [dict(e, headings=[{"heading": h, "tasks": n} for h, n in e["headings"].items()]) for e in tree.values()]


def sheet_rows(file_url: str) -> list:
	return uploaded_sheets(file_url, "The file is not an Excel workbook (.xlsx).", "Nothing Imported", missing="The file {0} was not found.")[0][1]


def known_units() -> dict:
	units = {}
	for u in frappe.get_all("Sanshu Unit", fields=["name", "unit_name"]):
		units[u.unit_name or u.name] = u.name
		units[u.name] = u.name
	return units


def known_cadres() -> dict:
	cadres = {}
	for c in frappe.get_all("Sanshu Cadre", filters={"status": ("!=", "Left")}, fields=["name", "full_name"], order_by="name asc"):
		cadres.setdefault((c.full_name or "").strip(), []).append(c.name)
	return cadres


def cadre_names(cadres) -> dict:
	return dict(frappe.get_all("Sanshu Cadre", filters={"name": ("in", list(set(cadres)) or [""])}, fields=["name", "full_name"], as_list=True))
