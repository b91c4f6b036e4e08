# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SanshuRuleConsequence(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		measures: DF.SmallText | None
		needs_verification: DF.Check
		outcome: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		seed: DF.Data | None
		trigger: DF.Literal["Evaluation", "Responsibility Assessment", "Survey Ranking", "Rectification Overdue", "Report Not Truthful"]
	# end: auto-generated types

	pass
