"""The pure rules of the public side and supervision: publication window, questions, random draw,
rankings, persistent bottom / top places, the weighted index and the sheets clerks make."""

from datetime import date

import pytest

from sanshu_app.rules.messages import RuleError
from sanshu_app.rules.public import publication_window_violations, question_violations, report_on_show, window_open
from sanshu_app.rules.supervision import bottom, quarter_violations, draw_units, persistent, rank, read_unit_sheet, top, weight_violations, weighted_index

D = date


def test_window_includes_both_ends_and_needs_the_flag():
	assert window_open(True, D(2026, 3, 1), D(2026, 3, 10), D(2026, 3, 1))
	assert window_open(True, D(2026, 3, 1), D(2026, 3, 10), D(2026, 3, 10))
	assert not window_open(True, D(2026, 3, 1), D(2026, 3, 10), D(2026, 3, 11))
	assert not window_open(True, D(2026, 3, 1), D(2026, 3, 10), D(2026, 2, 28))
	assert not window_open(False, D(2026, 3, 1), D(2026, 3, 10), D(2026, 3, 5))
	assert not window_open(True, None, D(2026, 3, 10), D(2026, 3, 5))


def test_only_accepted_reports_are_on_show():
	args = (True, D(2026, 3, 1), D(2026, 3, 10), D(2026, 3, 5))
	assert report_on_show("Accepted", *args)
	for state in ("Draft", "Submitted", "Returned", None):
		assert not report_on_show(state, *args)


def test_window_must_not_end_before_it_starts():
	assert publication_window_violations(True, D(2026, 3, 10), D(2026, 3, 1))
	assert publication_window_violations(True, None, D(2026, 3, 1))
	assert not publication_window_violations(True, D(2026, 3, 1), D(2026, 3, 1))
	assert not publication_window_violations(False, None, None)


def test_question_length_limit():
	assert question_violations("  ", 10)[0].template == "Write your question."
	assert not question_violations("x" * 10, 10)
	too_long = question_violations("x" * 11, 10)
	assert too_long[0].values == (11, 10)


def test_draw_is_reproducible_and_ignores_pool_order():
	pool = [f"单位{i}" for i in range(10)]
	first = draw_units(pool, 3, "seed-1")
	assert first == draw_units(list(reversed(pool)), 3, "seed-1")
	assert len(set(first)) == 3 and set(first) <= set(pool)
	draws = {tuple(draw_units(pool, 3, f"seed-{i}")) for i in range(20)}
	assert len(draws) > 1


@pytest.mark.parametrize("count", [0, 11])
def test_draw_count_must_fit_the_pool(count):
	with pytest.raises(RuleError):
		draw_units([f"u{i}" for i in range(10)], count, "s")


def test_draw_needs_a_seed_and_a_pool():
	with pytest.raises(RuleError):
		draw_units(["a", "b"], 1, "")
	with pytest.raises(RuleError):
		draw_units([], 1, "s")


def test_competition_ranking_shares_places():
	assert rank({"a": 90, "b": 80, "c": 80, "d": 70}) == {"a": 1, "b": 2, "c": 2, "d": 4}
	assert rank({"a": 1, "b": 3}, highest_first=False) == {"a": 1, "b": 2}


def test_bottom_and_top_include_ties():
	scores = {"a": 90, "b": 80, "c": 70, "d": 60, "e": 60}
	assert bottom(scores, 2) == {"d", "e"}
	assert bottom(scores, 3) == {"c", "d", "e"}
	assert top(scores, 1) == {"a"}


def test_persistent_needs_consecutive_periods_ending_at_the_latest():
	assert persistent([(2025, {"a", "b"}), (2026, {"a", "c"})], 2) == {"a"}
	assert persistent([(2024, {"a"}), (2026, {"a"})], 2) == set()  # a gap year
	assert persistent([(2026, {"a"})], 2) == set()  # only one year so far
	assert persistent([(2024, {"a"}), (2025, {"b"}), (2026, {"b"})], 2) == {"b"}
	quarters = [(2026 * 4 + q, {"x", f"y{q}"}) for q in range(4)]
	assert persistent(quarters, 4) == {"x"}
	with pytest.raises(RuleError):
		persistent(quarters, 0)


def test_weights_must_add_up_to_100():
	assert not weight_violations({"a": 40, "b": 30, "c": 30})
	problem = weight_violations({"a": 40, "b": 30, "c": 20})
	assert problem[0].values == ("90",)
	assert weight_violations({"a": 110, "b": -10, "c": 0})
	with pytest.raises(RuleError):
		weighted_index({"a": 1}, {"a": 50})


def test_weighted_index():
	assert weighted_index({"a": 10, "b": 5, "c": 0}, {"a": 40, "b": 30, "c": 30}) == 5.5


INDEX_COLUMNS = {"unit": ("单位",), "petitions": ("信访举报",), "efficiency_complaints": ("效能投诉",), "online_opinion": ("涉腐网络舆情",)}


def test_sheet_as_a_clerk_makes_it():
	rows = [
		["2026年第一季度预警指数统计表", None, None, None],
		[None, None, None, None],
		["单位", "信访举报", "效能投诉", "涉腐网络舆情"],
		[" 甲镇 ", 3, 1.0, None],
		["乙镇", "2", "0", "1"],
		["合计", 5, 1, 1],
		["注：数据来源于信访室", None, None, None],
	]
	sheet = read_unit_sheet(rows, INDEX_COLUMNS, ["甲镇", "乙镇"])
	assert not sheet.problems
	assert sheet.rows == [
		{"unit": "甲镇", "row": 4, "petitions": 3, "efficiency_complaints": 1, "online_opinion": 0},
		{"unit": "乙镇", "row": 5, "petitions": 2, "efficiency_complaints": 0, "online_opinion": 1},
	]


def test_sheet_names_unknown_units_and_bad_numbers_by_row():
	rows = [["单位", "信访举报", "效能投诉", "涉腐网络舆情"], ["丙镇", 1, 1, 1], ["甲镇", -1, "x", 1.5], ["甲镇", 1, 1, 1]]
	sheet = read_unit_sheet(rows, INDEX_COLUMNS, ["甲镇"])
	messages = [p.render() for p in sheet.problems]
	assert "Row 2: unit 丙镇 is not known." in messages
	assert any(m.startswith("Row 3: 信访举报") for m in messages)
	assert any(m.startswith("Row 3: 效能投诉") for m in messages)
	assert any(m.startswith("Row 3: 涉腐网络舆情") for m in messages)


def test_sheet_without_header_is_refused():
	sheet = read_unit_sheet([["名称", "数"]], INDEX_COLUMNS, ["甲镇"])
	assert sheet.problems and not sheet.rows


def test_score_columns_take_decimals_and_must_be_filled():
	columns = {"unit": ("单位",), "responses": ("有效票数",), "score": ("满意度",)}
	sheet = read_unit_sheet([["单位", "有效票数", "满意度"], ["甲镇", 100, 87.5], ["乙镇", 50, None]], columns, ["甲镇", "乙镇"])
	assert sheet.rows == [{"unit": "甲镇", "row": 2, "responses": 100, "score": 87.5}]
	assert sheet.problems[0].values[0] == 3


def test_quarters_are_one_to_four():
	assert not quarter_violations(4)
	assert quarter_violations(0) and quarter_violations(5)
