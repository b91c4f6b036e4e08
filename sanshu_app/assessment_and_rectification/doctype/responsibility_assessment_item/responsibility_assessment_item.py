# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class ResponsibilityAssessmentItem(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		content_area: DF.Literal["Deployment of Anti-corruption Work", "Integrity and Self-discipline of Leading Cadres", "Integrity Rules and Their Enforcement", "Accountability for Responsibility", "Anti-corruption Tasks Carried Out", "Responsibility Reporting", "Other Matters"]
		deduction_reason: DF.SmallText | None
		inspector_score: DF.Data | None
		item: DF.SmallText | None
		max_points: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		self_score: DF.Data | None
	# end: auto-generated types

	pass
