# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from frappe import _
from frappe.model.document import Document
from frappe.utils import cint
import frappe


class WorkPlanProgressBulletin(Document):
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
		work_plan: DF.Link
	# end: auto-generated types

	def validate(self):
		if not 1 <= cint(self.quarter) <= 4:
			frappe.throw(_("The quarter is 1, 2, 3 or 4."), title=_("Not Saved"))
