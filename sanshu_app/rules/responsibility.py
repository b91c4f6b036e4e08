"""Small rules of the responsibility documents: overdue tasks, commitment compliance, bulk issue."""

from datetime import date

from sanshu_app.rules.messages import RuleViolation

DONE_TASK_STATUSES = frozenset({"Completed"})

NOT_ISSUED = "Not Issued"
NOT_SIGNED = "Not Signed"
SIGNED_LATE = "Signed Late"
SIGNED_ON_TIME = "Signed On Time"
NON_COMPLIANT = frozenset({NOT_ISSUED, NOT_SIGNED, SIGNED_LATE})


def task_overdue(deadline: date | None, status: str | None, today: date) -> bool:
	return bool(deadline) and deadline < today and status not in DONE_TASK_STATUSES


def check_supervision_source(letter_signed: bool, deadline: date | None, status: str | None, today: date) -> list[RuleViolation]:
	"""May a 督办书 be raised from this task of a letter?"""
	if not letter_signed:
		return [RuleViolation("A supervision notice can only be raised from a signed letter.")]
	if not task_overdue(deadline, status, today):
		return [RuleViolation("This task is not overdue: a supervision notice is only raised for overdue tasks.")]
	return []


def compliance_status(issued: bool, signed_on: date | None, due: date | None, today: date) -> str:
	"""Where a cadre stands on their commitment for a campaign whose commitments are due on ``due``."""
	if signed_on:
		return SIGNED_LATE if due and signed_on > due else SIGNED_ON_TIME
	if not issued:
		return NOT_ISSUED
	return NOT_SIGNED


def counts_as_missing(status: str, due: date | None, today: date) -> bool:
	"""Is this cadre one who has not signed by the deadline (as of ``today``)?"""
	if status == SIGNED_ON_TIME:
		return False
	if status == SIGNED_LATE:
		return True
	return due is None or today > due


def still_to_issue(targets: list, existing: set) -> list:
	"""The targets (cadres or units, in order, without repeats) that have no document yet."""
	seen = set()
	todo = []
	for target in targets:
		if target and target not in existing and target not in seen:
			todo.append(target)
		seen.add(target)
	return todo


def check_one_annual_commitment(other_commitments: list[str], cadre: str, year: int) -> list[RuleViolation]:
	if other_commitments:
		return [RuleViolation("{0} already has an annual commitment for {1}: {2}.", (cadre, year, other_commitments[0]))]
	return []


PRE_APPOINTMENT = "Pre-appointment Integrity Commitment"
SIX_COMMITMENTS = "Six Commitments"


def commitment_needs_cadre_flags(kind: str) -> bool:
	"""Whether check_commitment_fits looks at the cadre's newly-promoted / discipline-cadre flags for
	``kind`` (the annual commitment fits every cadre, so its check need not read them)."""
	return kind in (PRE_APPOINTMENT, SIX_COMMITMENTS)


def check_commitment_fits(kind: str, cadre: str, newly_promoted: bool, discipline_cadre: bool) -> list[RuleViolation]:
	"""任前廉政承诺 is made by a newly promoted cadre, the 六项承诺 by a new discipline cadre."""
	if kind == PRE_APPOINTMENT and not newly_promoted:
		return [RuleViolation("{0} is not marked as newly promoted: a pre-appointment commitment is for newly promoted cadres.", (cadre,))]
	if kind == SIX_COMMITMENTS and not discipline_cadre:
		return [RuleViolation("{0} is not marked as a discipline cadre: the Six Commitments are made by new discipline cadres.", (cadre,))]
	return []
