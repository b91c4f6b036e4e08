"""Coherence of a rule set's numbers: weights, pass mark and deadline lengths."""

from fractions import Fraction

from .messages import RuleViolation


def check_assessment(max_score, special_weight, routine_weight, pass_mark) -> list[RuleViolation]:
	problems = []
	if not 0 <= Fraction(str(special_weight)) <= 100:
		problems.append(RuleViolation("The special inspection weight must be between 0 and 100."))
	if not 0 <= Fraction(str(routine_weight)) <= 100:
		problems.append(RuleViolation("The routine inspection weight must be between 0 and 100."))
	if Fraction(str(special_weight)) + Fraction(str(routine_weight)) != 100:
		problems.append(
			RuleViolation("The inspection weights must add up to 100 (they add up to {0}).", (_plain(special_weight + routine_weight),))
		)
	if Fraction(str(max_score)) <= 0:
		problems.append(RuleViolation("The full score must be above zero."))
	elif not 0 <= Fraction(str(pass_mark)) <= Fraction(str(max_score)):
		problems.append(RuleViolation("The pass mark must be between 0 and the full score {0}.", (_plain(max_score),)))
	return problems


def check_deadlines(deadlines: list[tuple[str, int]]) -> list[RuleViolation]:
	"""``deadlines`` as (kind of deadline, days): each kind once, days not negative."""
	problems = []
	seen = set()
	for row, (kind, days) in enumerate(deadlines, start=1):
		if kind in seen:
			problems.append(RuleViolation("Deadline row {0}: {1} is already set in an earlier row.", (row, kind)))
		seen.add(kind)
		if days is None or days < 0:
			problems.append(RuleViolation("Deadline row {0}: the number of days cannot be negative.", (row,)))
	return problems


def exact_weighted_total(special_score, routine_score, special_weight, routine_weight) -> Fraction:
	"""The special and routine inspection scores (each on a 100-point scale) folded into one exact total."""
	return (Fraction(str(special_score)) * Fraction(str(special_weight)) + Fraction(str(routine_score)) * Fraction(str(routine_weight))) / 100


def weighted_total(special_score, routine_score, special_weight, routine_weight):
	"""The total as shown (2 decimals); compare the pass mark with ``exact_weighted_total``."""
	return float(round(exact_weighted_total(special_score, routine_score, special_weight, routine_weight), 2))


def _plain(number) -> str:
	return f"{float(number):g}"
