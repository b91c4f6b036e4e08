# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""一案三查: a serious case names the party concerned and traces back to the unit's Party Secretary
(主体责任) and discipline officer (监督责任); each of the three gets a finding and an outcome."""

import frappe
from frappe import _
from frappe.utils import today

from sanshu_app.integrity_archive.archive_rows import CASE_ROLES
from sanshu_app.utils import require_roles
from sanshu_app.permissions.scoped_document import ScopedDocument


class CaseAccountability(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		case_date: DF.Date
		case_reference: DF.Data | None
		case_title: DF.Data
		concluded_on: DF.Date | None
		discipline_officer: DF.Link | None
		discipline_officer_name: DF.Data | None
		officer_finding: DF.SmallText | None
		officer_outcome: DF.Data | None
		party_secretary: DF.Link | None
		party_secretary_name: DF.Data | None
		person: DF.Link
		person_finding: DF.SmallText | None
		person_name: DF.Data | None
		person_outcome: DF.Data | None
		public_naming: DF.Check
		public_summary: DF.SmallText | None
		secretary_finding: DF.SmallText | None
		secretary_outcome: DF.Data | None
		source_audit_finding: DF.Link | None
		status: DF.Literal["Open", "Concluded"]
		summary: DF.Text | None
		unit: DF.Link
	# end: auto-generated types

	def validate(self):
		principal, officer = frappe.db.get_value("Sanshu Unit", self.unit, ["principal", "discipline_officer"]) or (None, None)
		self.party_secretary = self.party_secretary or principal
		self.discipline_officer = self.discipline_officer or officer
		if not self.party_secretary or not self.discipline_officer:
			frappe.throw(_("Name the unit's Party Secretary and discipline officer: the unit {0} has none on record.").format(self.unit), title=_("Not Saved"))
		old = self.get_doc_before_save()
		if old and not self.flags.concluding:
			self.status, self.concluded_on = old.status, old.concluded_on
		if self.public_naming and self.status != "Concluded":
			frappe.throw(_("Only a concluded case is named in public."), title=_("Not Saved"))
		if self.public_naming and not (self.public_summary or "").strip():
			frappe.throw(_("Write the text published for naming the case in public."), title=_("Not Saved"))

	@frappe.whitelist()
	def conclude(self):
		require_roles()
		doc = frappe.get_doc(self.doctype, self.name)
		missing = [
			_(responsibility) for _field, finding, outcome, responsibility in CASE_ROLES if not (doc.get(finding) or "").strip() or not (doc.get(outcome) or "").strip()
		]
		if missing:
			frappe.throw(_("Give a finding and an outcome for: {0}.").format("、".join(missing)), title=_("Not Saved"))
		doc.status, doc.concluded_on = "Concluded", today()
		doc.flags.concluding = True
		doc.save()
		return doc.status
