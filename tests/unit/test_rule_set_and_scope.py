from datetime import date

from sanshu_app.rules.campaigns import next_year_title, same_day_next_year
from sanshu_app.rules.rule_set import check_assessment, check_deadlines, weighted_total
from sanshu_app.rules.schemes import sections_for
from sanshu_app.rules.scope import Scope, subtree_members


def test_seed_002_assessment_numbers_are_coherent():
	assert check_assessment(100, 90, 10, 75) == []


def test_weights_must_add_to_100_and_pass_mark_fit_the_scale():
	assert "add up to 100 (they add up to 95)" in check_assessment(100, 85, 10, 75)[0].render()
	assert [p.template for p in check_assessment(100, 90, 10, 120)] == ["The pass mark must be between 0 and the full score {0}."]
	assert len(check_assessment(100, 110, -10, 75)) == 2


def test_weighted_total():
	assert weighted_total(80, 100, 90, 10) == 82.0
	assert weighted_total(74.5, 80, 90, 10) == 75.05


def test_deadlines_each_once_and_not_negative():
	assert check_deadlines([("Inquiry Reply", 15), ("Rectification Report", 30)]) == []
	problems = check_deadlines([("Inquiry Reply", 15), ("Inquiry Reply", -1)])
	assert [p.values for p in problems] == [(2, "Inquiry Reply"), (2,)]


def test_scope_rules():
	cadre = Scope(cadres=frozenset({"CAD-1"}))
	assert cadre.allows(["CAD-1"], ["Town A"])
	assert not cadre.allows(["CAD-2"], ["Town A"])
	secretary = Scope(units=frozenset({"Town A"}))
	assert secretary.allows(["CAD-2"], ["Town A"]) and not secretary.allows(["CAD-2"], ["Town B"])
	assert Scope(unrestricted=True).allows([], [])
	assert Scope().sees_nothing and not Scope().allows([None], [None])


def test_subtree_members():
	tree = [("County", 1, 10), ("Town A", 2, 5), ("Station A1", 3, 4), ("Town B", 6, 9), ("Station B1", 7, 8)]
	assert subtree_members(tree, {"Town A"}) == {"Town A", "Station A1"}
	assert subtree_members(tree, {"County"}) == {n for n, _, _ in tree}
	assert subtree_members(tree, set()) == set()


def test_campaign_carry_over():
	assert same_day_next_year(date(2024, 2, 29)) == date(2025, 2, 28)
	assert same_day_next_year(None) is None
	assert next_year_title("2026年度三述工作", 2026) == "2027年度三述工作"
	assert next_year_title("三述工作", 2026) == "2027 三述工作"


def test_scheme_sections():
	assert sections_for("Responsibility, Integrity and Risk") == ("Responsibility", "Integrity", "Risk")
