# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt


class AssessmentTemplate(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.assessment_and_rectification.doctype.assessment_template_item.assessment_template_item import AssessmentTemplateItem

		applies_to: DF.Literal["All Units", "Township", "County Department"]
		is_default: DF.Check
		items: DF.Table[AssessmentTemplateItem]
		source: DF.Data | None
		template_name: DF.Data
		total_points: DF.Float
	# end: auto-generated types

	def validate(self):
		if not self.items:
			frappe.throw(_("The template needs at least one item."), title=_("Not Saved"))
		for row in self.items:
			if flt(row.max_points) <= 0:
				frappe.throw(_("Row {0}: the maximum points must be above zero.").format(row.idx), title=_("Not Saved"))
		self.total_points = sum(flt(row.max_points) for row in self.items)

	def on_update(self):
		if self.is_default:
			# One default template: the one most recently marked.
			for other in frappe.get_all("Assessment Template", filters={"is_default": 1, "name": ("!=", self.name)}, pluck="name"):
				frappe.db.set_value("Assessment Template", other, "is_default", 0)


def default_template(unit_type=None):
	"""The template an assessment uses when none is chosen: the default for the unit's type, else any default."""
	for applies_to in (unit_type, "All Units"):
		if not applies_to:
			continue
		name = frappe.db.get_value("Assessment Template", {"applies_to": applies_to, "is_default": 1})
		if name:
			return name
	return frappe.db.get_value("Assessment Template", {"is_default": 1})
