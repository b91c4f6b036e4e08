"""Rectification (整改): what each step of the workflow needs, and what the daily run does about
deadlines. Plain Python, no Frappe.
"""

from dataclasses import dataclass
from datetime import date

from .messages import RuleViolation

RECTIFICATION_STATES = ("Draft", "Notice Issued", "Plan Submitted", "In Progress", "Reported", "Verified")
RETURNED = "Returned"
# Where a returned rectification may go back to (and from where it may be returned).
RETURNABLE_FROM = ("Plan Submitted", "Reported")
RESUME_TO = ("Plan Submitted", "In Progress")
OPEN_STATES = ("Notice Issued", "Plan Submitted", "In Progress", "Returned")
COMPLETED = "Completed"


def check_step(old, new) -> list[RuleViolation]:
	"""One step at a time along the workflow; Returned only from a plan or a report, and back to work."""
	if not old or old == new:
		return []
	if new == RETURNED:
		if old in RETURNABLE_FROM:
			return []
		return [RuleViolation("Only a submitted plan or a report can be returned, not a rectification in state {0}.", (old,))]
	if old == RETURNED:
		if new in RESUME_TO:
			return []
		return [RuleViolation("A returned rectification goes back to its plan or its work first, not to {0}.", (new,))]
	if old in RECTIFICATION_STATES and new in RECTIFICATION_STATES:
		if RECTIFICATION_STATES.index(new) > RECTIFICATION_STATES.index(old) + 1:
			nxt = RECTIFICATION_STATES[RECTIFICATION_STATES.index(old) + 1]
			return [RuleViolation("{0} cannot go straight to {1}: finish {2} first.", (old, new, nxt))]
	return []


def issues_notice(old_state, new_state) -> bool:
	"""Whether this step issues the written notice (003 §20): it leaves the draft (or a record is
	created already issued). The notice is dated by this step, and the 30 days run from it."""
	return new_state not in (None, "", "Draft") and old_state in (None, "", "Draft")


def check_state_needs(state, doc) -> list[RuleViolation]:
	"""What a rectification must carry in ``state``; ``doc`` is a dict-like with its fields and
	``measures`` (dicts with measure, owner, deadline, status)."""
	problems = []
	get = doc.get
	if not (get("cadre") or get("unit")):
		problems.append(RuleViolation("Name the cadre or the unit that has to rectify."))
	if state == "Draft":
		return problems
	if not _text(get("problems")):
		problems.append(RuleViolation("List the problems to rectify before issuing the notice."))
	if not get("notice_date"):
		problems.append(RuleViolation("The notice date is missing."))
	if state in ("Notice Issued", RETURNED):
		return problems
	measures = get("measures") or []
	if not measures:
		problems.append(RuleViolation("The plan needs at least one measure."))
	for row, m in enumerate(measures, start=1):
		if not _text(m.get("measure")):
			problems.append(RuleViolation("Measure row {0}: describe the measure.", (row,)))
		if not m.get("owner"):
			problems.append(RuleViolation("Measure row {0}: the owner is missing.", (row,)))
		if not m.get("deadline"):
			problems.append(RuleViolation("Measure row {0}: the deadline is missing.", (row,)))
	if state in ("Plan Submitted", "In Progress"):
		return problems
	if not _text(get("progress_report")):
		problems.append(RuleViolation("Write the rectification report before reporting."))
	if state == "Verified":
		open_rows = [str(row) for row, m in enumerate(measures, start=1) if m.get("status") != COMPLETED]
		if open_rows:
			problems.append(RuleViolation("Measures {0} are still open: a rectification with open measures cannot be verified.", (", ".join(open_rows),)))
		if not _text(get("verification_opinion")):
			problems.append(RuleViolation("Write the verification opinion before verifying."))
	return problems


def check_return_reason(old, new, reason) -> list[RuleViolation]:
	if new == RETURNED and old != RETURNED and not _text(reason):
		return [RuleViolation("Give the reason for returning the rectification.")]
	return []


@dataclass(frozen=True)
class MeasureAction:
	"""What the daily run does with one measure: remind its owner or flag it overdue."""

	row: int
	kind: str  # "reminder" or "overdue"


def measure_actions(measures, today: date, horizon: date) -> list[MeasureAction]:
	"""Open measures due by ``horizon`` (today plus the rule set's "Reminder Before Due") get one
	reminder a day; past-due ones are flagged overdue once (the flag is the memory: ``overdue``
	set means the owner was told)."""
	actions = []
	for row, m in enumerate(measures, start=1):
		deadline = m.get("deadline")
		if m.get("status") == COMPLETED or not deadline:
			continue
		if deadline < today:
			if not m.get("overdue"):
				actions.append(MeasureAction(row, "overdue"))
		elif deadline <= horizon and m.get("last_reminded_on") != today:
			actions.append(MeasureAction(row, "reminder"))
	return actions


def report_reminder_due(state, report_due_date, today: date, horizon: date, last_reminded_on) -> bool:
	"""Remind the subject once a day while the report falls due by ``horizon`` and is not yet late."""
	return (
		bool(report_due_date)
		and state in OPEN_STATES
		and today <= report_due_date <= horizon
		and last_reminded_on != today
	)


def is_overdue(state, report_due_date, today: date) -> bool:
	"""A rectification is overdue when its report is late: still open after the report due date."""
	return bool(report_due_date) and state in OPEN_STATES and report_due_date < today


def talk_due(state, talk_date, today: date, already_proposed) -> bool:
	"""Propose an integrity talk once the overdue rectification reaches ``talk_date``."""
	return bool(talk_date) and state in OPEN_STATES and today >= talk_date and not already_proposed


def _text(value) -> str:
	import re

	return re.sub(r"<[^>]+>|&nbsp;|\s", "", value or "")
