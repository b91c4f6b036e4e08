from datetime import date

from sanshu_app.rules import accountability as acc
from sanshu_app.rules.supervision import TIES_INCLUDE_ALL, TIES_INCLUDE_NONE, TIES_OFFICE_DECIDES, bottom_with_ties


def templates(problems):
	return [p.template for p in problems]


def test_an_evaluation_rule_fires_for_its_outcome_only():
	rows = [{"trigger": acc.EVALUATION, "outcome": "不满意"}, {"trigger": acc.RECTIFICATION_OVERDUE, "outcome": ""}]
	assert acc.matching_rules(rows, acc.EVALUATION, "不满意") == [rows[0]]
	assert acc.matching_rules(rows, acc.EVALUATION, "基本满意") == []
	# a blank outcome fires for any outcome of that source
	assert acc.matching_rules(rows, acc.RECTIFICATION_OVERDUE) == [rows[1]]


def test_verification_comes_before_the_decision_when_the_rule_asks():
	assert templates(acc.transition_violations(acc.DRAFT, acc.DECIDED, needs_verification=True, measures=[("Interview", "常委会", date(2026, 1, 1))])) == [
		"The rule that fired asks for verification (核实) before any measure is decided."
	]
	assert acc.transition_violations(acc.DRAFT, acc.DECIDED, needs_verification=False, measures=[("Interview", "常委会", date(2026, 1, 1))]) == []
	assert acc.transition_violations(acc.DRAFT, acc.VERIFYING, needs_verification=True, measures=[]) == []


def test_a_verification_outcome_needs_its_finding():
	assert templates(acc.transition_violations(acc.VERIFYING, acc.VERIFIED, needs_verification=True, measures=[], finding=" ")) == [
		"Write down what the verification found."
	]
	assert acc.transition_violations(acc.VERIFYING, acc.NOT_FOUND, needs_verification=True, measures=[], finding="查无实据") == []


def test_a_decision_needs_measures_each_with_who_and_when():
	assert templates(acc.transition_violations(acc.VERIFIED, acc.DECIDED, needs_verification=True, measures=[])) == ["Record at least one measure decided."]
	problems = acc.transition_violations(acc.VERIFIED, acc.DECIDED, needs_verification=True, measures=[("Interview", "", None), ("Fine", "x", date(2026, 1, 1))])
	assert [p.values for p in problems] == [(1,), (2, "Fine")]


def test_no_state_is_skipped_or_undone():
	assert acc.transition_violations(acc.DRAFT, acc.CONCLUDED, needs_verification=False, measures=[])
	assert acc.transition_violations(acc.NOT_FOUND, acc.DECIDED, needs_verification=False, measures=[("Interview", "x", date(2026, 1, 1))])
	assert acc.transition_violations(acc.CONCLUDED, acc.DRAFT, needs_verification=False, measures=[])


def test_measures_parse_and_check():
	assert acc.parse_measures("Interview、Circulated Criticism\nAdmonishment") == ("Interview", "Circulated Criticism", "Admonishment")
	assert templates(acc.measure_violations(["Interview", "记过"])) == ["{0} is not a measure of accountability."]


# -- ties at the bottom of a ranking (a rule-set choice) ----------------------------------------
SCORES = {"甲": 60, "乙": 70, "丙": 80, "丁": 80, "戊": 90}


def test_no_tie_across_the_cut_gives_exactly_n():
	assert bottom_with_ties({"甲": 60, "乙": 70, "丙": 80, "丁": 85}, 3, TIES_OFFICE_DECIDES) == ({"甲", "乙", "丙"}, set())


def test_ties_across_the_cut_by_policy():
	assert bottom_with_ties(SCORES, 3, TIES_INCLUDE_ALL) == ({"甲", "乙", "丙", "丁"}, set())
	assert bottom_with_ties(SCORES, 3, TIES_INCLUDE_NONE) == ({"甲", "乙"}, set())
	assert bottom_with_ties(SCORES, 3, TIES_OFFICE_DECIDES) == ({"甲", "乙"}, {"丙", "丁"})
	# a tie wholly inside the bottom n is no tie across the cut
	assert bottom_with_ties({"甲": 60, "乙": 60, "丙": 70, "丁": 80}, 3, TIES_INCLUDE_NONE) == ({"甲", "乙", "丙"}, set())
