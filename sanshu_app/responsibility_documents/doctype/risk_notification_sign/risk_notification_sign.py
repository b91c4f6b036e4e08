# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class RiskNotificationSign(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		description: DF.SmallText
		observed_on: DF.Date | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		risk_level: DF.Literal["Low Risk", "Medium Risk", "High Risk"]
		source: DF.Literal["Petitions and Reports", "Audit", "Public Opinion", "Daily Supervision", "Other"]
	# end: auto-generated types

	pass
