# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint

from sanshu_app.rules import accountability as accountability_rules
from sanshu_app.rules.anonymity import DEFAULT_K
from sanshu_app.rules.meeting import group_weight_violations
from sanshu_app.rules.messages import RuleViolation
from sanshu_app.rules.rating import Threshold, check_thresholds, parse_options, rate
from sanshu_app.rules.rule_set import check_assessment, check_deadlines
from sanshu_app.utils import throw_violations

# What a threshold row creates by itself (a rectification, a talk); accountability (问责) is the
# rule set's consequence rows (issue 19). The old accountability/referral ticks are read only and
# were turned into consequence rows by a patch.
CONSEQUENCE_FLAGS = ("creates_rectification",)
# What a rule set in use may not change (issue 19): its scale, thresholds and weights.
LOCKED_FIELDS = (
	"scale_options",
	"thresholds",
	"fallback_outcome",
	"fallback_needs_decision",
	"count_abstentions",
	"aspects",
	"allow_abstention",
	"group_weights",
	"max_score",
	"pass_mark",
	"pass_mark_is_below",
	"special_inspection_weight",
	"routine_inspection_weight",
	"member_grades",
)


class SanshuRuleSet(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.sanshu_setup.doctype.sanshu_rule_consequence.sanshu_rule_consequence import SanshuRuleConsequence
		from sanshu_app.sanshu_setup.doctype.sanshu_rule_deadline.sanshu_rule_deadline import SanshuRuleDeadline
		from sanshu_app.sanshu_setup.doctype.sanshu_rule_group_weight.sanshu_rule_group_weight import SanshuRuleGroupWeight
		from sanshu_app.sanshu_setup.doctype.sanshu_rule_scale_option.sanshu_rule_scale_option import SanshuRuleScaleOption
		from sanshu_app.sanshu_setup.doctype.sanshu_rule_threshold.sanshu_rule_threshold import SanshuRuleThreshold

		allow_abstention: DF.Check
		aspects: DF.SmallText | None
		breakdown_due: DF.Data | None
		consequences: DF.Table[SanshuRuleConsequence]
		count_abstentions: DF.Check
		deadline_moves_off_holidays: DF.Check
		deadlines: DF.Table[SanshuRuleDeadline]
		disabled: DF.Check
		fallback_needs_decision: DF.Check
		fallback_outcome: DF.Data | None
		group_weights: DF.Table[SanshuRuleGroupWeight]
		max_score: DF.Float
		member_grades: DF.Table[SanshuRuleScaleOption]
		min_ballots_shown: DF.Int
		pass_mark: DF.Float
		pass_mark_is_below: DF.Check
		purpose: DF.Literal["Evaluation Rating", "Responsibility Assessment", "Deadlines", "Social Evaluation"]
		ranking_ties: DF.Literal["Office Decides", "Include All Tied", "Include None Tied"]
		reporter_share_percent: DF.Percent
		routine_draw_county_departments: DF.Int
		routine_draw_townships: DF.Int
		routine_inspection_weight: DF.Float
		rule_set_name: DF.Data
		scale_options: DF.Table[SanshuRuleScaleOption]
		self_inspection_report_due: DF.Data | None
		source: DF.Data | None
		special_inspection_weight: DF.Float
		term_warning_days: DF.Int
		thresholds: DF.Table[SanshuRuleThreshold]
		undrawn_routine_score: DF.Literal["Office Enters", "Full Marks"]
		unit_report_sections: DF.SmallText | None
		year_end_report_due: DF.Data | None
	# end: auto-generated types

	def validate(self):
		self.refuse_changes_in_use()
		problems = check_deadlines([(d.deadline_type, d.days) for d in self.deadlines])
		for row in self.get("consequences") or []:
			problems += [
				RuleViolation("Consequence row {0}: {1}", (row.idx, v.render(_)))
				for v in accountability_rules.measure_violations(accountability_rules.parse_measures(row.measures))
			]
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

	def rate(self, tally: dict[str, int], abstentions: int = 0):
		"""Rate a tally (scale option -> ballots) with this rule set's thresholds; ``abstentions``
		count in the denominator when the rule set says so."""
		return rate(
			tally,
			self.scale(),
			self.rating_thresholds(),
			self.fallback_outcome,
			abstentions=abstentions,
			count_abstentions=bool(self.get("count_abstentions")),
			fallback_pending=bool(self.get("fallback_needs_decision")),
		)

	def aspects_rated(self) -> list[str]:
		"""The aspects rated separately (000 四（二）: 责、廉、德); empty: one overall rating."""
		return list(parse_options(self.get("aspects") or ""))

	def consequence_rules(self, source: str, outcome: str | None = None) -> list:
		"""The consequence rows that create a draft accountability record for ``source`` (and outcome)."""
		return accountability_rules.matching_rules(self.get("consequences") or [], source, outcome)

	# locked in use (issue 19) -------------------------------------------------------------------
	def refuse_changes_in_use(self):
		if self.is_new():
			return
		old = self.get_doc_before_save()
		if not old or not self.changed_locked_fields(old):
			return
		in_use = open_records_using(self.name)
		if in_use:
			doctype, name = in_use[0]
			frappe.throw(
				_("Rule set {0} is used by the open {1} {2}: its scale, thresholds and weights cannot change while it is in use. Copy it to a new version and use that.").format(
					self.name, _(doctype), name
				),
				title=_("Rule Set in Use"),
			)

	def changed_locked_fields(self, old) -> list[str]:
		def plain(value):
			if isinstance(value, list):
				return [{k: v for k, v in row.as_dict().items() if k not in ("name", "modified", "creation", "owner", "modified_by", "parent", "idx")} for row in value]
			return value

		changed = []
		for field in LOCKED_FIELDS:
			if not self.meta.has_field(field):
				continue
			before, after = plain(old.get(field)), plain(self.get(field))
			if isinstance(before, list):
				if before != after:
					changed.append(field)
			elif str(before or 0) != str(after or 0) and not (_is_number(before) and _is_number(after) and float(before or 0) == float(after or 0)):
				changed.append(field)
		return changed

	@frappe.whitelist()
	def copy_to_new_version(self):
		"""A copy of this rule set under the next free name (…（第2版）), for the office to edit."""
		from sanshu_app.utils import OFFICE_ROLES, require_roles

		require_roles(OFFICE_ROLES)
		base = self.name
		version = 2
		while frappe.db.exists("Sanshu Rule Set", _("{0} (version {1})").format(base, version)):
			version += 1
		copy = frappe.copy_doc(self)
		copy.rule_set_name = _("{0} (version {1})").format(base, version)
		copy.insert()
		return copy.name

	def min_ballots(self) -> int:
		"""k: the fewest ballots a count per option, or per evaluator group, may be shown over."""
		return cint(self.get("min_ballots_shown")) or DEFAULT_K

	def weights_by_group(self) -> dict:
		"""Evaluator group -> weight (percent); empty when ballots count plainly (the seeds)."""
		return {row.evaluator_group: row.weight for row in self.get("group_weights") or []}

	def deadline(self, deadline_type: str):
		return next(((d.days, d.day_kind) for d in self.deadlines if d.deadline_type == deadline_type), None)


def _is_number(value) -> bool:
	try:
		float(value or 0)
		return True
	except (TypeError, ValueError):
		return False


# An open record of each kind that uses a rule set: (doctype, rule-set field, filters that mean open).
OPEN_USES = (
	("Sanshu Evaluation", "rule_set", {"docstatus": 0}),
	("Sanshu Meeting", "rule_set", {"status": "Open"}),
	("Responsibility Assessment", "rule_set", {"workflow_state": ("not in", ("Notified",))}),
	("Satisfaction Survey", "rule_set", {"status": ("!=", "Closed")}),
)


def open_records_using(rule_set: str) -> list[tuple[str, str]]:
	"""(doctype, name) of the open evaluations, meetings, assessments and surveys using ``rule_set``."""
	found = []
	for doctype, field, filters in OPEN_USES:
		if not frappe.db.exists("DocType", doctype) or not frappe.get_meta(doctype).has_field(field):
			continue
		for name in frappe.get_all(doctype, filters={field: rule_set, **filters}, pluck="name", limit=3, order_by="creation"):
			found.append((doctype, name))
	return found
