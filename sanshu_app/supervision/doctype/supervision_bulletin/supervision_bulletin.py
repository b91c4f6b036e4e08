# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""The quarterly bulletin (通报): the quarter's inspections and findings, unit by unit."""

from frappe.model.document import Document

from sanshu_app.supervision.bulletin import bulletin_units


class SupervisionBulletin(Document):
	def units(self):
		return bulletin_units(self.year, self.quarter)
