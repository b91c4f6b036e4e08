# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SupervisionFinding(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		description: DF.SmallText
		evidence: DF.Attach | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		public_naming: DF.Check
		public_summary: DF.SmallText | None
		rectification: DF.Link | None
		severity: DF.Literal["Minor", "General", "Serious"]
		unit: DF.Link
	# end: auto-generated types

	pass
