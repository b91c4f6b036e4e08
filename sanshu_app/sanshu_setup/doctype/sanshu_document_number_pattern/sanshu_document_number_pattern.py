# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SanshuDocumentNumberPattern(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		document_kind: DF.Literal["Party Conduct Responsibility Letter", "Division of Responsibility Notice", "Target Task Notice", "Task Supervision Notice", "Annual Responsibility Commitment", "Pre-appointment Integrity Commitment", "Six Commitments", "Risk Notification Card", "Rectification Notice", "Rectification Recommendation", "Evaluation Feedback", "Circular"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		pattern: DF.Data
	# end: auto-generated types

	pass
