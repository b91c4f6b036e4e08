# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""The access register: one line per view, print, export or look at the connections of an
archive. Written only by sanshu_app.integrity_archive.access; nobody edits or deletes a line."""

import frappe
from frappe import _
from sanshu_app.permissions.scoped_document import ScopedDocument


class ArchiveAccessLog(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		access_request: DF.Link | None
		accessed_at: DF.Datetime | None
		action: DF.Literal["View", "Print", "Export", "Connections"]
		basis: DF.Literal["Office", "Own Archive", "Approved Request"]
		cadre: DF.Link | None
		cadre_name: DF.Data | None
		reader: DF.Link | None
		reader_name: DF.Data | None
	# end: auto-generated types

	def validate(self):
		if not self.is_new():
			frappe.throw(_("The access register cannot be changed."), frappe.PermissionError, title=_("Not Permitted"))

	def on_trash(self):
		frappe.throw(_("The access register cannot be deleted."), frappe.PermissionError, title=_("Not Permitted"))
