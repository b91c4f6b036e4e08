# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import strip_html
from sanshu_app.permissions.scoped_document import ScopedDocument


class IntegrityTalk(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.reporting_and_evaluation.doctype.integrity_talk_interviewer.integrity_talk_interviewer import IntegrityTalkInterviewer

		amended_from: DF.Link | None
		cadre: DF.Link
		cadre_name: DF.Data | None
		campaign: DF.Link | None
		interviewers: DF.TableMultiSelect[IntegrityTalkInterviewer]
		reason: DF.SmallText
		reason_doctype: DF.Link | None
		reason_name: DF.DynamicLink | None
		record: DF.TextEditor | None
		talk_date: DF.Date | None
		talk_type: DF.Literal["Interview", "Reminder Talk", "Admonishment Talk"]
		unit: DF.Link | None
	# end: auto-generated types

	def validate(self):
		if self.reason_name and not self.reason_doctype:
			frappe.throw(_("Say which kind of document caused the talk."), title=_("Invalid Talk"))
		if self.reason_doctype and self.reason_name and not frappe.db.exists(self.reason_doctype, self.reason_name):
			frappe.throw(_("{0} {1} does not exist.").format(_(self.reason_doctype), self.reason_name), title=_("Invalid Talk"))
		seen = set()
		for row in self.interviewers:
			if row.interviewer in seen:
				frappe.throw(_("{0} is listed twice as interviewer.").format(row.interviewer), title=_("Invalid Talk"))
			seen.add(row.interviewer)

	def before_submit(self):
		"""A talk is submitted once it has taken place and been recorded."""
		missing = []
		if not self.talk_date:
			missing.append(_("Talk Date"))
		if not self.interviewers:
			missing.append(_("Interviewers"))
		if not strip_html(self.record or "").strip():
			missing.append(_("Record"))
		if missing:
			frappe.throw(_("Record the talk before submitting it: {0} missing.").format("、".join(missing)), title=_("Talk Not Recorded"))
