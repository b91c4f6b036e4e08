# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt
"""A remembered column mapping (the office's alone): written by the imports when the clerk
confirms a mapped sheet (``sanshu_app.utils.sheet_layouts``), offered again for the same layout."""

from sanshu_app.permissions.scoped_document import ScopedDocument


class SanshuSheetLayout(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		column_roles: DF.JSON | None
		headings: DF.SmallText | None
		import_kind: DF.Literal["Paper Ballots", "Evaluation Paper Ballots", "Work Plan Tasks", "Cadres"]
		last_used_on: DF.Datetime | None
		sheet_name: DF.Data | None
		signature: DF.Data
	# end: auto-generated types

	pass
