"""文号 (document numbers) of the office's letters: a pattern set by the office, a per-year sequence.

A pattern is the number as the office writes it with two placeholders, ``{year}`` and
``{number}``: ``高新廉责〔{year}〕{number}号`` gives 高新廉责〔2026〕1号, 高新廉责〔2026〕2号 …
``{number:03}`` pads the number with zeros (007). The sequence behind it is kept per *sequence key*:
the pattern with the year filled in and the number left open, so each year (and each pattern)
starts again at 1, and two letter types sharing one pattern share one sequence — no 文号 is
ever printed twice.
"""

import re

from sanshu_app.rules.messages import RuleError, RuleViolation

# {year}, {number} or {number:0N}; anything else between braces is a mistake.
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
NUMBER = re.compile(r"^number(?::0?([1-9]))?$")
# Longest number a pattern may produce: Data fields hold 140 characters; the sequence key 100.
MAX_PATTERN_LENGTH = 60


def check_pattern(pattern: str) -> list[RuleViolation]:
	"""What is wrong with ``pattern`` (empty when it is usable)."""
	pattern = (pattern or "").strip()
	if not pattern:
		return [RuleViolation("A document number pattern cannot be empty.")]
	problems = []
	if len(pattern) > MAX_PATTERN_LENGTH:
		problems.append(RuleViolation("The document number pattern {0} is longer than {1} characters.", (pattern, MAX_PATTERN_LENGTH)))
	fields = PLACEHOLDER.findall(pattern)
	unknown = [f for f in fields if f != "year" and not NUMBER.match(f)]
	if unknown:
		problems.append(
			RuleViolation("The document number pattern {0} has an unknown placeholder {1}; use {{year}} and {{number}}.", (pattern, "{" + unknown[0] + "}"))
		)
	if sum(1 for f in fields if NUMBER.match(f)) != 1:
		problems.append(RuleViolation("The document number pattern {0} needs {{number}} exactly once.", (pattern,)))
	if fields.count("year") != 1:
		problems.append(RuleViolation("The document number pattern {0} needs {{year}} exactly once, or numbers would repeat each year.", (pattern,)))
	if "{" in PLACEHOLDER.sub("", pattern) or "}" in PLACEHOLDER.sub("", pattern):
		problems.append(RuleViolation("The document number pattern {0} has an unmatched brace.", (pattern,)))
	return problems


def _checked(pattern: str) -> str:
	problems = check_pattern(pattern)
	if problems:
		raise RuleError(problems)
	return pattern.strip()


def _check_year(year) -> int:
	try:
		year = int(year)
	except (TypeError, ValueError):
		raise RuleError([RuleViolation("A document number needs the year of the document.")]) from None
	if not 1900 <= year <= 9999:
		raise RuleError([RuleViolation("{0} is not a year a document number can carry.", (year,))])
	return year


def sequence_key(pattern: str, year) -> str:
	"""The key of the sequence a number of ``pattern`` in ``year`` is drawn from."""
	pattern, year = _checked(pattern), _check_year(year)
	return PLACEHOLDER.sub(lambda m: str(year) if m.group(1) == "year" else "{number}", pattern)


def format_number(pattern: str, year, number: int) -> str:
	"""The 文号 with sequence number ``number`` (1 for the first of the year)."""
	pattern, year = _checked(pattern), _check_year(year)
	if int(number) < 1:
		raise RuleError([RuleViolation("A document sequence number starts at 1, not {0}.", (number,))])

	def fill(match):
		field = match.group(1)
		if field == "year":
			return str(year)
		width = NUMBER.match(field).group(1)
		return str(int(number)).zfill(int(width) if width else 1)

	return PLACEHOLDER.sub(fill, pattern)
