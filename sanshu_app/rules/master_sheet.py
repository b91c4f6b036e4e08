"""Reading the units-and-cadres workbook an office fills in, row by row, before anything is saved.

The workbook has two sheets, 单位 (units) and 干部 (cadres), with the headers below. Every bad row
is reported with its sheet, row number and reason; the caller saves nothing unless there are none.
Values may be written in Chinese (as offices do) or as the app's English option values.
"""

from dataclasses import dataclass, field

from .messages import RuleViolation
from .sheets import cell_text

UNIT_SHEET = "单位"
CADRE_SHEET = "干部"
UNIT_HEADERS = ("单位名称", "单位类型", "上级单位")
CADRE_HEADERS = ("姓名", "单位", "职务", "职级", "用户邮箱", "主要负责人", "新提任", "纪检干部")

UNIT_TYPES = {
	"乡镇": "Township",
	"县（区）直单位": "County Department",
	"区直单位": "County Department",
	"县直单位": "County Department",
	"工业园": "Industrial Park",
	"基层站所": "Grassroots Station",
	"企业": "Enterprise",
	"其他": "Other",
}
RANKS = {
	"正处级": "Division Level",
	"副处级": "Deputy Division Level",
	"正科级": "Section Level",
	"副科级": "Deputy Section Level",
	"科员": "Staff",
	"其他": "Other",
}
YES = {"是", "1", "y", "yes", "true", "√"}
NO = {"", "否", "0", "n", "no", "false"}


@dataclass
class MasterSheet:
	units: list[dict] = field(default_factory=list)
	cadres: list[dict] = field(default_factory=list)
	problems: list[RuleViolation] = field(default_factory=list)


def _choice(value, mapping, sheet, row, label, problems):
	if not value:
		return None
	if value in mapping:
		return mapping[value]
	if value in mapping.values():
		return value
	problems.append(RuleViolation("Sheet {0}, row {1}: {2} {3} is not one of: {4}.", (sheet, row, label, value, "、".join(mapping))))
	return None


def _flag(value, sheet, row, label, problems) -> int:
	if value.lower() in YES:
		return 1
	if value.lower() in NO:
		return 0
	problems.append(RuleViolation("Sheet {0}, row {1}: {2} must be 是 or 否, not {3}.", (sheet, row, label, value)))
	return 0


CADRE_REQUIRED = ("姓名", "单位")


def headers_known(sheets: dict) -> bool:
	"""Whether the workbook has a 单位 or 干部 sheet and each it has is headed as the template is."""
	present = [(name, expected) for name, expected in ((UNIT_SHEET, UNIT_HEADERS), (CADRE_SHEET, CADRE_HEADERS)) if sheets.get(name)]
	return bool(present) and all(_check_headers(name, sheets[name][0], expected, []) for name, expected in present)


def cadre_fields():
	"""The cadre sheet's columns, for the column-mapping step (rules/column_mapping.py)."""
	from .column_mapping import Field

	hints = {"姓名": ("名字", "干部姓名"), "单位": ("工作单位", "所在单位", "单位名称"), "职务": ("现任职务", "职位"), "职级": ("级别", "职级层次"), "用户邮箱": ("邮箱", "账号", "email")}
	return tuple(Field(h, h, h in CADRE_REQUIRED, hints.get(h, ())) for h in CADRE_HEADERS)


def _check_headers(sheet, header, expected, problems) -> bool:
	given = tuple(cell_text(h) for h in header[: len(expected)])
	if given != expected:
		problems.append(RuleViolation("Sheet {0}: the first row must be the headers {1}.", (sheet, "、".join(expected))))
		return False
	return True


def read_master_sheet(sheets: dict, existing_units: set, existing_users: set, users_with_cadre: set, header_rows: dict | None = None) -> MasterSheet:
	"""``sheets``: sheet name -> list of rows (first row the headers), as openpyxl gives values.

	``existing_units`` are unit names already on the site, ``existing_users`` the site's users and
	``users_with_cadre`` the users already linked to a cadre. ``header_rows``: sheet -> the row
	number its headers stand on in the clerk's workbook (1 unless a mapped sheet had rows above
	them), so that each problem names the row the clerk sees.
	"""
	header_rows = header_rows or {}
	result = MasterSheet()
	problems = result.problems
	if UNIT_SHEET not in sheets and CADRE_SHEET not in sheets:
		problems.append(RuleViolation("The workbook needs a sheet named {0} or {1}.", (UNIT_SHEET, CADRE_SHEET)))
		return result

	unit_rows = sheets.get(UNIT_SHEET) or []
	new_units = {}
	if unit_rows and _check_headers(UNIT_SHEET, unit_rows[0], UNIT_HEADERS, problems):
		for number, row in enumerate(unit_rows[1:], start=header_rows.get(UNIT_SHEET, 1) + 1):
			name, unit_type, parent = (cell_text(v) for v in (list(row) + [None] * 3)[:3])
			if not (name or unit_type or parent):
				continue
			if not name:
				problems.append(RuleViolation("Sheet {0}, row {1}: the unit name is missing.", (UNIT_SHEET, number)))
				continue
			if name in existing_units or name in new_units:
				problems.append(RuleViolation("Sheet {0}, row {1}: unit {2} already exists.", (UNIT_SHEET, number, name)))
				continue
			new_units[name] = {
				"row": number,
				"unit_name": name,
				"unit_type": _choice(unit_type, UNIT_TYPES, UNIT_SHEET, number, "单位类型", problems),
				"parent_sanshu_unit": parent or None,
			}
		for unit in new_units.values():
			parent = unit["parent_sanshu_unit"]
			if parent and parent not in existing_units and parent not in new_units:
				problems.append(RuleViolation("Sheet {0}, row {1}: parent unit {2} does not exist.", (UNIT_SHEET, unit["row"], parent)))
		result.units = _parents_first(new_units, problems)

	cadre_rows = sheets.get(CADRE_SHEET) or []
	seen_users = {}
	if cadre_rows and _check_headers(CADRE_SHEET, cadre_rows[0], CADRE_HEADERS, problems):
		for number, row in enumerate(cadre_rows[1:], start=header_rows.get(CADRE_SHEET, 1) + 1):
			cells = [cell_text(v) for v in (list(row) + [None] * 8)[:8]]
			if not any(cells):
				continue
			name, unit, post, rank, user, principal, promoted, discipline = cells
			if not name:
				problems.append(RuleViolation("Sheet {0}, row {1}: the name is missing.", (CADRE_SHEET, number)))
			if not unit:
				problems.append(RuleViolation("Sheet {0}, row {1}: the unit is missing.", (CADRE_SHEET, number)))
			elif unit not in existing_units and unit not in new_units:
				problems.append(RuleViolation("Sheet {0}, row {1}: unit {2} does not exist.", (CADRE_SHEET, number, unit)))
			if user:
				if user not in existing_users:
					problems.append(RuleViolation("Sheet {0}, row {1}: there is no user {2}.", (CADRE_SHEET, number, user)))
				elif user in users_with_cadre:
					problems.append(RuleViolation("Sheet {0}, row {1}: user {2} is already linked to a cadre.", (CADRE_SHEET, number, user)))
				elif user in seen_users:
					problems.append(RuleViolation("Sheet {0}, row {1}: user {2} is also given in row {3}.", (CADRE_SHEET, number, user, seen_users[user])))
				seen_users.setdefault(user, number)
			result.cadres.append(
				{
					"row": number,
					"full_name": name,
					"unit": unit,
					"post": post or None,
					"rank": _choice(rank, RANKS, CADRE_SHEET, number, "职级", problems),
					"user": user or None,
					"is_principal": _flag(principal, CADRE_SHEET, number, "主要负责人", problems),
					"newly_promoted": _flag(promoted, CADRE_SHEET, number, "新提任", problems),
					"discipline_cadre": _flag(discipline, CADRE_SHEET, number, "纪检干部", problems),
				}
			)
	if not result.units and not result.cadres and not problems:
		problems.append(RuleViolation("The workbook has no rows to import."))
	return result


def _parents_first(units: dict, problems) -> list[dict]:
	"""New units ordered so that each comes after its parent; a loop among them is refused."""
	ordered, placed, visiting = [], set(), set()

	def place(name):
		if name in placed or name not in units:
			return
		if name in visiting:
			problems.append(RuleViolation("Sheet {0}, row {1}: unit {2} is placed under itself.", (UNIT_SHEET, units[name]["row"], name)))
			return
		visiting.add(name)
		place(units[name]["parent_sanshu_unit"])
		visiting.discard(name)
		if name not in placed:
			placed.add(name)
			ordered.append(units[name])

	for name in units:
		place(name)
	return ordered
