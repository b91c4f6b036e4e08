"""Where each task of a work plan stands: its lead unit's reports (with the cooperating units'
parts rolled up), whether it lags (rules.work_plan.lagging, with the plan's tolerance and days of
grace), a 任务落实督办书 proposed for a lagging task, and the daily reminders before a report is due."""

from datetime import date

import frappe
from frappe import _
from frappe.utils import getdate, today

from sanshu_app.official_documents.letter_bodies import fill_body
from sanshu_app.rules import work_plan as rules
from sanshu_app.utils import office_language

TASK = "Sanshu Work Plan Task"
REPORT = "Work Plan Progress Report"
LETTER = "Responsibility Letter"
SUPERVISION_NOTICE = "Task Supervision Notice"
LEAD, COOPERATING = "Lead", "Cooperating"


def plan_of(task):
	return frappe.get_cached_value("Sanshu Work Plan", task.work_plan, ["year", "report_grace_days", "reminder_days_before", "tolerance_percent", "status"], as_dict=True)


def periods_of(task, plan=None):
	plan = plan or plan_of(task)
	return rules.report_periods(task.cadence, int(plan.year), getdate(task.deadline), int(plan.report_grace_days or 0))


def reports_of(task_name, part=None):
	filters = {"task": task_name}
	if part:
		filters["part"] = part
	return frappe.get_all(REPORT, filters=filters, fields=["name", "unit", "part", "period", "report_date", "status", "progress", "progress_text"], order_by="report_date asc, creation asc")


def evidence_count(report_names):
	if not report_names:
		return {}
	rows = frappe.get_all("Work Plan Evidence", filters={"parenttype": REPORT, "parent": ("in", report_names)}, fields=["parent"])
	counts = {}
	for row in rows:
		counts[row.parent] = counts.get(row.parent, 0) + 1
	return counts


def refresh_task(task_name, on=None):
	"""Write the task's standing from its reports: status, progress, the lag and overdue flag."""
	on = getdate(on or today())
	task = frappe.get_doc(TASK, task_name)
	plan = plan_of(task)
	reports = reports_of(task.name)
	lead = [r for r in reports if r.part == LEAD]
	latest = lead[-1] if lead else None
	parts = [r for r in reports if r.part == COOPERATING and (not latest or r.period == latest.period)]
	evidence = evidence_count([r.name for r in reports])
	rolled = rules.roll_up(
		dict(latest, evidence=evidence.get(latest.name, 0)) if latest else None,
		[dict(p, evidence=evidence.get(p.name, 0)) for p in parts],
	)
	lag = rules.lagging(
		periods_of(task, plan),
		date(int(plan.year), 1, 1),
		getdate(task.deadline),
		[rules.Report(r.period, float(r.progress or 0), r.status, getdate(r.report_date)) for r in lead],
		on,
		float(plan.tolerance_percent or 0),
	)
	values = {
		"status": latest.status if latest and latest.status in ("In Progress", "Completed") else ("In Progress" if reports else "Not Started"),
		"progress": rolled["progress"],
		"last_report_date": latest.report_date if latest else None,
		"cooperating_parts": rolled["parts"],
		"lag": lag.kind if lag else "",
		"lag_period": lag.period if lag else "",
		"expected_progress": lag.expected if lag else rules.expected_progress(date(int(plan.year), 1, 1), getdate(task.deadline), on),
		"overdue": int(bool(lag and lag.overdue)),
	}
	frappe.db.set_value(TASK, task.name, values, update_modified=False)
	# The task's rows in its letters follow its progress (a signed letter's status and progress may move on).
	for row in frappe.get_all("Responsibility Letter Task", filters={"work_plan_task": task.name, "parenttype": LETTER}, pluck="name"):
		frappe.db.set_value("Responsibility Letter Task", row, {"status": values["status"], "progress": values["progress"]}, update_modified=False)
	if latest:
		summary = "\n".join(f"{p.unit}（{int(p.progress or 0)}%）：{p.progress_text or ''}" for p in parts)
		frappe.db.set_value(REPORT, latest.name, "parts_summary", summary, update_modified=False)
	return frappe._dict(values, lag_detail=lag)


def review_plan(plan_name, on=None, propose=True) -> dict:
	"""Refresh every task of the plan; propose a 督办书 for each lagging task to each lead unit and
	each responsible leader (001 §1: 向工作进展较差的领导班子成员和单位) that has none open."""
	on = getdate(on or today())
	lagging, proposed = [], []
	for name in frappe.get_all(TASK, filters={"work_plan": plan_name}, pluck="name", order_by="name asc"):
		state = refresh_task(name, on)
		if state.lag:
			lagging.append(name)
			if propose:
				proposed += propose_notices(name, state.lag_detail)
	return {"lagging": lagging, "proposed": proposed}


def open_notice_recipients(task_name) -> set:
	"""(unit, cadre) of the 督办书 on the task still open (draft or issued, not cancelled)."""
	letters = frappe.get_all("Responsibility Letter Task", filters={"parenttype": LETTER, "work_plan_task": task_name}, pluck="parent")
	rows = frappe.get_all(LETTER, filters={"name": ("in", letters or [""]), "letter_type": SUPERVISION_NOTICE, "docstatus": ("<", 2)}, fields=["unit", "cadre"])
	return {(r.unit if not r.cadre else None, r.cadre or None) for r in rows}


def propose_notices(task_name, lag) -> list:
	"""A draft 任务落实督办书 for each lead unit and each responsible leader of a lagging task,
	each prefilled with the task and why it lags, for the office to confirm (numbered when issued)."""
	task = frappe.get_doc(TASK, task_name)
	open_for = open_notice_recipients(task.name)
	made = []
	for unit in [r.unit for r in task.lead_units] or [task.lead_unit]:
		if (unit, None) not in open_for:
			made.append(propose_notice(task, lag, unit=unit))
	for leader in [r.cadre for r in task.leaders]:
		if (None, leader) not in open_for:
			made.append(propose_notice(task, lag, cadre=leader))
	if made and not (task.supervision_notice and frappe.db.get_value(LETTER, task.supervision_notice, "docstatus") in (0, 1)):
		frappe.db.set_value(TASK, task.name, "supervision_notice", made[0], update_modified=False)
	return made


def propose_notice(task, lag, unit=None, cadre=None):
	"""One draft 任务落实督办书: to a lead unit (signed by its principal) or to a leader (班子成员)."""
	if isinstance(task, str):
		return (propose_notices(task, lag) or [None])[0]
	plan = frappe.get_doc("Sanshu Work Plan", task.work_plan)
	from sanshu_app.responsibility_documents.bulk_issue import default_signatures

	unit = unit or (frappe.db.get_value("Sanshu Cadre", cadre, "unit") if cadre else task.lead_unit)
	subject = cadre or frappe.db.get_value("Sanshu Unit", unit, "principal")
	notice = frappe.new_doc(LETTER)
	notice.update(
		{
			"letter_type": SUPERVISION_NOTICE,
			"year": plan.year,
			"campaign": plan.campaign,
			"work_plan": plan.name,
			"cadre": cadre,
			"unit": unit,
			"signatures": default_signatures(subject, unit) if subject else [],
		}
	)
	notice.append(
		"tasks",
		{
			"task": task.content,
			"lead_unit": task.lead_unit,
			"cooperating_units": task.cooperating_unit_names,
			"deadline": task.deadline,
			"status": task.status,
			"progress": task.progress,
			"work_plan_task": task.name,
		},
	)
	with office_language():
		fill_body(notice, frappe.get_cached_doc("Sanshu Settings").issuing_office)
		reason = _(LAG_REASONS[lag.kind]).format(lag.period, int(lag.expected), int(lag.actual)) if lag else ""
	if reason:
		notice.body = (notice.body or "") + f"<p>{frappe.utils.escape_html(reason)}</p>"
	notice.insert(ignore_permissions=True)
	return notice.name


LAG_REASONS = {
	"No Report": "No progress report for {0} was received by its due date.",
	"Behind Schedule": "By the report for {0}, {2}% of the task was done where {1}% was expected.",
	"Past Deadline": "The deadline has passed and the task is {2}% done.",
}


# -- daily ----------------------------------------------------------------------------------------
def run_daily(on=None):
	"""Reminders before each report falls due; every active plan's tasks refreshed, and a
	督办书 proposed for each task that lags."""
	on = getdate(on or today())
	for plan in frappe.get_all("Sanshu Work Plan", filters={"status": "Active"}, pluck="name"):
		remind_plan(plan, on)
		review_plan(plan, on)


def remind_plan(plan_name, on):
	plan = frappe.get_doc("Sanshu Work Plan", plan_name)
	for task in frappe.get_all(TASK, filters={"work_plan": plan_name, "status": ("!=", "Completed")}, fields=["name", "content", "lead_unit", "cadence", "deadline", "work_plan"]):
		task = frappe._dict(task)
		reported = {r.period for r in reports_of(task.name, LEAD)}
		for period in rules.reminders_due(periods_of(task, plan), reported, on, int(plan.reminder_days_before or 0)):
			co_leads = frappe.get_all("Work Plan Task Unit", filters={"parenttype": TASK, "parent": task.name, "parentfield": "lead_units"}, pluck="unit")
			for unit in co_leads or [task.lead_unit]:
				for user in unit_users(unit):
					notify_once(user, task, period)


def unit_users(unit):
	"""The desk users who report for a unit: its principal and its discipline officer."""
	cadres = [c for c in frappe.db.get_value("Sanshu Unit", unit, ["principal", "discipline_officer"]) or () if c]
	return [u for u in frappe.get_all("Sanshu Cadre", filters={"name": ("in", cadres), "user": ("is", "set")}, pluck="user")] if cadres else []


def notify_once(user, task, period):
	with office_language():
		subject = _("Progress report on task {0} for {1} is due by {2}.").format(frappe.utils.escape_html((task.content or "")[:40]), period.label, frappe.format(period.due, "Date"))
	if frappe.db.exists("Notification Log", {"for_user": user, "document_type": TASK, "document_name": task.name, "subject": subject}):
		return
	frappe.get_doc(
		{"doctype": "Notification Log", "for_user": user, "type": "Alert", "document_type": TASK, "document_name": task.name, "subject": subject}
	).insert(ignore_permissions=True)


@frappe.whitelist()
def task_periods(task: str) -> list:
	"""The reporting periods of a task the caller may read, with their due dates (for the form)."""
	doc = frappe.get_doc(TASK, task)
	doc.check_permission("read")
	return [{"label": p.label, "start": p.start, "end": p.end, "due": p.due} for p in periods_of(doc)]
