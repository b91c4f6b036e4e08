# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import getdate, now_datetime, today

from sanshu_app.responsibility_documents.common import (
	current_cadre,
	default_title,
	guard_signature_fields,
	notify_signers,
	refuse,
)
from sanshu_app.rules import signing
from sanshu_app.rules.responsibility import check_supervision_source
from sanshu_app.utils import OFFICE_ROLES, require_roles, throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument

DRAFT = "Draft"
UNDER_REVIEW = "Under Review"
AWAITING_SIGNATURE = "Awaiting Signature"
SIGNED = "Signed"
SUPERVISION_NOTICE = "Task Supervision Notice"
STAGES = {UNDER_REVIEW: signing.REVIEW, AWAITING_SIGNATURE: signing.SIGNING}
SIGNATURE_FIELDS = ("review_opinion", "opinion_at", "signed_at")


TASK_TERMS = ("task", "lead_unit", "cooperating_units", "deadline")


def task_terms(doc):
	return [(row.name, *(str(row.get(f) or "") for f in TASK_TERMS)) for row in doc.tasks]


def content(doc):
	"""What reviewers and signers put their names to."""
	signers = [(row.name, row.signer, row.capacity, int(row.required or 0)) for row in doc.signatures]
	return (doc.letter_type, doc.cadre, doc.unit, doc.body or "", task_terms(doc), signers)


class ResponsibilityLetter(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.responsibility_documents.doctype.responsibility_letter_signature.responsibility_letter_signature import ResponsibilityLetterSignature
		from sanshu_app.responsibility_documents.doctype.responsibility_letter_task.responsibility_letter_task import ResponsibilityLetterTask

		all_signed: DF.Check
		amended_from: DF.Link | None
		body: DF.TextEditor | None
		cadre: DF.Link | None
		cadre_name: DF.Data | None
		campaign: DF.Link | None
		document_number: DF.Data | None
		issue_date: DF.Date | None
		issuer: DF.Data | None
		issuer_unit: DF.Link | None
		letter_type: DF.Literal["Party Conduct Responsibility Letter", "Division of Responsibility Notice", "Target Task Notice", "Task Supervision Notice"]
		return_reason: DF.SmallText | None
		signatures: DF.Table[ResponsibilityLetterSignature]
		source_letter: DF.Link | None
		source_task: DF.Data | None
		tasks: DF.Table[ResponsibilityLetterTask]
		title: DF.Data | None
		unit: DF.Link | None
		work_plan: DF.Link | None
		workflow_state: DF.Link | None
		year: DF.Int
	# end: auto-generated types

	def validate(self):
		if not self.year:
			self.year = getdate(self.issue_date or today()).year
		if not self.title:
			self.title = default_title(self, "letter_type")
		if not self.cadre and not self.unit:
			refuse("A letter is addressed to a cadre or to a unit: choose one.")
		throw_violations(signing.check_rows(self.signature_rows()), title=_("Not Saved"))
		self.check_state_change()
		self.check_content_frozen()
		guard_signature_fields(self, "signatures", SIGNATURE_FIELDS)
		self.all_signed = int(signing.all_signed(self.signature_rows()))

	def before_submit(self):
		if not signing.all_signed(self.signature_rows()):
			refuse("The letter is submitted when every required signature is in.")

	def before_update_after_submit(self):
		"""A signed letter keeps its tasks: only their status and progress move on."""
		before = self.get_doc_before_save()
		if before and task_terms(before) != task_terms(self):
			refuse("The tasks of a signed letter change only by cancelling and amending it; their status and progress can be updated.")

	def on_update(self):
		before = self.get_doc_before_save()
		old = before.workflow_state if before else None
		if old == self.workflow_state:
			return
		rows = self.signature_rows()
		if self.workflow_state == UNDER_REVIEW:
			reviewers = [r.signer for r in rows if r.needs_opinion]
			notify_signers(self, reviewers, _("{0} awaits your review opinion.").format(self.title))
		elif self.workflow_state == AWAITING_SIGNATURE:
			notify_signers(self, [r.signer for r in signing.next_to_sign(rows)], _("{0} awaits your signature.").format(self.title))
		elif self.workflow_state == DRAFT and old:
			self.add_comment("Comment", _("Returned to draft: {0}").format(self.return_reason))

	# state changes -------------------------------------------------------------------------------
	def check_state_change(self):
		before = self.get_doc_before_save()
		old = before.workflow_state if before else None
		if not old or old == self.workflow_state:
			return
		if self.workflow_state == DRAFT:
			if not (self.return_reason or "").strip():
				refuse("Give the reason for returning the letter to draft.")
			self.clear_signatures()
		elif self.workflow_state == UNDER_REVIEW:
			if not self.signatures:
				refuse("Add the signatures the letter needs before sending it for review.")
			self.return_reason = None
		elif self.workflow_state == AWAITING_SIGNATURE:
			missing = signing.missing_opinions(self.signature_rows())
			if missing:
				refuse("Review opinions come before signatures: {0} has not given one yet.", self.signer_label(missing[0].signer))

	def check_content_frozen(self):
		"""Once under review, the text stays as reviewed: changes go through Return to Draft."""
		before = self.get_doc_before_save()
		if not before or before.workflow_state not in STAGES or self.workflow_state != before.workflow_state:
			return
		if content(before) != content(self):
			refuse("The letter is under review or being signed: return it to draft to change it.")

	def clear_signatures(self):
		self.flags.signing = True
		for row in self.signatures:
			for field in SIGNATURE_FIELDS:
				row.set(field, None)

	@frappe.whitelist()
	def set_return_reason(self, reason: str):
		"""Record why the letter goes back to draft, just before the Return action."""
		require_roles(OFFICE_ROLES)
		if self.docstatus != 0 or self.workflow_state not in (UNDER_REVIEW, AWAITING_SIGNATURE):
			refuse("Only a letter under review or awaiting signature can be returned to draft.")
		if not (reason or "").strip():
			refuse("Give the reason for returning the letter to draft.")
		self.db_set("return_reason", reason.strip())
		return self.name

	def onload(self):
		"""What the viewing user may do now, so the form offers only those actions."""
		actor = current_cadre()
		rows = self.signature_rows() if actor else []
		stage = self.stage()
		self.set_onload(
			"my_turn",
			{
				"opinion": [r.key for r in rows if r.signer == actor and not r.opinion and not signing.check_opinion(rows, r.key, actor, stage)],
				"sign": [r.key for r in signing.next_to_sign(rows) if r.signer == actor and not signing.check_sign(rows, r.key, actor, stage)],
			},
		)

	# signing -------------------------------------------------------------------------------------
	def signature_rows(self):
		return [
			signing.SignatureRow(
				key=row.name or str(row.idx),
				signer=row.signer,
				capacity=row.capacity,
				opinion=row.review_opinion,
				signed=bool(row.signed_at),
				required=bool(row.required),
			)
			for row in self.signatures
		]

	def signer_label(self, cadre):
		return frappe.db.get_value("Sanshu Cadre", cadre, "full_name") or cadre

	def stage(self):
		return STAGES.get(self.workflow_state) if self.docstatus == 0 else None

	def pick_row(self, row, actor, want):
		"""The row the actor means: the one given, else their row whose turn it is."""
		if row:
			return row
		mine = [r for r in want(self.signature_rows()) if r.signer == actor] or signing.rows_for(self.signature_rows(), actor)
		if not mine:
			refuse("You are not named among the signers of this letter.")
		return mine[0].key

	def render(self, violations):
		"""Name the cadres in rule messages by their names, not their record ids."""
		from sanshu_app.rules.messages import RuleViolation

		names = {r.signer: self.signer_label(r.signer) for r in self.signature_rows()}
		def named(value):
			if not isinstance(value, str):
				return value
			return ", ".join(names.get(part, part) for part in value.split(", "))

		return [RuleViolation(v.template, tuple(named(x) for x in v.values)) for v in violations]

	@frappe.whitelist()
	def give_opinion(self, opinion: str, row: str | None = None):
		"""The named reviewer (主体责任人 / 监督责任人) writes their review opinion (审阅意见)."""
		actor = current_cadre()
		row = self.pick_row(row, actor, lambda rows: [r for r in rows if r.needs_opinion and not r.opinion])
		throw_violations(self.render(signing.check_opinion(self.signature_rows(), row, actor, self.stage())), title=_("Not Allowed"))
		if not (opinion or "").strip():
			refuse("Write the review opinion.")
		target = self.get("signatures", {"name": row})[0]
		target.review_opinion = opinion.strip()
		target.opinion_at = now_datetime()
		self.flags.signing = True
		self.save(ignore_permissions=True)
		return self.name

	@frappe.whitelist()
	def sign(self, row: str | None = None):
		"""The named signer signs their row, in turn; the last signature submits the letter."""
		actor = current_cadre()
		row = self.pick_row(row, actor, signing.next_to_sign)
		before = self.signature_rows()
		throw_violations(self.render(signing.check_sign(before, row, actor, self.stage())), title=_("Not Allowed"))
		self.get("signatures", {"name": row})[0].signed_at = now_datetime()
		self.flags.signing = True
		self.flags.ignore_permissions = True
		self.save()
		after = self.signature_rows()
		if signing.all_signed(after):
			self.workflow_state = SIGNED
			self.submit()
		else:
			due = [r.signer for r in signing.newly_due(before, after)]
			notify_signers(self, due, _("{0} awaits your signature.").format(self.title))
		return self.name

	# supervision notices -------------------------------------------------------------------------
	@frappe.whitelist()
	def raise_supervision_notice(self, task: str):
		"""A 任务落实督办书 for an overdue task of this signed letter, prefilled and linked back."""
		require_roles(OFFICE_ROLES)
		rows = self.get("tasks", {"name": task})
		if not rows:
			refuse("There is no task {0} in this letter.", task)
		source = rows[0]
		deadline = getdate(source.deadline) if source.deadline else None
		throw_violations(check_supervision_source(self.docstatus == 1, deadline, source.status, getdate(today())), title=_("Not Allowed"))
		if source.supervision_notice and frappe.db.get_value("Responsibility Letter", source.supervision_notice, "docstatus") in (0, 1):
			return source.supervision_notice
		notice = frappe.new_doc("Responsibility Letter")
		notice.update(
			{
				"letter_type": SUPERVISION_NOTICE,
				"year": self.year,
				"campaign": self.campaign,
				"issuer_unit": self.issuer_unit,
				"cadre": self.cadre,
				"unit": source.lead_unit or self.unit,
				"source_letter": self.name,
				"source_task": source.name,
				"body": _("The task below from {0} ({1}) was due on {2} and is {3}% done. Complete it without delay and report its progress.").format(
					self.title, self.document_number or self.name, frappe.format(source.deadline, {"fieldtype": "Date"}), int(source.progress or 0)
				),
			}
		)
		notice.append(
			"tasks",
			{"task": source.task, "lead_unit": source.lead_unit, "cooperating_units": source.cooperating_units, "status": "Not Started"},
		)
		for sig in self.signatures:
			notice.append("signatures", {"signer": sig.signer, "capacity": sig.capacity, "required": sig.required})
		notice.insert()
		source.db_set("supervision_notice", notice.name)
		return notice.name
