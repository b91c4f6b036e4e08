"""Votes, paper tallies and ballot sheets of a democratic evaluation (pure rules)."""

from datetime import date

import pytest

from sanshu_app.rules.evaluation import combine, paper_count_violations, parse_ballot_sheet, vote_violations
from sanshu_app.rules.inquiries import ANSWERED, OPEN, OVERDUE, answered_late, inquiry_status
from sanshu_app.rules.messages import RuleError
from sanshu_app.rules.reports import LATE, MISSING, ON_TIME, PENDING, section_violations, standing, submission_violations

SCALE = ("好", "较好", "一般", "较差")


def templates(violations):
	return [v.template for v in violations]


def vote(**kw):
	base = dict(on_roster=True, already_voted=False, closed=False, choice="好", scale=SCALE)
	base.update(kw)
	return vote_violations(**base)


def test_a_rostered_first_vote_on_the_scale_is_taken():
	assert vote() == []


def test_vote_after_closing_is_refused_first():
	assert templates(vote(closed=True, on_roster=False)) == ["This evaluation is closed: no more votes are taken."]


def test_vote_from_outside_the_roster_is_refused():
	assert templates(vote(on_roster=False)) == ["You are not on the evaluator roster of this evaluation."]


def test_second_vote_is_refused():
	assert "each evaluator votes once" in vote(already_voted=True)[0].template


def test_choice_off_the_scale_is_refused():
	[v] = vote(choice="优秀")
	assert v.values == ("优秀",)


def test_paper_counts_that_add_up_pass():
	assert paper_count_violations({"好": 5, "较差": 2}, SCALE, collected=8, invalid=1) == []


def test_no_paper_ballots_at_all_pass():
	assert paper_count_violations({o: 0 for o in SCALE}, SCALE, collected=0, invalid=0) == []
	assert paper_count_violations({}, SCALE, collected=None, invalid=None) == []


def test_paper_counts_that_do_not_add_up_are_refused_with_the_numbers():
	[v] = paper_count_violations({"好": 5, "较差": 2}, SCALE, collected=9, invalid=1)
	assert v.values == (7, 1, 8, 9)
	[v] = paper_count_violations({"好": 5}, SCALE, collected=4, invalid=0)
	assert v.values == (5, 0, 5, 4)


def test_negative_fractional_and_foreign_counts_are_refused():
	problems = paper_count_violations({"好": -1, "较好": 1.5, "优秀": 1}, SCALE, collected=1, invalid=-2)
	assert len(problems) == 4
	assert any(v.values == ("优秀",) for v in problems)


def test_combine_adds_tallies():
	assert combine({"好": 1, "较差": 2}, {"好": 3}) == {"好": 4, "较差": 2}


def test_sheet_counts_one_row_per_ballot():
	rows = [("序号", "评价"), (1, "好"), (2, "较差"), (3.0, "好"), (None, None), ("4", " 一般 ")]
	assert parse_ballot_sheet(rows, SCALE) == {"好": 2, "较好": 0, "一般": 1, "较差": 1}


def test_sheet_with_english_headings_and_extra_columns():
	rows = [("Note", "Choice", "Ballot No."), ("x", "较好", "A1")]
	assert parse_ballot_sheet(rows, SCALE)["较好"] == 1


def test_every_bad_row_is_listed_and_nothing_counted():
	rows = [("序号", "评价"), (1, "好"), (2, "优秀"), (None, "好"), (1, "较差"), (5, None)]
	with pytest.raises(RuleError) as caught:
		parse_ballot_sheet(rows, SCALE)
	found = [(v.template, v.values) for v in caught.value.violations]
	assert found == [
		("Row {0}: {1} is not on the rating scale.", (3, "优秀")),
		("Row {0}: the ballot number is missing.", (4,)),
		("Row {0}: ballot {1} was already counted in row {2}.", (5, "1", 2)),
		("Row {0}: the choice is missing.", (6,)),
	]


@pytest.mark.parametrize(
	"rows,template",
	[
		([], "The sheet is empty."),
		([("姓名", "评价"), ("张三", "好")], "The first row of the sheet must name the columns 序号 (ballot number) and 评价 (choice)."),
		([("序号", "评价"), (None, None)], "The sheet lists no ballots."),
	],
)
def test_malformed_sheets_are_refused(rows, template):
	with pytest.raises(RuleError) as caught:
		parse_ballot_sheet(rows, SCALE)
	assert templates(caught.value.violations) == [template]


def test_report_sections_must_match_the_scheme():
	required = ("Responsibility", "Integrity", "Ethics")
	assert section_violations(required, list(required)) == []
	problems = section_violations(required, ["Responsibility", "Responsibility", "Risk"])
	assert [v.values for v in problems] == [("Responsibility",), ("Risk",), ("Integrity",), ("Ethics",)]


def test_every_section_needs_text_before_submission():
	assert submission_violations({"Responsibility": "x", "Integrity": " "}, None)[0].values == ("Integrity",)


def test_report_standing_boundaries():
	due = date(2026, 12, 1)
	assert standing(due, date(2026, 12, 1), date(2026, 12, 5)) == ON_TIME
	assert standing(due, date(2026, 12, 2), date(2026, 12, 5)) == LATE
	assert standing(due, None, date(2026, 12, 1)) == PENDING
	assert standing(due, None, date(2026, 12, 2)) == MISSING
	assert standing(None, None, date(2026, 12, 2)) == PENDING


def test_inquiry_status_boundaries():
	due = date(2026, 12, 1)
	assert inquiry_status(False, due, date(2026, 12, 1)) == OPEN
	assert inquiry_status(False, due, date(2026, 12, 2)) == OVERDUE
	assert inquiry_status(True, due, date(2026, 12, 9)) == ANSWERED
	assert inquiry_status(False, None, date(2030, 1, 1)) == OPEN
	assert answered_late(date(2026, 12, 2), due) and not answered_late(date(2026, 12, 1), due)


def test_a_sheet_naming_other_cadres_is_not_read_into_one_evaluation():
	rows = [("序号", "被评议人", "评价"), (1, "张　三 ", "好"), (2, "李四", "较好")]
	with pytest.raises(RuleError) as caught:
		parse_ballot_sheet(rows, SCALE, "张三")
	assert [(v.template, v.values) for v in caught.value.violations] == [("Row {0}: the ballot is for {1}, not for {2}.", (3, "李四", "张三"))]
	assert parse_ballot_sheet(rows[:2], SCALE, "张三")["好"] == 1


def test_blank_paper_ballots_add_up_with_the_rest():
	from sanshu_app.rules.evaluation import paper_count_violations

	scale = ["满意", "基本满意", "不满意"]
	assert paper_count_violations({"满意": 5, "基本满意": 2, "不满意": 1}, scale, 10, 1, blank=1) == []
	problems = paper_count_violations({"满意": 5, "基本满意": 2, "不满意": 1}, scale, 10, 1, blank=2)
	assert [p.values for p in problems] == [(8, 1, 2, 11, 10)]
