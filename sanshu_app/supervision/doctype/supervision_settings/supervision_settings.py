# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from frappe import _
from frappe.model.document import Document

from sanshu_app.rules.messages import RuleViolation
from sanshu_app.rules.supervision import weight_violations
from sanshu_app.utils import throw_violations


class SupervisionSettings(Document):
	def validate(self):
		problems = weight_violations(
			{
				_("Petitions and Reports"): self.weight_petitions,
				_("Efficiency Complaints"): self.weight_efficiency_complaints,
				_("Corruption-Related Online Opinion"): self.weight_online_opinion,
			}
		)
		for fieldname in ("survey_bottom_places", "survey_consecutive_periods", "index_top_places", "index_consecutive_periods"):
			if (self.get(fieldname) or 0) < 1:
				problems.append(RuleViolation("{0} must be at least 1.", (_(self.meta.get_label(fieldname)),)))
		throw_violations(problems, title=_("Incoherent Supervision Rules"))
