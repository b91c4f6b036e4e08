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


# 每季度巡查和通报 (004 三) -----------------------------------------------------------------------
def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
	first = date(year, 3 * quarter - 2, 1)
	last = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
	return first, date.fromordinal(last.toordinal() - 1)


def quarter_gaps(today: date, lead_days: int | None, has_inspection, has_bulletin) -> list[tuple[int, int, str]]:
	"""What the office is reminded of: (year, quarter, "inspection"|"bulletin") for the quarter that
	ends within ``lead_days`` (the end day included) and the quarter just ended, each lacking an
	inspection or a bulletin. ``has_inspection``/``has_bulletin``: (year, quarter) -> bool. No lead
	time set (0/None) means no reminder."""
	if not lead_days:
		return []
	year, quarter = today.year, (today.month - 1) // 3 + 1
	previous = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
	periods = [previous]
	if (quarter_bounds(year, quarter)[1] - today).days <= lead_days:
		periods.append((year, quarter))
	gaps = []
	for y, q in periods:
		if not has_inspection(y, q):
			gaps.append((y, q, "inspection"))
		if not has_bulletin(y, q):
			gaps.append((y, q, "bulletin"))
	return gaps
