# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SanshuCircularRecipient(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		cadre: DF.Link | None
		copy_type: DF.Literal["Main Recipient", "Copy Recipient"]
		delivered_cadre: DF.Link | None
		delivered_on: DF.Datetime | None
		delivered_role: DF.Link | None
		delivered_unit: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		recipient_type: DF.Literal["Role", "Unit", "Cadre"]
		role: DF.Link | None
		unit: DF.Link | None
	# end: auto-generated types

	pass
