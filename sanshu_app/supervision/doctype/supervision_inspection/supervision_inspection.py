# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""An inspection (片组巡查 / 随机抽查 / 暗访 / 专项检查): its units, drawn at random when planned so,
its team and its findings; a finding opens a Rectification with one action."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, getdate, nowdate

from sanshu_app.rules.messages import RuleViolation
from sanshu_app.setup.default_rule_sets import CAMPAIGN_DEFAULTS_ALL_SCHEMES
from sanshu_app.utils import deadline_from, draws, office_language, require_roles, throw_violations

DRAW_FIELDS = ("sanshu_draw", "drawn_by", "drawn_at", "routine_check_campaign")


class SupervisionInspection(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.supervision.doctype.supervision_finding.supervision_finding import SupervisionFinding
		from sanshu_app.supervision.doctype.supervision_inspection_unit.supervision_inspection_unit import SupervisionInspectionUnit
		from sanshu_app.supervision.doctype.supervision_pool_unit.supervision_pool_unit import SupervisionPoolUnit
		from sanshu_app.supervision.doctype.supervision_team_member.supervision_team_member import SupervisionTeamMember

		draw_count: DF.Int
		draw_pool: DF.TableMultiSelect[SupervisionPoolUnit]
		drawn_at: DF.Datetime | None
		drawn_by: DF.Link | None
		findings: DF.Table[SupervisionFinding]
		inspection_date: DF.Date
		inspection_kind: DF.Literal["Area Team Inspection", "Random Check", "Unannounced Visit", "Special Inspection"]
		inspection_title: DF.Data
		quarter: DF.Int
		routine_check_campaign: DF.Link | None
		sanshu_draw: DF.Link | None
		status: DF.Literal["Planned", "Completed"]
		summary: DF.TextEditor | None
		team: DF.Table[SupervisionTeamMember]
		units: DF.Table[SupervisionInspectionUnit]
		year: DF.Int
	# end: auto-generated types

	def validate(self):
		date = getdate(self.inspection_date)
		self.year, self.quarter = date.year, (date.month - 1) // 3 + 1
		problems = []
		before = self.get_doc_before_save()
		if before and before.sanshu_draw and not self.flags.redraw:
			# A recorded draw stays as drawn: its seed, pool and drawn units cannot be changed afterwards.
			if any(str(self.get(f) or "") != str(before.get(f) or "") for f in DRAW_FIELDS) or self.pool() != before.pool() or self.drawn_units() != before.drawn_units():
				problems.append(RuleViolation("The random draw of {0} is recorded and cannot be changed.", (self.name,)))
		units = [row.unit for row in self.units]
		for row in self.units:
			if units.count(row.unit) > 1:
				problems.append(RuleViolation("Unit {0} is listed twice.", (row.unit,)))
				break
		for row in self.findings:
			if row.unit not in units:
				problems.append(RuleViolation("Finding row {0}: unit {1} is not among the units inspected.", (row.idx, row.unit)))
			if row.public_naming and not (row.public_summary or "").strip():
				problems.append(RuleViolation("Finding row {0}: write the text to publish before naming the case in public.", (row.idx,)))
		throw_violations(problems, title=_("Invalid Inspection"))

	def pool(self):
		return sorted(row.unit for row in self.draw_pool)

	def drawn_units(self):
		return sorted(row.unit for row in self.units if row.drawn)

	def apply_draw(self, draw, previous=None):
		"""The drawn units are inspected; those of a draw replaced leave unless a finding names them."""
		if previous:
			gone = {row.candidate for row in previous.pool if row.drawn}
			found = {row.unit for row in self.findings}
			self.units = [row for row in self.units if not (row.drawn and row.unit in gone and row.unit not in found)]
		listed = {row.unit: row for row in self.units}
		for unit in (line for line in draw.result.splitlines() if line):
			if unit in listed:
				listed[unit].drawn = 1
			else:
				self.append("units", {"unit": unit, "drawn": 1})
		self.sanshu_draw, self.drawn_by, self.drawn_at = draw.name, draw.drawn_by, draw.drawn_on
		self.flags.redraw = True
		self.save(ignore_permissions=True)


@frappe.whitelist(methods=["POST"])
def draw(name: str, count: int | str | None = None, reason: str | None = None):
	"""Commit to a draw of the units to inspect from the pool (``sanshu_app.utils.draws``): the
	seed is the app's, its SHA-256 is returned before the draw is made (``Sanshu Draw.make_draw``).
	A second draw needs a reason and keeps the first."""
	require_roles()
	doc = frappe.get_doc("Supervision Inspection", name)
	doc.check_permission("write")
	count = cint(count or doc.draw_count)
	if doc.routine_check_campaign:
		return routine_draw(doc, reason)
	names = dict(frappe.get_all("Sanshu Unit", filters={"name": ("in", doc.pool() or [""])}, fields=["name", "unit_name"], as_list=True))
	pool = [{"candidate": unit, "candidate_name": names.get(unit), "category": frappe.db.get_value("Sanshu Unit", unit, "unit_type")} for unit in doc.pool()]
	committed = draws.commit("Inspection Units", doc.doctype, doc.name, pool, count, reason=reason)
	if doc.draw_count != count:
		frappe.db.set_value(doc.doctype, doc.name, "draw_count", count)
	return {"draw": committed.name, "commitment": committed.commitment, "count": committed.draw_count, "pool": len(committed.pool)}


def routine_draw(doc, reason=None):
	"""The routine check (002 四(二)): the campaign's units drawn per unit type, as many of each as
	the campaign's assessment rule set says (2 县直, 2 乡镇)."""
	campaign = frappe.get_doc("Sanshu Campaign", doc.routine_check_campaign)
	rule_set = campaign.get("assessment_rule_set") or CAMPAIGN_DEFAULTS_ALL_SCHEMES["assessment_rule_set"]
	wanted = frappe.db.get_value("Sanshu Rule Set", rule_set, ["routine_draw_county_departments", "routine_draw_townships"], as_dict=True) or {}
	counts = {"County Department": cint(wanted.get("routine_draw_county_departments")), "Township": cint(wanted.get("routine_draw_townships"))}
	counts = {category: n for category, n in counts.items() if n}
	units = frappe.get_all("Sanshu Unit", filters={"name": ("in", [row.unit for row in campaign.units] or [""])}, fields=["name", "unit_name", "unit_type"])
	pool = [{"candidate": u.name, "candidate_name": u.unit_name, "category": u.unit_type} for u in units if u.unit_type in counts]
	committed = draws.commit("Routine Check", doc.doctype, doc.name, pool, category_counts=counts, reason=reason)
	return {"draw": committed.name, "commitment": committed.commitment, "count": committed.draw_count, "pool": len(committed.pool)}


@frappe.whitelist(methods=["POST"])
def open_rectification(name: str, finding: str):
	"""A Rectification (source: inspection) for one finding, addressed to the unit, with one action
	owned by the unit's principal and due when the rule set says a rectification report is due."""
	require_roles()
	doc = frappe.get_doc("Supervision Inspection", name)
	doc.check_permission("write")
	row = next((r for r in doc.findings if r.name == finding), None)
	if not row:
		frappe.throw(_("Finding {0} is not part of inspection {1}.").format(finding, doc.name))
	if row.rectification:
		return row.rectification
	principal = frappe.db.get_value("Sanshu Unit", row.unit, "principal")
	rule_set = CAMPAIGN_DEFAULTS_ALL_SCHEMES["deadline_rule_set"]
	with office_language():
		rectification = frappe.get_doc(
			{
				"doctype": "Rectification",
				"source_type": "Inspection",
				"source_doctype": "Supervision Inspection",
				"source_name": doc.name,
				"unit": row.unit,
				"rule_set": rule_set,
				"problems": _("{0} ({1}, {2}): {3}").format(_(doc.inspection_kind), doc.inspection_title, frappe.format(doc.inspection_date, "Date"), row.description),
				"measures": [
					{
						"measure": _("Rectify the finding: {0}").format(row.description),
						"owner_cadre": principal,
						"deadline": deadline_from(rule_set, "Rectification Report", nowdate()),
					}
				],
			}
		).insert(ignore_permissions=True)
	frappe.db.set_value("Supervision Finding", row.name, "rectification", rectification.name)
	return rectification.name
