# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PublicDisclosureSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		captcha_minutes: DF.Int
		question_max_length: DF.Int
		questions_per_hour: DF.Int
		reply_margin_days: DF.Int
		reply_working_days: DF.Int
	# end: auto-generated types

	pass
