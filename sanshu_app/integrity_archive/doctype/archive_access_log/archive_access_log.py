# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""The access register: one line per view, print, export or look at the connections of an
archive. Written only by sanshu_app.integrity_archive.access; nobody edits or deletes a line."""

import frappe
from frappe import _
from sanshu_app.permissions.scoped_document import ScopedDocument


class ArchiveAccessLog(ScopedDocument):
	def validate(self):
		if not self.is_new():
			frappe.throw(_("The access register cannot be changed."), frappe.PermissionError, title=_("Not Permitted"))

	def on_trash(self):
		frappe.throw(_("The access register cannot be deleted."), frappe.PermissionError, title=_("Not Permitted"))
