# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class RectificationMeasure(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		completed_on: DF.Date | None
		deadline: DF.Date | None
		evidence: DF.Attach | None
		last_reminded_on: DF.Date | None
		measure: DF.SmallText
		overdue: DF.Check
		owner_cadre: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		status: DF.Literal["Open", "In Progress", "Completed"]
	# end: auto-generated types

	pass
