"""Meeting day (述职述责述廉会议): ballot codes, phone ballots, the reporter draw, paper workbooks, results.

Plain Python, no Frappe: the Sanshu Meeting controller reads the records, calls these and translates
the ``RuleViolation`` messages they return or raise.
"""

import hashlib
import random
import re
import secrets

from .messages import RuleError, RuleViolation
from .sheets import cell_text

# Crockford's base32: no I, L, O or U, so a code typed from a slip is not misread.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 13  # 13 x 5 = 65 bits
CODE_GROUPS = (4, 4, 5)
_TYPO = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def new_code() -> str:
	"""A fresh ballot code (65 random bits from the system's secure source)."""
	return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text) -> str:
	"""What a person typed or scanned, as the bare code: case, spaces, dashes and look-alikes forgiven."""
	bare = re.sub(r"[\s\-_.·]", "", str(text or "")).upper().translate(_TYPO)
	return bare if len(bare) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in bare) else ""


def format_code(code: str) -> str:
	"""The code as printed on a slip: in groups, easy to read aloud and type."""
	parts, start = [], 0
	for size in CODE_GROUPS:
		parts.append(code[start : start + size])
		start += size
	return "-".join(parts)


def hash_code(code: str, salt: str) -> str:
	"""What is stored of a code: a salted SHA-256 of the bare code, never the code itself."""
	return hashlib.sha256(f"{salt}:{normalize_code(code)}".encode()).hexdigest()


# the phone ballot ----------------------------------------------------------------------------
def phone_ballot_violations(choices: dict, reporters, scale, abstain_allowed: bool) -> list[RuleViolation]:
	"""Why one phone submission (reporter -> choice, for every reporter of the meeting) is refused."""
	reporters = list(reporters)
	problems = []
	unknown = [key for key in choices if key not in reporters]
	if unknown:
		problems.append(RuleViolation("The ballot names someone who does not report at this meeting."))
	for key in reporters:
		choice = (choices.get(key) or "").strip()
		if not choice:
			if not abstain_allowed:
				problems.append(RuleViolation("Rate every reporter: the ballot is counted only when it is complete."))
				break
		elif choice not in scale:
			problems.append(RuleViolation("{0} is not an option of this evaluation's rating scale.", (choice,)))
	return problems


def phone_aspect_violations(aspect_choices: dict, reporters: dict, overall: dict, scale, abstain_allowed: bool) -> list[RuleViolation]:
	"""Why the aspects of one phone submission are refused (000 四（二）: 责、廉、德 rated separately).

	``reporters``: reporter key -> (name shown, the aspects its evaluation rates, empty when none);
	``aspect_choices``: reporter key -> {aspect: choice}; ``overall``: reporter key -> overall choice.
	A reporter left wholly unrated (overall and every aspect) is an abstention where the rule set
	allows it; otherwise every aspect listed needs an option of the scale."""
	problems = []
	if [key for key in aspect_choices if key not in reporters]:
		problems.append(RuleViolation("The ballot names someone who does not report at this meeting."))
	for key, (shown, aspects) in reporters.items():
		given = aspect_choices.get(key) or {}
		unknown = [a for a in given if a not in aspects and (given[a] or "").strip()]
		if unknown:
			problems.append(RuleViolation("{0} is not an aspect this evaluation rates.", (unknown[0],)))
		if not aspects:
			continue
		picked = {a: (given.get(a) or "").strip() for a in aspects}
		if abstain_allowed and not (overall.get(key) or "").strip() and not any(picked.values()):
			continue  # 弃权: this reporter is not rated at all
		for aspect, choice in picked.items():
			if not choice:
				problems.append(RuleViolation("{0}: rate the aspect {1} too: each aspect is rated on its own.", (shown, aspect)))
			elif choice not in scale:
				problems.append(RuleViolation("{0} is not an option of this evaluation's rating scale.", (choice,)))
	return problems


# the draw ------------------------------------------------------------------------------------
def draw(candidates, count: int, seed: str) -> list:
	"""Draw ``count`` of ``candidates`` at random; the same seed and list always give the same draw."""
	pool = sorted(set(candidates))
	if not pool:
		raise RuleError([RuleViolation("Every cadre of the campaign is already a reporter of this meeting: no one is left to draw.")])
	if count < 1 or count > len(pool):
		raise RuleError([RuleViolation("Draw between 1 and {0} reporters.", (len(pool),))])
	return random.Random(seed).sample(pool, count)


# paper workbooks -----------------------------------------------------------------------------
NAME_HEADINGS = ("被评议人", "被测评人", "被评价人", "评议对象", "测评对象", "姓名", "干部", "cadre", "name", "reporter")
NUMBER_HEADINGS = ("票号", "序号", "编号", "选票号", "ballot no.", "ballot no", "ballot", "no.")
CHOICE_HEADINGS = ("评价", "选项", "测评意见", "评价意见", "评议意见", "choice", "rating")
TOTAL_WORDS = ("合计", "总计", "小计", "共计", "total")
TICKS = ("√", "✓", "✔", "○", "1", "☑", "●", "v", "V")


def bare_name(value) -> str:
	"""A name as compared: every space (full-width too) taken out, so 张　三 is 张三."""
	return re.sub(r"[\s\u3000]", "", cell_text(value))


def _heading(value) -> str:
	return bare_name(value).lower()


def _find_header(rows, scale):
	"""(row index, column map) of the first row naming a cadre column and a choice column or the options."""
	options = {bare_name(o): o for o in scale}
	for index, row in enumerate(rows):
		headings = [_heading(v) for v in row]
		name_col = next((i for i, h in enumerate(headings) if h in NAME_HEADINGS), None)
		if name_col is None:
			continue
		number_col = next((i for i, h in enumerate(headings) if h in NUMBER_HEADINGS), None)
		choice_col = next((i for i, h in enumerate(headings) if h in CHOICE_HEADINGS), None)
		tick_cols = {i: options[bare_name(v)] for i, v in enumerate(row) if bare_name(v) in options}
		if choice_col is not None or tick_cols:
			return index, {"name": name_col, "number": number_col, "choice": choice_col, "ticks": tick_cols}
	return None, None


def has_heading_row(rows, scale) -> bool:
	"""Whether a sheet has a heading row the meeting's reader knows (else the clerk maps its columns)."""
	return _find_header(list(rows), scale)[0] is not None


def _is_formula(value) -> bool:
	return isinstance(value, str) and value.startswith("=")


def parse_meeting_workbook(sheets, reporters: dict, scale, ambiguous=()) -> dict:
	"""Count a meeting's paper ballots from the clerk's workbook (``read_meeting_workbook``'s counts)."""
	return read_meeting_workbook(sheets, reporters, scale, ambiguous)[0]


def read_meeting_workbook(sheets, reporters: dict, scale, ambiguous=()) -> tuple[dict, list]:
	"""Count a meeting's paper ballots from the clerk's workbook.

	``sheets``: [(sheet name, rows as value tuples, formulas kept as "=..." strings)];
	``reporters``: bare name -> reporter key; ``ambiguous``: bare names two reporters share (a row
	naming one is refused: it is never counted for the wrong person); ``scale``: the options.
	Each sheet with a heading row (a cadre column, and a choice column or one column per option)
	is read from below it; rows above it (titles, notes) and sheets without one are left alone.
	Blank rows are skipped, and so are a totals row (any formula, or 合计 … where no person is
	named: a ballot row whose note says 合计 is still a ballot), a title row inside the
	table (no person and no choice) and the heading row repeated. Every other row is one ballot for
	the cadre it names. Any bad row refuses the whole workbook (RuleError naming the sheet and row).
	Returns (reporter key -> {option: ballots} (every reporter and option present), the rows read:
	{"sheet", "row", "kind" (ballot, title, total, heading), "name" (as written), "key", "option"}).
	"""
	counts = {key: {option: 0 for option in scale} for key in reporters.values()}
	problems, read = [], []
	seen_numbers = {}
	found_sheet = False
	ambiguous = set(ambiguous)
	for sheet_name, rows in sheets:
		rows = list(rows)
		header_index, cols = _find_header(rows, scale)
		if header_index is None:
			continue
		found_sheet = True
		header_name = bare_name(rows[header_index][cols["name"]])
		for index in range(header_index + 1, len(rows)):
			row = rows[index]
			row_no = index + 1
			cells = [cell_text(v) for v in row]
			if not any(cells):
				continue

			def cell(col):
				return row[col] if col is not None and col < len(row) else None

			where = (sheet_name, row_no)
			written = cell_text(cell(cols["name"]))
			name = bare_name(written)
			entry = {"sheet": sheet_name, "row": row_no, "name": written, "key": None, "option": None}
			totals_word = any(bare_name(c).lower().startswith(TOTAL_WORDS) for c in cells if c)
			if any(_is_formula(v) for v in row) or (totals_word and (not name or name.lower().startswith(TOTAL_WORDS))):
				read.append(dict(entry, kind="total"))
				continue
			if name and name == header_name:
				read.append(dict(entry, kind="heading"))
				continue
			marked = bare_name(cell(cols["choice"])) if cols["choice"] is not None else any(cell_text(cell(col)) for col in cols["ticks"])
			if not name:
				if not marked:
					read.append(dict(entry, kind="title"))
				else:
					problems.append(RuleViolation("Sheet {0}, row {1}: a choice is given but no person is named.", where))
				continue
			if name in ambiguous:
				problems.append(RuleViolation("Sheet {0}, row {1}: more than one reporter is called {2}; enter their paper ballots in each one's evaluation.", (*where, name)))
				continue
			key = reporters.get(name)
			if not key:
				problems.append(RuleViolation("Sheet {0}, row {1}: {2} does not report at this meeting.", (*where, name or "—")))
				continue
			if cols["choice"] is not None:
				choice = bare_name(cell(cols["choice"]))
				option = next((o for o in scale if bare_name(o) == choice), None)
				if not choice:
					problems.append(RuleViolation("Sheet {0}, row {1}: no option is chosen.", where))
					continue
				if option is None:
					problems.append(RuleViolation("Sheet {0}, row {1}: {2} is not an option of the rating scale.", (*where, choice)))
					continue
			else:
				ticked = [o for col, o in cols["ticks"].items() if cell_text(cell(col)) in TICKS]
				unknown = [cell_text(cell(col)) for col in cols["ticks"] if cell_text(cell(col)) and cell_text(cell(col)) not in TICKS]
				if unknown:
					problems.append(RuleViolation("Sheet {0}, row {1}: {2} is not a tick.", (*where, unknown[0])))
					continue
				if len(ticked) != 1:
					problems.append(RuleViolation("Sheet {0}, row {1}: tick exactly one option ({2} ticked).", (*where, len(ticked))))
					continue
				option = ticked[0]
			number = cell_text(cell(cols["number"])) if cols["number"] is not None else ""
			if number:
				first = seen_numbers.get((key, number))
				if first:
					problems.append(
						RuleViolation("Sheet {0}, row {1}: ballot {2} for {3} was already counted in sheet {4}, row {5}.", (*where, number, name, *first))
					)
					continue
				seen_numbers[(key, number)] = where
			counts[key][option] += 1
			read.append(dict(entry, kind="ballot", key=key, option=option))
	if not found_sheet:
		problems.append(RuleViolation("No sheet of the workbook has a heading row naming the cadre (被评议人) and the options or the choice (评价)."))
	if problems:
		raise RuleError(problems)
	return counts, read


# the column-mapping step (rules/column_mapping.py): the fields of a paper-ballot sheet --------------
PERSON, CHOICE, NUMBER = "name", "choice", "number"
MAPPED_HEADINGS = {PERSON: NAME_HEADINGS[0], CHOICE: CHOICE_HEADINGS[0], NUMBER: NUMBER_HEADINGS[0]}


def ballot_fields():
	from .column_mapping import Field

	return (
		Field(PERSON, MAPPED_HEADINGS[PERSON], True, NAME_HEADINGS + ("对象", "姓名", "被评", "被测")),
		Field(CHOICE, MAPPED_HEADINGS[CHOICE], True, CHOICE_HEADINGS + ("等次", "结果", "意见", "评定", "档次")),
		Field(NUMBER, MAPPED_HEADINGS[NUMBER], False, NUMBER_HEADINGS),
	)


def mapped_meeting_sheets(sheets, mapping, scale) -> tuple:
	"""The clerk's mapping applied: (checked mapping, [(sheet, rows under the known headings)]) or
	(None, the problems). Only the mapped sheet is read."""
	from .column_mapping import check_mapping, project

	checked, problems = check_mapping(mapping, sheets, "paper-ballots", ballot_fields(), options=list(scale), choice_key=CHOICE)
	if checked is None:
		return None, problems
	headings = {col: MAPPED_HEADINGS[key] for key, col in checked.fields.items()}
	headings.update(checked.ticks)
	rows = dict((name, list(r)) for name, r in sheets)[checked.sheet]
	# the ignored columns stay (without a heading): a 合计 or a section title there is still seen
	return checked, [(checked.sheet, project(rows, checked.header_index, headings, blank_others=False))]


# results -------------------------------------------------------------------------------------
def weighted_shares(group_counts: dict, weights: dict, scale) -> dict:
	"""Shares per option when groups are weighted: each group's shares times its weight (weights in percent).

	``group_counts``: group -> {option: ballots}; groups with no weight or no ballots do not count."""
	shares = {option: 0.0 for option in scale}
	total_weight = sum(w for g, w in weights.items() if sum(group_counts.get(g, {}).values()))
	if not total_weight:
		return shares
	for group, weight in weights.items():
		ballots = group_counts.get(group, {})
		n = sum(ballots.values())
		if not n:
			continue
		for option in scale:
			shares[option] += weight / total_weight * ballots.get(option, 0) / n
	return shares


def rank(results: list[dict], scale) -> list[dict]:
	"""Rank reporters by their shares, best option first (ties share a rank)."""
	key = lambda r: tuple(-round(r["shares"].get(o, 0), 9) for o in scale)  # noqa: E731
	ordered = sorted(results, key=key)
	previous, position = None, 0
	for i, result in enumerate(ordered, start=1):
		if key(result) != previous:
			position, previous = i, key(result)
		result["rank"] = position
	return ordered


def group_weight_violations(rows) -> list[RuleViolation]:
	"""Group weights of a rule set: each group once, above zero, adding up to 100 (none: count plainly).

	``rows``: [(group, weight in percent)]."""
	rows = list(rows)
	if not rows:
		return []
	problems = []
	groups = [g for g, _w in rows]
	for group in sorted({g for g in groups if groups.count(g) > 1}):
		problems.append(RuleViolation("Group {0} is weighted twice.", (group,)))
	if any(not w or w <= 0 for _g, w in rows):
		problems.append(RuleViolation("Every group weight must be above zero."))
	elif abs(sum(w for _g, w in rows) - 100) > 1e-9:
		problems.append(RuleViolation("The group weights add up to {0}%, not 100%.", (sum(w for _g, w in rows),)))
	return problems


def weighted_tally(group_counts: dict, weights: dict, scale) -> dict:
	"""Whole numbers per option whose shares are the weighted shares, so a tally can be rated as usual.

	Each group's ballots count in proportion to its weight, whatever its size: a group's count per
	option is scaled by ``weight / group size`` (times a common multiple of the sizes, to stay whole).
	Raises RuleError when ballots came from a group the weights do not name."""
	from math import lcm

	present = {g: c for g, c in group_counts.items() if sum(c.values())}
	unweighted = sorted(g for g in present if g not in weights)
	if unweighted:
		raise RuleError([RuleViolation("Ballots of group {0} were cast, but the rule set gives that group no weight.", (g,)) for g in unweighted])
	if not present:
		return {option: 0 for option in scale}
	common = lcm(*(sum(c.values()) for c in present.values()))
	tally = {option: 0 for option in scale}
	for group, counts in present.items():
		size = sum(counts.values())
		factor = round(weights[group] * 100) * (common // size)  # weight in hundredths of a percent
		for option in scale:
			tally[option] += counts.get(option, 0) * factor
	return tally
