"""Accountability (问责): one record per consequence, from draft to conclusion. Plain Python.

A record comes from a source (an evaluation's outcome, an assessment below the pass mark, a
survey ranking, an overdue rectification, a report found not truthful); the rule set's
consequence rows say which source creates a draft and which measures it proposes. The office
verifies (核实, seeds 003 §22 "经核实", §23 "经查证属实") where the rule asks for it, decides the
measures (each with who decided and when) and concludes. Every step is recorded.
"""

from .messages import RuleViolation

# sources (the kind of rule that fired)
EVALUATION = "Evaluation"
ASSESSMENT = "Responsibility Assessment"
SURVEY = "Survey Ranking"
RECTIFICATION_OVERDUE = "Rectification Overdue"
REPORT_NOT_TRUTHFUL = "Report Not Truthful"
SOURCES = (EVALUATION, ASSESSMENT, SURVEY, RECTIFICATION_OVERDUE, REPORT_NOT_TRUTHFUL)

# measures (001 §8, 003 §23: 约谈、通报批评、诫勉; 组织处理; 000 四(三)3: 移送)
MEASURES = ("Interview", "Circulated Criticism", "Admonishment", "Organisational Handling", "Referral")

# states: 草稿 → 核实中 → 已核实 / 不属实 → 已决定 → 已办结
DRAFT = "Draft"
VERIFYING = "Verifying"
VERIFIED = "Facts Verified"
NOT_FOUND = "Not Substantiated"
DECIDED = "Decided"
CONCLUDED = "Concluded"
STATES = (DRAFT, VERIFYING, VERIFIED, NOT_FOUND, DECIDED, CONCLUDED)
FINAL_STATES = (NOT_FOUND, CONCLUDED)

TRANSITIONS = {
	DRAFT: (VERIFYING, DECIDED),
	VERIFYING: (VERIFIED, NOT_FOUND),
	VERIFIED: (DECIDED,),
	NOT_FOUND: (),
	DECIDED: (CONCLUDED,),
	CONCLUDED: (),
}


def parse_measures(text) -> tuple[str, ...]:
	"""Measures written in one field (commas, 、 or new lines); unknown words are kept for the check."""
	for sep in ("，", "、", "\n", ";", "；"):
		text = (text or "").replace(sep, ",")
	return tuple(part.strip() for part in text.split(",") if part.strip())


def measure_violations(measures) -> list[RuleViolation]:
	return [RuleViolation("{0} is not a measure of accountability.", (m,)) for m in measures if m not in MEASURES]


def matching_rules(rows, source: str, outcome: str | None = None) -> list:
	"""The rule set's consequence rows that fire for ``source`` (and, for an evaluation, its outcome).

	``rows``: dicts or objects with ``trigger``, ``outcome`` (blank: any) and the rest."""

	def get(row, key):
		return row.get(key) if isinstance(row, dict) else getattr(row, key, None)

	found = []
	for row in rows:
		if get(row, "trigger") != source:
			continue
		wanted = (get(row, "outcome") or "").strip()
		if wanted and wanted != (outcome or "").strip():
			continue
		found.append(row)
	return found


def transition_violations(old: str, new: str, *, needs_verification: bool, measures: list, finding: str = "") -> list[RuleViolation]:
	"""Why the record may not move from ``old`` to ``new``.

	``measures``: (measure, decided_by, decided_on) of its measure rows."""
	if new == old:
		return []
	if new not in TRANSITIONS.get(old, ()):
		return [RuleViolation("An accountability record cannot go from {0} to {1}.", (old, new))]
	problems = []
	if old == DRAFT and new == DECIDED and needs_verification:
		problems.append(RuleViolation("The rule that fired asks for verification (核实) before any measure is decided."))
	if new in (VERIFIED, NOT_FOUND) and not (finding or "").strip():
		problems.append(RuleViolation("Write down what the verification found."))
	if new == DECIDED:
		if not measures:
			problems.append(RuleViolation("Record at least one measure decided."))
		for row, (measure, decided_by, decided_on) in enumerate(measures, start=1):
			if measure not in MEASURES:
				problems.append(RuleViolation("Measure row {0}: {1} is not a measure of accountability.", (row, measure)))
			if not (decided_by or "").strip() or not decided_on:
				problems.append(RuleViolation("Measure row {0}: say who decided it and when.", (row,)))
	return problems
