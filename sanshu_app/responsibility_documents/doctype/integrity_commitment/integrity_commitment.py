# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import now_datetime

from sanshu_app.responsibility_documents.common import default_title, guard_signature_fields, notify_signers
from sanshu_app.rules import signing
from sanshu_app.rules.responsibility import check_commitment_fits, check_one_annual_commitment, commitment_needs_cadre_flags
from sanshu_app.utils import current_cadre, refuse, throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument

ANNUAL = "Annual Responsibility Commitment"
SIX_COMMITMENTS = "Six Commitments"
AWAITING_SIGNATURE = "Awaiting Signature"
SIGNED = "Signed"


class IntegrityCommitment(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.responsibility_documents.doctype.integrity_commitment_item.integrity_commitment_item import IntegrityCommitmentItem

		amended_from: DF.Link | None
		body: DF.TextEditor | None
		cadre: DF.Link
		cadre_name: DF.Data | None
		campaign: DF.Link | None
		commitment_type: DF.Literal["Annual Responsibility Commitment", "Pre-appointment Integrity Commitment", "Six Commitments"]
		document_number: DF.Data | None
		is_public: DF.Check
		issuer: DF.Data | None
		items: DF.Table[IntegrityCommitmentItem]
		signed_at: DF.Datetime | None
		title: DF.Data | None
		unit: DF.Link | None
		workflow_state: DF.Link | None
		year: DF.Int
	# end: auto-generated types

	def validate_workflow(self):
		# Bulk issue (office-only, server-side: flags never come from a client) inserts the annual
		# commitment straight into the issued state instead of inserting a draft and saving again.
		if self.is_new() and self.flags.insert_in_state and self.workflow_state == self.flags.insert_in_state:
			return
		return super().validate_workflow()

	def validate(self):
		if not self.title:
			self.title = default_title(self, "commitment_type")
		self.is_public = int(self.commitment_type == SIX_COMMITMENTS)
		if commitment_needs_cadre_flags(self.commitment_type):
			flags = frappe.db.get_value("Sanshu Cadre", self.cadre, ["newly_promoted", "discipline_cadre"], as_dict=True) or {}
			throw_violations(
				check_commitment_fits(self.commitment_type, self.cadre_name or self.cadre, bool(flags.get("newly_promoted")), bool(flags.get("discipline_cadre"))),
				title=_("Not Saved"),
			)
		# Bulk issue checks its whole chunk in one query (bulk_issue.without_annual_commitment) and says
		# so with a server-side flag (flags never come from a client); every other save checks here.
		if self.commitment_type == ANNUAL and not (self.is_new() and self.flags.annual_commitment_checked_for_batch):
			others = frappe.get_all(
				"Integrity Commitment",
				filters={
					"cadre": self.cadre,
					"year": self.year,
					"commitment_type": ANNUAL,
					"docstatus": ("<", 2),
					"name": ("!=", self.name or ""),
				},
				pluck="name",
			)
			throw_violations(check_one_annual_commitment(others, self.cadre_name or self.cadre, self.year), title=_("Already Committed"))
		guard_signature_fields(self, None, ("signed_at",))

	def before_submit(self):
		if not self.signed_at:
			refuse("The commitment is submitted when the cadre signs it.")

	def on_update(self):
		before = self.get_doc_before_save()
		if self.workflow_state == AWAITING_SIGNATURE and (not before or before.workflow_state != AWAITING_SIGNATURE):
			notify_signers(self, [self.cadre], _("{0} awaits your signature.").format(self.title))

	@frappe.whitelist()
	def sign(self):
		"""The cadre named on the commitment signs it; signing submits it."""
		row = signing.SignatureRow("cadre", self.cadre, signing.SUBJECT, signed=bool(self.signed_at))
		stage = signing.SIGNING if self.docstatus == 0 and self.workflow_state == AWAITING_SIGNATURE else None
		violations = signing.check_sign([row], "cadre", current_cadre(), stage)
		names = {self.cadre: self.cadre_name or self.cadre}
		throw_violations([type(v)(v.template, tuple(names.get(x, x) for x in v.values)) for v in violations], title=_("Not Allowed"))
		self.signed_at = now_datetime()
		self.flags.signing = True
		self.flags.ignore_permissions = True
		self.save()
		self.workflow_state = SIGNED
		self.submit()
		return self.name
