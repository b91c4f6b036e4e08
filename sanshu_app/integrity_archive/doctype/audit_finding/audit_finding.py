# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""A finding of an economic-responsibility or special audit, about a cadre or a unit; one action
opens its Rectification, another (for a serious finding) its 一案三查."""

import frappe
from frappe import _
from frappe.utils import today

from sanshu_app.utils import office_language, require_roles
from sanshu_app.permissions.scoped_document import ScopedDocument


class AuditFinding(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		audit_title: DF.Data
		audit_type: DF.Literal["Economic Responsibility Audit", "Special Fund Audit", "Government Investment Project Audit", "Other Audit"]
		auditor: DF.Data | None
		cadre: DF.Link | None
		cadre_name: DF.Data | None
		finding: DF.Text
		rectification: DF.Link | None
		report_date: DF.Date
		serious: DF.Check
		status: DF.Literal["Open", "Rectification Opened", "Closed"]
		unit: DF.Link
	# end: auto-generated types

	def validate(self):
		if self.cadre and not self.unit:
			self.unit = frappe.db.get_value("Sanshu Cadre", self.cadre, "unit")

	@frappe.whitelist()
	def open_rectification(self):
		require_roles()
		doc = frappe.get_doc(self.doctype, self.name)
		if doc.rectification:
			frappe.throw(_("Rectification {0} is already open for this finding.").format(doc.rectification), title=_("Not Saved"))
		rectification = frappe.get_doc(
			{
				"doctype": "Rectification",
				"source_type": "Audit",
				"source_doctype": doc.doctype,
				"source_name": doc.name,
				"cadre": doc.cadre,
				"unit": doc.unit,
				"problems": frappe.utils.escape_html(doc.finding or ""),
			}
		).insert()
		doc.rectification = rectification.name
		doc.status = "Rectification Opened"
		doc.save()
		return rectification.name

	@frappe.whitelist()
	def open_case(self):
		"""一案三查 from a serious finding (001 §14): a Case Accountability naming the finding, its
		cadre as the party concerned and the unit (whose Party Secretary and discipline officer it
		traces back to); opened once, asked again it returns the same case."""
		require_roles()
		doc = frappe.get_doc(self.doctype, self.name)
		doc.check_permission("write")
		existing = frappe.db.get_value("Case Accountability", {"source_audit_finding": doc.name}, "name")
		if existing:
			return existing
		if not doc.serious:
			frappe.throw(_("Only a serious audit finding opens a 一案三查 case."), title=_("Not Saved"))
		with office_language():
			case = frappe.get_doc(
				{
					"doctype": "Case Accountability",
					"case_title": _("{0}: {1}").format(doc.audit_title, _(doc.audit_type)),
					"case_date": today(),
					"unit": doc.unit,
					"person": doc.cadre,
					"source_audit_finding": doc.name,
					"summary": doc.finding,
				}
			).insert()
		return case.name

