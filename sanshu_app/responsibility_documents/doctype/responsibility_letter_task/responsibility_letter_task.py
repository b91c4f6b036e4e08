# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class ResponsibilityLetterTask(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		cooperating_units: DF.SmallText | None
		deadline: DF.Date | None
		lead_unit: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		progress: DF.Percent
		progress_note: DF.SmallText | None
		status: DF.Literal["Not Started", "In Progress", "Completed"]
		supervision_notice: DF.Link | None
		task: DF.SmallText
		work_plan_task: DF.Link | None
	# end: auto-generated types

	pass
