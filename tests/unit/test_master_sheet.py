from sanshu_app.rules.master_sheet import CADRE_HEADERS, UNIT_HEADERS, read_master_sheet


def read(units=None, cadres=None, existing_units=("县委",), users=("a@x.cn", "b@x.cn"), linked=()):
	sheets = {}
	if units is not None:
		sheets["单位"] = [UNIT_HEADERS, *units]
	if cadres is not None:
		sheets["干部"] = [CADRE_HEADERS, *cadres]
	return read_master_sheet(sheets, set(existing_units), set(users), set(linked))


def messages(result):
	return [p.render() for p in result.problems]


def test_good_workbook_orders_parents_first_and_maps_chinese_values():
	result = read(
		units=[("甲镇派出所", "基层站所", "甲镇"), ("甲镇", "乡镇", "县委"), (None, None, None)],
		cadres=[("张三", "甲镇", "党委书记", "正科级", "a@x.cn", "是", "否", None), ("李四", "甲镇派出所", "所长", None, None, None, "是", "否")],
	)
	assert messages(result) == []
	assert [u["unit_name"] for u in result.units] == ["甲镇", "甲镇派出所"]
	assert result.units[0]["unit_type"] == "Township"
	assert result.cadres[0]["rank"] == "Section Level" and result.cadres[0]["is_principal"] == 1
	assert result.cadres[1]["newly_promoted"] == 1 and result.cadres[1]["user"] is None


def test_every_bad_row_is_reported_with_its_number():
	result = read(
		units=[("县委", "乡镇", None), ("乙镇", "村", "无此单位")],
		cadres=[
			(None, "甲镇", None, None, None, None, None, None),
			("王五", "无此单位", None, "处长", "nobody@x.cn", "也许", None, None),
			("赵六", "县委", None, None, "a@x.cn", None, None, None),
			("钱七", "县委", None, None, "a@x.cn", None, None, None),
			("孙八", "县委", None, None, "b@x.cn", None, None, None),
		],
		linked=("b@x.cn",),
	)
	found = "\n".join(messages(result))
	for expected in (
		"单位, row 2: unit 县委 already exists",
		"单位, row 3: 单位类型 村 is not one of",
		"单位, row 3: parent unit 无此单位 does not exist",
		"干部, row 2: the name is missing",
		"干部, row 2: unit 甲镇 does not exist",
		"干部, row 3: unit 无此单位 does not exist",
		"干部, row 3: 职级 处长 is not one of",
		"干部, row 3: there is no user nobody@x.cn",
		"干部, row 3: 主要负责人 must be 是 or 否, not 也许",
		"干部, row 5: user a@x.cn is also given in row 4",
		"干部, row 6: user b@x.cn is already linked to a cadre",
	):
		assert expected in found, expected


def test_wrong_headers_missing_sheets_and_empty_workbooks():
	assert "first row must be the headers" in messages(read_master_sheet({"单位": [("名称",)]}, set(), set(), set()))[0]
	assert "needs a sheet named" in messages(read_master_sheet({"Sheet1": []}, set(), set(), set()))[0]
	assert messages(read(units=[], cadres=[])) == ["The workbook has no rows to import."]


def test_a_loop_among_new_units_is_refused():
	result = read(units=[("甲", "乡镇", "乙"), ("乙", "乡镇", "甲")])
	assert any("placed under itself" in m for m in messages(result))
