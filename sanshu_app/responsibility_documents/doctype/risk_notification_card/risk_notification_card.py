# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import now_datetime, today

from sanshu_app.responsibility_documents.common import guard_signature_fields, notify_signers
from sanshu_app.rules import signing
from sanshu_app.utils import OFFICE_ROLES, UNIT_ROLES, current_cadre, refuse, require_roles, throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument

DRAFT = "Draft"
AWAITING_SIGN_OFF = "Awaiting Sign-off"
FOLLOWING_UP = "Following Up"
CLOSED = "Closed"
FOLLOW_UP_ROLES = (*OFFICE_ROLES, *UNIT_ROLES)
# The three parties, in signing order: field naming the cadre, their capacity, field of the signature.
PARTIES = (
	("party_secretary", signing.PRINCIPAL, "party_secretary_signed_at"),
	("supervision_officer", signing.SUPERVISOR, "supervision_officer_signed_at"),
	("cadre", signing.SUBJECT, "cadre_acknowledged_at"),
)


class RiskNotificationCard(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.responsibility_documents.doctype.risk_notification_follow_up.risk_notification_follow_up import RiskNotificationFollowup
		from sanshu_app.responsibility_documents.doctype.risk_notification_sign.risk_notification_sign import RiskNotificationSign

		all_signed: DF.Check
		amended_from: DF.Link | None
		cadre: DF.Link
		cadre_acknowledged_at: DF.Datetime | None
		cadre_name: DF.Data | None
		campaign: DF.Link | None
		closed_on: DF.Date | None
		conclusion: DF.Text | None
		document_number: DF.Data | None
		follow_ups: DF.Table[RiskNotificationFollowup]
		issue_date: DF.Date | None
		issuer: DF.Data | None
		party_secretary: DF.Link
		party_secretary_name: DF.Data | None
		party_secretary_signed_at: DF.Datetime | None
		required_actions: DF.Text
		risk_level: DF.Literal["Low Risk", "Medium Risk", "High Risk"]
		signs: DF.Table[RiskNotificationSign]
		supervision_officer: DF.Link
		supervision_officer_name: DF.Data | None
		supervision_officer_signed_at: DF.Datetime | None
		unit: DF.Link | None
		workflow_state: DF.Link | None
	# end: auto-generated types

	def validate(self):
		self.fill_signatories()
		self.clear_sign_off_on_return()
		guard_signature_fields(self, None, tuple(p[2] for p in PARTIES))
		self.all_signed = int(signing.all_signed(self.signature_rows()))

	def fill_signatories(self):
		if not self.unit:
			return
		principal, officer = frappe.db.get_value("Sanshu Unit", self.unit, ["principal", "discipline_officer"])
		if not self.party_secretary and principal != self.cadre:
			self.party_secretary = principal
		if not self.supervision_officer and officer != self.cadre:
			self.supervision_officer = officer
		for field in ("party_secretary", "supervision_officer"):
			if not self.get(field):
				refuse("Choose the {0}: the cadre's unit names none.", _(self.meta.get_label(field)))

	def clear_sign_off_on_return(self):
		"""A card sent back to draft is signed afresh once it is issued again."""
		before = self.get_doc_before_save()
		if before and before.workflow_state == AWAITING_SIGN_OFF and self.workflow_state == DRAFT:
			self.flags.signing = True
			for _field, _capacity, signed in PARTIES:
				self.set(signed, None)

	def before_submit(self):
		if not signing.all_signed(self.signature_rows()):
			refuse("The card takes effect when the Party Secretary, the Supervision Officer and the cadre have all signed.")

	def before_update_after_submit(self):
		if self.workflow_state == CLOSED:
			if not (self.conclusion or "").strip():
				refuse("A card is closed only with a conclusion: write it first.")
			self.closed_on = self.closed_on or today()

	def on_update(self):
		before = self.get_doc_before_save()
		if self.workflow_state == AWAITING_SIGN_OFF and (not before or before.workflow_state != AWAITING_SIGN_OFF):
			due = [r.signer for r in signing.next_to_sign(self.signature_rows())]
			notify_signers(self, due, _("Risk notification card {0} awaits your signature.").format(self.name))

	def onload(self):
		"""Whether the viewing user may sign now (their row, their turn), so the form offers it only then."""
		actor = current_cadre()
		rows = self.signature_rows()
		stage = signing.SIGNING if self.docstatus == 0 and self.workflow_state == AWAITING_SIGN_OFF else None
		self.set_onload("my_turn", bool(actor) and any(r.signer == actor and not signing.check_sign(rows, r.key, actor, stage) for r in rows))

	def signature_rows(self):
		return [
			signing.SignatureRow(key=field, signer=self.get(field), capacity=capacity, signed=bool(self.get(signed)), gives_opinion=False)
			for field, capacity, signed in PARTIES
		]

	@frappe.whitelist()
	def sign(self):
		"""The next of the three parties signs (the cadre's signature is their acknowledgement)."""
		actor = current_cadre()
		before = self.signature_rows()
		mine = [r for r in signing.next_to_sign(before) if r.signer == actor] or [r for r in before if r.signer == actor and not r.signed]
		if not mine:
			mine = [r for r in before if r.signer == actor]
		key = mine[0].key if mine else "cadre"
		stage = signing.SIGNING if self.docstatus == 0 and self.workflow_state == AWAITING_SIGN_OFF else None
		violations = signing.check_sign(before, key, actor, stage)
		names = {r.signer: frappe.db.get_value("Sanshu Cadre", r.signer, "full_name") for r in before if r.signer}
		throw_violations(
			[type(v)(v.template, tuple(", ".join(names.get(p, p) for p in x.split(", ")) if isinstance(x, str) else x for x in v.values)) for v in violations],
			title=_("Not Allowed"),
		)
		self.set(dict((p[0], p[2]) for p in PARTIES)[key], now_datetime())
		self.flags.signing = True
		self.flags.ignore_permissions = True
		self.save()
		after = self.signature_rows()
		if signing.all_signed(after):
			self.workflow_state = FOLLOWING_UP
			self.submit()
		else:
			due = [r.signer for r in signing.newly_due(before, after)]
			notify_signers(self, due, _("Risk notification card {0} awaits your signature.").format(self.name))
		return self.name

	@frappe.whitelist()
	def add_follow_up(self, note: str, follow_up_date: str | None = None):
		"""Record a follow-up on a card in effect (Party Secretary, Supervision Officer, Manager)."""
		require_roles(FOLLOW_UP_ROLES)
		if self.docstatus != 1 or self.workflow_state != FOLLOWING_UP:
			refuse("Follow-ups are recorded while the card is being followed up.")
		if not (note or "").strip():
			refuse("Write what was followed up.")
		self.append("follow_ups", {"follow_up_date": follow_up_date or today(), "note": note.strip(), "recorded_by": frappe.session.user})
		self.flags.ignore_permissions = True
		self.save()
		return self.name
