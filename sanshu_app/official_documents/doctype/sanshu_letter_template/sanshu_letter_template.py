# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


# What a template is tried on before it is saved: a letter with every value a template may use.
SAMPLE = {
	"cadre": {"name": "CAD-00001", "full_name": "张三", "post": "党委书记", "unit": "平冈镇"},
	"unit": {"name": "平冈镇", "unit_name": "平冈镇", "unit_type": "Township"},
	"year": 2026,
	"issuer": "中共××县纪律检查委员会",
	"tasks": [{"task": "开展廉政警示教育", "lead_unit": "平冈镇", "cooperating_units": "", "deadline": "2026年6月30日"}],
	"campaign": "2026年度“三述”工作",
	"letter_title": "党风廉政建设责任书",
}


class SanshuLetterTemplate(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		body_template: DF.Code
		letter_type: DF.Literal["Party Conduct Responsibility Letter", "Division of Responsibility Notice", "Target Task Notice", "Task Supervision Notice", "Annual Responsibility Commitment", "Pre-appointment Integrity Commitment", "Six Commitments"]
	# end: auto-generated types

	def validate(self):
		if ".__" in (self.body_template or ""):
			frappe.throw(_("The template cannot be used: {0}").format("__"), title=_("Not Saved"))
		try:
			# The sandboxed environment letters are rendered with, tried directly so the office sees
			# the one reason rather than a traceback.
			frappe.get_jenv().from_string(self.body_template or "").render(SAMPLE)
		except Exception as error:  # a template error of any kind: refuse it, say why
			frappe.throw(_("The template cannot be used: {0}").format(frappe.utils.escape_html(str(error))), title=_("Not Saved"))
