"""A unit's own reports on its 责任制, reviewed and signed by its 主体责任人 and 监督责任人 and
submitted to the office (issue 20). Pure: no Frappe.

- 年度落实党风廉政建设责任制情况报告 (``YEAR_END``): 001 §二1(1) 每年年底向上级党委和纪委报告责任制落实情况;
- 责任分解 (``BREAKDOWN``): the work-plan tasks the unit leads, with its measures;
- 自查报告 (``SELF_INSPECTION``) with the self-score: 002 六(一) 将自评分写入自查报告, due 9月20日 (六(三)).

001 §三3: the 主体责任人 and the 监督责任人 审阅 (give an opinion on) and sign the 责任分工、责任分解、
年终工作总结报告, "作为…考核和追责的依据"; the order of review and signatures is ``rules.signing``'s.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from .messages import RuleViolation

YEAR_END = "Year-End Report"
BREAKDOWN = "Responsibility Breakdown"
SELF_INSPECTION = "Self-Inspection Report"
KINDS = (YEAR_END, BREAKDOWN, SELF_INSPECTION)

DRAFT, UNDER_REVIEW, AWAITING_SIGNATURE, SIGNED, SUBMITTED, RECEIVED = (
	"Draft", "Under Review", "Awaiting Signature", "Signed", "Submitted", "Received",
)  # fmt: skip
STATUSES = (DRAFT, UNDER_REVIEW, AWAITING_SIGNATURE, SIGNED, SUBMITTED, RECEIVED)
IN_OFFICE = (SUBMITTED, RECEIVED)

# The rule set's defaults (Sanshu Rule Set, assessment purpose), with their seeds:
# 002 三 (考核检查的内容): the headings a unit reports under, each year and in its 自查报告.
DEFAULT_SECTIONS = (
	"（一）贯彻部署党风廉政建设和反腐败工作情况",
	"（二）党政领导干部廉洁自律情况",
	"（三）党风廉政制度建设和执行情况",
	"（四）实施党风廉政建设责任追究情况",
	"（五）党风廉政建设和反腐败各项工作任务落实情况",
	"（六）党风廉政建设责任制报告制度落实情况",
	"（七）其它需要检查考核的事项",
)
# (month, day) each report is due in its year: 年底 (001 §二1(1)); 9月20日 (002 六(三)); the
# 责任分解 at the start of the year, with the 责任书 (001 §三3: 每年初), by the end of March.
DEFAULT_DUE = {YEAR_END: (12, 31), SELF_INSPECTION: (9, 20), BREAKDOWN: (3, 31)}


def sections_from(text) -> list:
	"""The headings of the rule set's field, one per line; the seeds' when it is empty."""
	lines = [line.strip() for line in str(text or "").splitlines() if line.strip()]
	return lines or list(DEFAULT_SECTIONS)


def due_date(year: int, month_day: str | None, kind: str) -> date:
	"""The day a report of ``kind`` is due in ``year``: the rule set's MM-DD, else the seeds'."""
	month, day = DEFAULT_DUE[kind]
	text = (month_day or "").strip()
	if text:
		try:
			month, day = (int(part) for part in text.replace("/", "-").split("-"))
		except ValueError:
			pass
	day = min(max(day, 1), calendar.monthrange(year, month)[1]) if 1 <= month <= 12 else 31
	return date(year, month if 1 <= month <= 12 else 12, day)


def check_due_text(text) -> list:
	if not (text or "").strip():
		return []
	try:
		month, day = (int(part) for part in text.strip().replace("/", "-").split("-"))
		date(2024, month, day)
	except (ValueError, TypeError):
		return [RuleViolation("A due day is written month-day, such as 12-31: {0} is not.", (text,))]
	return []


def check_self_score(score, max_score: float) -> list:
	if score is None or score == "":
		return [RuleViolation("Write the self-score into the self-inspection report (002 六: 将自评分写入自查报告).")]
	if not 0 <= float(score) <= float(max_score):
		return [RuleViolation("The self-score is between 0 and {0}.", (max_score,))]
	return []


def unwritten_sections(sections) -> list:
	"""Headings (heading, content) still without content."""
	return [heading for heading, content in sections if not (content or "").strip()]


def is_late(due: date, submitted_on) -> bool:
	if isinstance(submitted_on, datetime):
		submitted_on = submitted_on.date()
	return bool(submitted_on and due and submitted_on > due)


@dataclass(frozen=True)
class Standing:
	unit: str
	report: str | None
	status: str  # "Missing", "Overdue", "Late", "On Time", "Not Due"
	due: date
	submitted_on: date | None = None


def standing(units, reports: dict, due: date, on: date) -> list:
	"""Where each unit stands with a report due on ``due``, seen on ``on``. ``reports``: unit ->
	dict(name, status, submitted_on). Units without a report in the office after the due date come
	first (Missing: none at all; Overdue: one not yet submitted), then Late, On Time, Not Due."""
	rows = []
	for unit in units:
		report = reports.get(unit)
		submitted = report.get("submitted_on") if report else None
		if isinstance(submitted, datetime):
			submitted = submitted.date()
		if report and report.get("status") in IN_OFFICE and submitted:
			kind = "Late" if submitted > due else "On Time"
		elif on <= due:
			kind = "Not Due"
		else:
			kind = "Overdue" if report else "Missing"
		rows.append(Standing(unit, report.get("name") if report else None, kind, due, submitted))
	order = {"Missing": 0, "Overdue": 1, "Late": 2, "On Time": 3, "Not Due": 4}
	return sorted(rows, key=lambda r: (order[r.status], r.unit))
