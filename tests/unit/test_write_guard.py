from collections import Counter

from sanshu_app.rules import write_guard


def test_a_changed_protected_field_is_named_and_others_are_not():
	stored = {"cadre": "C1", "submitted_on": None, "content": "a"}
	new = {"cadre": "C1", "submitted_on": "2026-01-01", "content": "b"}
	assert write_guard.changed_fields(stored, new, {"cadre", "submitted_on"}) == ["submitted_on"]


def test_a_new_record_may_carry_only_defaults_in_protected_fields():
	assert write_guard.set_on_new_record({"status": "Draft", "accepted_on": None}, {"status", "accepted_on"}, {"status": "Draft"}) == []
	assert write_guard.set_on_new_record({"status": "Accepted"}, {"status"}, {"status": "Draft"}) == ["status"]


def test_rows_are_matched_by_name_and_added_rows_start_empty():
	stored = [{"name": "r1", "signed_at": None}]
	assert write_guard.changed_rows(stored, [{"name": "r1", "signed_at": None}], {"signed_at"}, {}) == []
	assert write_guard.changed_rows(stored, [{"name": "r1", "signed_at": "2026-02-02"}], {"signed_at"}, {}) == ["signed_at"]
	assert write_guard.changed_rows(stored, [{"name": None, "signed_at": "2026-02-02"}], {"signed_at"}, {}) == ["signed_at"]
	assert write_guard.changed_rows(stored, [], {"signed_at"}, {}) == []  # removing a row changes no field


def test_naming_someone_new_needs_to_answer_for_the_record_and_for_them():
	old, new = Counter({"C1": 1}), Counter({"C1": 1, "C9": 1})
	refused = write_guard.check_granting_change(old, new, "整改措施", answers_for_record=False, may_name=lambda c: True)
	assert [v.template for v in refused] == [write_guard.GRANTING_ROWS_CHANGED]
	outside = write_guard.check_granting_change(old, new, "整改措施", answers_for_record=True, may_name=lambda c: c != "C9", label=str.lower)
	assert [(v.template, v.values) for v in outside] == [(write_guard.GRANTED_OUTSIDE_SCOPE, ("c9", "整改措施"))]
	assert write_guard.check_granting_change(old, new, "整改措施", answers_for_record=True, may_name=lambda c: True) == []
	assert write_guard.check_granting_change(old, Counter({"C1": 1}), "x", answers_for_record=False, may_name=lambda c: False) == []


def test_rows_naming_nobody_grant_nothing():
	assert write_guard.granted([{"owner": "C1"}, {"owner": None}, {"owner": "C1"}], "owner") == Counter({"C1": 2})
