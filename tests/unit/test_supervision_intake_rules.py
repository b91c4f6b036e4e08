from datetime import date

from sanshu_app.rules.supervision_intake import (
	EFFICIENCY_COMPLAINT,
	HOTLINE_CALL,
	ONLINE_OPINION,
	PETITION,
	IntakeRecord,
	adjustment_violations,
	index_figures,
	is_over_level,
	petitioner_key,
	repeats,
)


def test_repeat_is_the_same_petitioner_on_the_same_unit_within_the_window():
	key = petitioner_key("张 三", "139 0000")
	records = [
		IntakeRecord("A", PETITION, "u1", date(2026, 1, 5), key),
		IntakeRecord("B", PETITION, "u1", date(2026, 3, 1), petitioner_key("张三", "1390000")),
		IntakeRecord("C", PETITION, "u2", date(2026, 3, 2), key),  # another unit: not a repeat
		IntakeRecord("D", PETITION, "u1", date(2027, 6, 1), key),  # outside the window of both
		IntakeRecord("E", PETITION, "u1", date(2026, 3, 3), ""),  # anonymous: never a repeat
	]
	assert repeats(records, window_days=365, min_records=2) == {"B"}
	assert repeats(records, window_days=365, min_records=3) == set()
	assert repeats(records, window_days=10, min_records=2) == set()


def test_over_level_is_a_level_above_the_county():
	assert not is_over_level("County Level")
	assert is_over_level("City Level") and is_over_level("Central Level")
	assert not is_over_level(None)


def test_index_figures_name_the_records_of_the_quarter_per_unit_and_figure():
	records = [
		IntakeRecord("P1", PETITION, "u1", date(2026, 2, 1)),
		IntakeRecord("P2", PETITION, "u1", date(2026, 4, 1)),  # next quarter
		IntakeRecord("H1", HOTLINE_CALL, "u1", date(2026, 3, 30)),
		IntakeRecord("E1", EFFICIENCY_COMPLAINT, "u2", date(2026, 1, 1)),
		IntakeRecord("O1", ONLINE_OPINION, "u2", date(2026, 1, 2), counted=False),
	]
	figures = index_figures(records, 2026, 1)
	assert figures == {
		"u1": {"petitions": ["P1"], "efficiency_complaints": ["H1"], "online_opinion": []},
		"u2": {"petitions": [], "efficiency_complaints": ["E1"], "online_opinion": []},
	}


def test_a_figure_other_than_the_records_needs_its_reason():
	row = {"idx": 1, "unit": "u1", "petitions": 3, "counted_petitions": 2}
	assert len(adjustment_violations([row])) == 1
	assert adjustment_violations([{**row, "adjustment_reason": "上级转办2件未录入"}]) == []
	assert adjustment_violations([{"idx": 2, "unit": "u2", "petitions": 2, "counted_petitions": 2}]) == []
