from datetime import date

from sanshu_app.rules import assessment as a
from sanshu_app.rules import rectification as r


def items(*rows):
	return [dict(max_points=m, self_score=s, inspector_score=i, deduction_reason=why) for m, s, i, why in rows]


def test_score_above_maximum_and_deduction_without_reason_are_refused():
	problems = a.check_items(items((10, 11, 8, ""), (5, 5, 5, "")))
	text = [p.render() for p in problems]
	assert "Row 1: the self-assessment score 11 is above the item maximum 10." in text
	assert "Row 1: a deduction needs a reason." in text
	assert len(problems) == 2


def test_missing_scores_only_matter_when_needed():
	rows = items((10, None, None, None))
	assert a.check_items(rows) == []
	assert [p.render() for p in a.check_items(rows, need_self=True)] == ["Row 1: the self-assessment score is missing."]
	assert len(a.check_items(rows, need_inspector=True)) == 1


def test_a_score_that_is_not_a_number_is_refused():
	assert "Row 1: 八分 is not a number." in [p.render() for p in a.check_items(items((10, "八分", None, None)))]
	assert a.check_items(items((10, " 8.5 ", "10", None))) == []


def test_negative_score_refused():
	assert a.check_items(items((10, -1, None, None)))[0].render() == "Row 1: the self-assessment score cannot be negative."


def test_scaled_sum_and_weighted_total():
	rows = items((60, 50, 45, "x"), (40, 40, 30, "y"))
	assert a.scaled_sum(rows, "inspector_score") == 75.0
	assert a.scaled_sum(rows, "self_score") == 90.0
	assert a.scaled_sum(items((10, None, 1, "z")), "self_score") is None
	total, grade = a.total_and_grade(75, 80, 90, 10, 75)
	assert (total, grade) == (75.5, a.PASSED)
	total, grade = a.total_and_grade(70, 100, 90, 10, 75)
	assert (total, grade) == (73.0, a.BELOW_PASS_MARK)
	# 75 itself is "75分以下" by default (民法典 第1259条: 以下 includes the number) ...
	assert a.total_and_grade(75, 75, 90, 10, 75)[1] == a.BELOW_PASS_MARK
	# ... and passes when the rule set says the pass mark is not "below"
	assert a.total_and_grade(75, 75, 90, 10, 75, mark_is_below=False)[1] == a.PASSED


def test_pass_mark_compares_the_unrounded_total():
	# 74.995 shows as 75.0 but is below 75 under either reading of the pass mark
	total, grade = a.total_and_grade("74.995", "74.995", 90, 10, 75, mark_is_below=False)
	assert total == 75.0 and grade == a.BELOW_PASS_MARK
	assert a.total_and_grade("74.995", "74.995", 90, 10, 75)[1] == a.BELOW_PASS_MARK
	# just above the mark passes under the default
	assert a.total_and_grade("75.001", "75.001", 90, 10, 75)[1] == a.PASSED


def test_routine_score_and_member_grades():
	assert a.check_routine_score(None)[0].render() == "The routine inspection score is missing."
	assert a.check_routine_score(101)
	assert a.check_routine_score(100) == []
	problems = a.check_member_grades([("C1", "好"), ("C1", "差"), ("C2", "优秀")], ["好", "较好", "一般", "差"])
	assert [p.render() for p in problems] == ["Member row 2: C1 is graded twice.", "Member row 3: grade 优秀 is not one of 好、较好、一般、差."]


def test_workflow_steps_cannot_be_skipped():
	assert a.check_step(a.ASSESSMENT_STATES, "Draft", "Self-assessed") == []
	assert a.check_step(a.ASSESSMENT_STATES, "Inspected", "Self-assessed") == []
	assert a.check_step(a.ASSESSMENT_STATES, "Draft", "Inspected")[0].render() == "Draft cannot go straight to Inspected: finish Self-assessed first."


def test_ranking_shares_places_and_puts_unscored_last():
	assert a.rank([("A", 80), ("B", 90), ("C", 80), ("D", None), ("E", 70)]) == [
		("B", 90, 1), ("A", 80, 2), ("C", 80, 2), ("E", 70, 4), ("D", None, None)
	]


HEADER = list(a.SHEET_HEADERS)


def test_sheet_import_all_or_nothing():
	rows = items((10, None, None, None), (5, None, None, None))
	updates, problems = a.read_sheet(HEADER, [(1, "x", "y", 10, 8, None, None), (2, "x", "y", 5, 5, None, None)], rows, "self")
	assert problems == [] and updates == {1: {"self_score": "8"}, 2: {"self_score": "5"}}
	updates, problems = a.read_sheet(HEADER, [(1, "x", "y", 10, 8, None, None), (2, "x", "y", 5, 6, None, None)], rows, "self")
	assert updates == {} and [p.render() for p in problems] == ["Sheet row 3: score 6 is outside 0 to 5."]
	updates, problems = a.read_sheet(HEADER, [(1, "", "", 10, None, 7, ""), (2, "", "", 5, None, "abc", "")], rows, "inspector")
	assert updates == {}
	assert [p.render() for p in problems] == ["Sheet row 2: a deduction needs a reason.", "Sheet row 3: abc is not a number."]
	updates, problems = a.read_sheet(HEADER, [(1, "", "", 10, None, 10, ""), (9, "", "", 5, None, 5, "")], rows, "inspector")
	assert [p.render() for p in problems] == ["Sheet row 3: item number 9 is not an item of this assessment."]
	updates, problems = a.read_sheet(HEADER, [(1, "", "", 10, None, 10, "")], rows, "inspector")
	assert [p.render() for p in problems] == ["The sheet has no score for item(s) 2."]
	updates, problems = a.read_sheet(["Item", "Score"], [], rows, "self")
	assert updates == {} and problems[0].template.startswith("The sheet's header row")


def test_rectification_steps():
	assert r.check_step("Draft", "Notice Issued") == []
	assert r.check_step("Notice Issued", "Verified")[0].render() == "Notice Issued cannot go straight to Verified: finish Plan Submitted first."
	assert r.check_step("Reported", "Returned") == []
	assert r.check_step("Draft", "Returned")
	assert r.check_step("Returned", "In Progress") == []
	assert r.check_step("Returned", "Verified")


def doc(**values):
	base = dict(cadre="C1", problems="<p>问题</p>", notice_date=date(2026, 3, 1), measures=[dict(measure="m", owner="C1", deadline=date(2026, 3, 20), status="Completed")], progress_report="done", verification_opinion="ok")
	base.update(values)
	return base


def test_rectification_state_needs():
	assert r.check_state_needs("Verified", doc()) == []
	open_measure = doc(measures=[dict(measure="m", owner="C1", deadline=date(2026, 3, 20), status="Completed"), dict(measure="n", owner="C1", deadline=date(2026, 3, 20), status="Open")])
	assert [p.render() for p in r.check_state_needs("Verified", open_measure)] == ["Measures 2 are still open: a rectification with open measures cannot be verified."]
	assert [p.render() for p in r.check_state_needs("Notice Issued", doc(problems="<p> </p>"))] == ["List the problems to rectify before issuing the notice."]
	assert len(r.check_state_needs("Plan Submitted", doc(measures=[dict(measure="", owner=None, deadline=None)]))) == 3
	assert r.check_state_needs("Draft", doc(cadre=None))[0].render() == "Name the cadre or the unit that has to rectify."
	assert r.check_return_reason("Reported", "Returned", "")
	assert r.check_return_reason("Reported", "Returned", "不实") == []


def test_daily_measure_actions():
	today = date(2026, 3, 10)
	measures = [
		dict(deadline=date(2026, 3, 12), status="Open"),  # due soon: remind
		dict(deadline=date(2026, 3, 9), status="Open"),  # overdue, not yet flagged
		dict(deadline=date(2026, 3, 9), status="Open", overdue=1),  # already flagged
		dict(deadline=date(2026, 3, 9), status="Completed"),
		dict(deadline=date(2026, 3, 30), status="Open"),  # far off
		dict(deadline=date(2026, 3, 11), status="Open", last_reminded_on=today),  # reminded today
	]
	actions = r.measure_actions(measures, today, date(2026, 3, 13))
	assert actions == [r.MeasureAction(1, "reminder"), r.MeasureAction(2, "overdue")]
	assert r.is_overdue("In Progress", date(2026, 3, 9), today)
	assert not r.is_overdue("Reported", date(2026, 3, 9), today)
	assert not r.is_overdue("In Progress", date(2026, 3, 10), today)
	assert r.talk_due("In Progress", date(2026, 3, 10), today, False)
	assert not r.talk_due("In Progress", date(2026, 3, 10), today, True)
	assert not r.talk_due("Verified", date(2026, 3, 1), today, False)


def test_report_reminder_once_a_day_until_due():
	today = date(2026, 3, 10)
	horizon = date(2026, 3, 13)
	assert r.report_reminder_due("In Progress", date(2026, 3, 12), today, horizon, None)
	assert not r.report_reminder_due("In Progress", date(2026, 3, 12), today, horizon, today)
	assert not r.report_reminder_due("In Progress", date(2026, 3, 20), today, horizon, None)
	assert not r.report_reminder_due("In Progress", date(2026, 3, 9), today, horizon, None)  # late: flagged overdue instead
	assert not r.report_reminder_due("Reported", date(2026, 3, 12), today, horizon, None)
