"""三述 reports: the sections a report must have, and whether it came in on time."""

from datetime import date

from .messages import RuleViolation

ON_TIME = "Submitted On Time"
LATE = "Submitted Late"
MISSING = "Not Submitted"
PENDING = "Not Yet Due"


def section_violations(required, given) -> list[RuleViolation]:
	"""A report has exactly one section per 述 of its scheme."""
	problems = []
	seen = set()
	for section in given:
		if section in seen:
			problems.append(RuleViolation("The section {0} appears twice.", (section,)))
		elif section not in required:
			problems.append(RuleViolation("The section {0} is not part of this campaign's scheme.", (section,)))
		seen.add(section)
	for section in required:
		if section not in seen:
			problems.append(RuleViolation("The section {0} is missing.", (section,)))
	return problems


def submission_violations(sections: dict, attachment) -> list[RuleViolation]:
	"""Before submitting, every section needs text (``sections``: section -> plain text)."""
	return [RuleViolation("Write the section {0} before submitting.", (s,)) for s, text in sections.items() if not (text or "").strip()]


def standing(due: date | None, submitted_on: date | None, today: date) -> str:
	"""On time, late, missing (due date passed, nothing submitted) or not yet due."""
	if submitted_on:
		return LATE if due and submitted_on > due else ON_TIME
	if due and today > due:
		return MISSING
	return PENDING
