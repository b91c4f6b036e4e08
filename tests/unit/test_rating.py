from fractions import Fraction

import pytest

from sanshu_app.rules.messages import RuleError
from sanshu_app.rules.rating import Threshold, check_thresholds, parse_options, rate

# Seed 000 (三述 on-site rating). Precedence: the most severe finding first, so that a cadre with
# 40% dissatisfied is never called 基本满意 just because the other 60% were satisfied.
ONSITE_SCALE = ["满意", "基本满意", "不满意"]
ONSITE = [
	Threshold("不满意", ("不满意",), 40, ">=", ("accountability",)),
	Threshold("满意", ("满意",), 80),
	Threshold("基本满意", ("满意", "基本满意"), 60),
]
# Seed 003 (democratic assessment): 较差 >30% referred; 较差 >=20% admonished and rectified.
DEMOCRATIC_SCALE = ["好", "较好", "一般", "较差"]
DEMOCRATIC = [
	Threshold("移送处理", ("较差",), 30, ">", ("referral", "talk", "rectification")),
	Threshold("诫勉整改", ("较差",), 20, ">=", ("talk", "rectification")),
]


def onsite(satisfied, basic, dissatisfied):
	return rate({"满意": satisfied, "基本满意": basic, "不满意": dissatisfied}, ONSITE_SCALE, ONSITE, "待定").outcome


def democratic(good, fair, average, poor):
	return rate({"好": good, "较好": fair, "一般": average, "较差": poor}, DEMOCRATIC_SCALE, DEMOCRATIC, "正常").outcome


def test_onsite_80_percent_boundary_is_inclusive():
	assert onsite(80, 20, 0) == "满意"
	assert onsite(4, 1, 0) == "满意"  # exactly 4/5
	assert onsite(79, 21, 0) == "基本满意"


def test_onsite_60_percent_boundary():
	assert onsite(30, 30, 40) == "不满意"  # 40% dissatisfied is tried before 60% basic
	assert onsite(30, 31, 39) == "基本满意"
	assert onsite(3, 0, 2) == "不满意"  # 40% of five ballots exactly


def test_onsite_40_percent_boundary_and_fallback():
	assert onsite(61, 0, 39) == "基本满意"
	assert onsite(0, 0, 1) == "不满意"
	# 59% satisfied-or-basic with 39% dissatisfied and 2% blank: nothing holds, the fallback applies,
	# and it is no band the tally did not reach (待定: the office decides).
	result = rate({"满意": 30, "基本满意": 29, "不满意": 39, "弃权": 2}, ONSITE_SCALE + ["弃权"], ONSITE, "待定", fallback_pending=True)
	assert result.outcome == "待定" and result.threshold is None and result.pending


def test_democratic_20_and_30_percent_boundaries():
	assert democratic(50, 20, 11, 19) == "正常"
	assert democratic(50, 20, 10, 20) == "诫勉整改"  # exactly 20% -> admonish
	assert democratic(40, 20, 10, 30) == "诫勉整改"  # exactly 30% is not "over 30%"
	assert democratic(40, 20, 9, 31) == "移送处理"
	assert democratic(7, 0, 0, 3) == "诫勉整改"  # 3 of 10
	assert democratic(2, 0, 0, 1) == "移送处理"  # 1 of 3 is over 30%


def test_consequences_come_with_the_threshold():
	r = rate({"好": 1, "较好": 0, "一般": 0, "较差": 1}, DEMOCRATIC_SCALE, DEMOCRATIC, "正常")
	assert r.consequences == ("referral", "talk", "rectification")
	assert r.shares["较差"] == Fraction(1, 2)


def test_empty_and_single_ballot_tallies():
	empty = rate({}, ONSITE_SCALE, ONSITE, "不满意")
	assert empty.outcome is None and empty.total == 0
	assert onsite(1, 0, 0) == "满意"
	assert onsite(0, 1, 0) == "基本满意"


def test_bad_tallies_are_refused():
	with pytest.raises(RuleError) as err:
		rate({"满意": 1, "很好": 2}, ONSITE_SCALE, ONSITE, "不满意")
	assert "很好" in str(err.value)
	with pytest.raises(RuleError):
		rate({"满意": -1}, ONSITE_SCALE, ONSITE, "不满意")


def test_shipped_thresholds_are_coherent():
	assert check_thresholds(ONSITE_SCALE, ONSITE, "不满意") == []
	assert check_thresholds(DEMOCRATIC_SCALE, DEMOCRATIC, "正常") == []


def test_unreachable_threshold_is_incoherent():
	shadowed = [Threshold("基本满意", ("满意",), 60), Threshold("满意", ("满意",), 80)]
	problems = check_thresholds(ONSITE_SCALE, shadowed, "不满意")
	assert [p.values for p in problems] == [(2, 1)]
	# Same bar but ">" tried after ">=" can never fire either.
	assert check_thresholds(DEMOCRATIC_SCALE, [Threshold("a", ("较差",), 20), Threshold("b", ("较差",), 20, ">")], "x")
	# ">" first then ">=" at the same bar can still fire (exactly 20%).
	assert check_thresholds(DEMOCRATIC_SCALE, [Threshold("a", ("较差",), 20, ">"), Threshold("b", ("较差",), 20)], "x") == []


def test_other_incoherent_rule_sets():
	problems = check_thresholds(["好", "好"], [Threshold("", ("差",), 120, "=")], None)
	templates = " | ".join(p.template for p in problems)
	for words in ("option twice", "outcome is missing", "not on the rating scale", ">= or >", "between 0 and 100", "no threshold is met"):
		assert words in templates


def test_parse_options_accepts_chinese_separators():
	assert parse_options("满意、基本满意") == ("满意", "基本满意")
	assert parse_options("好，较好\n一般") == ("好", "较好", "一般")


# -- abstentions and the gap (issue 19) ----------------------------------------------------------
def test_abstentions_out_of_the_denominator_by_default():
	tally = {"满意": 50, "基本满意": 0, "不满意": 35}
	result = rate(tally, ONSITE_SCALE, ONSITE, "待定", abstentions=15)
	# 35 of the 85 who rated (41%) are dissatisfied: the 40% band holds
	assert (result.total, result.outcome, result.abstentions) == (85, "不满意", 0)

def test_abstentions_in_the_denominator_open_the_gap_and_the_fallback_is_pending():
	tally = {"满意": 50, "基本满意": 0, "不满意": 35}
	# 50 + 0 of 100 is below 60%, 35 of 100 below 40%: no band holds
	result = rate(tally, ONSITE_SCALE, ONSITE, "待定", abstentions=15, count_abstentions=True, fallback_pending=True)
	assert (result.total, result.outcome, result.threshold, result.pending) == (100, "待定", None, True)
	# ten of the dissatisfied rating 基本满意 instead: 60 of 100 reach 60%, the band holds, nothing is pending
	result = rate({"满意": 50, "基本满意": 10, "不满意": 25}, ONSITE_SCALE, ONSITE, "待定", abstentions=15, count_abstentions=True, fallback_pending=True)
	assert (result.outcome, result.pending) == ("基本满意", False)


def test_the_shipped_000_fallback_is_never_a_band_the_tally_did_not_reach():
	from sanshu_app.setup.default_rule_sets import DEFAULT_RULE_SETS, ONSITE_RATING

	onsite_set = next(r for r in DEFAULT_RULE_SETS if r["rule_set_name"] == ONSITE_RATING)
	assert onsite_set["fallback_outcome"] not in ONSITE_SCALE
	assert onsite_set["fallback_needs_decision"] == 1


def test_abstentions_cannot_be_negative():
	with pytest.raises(RuleError):
		rate({"满意": 1}, ONSITE_SCALE, ONSITE, "待定", abstentions=-1, count_abstentions=True)


def test_only_abstentions_rate_nobody():
	assert rate({"满意": 0}, ONSITE_SCALE, ONSITE, "待定", abstentions=3, count_abstentions=True).outcome is None


# -- rating per aspect (000 四（二）) -----------------------------------------------------------------
def test_each_aspect_has_its_own_tally_and_outcome():
	from sanshu_app.rules.rating import rate_aspects

	ratings = rate_aspects(
		{"述责": {"满意": 4, "基本满意": 1, "不满意": 0}, "述廉": {"满意": 3, "基本满意": 0, "不满意": 2}, "述德": {"满意": 3, "基本满意": 1, "不满意": 1}},
		ONSITE_SCALE,
		ONSITE,
		"待定",
	)
	assert {a: r.outcome for a, r in ratings.items()} == {"述责": "满意", "述廉": "不满意", "述德": "基本满意"}
	assert ratings["述廉"].total == 5


def test_an_aspect_ballot_rates_every_aspect_on_the_scale():
	from sanshu_app.rules.rating import aspect_vote_violations

	aspects = ["述责", "述廉", "述德"]
	assert aspect_vote_violations(aspects, {"述责": "满意", "述廉": "满意", "述德": "不满意"}, ONSITE_SCALE) == []
	assert [p.values for p in aspect_vote_violations(aspects, {"述责": "满意", "述廉": "满意"}, ONSITE_SCALE)] == [("述德",)]
	assert [p.values for p in aspect_vote_violations(aspects, {"述责": "满意", "述廉": "好", "述德": "满意", "述职": "满意"}, ONSITE_SCALE)] == [("述职",), ("好",)]
