"""Who may sign a responsibility document next (签字背书), as plain data.

A document carries signature rows, each naming a signer in a capacity:

- 主体责任人 (``Principal Responsible``) and 监督责任人 (``Supervisory Responsible``) review the
  document (审阅) and give a written opinion (审阅意见) before anything is signed;
- then the rows are signed capacity by capacity, in ``CAPACITY_ORDER``: the principal first, the
  supervisor next, the person held responsible (``Responsibility Subject``, 责任对象) last. Rows of
  the same capacity may sign in any order among themselves.

Only the person named on a row may give its opinion or sign it. The document is complete when
every required row is signed. Nothing here touches Frappe: controllers pass rows in and
translate the ``RuleViolation`` messages they get back.
"""

from dataclasses import dataclass

from sanshu_app.rules.messages import RuleError, RuleViolation

PRINCIPAL = "Principal Responsible"
SUPERVISOR = "Supervisory Responsible"
SUBJECT = "Responsibility Subject"
CAPACITY_ORDER = (PRINCIPAL, SUPERVISOR, SUBJECT)
# Capacities that review the document and must give an opinion before the signing starts.
REVIEWING_CAPACITIES = frozenset({PRINCIPAL, SUPERVISOR})

# Stages of a document, as far as signing is concerned.
REVIEW = "review"
SIGNING = "signing"


@dataclass(frozen=True)
class SignatureRow:
	key: str  # the row's id (its name, or its position)
	signer: str | None  # who is named (a cadre)
	capacity: str
	opinion: str | None = None
	signed: bool = False
	required: bool = True
	gives_opinion: bool = True  # False where the document has no review stage (a risk card)

	@property
	def needs_opinion(self) -> bool:
		return self.gives_opinion and self.capacity in REVIEWING_CAPACITIES and self.required


def rank(capacity: str) -> int:
	try:
		return CAPACITY_ORDER.index(capacity)
	except ValueError:
		raise RuleError([RuleViolation("Unknown signing capacity: {0}.", (capacity,))]) from None


def check_rows(rows: list[SignatureRow]) -> list[RuleViolation]:
	"""What is wrong with a signature table as drafted (before anyone signs)."""
	violations = []
	seen = set()
	for position, row in enumerate(rows, start=1):
		if not row.signer:
			violations.append(RuleViolation("Signature row {0}: choose who signs.", (position,)))
		if row.capacity not in CAPACITY_ORDER:
			violations.append(RuleViolation("Unknown signing capacity: {0}.", (row.capacity,)))
		if row.signer and (row.signer, row.capacity) in seen:
			violations.append(RuleViolation("Signature row {0}: {1} is already listed in this capacity.", (position, row.signer)))
		seen.add((row.signer, row.capacity))
	if rows and not any(r.required for r in rows):
		violations.append(RuleViolation("At least one signature must be required."))
	return violations


def missing_opinions(rows: list[SignatureRow]) -> list[SignatureRow]:
	return [r for r in rows if r.needs_opinion and not (r.opinion or "").strip()]


def all_signed(rows: list[SignatureRow]) -> bool:
	required = [r for r in rows if r.required]
	return bool(required) and all(r.signed for r in required)


def next_to_sign(rows: list[SignatureRow]) -> list[SignatureRow]:
	"""The rows whose turn it is: the unsigned rows of the earliest capacity still open.

	Optional rows never hold anyone up, but may sign in their capacity's turn."""
	open_rows = [r for r in rows if not r.signed]
	pending_required = [rank(r.capacity) for r in open_rows if r.required]
	if not pending_required:
		return []
	turn = min(pending_required)
	return [r for r in open_rows if rank(r.capacity) == turn]


def _find(rows, key):
	for row in rows:
		if row.key == key:
			return row
	raise RuleError([RuleViolation("There is no signature row {0}.", (key,))])


def check_opinion(rows: list[SignatureRow], key: str, actor: str | None, stage: str) -> list[RuleViolation]:
	"""May ``actor`` (a cadre, or None when the user has no cadre record) give the opinion of row ``key``?"""
	row = _find(rows, key)
	if stage != REVIEW:
		return [RuleViolation("Review opinions are given while the document is under review.")]
	if not actor or row.signer != actor:
		return [RuleViolation("Only {0}, named on this row, can give its review opinion.", (row.signer,))]
	if row.capacity not in REVIEWING_CAPACITIES:
		return [RuleViolation("A {0} signs the document but gives no review opinion.", (row.capacity,))]
	return []


def check_sign(rows: list[SignatureRow], key: str, actor: str | None, stage: str) -> list[RuleViolation]:
	"""May ``actor`` sign row ``key`` now? Every reason why not, empty when they may."""
	row = _find(rows, key)
	if not actor or row.signer != actor:
		return [RuleViolation("Only {0}, named on this row, can sign it.", (row.signer,))]
	if row.signed:
		return [RuleViolation("This row is already signed.")]
	if stage != SIGNING:
		return [RuleViolation("The document is not awaiting signatures.")]
	missing = missing_opinions(rows)
	if missing:
		return [RuleViolation("Review opinions come before signatures: {0} has not given one yet.", (missing[0].signer,))]
	if row not in next_to_sign(rows):
		waiting = ", ".join(r.signer or "" for r in next_to_sign(rows))
		return [RuleViolation("Not your turn to sign yet: waiting for {0}.", (waiting,))]
	return []


def rows_for(rows: list[SignatureRow], actor: str | None) -> list[SignatureRow]:
	"""The rows naming ``actor``."""
	return [r for r in rows if actor and r.signer == actor]


def newly_due(before: list[SignatureRow], after: list[SignatureRow]) -> list[SignatureRow]:
	"""Rows whose turn has come with the latest signature (to tell their signers)."""
	was = {r.key for r in next_to_sign(before)}
	return [r for r in next_to_sign(after) if r.key not in was]
