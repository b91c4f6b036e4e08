# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class UnitReportSignature(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		capacity: DF.Literal["Principal Responsible", "Supervisory Responsible"]
		opinion_at: DF.Datetime | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		review_opinion: DF.SmallText | None
		signed_at: DF.Datetime | None
		signer: DF.Link | None
		signer_name: DF.Data | None
	# end: auto-generated types

	pass
