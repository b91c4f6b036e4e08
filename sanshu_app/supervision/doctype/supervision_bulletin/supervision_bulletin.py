# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""The quarterly bulletin (通报): the quarter's inspections and findings, unit by unit."""

from frappe import _
from frappe.model.document import Document

from sanshu_app.rules.supervision import quarter_violations
from sanshu_app.supervision.bulletin import bulletin_units
from sanshu_app.utils import throw_violations


class SupervisionBulletin(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		bulletin_title: DF.Data
		closing: DF.TextEditor | None
		document_number: DF.Data | None
		introduction: DF.TextEditor | None
		issued_on: DF.Date | None
		quarter: DF.Int
		year: DF.Int
	# end: auto-generated types

	def validate(self):
		throw_violations(quarter_violations(self.quarter), title=_("Invalid Bulletin"))

	def units(self):
		return bulletin_units(self.year, self.quarter)
