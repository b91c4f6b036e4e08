# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""The quarterly bulletin (通报): the quarter's inspections and findings, unit by unit."""

from frappe import _
from frappe.model.document import Document

from sanshu_app.rules.supervision import quarter_violations
from sanshu_app.supervision.bulletin import bulletin_units
from sanshu_app.utils import throw_violations


class SupervisionBulletin(Document):
	def validate(self):
		throw_violations(quarter_violations(self.quarter), title=_("Invalid Bulletin"))

	def units(self):
		return bulletin_units(self.year, self.quarter)
