# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""An inspection (片组巡查 / 随机抽查 / 暗访 / 专项检查): its units, drawn at random when planned so,
its team and its findings; a finding opens a Rectification with one action."""

import secrets

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, getdate, now_datetime, nowdate

from sanshu_app.rules.messages import RuleError, RuleViolation
from sanshu_app.rules.supervision import draw_units
from sanshu_app.setup.default_rule_sets import CAMPAIGN_DEFAULTS_ALL_SCHEMES
from sanshu_app.utils import deadline_from, office_language, raise_rule_error, require_roles, throw_violations

DRAW_FIELDS = ("draw_seed", "drawn_by", "drawn_at")


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
		draw_seed: DF.Data | None
		drawn_at: DF.Datetime | None
		drawn_by: DF.Link | None
		findings: DF.Table[SupervisionFinding]
		inspection_date: DF.Date
		inspection_kind: DF.Literal["Area Team Inspection", "Random Check", "Unannounced Visit", "Special Inspection"]
		inspection_title: DF.Data
		quarter: DF.Int
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
		if before and before.draw_seed:
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


@frappe.whitelist(methods=["POST"])
def draw(name: str, count: int | str | None = None, seed: str | None = None):
	"""Draw the units to inspect from the pool, reproducibly: the seed, the pool, who drew and
	when are recorded with the drawn units."""
	require_roles()
	doc = frappe.get_doc("Supervision Inspection", name)
	doc.check_permission("write")
	if doc.draw_seed:
		frappe.throw(_("The units of {0} were already drawn with seed {1}.").format(doc.name, doc.draw_seed), title=_("Already Drawn"))
	count = cint(count or doc.draw_count)
	seed = (seed or "").strip() or secrets.token_hex(8)
	try:
		drawn = draw_units(doc.pool(), count, seed)
	except RuleError as error:
		raise_rule_error(error, title=_("Cannot Draw"))
	listed = {row.unit for row in doc.units}
	for unit in drawn:
		if unit not in listed:
			doc.append("units", {"unit": unit, "drawn": 1})
		else:
			next(row for row in doc.units if row.unit == unit).drawn = 1
	doc.draw_count, doc.draw_seed, doc.drawn_by, doc.drawn_at = count, seed, frappe.session.user, now_datetime()
	doc.save(ignore_permissions=True)
	return drawn


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
