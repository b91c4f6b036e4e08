from datetime import date

from sanshu_app.rules.reminders import BEFORE, OVERDUE, reminder_stage

DUE = date(2026, 3, 31)


def test_nothing_long_before_the_deadline():
	assert reminder_stage(DUE, date(2026, 3, 27), 3) is None


def test_reminded_within_the_lead_time_and_on_the_day():
	assert reminder_stage(DUE, date(2026, 3, 28), 3) == BEFORE
	assert reminder_stage(DUE, DUE, 3) == BEFORE


def test_overdue_from_the_next_day():
	assert reminder_stage(DUE, date(2026, 4, 1), 3) == OVERDUE
	assert reminder_stage(DUE, date(2026, 4, 1), None) == OVERDUE


def test_no_lead_time_or_no_deadline():
	assert reminder_stage(DUE, DUE, None) is None
	assert reminder_stage(None, DUE, 3) is None
