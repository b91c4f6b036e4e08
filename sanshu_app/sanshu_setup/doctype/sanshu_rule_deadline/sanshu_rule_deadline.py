# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SanshuRuleDeadline(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		day_kind: DF.Literal["Working Days", "Calendar Days"]
		days: DF.Int
		deadline_type: DF.Literal["Inquiry Reply", "Rectification Report", "Rectification Talk After Overdue", "Reminder Before Due", "Report Submission", "Commitment Signing"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types

	pass
