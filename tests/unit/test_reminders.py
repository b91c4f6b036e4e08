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


# 任期 (003 §12) ------------------------------------------------------------------------------
from sanshu_app.rules.reminders import reported_in_term, term_end_warning  # noqa: E402

TERM = (date(2024, 1, 1), date(2026, 12, 31))


def test_only_meetings_within_the_term_count():
	assert reported_in_term([date(2024, 1, 1)], *TERM)
	assert reported_in_term([date(2026, 12, 31)], *TERM)
	assert not reported_in_term([date(2023, 12, 31), date(2027, 1, 1)], *TERM)
	assert not reported_in_term([], *TERM)
	assert reported_in_term([date(2020, 5, 1)], None, None)


def test_the_office_is_warned_within_the_window_before_a_term_ends_unreported():
	end = TERM[1]
	assert not term_end_warning(end, date(2026, 7, 3), 180, False)  # 181 days before
	assert term_end_warning(end, date(2026, 7, 4), 180, False)  # 180 days before
	assert term_end_warning(end, end, 180, False)
	assert not term_end_warning(end, end, 180, True)  # reported: nothing to warn of
	assert not term_end_warning(end, end, 0, False)  # no window set
	assert not term_end_warning(None, end, 180, False)


def test_a_quarter_without_inspection_or_bulletin_is_reminded_near_its_end_and_once_ended():
	from sanshu_app.rules.reminders import quarter_bounds, quarter_gaps

	assert quarter_bounds(2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))
	assert quarter_bounds(2026, 1) == (date(2026, 1, 1), date(2026, 3, 31))
	done = {(2026, 3)}
	gaps = quarter_gaps(date(2026, 12, 20), 15, lambda y, q: (y, q) in done, lambda y, q: False)
	assert gaps == [(2026, 3, "bulletin"), (2026, 4, "inspection"), (2026, 4, "bulletin")]
	assert quarter_gaps(date(2026, 11, 1), 15, lambda y, q: True, lambda y, q: (y, q) != (2026, 4)) == []
	assert quarter_gaps(date(2027, 1, 5), 15, lambda y, q: y == 2026, lambda y, q: True) == []
	assert quarter_gaps(date(2026, 12, 20), 0, lambda y, q: False, lambda y, q: False) == []
