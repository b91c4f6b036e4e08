# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class AccountabilityStep(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		by_user: DF.Link | None
		from_state: DF.Literal["Draft", "Verifying", "Facts Verified", "Not Substantiated", "Decided", "Concluded"]
		note: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		stepped_on: DF.Datetime | None
		to_state: DF.Literal["Draft", "Verifying", "Facts Verified", "Not Substantiated", "Decided", "Concluded"]
	# end: auto-generated types

	pass
