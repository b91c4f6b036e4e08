# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt
"""Accountability (问责): one record per consequence (issue 19).

The seeds' thresholds create drafts for the office (``sanshu_app.utils.accountability.propose``,
from the rule set's consequence rows); the office may also open one by hand (a report found not
truthful, 003 §23(一)). Then: 草稿 → 核实中 → 已核实 / 不属实 → 已决定 → 已办结, each step by a
button (``start_verification``, ``record_verification``, ``decide``, ``conclude``) that records who
and when in the Steps table; the status never changes otherwise. A concluded record goes into
the cadre's integrity archive and the integrity opinion's facts. Office-only (see
``permissions/scopes.py``).
"""

import frappe
from frappe import _
from frappe.utils import getdate, now_datetime, today

from sanshu_app.permissions.scoped_document import ScopedDocument
from sanshu_app.rules import accountability as rules
from sanshu_app.utils import OFFICE_ROLES, require_roles, throw_violations
from sanshu_app.utils.accountability import rule_key, rules_for

EDITABLE_MEASURES_IN = (rules.DRAFT, rules.VERIFYING, rules.VERIFIED)


class Accountability(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.assessment_and_rectification.doctype.accountability_measure.accountability_measure import AccountabilityMeasure
		from sanshu_app.assessment_and_rectification.doctype.accountability_step.accountability_step import AccountabilityStep

		cadre: DF.Link | None
		cadre_name: DF.Data | None
		campaign: DF.Link | None
		concluded_on: DF.Date | None
		conclusion: DF.SmallText | None
		figures: DF.SmallText | None
		measures: DF.Table[AccountabilityMeasure]
		needs_verification: DF.Check
		proposed_measures: DF.SmallText | None
		rule_key: DF.Data | None
		rule_set: DF.Link | None
		source_doctype: DF.Link | None
		source_name: DF.DynamicLink | None
		source_type: DF.Literal["Evaluation", "Responsibility Assessment", "Survey Ranking", "Rectification Overdue", "Report Not Truthful"]
		status: DF.Literal["Draft", "Verifying", "Facts Verified", "Not Substantiated", "Decided", "Concluded"]
		steps: DF.Table[AccountabilityStep]
		subject_name: DF.Data | None
		unit: DF.Link | None
		verification_finding: DF.SmallText | None
		verified_by: DF.Link | None
		verified_on: DF.Date | None
	# end: auto-generated types

	def validate(self):
		self.fill_subject()
		self.fill_rule()
		self.guard_status()

	def fill_subject(self):
		if not self.cadre and not self.unit:
			frappe.throw(_("Name the cadre or the unit held to account."), title=_("Not Saved"))
		if self.cadre and not self.unit:
			self.unit = frappe.db.get_value("Sanshu Cadre", self.cadre, "unit")
		if self.cadre:
			self.cadre_name = frappe.db.get_value("Sanshu Cadre", self.cadre, "full_name")
		self.subject_name = "；".join(p for p in (self.cadre_name, self.unit) if p)

	def fill_rule(self):
		"""A record the office opens by hand takes its rule from the campaign's rule set."""
		if not self.is_new() or self.rule_key:
			return
		rule_set = self.rule_set or (self.campaign and frappe.db.get_value("Sanshu Campaign", self.campaign, "deadline_rule_set"))
		if not rule_set:
			from sanshu_app.setup.default_rule_sets import CAMPAIGN_DEFAULTS_ALL_SCHEMES

			rule_set = CAMPAIGN_DEFAULTS_ALL_SCHEMES["deadline_rule_set"]
		rows = rules_for(rule_set, self.source_type)
		if rows:
			self.rule_set = rule_set
			self.rule_key = rule_key(rows[0])
			self.proposed_measures = "、".join(_(m) for m in rules.parse_measures(rows[0].measures)) or _("The office decides.")
			self.needs_verification = int(bool(rows[0].needs_verification))

	def guard_status(self):
		old = None if self.is_new() else self.get_doc_before_save()
		if not old:
			if (self.status or rules.DRAFT) != rules.DRAFT:
				frappe.throw(_("A new accountability record starts as a draft."), title=_("Not Saved"))
			self.status = rules.DRAFT
			return
		if old.status in rules.FINAL_STATES and not self.flags.transition:
			frappe.throw(_("Accountability record {0} is {1}: it cannot change any more.").format(self.name, _(old.status)), title=_("Not Saved"))
		if old.status != self.status and not self.flags.transition:
			frappe.throw(_("The status changes only through the record's buttons."), title=_("Not Saved"))
		before = [(m.measure, m.decided_by, str(m.decided_on or ""), m.note or "") for m in old.measures]
		after = [(m.measure, m.decided_by, str(m.decided_on or ""), m.note or "") for m in self.measures]
		if before != after and old.status not in EDITABLE_MEASURES_IN:
			frappe.throw(_("The measures were decided: they cannot change any more."), title=_("Not Saved"))
		if old.needs_verification and self.status in (rules.DRAFT, rules.VERIFYING) and after and before != after:
			frappe.throw(_("Verify first (核实): measures are recorded once the verification has found the facts."), title=_("Not Saved"))

	# the steps ----------------------------------------------------------------------------------
	def move(self, new, note="", finding=""):
		require_roles(OFFICE_ROLES)
		measures = [(m.measure, m.decided_by, m.decided_on) for m in self.measures]
		throw_violations(
			rules.transition_violations(self.status, new, needs_verification=bool(self.needs_verification), measures=measures, finding=finding),
			title=_("Not Saved"),
		)
		self.append("steps", {"from_state": self.status, "to_state": new, "by_user": frappe.session.user, "stepped_on": now_datetime(), "note": note})
		self.status = new
		self.flags.transition = True
		try:
			self.save()
		finally:
			self.flags.transition = False
		return self.status

	@frappe.whitelist()
	def start_verification(self):
		"""草稿 → 核实中."""
		return self.move(rules.VERIFYING)

	@frappe.whitelist()
	def record_verification(self, found: int | str | bool, finding: str):
		"""核实中 → 已核实 (the facts are found) or 不属实 (they are not: the record ends there)."""
		found = str(found).lower() in ("1", "true", "yes")
		self.verification_finding = finding
		self.verified_by = frappe.session.user
		self.verified_on = today()
		return self.move(rules.VERIFIED if found else rules.NOT_FOUND, note=finding, finding=finding)

	@frappe.whitelist()
	def decide(self):
		"""已核实 (or a draft whose rule asks no verification) → 已决定: the measures rows, each with who decided and when."""
		note = "、".join(f"{_(m.measure)}（{m.decided_by}，{getdate(m.decided_on)}）" for m in self.measures if m.decided_on)
		return self.move(rules.DECIDED, note=note)

	@frappe.whitelist()
	def conclude(self, conclusion: str = ""):
		"""已决定 → 已办结: into the cadre's integrity archive and the opinion's facts."""
		if conclusion:
			self.conclusion = conclusion
		self.concluded_on = today()
		return self.move(rules.CONCLUDED, note=conclusion or "")
