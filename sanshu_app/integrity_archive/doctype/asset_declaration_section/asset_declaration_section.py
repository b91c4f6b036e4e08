# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class AssetDeclarationSection(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		attachment: DF.Attach | None
		description: DF.SmallText
		holder: DF.Literal["Self", "Spouse", "Children", "Other Family Member"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		section: DF.Literal["Real Estate", "Vehicles", "Bank Deposits", "Securities and Funds", "Business Investments", "Other Assets", "Debts"]
	# end: auto-generated types

	pass
