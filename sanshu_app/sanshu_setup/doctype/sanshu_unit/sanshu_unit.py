# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils.nestedset import NestedSet, get_descendants_of


class SanshuUnit(NestedSet):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		discipline_officer: DF.Link | None
		is_group: DF.Check
		lft: DF.Int
		old_parent: DF.Link | None
		parent_sanshu_unit: DF.Link | None
		principal: DF.Link | None
		rgt: DF.Int
		unit_name: DF.Data
		unit_type: DF.Literal["Township", "County Department", "Industrial Park", "Grassroots Station", "Enterprise", "Other"]
	# end: auto-generated types

	nsm_parent_field = "parent_sanshu_unit"

	def validate(self):
		self.validate_parent_is_not_below_itself()

	def validate_parent_is_not_below_itself(self):
		parent = self.parent_sanshu_unit
		if not parent:
			return
		if parent == self.name or (not self.is_new() and parent in get_descendants_of(self.doctype, self.name)):
			frappe.throw(
				_("Unit {0} cannot be placed under itself or under one of its own sub-units ({1}).").format(self.name, parent),
				title=_("Invalid Parent Unit"),
			)
		if not frappe.db.get_value(self.doctype, parent, "is_group"):
			frappe.db.set_value(self.doctype, parent, "is_group", 1)

	def on_trash(self):
		NestedSet.on_trash(self, allow_root_deletion=True)
