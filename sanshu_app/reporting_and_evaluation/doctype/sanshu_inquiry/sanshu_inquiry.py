# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from sanshu_app.rules import inquiries as rules
from sanshu_app.rules.inquiries import OPEN, OVERDUE, answered_late, inquiry_status
from sanshu_app.rules.roles import DISCIPLINE_COMMITTEE_MEMBER, OFFICE_ROLES
from sanshu_app.utils import current_cadre, deadline_from, is_office, require_roles, throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument

REPLY_DEADLINE = "Inquiry Reply"
QUESTION_FIELDS = ("campaign", "cadre", "inquiry_type", "asker", "asked_on", "question")
# Set only by the office's decision (decide_written_reply), never by a client's edit.
DECISION_FIELDS = ("written_reply_decision", "written_reply_decided_by", "written_reply_decided_on")


class SanshuInquiry(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		answered_late: DF.Check
		asked_on: DF.Date
		asker: DF.Link
		asker_cadre: DF.Link | None
		cadre: DF.Link
		cadre_name: DF.Data | None
		campaign: DF.Link
		inquiry_type: DF.Literal["Meeting Inquiry", "Written Inquiry", "Online Inquiry"]
		onsite_answer: DF.Text | None
		public_question: DF.Link | None
		question: DF.Text
		replied_on: DF.Date | None
		reply: DF.Text | None
		reply_due_date: DF.Date | None
		status: DF.Literal["Awaiting Decision", "Answered on Site", "Awaiting Reply", "Overdue", "Answered"]
		unit: DF.Link | None
		written_reply_decided_by: DF.Link | None
		written_reply_decided_on: DF.Date | None
		written_reply_decision: DF.Literal["", "Written Reply Required", "No Written Reply"]
	# end: auto-generated types

	def validate(self):
		self.validate_who_changes_what()
		self.validate_decision_fields()
		self.reply_due_date = self.compute_due_date()
		if (self.reply or "").strip():
			self.replied_on = self.replied_on or nowdate()
		else:
			self.replied_on = None
		self.answered_late = answered_late(getdate(self.replied_on) if self.replied_on else None, getdate(self.reply_due_date) if self.reply_due_date else None)
		status = inquiry_status(
			bool(self.replied_on), getdate(self.reply_due_date) if self.reply_due_date else None, getdate(nowdate()), self.inquiry_type, self.written_reply_decision
		)
		# Marking an inquiry overdue (and telling cadre and asker) is the daily job's work.
		self.status = status if status != OVERDUE or self.status == OVERDUE else OPEN

	def validate_decision_fields(self):
		"""Whether a meeting question owes a written reply is the office's recorded decision, made
		through decide_written_reply: no edit (the office's included) sets it."""
		if self.flags.deciding_written_reply:
			return
		before = self.get_doc_before_save()
		if any(str(self.get(f) or "") != str((before.get(f) if before else None) or "") for f in DECISION_FIELDS):
			frappe.throw(_("The decision on a written reply is recorded with Decide on Written Reply, not by editing it."), title=_("Not Permitted"), exc=frappe.PermissionError)
		if before and before.inquiry_type != self.inquiry_type and before.written_reply_decision:
			frappe.throw(_("The written reply was already decided: the inquiry type stays {0}.").format(_(before.inquiry_type)), title=_("Not Permitted"))

	def compute_due_date(self):
		start = rules.clock_start(
			self.inquiry_type,
			getdate(self.asked_on) if self.asked_on else None,
			self.written_reply_decision,
			getdate(self.written_reply_decided_on) if self.written_reply_decided_on else None,
		)
		if start is None:
			return None
		rule_set = frappe.db.get_value("Sanshu Campaign", self.campaign, "deadline_rule_set")
		due = deadline_from(rule_set, REPLY_DEADLINE, start)
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


	@frappe.whitelist()
	def decide_written_reply(self, required: int | str | bool = 0):
		"""The office records (for the 常委会) whether a question put at the meeting owes a written
		reply (003 §17): who decided and when. A reply owed starts the 15 working days today."""
		require_roles(OFFICE_ROLES)
		decision = rules.REQUIRED if str(required) in ("1", "true", "True", rules.REQUIRED) else rules.NOT_REQUIRED
		throw_violations(rules.check_decision(self.inquiry_type, self.onsite_answer, self.written_reply_decision, decision))
		self.written_reply_decision = decision
		self.written_reply_decided_by = frappe.session.user
		self.written_reply_decided_on = nowdate()
		self.flags.deciding_written_reply = True
		try:
			self.save(ignore_permissions=True)
		finally:
			self.flags.deciding_written_reply = False
		if decision == rules.REQUIRED:
			self.tell_reply_owed()
		return self.status

	def tell_reply_owed(self):
		user = frappe.db.get_value("Sanshu Cadre", self.cadre, "user")
		if not user:
			return
		lang = frappe.db.get_value("User", user, "language") or frappe.db.get_default("lang") or "zh"
		subject = frappe._("A written reply to inquiry {0} is required by {1}.", lang=lang).format(self.name, self.reply_due_date)
		frappe.get_doc(
			{
				"doctype": "Notification Log",
				"subject": subject,
				"for_user": user,
				"type": "Alert",
				"document_type": self.doctype,
				"document_name": self.name,
				"from_user": frappe.session.user,
			}
		).insert(ignore_permissions=True)


@frappe.whitelist()
def inquiry_targets():
	"""For a discipline committee member: the active campaigns and the cadres reporting in them
	whom they may put a written question to (001 §6), as rows {campaign, campaign_title, cadre, cadre_name, unit}."""
	require_roles((DISCIPLINE_COMMITTEE_MEMBER, *OFFICE_ROLES))
	mine = current_cadre()
	rows = frappe.get_all(
		"Sanshu Campaign Cadre",
		filters={"parenttype": "Sanshu Campaign", "parent": ("in", frappe.get_all("Sanshu Campaign", filters={"status": "Active"}, pluck="name") or [""])},
		fields=["parent as campaign", "cadre"],
		order_by="parent, idx",
	)
	cadres = {c.name: c for c in frappe.get_all("Sanshu Cadre", filters={"name": ("in", [r.cadre for r in rows] or [""])}, fields=["name", "full_name", "unit"])}
	titles = dict(frappe.get_all("Sanshu Campaign", filters={"name": ("in", list({r.campaign for r in rows}) or [""])}, fields=["name", "campaign_title"], as_list=True))
	return [
		{"campaign": r.campaign, "campaign_title": titles.get(r.campaign) or r.campaign, "cadre": r.cadre, "cadre_name": cadres[r.cadre].full_name, "unit": cadres[r.cadre].unit}
		for r in rows
		if r.cadre in cadres and r.cadre != mine
	]


@frappe.whitelist()
def file_written_inquiry(campaign: str, cadre: str, question: str):
	"""A discipline committee member puts a written question (书面询问, 001 §6) to a cadre reporting
	in an active campaign; the cadre replies within the campaign's reply deadline."""
	require_roles((DISCIPLINE_COMMITTEE_MEMBER,))
	if not (question or "").strip():
		frappe.throw(_("Write the question."), title=_("Missing Question"))
	info = frappe.db.get_value("Sanshu Campaign", campaign, ["name", "status"], as_dict=True)
	if not info:
		frappe.throw(_("Campaign {0} does not exist.").format(campaign))
	campaign_cadres = frappe.get_all("Sanshu Campaign Cadre", filters={"parenttype": "Sanshu Campaign", "parent": campaign}, pluck="cadre")
	asker_cadre = current_cadre()
	throw_violations(rules.may_ask(asker_cadre, cadre, campaign_cadres, info.status == "Active"))
	doc = frappe.get_doc(
		{
			"doctype": "Sanshu Inquiry",
			"campaign": campaign,
			"cadre": cadre,
			"inquiry_type": rules.WRITTEN,
			"asker": frappe.session.user,
			"asker_cadre": asker_cadre,
			"asked_on": nowdate(),
			"question": question.strip(),
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


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
