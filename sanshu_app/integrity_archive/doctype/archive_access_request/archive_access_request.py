# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""调阅: a request to read one cadre's integrity archive — who, whose, why, until when. Only the
office decides, and never the requester, the cadre or the leadership of the cadre's unit (回避)."""

import frappe
from frappe import _
from frappe.utils import getdate, now_datetime, today

from sanshu_app.rules.integrity_archive import check_request, recusal_violations
from sanshu_app.utils import is_office, require_roles, throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument

DECISION_FIELDS = ("status", "decided_by", "decided_on", "decision_note")


class ArchiveAccessRequest(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		cadre: DF.Link
		cadre_name: DF.Data | None
		decided_by: DF.Link | None
		decided_on: DF.Datetime | None
		decision_note: DF.SmallText | None
		purpose: DF.SmallText
		requester: DF.Link | None
		requester_cadre: DF.Link | None
		requester_name: DF.Data | None
		status: DF.Literal["Pending", "Approved", "Rejected", "Revoked"]
		unit: DF.Link | None
		valid_until: DF.Date
	# end: auto-generated types

	def before_insert(self):
		self.requester = frappe.session.user
		self.requester_cadre = frappe.db.get_value("Sanshu Cadre", {"user": self.requester}, "name")

	def validate(self):
		self.requester_name = frappe.utils.get_fullname(self.requester)
		self.keep_decision()
		if self.status == "Pending":
			longest = frappe.db.get_single_value("Integrity Opinion Settings", "longest_access_days") or 90
			valid_until = getdate(self.valid_until) if self.valid_until else None
			throw_violations(check_request(self.purpose, valid_until, getdate(today()), longest))

	def keep_decision(self):
		"""The decision is written only by approve / reject / revoke, whatever a form sends."""
		if self.flags.deciding:
			return
		old = self.get_doc_before_save()
		for field in DECISION_FIELDS:
			self.set(field, old.get(field) if old else None)
		self.status = self.status or "Pending"
		if old and old.status != "Pending" and any(old.get(f) != self.get(f) for f in ("purpose", "valid_until")):
			frappe.throw(_("A decided request cannot be changed; make a new one."), title=_("Not Saved"))
		if old:
			self.requester, self.requester_cadre = old.requester, old.requester_cadre
			if self.requester != frappe.session.user and not is_office():
				frappe.throw(_("Only the requester or the office can change a request."), frappe.PermissionError, title=_("Not Permitted"))

	def decide(self, status, note=None):
		require_roles()
		doc = frappe.get_doc(self.doctype, self.name)  # the stored request, not what the client sent
		if status in ("Approved", "Rejected") and doc.status != "Pending":
			frappe.throw(_("This request has already been decided."), title=_("Not Permitted"))
		if status == "Approved":
			unit = frappe.db.get_value("Sanshu Cadre", doc.cadre, "unit")
			leaders = frappe.db.get_value("Sanshu Unit", unit, ["principal", "discipline_officer"]) or ()
			mine = frappe.get_all("Sanshu Cadre", filters={"user": frappe.session.user}, pluck="name")
			throw_violations(
				recusal_violations(frappe.session.user, doc.requester, mine, doc.cadre, {c for c in leaders if c}),
				title=_("Not Approved"),
			)
		doc.status = status
		doc.decided_by = frappe.session.user
		doc.decided_on = now_datetime()
		doc.decision_note = note
		doc.flags.deciding = True
		doc.save(ignore_permissions=True)
		return doc.status

	@frappe.whitelist()
	def approve(self, note: str | None = None):
		return self.decide("Approved", note)

	@frappe.whitelist()
	def reject(self, note: str | None = None):
		return self.decide("Rejected", note)

	@frappe.whitelist()
	def revoke(self, note: str | None = None):
		if frappe.db.get_value(self.doctype, self.name, "status") != "Approved":
			frappe.throw(_("Only an approved request can be revoked."))
		return self.decide("Revoked", note)
