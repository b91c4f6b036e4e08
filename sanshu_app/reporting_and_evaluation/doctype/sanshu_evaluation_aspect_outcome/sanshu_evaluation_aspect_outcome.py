# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SanshuEvaluationAspectOutcome(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		aspect: DF.Data
		ballots: DF.Int
		outcome: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types

	pass
