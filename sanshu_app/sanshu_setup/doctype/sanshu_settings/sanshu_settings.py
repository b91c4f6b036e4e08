# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class SanshuSettings(Document):
	def validate(self):
		seen = set()
		for row in self.calendar_overrides:
			if row.date in seen:
				frappe.throw(_("Row {0}: {1} is listed twice.").format(row.idx, frappe.format(row.date, "Date")), title=_("Duplicate Date"))
			seen.add(row.date)
		from sanshu_app.official_documents.numbering import check_patterns

		check_patterns(self)
