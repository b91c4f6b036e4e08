# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class AssetDeclarationObjection(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		channel: DF.Literal["Public Portal", "Within Unit", "Letter or Visit"]
		check_result: DF.SmallText | None
		contact: DF.Data | None
		content: DF.SmallText
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		received_on: DF.Date | None
	# end: auto-generated types

	pass
