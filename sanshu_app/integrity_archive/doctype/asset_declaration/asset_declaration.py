# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""家庭财产申报: a newly promoted cadre declares the family's assets; the office publicises the chosen
summary (公示) inside the unit and to the public, records objections and their check, and concludes.

The contents are the declarant's and the office's alone: the record scope keeps the document from
anyone else, and the publicity shows only ``published_summary``."""

from datetime import date

import frappe
from frappe import _
from frappe.utils import getdate, today

from sanshu_app.integrity_archive.attachments import require_private_files
from sanshu_app.rules import integrity_archive as rules
from sanshu_app.utils import is_office, require_roles, throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument

CONTENT_FIELDS = ("reason", "declaration_date", "attachment", "declarant_note")


class AssetDeclaration(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.integrity_archive.doctype.asset_declaration_objection.asset_declaration_objection import AssetDeclarationObjection
		from sanshu_app.integrity_archive.doctype.asset_declaration_section.asset_declaration_section import AssetDeclarationSection

		attachment: DF.Attach | None
		cadre: DF.Link
		cadre_name: DF.Data | None
		check_result: DF.SmallText | None
		concluded_on: DF.Date | None
		conclusion: DF.SmallText | None
		declarant_note: DF.SmallText | None
		declaration_date: DF.Date
		objections: DF.Table[AssetDeclarationObjection]
		post: DF.Data | None
		publicity_end: DF.Date | None
		publicity_scope: DF.Literal["Within Unit and Public", "Within Unit"]
		publicity_start: DF.Date | None
		published_summary: DF.SmallText | None
		reason: DF.Literal["Newly Promoted", "Annual", "Other"]
		sections: DF.Table[AssetDeclarationSection]
		status: DF.Literal["Draft", "Submitted", "In Publicity", "Under Check", "Concluded"]
		unit: DF.Link | None
	# end: auto-generated types

	def validate(self):
		require_private_files(self, tables=(("sections", "attachment"),))
		old = self.get_doc_before_save()
		if self.is_new() and not is_office():
			self.status = rules.DRAFT
		if not is_office() and not self.flags.public_objection:
			self.check_declarant()
			if old and old.status != rules.DRAFT and self.contents_changed(old):
				frappe.throw(_("A submitted declaration can no longer be changed."), title=_("Not Saved"))
		self.status = self.status or rules.DRAFT
		if old and not self.flags.stepping:
			# The status moves only through the actions below.
			self.status = old.status

	def check_declarant(self):
		user = frappe.db.get_value("Sanshu Cadre", self.cadre, "user")
		if user != frappe.session.user:
			frappe.throw(_("You can only declare your own family's assets."), frappe.PermissionError, title=_("Not Permitted"))

	def contents_changed(self, old):
		def rows(doc):
			return [(r.section, r.holder, r.description, r.amount, r.attachment) for r in doc.sections]

		return rows(old) != rows(self) or any((old.get(f) or "") != (self.get(f) or "") for f in CONTENT_FIELDS)

	def step(self, new_status):
		throw_violations(rules.check_declaration_step(self.status, new_status))
		self.status = new_status
		self.flags.stepping = True
		self.save(ignore_permissions=True)

	@frappe.whitelist()
	def submit_declaration(self):
		doc = stored(self)
		if not is_office():
			doc.check_declarant()
		if not doc.sections:
			frappe.throw(_("Declare at least one asset (or say there is none) before submitting."), title=_("Not Saved"))
		doc.step(rules.SUBMITTED)
		return doc.status

	@frappe.whitelist()
	def start_publicity(self, publicity_start: str | date, publicity_end: str | date, published_summary: str, publicity_scope: str | None = None):
		require_roles()
		doc = stored(self)
		minimum = frappe.db.get_single_value("Integrity Opinion Settings", "publicity_min_days") or 5
		start, end = getdate(publicity_start) if publicity_start else None, getdate(publicity_end) if publicity_end else None
		throw_violations(rules.check_publicity(start, end, minimum, published_summary))
		doc.publicity_start, doc.publicity_end, doc.published_summary = start, end, published_summary
		doc.publicity_scope = publicity_scope or doc.publicity_scope or "Within Unit and Public"
		doc.step(rules.IN_PUBLICITY)
		return doc.status

	@frappe.whitelist()
	def conclude(self, conclusion: str):
		require_roles()
		doc = stored(self)
		checked = sum(1 for o in doc.objections if (o.check_result or "").strip())
		throw_violations(
			rules.check_conclusion(doc.status, getdate(doc.publicity_end) if doc.publicity_end else None, getdate(today()), len(doc.objections), checked, conclusion)
		)
		doc.conclusion = conclusion
		doc.concluded_on = today()
		doc.step(rules.CONCLUDED)
		return doc.status


def stored(doc):
	"""The stored declaration (never the client's copy), readable by the caller."""
	stored_doc = frappe.get_doc(doc.doctype, doc.name)
	stored_doc.check_permission("read")
	return stored_doc


def published(user=None):
	"""The declarations in publicity today that ``user`` may see: public ones for everyone, the
	unit-only ones for cadres of the unit. Only the summary and who declared are read."""
	user = user or frappe.session.user
	units = []
	if user != "Guest":
		units = frappe.get_all("Sanshu Cadre", filters={"user": user}, pluck="unit")
	rows = frappe.get_all(
		"Asset Declaration",
		filters={"status": rules.IN_PUBLICITY, "publicity_start": ("<=", today()), "publicity_end": (">=", today())},
		fields=["name", "cadre_name", "unit", "post", "published_summary", "publicity_start", "publicity_end", "publicity_scope"],
		order_by="publicity_start desc",
		ignore_permissions=True,
	)
	return [r for r in rows if r.publicity_scope == "Within Unit and Public" or r.unit in units]


def receive_objection(declaration, content, contact=None):
	"""An objection from the publicity page, during the period only. Reached only through the guest
	door ``sanshu_app.api.public.submit_objection`` (language, call throttle per peer address)."""
	if not isinstance(declaration, str) or not isinstance(content or "", str) or not isinstance(contact or "", str):
		frappe.throw(_("Write the objection."), title=_("Not Saved"))
	content = (content or "").strip()
	if not content:
		frappe.throw(_("Write the objection."), title=_("Not Saved"))
	if len(content) > 2000 or len(contact or "") > 140:
		frappe.throw(_("The objection is too long."), title=_("Not Saved"))
	if declaration not in {r.name for r in published()}:
		frappe.throw(_("This declaration is not in publicity."), title=_("Not Saved"))
	doc = frappe.get_doc("Asset Declaration", declaration)
	doc.append("objections", {"received_on": today(), "channel": "Public Portal", "content": content, "contact": (contact or "").strip()})
	doc.flags.public_objection = True
	doc.save(ignore_permissions=True)
	return _("Your objection has been received.")
