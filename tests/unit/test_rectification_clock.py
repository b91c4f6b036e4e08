"""003 §20: the rectification report is due 30 days after the written notice is issued; a
deadline on a day off moves to the next working day when the rule set says so (default on,
民法典 第二百零三条)."""

from datetime import date

from sanshu_app.rules.rectification import issues_notice
from sanshu_app.rules.working_days import CALENDAR_DAYS, WORKING_DAYS, add_days, next_working_day


def test_thirty_days_run_from_the_notice_date_not_before():
	# Notice issued Monday 2026-03-02: day 30 is Wednesday 2026-04-01, a working day either way.
	assert add_days(date(2026, 3, 2), 30, CALENDAR_DAYS, move_off_holidays=True) == date(2026, 4, 1)
	assert add_days(date(2026, 3, 3), 30, CALENDAR_DAYS, move_off_holidays=True) == date(2026, 4, 2)


def test_deadline_on_national_day_moves_to_the_first_working_day_after_the_holiday():
	# Notice 2025-09-01 + 30 days = 2025-10-01 (国庆节, off until 10-08): moved to Thursday 10-09.
	assert add_days(date(2025, 9, 1), 30, CALENDAR_DAYS, move_off_holidays=True) == date(2025, 10, 9)
	assert add_days(date(2025, 9, 1), 30, CALENDAR_DAYS, move_off_holidays=False) == date(2025, 10, 1)


def test_deadline_on_a_weekend_moves_to_monday_only_when_the_rule_set_says_so():
	# Notice Thursday 2026-03-05 + 30 = Saturday 2026-04-04 (and 04-05 清明, 04-06 off): moved to Tuesday 04-07.
	assert add_days(date(2026, 3, 5), 30, CALENDAR_DAYS, move_off_holidays=True) == date(2026, 4, 7)
	assert add_days(date(2026, 3, 5), 30, CALENDAR_DAYS) == date(2026, 4, 4)


def test_a_make_up_workday_is_a_working_day_and_does_not_move():
	# Saturday 2026-02-28 is a make-up workday (调休): a deadline on it stays.
	assert next_working_day(date(2026, 2, 28)) == date(2026, 2, 28)
	assert add_days(date(2026, 1, 29), 30, CALENDAR_DAYS, move_off_holidays=True) == date(2026, 2, 28)


def test_site_overrides_win_over_the_published_calendar():
	# The office marks Wednesday 2026-04-01 a day off: the deadline moves to Thursday.
	overrides = {date(2026, 4, 1): False}
	assert add_days(date(2026, 3, 2), 30, CALENDAR_DAYS, overrides, move_off_holidays=True) == date(2026, 4, 2)


def test_working_day_deadlines_are_unchanged_by_the_setting():
	assert add_days(date(2026, 3, 2), 15, WORKING_DAYS, move_off_holidays=True) == add_days(date(2026, 3, 2), 15, WORKING_DAYS)


def test_only_the_step_out_of_the_draft_issues_the_notice():
	assert issues_notice("Draft", "Notice Issued")
	assert issues_notice(None, "Notice Issued")
	assert not issues_notice("Draft", "Draft")
	assert not issues_notice(None, "Draft")
	assert not issues_notice("Notice Issued", "Plan Submitted")
	assert not issues_notice("Returned", "Plan Submitted")
