# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from frappe.model.document import Document


class SatisfactionSurveyCode(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		code_hash: DF.Data | None
		survey: DF.Link
		used: DF.Check
	# end: auto-generated types

	pass
