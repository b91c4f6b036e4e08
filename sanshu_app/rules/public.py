"""The public side (述前公开, 网上询问): when a report is shown, and what a public question may be."""

from datetime import date, timedelta

from .messages import RuleViolation

ACCEPTED_REPORT = "Accepted"


def publication_window_violations(publish: bool, publish_from: date | None, publish_until: date | None) -> list[RuleViolation]:
	"""A campaign that publishes its reports says from when and until when."""
	if not publish:
		return []
	problems = []
	if not publish_from or not publish_until:
		problems.append(RuleViolation("Set the dates from which and until which the reports are published."))
	elif publish_until < publish_from:
		problems.append(RuleViolation("The publication ends on {0}, before it starts on {1}.", (publish_until, publish_from)))
	return problems


def window_open(publish: bool, publish_from: date | None, publish_until: date | None, today: date) -> bool:
	"""Whether a campaign's reports are on show today (both ends of the window included)."""
	return bool(publish and publish_from and publish_until and publish_from <= today <= publish_until)


def report_on_show(state: str | None, publish: bool, publish_from, publish_until, today: date) -> bool:
	"""Only a report the office accepted, of a campaign whose window is open today."""
	return state == ACCEPTED_REPORT and window_open(publish, publish_from, publish_until, today)


def replies_open(publish: bool, publish_from: date | None, publish_until: date | None, replies_until: date | None, today: date) -> bool:
	"""Whether a campaign's published questions and replies are on show today: from the window's
	start until its own "replies shown until" date (never before the window ends)."""
	if not (publish and publish_from and publish_until) or today < publish_from:
		return False
	return today <= max(publish_until, replies_until or publish_until)


def default_replies_until(publish_until: date, working_days: int, margin_days: int, add_working_days) -> date:
	"""The reply is due 15 working days after the question (001 §7); a question asked on the last
	day of the window is answered by then, and its reply stays shown for a margin of days after."""
	return add_working_days(publish_until, working_days) + timedelta(days=max(margin_days, 0))


def replies_until_violations(publish_until: date | None, replies_until: date | None) -> list[RuleViolation]:
	if publish_until and replies_until and replies_until < publish_until:
		return [RuleViolation("Replies are shown until {0}, before the publication ends on {1}.", (replies_until, publish_until))]
	return []


def question_violations(text: str, max_length: int) -> list[RuleViolation]:
	text = (text or "").strip()
	if not text:
		return [RuleViolation("Write your question.")]
	if len(text) > max_length:
		return [RuleViolation("The question has {0} characters; at most {1} are accepted.", (len(text), max_length))]
	return []


def captcha_answer(first: int, second: int) -> int:
	"""The sum asked on the form: a person adds two small numbers, a naive script posting blindly does not."""
	return first + second
