# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

from frappe import _
from frappe.model.document import Document
from frappe.utils import cint

from sanshu_app.rules.anonymity import DEFAULT_K
from sanshu_app.rules.meeting import group_weight_violations
from sanshu_app.rules.messages import RuleViolation
from sanshu_app.rules.rating import Threshold, check_thresholds, parse_options, rate
from sanshu_app.rules.rule_set import check_assessment, check_deadlines
from sanshu_app.utils import throw_violations

CONSEQUENCE_FLAGS = ("creates_rectification", "accountability", "referral")


class SanshuRuleSet(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.sanshu_setup.doctype.sanshu_rule_deadline.sanshu_rule_deadline import SanshuRuleDeadline
		from sanshu_app.sanshu_setup.doctype.sanshu_rule_group_weight.sanshu_rule_group_weight import SanshuRuleGroupWeight
		from sanshu_app.sanshu_setup.doctype.sanshu_rule_scale_option.sanshu_rule_scale_option import SanshuRuleScaleOption
		from sanshu_app.sanshu_setup.doctype.sanshu_rule_threshold.sanshu_rule_threshold import SanshuRuleThreshold

		allow_abstention: DF.Check
		deadlines: DF.Table[SanshuRuleDeadline]
		disabled: DF.Check
		fallback_outcome: DF.Data | None
		group_weights: DF.Table[SanshuRuleGroupWeight]
		max_score: DF.Float
		member_grades: DF.Table[SanshuRuleScaleOption]
		min_ballots_shown: DF.Int
		pass_mark: DF.Float
		purpose: DF.Literal["Evaluation Rating", "Responsibility Assessment", "Deadlines"]
		routine_inspection_weight: DF.Float
		rule_set_name: DF.Data
		scale_options: DF.Table[SanshuRuleScaleOption]
		source: DF.Data | None
		special_inspection_weight: DF.Float
		thresholds: DF.Table[SanshuRuleThreshold]
	# end: auto-generated types

	def validate(self):
		problems = check_deadlines([(d.deadline_type, d.days) for d in self.deadlines])
		if self.purpose == "Evaluation Rating":
			problems += check_thresholds(self.scale(), self.rating_thresholds(), self.fallback_outcome)
			problems += group_weight_violations([(row.evaluator_group, row.weight) for row in self.get("group_weights") or []])
			if self.min_ballots_shown is not None and cint(self.min_ballots_shown) < 1:
				problems.append(RuleViolation("Fewest Ballots Shown as Counts must be at least 1."))
		if self.purpose == "Responsibility Assessment":
			problems += check_assessment(self.max_score, self.special_inspection_weight, self.routine_inspection_weight, self.pass_mark)
			if not self.member_grades:
				problems.append(RuleViolation("List the grades team members can be given."))
		throw_violations(problems, title=_("Incoherent Rule Set"))

	def scale(self) -> list[str]:
		return [row.option.strip() for row in self.scale_options]

	def rating_thresholds(self) -> list[Threshold]:
		return [
			Threshold(
				outcome=(row.outcome or "").strip(),
				options=parse_options(row.counted_options or ""),
				percent=row.percent or 0,
				comparison=row.comparison,
				consequences=tuple(
					[flag for flag in CONSEQUENCE_FLAGS if row.get(flag)] + ([f"talk:{row.talk_type}"] if row.talk_type else [])
				),
			)
			for row in self.thresholds
		]

	def rate(self, tally: dict[str, int]):
		"""Rate a tally (scale option -> ballots) with this rule set's thresholds."""
		return rate(tally, self.scale(), self.rating_thresholds(), self.fallback_outcome)

	def min_ballots(self) -> int:
		"""k: the fewest ballots a count per option, or per evaluator group, may be shown over."""
		return cint(self.get("min_ballots_shown")) or DEFAULT_K

	def weights_by_group(self) -> dict:
		"""Evaluator group -> weight (percent); empty when ballots count plainly (the seeds)."""
		return {row.evaluator_group: row.weight for row in self.get("group_weights") or []}

	def deadline(self, deadline_type: str):
		return next(((d.days, d.day_kind) for d in self.deadlines if d.deadline_type == deadline_type), None)

