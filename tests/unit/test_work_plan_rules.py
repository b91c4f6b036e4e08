"""The work plan's pure rules: reading the office's sheet, periods, lagging, roll-up, letters."""

from datetime import date, datetime

from sanshu_app.rules import work_plan as wp

D = date
UNITS = {"县纪委": "县纪委", "县委组织部": "县委组织部", "甲镇": "甲镇"}
CADRES = {"张三": ["CAD-1"], "李四": ["CAD-2"], "王五": ["CAD-3", "CAD-4"]}
HEADER = ("序号", "工作任务", "责任领导", "牵头单位", "协办单位", "完成时限")


def sheet(*rows):
	return [("2026年党风廉政建设和反腐败工作任务分工",), (), HEADER, *rows]


def test_reads_the_sheet_as_clerks_make_it():
	parsed = wp.read_plan_sheet(
		sheet(
			("一、治庸", None, None, None, None, None),
			("（一）", "落实主体责任", None, None, None, None),
			(1, " 制定责任清单 ", "张三", "县纪委\u3000", "县委组织部、甲镇", "2026年6月底"),
			(2.0, "季度通报", "张三、李四", "甲镇", "", "每季度"),
			("二、执纪监督",),
			(3, "专项检查", "李四", "县委组织部", "", datetime(2026, 9, 30)),
			("注：时限为最迟完成时间",),
		),
		2026,
		UNITS,
		CADRES,
	)
	assert parsed.problems == []
	first, second, third = parsed.tasks
	assert (first.number, first.content, first.category, first.heading) == ("1", "制定责任清单", "一、治庸", "（一） 落实主体责任")
	assert (first.lead_unit, first.cooperating_units, first.deadline, first.cadence) == ("县纪委", ["县委组织部", "甲镇"], D(2026, 6, 30), wp.ONCE)
	assert (second.number, second.leaders, second.cadence, second.deadline) == ("2", ["CAD-1", "CAD-2"], wp.QUARTERLY, D(2026, 12, 31))
	assert (third.category, third.heading, third.deadline) == ("二、执纪监督", "", D(2026, 9, 30))


def test_bad_rows_are_each_named():
	parsed = wp.read_plan_sheet(
		sheet(
			(1, "甲", "赵六", "县纪委", "", "6月底"),
			(2, "乙", "张三", "", "", "6月底"),
			(3, "丙", "张三", "县纪委", "不存在局", "6月底"),
			(4, "丁", "张三", "县纪委", "", "2027年3月"),
			(5, "戊", "王五", "县纪委", "", "尽快"),
			(6, "己", "张三", "县纪委、甲镇", "", "6月底"),
		),
		2026,
		UNITS,
		CADRES,
	)
	messages = [v.render() for v in parsed.problems]
	assert "Row 4: leader 赵六 is not known." in messages
	assert "Row 5: the task has no lead unit." in messages
	assert "Row 6: unit 不存在局 is not known." in messages
	assert "Row 7: the deadline 2027-03-31 is outside the plan's year 2026." in messages
	assert any(m.startswith("Row 8: more than one cadre is called 王五") for m in messages)
	assert any(m.startswith("Row 8: the deadline 尽快") for m in messages)
	assert not any(m.startswith("Row 9") for m in messages)  # two lead units are a co-led task
	assert [t.row for t in parsed.tasks] == [9]  # only the good row is read; the caller writes nothing


def test_the_seeds_own_tables_co_lead_units_and_no_leader_column():
	"""Seed 004's table and 001 §11, §14, §17: several lead units in one cell (、，, ; or new
	lines), no 责任领导 column; an unknown unit is still refused with its row."""
	units = dict(UNITS, 区党政办公室="区党政办公室", 区综合执法局="区综合执法局", 区审计局="区审计局")
	rows = [
		("序号", "工作任务", "牵头单位", "协办单位", "完成时限"),
		(1, "整治庸懒散", "区党政办公室、区综合执法局", "甲镇", "每季度"),
		(2, "干部选拔监督", "县纪委，县委组织部", "", "年底前"),
		(3, "审计整改", "县纪委;区审计局", "县纪委", "6月底"),
		(4, "两个责任", "县纪委\n县委组织部", "", "年底前"),
		(5, "作风督查", "区党政办公室,不存在局", "", "年底前"),
	]
	parsed = wp.read_plan_sheet(rows, 2026, units, CADRES)
	assert [v.render() for v in parsed.problems] == ["Row 6: unit 不存在局 is not known."]
	parsed = wp.read_plan_sheet(rows[:-1], 2026, units, CADRES)
	assert parsed.problems == []
	first, second, third, fourth = parsed.tasks
	assert (first.lead_unit, first.lead_units, first.cooperating_units, first.leaders) == ("区党政办公室", ["区党政办公室", "区综合执法局"], ["甲镇"], [])
	assert second.lead_units == ["县纪委", "县委组织部"]
	assert (third.lead_units, third.cooperating_units) == (["县纪委", "区审计局"], [])  # a lead is not also cooperating
	assert fourth.lead_units == ["县纪委", "县委组织部"]
	wanted = wp.letters_wanted([{"name": "T1", "leaders": [], "lead_units": first.lead_units, "lead_unit": first.lead_unit, "cooperating_units": []}])
	assert wanted == {(wp.UNIT_NOTICE, "区党政办公室"): ["T1"], (wp.UNIT_NOTICE, "区综合执法局"): ["T1"]}


def test_no_header_is_refused():
	parsed = wp.read_plan_sheet([("姓名", "单位")], 2026, UNITS, CADRES)
	assert parsed.problems[0].template.startswith("No header row")


def test_deadline_texts():
	assert wp.read_deadline("6月30日前", 2026) == (D(2026, 6, 30), wp.ONCE)
	assert wp.read_deadline("年底前", 2026) == (D(2026, 12, 31), wp.ONCE)
	assert wp.read_deadline("每月", 2026) == (D(2026, 12, 31), wp.MONTHLY)
	assert wp.read_deadline("长期坚持", 2026) == (D(2026, 12, 31), wp.QUARTERLY)
	assert wp.read_deadline("2026-02-30", 2026) == (None, None)


def test_periods_follow_the_cadence_up_to_the_deadline():
	quarters = wp.report_periods(wp.QUARTERLY, 2026, D(2026, 12, 31), 5)
	assert [p.label for p in quarters] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
	assert (quarters[0].end, quarters[0].due) == (D(2026, 3, 31), D(2026, 4, 5))
	months = wp.report_periods(wp.MONTHLY, 2026, D(2026, 3, 15), 0)
	assert [(p.label, p.end) for p in months] == [("2026-01", D(2026, 1, 31)), ("2026-02", D(2026, 2, 28)), ("2026-03", D(2026, 3, 15))]
	once = wp.report_periods(wp.ONCE, 2026, D(2026, 6, 30), 3)
	assert [(p.label, p.due) for p in once] == [("2026", D(2026, 7, 3))]


def test_lagging_by_missing_report_schedule_and_deadline():
	periods = wp.report_periods(wp.QUARTERLY, 2026, D(2026, 12, 31), 5)
	start, end = D(2026, 1, 1), D(2026, 12, 31)
	q1 = wp.Report("2026-Q1", 25, "In Progress", D(2026, 3, 31))
	assert wp.lagging(periods, start, end, [q1], D(2026, 4, 20), 15) is None
	missing = wp.lagging(periods, start, end, [q1], D(2026, 7, 6), 15)
	assert (missing.kind, missing.period, missing.overdue) == ("No Report", "2026-Q2", True)
	slow = wp.Report("2026-Q2", 20, "In Progress", D(2026, 6, 30))
	behind = wp.lagging(periods, start, end, [q1, slow], D(2026, 7, 6), 15)
	assert (behind.kind, behind.overdue, behind.actual) == ("Behind Schedule", False, 20.0)
	on_track = wp.Report("2026-Q2", 40, "In Progress", D(2026, 6, 30))
	assert wp.lagging(periods, start, end, [q1, on_track], D(2026, 7, 6), 15) is None
	assert wp.lagging(periods, start, end, [q1, on_track], D(2027, 1, 10), 15).kind == "Past Deadline"
	done = wp.Report("2026-Q2", 100, "Completed", D(2026, 6, 30))
	assert wp.lagging(periods, start, end, [q1, done], D(2027, 1, 10), 15) is None


def test_expected_progress_is_the_elapsed_share():
	assert wp.expected_progress(D(2026, 1, 1), D(2026, 12, 31), D(2026, 1, 1)) == 0
	assert wp.expected_progress(D(2026, 1, 1), D(2026, 12, 31), D(2026, 7, 2)) == 50.0
	assert wp.expected_progress(D(2026, 1, 1), D(2026, 12, 31), D(2027, 1, 1)) == 100


def test_reminders_before_the_due_date_only_for_missing_reports():
	periods = wp.report_periods(wp.QUARTERLY, 2026, D(2026, 12, 31), 5)
	assert [p.label for p in wp.reminders_due(periods, set(), D(2026, 4, 1), 5)] == ["2026-Q1"]
	assert wp.reminders_due(periods, {"2026-Q1"}, D(2026, 4, 1), 5) == []
	assert wp.reminders_due(periods, set(), D(2026, 4, 6), 5) == []


def test_roll_up_keeps_the_leads_figure_and_counts_the_parts():
	lead = {"unit": "县纪委", "progress": 60, "status": "In Progress", "evidence": 2}
	parts = [{"unit": "甲镇", "progress": 40, "text": "已完成排查", "evidence": 1}, {"unit": "乙镇", "progress": 80}]
	rolled = wp.roll_up(lead, parts)
	assert (rolled["progress"], rolled["parts"], rolled["evidence"], rolled["text"]) == (60.0, 2, 3, "甲镇：已完成排查")
	assert wp.roll_up(None, parts)["progress"] == 60.0


def test_completion_and_overdue_first():
	rows = [{"status": "Completed", "deadline": D(2026, 3, 1)}, {"status": "In Progress", "overdue": True, "deadline": D(2026, 9, 1)}, {"status": "In Progress", "deadline": D(2026, 1, 1)}]
	assert wp.completion(rows) == {"total": 3, "completed": 1, "rate": 33.3, "overdue": 1}
	assert [r["deadline"] for r in wp.overdue_first(rows)] == [D(2026, 9, 1), D(2026, 1, 1), D(2026, 3, 1)]


def test_letters_per_leader_and_lead_unit_and_what_changed():
	tasks = [
		{"name": "T1", "leaders": ["L1"], "lead_unit": "U1", "cooperating_units": ["U2", "U3"]},
		{"name": "T2", "leaders": ["L1", "L2"], "lead_unit": "U2", "cooperating_units": []},
	]
	wanted = wp.letters_wanted(tasks)
	assert wanted == {
		(wp.LEADER_NOTICE, "L1"): ["T1", "T2"],
		(wp.LEADER_NOTICE, "L2"): ["T2"],
		(wp.UNIT_NOTICE, "U1"): ["T1"],
		(wp.UNIT_NOTICE, "U2"): ["T1", "T2"],
	}
	terms = {"T1": ("T1", "甲"), "T2": ("T2", "乙")}
	existing = {
		(wp.LEADER_NOTICE, "L1"): {"name": "RL-1", "frozen": False, "rows": [terms["T1"]]},
		(wp.LEADER_NOTICE, "L2"): {"name": "RL-2", "frozen": True, "rows": [terms["T2"]]},
		(wp.UNIT_NOTICE, "U9"): {"name": "RL-9", "frozen": False, "rows": [terms["T1"]]},
	}
	changes = wp.letter_changes(wanted, existing, terms)
	assert changes.update == [(wp.LEADER_NOTICE, "L1")]
	assert changes.unchanged == [(wp.LEADER_NOTICE, "L2")]
	assert changes.create == [(wp.UNIT_NOTICE, "U1"), (wp.UNIT_NOTICE, "U2")]
	assert changes.remove == [(wp.UNIT_NOTICE, "U9")]
	assert changes.problems == []
	existing[(wp.LEADER_NOTICE, "L2")]["rows"] = []
	assert "RL-2" in wp.letter_changes(wanted, existing, terms).problems[0].render()


def test_a_task_saved_on_the_form_needs_a_lead_unit_and_a_deadline_in_the_year():
	assert [v.render() for v in wp.task_violations(2026, None, D(2027, 1, 1), "Weekly", "7")] == [
		"Task 7 has no lead unit.",
		"Task 7: the deadline 2027-01-01 is outside the plan's year 2026.",
		"Task 7: the reporting cadence must be monthly, quarterly or by the deadline.",
	]
	assert wp.task_violations(2026, "县纪委", D(2026, 12, 31), wp.QUARTERLY, "7") == []
