"""The 三书 a work plan calls for: a 责任分工告知书 to each responsible leader listing their tasks,
a 目标任务通知书 to each lead unit listing what it leads and supports. Run again after the plan
changes, it brings the drafts up to date and says what changed; a letter already signed (or in
review) is never touched: if the plan would change it, nothing is done."""

import frappe
from frappe import _

from sanshu_app.official_documents.letter_bodies import fill_body
from sanshu_app.responsibility_documents.bulk_issue import default_signatures
from sanshu_app.rules import work_plan as rules
from sanshu_app.utils import office_language, throw_violations

LETTER = "Responsibility Letter"
TASK = "Sanshu Work Plan Task"


def plan_tasks(plan_name) -> list:
	tasks = frappe.get_all(
		TASK,
		filters={"work_plan": plan_name},
		fields=["name", "task_number", "content", "lead_unit", "cooperating_unit_names", "deadline", "status", "progress"],
		order_by="idx asc, name asc",
	)
	leaders = frappe.get_all("Work Plan Task Leader", filters={"parenttype": TASK, "parent": ("in", [t.name for t in tasks] or [""])}, fields=["parent", "cadre"], order_by="idx asc")
	units = frappe.get_all("Work Plan Task Unit", filters={"parenttype": TASK, "parent": ("in", [t.name for t in tasks] or [""])}, fields=["parent", "parentfield", "unit"], order_by="idx asc")
	for task in tasks:
		task.leaders = [r.cadre for r in leaders if r.parent == task.name]
		task.cooperating_units = [r.unit for r in units if r.parent == task.name and r.parentfield == "cooperating_units"]
		task.lead_units = [r.unit for r in units if r.parent == task.name and r.parentfield == "lead_units"] or [task.lead_unit]
	return tasks


def task_row(task) -> dict:
	return {
		"task": task.content,
		"lead_unit": task.lead_unit,
		"cooperating_units": task.cooperating_unit_names or "",
		"deadline": task.deadline,
		"work_plan_task": task.name,
	}


def terms(row) -> tuple:
	return (row.get("work_plan_task"), row.get("task") or "", row.get("lead_unit") or "", row.get("cooperating_units") or "", str(row.get("deadline") or ""))


def existing_letters(plan_name) -> dict:
	letters = {}
	for letter in frappe.get_all(
		LETTER,
		filters={"work_plan": plan_name, "docstatus": ("<", 2), "letter_type": ("in", [rules.LEADER_NOTICE, rules.UNIT_NOTICE])},
		fields=["name", "letter_type", "cadre", "unit", "docstatus", "workflow_state"],
		order_by="creation asc",
	):
		rows = frappe.get_all("Responsibility Letter Task", filters={"parenttype": LETTER, "parent": letter.name}, fields=["work_plan_task", "task", "lead_unit", "cooperating_units", "deadline"], order_by="idx asc")
		key = (letter.letter_type, letter.cadre if letter.letter_type == rules.LEADER_NOTICE else letter.unit)
		letters[key] = {
			"name": letter.name,
			"frozen": letter.docstatus == 1 or (letter.workflow_state or "Draft") != "Draft",
			"rows": [terms(r) for r in rows],
		}
	return letters


def generate(plan) -> dict:
	tasks = plan_tasks(plan.name)
	if not tasks:
		frappe.throw(_("The plan has no tasks yet: import or add them first."), title=_("Nothing Changed"))
	by_name = {t.name: t for t in tasks}
	wanted = rules.letters_wanted(tasks)
	existing = existing_letters(plan.name)
	changes = rules.letter_changes(wanted, existing, {t.name: terms(task_row(t)) for t in tasks})
	throw_violations(changes.problems, title=_("Nothing Changed"))
	created, updated, removed = [], [], []
	for key in changes.create:
		created.append(new_letter(plan, key, [by_name[t] for t in wanted[key]]))
	for key in changes.update:
		updated.append(refresh_letter(existing[key]["name"], [by_name[t] for t in wanted[key]]))
	for key in changes.remove:
		frappe.delete_doc(LETTER, existing[key]["name"])
		removed.append(existing[key]["name"])
	result = {"created": created, "updated": updated, "removed": removed, "unchanged": [existing[k]["name"] for k in changes.unchanged]}
	with office_language():
		summary = _("{0} letters created, {1} updated, {2} removed, {3} unchanged.").format(len(created), len(updated), len(removed), len(result["unchanged"]))
	plan.db_set("last_letter_run", "\n".join([summary, *(f"+ {n}" for n in created), *(f"~ {n}" for n in updated), *(f"- {n}" for n in removed)]))
	result["summary"] = summary
	return result


def new_letter(plan, key, tasks) -> str:
	letter_type, recipient = key
	to_unit = letter_type == rules.UNIT_NOTICE
	unit = recipient if to_unit else frappe.db.get_value("Sanshu Cadre", recipient, "unit")
	subject = frappe.db.get_value("Sanshu Unit", unit, "principal") if to_unit else recipient
	doc = frappe.get_doc(
		{
			"doctype": LETTER,
			"letter_type": letter_type,
			"year": plan.year,
			"campaign": plan.campaign,
			"work_plan": plan.name,
			"cadre": None if to_unit else recipient,
			"unit": unit,
			"signatures": default_signatures(subject, unit) if subject else [],
			"tasks": [task_row(t) for t in tasks],
		}
	)
	doc.flags.issue_document = True  # complete as issued: 文号, issuing office, body (official_documents)
	with office_language():
		doc.insert()
	return doc.name


def refresh_letter(name, tasks) -> str:
	"""A draft brought up to the plan: its tasks anew and its body rewritten from the template."""
	doc = frappe.get_doc(LETTER, name)
	doc.set("tasks", [task_row(t) for t in tasks])
	doc.body = ""
	with office_language():
		fill_body(doc, doc.issuer or frappe.get_cached_doc("Sanshu Settings").issuing_office)
		doc.save()
	return doc.name
