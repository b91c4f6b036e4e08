# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""同步记录: the unit's discipline officer records the 三重一大 decisions of its Party organisation;
a serious risk is reported to the commission at once (every office user is notified)."""

import frappe
from frappe import _
from frappe.utils import now_datetime

from sanshu_app.integrity_archive.attachments import require_private_files
from sanshu_app.utils import OFFICE_ROLES, is_office
from sanshu_app.permissions.scoped_document import ScopedDocument


class SynchronousRecord(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		attachment: DF.Attach | None
		decision: DF.Text
		decision_type: DF.Literal["Major Decision", "Key Appointment", "Major Project", "Large Fund Use", "Assessment and Rewards"]
		dissent: DF.SmallText | None
		meeting: DF.Data | None
		meeting_date: DF.Date
		participants: DF.SmallText
		recorder: DF.Link | None
		recorder_name: DF.Data | None
		reported_at: DF.Datetime | None
		risk_description: DF.SmallText | None
		serious_risk: DF.Check
		unit: DF.Link
	# end: auto-generated types

	def validate(self):
		require_private_files(self)
		old = self.get_doc_before_save()
		self.reported_at = old.reported_at if old else None  # written only when the report goes out
		if is_office():
			return
		mine = frappe.db.get_value("Sanshu Cadre", {"user": frappe.session.user}, "name")
		self.recorder = self.recorder or mine
		officer = frappe.db.get_value("Sanshu Unit", self.unit, "discipline_officer")
		if not mine or self.recorder != mine or officer != mine:
			frappe.throw(_("Only the unit's discipline officer keeps its synchronous record."), frappe.PermissionError, title=_("Not Permitted"))

	def on_update(self):
		if self.serious_risk and not self.reported_at:
			self.report_serious_risk()

	def report_serious_risk(self):
		self.db_set("reported_at", now_datetime())
		office = frappe.get_all(
			"Has Role",
			filters={"role": ("in", OFFICE_ROLES), "parenttype": "User", "parent": ("not in", ("Administrator", "Guest"))},
			pluck="parent",
			distinct=True,
		)
		users = frappe.get_all("User", filters={"name": ("in", office or [""]), "enabled": 1}, pluck="name")
		subject = _("Serious risk reported by {0} ({1}): {2}").format(self.recorder_name or self.recorder or self.owner, self.unit, (self.risk_description or "")[:100])
		for user in users:
			frappe.get_doc(
				{
					"doctype": "Notification Log",
					"for_user": user,
					"type": "Alert",
					"document_type": self.doctype,
					"document_name": self.name,
					"subject": subject,
					"email_content": subject,
					"from_user": frappe.session.user,
				}
			).insert(ignore_permissions=True)
