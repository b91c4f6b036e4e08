"""A unit's year-end report, 责任分解 and 自查报告: sections, due days, self-score, late and missing."""

from datetime import date, datetime

from sanshu_app.rules import unit_reports as r


def test_sections_and_due_days_default_to_the_seeds():
	assert r.sections_from("") == list(r.DEFAULT_SECTIONS)
	assert r.sections_from("一、主要做法\n\n二、存在问题\n") == ["一、主要做法", "二、存在问题"]
	assert r.due_date(2026, "", r.YEAR_END) == date(2026, 12, 31)
	assert r.due_date(2026, None, r.SELF_INSPECTION) == date(2026, 9, 20)
	assert r.due_date(2026, "1-15", r.YEAR_END) == date(2026, 1, 15)
	assert r.due_date(2026, "2-30", r.YEAR_END) == date(2026, 2, 28)
	assert r.check_due_text("12-31") == []
	assert r.check_due_text("13-01")[0].render().startswith("A due day is written month-day")


def test_self_score_and_unwritten_sections():
	assert r.check_self_score(92.5, 100) == []
	assert r.check_self_score(None, 100)
	assert r.check_self_score(101, 100)[0].render() == "The self-score is between 0 and 100."
	assert r.unwritten_sections([("一", "已写"), ("二", " "), ("三", None)]) == ["二", "三"]


def test_late_and_missing_come_first():
	due = date(2026, 12, 31)
	reports = {
		"乙镇": {"name": "R2", "status": r.SUBMITTED, "submitted_on": datetime(2027, 1, 5, 9, 0)},
		"丙镇": {"name": "R3", "status": r.UNDER_REVIEW, "submitted_on": None},
		"丁镇": {"name": "R4", "status": r.RECEIVED, "submitted_on": date(2026, 12, 30)},
	}
	rows = r.standing(["甲镇", "乙镇", "丙镇", "丁镇"], reports, due, date(2027, 1, 10))
	assert [(x.unit, x.status) for x in rows] == [("甲镇", "Missing"), ("丙镇", "Overdue"), ("乙镇", "Late"), ("丁镇", "On Time")]
	early = r.standing(["甲镇"], {}, due, date(2026, 12, 1))
	assert early[0].status == "Not Due"
	assert r.is_late(due, datetime(2027, 1, 1, 0, 1)) and not r.is_late(due, date(2026, 12, 31))
