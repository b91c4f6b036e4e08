# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SanshuCircularResult(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		cadre: DF.Link | None
		cadre_name: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		post: DF.Data | None
		ranking: DF.Int
		remark: DF.SmallText | None
		result: DF.Data | None
		score: DF.Float
		source_doctype: DF.Link | None
		source_name: DF.DynamicLink | None
		unit: DF.Link | None
	# end: auto-generated types

	pass
