# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SatisfactionSurveyUnit(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accountability: DF.Check
		integrity_talk: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		ranking: DF.Int
		responses: DF.Int
		score: DF.Float
		score_sum: DF.Float
		unit: DF.Link
	# end: auto-generated types

	pass
