# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from frappe import _
from frappe.model.document import Document
from frappe.utils import cint
import frappe


class WorkPlanProgressBulletin(Document):
	def validate(self):
		if not 1 <= cint(self.quarter) <= 4:
			frappe.throw(_("The quarter is 1, 2, 3 or 4."), title=_("Not Saved"))
