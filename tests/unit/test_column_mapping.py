"""The column-mapping step of the clerks' sheet imports (sanshu_app/rules/column_mapping.py) and
the paper-ballot sheets it opens: 序号/测评对象/测评等次/备注 and 票号/被评议人/评议结果."""

import pytest

from sanshu_app.rules.column_mapping import (
	Field,
	check_mapping,
	column_letter,
	find_layout,
	guess_header_row,
	layout_signature,
	normalise_heading,
	project,
	sheet_overview,
)
from sanshu_app.rules.meeting import ballot_fields, mapped_meeting_sheets, read_meeting_workbook
from sanshu_app.rules.messages import RuleError

SCALE = ["好", "较好", "一般", "差"]
REPORTERS = {"张三": "EV-1", "李四": "EV-2", "王小五": "EV-3"}


def assessment_sheet():
	"""A real 民主测评 sheet: a title, a note, 序号/测评对象/测评等次/备注, padded names, a section row, the
	heading repeated on page 2, a totals row."""
	return [
		(
			"测评表",
			[
				("2026年度述职述责述廉民主测评汇总", None, None, None),
				("填表说明：每张测评票每人一行", None, None, None),
				("序号", "测评 对象", "测评等次：", "备注"),
				(1, "张　三 ", "好", None),
				(2, " 李四", "较好", "迟到"),
				("乡镇组", None, None, None),
				(3, "王小五", "一 般", None),
				("序号", "测评对象", "测评等次", "备注"),
				(4, "张三", "差", None),
				("合计", None, "=COUNTA(C4:C9)", None),
			],
		)
	]


def ballot_number_sheet():
	return [("Sheet1", [("票号", "被评议人", "评议结果"), (1, "张三", "好"), (1, "李　四", "一般"), (2, "张三", "较好")])]


ASSESSMENT_MAPPING = {"sheet": "测评表", "header_row": 3, "columns": {"0": "ignore", "1": "name", "2": "choice", "3": "ignore"}}


def test_headings_compare_without_spaces_colons_or_width():
	assert normalise_heading(" 测评 对象： ") == "测评对象" == normalise_heading("测评对象")
	assert normalise_heading("Ｎａｍｅ*") == "name"
	assert [column_letter(i) for i in (0, 25, 26)] == ["A", "Z", "AA"]


def test_a_layout_signature_is_the_sheet_and_its_normalised_headings():
	one = layout_signature("paper-ballots", "测评表", ("序号", "测评 对象", "测评等次：", "备注", None))
	assert one == layout_signature("paper-ballots", "测评表", ("序号", "测评对象", "测评等次", "备注"))
	assert one != layout_signature("paper-ballots", "Sheet1", ("序号", "测评对象", "测评等次", "备注"))
	assert one != layout_signature("work-plan", "测评表", ("序号", "测评对象", "测评等次", "备注"))
	assert one != layout_signature("paper-ballots", "测评表", ("序号", "测评等次", "测评对象", "备注"))


def test_the_heading_row_is_found_under_titles_and_remembered_layouts_are_found():
	rows = assessment_sheet()[0][1]
	assert guess_header_row(rows) == 2
	signature = layout_signature("paper-ballots", "测评表", rows[2])
	assert find_layout(assessment_sheet(), "paper-ballots", {signature}) == ("测评表", 2, signature)
	assert find_layout(assessment_sheet(), "paper-ballots", {"other"}) is None


def test_the_overview_shows_the_columns_with_samples_and_guesses():
	(sheet,) = sheet_overview(assessment_sheet(), "paper-ballots", ballot_fields(), SCALE)
	assert sheet["header_row"] == 3
	assert sheet["rows"][2] == ["序号", "测评 对象", "测评等次：", "备注"]
	assert sheet["rows"][3] == ["1", "张　三", "好", ""]
	assert sheet["roles"] == {"0": "number", "1": "name", "2": "choice", "3": "ignore"}
	(ticks,) = sheet_overview([("S", [("票号", "姓名", *SCALE)])], "paper-ballots", ballot_fields(), SCALE)
	assert ticks["roles"] == {"0": "number", "1": "name", "2": "tick:好", "3": "tick:较好", "4": "tick:一般", "5": "tick:差"}


def test_the_assessment_sheet_counts_after_mapping_each_row_for_its_person():
	checked, sheets = mapped_meeting_sheets(assessment_sheet(), ASSESSMENT_MAPPING, SCALE)
	counts, rows = read_meeting_workbook(sheets, REPORTERS, SCALE)
	assert counts == {
		"EV-1": {"好": 1, "较好": 0, "一般": 0, "差": 1},
		"EV-2": {"好": 0, "较好": 1, "一般": 0, "差": 0},
		"EV-3": {"好": 0, "较好": 0, "一般": 1, "差": 0},
	}
	assert [(r["row"], r["kind"], r["key"], r["option"]) for r in rows] == [
		(4, "ballot", "EV-1", "好"),
		(5, "ballot", "EV-2", "较好"),
		(6, "title", None, None),
		(7, "ballot", "EV-3", "一般"),
		(9, "ballot", "EV-1", "差"),
		(10, "total", None, None),
	]
	assert checked.signature == layout_signature("paper-ballots", "测评表", ("序号", "测评对象", "测评等次", "备注"))


def test_the_ballot_number_sheet_counts_after_mapping():
	mapping = {"sheet": "Sheet1", "header_row": 1, "columns": {"0": "number", "1": "name", "2": "choice"}}
	_checked, sheets = mapped_meeting_sheets(ballot_number_sheet(), mapping, SCALE)
	counts, _rows = read_meeting_workbook(sheets, REPORTERS, SCALE)
	assert counts["EV-1"] == {"好": 1, "较好": 1, "一般": 0, "差": 0} and counts["EV-2"]["一般"] == 1


def test_tick_columns_named_by_the_clerk_count_ticks():
	rows = [("表",), ("编号", "姓名", "A", "B", "C", "D"), (1, "张三", "√", None, None, None), (2, "李四", None, None, "✓", None), (3, "王小五", None, 1, None, None)]
	mapping = {"sheet": "S", "header_row": 2, "columns": {"1": "name", "2": "tick:好", "3": "tick:较好", "4": "tick:一般", "5": "tick:差"}}
	_checked, sheets = mapped_meeting_sheets([("S", rows)], mapping, SCALE)
	counts, _rows = read_meeting_workbook(sheets, REPORTERS, SCALE)
	assert (counts["EV-1"]["好"], counts["EV-2"]["一般"], counts["EV-3"]["较好"]) == (1, 1, 1)


@pytest.mark.parametrize(
	"columns, template",
	[
		({"1": "choice", "2": "choice"}, "Columns {0} and {1} are both given as {2}: give each field one column."),
		({"2": "choice"}, "Say which column holds {0}."),
		({"1": "name"}, "Say which column holds the choice ({0}), or which columns are ticks for which option."),
		({"1": "name", "2": "choice", "3": "tick:好"}, "Give either one choice column or tick columns, not both."),
		({"1": "name", "2": "tick:优秀"}, "Column {0}: {1} is not an option of the rating scale."),
		({"1": "name", "9": "choice"}, "Sheet {0} has no column {1}."),
		({"1": "name", "2": "salary"}, "Column {0}: {1} is not a field of this import."),
	],
)
def test_a_bad_mapping_is_refused_with_its_reason(columns, template):
	checked, problems = mapped_meeting_sheets(assessment_sheet(), {"sheet": "测评表", "header_row": 3, "columns": columns}, SCALE)
	assert checked is None and template in [p.template for p in problems]


def test_a_mapping_to_a_missing_sheet_or_row_is_refused():
	assert check_mapping({"sheet": "无此表", "header_row": 1, "columns": {}}, assessment_sheet(), "k", ballot_fields())[1][0].template == "The workbook has no sheet {0}."
	assert check_mapping({"sheet": "测评表", "header_row": 99, "columns": {}}, assessment_sheet(), "k", ballot_fields())[1][0].values == ("测评表", 99)


def test_a_wrong_mapping_never_counts_a_row_for_the_wrong_person():
	# the choice column given as the person: every row is refused, nothing counted
	swapped = {"sheet": "测评表", "header_row": 3, "columns": {"1": "choice", "2": "name"}}
	_checked, sheets = mapped_meeting_sheets(assessment_sheet(), swapped, SCALE)
	with pytest.raises(RuleError) as caught:
		read_meeting_workbook(sheets, REPORTERS, SCALE)
	assert caught.value.violations[0].template == "Sheet {0}, row {1}: {2} does not report at this meeting."
	# an empty column given as the person: a choice without a person is refused, not skipped
	empty = {"sheet": "测评表", "header_row": 3, "columns": {"3": "name", "2": "choice"}}
	_checked, sheets = mapped_meeting_sheets(assessment_sheet(), empty, SCALE)
	with pytest.raises(RuleError) as caught:
		read_meeting_workbook(sheets, REPORTERS, SCALE)
	assert "Sheet {0}, row {1}: a choice is given but no person is named." in [v.template for v in caught.value.violations]
	# two reporters of one name: their rows are refused
	with pytest.raises(RuleError) as caught:
		read_meeting_workbook(mapped_meeting_sheets(ballot_number_sheet(), {"sheet": "Sheet1", "header_row": 1, "columns": {"1": "name", "2": "choice"}}, SCALE)[1], REPORTERS, SCALE, ambiguous={"张三"})
	assert caught.value.violations[0].values == ("Sheet1", 2, "张三")


def test_project_keeps_row_numbers_or_reorders_columns():
	rows = [("标题",), ("x", "姓名", "单位"), (1, "张三", "甲镇"), ("x", "姓名", "单位")]
	assert project(rows, 1, {1: "姓名"}) == [[None, None, None], [None, "姓名", None], [None, "张三", None], [None, None, None]]
	assert project(rows, 1, {1: "姓名", 2: "单位"}, order=["单位", "职务", "姓名"]) == [["单位", "职务", "姓名"], ["甲镇", None, "张三"], [None, None, None]]


def test_fields_guess_from_hints():
	fields = (Field("full_name", "姓名", True, ("名字",)), Field("unit", "单位", True, ("工作单位", "单位")))
	from sanshu_app.rules.column_mapping import guess_roles

	assert guess_roles(("序号", "干部名字", "现工作单位"), fields) == {0: "ignore", 1: "full_name", 2: "unit"}


def test_one_evaluations_sheet_of_other_headings_reads_after_mapping_naming_its_rows():
	from sanshu_app.rules.evaluation import ballot_sheet_known, mapped_ballot_sheet, parse_ballot_sheet

	rows = [("张三民主测评票统计",), ("票号", "测评对象", "测评等次", "备注"), (1, "张　三", "好", None), (2, "张三", "一般", "迟到"), (3, "李四", "好", None)]
	assert not ballot_sheet_known(rows)
	mapping = {"sheet": "S", "header_row": 2, "columns": {"0": "number", "1": "name", "2": "choice", "3": "ignore"}}
	projected, first_row, _checked = mapped_ballot_sheet([("S", rows)], mapping)
	assert projected[0] == ["序号", "评价", "被评议人"]
	with pytest.raises(RuleError) as caught:
		parse_ballot_sheet(projected, SCALE, "张三", first_row)
	assert [(v.template, v.values) for v in caught.value.violations] == [("Row {0}: the ballot is for {1}, not for {2}.", (5, "李四", "张三"))]
	assert parse_ballot_sheet(projected[:-1], SCALE, "张三", first_row) == {"好": 1, "较好": 0, "一般": 1, "差": 0}
	assert mapped_ballot_sheet([("S", rows)], {"sheet": "S", "header_row": 2, "columns": {"1": "name", "2": "choice"}})[2][0].template == "Say which column holds {0}."
