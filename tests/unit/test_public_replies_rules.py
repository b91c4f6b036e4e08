from datetime import date, timedelta

from sanshu_app.rules.public import default_replies_until, replies_open, replies_until_violations
from sanshu_app.rules.working_days import add_working_days

START, END = date(2026, 3, 2), date(2026, 3, 13)


def test_replies_stay_after_the_window_until_their_own_date():
	until = date(2026, 4, 15)
	assert not replies_open(True, START, END, until, date(2026, 3, 1))
	assert replies_open(True, START, END, until, END + timedelta(days=1))
	assert replies_open(True, START, END, until, until)
	assert not replies_open(True, START, END, until, until + timedelta(days=1))
	assert not replies_open(True, START, END, None, END + timedelta(days=1))  # no date: the window alone
	assert not replies_open(False, START, END, until, END)


def test_the_default_is_the_window_end_plus_the_reply_working_days_and_the_margin():
	# 2026-03-13 is a Friday: 15 working days later is Friday 2026-04-03 (清明 on 4-6 is after it)
	assert default_replies_until(END, 15, 7, add_working_days) == add_working_days(END, 15) + timedelta(days=7)
	assert default_replies_until(END, 0, 0, add_working_days) == END


def test_replies_cannot_end_before_the_window():
	assert replies_until_violations(END, END - timedelta(days=1))
	assert replies_until_violations(END, END) == []
	assert replies_until_violations(None, END) == []
