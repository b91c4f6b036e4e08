# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class WarningIndexRow(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		adjustment_reason: DF.SmallText | None
		counted_efficiency_complaints: DF.Int
		counted_online_opinion: DF.Int
		counted_petitions: DF.Int
		efficiency_complaints: DF.Int
		index_value: DF.Float
		intake_records: DF.SmallText | None
		online_opinion: DF.Int
		over_level_petitions: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		petitions: DF.Int
		ranking: DF.Int
		repeat_petitions: DF.Int
		talks_proposed: DF.Check
		unit: DF.Link
	# end: auto-generated types

	pass
