# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from sanshu_app.permissions.child_rows import ChildRow


class SanshuMeetingReporter(ChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		cadre: DF.Link
		cadre_name: DF.Data | None
		drawn: DF.Check
		evaluation: DF.Link | None
		last_meeting_report: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		report_mode: DF.Literal["Meeting Report", "Written Report"]
	# end: auto-generated types

	pass
