# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from frappe import _
from frappe.model.document import Document

from sanshu_app.rules.messages import RuleViolation
from sanshu_app.rules.supervision import weight_violations
from sanshu_app.utils import throw_violations


class SupervisionSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		index_consecutive_periods: DF.Int
		index_talk_type: DF.Literal["Interview", "Reminder Talk", "Admonishment Talk"]
		index_top_places: DF.Int
		quarter_reminder_days: DF.Int
		repeat_min_records: DF.Int
		repeat_window_days: DF.Int
		survey_answers_per_hour: DF.Int
		survey_bottom_places: DF.Int
		survey_consecutive_periods: DF.Int
		survey_default_scale: DF.SmallText
		survey_failed_codes_per_address: DF.Int
		survey_talk_type: DF.Literal["Interview", "Reminder Talk", "Admonishment Talk"]
		weight_efficiency_complaints: DF.Float
		weight_online_opinion: DF.Float
		weight_petitions: DF.Float
	# end: auto-generated types

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
