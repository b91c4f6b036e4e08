"""The integrity archive as the office uses it, as plain rules: the integrity opinion (廉政意见回复)
drawn from a cadre's archive, who may read an archive (调阅) and who must recuse (回避), and the
publicity (公示) of an asset declaration.

The settings (what counts, over what window, in what words) come in as data; nothing here knows
Frappe.
"""

from dataclasses import dataclass, field
from datetime import date

from sanshu_app.rules.messages import RuleViolation

# Kinds of archive fact an integrity opinion may count (the office's settings choose which do).
OPEN_RECTIFICATION = "Open Rectification"
OVERDUE_RECTIFICATION = "Overdue Rectification"
TALK = "Integrity Talk"
EVALUATION_CONSEQUENCE = "Evaluation Consequence"
ASSESSMENT_BELOW_PASS = "Assessment Below Pass Mark"
OPEN_RISK_CARD = "Open Risk Card"
CASE_ACCOUNTABILITY = "Case Accountability Finding"
DECLARATION_OBJECTION = "Declaration Objection"
AUDIT_FINDING = "Audit Finding"
ACCOUNTABILITY = "Accountability Concluded"  # a concluded accountability record (问责, issue 19)
FACT_KINDS = (
	OPEN_RECTIFICATION,
	OVERDUE_RECTIFICATION,
	TALK,
	EVALUATION_CONSEQUENCE,
	ASSESSMENT_BELOW_PASS,
	OPEN_RISK_CARD,
	CASE_ACCOUNTABILITY,
	DECLARATION_OBJECTION,
	AUDIT_FINDING,
	ACCOUNTABILITY,
)
# Facts that count however old they are while they are still open (an open rectification from
# four years ago is still a problem today).
COUNT_WHILE_OPEN = (OPEN_RECTIFICATION, OVERDUE_RECTIFICATION, OPEN_RISK_CARD)

NO_PROBLEMS = "No Problems"
PROBLEMS_FOUND = "Problems Found"


@dataclass(frozen=True)
class ArchiveFact:
	"""One thing in a cadre's archive that may bear on an integrity opinion."""

	kind: str
	doctype: str
	name: str
	on: date
	description: str = ""
	still_open: bool = False


@dataclass(frozen=True)
class OpinionRules:
	"""What counts, over how many years, and the words of the reply.

	``wording``: per counted kind, a template with {date}, {document} and {description}.
	``no_problem_text`` / ``problem_intro``: templates with {name} (and {count} for the intro)."""

	window_years: int
	wording: dict = field(default_factory=dict)
	no_problem_text: str = ""
	problem_intro: str = ""

	@property
	def counted_kinds(self):
		return tuple(self.wording)


def window_start(as_of: date, years: int) -> date:
	"""The first day still inside a window of ``years`` ending on ``as_of`` (29 February folds to the 28th)."""
	if years < 0:
		raise ValueError("window must not be negative")
	try:
		return as_of.replace(year=as_of.year - years)
	except ValueError:
		return as_of.replace(year=as_of.year - years, day=28)


def check_rules(rules: OpinionRules) -> list[RuleViolation]:
	problems = []
	if rules.window_years is None or rules.window_years < 1:
		problems.append(RuleViolation("The checking window must be at least one year."))
	for kind in rules.wording:
		if kind not in FACT_KINDS:
			problems.append(RuleViolation("Unknown kind of archive fact: {0}.", (kind,)))
	if not rules.no_problem_text.strip() or not rules.problem_intro.strip():
		problems.append(RuleViolation("Set the wording of a reply with and without problems."))
	return problems


def relevant_facts(facts, rules: OpinionRules, as_of: date) -> list[ArchiveFact]:
	"""The facts that count for an opinion given on ``as_of``: a counted kind, inside the window
	(or still open when the kind counts while open), not after ``as_of``; oldest first."""
	start = window_start(as_of, rules.window_years)
	kept = []
	for fact in facts:
		if fact.kind not in rules.wording or fact.on > as_of:
			continue
		if fact.on >= start or (fact.still_open and fact.kind in COUNT_WHILE_OPEN):
			kept.append(fact)
	# One document counts once (an overdue rectification is also an open one): the first kind listed wins.
	order = {kind: i for i, kind in enumerate(rules.counted_kinds)}
	best = {}
	for fact in sorted(kept, key=lambda f: order[f.kind]):
		best.setdefault((fact.doctype, fact.name), fact)
	return sorted(best.values(), key=lambda f: (f.on, f.doctype, f.name))


@dataclass(frozen=True)
class Opinion:
	conclusion: str
	facts: tuple
	text: str


def draft_opinion(cadre_name: str, facts, rules: OpinionRules, as_of: date, format_date=lambda d: d.isoformat()) -> Opinion:
	"""The draft reply for one candidate: 无 (no problems) or 有, listing each fact and its document."""
	found = relevant_facts(facts, rules, as_of)
	if not found:
		return Opinion(NO_PROBLEMS, (), rules.no_problem_text.format(name=cadre_name, years=rules.window_years))
	lines = [rules.problem_intro.format(name=cadre_name, count=len(found), years=rules.window_years)]
	for index, fact in enumerate(found, start=1):
		line = rules.wording[fact.kind].format(date=format_date(fact.on), document=fact.name, description=fact.description)
		lines.append(f"{index}. {line}")
	return Opinion(PROBLEMS_FOUND, tuple(found), "\n".join(lines))


@dataclass(frozen=True)
class CandidateRow:
	cadre: str
	checked: bool
	conclusion: str = ""
	reply: str = ""


def check_approval(candidates) -> list[RuleViolation]:
	"""An opinion reply is approved only when every candidate was checked and has a reply."""
	if not candidates:
		return [RuleViolation("List at least one candidate.")]
	problems = []
	seen = set()
	for row in candidates:
		if row.cadre in seen:
			problems.append(RuleViolation("Candidate {0} is listed twice.", (row.cadre,)))
		seen.add(row.cadre)
		if not row.checked:
			problems.append(RuleViolation("Candidate {0} has not been checked against the archive.", (row.cadre,)))
		elif not (row.reply or "").strip():
			problems.append(RuleViolation("Candidate {0} has no reply.", (row.cadre,)))
	return problems


def document_number(pattern: str, year: int, sequence: int) -> str:
	"""The reply's 文号 from the settings' pattern, e.g. "廉复〔{year}〕{number}号"."""
	return pattern.format(year=year, number=sequence)


# --- 调阅: who may read an archive ----------------------------------------------------------


@dataclass(frozen=True)
class AccessGrant:
	requester: str
	cadre: str
	approved: bool
	valid_until: date | None


def grant_for(grants, user: str, cadre: str, today: date):
	"""The approved, unexpired request letting ``user`` read ``cadre``'s archive, or None."""
	for grant in grants:
		if grant.requester == user and grant.cadre == cadre and grant.approved and grant.valid_until and today <= grant.valid_until:
			return grant
	return None


def check_request(purpose: str, valid_until: date | None, today: date, longest_days: int) -> list[RuleViolation]:
	problems = []
	if not (purpose or "").strip():
		problems.append(RuleViolation("Say why the archive is needed."))
	if not valid_until:
		problems.append(RuleViolation("Say until when the archive is needed."))
	elif valid_until < today:
		problems.append(RuleViolation("The access must end today or later."))
	elif (valid_until - today).days > longest_days:
		problems.append(RuleViolation("Access can be granted for at most {0} days.", (longest_days,)))
	return problems


def recusal_violations(approver: str, requester: str, approver_cadres, cadre: str, unit_leaders) -> list[RuleViolation]:
	"""回避: the requester, the cadre themself and the leadership of the cadre's unit (principal,
	discipline officer) may not approve a request to read the cadre's archive."""
	if approver == requester:
		return [RuleViolation("You cannot approve your own request.")]
	mine = set(approver_cadres)
	if cadre in mine:
		return [RuleViolation("You must recuse yourself: the archive is your own.")]
	if mine.intersection(unit_leaders):
		return [RuleViolation("You must recuse yourself: you lead the unit of {0}.", (cadre,))]
	return []


# --- 公示 of an asset declaration ----------------------------------------------------------

DRAFT = "Draft"
SUBMITTED = "Submitted"
IN_PUBLICITY = "In Publicity"
UNDER_CHECK = "Under Check"
CONCLUDED = "Concluded"
DECLARATION_STEPS = {
	DRAFT: (SUBMITTED,),
	SUBMITTED: (DRAFT, IN_PUBLICITY),
	IN_PUBLICITY: (UNDER_CHECK, CONCLUDED),
	UNDER_CHECK: (CONCLUDED,),
	CONCLUDED: (),
}


def check_declaration_step(old: str, new: str) -> list[RuleViolation]:
	if old == new or new in DECLARATION_STEPS.get(old, ()):
		return []
	return [RuleViolation("A declaration cannot go from {0} to {1}.", (old, new))]


def check_publicity(start: date | None, end: date | None, min_days: int, summary: str) -> list[RuleViolation]:
	problems = []
	if not start or not end:
		problems.append(RuleViolation("Set the publicity period."))
	elif (end - start).days + 1 < min_days:
		problems.append(RuleViolation("The publicity period must last at least {0} days.", (min_days,)))
	if not (summary or "").strip():
		problems.append(RuleViolation("Write the summary to publish."))
	return problems


def objection_open(status: str, start: date | None, end: date | None, today: date) -> bool:
	return status == IN_PUBLICITY and bool(start and end) and start <= today <= end


def check_conclusion(status: str, end: date | None, today: date, objections: int, checked_objections: int, conclusion: str) -> list[RuleViolation]:
	problems = []
	if status not in (IN_PUBLICITY, UNDER_CHECK):
		problems.append(RuleViolation("Only a declaration in publicity or under check can be concluded."))
	elif end and today <= end and status == IN_PUBLICITY:
		problems.append(RuleViolation("The publicity period runs until {0}.", (end.isoformat(),)))
	if checked_objections < objections:
		problems.append(RuleViolation("Record the check of every objection first."))
	if not (conclusion or "").strip():
		problems.append(RuleViolation("Write the conclusion."))
	return problems
