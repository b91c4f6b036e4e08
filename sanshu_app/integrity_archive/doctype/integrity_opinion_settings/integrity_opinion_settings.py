# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""What an integrity opinion counts, over what window and in what words; the longest 调阅 and the
shortest 公示. Shipped with defaults (see sanshu_app.integrity_archive.setup)."""

from frappe.model.document import Document

from sanshu_app.rules.integrity_archive import OpinionRules, check_rules
from sanshu_app.utils import throw_violations


class IntegrityOpinionSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.integrity_archive.doctype.integrity_opinion_rule.integrity_opinion_rule import IntegrityOpinionRule

		counted_talk_types: DF.SmallText | None
		document_number_pattern: DF.Data
		longest_access_days: DF.Int
		no_problem_text: DF.SmallText
		problem_intro: DF.SmallText
		publicity_min_days: DF.Int
		rules: DF.Table[IntegrityOpinionRule]
		window_years: DF.Int
	# end: auto-generated types

	def validate(self):
		rules = OpinionRules(
			window_years=self.window_years or 0,
			wording={row.fact_kind: row.wording for row in self.rules},
			no_problem_text=self.no_problem_text or "",
			problem_intro=self.problem_intro or "",
		)
		throw_violations(check_rules(rules))
