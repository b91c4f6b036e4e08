"""任务台账 (per unit, per leader; overdue first), the quarterly progress bulletin (通报) and the
evidence a unit's Responsibility Assessment shows beside its task-completion item. Every list is
read through frappe.get_list, so each reader sees only the tasks the record scope gives them."""

import frappe
from frappe import _
from frappe.utils import cint, format_date, getdate, nowdate

from sanshu_app.utils.xlsx import ledger_workbook, send_xlsx
from sanshu_app.rules import work_plan as rules

TASK = "Sanshu Work Plan Task"
REPORT = "Work Plan Progress Report"
TASK_FIELDS = [
	"name", "work_plan", "task_number", "category", "heading", "content", "lead_unit", "lead_unit_names", "leader_names", "cooperating_unit_names",
	"deadline", "cadence", "status", "progress", "last_report_date", "lag", "lag_period", "overdue", "supervision_notice",
]
# The assessment template's item that task completion is evidence for (seed 002 §三(五)).
TASK_COMPLETION_AREA = "Anti-corruption Tasks Carried Out"


def tasks_of(work_plan=None, unit=None, leader=None, year=None) -> list:
	"""The tasks the user may read, of a plan (or of every plan of ``year``), for a unit (led or
	supported) or a leader; each with the unit's part, overdue first."""
	filters = {}
	if work_plan:
		filters["work_plan"] = work_plan
	elif year:
		filters["work_plan"] = ("in", frappe.get_all("Sanshu Work Plan", filters={"year": cint(year)}, pluck="name") or [""])
	or_names, co_led = None, set()
	if unit:
		rows_of_unit = frappe.get_all("Work Plan Task Unit", filters={"parenttype": TASK, "unit": unit}, fields=["parent", "parentfield"])
		co_led = {r.parent for r in rows_of_unit if r.parentfield == "lead_units"}
		or_names = {"lead_unit": unit, "name": ("in", [r.parent for r in rows_of_unit] or [""])}
	if leader:
		filters["name"] = ("in", frappe.get_all("Work Plan Task Leader", filters={"parenttype": TASK, "cadre": leader}, pluck="parent") or [""])
	rows = frappe.get_list(TASK, filters=filters, or_filters=or_names, fields=TASK_FIELDS, order_by="deadline asc, name asc", limit_page_length=0)
	for row in rows:
		row.part = _("Lead") if not unit or row.lead_unit == unit or row.name in co_led else _("Cooperating")
		row.sort_key = f"{row.task_number or ''}".zfill(6)
		row.deadline = getdate(row.deadline) if row.deadline else None
	return rules.overdue_first(rows)


def ledger_columns():
	return [
		(_("No."), 6), (_("Category"), 14), (_("Task"), 40), (_("Responsible Leaders"), 12), (_("Lead Unit"), 16), (_("Cooperating Units"), 18),
		(_("Part"), 8), (_("Deadline"), 12), (_("Status"), 10), (_("Progress"), 8), (_("Lagging"), 12), (_("Overdue"), 8),
	]


def ledger_row(t):
	return [
		t.task_number or "", t.category or "", t.content, t.leader_names or "", t.lead_unit_names or t.lead_unit, t.cooperating_unit_names or "", t.part,
		format_date(t.deadline) if t.deadline else "", _(t.status), f"{int(t.progress or 0)}%", _(t.lag) if t.lag else "", _("Yes") if t.overdue else "",
	]


def ledger_title(work_plan, unit=None, leader=None):
	whom = unit or (frappe.db.get_value("Sanshu Cadre", leader, "full_name") if leader else "") or ""
	plan = frappe.db.get_value("Sanshu Work Plan", work_plan, "plan_title") or work_plan
	return _("Task Ledger: {0} {1}").format(plan, whom).strip()


@frappe.whitelist()
@frappe.read_only()  # on the read replica when the site has one (README, *Scale*)
def download_task_ledger(work_plan: str, unit: str | None = None, leader: str | None = None):
	"""The 任务台账 as xlsx: what the caller may read, overdue first."""
	frappe.has_permission("Sanshu Work Plan Task", "read", throw=True)
	rows = [ledger_row(t) for t in tasks_of(work_plan, unit, leader)]
	title = ledger_title(work_plan, unit, leader)
	book = ledger_workbook(title, ledger_columns(), rows, subtitle=_("Printed on {0}").format(format_date(nowdate())), sheet_name=_("Task Ledger"))
	send_xlsx(title.replace(":", "").replace("：", " "), book)


# -- the quarterly bulletin -----------------------------------------------------------------------
def quarter_bounds(year: int, quarter: int):
	from datetime import date
	import calendar

	last_month = quarter * 3
	return date(year, last_month - 2, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def bulletin_data(work_plan, quarter) -> dict:
	"""The quarter's standing: by unit, tasks led, completed, reported in the quarter, lagging; and
	the lagging tasks listed."""
	year = cint(frappe.db.get_value("Sanshu Work Plan", work_plan, "year"))
	start, end = quarter_bounds(year, cint(quarter))
	tasks = frappe.get_all(TASK, filters={"work_plan": work_plan}, fields=TASK_FIELDS, order_by="lead_unit asc, deadline asc")
	reported = set(frappe.get_all(REPORT, filters={"work_plan": work_plan, "part": "Lead", "report_date": ("between", [start, end])}, pluck="task"))
	units = {}
	for t in tasks:
		entry = units.setdefault(t.lead_unit, frappe._dict(unit=t.lead_unit, tasks=0, completed=0, reported=0, lagging=0))
		entry.tasks += 1
		entry.completed += t.status == "Completed"
		entry.reported += t.name in reported
		entry.lagging += bool(t.lag)
	summary = rules.completion([{"status": t.status, "overdue": t.overdue} for t in tasks])
	return frappe._dict(
		year=year,
		quarter=cint(quarter),
		summary=summary,
		units=sorted(units.values(), key=lambda u: (-u.lagging, u.unit)),
		lagging=[t for t in rules.overdue_first([frappe._dict(t, sort_key=(t.task_number or "").zfill(6)) for t in tasks]) if t.get("lag")],
	)


def jinja_bulletin(work_plan, quarter):
	return bulletin_data(work_plan, quarter)


# -- into the assessment ---------------------------------------------------------------------------
def unit_evidence(unit, year) -> dict:
	"""For a unit's assessment: the tasks it leads in the year's plans, its completion rate, the
	overdue count and links to the evidence reported. Shown to inspectors; nothing is scored."""
	plans = frappe.get_all("Sanshu Work Plan", filters={"year": cint(year)}, pluck="name")
	if not plans or not unit:
		return {"total": 0, "completed": 0, "rate": 0.0, "overdue": 0, "tasks": [], "evidence": []}
	tasks = led_tasks(unit, plans)
	summary = rules.completion([{"status": t.status, "overdue": t.overdue} for t in tasks])
	reports = frappe.get_all(REPORT, filters={"task": ("in", [t.name for t in tasks] or [""]), "unit": unit}, fields=["name", "task", "period"], order_by="report_date asc")
	by_report = {r.name: r for r in reports}
	evidence = [
		{"report": e.parent, "task": by_report[e.parent].task, "period": by_report[e.parent].period, "file_url": e.attachment, "description": e.description or ""}
		for e in frappe.get_all("Work Plan Evidence", filters={"parenttype": REPORT, "parent": ("in", list(by_report) or [""])}, fields=["parent", "attachment", "description"], order_by="parent asc, idx asc")
	]
	return dict(
		summary,
		tasks=[{"name": t.name, "task_number": t.task_number, "content": t.content, "status": t.status, "progress": t.progress, "lag": t.lag, "overdue": t.overdue} for t in rules.overdue_first([frappe._dict(t, sort_key=(t.task_number or "").zfill(6)) for t in tasks])],
		evidence=evidence,
	)


def led_tasks(unit, plans) -> list:
	"""The tasks of ``plans`` that ``unit`` leads, alone or as one of its co-leads."""
	co_led = frappe.get_all("Work Plan Task Unit", filters={"parenttype": TASK, "parentfield": "lead_units", "unit": unit}, pluck="parent")
	return frappe.get_all(
		TASK,
		filters={"work_plan": ("in", plans or [""])},
		or_filters={"lead_unit": unit, "name": ("in", co_led or [""])},
		fields=TASK_FIELDS,
		order_by="deadline asc, name asc",
	)


def assessment_onload(doc, method=None):
	"""doc_events: the task-completion item of a unit's assessment carries the work plan evidence."""
	rows = task_completion_items(doc)
	if rows and doc.unit and doc.year:
		doc.set_onload("work_plan_evidence", dict(unit_evidence(doc.unit, doc.year), items=rows))


@frappe.whitelist()
def assessment_evidence(assessment: str):
	"""The same evidence for one stored assessment the caller may read."""
	doc = frappe.get_doc("Responsibility Assessment", assessment)
	doc.check_permission("read")
	return dict(unit_evidence(doc.unit, doc.year), items=task_completion_items(doc))


def task_completion_items(doc) -> list:
	"""The template's first item of the area 各项工作任务落实情况: completing the tasks set above."""
	return [r.name for r in doc.get("items") or [] if r.content_area == TASK_COMPLETION_AREA][:1]
