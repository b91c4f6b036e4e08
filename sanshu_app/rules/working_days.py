"""Chinese working days: weekends, statutory holidays and make-up workdays (调休).

The statutory calendar comes from the ``chinese_calendar`` package, which knows the years the
State Council has published. Dates it does not know (future years) or gets wrong are covered by
the site's override list, which always wins: ``{date: True}`` marks a working day,
``{date: False}`` a day off.
"""

from datetime import date, timedelta

try:  # the library is a declared dependency, but the rules must still work without it
	import chinese_calendar as _statutory
except ImportError:  # pragma: no cover - exercised only on a broken install
	_statutory = None


def statutory_working_day(day: date) -> bool | None:
	"""What the published calendar says of ``day``; None when it has no data for that year."""
	if _statutory is None:
		return None
	try:
		return bool(_statutory.is_workday(day))
	except NotImplementedError:
		return None


def is_working_day(day: date, overrides: dict | None = None) -> bool:
	if overrides and day in overrides:
		return bool(overrides[day])
	known = statutory_working_day(day)
	if known is not None:
		return known
	return day.weekday() < 5


def add_working_days(start: date, days: int, overrides: dict | None = None) -> date:
	"""The date ``days`` working days after ``start`` (the start day itself is not counted).

	This is how "reply within 15 working days" is read: day 1 is the first working day after the
	question was put.
	"""
	if days < 0:
		raise ValueError("days must not be negative")
	current = start
	remaining = days
	while remaining:
		current += timedelta(days=1)
		if is_working_day(current, overrides):
			remaining -= 1
	return current


def add_days(start: date, days: int, kind: str, overrides: dict | None = None, move_off_holidays: bool = False) -> date:
	"""A deadline ``days`` after ``start``, counted in working days or calendar days.

	With ``move_off_holidays`` a calendar-day deadline that falls on a day off (weekend or statutory
	holiday) moves to the next working day (the rule set's "Deadline on a Day Off Moves to the Next
	Working Day"; 民法典 第二百零三条). A working-day deadline always ends on a working day."""
	if kind == WORKING_DAYS:
		return add_working_days(start, days, overrides)
	if kind == CALENDAR_DAYS:
		due = start + timedelta(days=days)
		return next_working_day(due, overrides) if move_off_holidays else due
	raise ValueError(f"unknown day kind: {kind}")


def next_working_day(day: date, overrides: dict | None = None) -> date:
	"""``day`` itself when it is a working day, else the first working day after it."""
	while not is_working_day(day, overrides):
		day += timedelta(days=1)
	return day


def years_without_calendar(years) -> list[int]:
	"""The years whose statutory holidays the library does not know: they need overrides."""
	return [y for y in sorted(set(years)) if statutory_working_day(date(y, 1, 1)) is None]


WORKING_DAYS = "Working Days"
CALENDAR_DAYS = "Calendar Days"
