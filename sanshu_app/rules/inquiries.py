"""Inquiries (询): open until answered, overdue once the reply due date has passed.

A question put at the meeting (会议询问, 003 §17; 001 §5) is answered on the spot. A written reply
within 15 working days is owed only when the office (for the 常委会) decides one is needed: the
clock runs from that decision. Written questions (书面询问, 001 §6) and online questions (网上询问,
001 §7) run from the day they were put.
"""

from datetime import date

from .messages import RuleViolation

OPEN = "Awaiting Reply"
OVERDUE = "Overdue"
ANSWERED = "Answered"
AWAITING_DECISION = "Awaiting Decision"
ANSWERED_ON_SITE = "Answered on Site"

MEETING = "Meeting Inquiry"
WRITTEN = "Written Inquiry"
ONLINE = "Online Inquiry"

REQUIRED = "Written Reply Required"
NOT_REQUIRED = "No Written Reply"
DECISIONS = (REQUIRED, NOT_REQUIRED)


def owes_written_reply(kind: str, decision: str | None) -> bool:
	"""A written or online question always owes a reply; a meeting question only once decided so."""
	return kind != MEETING or decision == REQUIRED


def clock_start(kind: str, asked_on: date | None, decision: str | None, decided_on: date | None) -> date | None:
	"""The day the reply clock starts: the decision for a meeting question, else the question's day."""
	if kind == MEETING:
		return decided_on if decision == REQUIRED else None
	return asked_on


def inquiry_status(replied: bool, due: date | None, today: date, kind: str | None = None, decision: str | None = None) -> str:
	if kind == MEETING and decision != REQUIRED:
		return ANSWERED_ON_SITE if decision == NOT_REQUIRED else AWAITING_DECISION
	if replied:
		return ANSWERED
	if due and today > due:
		return OVERDUE
	return OPEN


def answered_late(replied_on: date | None, due: date | None) -> bool:
	return bool(replied_on and due and replied_on > due)


def check_decision(kind: str, onsite_answer: str | None, current: str | None, decision: str | None) -> list[RuleViolation]:
	"""Whether the office may record ``decision`` on a question now."""
	if kind != MEETING:
		return [RuleViolation("Only a question put at the meeting waits for a decision on a written reply; this one owes a reply anyway.")]
	if decision not in DECISIONS:
		return [RuleViolation("Decide either {0} or {1}.", DECISIONS)]
	if current in DECISIONS:
		return [RuleViolation("The decision on a written reply was already recorded: {0}.", (current,))]
	if not (onsite_answer or "").strip():
		return [RuleViolation("Record the answer given at the meeting before deciding on a written reply.")]
	return []


def may_ask(asker_cadre: str | None, cadre: str, campaign_cadres, campaign_active: bool) -> list[RuleViolation]:
	"""A discipline committee member (纪委委员) puts written questions (001 §6) to the cadres who
	report in an active campaign, never to themselves."""
	if not asker_cadre:
		return [RuleViolation("Your user is not linked to a cadre record: ask the office to link it before putting a written question.")]
	if not campaign_active:
		return [RuleViolation("Written questions are put during an active campaign.")]
	if cadre not in set(campaign_cadres):
		return [RuleViolation("{0} does not report in this campaign: a discipline committee member asks the campaign's cadres.", (cadre,))]
	if cadre == asker_cadre:
		return [RuleViolation("You cannot put a written question to yourself.")]
	return []
