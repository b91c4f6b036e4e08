# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class UnitReportTask(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		deadline: DF.Date | None
		measures: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		part: DF.Data | None
		task: DF.SmallText | None
		work_plan_task: DF.Link | None
	# end: auto-generated types

	pass
