"""Supervision (查, 评): random draws, rankings, persistent bottom / top places and the weighted
warning index (预警指数). Plain Python; the controllers call these and translate the violations."""

import random
from dataclasses import dataclass, field
from fractions import Fraction

from .messages import RuleError, RuleViolation
from .sheets import cell_text

# -- random draw (随机抽查) -------------------------------------------------------------------


def draw_units(pool, count: int, seed: str) -> list:
	"""``count`` units drawn from ``pool`` with ``seed``: the same pool, count and seed always give
	the same units, whatever order the pool was listed in."""
	units = sorted(set(pool))
	if not units:
		raise RuleError([RuleViolation("The pool to draw from is empty.")])
	if count < 1 or count > len(units):
		raise RuleError([RuleViolation("Draw between 1 and {0} units from this pool, not {1}.", (len(units), count))])
	if not str(seed or "").strip():
		raise RuleError([RuleViolation("A draw needs a seed, so that it can be repeated.")])
	return sorted(random.Random(str(seed)).sample(units, count))


# -- rankings ----------------------------------------------------------------------------------


def rank(scores: dict, highest_first: bool = True) -> dict:
	"""Standard competition ranking (1, 2, 2, 4): equal scores share a place."""
	ordered = sorted(scores.items(), key=lambda item: (-item[1] if highest_first else item[1], str(item[0])))
	places, previous, place = {}, None, 0
	for position, (unit, score) in enumerate(ordered, start=1):
		if score != previous:
			place, previous = position, score
		places[unit] = place
	return places


def bottom(scores: dict, n: int) -> set:
	"""Units among the lowest ``n`` (ties with the n-th lowest included)."""
	return {unit for unit, place in rank(scores, highest_first=False).items() if place <= n}


# What a tie across the bottom-n cut does (a rule-set choice; the seeds are silent).
TIES_INCLUDE_ALL = "Include All Tied"
TIES_INCLUDE_NONE = "Include None Tied"
TIES_OFFICE_DECIDES = "Office Decides"
TIE_POLICIES = (TIES_INCLUDE_ALL, TIES_INCLUDE_NONE, TIES_OFFICE_DECIDES)


def bottom_with_ties(scores: dict, n: int, policy: str = TIES_OFFICE_DECIDES) -> tuple[set, set]:
	"""(units in the bottom ``n``, units tied across the cut the office must decide on).

	Units tied with each other across the n-th lowest place (so that taking them all would give more
	than ``n``) are: all in (``Include All Tied``), all out (``Include None Tied``), or left to the
	office (``Office Decides``: returned apart, in neither set's first part)."""
	if policy not in TIE_POLICIES:
		raise RuleError([RuleViolation("{0} is not a way to handle ties.", (policy,))])
	places = rank(scores, highest_first=False)
	within = {unit for unit, place in places.items() if place <= n}
	if len(within) <= n:
		return within, set()
	cut_place = max(places[u] for u in within)
	tied = {unit for unit in within if places[unit] == cut_place}
	clear = within - tied
	if policy == TIES_INCLUDE_ALL:
		return within, set()
	if policy == TIES_INCLUDE_NONE:
		return clear, set()
	return clear, tied


def top(scores: dict, n: int) -> set:
	"""Units among the highest ``n`` (ties with the n-th highest included)."""
	return {unit for unit, place in rank(scores, highest_first=True).items() if place <= n}


def persistent(periods: list, m: int) -> set:
	"""Units found in each of the last ``m`` consecutive periods.

	``periods``: (ordinal, units) pairs, ordinal a whole number with consecutive periods one apart
	(a year, or year * 4 + quarter). Fewer than ``m`` consecutive periods ending at the latest one
	flag nobody."""
	if m < 1:
		raise RuleError([RuleViolation("The number of consecutive periods must be at least 1.")])
	ordered = sorted(periods, key=lambda p: p[0])
	if len(ordered) < m:
		return set()
	last = ordered[-m:]
	if any(b[0] - a[0] != 1 for a, b in zip(last, last[1:])):
		return set()
	found = set(last[0][1])
	for _, units in last[1:]:
		found &= set(units)
	return found


def quarter_violations(quarter) -> list[RuleViolation]:
	return [] if quarter in (1, 2, 3, 4) else [RuleViolation("The quarter is 1, 2, 3 or 4, not {0}.", (quarter,))]


# -- warning index (预警指数) -----------------------------------------------------------------

INDEX_COUNTS = ("petitions", "efficiency_complaints", "online_opinion")


def weight_violations(weights: dict) -> list[RuleViolation]:
	problems = []
	for key, value in weights.items():
		if value is None or value < 0:
			problems.append(RuleViolation("The weight of {0} cannot be negative.", (key,)))
	total = sum(Fraction(str(v or 0)) for v in weights.values())
	if total != 100:
		problems.append(RuleViolation("The warning index weights must add up to 100 (they add up to {0}).", (f"{float(total):g}",)))
	return problems


def weighted_index(counts: dict, weights: dict) -> float:
	"""Σ count × weight / 100, rounded to two places."""
	problems = weight_violations(weights)
	if problems:
		raise RuleError(problems)
	total = sum(Fraction(str(counts.get(k) or 0)) * Fraction(str(w)) for k, w in weights.items()) / 100
	return float(round(total, 2))


# -- spreadsheets clerks make ------------------------------------------------------------------

TOTAL_ROW_MARKS = ("合计", "总计", "小计", "total")
NOTE_MARKS = ("注", "说明", "备注", "note")


@dataclass
class UnitSheet:
	rows: list = field(default_factory=list)  # dicts: unit, row, values...
	problems: list = field(default_factory=list)


def read_unit_sheet(rows, columns: dict, known_units, label: str = "") -> UnitSheet:
	"""Rows of a sheet of figures by unit, as a clerk makes it: title rows above the header, a
	notes line, a totals row, padded unit names. ``columns``: field -> accepted header texts (the
	unit column's field is "unit"). Numbers must be whole and not negative unless the field name
	ends in "score". Every bad row is listed; the caller saves nothing when there are problems."""
	result = UnitSheet()
	header_at, positions = None, {}
	for index, row in enumerate(rows):
		texts = [cell_text(v).replace(" ", "") for v in row]
		found = {}
		for fieldname, headers in columns.items():
			for position, text in enumerate(texts):
				if text in headers:
					found[fieldname] = position
					break
		if "unit" in found and len(found) == len(columns):
			header_at, positions = index, found
			break
	if header_at is None:
		wanted = "、".join(headers[0] for headers in columns.values())
		result.problems.append(RuleViolation("No header row with the columns {0} was found.", (wanted,)))
		return result
	known = {str(u).strip(): u for u in known_units}
	seen = {}
	for index, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
		cells = {f: cell_text(row[p]) if p < len(row) else "" for f, p in positions.items()}
		first = next((cell_text(v) for v in row if cell_text(v)), "")
		if not any(cells.values()):
			continue
		if first.lower().startswith(TOTAL_ROW_MARKS) or first.lower().startswith(NOTE_MARKS):
			continue
		unit_text = cells.pop("unit").replace("\u3000", " ").strip()
		if unit_text not in known:
			result.problems.append(RuleViolation("Row {0}: unit {1} is not known.", (index, unit_text or "-")))
			continue
		if unit_text in seen:
			result.problems.append(RuleViolation("Row {0}: unit {1} is already in row {2}.", (index, unit_text, seen[unit_text])))
			continue
		seen[unit_text] = index
		values, bad = {"unit": known[unit_text], "row": index}, False
		for fieldname, text in cells.items():
			whole = not fieldname.endswith("score")
			number = _number(text) if text or whole else None
			if number is None or number < 0 or (whole and number != int(number)):
				template = "Row {0}: {1} must be a whole number, not negative, not {2}." if whole else "Row {0}: {1} must be a number, not negative, not {2}."
				result.problems.append(RuleViolation(template, (index, columns[fieldname][0], text or "-")))
				bad = True
				continue
			values[fieldname] = int(number) if whole else number
		if not bad:
			result.rows.append(values)
	if not result.rows and not result.problems:
		result.problems.append(RuleViolation("The sheet has no rows of figures."))
	return result


def _number(text: str):
	text = text.replace(",", "").replace("，", "").strip()
	if text == "":
		return 0.0
	try:
		return float(text)
	except ValueError:
		return None


# -- survey codes ------------------------------------------------------------------------------
# A survey code is a ballot code (13 Crockford base32 characters, 65 random bits; ``rules.meeting``).
# What is kept of it is a salted SHA-256 over the code's plain SHA-256: codes issued before (10 hex
# characters, 40 bits, stored as the plain SHA-256) were re-hashed in place by a patch with the same
# salt, so they still answer once; new codes are never stored unsalted.


def survey_code_digest(code) -> str:
	"""The plain SHA-256 of a code as typed: a ballot-style code normalised (case, dashes, look-alikes),
	an older hex code upper-cased."""
	import hashlib

	from .meeting import normalize_code

	bare = normalize_code(code) or str(code or "").strip().upper()
	return hashlib.sha256(bare.encode()).hexdigest()


def salted_code_hash(digest: str, salt: str) -> str:
	"""What is stored: the salted hash of a code's plain digest (used by the patch on old rows too)."""
	import hashlib

	return hashlib.sha256(f"{salt}:survey:{digest}".encode()).hexdigest()


def survey_code_hash(code, salt: str) -> str:
	return salted_code_hash(survey_code_digest(code), salt)
