# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from sanshu_app.rules.inquiries import OPEN, OVERDUE, answered_late, inquiry_status
from sanshu_app.utils import deadline_from, is_office
from sanshu_app.permissions.scoped_document import ScopedDocument

REPLY_DEADLINE = "Inquiry Reply"
QUESTION_FIELDS = ("campaign", "cadre", "inquiry_type", "asker", "asked_on", "question")


class SanshuInquiry(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		answered_late: DF.Check
		asked_on: DF.Date
		asker: DF.Link
		cadre: DF.Link
		cadre_name: DF.Data | None
		campaign: DF.Link
		inquiry_type: DF.Literal["Meeting Inquiry", "Written Inquiry", "Online Inquiry"]
		public_question: DF.Link | None
		question: DF.Text
		replied_on: DF.Date | None
		reply: DF.Text | None
		reply_due_date: DF.Date | None
		status: DF.Literal["Awaiting Reply", "Overdue", "Answered"]
		unit: DF.Link | None
	# end: auto-generated types

	def validate(self):
		self.validate_who_changes_what()
		self.reply_due_date = self.compute_due_date()
		if (self.reply or "").strip():
			self.replied_on = self.replied_on or nowdate()
		else:
			self.replied_on = None
		self.answered_late = answered_late(getdate(self.replied_on) if self.replied_on else None, getdate(self.reply_due_date))
		status = inquiry_status(bool(self.replied_on), getdate(self.reply_due_date), getdate(nowdate()))
		# Marking an inquiry overdue (and telling cadre and asker) is the daily job's work.
		self.status = status if status != OVERDUE or self.status == OVERDUE else OPEN

	def compute_due_date(self):
		rule_set = frappe.db.get_value("Sanshu Campaign", self.campaign, "deadline_rule_set")
		due = deadline_from(rule_set, REPLY_DEADLINE, self.asked_on)
		if due is None:
			frappe.throw(
				_("The campaign's deadline rule set {0} does not say how long a cadre has to reply to an inquiry.").format(rule_set or "-"),
				title=_("No Reply Deadline"),
			)
		return due

	def validate_who_changes_what(self):
		"""The office puts the question; the cadre asked writes the reply."""
		if is_office():
			return
		before = self.get_doc_before_save()
		if before is None:
			return
		if any(str(self.get(f) or "") != str(before.get(f) or "") for f in QUESTION_FIELDS):
			frappe.throw(_("Only the Sanshu office can change the question of an inquiry."), title=_("Not Permitted"), exc=frappe.PermissionError)
		if (self.reply or "") != (before.reply or "") and frappe.db.get_value("Sanshu Cadre", self.cadre, "user") != frappe.session.user:
			frappe.throw(_("Only the cadre asked can reply to this inquiry."), title=_("Not Permitted"), exc=frappe.PermissionError)


def mark_overdue_inquiries():
	"""Daily: inquiries past their reply due date without a reply become overdue; cadre and asker are told."""
	today = getdate(nowdate())
	late = frappe.get_all(
		"Sanshu Inquiry",
		filters={"status": OPEN, "reply_due_date": ("<", today)},
		fields=["name", "cadre", "cadre_name", "asker", "reply_due_date"],
	)
	for inquiry in late:
		frappe.db.set_value("Sanshu Inquiry", inquiry.name, "status", OVERDUE)
		cadre_user = frappe.db.get_value("Sanshu Cadre", inquiry.cadre, "user")
		for user in {u for u in (cadre_user, inquiry.asker) if u}:
			notify(user, inquiry)
	return [i.name for i in late]


def notify(user, inquiry):
	lang = frappe.db.get_value("User", user, "language") or frappe.db.get_default("lang") or "zh"
	subject = frappe._("Inquiry {0} to {1} was due on {2} and has not been answered.", lang=lang).format(
		inquiry.name, inquiry.cadre_name or inquiry.cadre, inquiry.reply_due_date
	)
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"subject": subject,
			"for_user": user,
			"type": "Alert",
			"document_type": "Sanshu Inquiry",
			"document_name": inquiry.name,
			"from_user": "Administrator",
		}
	).insert(ignore_permissions=True)
