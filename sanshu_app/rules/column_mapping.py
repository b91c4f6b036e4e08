"""The column-mapping step of the clerks' sheet imports: when a sheet's headings are not the words
an import knows, the clerk says which column is which field, and the import reads the sheet as if
it had been headed with the known words.

Plain Python, no Frappe. The pieces:

- ``normalise_heading``: a heading as compared (full-width forms folded, spaces, colons and
  asterisks dropped, lower case), so 测评 对象： and 测评对象 are the same heading.
- ``layout_signature``: the mark of a workbook layout (the import, the sheet's name and its
  normalised heading row); a remembered mapping is offered again for a sheet with the same mark.
- ``sheet_overview``: what the mapping dialog shows of each sheet (its first rows, the row that
  looks like the heading row, a guess per column).
- ``check_mapping``: the clerk's answer checked against the sheet and the import's fields.
- ``project``: the sheet rewritten under the import's own headings (rows above the heading row and
  ignored columns blanked, row numbers kept), so the import's own reader does the rest.

A mapping, as the dialog sends it: ``{"sheet": name, "header_row": n (1-based),
"columns": {"<column index, 0-based>": role}}``; a role is a field's key, ``"ignore"``, or
``"tick:<option>"`` (a column of ticks for that option, where the import takes them).
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from .messages import RuleViolation
from .sheets import cell_text

IGNORE = "ignore"
TICK = "tick:"
HEADER_SEARCH_ROWS = 15  # the heading row is looked for among a sheet's first rows
OVERVIEW_ROWS = 20  # rows of each sheet the dialog shows (the heading row and samples under it)
SAMPLE_ROWS = 5


@dataclass(frozen=True)
class Field:
	"""A field of an import: ``key`` (as the import's reader names it), ``heading`` (the heading
	its own template uses), ``required``, and ``hints``: heading words that suggest it."""

	key: str
	heading: str
	required: bool = False
	hints: tuple = ()


def normalise_heading(value) -> str:
	text = unicodedata.normalize("NFKC", cell_text(value))
	text = re.sub(r"\s+", "", text).lower()
	return text.strip(":*")


def column_letter(index: int) -> str:
	"""0 -> A, 25 -> Z, 26 -> AA (as Excel names columns)."""
	letters = ""
	index += 1
	while index:
		index, rest = divmod(index - 1, 26)
		letters = chr(65 + rest) + letters
	return letters


def _headings(row) -> list:
	headings = [normalise_heading(v) for v in row]
	while headings and not headings[-1]:
		headings.pop()
	return headings


def layout_signature(kind: str, sheet_name: str, header_row) -> str:
	"""The mark of a layout: the import's kind, the sheet's name and its normalised heading row."""
	text = "\x1f".join([kind, normalise_heading(sheet_name), *_headings(header_row)])
	return hashlib.sha256(text.encode()).hexdigest()[:32]


def guess_header_row(rows) -> int:
	"""Index of the row that looks like the headings: the first with two or more text cells among
	the first rows (a title or a note above it fills one merged cell); 0 when none does."""
	for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
		texts = [cell_text(v) for v in row]
		filled = [t for t in texts if t]
		if len(filled) >= 2 and sum(1 for t in filled if not _is_number(t)) >= 2:
			return index
	return 0


def _is_number(text: str) -> bool:
	return bool(re.fullmatch(r"-?\d+(\.\d+)?", text))


def guess_roles(header_row, fields, options=()) -> dict:
	"""A first guess per column (index -> role), from the fields' headings and hints and the
	options (a column headed with an option is its tick column); every other column ignored."""
	roles, taken = {}, set()
	for index, value in enumerate(header_row):
		heading = normalise_heading(value)
		if not heading:
			continue
		role = IGNORE
		option = next((o for o in options if normalise_heading(o) == heading), None)
		if option is not None and TICK + option not in taken:
			role = TICK + option
		else:
			for f in fields:
				if f.key in taken:
					continue
				words = [normalise_heading(w) for w in (f.heading, *f.hints)]
				if heading in words or any(w and w in heading for w in words[1:]):
					role = f.key
					break
		taken.add(role)
		roles[index] = role
	return roles


def sheet_overview(sheets, kind: str, fields, options=()) -> list[dict]:
	"""Per sheet, for the dialog: its name, its first rows as text, the guessed heading row
	(1-based), the guessed role of each column under it, and its layout signature."""
	overview = []
	for name, rows in sheets:
		rows = list(rows)
		if not any(cell_text(v) for row in rows for v in row):
			continue
		header = guess_header_row(rows)
		shown = [[cell_text(v) for v in row] for row in rows[:OVERVIEW_ROWS]]
		width = max([len(_trim(r)) for r in shown] or [0])
		overview.append(
			{
				"sheet": name,
				"rows": [(r + [""] * width)[:width] for r in shown],
				"header_row": header + 1,
				"roles": {str(i): role for i, role in guess_roles(rows[header] if rows else [], fields, options).items()},
				"signature": layout_signature(kind, name, rows[header] if rows else []),
			}
		)
	return overview


def _trim(row):
	row = list(row)
	while row and not row[-1]:
		row.pop()
	return row


def find_layout(sheets, kind: str, signatures) -> tuple | None:
	"""(sheet name, heading row index, signature) of the first sheet whose heading row, among its
	first rows, has one of the remembered ``signatures``; None when none has."""
	signatures = set(signatures)
	for name, rows in sheets:
		for index, row in enumerate(list(rows)[:HEADER_SEARCH_ROWS]):
			if not any(cell_text(v) for v in row):
				continue
			signature = layout_signature(kind, name, row)
			if signature in signatures:
				return name, index, signature
	return None


@dataclass
class CheckedMapping:
	sheet: str
	header_index: int  # 0-based
	fields: dict  # field key -> column index
	ticks: dict  # column index -> option
	signature: str
	columns: dict  # column index (str) -> role, as the clerk gave it


def check_mapping(mapping, sheets, kind: str, fields, options=None, choice_key=None) -> tuple[CheckedMapping | None, list[RuleViolation]]:
	"""The clerk's mapping checked against the workbook and the import's ``fields``.

	``options``: the options tick columns may stand for (None: the import takes no ticks);
	``choice_key``: the field tick columns stand in for (a choice column or tick columns, one of
	the two). Returns (the mapping, []) or (None, the problems)."""
	problems = []
	if not isinstance(mapping, dict):
		return None, [RuleViolation("Say which column holds which field.")]
	by_name = {name: list(rows) for name, rows in sheets}
	sheet = mapping.get("sheet")
	if sheet not in by_name:
		return None, [RuleViolation("The workbook has no sheet {0}.", (sheet or "—",))]
	rows = by_name[sheet]
	try:
		header_row = int(mapping.get("header_row") or 0)
	except (TypeError, ValueError):
		header_row = 0
	if not 1 <= header_row <= len(rows):
		return None, [RuleViolation("Sheet {0} has no row {1} to take the headings from.", (sheet, mapping.get("header_row") or "—"))]
	width = max([len(_trim([cell_text(v) for v in r])) for r in rows] or [0])
	keys = {f.key: f for f in fields}
	chosen, ticks, columns = {}, {}, {}
	for raw, role in (mapping.get("columns") or {}).items():
		try:
			index = int(raw)
		except (TypeError, ValueError):
			index = -1
		if not 0 <= index < max(width, 1):
			problems.append(RuleViolation("Sheet {0} has no column {1}.", (sheet, column_letter(index) if index >= 0 else raw)))
			continue
		role = (role or IGNORE).strip()
		columns[str(index)] = role
		if role == IGNORE:
			continue
		if role.startswith(TICK) and options is not None:
			option = role[len(TICK) :]
			if option not in options:
				problems.append(RuleViolation("Column {0}: {1} is not an option of the rating scale.", (column_letter(index), option)))
			elif option in ticks.values():
				other = next(c for c, o in ticks.items() if o == option)
				problems.append(RuleViolation("Columns {0} and {1} are both ticks for {2}: give each option one column.", (column_letter(other), column_letter(index), option)))
			else:
				ticks[index] = option
			continue
		if role not in keys:
			problems.append(RuleViolation("Column {0}: {1} is not a field of this import.", (column_letter(index), role)))
			continue
		if role in chosen:
			problems.append(
				RuleViolation("Columns {0} and {1} are both given as {2}: give each field one column.", (column_letter(chosen[role]), column_letter(index), keys[role].heading))
			)
			continue
		chosen[role] = index
	for f in fields:
		if not f.required or f.key in chosen:
			continue
		if f.key == choice_key and ticks:
			continue
		if f.key == choice_key and options is not None:
			problems.append(RuleViolation("Say which column holds the choice ({0}), or which columns are ticks for which option.", (f.heading,)))
		else:
			problems.append(RuleViolation("Say which column holds {0}.", (f.heading,)))
	if choice_key and choice_key in chosen and ticks:
		problems.append(RuleViolation("Give either one choice column or tick columns, not both."))
	if problems:
		return None, problems
	header = rows[header_row - 1]
	return CheckedMapping(sheet, header_row - 1, chosen, ticks, layout_signature(kind, sheet, header), columns), []


def project(rows, header_index: int, headings: dict, order=None, blank_others: bool = True) -> list:
	"""The sheet under the import's own headings. ``headings``: column index -> the heading the
	import knows. In place (``order`` None): the rows above the heading row and (``blank_others``)
	the columns not in ``headings`` are blanked, so each row keeps its number. With ``order`` (a list of headings):
	the heading row first, then the rows under it, each cell moved to the place ``order`` gives
	its heading (the readers that want their columns in one order). The heading row repeated
	further down (a sheet printed over pages) is blanked too."""
	rows = [list(r) for r in rows]
	repeated = _headings(rows[header_index]) if header_index < len(rows) else []
	rows = rows[: header_index + 1] + [[] if repeated and _headings(r) == repeated else r for r in rows[header_index + 1 :]]
	if order is None:
		width = max([len(r) for r in rows] or [0])
		out = [[None] * width for _ in rows[:header_index]]
		out.append([headings.get(i) for i in range(width)])
		for row in rows[header_index + 1 :]:
			out.append([row[i] if (i in headings or not blank_others) and i < len(row) else None for i in range(width)])
		return out
	where = {heading: index for index, heading in headings.items()}
	out = [list(order)]
	for row in rows[header_index + 1 :]:
		out.append([row[where[h]] if h in where and where[h] < len(row) else None for h in order])
	return out
