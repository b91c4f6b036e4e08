"""Meeting day rules: ballot codes, phone ballots, the draw, the clerk's paper workbook, results."""

import pytest

from sanshu_app.rules.meeting import (
	CODE_ALPHABET,
	bare_name,
	draw,
	format_code,
	hash_code,
	new_code,
	normalize_code,
	parse_meeting_workbook,
	phone_aspect_violations,
	phone_ballot_violations,
	rank,
	weighted_shares,
)
from sanshu_app.rules.messages import RuleError

SCALE = ["好", "较好", "一般", "差"]
REPORTERS = {"张三": "EV-1", "李四": "EV-2", "王小五": "EV-3"}


def test_codes_are_65_bits_typed_forgivingly_and_stored_as_hashes():
	code = new_code()
	assert len(code) == 13 and set(code) <= set(CODE_ALPHABET)  # 13 x 5 bits
	assert len({new_code() for _ in range(200)}) == 200
	printed = format_code(code)
	assert printed.count("-") == 2 and printed.replace("-", "") == code
	assert normalize_code(" " + printed.lower() + " ") == code
	assert normalize_code("O" + code[1:]) == normalize_code("0" + code[1:])
	assert normalize_code("ABC") == "" and normalize_code(code + "X") == ""
	assert hash_code(printed.lower(), "salt") == hash_code(code, "salt") != hash_code(code, "other salt")
	assert code not in hash_code(code, "salt")


def test_a_phone_ballot_rates_every_reporter_on_the_scale():
	full = {"EV-1": "好", "EV-2": "一般", "EV-3": "差"}
	assert phone_ballot_violations(full, REPORTERS.values(), SCALE, abstain_allowed=False) == []
	partial = {"EV-1": "好", "EV-2": ""}
	assert [v.template for v in phone_ballot_violations(partial, REPORTERS.values(), SCALE, False)] == [
		"Rate every reporter: the ballot is counted only when it is complete."
	]
	assert phone_ballot_violations(partial, REPORTERS.values(), SCALE, abstain_allowed=True) == []
	assert phone_ballot_violations({**full, "EV-9": "好"}, REPORTERS.values(), SCALE, False)[0].template.startswith("The ballot names")
	assert phone_ballot_violations({**full, "EV-1": "优"}, REPORTERS.values(), SCALE, False)[0].values == ("优",)


def test_the_draw_is_reproducible_from_its_seed():
	people = [f"C{i}" for i in range(20)]
	first = draw(people, 5, "seed-1")
	assert first == draw(list(reversed(people)), 5, "seed-1")  # the list's order does not matter
	assert len(set(first)) == 5 and set(first) <= set(people)
	assert draw(people, 5, "seed-2") != first
	with pytest.raises(RuleError):
		draw(people, 21, "seed")


def test_a_draw_with_no_one_left_says_so_not_between_1_and_0():
	with pytest.raises(RuleError) as error:
		draw([], 1, "seed")
	assert [v.template for v in error.value.violations] == ["Every cadre of the campaign is already a reporter of this meeting: no one is left to draw."]


def clerk_workbook():
	"""As a county clerk made it: a cover sheet, then a title, a note, ticks, padded names, a blank line, totals."""
	cover = [("2026年度述职述责述廉会议",), ("党廉办制",)]
	data = [
		("2026年度述职述责述廉民主测评统计表", None, None, None, None, None, None),
		("说明：在所选评价下打√", None, None, None, None, None, None),
		("票号", "被评议人", "单位", "好", "较好", "一般", "差"),
		(1, "张　三", "城关镇", "√", None, None, None),
		(1, "李四 ", "城关镇", None, "✓", None, None),
		(1, "王小五", "水利局", None, None, "○", None),
		(None, None, None, None, None, None, None),
		(2, "张三", "城关镇", 1, None, None, None),
		(2, "李　四", "城关镇", None, None, None, "✔"),
		(2.0, "王小五", "水利局", "√", None, None, None),
		("合计", None, None, "=COUNTA(D4:D10)", "=COUNTA(E4:E10)", None, None),
		(None, None, None, "=COUNTA(D4:D10)", None, None, None),
	]
	return [("封面", cover), ("测评票", data)]


def test_the_clerks_workbook_counts_each_row_for_the_cadre_it_names():
	counts = parse_meeting_workbook(clerk_workbook(), REPORTERS, SCALE)
	assert counts == {
		"EV-1": {"好": 2, "较好": 0, "一般": 0, "差": 0},
		"EV-2": {"好": 0, "较好": 1, "一般": 0, "差": 1},
		"EV-3": {"好": 1, "较好": 0, "一般": 1, "差": 0},
	}


def test_a_choice_column_works_too():
	rows = [("被评议人", "评价"), ("张三", "好"), ("王　小　五", " 一般 ")]
	counts = parse_meeting_workbook([("Sheet1", rows)], REPORTERS, SCALE)
	assert counts["EV-1"]["好"] == 1 and counts["EV-3"]["一般"] == 1 and sum(counts["EV-2"].values()) == 0


@pytest.mark.parametrize(
	"bad_row, message",
	[
		((3, "赵六", "城关镇", "√", None, None, None), ("Sheet {0}, row {1}: {2} does not report at this meeting.", ("测评票", 13, "赵六"))),
		((3, "张三", "城关镇", "√", "√", None, None), ("Sheet {0}, row {1}: tick exactly one option ({2} ticked).", ("测评票", 13, 2))),
		((3, "张三", "城关镇", None, None, None, None), ("Sheet {0}, row {1}: tick exactly one option ({2} ticked).", ("测评票", 13, 0))),
		((3, "张三", "城关镇", "优", None, None, None), ("Sheet {0}, row {1}: {2} is not a tick.", ("测评票", 13, "优"))),
		(
			(1, "张三", "城关镇", "√", None, None, None),
			("Sheet {0}, row {1}: ballot {2} for {3} was already counted in sheet {4}, row {5}.", ("测评票", 13, "1", "张三", "测评票", 4)),
		),
	],
)
def test_a_bad_row_refuses_the_whole_workbook_naming_sheet_and_row(bad_row, message):
	sheets = clerk_workbook()
	sheets[1][1].append(bad_row)
	with pytest.raises(RuleError) as caught:
		parse_meeting_workbook(sheets, REPORTERS, SCALE)
	assert [(v.template, v.values) for v in caught.value.violations] == [message]


def test_an_option_off_the_scale_and_a_workbook_without_a_heading_are_refused():
	with pytest.raises(RuleError) as caught:
		parse_meeting_workbook([("S", [("被评议人", "评价"), ("张三", "优秀")])], REPORTERS, SCALE)
	assert caught.value.violations[0].values == ("S", 2, "优秀")
	with pytest.raises(RuleError) as caught:
		parse_meeting_workbook([("S", [("序号", "评价"), (1, "好")])], REPORTERS, SCALE)
	assert caught.value.violations[0].template.startswith("No sheet")


def test_names_compare_without_any_spaces():
	assert bare_name("　张　三 ") == "张三"


def test_weighted_shares_and_rank():
	groups = {"纪委委员": {"好": 4, "差": 0}, "服务对象": {"好": 1, "差": 1}}
	shares = weighted_shares(groups, {"纪委委员": 40, "服务对象": 60}, ["好", "差"])
	assert shares == pytest.approx({"好": 0.4 + 0.3, "差": 0.3})
	ranked = rank(
		[{"who": "a", "shares": {"好": 0.5}}, {"who": "b", "shares": {"好": 0.9}}, {"who": "c", "shares": {"好": 0.5}}], ["好"]
	)
	assert [(r["who"], r["rank"]) for r in ranked] == [("b", 1), ("a", 2), ("c", 2)]


def test_weighted_tally_rates_like_the_weighted_shares():
	from fractions import Fraction

	from sanshu_app.rules.meeting import group_weight_violations, weighted_tally

	groups = {"纪委委员": {"好": 4, "差": 0}, "服务对象": {"好": 1, "差": 2}}
	tally = weighted_tally(groups, {"纪委委员": 40, "服务对象": 60}, ["好", "差"])
	assert all(isinstance(n, int) for n in tally.values())
	total = sum(tally.values())
	assert Fraction(tally["好"], total) == Fraction(40, 100) + Fraction(60, 100) * Fraction(1, 3)
	with pytest.raises(RuleError) as caught:
		weighted_tally({**groups, "纸质": {"好": 1}}, {"纪委委员": 40, "服务对象": 60}, ["好", "差"])
	assert caught.value.violations[0].values == ("纸质",)
	assert group_weight_violations([]) == []
	assert group_weight_violations([("a", 40), ("b", 60)]) == []
	assert [v.template for v in group_weight_violations([("a", 40), ("b", 50)])] == ["The group weights add up to {0}%, not 100%."]
	assert [v.template for v in group_weight_violations([("a", 50), ("a", 50)])] == ["Group {0} is weighted twice."]
	assert [v.template for v in group_weight_violations([("a", 0), ("b", 100)])] == ["Every group weight must be above zero."]


def test_a_phone_ballot_rates_every_aspect_of_every_rated_reporter():
	reporters = {"r1": ("周一", ["述责", "述廉", "述德"]), "r2": ("吴二", ["述责", "述廉", "述德"])}
	full = {key: {"述责": "好", "述廉": "较好", "述德": "差"} for key in reporters}
	overall = {"r1": "好", "r2": "一般"}
	assert phone_aspect_violations(full, reporters, overall, SCALE, abstain_allowed=False) == []
	missing = {"r1": full["r1"], "r2": {"述责": "好", "述廉": "好"}}
	problems = phone_aspect_violations(missing, reporters, overall, SCALE, False)
	assert [(v.template, v.values) for v in problems] == [("{0}: rate the aspect {1} too: each aspect is rated on its own.", ("吴二", "述德"))]
	off_scale = {"r1": full["r1"], "r2": {"述责": "好", "述廉": "优", "述德": "好"}}
	assert [v.values for v in phone_aspect_violations(off_scale, reporters, overall, SCALE, False)] == [("优",)]
	unknown = {"r1": {**full["r1"], "述能": "好"}, "r2": full["r2"]}
	assert [v.values for v in phone_aspect_violations(unknown, reporters, overall, SCALE, False)] == [("述能",)]
	assert phone_aspect_violations({**full, "r9": {}}, reporters, overall, SCALE, False)[0].template.startswith("The ballot names")
	# a reporter wholly unrated abstains where allowed; rated overall, every aspect is still owed
	assert phone_aspect_violations({"r1": full["r1"]}, reporters, {"r1": "好"}, SCALE, abstain_allowed=True) == []
	assert len(phone_aspect_violations({"r1": full["r1"]}, reporters, {"r1": "好"}, SCALE, abstain_allowed=False)) == 3
	assert len(phone_aspect_violations({"r1": full["r1"]}, reporters, overall, SCALE, abstain_allowed=True)) == 3
	# no aspects listed: nothing owed, and none may be sent
	plain = {"r1": ("周一", []), "r2": ("吴二", [])}
	assert phone_aspect_violations({}, plain, overall, SCALE, False) == []
	assert [v.values for v in phone_aspect_violations({"r1": {"述责": "好"}}, plain, overall, SCALE, False)] == [("述责",)]
