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
