import pytest

from sanshu_app.rules.document_numbers import check_pattern, format_number, sequence_key
from sanshu_app.rules.messages import RuleError


def test_the_office_pattern_gives_the_usual_number():
	assert format_number("高新廉责〔{year}〕{number}号", 2026, 1) == "高新廉责〔2026〕1号"
	assert format_number("高新廉责〔{year}〕{number}号", 2026, 12) == "高新廉责〔2026〕12号"


def test_padding_is_asked_for_in_the_pattern():
	assert format_number("阳党廉发〔{year}〕{number:03}号", 2015, 7) == "阳党廉发〔2015〕007号"
	assert format_number("阳党廉发〔{year}〕{number:3}号", 2015, 1234) == "阳党廉发〔2015〕1234号"


def test_year_may_come_anywhere():
	assert format_number("{year}年第{number}号廉政告知", 2026, 3) == "2026年第3号廉政告知"


def test_each_year_has_its_own_sequence_and_patterns_their_own():
	a26 = sequence_key("廉责〔{year}〕{number}号", 2026)
	a27 = sequence_key("廉责〔{year}〕{number}号", 2027)
	b26 = sequence_key("廉诺〔{year}〕{number}号", 2026)
	assert len({a26, a27, b26}) == 3
	assert a26 == "廉责〔2026〕{number}号"
	# padding does not change which numbers are taken
	assert sequence_key("廉责〔{year}〕{number:03}号", 2026) == a26
	# surrounding blanks typed by a clerk do not start a second sequence
	assert sequence_key("  廉责〔{year}〕{number}号 ", "2026") == a26


@pytest.mark.parametrize(
	"pattern, message",
	[
		("", "cannot be empty"),
		("廉责〔2026〕号", "{number} exactly once"),
		("廉责〔{year}〕{number}-{number}号", "{number} exactly once"),
		("廉责{number}号", "{year} exactly once"),
		("廉责〔{year}〕{num}号", "unknown placeholder {num}"),
		("廉责〔{年}〕{number}号", "unknown placeholder {年}"),
		("廉责〔{year}〕{number}号}", "unmatched brace"),
		("廉" * 61 + "{year}{number}", "longer than 60"),
	],
)
def test_bad_patterns_are_refused_with_the_reason(pattern, message):
	problems = check_pattern(pattern)
	assert problems
	assert any(message in p.render() for p in problems)
	with pytest.raises(RuleError):
		format_number(pattern, 2026, 1)


def test_good_pattern_has_no_problems():
	assert check_pattern("中纪〔{year}〕{number:02}号") == []


@pytest.mark.parametrize("year", [None, "", "明年", 99])
def test_a_number_needs_a_real_year(year):
	with pytest.raises(RuleError):
		format_number("廉责〔{year}〕{number}号", year, 1)


def test_sequence_numbers_start_at_one():
	with pytest.raises(RuleError):
		format_number("廉责〔{year}〕{number}号", 2026, 0)
