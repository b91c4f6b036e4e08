# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import strip_html
from sanshu_app.permissions.scoped_document import ScopedDocument


class IntegrityTalk(ScopedDocument):
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
