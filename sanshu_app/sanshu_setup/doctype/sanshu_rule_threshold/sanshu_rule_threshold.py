# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SanshuRuleThreshold(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accountability: DF.Check
		comparison: DF.Literal[">=", ">"]
		counted_options: DF.Data
		creates_rectification: DF.Check
		outcome: DF.Data
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		percent: DF.Percent
		referral: DF.Check
		talk_type: DF.Literal["", "Reminder Talk", "Admonishment Talk", "Interview"]
	# end: auto-generated types

	pass
