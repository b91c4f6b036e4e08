# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SanshuDrawCandidate(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		candidate: DF.Data
		candidate_name: DF.Data | None
		category: DF.Data | None
		draw_position: DF.Int
		drawn: DF.Check
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		priority: DF.Check
	# end: auto-generated types

	pass
