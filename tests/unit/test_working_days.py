from datetime import date

import pytest

from sanshu_app.rules.working_days import (
	CALENDAR_DAYS,
	WORKING_DAYS,
	add_days,
	add_working_days,
	is_working_day,
	years_without_calendar,
)


def test_ordinary_week_skips_the_weekend():
	# Monday 2026-03-02 + 5 working days = the next Monday
	assert add_working_days(date(2026, 3, 2), 5) == date(2026, 3, 9)


def test_spring_festival_2026_is_skipped_and_makeup_saturday_counts():
	# 2026 Spring Festival: 15-23 February off; Saturday 14 February and 28 February are make-up workdays.
	assert is_working_day(date(2026, 2, 14)) is True
	assert is_working_day(date(2026, 2, 16)) is False
	assert is_working_day(date(2026, 2, 28)) is True
	# From Friday 13 Feb: day 1 is Sat 14 (make-up), then the holiday, day 2 is Tue 24 Feb.
	assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
	assert add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)


def test_national_day_week_2025():
	# 2025: 1-8 October off, Sunday 28 September and Saturday 11 October are make-up workdays.
	assert is_working_day(date(2025, 9, 28)) is True
	assert is_working_day(date(2025, 10, 8)) is False
	assert is_working_day(date(2025, 10, 11)) is True
	# A question put on Tuesday 30 September 2025 with 15 working days to reply:
	# 9, 10, 11 (Saturday make-up), 13-17, 20-24, 27, 28: the 15th working day is 28 October.
	assert add_working_days(date(2025, 9, 30), 15) == date(2025, 10, 28)


def test_override_list_wins_and_covers_unknown_years():
	assert 2027 in years_without_calendar([2026, 2027])
	# Without data for 2027 only weekends are days off...
	assert add_working_days(date(2027, 9, 30), 1) == date(2027, 10, 1)
	# ...until the site lists the National Day week.
	holidays = {date(2027, 10, d): False for d in range(1, 8)}
	assert add_working_days(date(2027, 9, 30), 1, holidays) == date(2027, 10, 8)
	# An override can also turn a known day off into a working day.
	assert is_working_day(date(2026, 2, 16), {date(2026, 2, 16): True}) is True


def test_calendar_days_and_bad_input():
	assert add_days(date(2026, 1, 31), 30, CALENDAR_DAYS) == date(2026, 3, 2)
	assert add_days(date(2026, 3, 2), 0, WORKING_DAYS) == date(2026, 3, 2)
	with pytest.raises(ValueError):
		add_working_days(date(2026, 3, 2), -1)
	with pytest.raises(ValueError):
		add_days(date(2026, 3, 2), 3, "Fortnights")
