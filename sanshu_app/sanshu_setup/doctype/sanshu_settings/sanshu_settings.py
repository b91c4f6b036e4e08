# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class SanshuSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.sanshu_setup.doctype.sanshu_calendar_override.sanshu_calendar_override import SanshuCalendarOverride
		from sanshu_app.sanshu_setup.doctype.sanshu_document_number_pattern.sanshu_document_number_pattern import SanshuDocumentNumberPattern

		calendar_overrides: DF.Table[SanshuCalendarOverride]
		issuing_office: DF.Data | None
		number_patterns: DF.Table[SanshuDocumentNumberPattern]
	# end: auto-generated types

	def validate(self):
		seen = set()
		for row in self.calendar_overrides:
			if row.date in seen:
				frappe.throw(_("Row {0}: {1} is listed twice.").format(row.idx, frappe.format(row.date, "Date")), title=_("Duplicate Date"))
			seen.add(row.date)
		from sanshu_app.official_documents.numbering import check_patterns

		check_patterns(self)
