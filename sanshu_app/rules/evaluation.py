"""Democratic evaluation: who may vote, paper counts that must add up, and ballot sheets.

Plain Python, no Frappe: the Sanshu Evaluation controller reads the records, calls these and
translates the ``RuleViolation`` messages they return or raise.
"""

from .messages import RuleError, RuleViolation
from .sheets import cell_text

# Accepted column headings of a paper-ballot sheet (English or Chinese).
NUMBER_HEADINGS = ("ballot no.", "ballot no", "ballot", "no.", "序号", "票号", "编号")
CHOICE_HEADINGS = ("choice", "rating", "评价", "选项", "测评意见", "评价意见")


def ballot_sheet_known(rows) -> bool:
	"""Whether the first row names the ballot-number and the choice columns (else the clerk maps them)."""
	rows = list(rows)
	heading = [cell_text(c).lower() for c in (rows[0] if rows else ())]
	return any(h in NUMBER_HEADINGS for h in heading) and any(h in CHOICE_HEADINGS for h in heading)


def ballot_sheet_fields():
	"""The columns of one evaluation's ballot sheet, for the column-mapping step (rules/column_mapping.py)."""
	from .column_mapping import Field
	from .meeting import NAME_HEADINGS

	return (
		Field("number", "序号", True, NUMBER_HEADINGS),
		Field("choice", "评价", True, CHOICE_HEADINGS + ("等次", "结果", "意见", "评定", "档次")),
		Field("name", "被评议人", False, NAME_HEADINGS + ("对象", "被评", "被测")),
	)


def mapped_ballot_sheet(sheets, mapping) -> tuple:
	"""(rows under the sheet's own headings 序号/评价/被评议人, the heading's row number, the checked
	mapping) or (None, None, the problems)."""
	from .column_mapping import check_mapping, project

	fields = ballot_sheet_fields()
	checked, problems = check_mapping(mapping, sheets, "evaluation-ballots", fields)
	if checked is None:
		return None, None, problems
	headings = {checked.fields[f.key]: f.heading for f in fields if f.key in checked.fields}
	order = [f.heading for f in fields if f.key in checked.fields]
	rows = dict((name, list(r)) for name, r in sheets)[checked.sheet]
	return project(rows, checked.header_index, headings, order=order), checked.header_index + 1, checked


def vote_violations(*, on_roster: bool, already_voted: bool, closed: bool, choice: str, scale) -> list[RuleViolation]:
	"""Why an online vote must be refused (empty when it may be counted)."""
	if closed:
		return [RuleViolation("This evaluation is closed: no more votes are taken.")]
	if not on_roster:
		return [RuleViolation("You are not on the evaluator roster of this evaluation.")]
	if already_voted:
		return [RuleViolation("You have already voted in this evaluation: each evaluator votes once.")]
	if choice not in scale:
		return [RuleViolation("{0} is not an option of this evaluation's rating scale.", (choice,))]
	return []


def paper_count_violations(counts: dict, scale, collected, invalid, blank=0) -> list[RuleViolation]:
	"""Paper counts per option must be whole, not negative, on the scale and add up to the ballots collected.

	``counts``: option -> valid paper ballots; ``collected``: paper ballots collected (None or 0 when
	no paper ballots were used); ``invalid``: spoilt paper ballots; ``blank``: ballots rating nobody (弃权).
	"""
	problems = []
	for option, n in counts.items():
		if option not in scale:
			problems.append(RuleViolation("Option {0} is not on the rating scale.", (option,)))
		if not _whole(n) or n < 0:
			problems.append(RuleViolation("The paper count for {0} must be a whole number of ballots, not below zero.", (option,)))
	if invalid is not None and (not _whole(invalid) or invalid < 0):
		problems.append(RuleViolation("The number of invalid paper ballots must be a whole number, not below zero."))
	if collected is not None and (not _whole(collected) or collected < 0):
		problems.append(RuleViolation("The number of paper ballots collected must be a whole number, not below zero."))
	if problems:
		return problems
	valid = sum(counts.values())
	collected = collected or 0
	invalid = invalid or 0
	blank = blank or 0
	if not _whole(blank) or blank < 0:
		problems.append(RuleViolation("The number of blank paper ballots must be a whole number, not below zero."))
	elif blank and valid + invalid + blank != collected:
		problems.append(
			RuleViolation(
				"The paper tally does not add up: {0} valid, {1} invalid and {2} blank ballots make {3}, but {4} were collected.",
				(valid, invalid, blank, valid + invalid + blank, collected),
			)
		)
	elif not blank and valid + invalid != collected:
		problems.append(
			RuleViolation(
				"The paper tally does not add up: {0} valid and {1} invalid ballots make {2}, but {3} were collected.",
				(valid, invalid, valid + invalid, collected),
			)
		)
	return problems


def combine(*tallies: dict) -> dict:
	total = {}
	for tally in tallies:
		for option, n in tally.items():
			total[option] = total.get(option, 0) + n
	return total


def _whole(value) -> bool:
	return isinstance(value, int) and not isinstance(value, bool) or (isinstance(value, float) and value.is_integer())


def parse_ballot_sheet(rows, scale, cadre_name: str | None = None, first_row: int = 1) -> dict:
	"""Count the ballots of a sheet: a heading row, then one row per paper ballot.

	``rows`` are the sheet's rows as value tuples (first row the heading). The heading names a
	ballot-number column and a choice column (see the *_HEADINGS). Entirely empty rows are
	ignored. Every bad row is reported with its sheet row number; if any row is bad, RuleError
	is raised and nothing is counted. Returns option -> number of ballots (every scale option present).
	When the heading also names the cadre (被评议人 …), every row must name ``cadre_name``: a
	sheet for several cadres belongs to the meeting's import, not to one evaluation.
	``first_row``: the row number the heading stands on in the clerk's sheet (a mapped sheet with
	rows above its headings), so each problem names the row the clerk sees.
	"""
	from .meeting import NAME_HEADINGS, bare_name

	rows = list(rows)
	if not rows:
		raise RuleError([RuleViolation("The sheet is empty.")])
	heading = [cell_text(c).lower() for c in rows[0]]
	number_col = next((i for i, h in enumerate(heading) if h in NUMBER_HEADINGS), None)
	choice_col = next((i for i, h in enumerate(heading) if h in CHOICE_HEADINGS), None)
	if number_col is None or choice_col is None:
		raise RuleError([RuleViolation("The first row of the sheet must name the columns 序号 (ballot number) and 评价 (choice).")])
	name_col = next((i for i, h in enumerate(heading) if bare_name(h) in NAME_HEADINGS), None)
	counts = {option: 0 for option in scale}
	problems = []
	seen = {}
	ballots = 0
	for row_number, row in enumerate(rows[1:], start=first_row + 1):
		cells = [cell_text(c) for c in row]
		if not any(cells):
			continue
		ballots += 1
		if name_col is not None:
			named = bare_name(cells[name_col] if name_col < len(cells) else "")
			if named != bare_name(cadre_name or ""):
				problems.append(RuleViolation("Row {0}: the ballot is for {1}, not for {2}.", (row_number, named or "—", cadre_name or "—")))
				continue
		number = cells[number_col] if number_col < len(cells) else ""
		choice = cells[choice_col] if choice_col < len(cells) else ""
		if not number:
			problems.append(RuleViolation("Row {0}: the ballot number is missing.", (row_number,)))
		elif number in seen:
			problems.append(RuleViolation("Row {0}: ballot {1} was already counted in row {2}.", (row_number, number, seen[number])))
		else:
			seen[number] = row_number
		if not choice:
			problems.append(RuleViolation("Row {0}: the choice is missing.", (row_number,)))
		elif choice not in counts:
			problems.append(RuleViolation("Row {0}: {1} is not on the rating scale.", (row_number, choice)))
		else:
			counts[choice] += 1
	if problems:
		raise RuleError(problems)
	if not ballots:
		raise RuleError([RuleViolation("The sheet lists no ballots.")])
	return counts
