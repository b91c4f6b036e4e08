# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class IntegrityOpinionRule(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		fact_kind: DF.Literal["Open Rectification", "Overdue Rectification", "Integrity Talk", "Evaluation Consequence", "Assessment Below Pass Mark", "Open Risk Card", "Case Accountability Finding", "Declaration Objection", "Audit Finding", "Accountability Concluded"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		wording: DF.SmallText
	# end: auto-generated types

	pass
