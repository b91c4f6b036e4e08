"""Inquiries (询): open until answered, overdue once the reply due date has passed."""

from datetime import date

OPEN = "Awaiting Reply"
OVERDUE = "Overdue"
ANSWERED = "Answered"


def inquiry_status(replied: bool, due: date | None, today: date) -> str:
	if replied:
		return ANSWERED
	if due and today > due:
		return OVERDUE
	return OPEN


def answered_late(replied_on: date | None, due: date | None) -> bool:
	return bool(replied_on and due and replied_on > due)
