"""Rating a tally of ballots against a rule set's thresholds.

A threshold says: when the share of ballots choosing any of ``options`` is ``>=`` (or ``>``)
``percent`` of all valid ballots, the outcome is ``outcome``. Thresholds are tried in
precedence order (the order of the rule set's rows) and the first that holds wins; when none
holds, the rule set's fallback outcome applies. Shares are compared as exact fractions, so a
boundary such as 4 of 5 ballots against 80% is decided exactly.

Abstentions (a ballot that rates nobody, a blank paper ballot) count in the denominator only when
the rule set says so (``count_abstentions``); the seeds are silent. When no band holds the
fallback applies; a rule set may mark its fallback as *pending* (``Rating.pending``): then the
outcome says no band was reached and the office decides (seed 000 defines no outcome for the gap,
which opens only when abstentions count).
"""

from dataclasses import dataclass, field
from fractions import Fraction

from .messages import RuleError, RuleViolation

COMPARISONS = (">=", ">")


@dataclass(frozen=True)
class Threshold:
	outcome: str
	options: tuple[str, ...]
	percent: Fraction | float | int | str
	comparison: str = ">="
	consequences: tuple[str, ...] = field(default_factory=tuple)

	def share_fraction(self) -> Fraction:
		return Fraction(str(self.percent)) / 100

	def holds(self, counted: int, total: int) -> bool:
		share = Fraction(counted, total)
		bar = self.share_fraction()
		return share >= bar if self.comparison == ">=" else share > bar


@dataclass(frozen=True)
class Rating:
	outcome: str | None
	threshold: Threshold | None
	total: int
	shares: dict
	abstentions: int = 0
	pending: bool = False  # no band held and the fallback asks the office to decide

	@property
	def consequences(self) -> tuple[str, ...]:
		return self.threshold.consequences if self.threshold else ()


def parse_options(text: str) -> tuple[str, ...]:
	"""Scale options written in one field, separated by commas, 、 or new lines."""
	for sep in ("，", "、", "\n", ";", "；"):
		text = text.replace(sep, ",")
	return tuple(part.strip() for part in text.split(",") if part.strip())


def rate(
	tally: dict[str, int],
	scale: list[str],
	thresholds: list[Threshold],
	fallback: str | None,
	abstentions: int = 0,
	count_abstentions: bool = False,
	fallback_pending: bool = False,
) -> Rating:
	"""Rate ``tally`` (option -> number of valid ballots).

	``abstentions`` ballots rated nobody; they join the denominator when ``count_abstentions``.
	An empty tally has no outcome: nobody can be rated on no ballots.
	"""
	problems = [RuleViolation("Option {0} is not on the rating scale.", (o,)) for o in tally if o not in scale]
	problems += [RuleViolation("The count for {0} cannot be negative.", (o,)) for o, n in tally.items() if n < 0]
	if abstentions < 0:
		problems.append(RuleViolation("The number of abstentions cannot be negative."))
	if problems:
		raise RuleError(problems)
	rated = sum(tally.values())
	abstentions = abstentions if count_abstentions else 0
	total = rated + abstentions
	shares = {o: (Fraction(tally.get(o, 0), total) if total else Fraction(0)) for o in scale}
	if rated == 0:
		return Rating(None, None, total, shares, abstentions)
	for threshold in thresholds:
		counted = sum(tally.get(o, 0) for o in threshold.options)
		if threshold.holds(counted, total):
			return Rating(threshold.outcome, threshold, total, shares, abstentions)
	return Rating(fallback, None, total, shares, abstentions, pending=bool(fallback_pending))


def _implies(later: Threshold, earlier: Threshold) -> bool:
	"""True when every tally that meets ``later`` also meets ``earlier`` (so ``later`` never fires)."""
	lp, ep = later.share_fraction(), earlier.share_fraction()
	if later.comparison == ">" or earlier.comparison == ">=":
		return lp >= ep
	return lp > ep  # later is >=, earlier is >


def check_thresholds(scale: list[str], thresholds: list[Threshold], fallback: str | None) -> list[RuleViolation]:
	"""Everything that makes a scale and its thresholds incoherent."""
	problems = []
	if len(set(scale)) != len(scale):
		problems.append(RuleViolation("The rating scale lists an option twice."))
	if thresholds and not scale:
		problems.append(RuleViolation("Thresholds need a rating scale to count from."))
	for row, t in enumerate(thresholds, start=1):
		if not t.outcome:
			problems.append(RuleViolation("Threshold row {0}: the outcome is missing.", (row,)))
		if not t.options:
			problems.append(RuleViolation("Threshold row {0}: name the scale options it counts.", (row,)))
		for option in t.options:
			if scale and option not in scale:
				problems.append(RuleViolation("Threshold row {0}: {1} is not on the rating scale.", (row, option)))
		if t.comparison not in COMPARISONS:
			problems.append(RuleViolation("Threshold row {0}: the comparison must be >= or >.", (row,)))
		percent = Fraction(str(t.percent))
		if not 0 <= percent <= 100:
			problems.append(RuleViolation("Threshold row {0}: the percentage must be between 0 and 100.", (row,)))
	for later_row, later in enumerate(thresholds, start=1):
		for earlier_row, earlier in enumerate(thresholds[: later_row - 1], start=1):
			if set(later.options) == set(earlier.options) and later.comparison in COMPARISONS and _implies(later, earlier):
				problems.append(
					RuleViolation(
						"Threshold row {0} can never apply: row {1} counts the same options with a lower or equal bar and is tried first.",
						(later_row, earlier_row),
					)
				)
	if thresholds and not fallback:
		problems.append(RuleViolation("Name the outcome that applies when no threshold is met."))
	return problems


# -- rating per aspect (000 四（二）: 在责、廉、德等三个方面的表现) -------------------------------------
def rate_aspects(aspect_tallies: dict, scale: list[str], thresholds: list[Threshold], fallback: str | None, **options) -> dict:
	"""Each aspect (述责, 述廉, 述德 …) rated on its own tally with the same thresholds: aspect -> Rating.

	``aspect_tallies``: aspect -> {option: ballots}; ``options`` as for ``rate`` (abstentions are per
	aspect: ``abstentions`` may be a dict aspect -> count)."""
	abstentions = options.pop("abstentions", 0)
	return {
		aspect: rate(
			tally, scale, thresholds, fallback, abstentions=abstentions.get(aspect, 0) if isinstance(abstentions, dict) else abstentions, **options
		)
		for aspect, tally in aspect_tallies.items()
	}


def aspect_vote_violations(aspects, choices: dict, scale) -> list[RuleViolation]:
	"""An online ballot rates every aspect the rule set lists, each with an option of the scale."""
	problems = []
	unknown = [a for a in choices if a not in aspects]
	if unknown:
		problems.append(RuleViolation("{0} is not an aspect this evaluation rates.", (unknown[0],)))
	for aspect in aspects:
		choice = (choices.get(aspect) or "").strip()
		if not choice:
			problems.append(RuleViolation("Rate the aspect {0} too: each aspect is rated on its own.", (aspect,)))
		elif choice not in scale:
			problems.append(RuleViolation("{0} is not an option of this evaluation's rating scale.", (choice,)))
	return problems
