# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""A question from the public on a published report (网上询问), screened by the office before it
becomes an online inquiry; its reply is shown publicly only once the office approves it."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import nowdate

from sanshu_app.utils import office_language, require_roles

AWAITING, ACCEPTED, MERGED, REJECTED = "Awaiting Screening", "Accepted", "Merged", "Rejected"


class PublicQuestion(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		asked_at: DF.Datetime | None
		cadre: DF.Link | None
		cadre_name: DF.Data | None
		campaign: DF.Link | None
		contact: DF.Data | None
		inquiry: DF.Link | None
		merged_into: DF.Link | None
		published_reply: DF.Text | None
		question: DF.Text
		reply_published: DF.Check
		reply_published_on: DF.Date | None
		report: DF.Link
		screened_by: DF.Link | None
		screened_on: DF.Date | None
		screening_reason: DF.SmallText | None
		status: DF.Literal["Awaiting Screening", "Accepted", "Merged", "Rejected"]
		unit: DF.Link | None
	# end: auto-generated types

	def validate(self):
		if self.is_new():
			report = frappe.db.get_value("Sanshu Report", self.report, ["campaign", "cadre", "cadre_name", "unit"], as_dict=True)
			self.update(report)

	# Read from the inquiry each time, so the daily overdue flag shows here too.
	@property
	def inquiry_status(self):
		return frappe.db.get_value("Sanshu Inquiry", self.inquiry, "status") if self.inquiry else None

	@property
	def reply_due_date(self):
		return frappe.db.get_value("Sanshu Inquiry", self.inquiry, "reply_due_date") if self.inquiry else None


def _question(name):
	require_roles()
	doc = frappe.get_doc("Public Question", name)
	doc.check_permission("write")
	return doc


@frappe.whitelist(methods=["POST"])
def screen(name: str, decision: str, reason: str | None = None, merged_into: str | None = None):
	"""The office's screening: accept (an online inquiry to the cadre), merge into another question
	on the same report, or reject; a reason is required to merge or reject."""
	doc = _question(name)
	if doc.status != AWAITING:
		frappe.throw(_("Question {0} has already been screened ({1}).").format(doc.name, _(doc.status)), title=_("Already Screened"))
	reason = (reason or "").strip()
	if decision not in (ACCEPTED, MERGED, REJECTED):
		frappe.throw(_("Choose to accept, merge or reject the question."))
	if decision in (MERGED, REJECTED) and not reason:
		frappe.throw(_("Give the reason for merging or rejecting the question."), title=_("Reason Required"))
	if decision == MERGED:
		target = frappe.db.get_value("Public Question", merged_into, ["report", "status"], as_dict=True) if merged_into else None
		if not target or merged_into == doc.name or target.report != doc.report or target.status not in (AWAITING, ACCEPTED):
			frappe.throw(_("Merge into another open or accepted question on the same report."), title=_("Cannot Merge"))
		doc.merged_into = merged_into
	doc.status = decision
	doc.screening_reason = reason
	doc.screened_by = frappe.session.user
	doc.screened_on = nowdate()
	if decision == ACCEPTED:
		doc.inquiry = make_online_inquiry(doc)
	doc.save(ignore_permissions=True)
	return doc.status


def make_online_inquiry(question) -> str:
	"""The accepted question as the cadre's online inquiry; its due date comes from the campaign's rule set."""
	with office_language():
		inquiry = frappe.get_doc(
			{
				"doctype": "Sanshu Inquiry",
				"campaign": question.campaign,
				"cadre": question.cadre,
				"inquiry_type": "Online Inquiry",
				"public_question": question.name,
				"asker": frappe.session.user,
				"asked_on": nowdate(),
				"question": question.question,
			}
		)
		return inquiry.insert(ignore_permissions=True).name


@frappe.whitelist(methods=["POST"])
def publish_reply(name: str):
	"""Approve the cadre's reply for publication: the text as it stands now goes on the public page."""
	doc = _question(name)
	if doc.status != ACCEPTED or not doc.inquiry:
		frappe.throw(_("Only an accepted question has a reply to publish."), title=_("Nothing to Publish"))
	reply = (frappe.db.get_value("Sanshu Inquiry", doc.inquiry, "reply") or "").strip()
	if not reply:
		frappe.throw(_("The cadre has not replied to inquiry {0} yet.").format(doc.inquiry), title=_("No Reply Yet"))
	doc.published_reply = reply
	doc.reply_published = 1
	doc.reply_published_on = nowdate()
	doc.save(ignore_permissions=True)
	return doc.reply_published_on


@frappe.whitelist(methods=["POST"])
def withdraw_reply(name: str):
	doc = _question(name)
	doc.reply_published = 0
	doc.published_reply = None
	doc.reply_published_on = None
	doc.save(ignore_permissions=True)
