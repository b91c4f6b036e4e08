# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SanshuEvaluationAspectCount(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		aspect: DF.Data
		online_ballots: DF.Int
		option: DF.Data
		paper_ballots: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		share: DF.Percent
		total_ballots: DF.Int
	# end: auto-generated types

	pass
