"""A year's work plan (年度任务分工) as tasks: reading the office's sheet, the reporting periods of
each task, whether it lags, how cooperating units' parts roll up to the lead, and which 三书 the
plan calls for (and what changed since they were drafted). Pure: no Frappe."""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from .messages import RuleViolation
from .sheets import cell_text

MONTHLY, QUARTERLY, ONCE = "Monthly", "Quarterly", "By Deadline"
CADENCES = (MONTHLY, QUARTERLY, ONCE)
COMPLETED = "Completed"

# Header texts the office's sheet uses for each column (spaces removed before comparing).
COLUMNS = {
	"number": ("序号", "编号"),
	"content": ("工作任务", "工作内容", "任务内容", "主要任务"),
	"leaders": ("责任领导", "分管领导", "牵头领导"),
	"lead_unit": ("牵头单位", "牵头部门", "责任单位"),
	"cooperating_units": ("协办单位", "配合单位", "协办部门", "配合部门"),
	"deadline": ("完成时限", "时限要求", "完成时间"),
}
# 责任领导 is optional: the seeds' own tables (004, 001 §11, §14, §17) name lead units only.
REQUIRED_COLUMNS = ("content", "lead_unit", "deadline")
# Several names in one cell: 区党政办公室、区综合执法局 (seed 004), or separated by ，, ; / or new lines.
NAME_SEPARATORS = re.compile(r"[、,，;；/／\s]+")
NOTE_MARKS = ("注", "说明", "备注", "填表", "note")
TOTAL_MARKS = ("合计", "总计", "小计")
# 一、治庸 (a heading) and （一）… (a sub-heading), as plans number them.
HEADING = re.compile(r"^[一二三四五六七八九十]+[、.．]")
SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")


@dataclass
class PlanTask:
	row: int
	number: str
	content: str
	category: str
	heading: str
	leaders: list
	lead_unit: str  # the first lead unit (the task's ``lead_unit``)
	cooperating_units: list
	deadline: date
	cadence: str
	lead_units: list = field(default_factory=list)  # every lead unit, the first being ``lead_unit``


@dataclass
class PlanSheet:
	tasks: list = field(default_factory=list)
	problems: list = field(default_factory=list)


def clean(text) -> str:
	return cell_text(text).replace("\u3000", " ").replace("\n", " ").strip()


def names_in(text: str) -> list:
	return [n for n in NAME_SEPARATORS.split(clean(text)) if n]


def read_deadline(value, year: int):
	"""(deadline, cadence) from a 完成时限 cell as clerks write it: a date, 2026年6月底, 6月30日前,
	年底前, 每月/每季度 (a report each period, done by the year's end), 全年/长期坚持 (quarterly).
	Returns (None, None) when the text is not understood."""
	if isinstance(value, datetime):
		return value.date(), ONCE
	if isinstance(value, date):
		return value, ONCE
	text = clean(value).replace(" ", "")
	if not text:
		return None, None
	year_end = date(year, 12, 31)
	if "每月" in text or "按月" in text:
		return year_end, MONTHLY
	if "每季" in text or "按季" in text or "全年" in text or "长期" in text or "持续" in text:
		return year_end, QUARTERLY
	if text in ("年底", "年底前", "年内", "年底完成", "12月底") or text.startswith("年底"):
		return year_end, ONCE
	match = re.match(r"^(?:(\d{4})[年\-./])?(\d{1,2})[月\-./](?:(\d{1,2})日?|底|末)?", text)
	if not match:
		return None, None
	y, m, d = int(match.group(1) or year), int(match.group(2)), match.group(3)
	if not 1 <= m <= 12:
		return None, None
	last = calendar.monthrange(y, m)[1]
	day = int(d) if d else last
	if not 1 <= day <= last:
		return None, None
	return date(y, m, day), ONCE


def _header(rows):
	for index, row in enumerate(rows):
		texts = [clean(v).replace(" ", "") for v in row]
		found = {}
		for fieldname, headers in COLUMNS.items():
			for position, text in enumerate(texts):
				if text in headers:
					found[fieldname] = position
					break
		if all(f in found for f in REQUIRED_COLUMNS):
			return index, found
	return None, {}


def read_plan_sheet(rows, year: int, units: dict, cadres: dict) -> PlanSheet:
	"""The tasks of the office's sheet (title rows, notes, heading rows 一、… and （一）…, padded
	names allowed). ``units``: text -> unit name; ``cadres``: full name -> [cadre ids]. Every bad
	row is listed; the caller writes nothing when there are problems."""
	result = PlanSheet()
	header_at, positions = _header(rows)
	if header_at is None:
		wanted = "、".join(COLUMNS[f][0] for f in REQUIRED_COLUMNS)
		result.problems.append(RuleViolation("No header row with the columns {0} was found.", (wanted,)))
		return result
	category = heading = ""
	known_units = {clean(k).replace(" ", ""): v for k, v in units.items()}
	for index, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
		cells = {f: (row[p] if p < len(row) else None) for f, p in positions.items()}
		texts = {f: clean(v) for f, v in cells.items()}
		first = next((clean(v) for v in row if clean(v)), "")
		if not first:
			continue
		if first.lower().startswith(NOTE_MARKS) or first.startswith(TOTAL_MARKS):
			continue
		if not any(texts.get(f) for f in ("leaders", "lead_unit", "cooperating_units", "deadline")):
			title = " ".join(t for t in (texts.get("number"), texts.get("content")) if t) or first
			if SUB_HEADING.match(title):
				heading = title
			else:
				category, heading = title, ""
			continue
		result.tasks.append(_task(index, texts, cells, year, category, heading, known_units, cadres, result.problems))
	result.tasks = [t for t in result.tasks if t is not None]
	if not result.tasks and not result.problems:
		result.problems.append(RuleViolation("The sheet has no tasks."))
	return result


def _task(index, texts, cells, year, category, heading, units, cadres, problems):
	bad = False
	if not texts.get("content"):
		problems.append(RuleViolation("Row {0}: the task has no content.", (index,)))
		bad = True
	leaders = []
	for name in names_in(texts.get("leaders", "")):
		found = cadres.get(name, [])
		if len(found) != 1:
			template = "Row {0}: leader {1} is not known." if not found else "Row {0}: more than one cadre is called {1}; name the leader in the plan form."
			problems.append(RuleViolation(template, (index, name)))
			bad = True
		else:
			leaders.append(found[0])
	lead_names = names_in(texts.get("lead_unit", ""))
	if not lead_names:
		problems.append(RuleViolation("Row {0}: the task has no lead unit.", (index,)))
		bad = True
	for name in lead_names + names_in(texts.get("cooperating_units", "")):
		if name not in units:
			problems.append(RuleViolation("Row {0}: unit {1} is not known.", (index, name)))
			bad = True
	leads = []
	for name in lead_names:
		unit = units.get(name)
		if unit and unit not in leads:
			leads.append(unit)
	cooperating = []
	for name in names_in(texts.get("cooperating_units", "")):
		unit = units.get(name)
		if unit and unit not in leads and unit not in cooperating:
			cooperating.append(unit)
	deadline, cadence = read_deadline(cells.get("deadline"), year)
	if deadline is None:
		problems.append(RuleViolation("Row {0}: the deadline {1} is not a date or a cadence (每月, 每季度).", (index, texts.get("deadline") or "-")))
		bad = True
	elif deadline.year != year:
		problems.append(RuleViolation("Row {0}: the deadline {1} is outside the plan's year {2}.", (index, deadline.isoformat(), year)))
		bad = True
	if bad:
		return None
	return PlanTask(index, texts.get("number", ""), texts["content"], category, heading, leaders, leads[0], cooperating, deadline, cadence, leads)


def task_violations(year: int, lead_unit, deadline, cadence, label) -> list:
	"""A task saved on the plan form: a lead unit, a deadline within the plan's year."""
	problems = []
	if not lead_unit:
		problems.append(RuleViolation("Task {0} has no lead unit.", (label,)))
	if deadline and deadline.year != year:
		problems.append(RuleViolation("Task {0}: the deadline {1} is outside the plan's year {2}.", (label, deadline.isoformat(), year)))
	if cadence not in CADENCES:
		problems.append(RuleViolation("Task {0}: the reporting cadence must be monthly, quarterly or by the deadline.", (label,)))
	return problems


# -- reporting periods and lagging ----------------------------------------------------------------


@dataclass(frozen=True)
class Period:
	label: str
	start: date
	end: date
	due: date  # the report is due by this date (the period's end plus the plan's days of grace)


def _add_days(day: date, days: int) -> date:
	return date.fromordinal(day.toordinal() + days)


def report_periods(cadence: str, year: int, deadline: date, grace_days: int) -> list:
	"""The periods a task is reported in, from the start of the plan's year to its deadline."""
	last = deadline or date(year, 12, 31)
	if cadence == ONCE:
		return [Period(f"{year}", date(year, 1, 1), last, _add_days(last, grace_days))]
	step = 1 if cadence == MONTHLY else 3
	periods = []
	for first_month in range(1, 13, step):
		start = date(year, first_month, 1)
		if start > last:
			break
		end_month = first_month + step - 1
		end = min(date(year, end_month, calendar.monthrange(year, end_month)[1]), last)
		label = f"{year}-{first_month:02d}" if cadence == MONTHLY else f"{year}-Q{(first_month - 1) // 3 + 1}"
		periods.append(Period(label, start, end, _add_days(end, grace_days)))
	return periods


def period_named(periods, label):
	return next((p for p in periods if p.label == label), None)


def expected_progress(start: date, deadline: date, on: date) -> float:
	"""The share of the task that should be done on ``on``: the elapsed share of its span, in %."""
	if on >= deadline:
		return 100.0
	if on <= start:
		return 0.0
	return round(100.0 * (on - start).days / max((deadline - start).days, 1), 1)


@dataclass(frozen=True)
class Report:
	period: str
	progress: float
	status: str
	report_date: date


@dataclass(frozen=True)
class Lag:
	kind: str  # "No Report", "Behind Schedule", "Past Deadline"
	period: str
	expected: float
	actual: float

	@property
	def overdue(self) -> bool:
		return self.kind in ("No Report", "Past Deadline")


def lagging(periods, start: date, deadline: date, reports, on: date, tolerance: float):
	"""Whether a task lags on ``on``, from the lead unit's reports, or None.

	- a period whose report date passed with no report: "No Report";
	- the deadline (plus grace) passed and the task is not completed: "Past Deadline";
	- the latest report's progress below the elapsed share of the span minus ``tolerance``
	  (percentage points): "Behind Schedule"."""
	by_period = {r.period: r for r in reports}
	latest = max(reports, key=lambda r: (r.report_date, r.period), default=None)
	actual = float(latest.progress) if latest else 0.0
	if latest and latest.status == COMPLETED:
		return None
	last_due = periods[-1].due if periods else deadline
	if on > last_due:
		return Lag("Past Deadline", periods[-1].label if periods else "", 100.0, actual)
	for period in periods:
		if period.due < on and period.label not in by_period:
			return Lag("No Report", period.label, expected_progress(start, deadline, period.end), actual)
	if latest:
		expected = expected_progress(start, deadline, latest.report_date)
		if actual + tolerance < expected:
			return Lag("Behind Schedule", latest.period, expected, actual)
	return None


def reminders_due(periods, reported: set, on: date, days_before: int) -> list:
	"""Periods whose report falls due within ``days_before`` days of ``on`` and is not in yet."""
	return [p for p in periods if p.label not in reported and 0 <= (p.due - on).days <= days_before]


def roll_up(lead, parts) -> dict:
	"""A period's progress of a task: the lead unit's report, with the cooperating units' parts.

	``lead`` and each part: dict(unit, progress, status, text, evidence). The task's progress is
	the lead's figure; before the lead reports, the mean of the parts shows where it stands."""
	figures = [float(p.get("progress") or 0) for p in parts]
	progress = float(lead.get("progress") or 0) if lead else (round(sum(figures) / len(figures), 1) if figures else 0.0)
	return {
		"progress": progress,
		"status": (lead or {}).get("status") or ("In Progress" if parts else "Not Started"),
		"parts": len(parts),
		"evidence": sum(int(p.get("evidence") or 0) for p in ([lead] if lead else []) + list(parts)),
		"text": "\n".join(f"{p['unit']}：{p.get('text') or ''}".strip() for p in parts if p.get("text")),
	}


def completion(tasks) -> dict:
	"""tasks: dicts with status and overdue. Count, completed, completion rate (%), overdue."""
	total = len(tasks)
	done = sum(1 for t in tasks if t.get("status") == COMPLETED)
	return {
		"total": total,
		"completed": done,
		"rate": round(100.0 * done / total, 1) if total else 0.0,
		"overdue": sum(1 for t in tasks if t.get("overdue")),
	}


def overdue_first(rows):
	"""A ledger's order: overdue tasks first, then by deadline and number."""
	return sorted(rows, key=lambda r: (not r.get("overdue"), r.get("deadline") or date.max, r.get("sort_key") or ""))


# -- the 三书 the plan calls for -------------------------------------------------------------------

LEADER_NOTICE = "Division of Responsibility Notice"
UNIT_NOTICE = "Target Task Notice"


def lead_units_of(task) -> list:
	"""A task's lead units (``lead_units``), or its one ``lead_unit`` for tasks that name only that."""
	return list(task.get("lead_units") or ([task["lead_unit"]] if task.get("lead_unit") else []))


def letters_wanted(tasks) -> dict:
	"""(letter type, recipient) -> task ids, from tasks as dicts (name, leaders, lead_unit or
	lead_units, cooperating_units): a 责任分工告知书 for each leader, a 目标任务通知书 for each lead
	unit (each of a task's co-leads), listing what it leads and what it supports (a unit that only
	supports gets none)."""
	wanted = {}
	for task in tasks:
		for leader in task["leaders"]:
			wanted.setdefault((LEADER_NOTICE, leader), []).append(task["name"])
	leads = {u for t in tasks for u in lead_units_of(t)}
	for task in tasks:
		for unit in [*lead_units_of(task), *task["cooperating_units"]]:
			if unit in leads:
				tasks_of = wanted.setdefault((UNIT_NOTICE, unit), [])
				if task["name"] not in tasks_of:
					tasks_of.append(task["name"])
	return wanted


@dataclass
class LetterChanges:
	create: list = field(default_factory=list)
	update: list = field(default_factory=list)
	unchanged: list = field(default_factory=list)
	remove: list = field(default_factory=list)
	problems: list = field(default_factory=list)


def letter_changes(wanted: dict, existing: dict, task_terms: dict) -> LetterChanges:
	"""Compare the letters the plan calls for with those drafted before.

	``wanted``: key -> task ids; ``existing``: key -> dict(name, frozen, rows) where rows are the
	letter's task terms as drafted; ``task_terms``: task id -> its terms now. A change to a frozen
	(signed, or in review) letter is a problem: the caller then changes nothing."""
	changes = LetterChanges()
	for key, tasks in wanted.items():
		rows = [task_terms[t] for t in tasks]
		letter = existing.get(key)
		if not letter:
			changes.create.append(key)
		elif letter["rows"] == rows:
			changes.unchanged.append(key)
		elif letter["frozen"]:
			changes.problems.append(RuleViolation("Letter {0} is signed or under review, and the plan now changes its tasks: cancel and amend it first.", (letter["name"],)))
		else:
			changes.update.append(key)
	for key, letter in existing.items():
		if key not in wanted:
			if letter["frozen"]:
				changes.problems.append(RuleViolation("Letter {0} is signed or under review, and the plan no longer gives it any task: cancel it first.", (letter["name"],)))
			else:
				changes.remove.append(key)
	return changes
