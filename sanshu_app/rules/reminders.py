"""When someone is reminded of a campaign deadline: once as it nears, once when it has passed."""

from datetime import date

BEFORE = "before"
OVERDUE = "overdue"


def reminder_stage(due: date | None, today: date, lead_days: int | None) -> str | None:
	"""``before`` within ``lead_days`` of ``due`` (the due day included), ``overdue`` after it.

	No lead time set means no early reminder; no due date means nothing to remind of."""
	if due is None:
		return None
	if today > due:
		return OVERDUE
	if lead_days is not None and (due - today).days <= lead_days:
		return BEFORE
	return None


# 任期 (003 §12: at least one report at a meeting per term) -------------------------------------
def reported_in_term(meeting_dates, term_start: date | None, term_end: date | None) -> bool:
	"""Whether any of ``meeting_dates`` (closed meetings the cadre reported at in person) falls in
	the term; no term start means any such meeting counts, no term end means the term runs on."""
	return any((term_start is None or d >= term_start) and (term_end is None or d <= term_end) for d in meeting_dates)


def term_end_warning(term_end: date | None, today: date, window_days: int | None, reported: bool) -> bool:
	"""Warn the office when a term ends within ``window_days`` (the end day included, and after it
	until someone acts) without a report at a meeting. No window (0/None) or no term end: no warning."""
	if reported or term_end is None or not window_days:
		return False
	return (term_end - today).days <= window_days
