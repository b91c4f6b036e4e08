"""Code that writes units or cadres around the ORM tells the permission caches (DEVELOPERS.md):
every ``frappe.db.set_value`` on a Sanshu Unit or Sanshu Cadre (or a block of them) is followed at
once by ``forget_scopes()``, unless it changes only fields no scope is computed from. Read from the files: no Frappe needed."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SET_VALUE = re.compile(r'frappe\.db\.set_value\(\s*"Sanshu (Unit|Cadre)"')
# Fields a scope is computed from (sanshu_app/permissions/: _compute_scope).
SCOPE_FIELDS = ("user", "unit", "principal", "discipline_officer", "parent_sanshu_unit", "lft", "rgt", "name")


def may_change_a_scope(line: str) -> bool:
	"""Names a field a scope is computed from, or names no field at all (a variable field)."""
	fields = set(re.findall(r'"(\w+)"', line))
	return bool(fields & set(SCOPE_FIELDS)) or not fields


def test_every_set_value_on_units_or_cadres_forgets_the_scopes():
	silent = []
	for path in [*ROOT.joinpath("sanshu_app").rglob("*.py"), *ROOT.joinpath("tests").rglob("*.py"), *ROOT.joinpath("benchmarks").rglob("*.py")]:
		lines = path.read_text().splitlines()
		for number, line in enumerate(lines):
			if not SET_VALUE.search(line) or not may_change_a_scope(line):
				continue
			after = number + 1
			while after < len(lines) and SET_VALUE.search(lines[after]):  # a block of them, then one call
				after += 1
			if after >= len(lines) or "forget_scopes()" not in lines[after]:
				silent.append(f"{path.relative_to(ROOT)}:{number + 1}")
	assert silent == [], f"set_value on units or cadres without forget_scopes(): {silent}"
