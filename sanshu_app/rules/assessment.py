"""Scoring a responsibility assessment (责任制考核): item scores, totals, grade, ranking, the
scoring sheet and the order of the workflow. Plain Python, no Frappe.

Items are dicts (or objects with attributes) with ``max_points``, ``self_score``,
``inspector_score`` and ``deduction_reason``; ``None`` means "not scored yet".
"""

from fractions import Fraction

from .messages import RuleViolation
from .rule_set import exact_weighted_total, weighted_total

# The assessment's workflow, in order; a document only ever moves one step forward (or back).
ASSESSMENT_STATES = ("Draft", "Self-assessed", "Inspected", "Reviewed", "Approved", "Notified")
PASSED = "Passed"
BELOW_PASS_MARK = "Below Pass Mark"


def _get(item, key):
	return item.get(key) if isinstance(item, dict) else getattr(item, key, None)


def _num(value):
	"""A score as an exact number; None when empty; raises ValueError when it is not a number."""
	if value is None or str(value).strip() == "":
		return None
	if isinstance(value, bool):
		raise ValueError(value)
	try:
		return Fraction(str(value).strip())
	except (ValueError, ZeroDivisionError) as error:
		raise ValueError(value) from error


def number_or_none(value):
	"""Like ``_num`` but None for anything that is not a number (for comparing edits)."""
	try:
		return _num(value)
	except ValueError:
		return None


def check_items(items, need_self=False, need_inspector=False) -> list[RuleViolation]:
	"""Every score within 0..maximum; every inspector deduction explained; the needed scores present."""
	problems = []
	if not items:
		problems.append(RuleViolation("The assessment has no items to score."))
	for row, item in enumerate(items, start=1):
		maximum = _num(_get(item, "max_points"))
		if maximum is None or maximum <= 0:
			problems.append(RuleViolation("Row {0}: the maximum points must be above zero.", (row,)))
			continue
		for field in ("self_score", "inspector_score"):
			try:
				_num(_get(item, field))
			except ValueError:
				problems.append(RuleViolation("Row {0}: {1} is not a number.", (row, _get(item, field))))
				item = {**_as_dict(item), field: None}
		for field, negative, above in (
			("self_score", "Row {0}: the self-assessment score cannot be negative.", "Row {0}: the self-assessment score {1} is above the item maximum {2}."),
			("inspector_score", "Row {0}: the inspector score cannot be negative.", "Row {0}: the inspector score {1} is above the item maximum {2}."),
		):
			score = _num(_get(item, field))
			if score is None:
				continue
			if score < 0:
				problems.append(RuleViolation(negative, (row,)))
			elif score > maximum:
				problems.append(RuleViolation(above, (row, _plain(score), _plain(maximum))))
		if need_self and _num(_get(item, "self_score")) is None:
			problems.append(RuleViolation("Row {0}: the self-assessment score is missing.", (row,)))
		inspector = _num(_get(item, "inspector_score"))
		if need_inspector and inspector is None:
			problems.append(RuleViolation("Row {0}: the inspector score is missing.", (row,)))
		if inspector is not None and inspector < maximum and not (_get(item, "deduction_reason") or "").strip():
			problems.append(RuleViolation("Row {0}: a deduction needs a reason.", (row,)))
	return problems


def scaled_sum(items, field, full_score=100):
	"""The items' ``field`` scores added up and put on a ``full_score`` scale (None if any is missing)."""
	maximum = sum((number_or_none(_get(i, "max_points")) or 0 for i in items), Fraction(0))
	scores = [number_or_none(_get(i, field)) for i in items]
	if not items or maximum <= 0 or any(s is None for s in scores):
		return None
	return float(round(sum(scores, Fraction(0)) / maximum * Fraction(str(full_score)), 2))


def total_and_grade(special_score, routine_score, special_weight, routine_weight, pass_mark, mark_is_below=True):
	"""The weighted total (rounded to 2 decimals, for display) and whether it passes.

	The grade compares the exact, unrounded total: 74.995 is below 75 even though it shows as 75.00.
	``mark_is_below``: the pass mark itself is "below" (seed 002 "75分以下"; 民法典 第1259条: 以下
	includes the number), so a total must exceed it to pass; otherwise reaching it passes."""
	exact = exact_weighted_total(special_score, routine_score, special_weight, routine_weight)
	mark = Fraction(str(pass_mark))
	passed = exact > mark if mark_is_below else exact >= mark
	return weighted_total(special_score, routine_score, special_weight, routine_weight), PASSED if passed else BELOW_PASS_MARK


def check_routine_score(routine_score, full_score=100) -> list[RuleViolation]:
	score = _num(routine_score)
	if score is None:
		return [RuleViolation("The routine inspection score is missing.")]
	if not 0 <= score <= Fraction(str(full_score)):
		return [RuleViolation("The routine inspection score must be between 0 and {0}.", (_plain(full_score),))]
	return []


def check_member_grades(grades, allowed) -> list[RuleViolation]:
	"""``grades`` as (cadre, grade); every grade one of ``allowed`` (the rule set's member grades)."""
	problems = []
	seen = set()
	for row, (cadre, grade) in enumerate(grades, start=1):
		if cadre in seen:
			problems.append(RuleViolation("Member row {0}: {1} is graded twice.", (row, cadre)))
		seen.add(cadre)
		if grade and grade not in allowed:
			problems.append(RuleViolation("Member row {0}: grade {1} is not one of {2}.", (row, grade, "、".join(allowed))))
	return problems


def check_step(states, old, new) -> list[RuleViolation]:
	"""A workflow moves one step at a time: forward to the next state or back to an earlier one."""
	if old == new or old is None:
		return []
	if old not in states or new not in states:
		return []
	if states.index(new) > states.index(old) + 1:
		return [RuleViolation("{0} cannot go straight to {1}: finish {2} first.", (old, new, states[states.index(old) + 1]))]
	return []


def rank(rows):
	"""Competition ranking ("1224") of (key, total) pairs, highest total first; None totals last, unranked."""
	scored = sorted((r for r in rows if r[1] is not None), key=lambda r: -Fraction(str(r[1])))
	result = []
	previous, position = None, 0
	for index, (key, total) in enumerate(scored, start=1):
		if total != previous:
			position = index
			previous = total
		result.append((key, total, position))
	result.extend((key, None, None) for key, total in rows if total is None)
	return result


# The scoring sheet (考评表) as an xlsx: one row per item, keyed by its row number.
SHEET_HEADERS = ("No.", "Content Area", "Item", "Maximum Points", "Self-assessment Score", "Inspector Score", "Deduction Reason")


def read_sheet(header, rows, items, stage, first_line=2):
	"""Check a filled scoring sheet against the assessment's ``items``.

	``stage`` is "self" (self-assessment scores) or "inspector" (inspector scores and reasons);
	``first_line`` is the sheet row number of the first data row (for the messages).
	Returns (updates, violations): updates as {row number: {field: value}}; nothing is to be
	written when there is any violation.
	"""
	problems = []
	header = [str(h).strip() if h is not None else "" for h in header]
	if header[: len(SHEET_HEADERS)] != list(SHEET_HEADERS):
		return {}, [RuleViolation("The sheet's header row is not the scoring sheet's: expected {0}.", (", ".join(SHEET_HEADERS),))]
	by_number = {index: item for index, item in enumerate(items, start=1)}
	updates, seen = {}, set()
	for line, values in enumerate(rows, start=first_line):
		values = list(values) + [None] * (len(SHEET_HEADERS) - len(values))
		if all(v is None or str(v).strip() == "" for v in values):
			continue
		number = _as_number(values[0])
		if number is None or number != int(number) or int(number) not in by_number:
			problems.append(RuleViolation("Sheet row {0}: item number {1} is not an item of this assessment.", (line, values[0])))
			continue
		number = int(number)
		if number in seen:
			problems.append(RuleViolation("Sheet row {0}: item {1} appears twice.", (line, number)))
			continue
		seen.add(number)
		maximum = _num(_get(by_number[number], "max_points"))
		column = 4 if stage == "self" else 5
		raw = values[column]
		score = _as_number(raw)
		if raw is None or str(raw).strip() == "":
			problems.append(RuleViolation("Sheet row {0}: the score is missing.", (line,)))
			continue
		if score is None:
			problems.append(RuleViolation("Sheet row {0}: {1} is not a number.", (line, raw)))
			continue
		if score < 0 or score > maximum:
			problems.append(RuleViolation("Sheet row {0}: score {1} is outside 0 to {2}.", (line, _plain(score), _plain(maximum))))
			continue
		if stage == "self":
			updates[number] = {"self_score": _plain(score)}
		else:
			reason = str(values[6]).strip() if values[6] is not None else ""
			if score < maximum and not reason:
				problems.append(RuleViolation("Sheet row {0}: a deduction needs a reason.", (line,)))
				continue
			updates[number] = {"inspector_score": _plain(score), "deduction_reason": reason}
	missing = sorted(set(by_number) - seen)
	if missing and not problems:
		problems.append(RuleViolation("The sheet has no score for item(s) {0}.", (", ".join(map(str, missing)),)))
	return ({} if problems else updates), problems


def _as_dict(item):
	if isinstance(item, dict):
		return dict(item)
	return {k: getattr(item, k, None) for k in ("max_points", "self_score", "inspector_score", "deduction_reason")}


def _as_number(value):
	if value is None or isinstance(value, bool):
		return None
	try:
		return Fraction(str(value).strip())
	except (ValueError, ZeroDivisionError):
		return None


def _plain(number) -> str:
	return f"{float(number):g}"
