# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from sanshu_app.permissions.scoped_document import ScopedDocument


class SanshuCadre(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		discipline_cadre: DF.Check
		full_name: DF.Data
		is_principal: DF.Check
		newly_promoted: DF.Check
		post: DF.Data | None
		promoted_on: DF.Date | None
		rank: DF.Literal["", "Division Level", "Deputy Division Level", "Section Level", "Deputy Section Level", "Staff", "Other"]
		status: DF.Literal["In Office", "Left"]
		term_end: DF.Date | None
		term_start: DF.Date | None
		unit: DF.Link
		user: DF.Link | None
	# end: auto-generated types

	def autoname(self):
		# The master import reserves the names of a whole sheet's cadres in one step of the series
		# (server-side flag); otherwise the doctype's own naming applies.
		if self.flags.reserved_name:
			self.name = self.flags.reserved_name

	def validate(self):
		self.validate_one_cadre_per_user()
		if not self.newly_promoted:
			self.promoted_on = None

	def validate_one_cadre_per_user(self):
		if not self.user:
			return
		other = frappe.db.get_value("Sanshu Cadre", {"user": self.user, "name": ("!=", self.name)}, ["name", "full_name"], as_dict=True)
		if other:
			frappe.throw(
				_("User {0} is already linked to cadre {1} ({2}); a user can be only one cadre.").format(self.user, other.full_name, other.name),
				title=_("User Already Linked"),
			)
