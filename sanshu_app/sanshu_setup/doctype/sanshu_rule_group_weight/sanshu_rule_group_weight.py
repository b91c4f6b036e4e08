# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from frappe.model.document import Document


class SanshuRuleGroupWeight(Document):
	pass
