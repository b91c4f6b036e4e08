# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""预警指数 (the seed's 天成指数): per unit per quarter, petitions and reports, efficiency
complaints and corruption-related online opinion, folded into one weighted index and ranked.
Units persistently at the top get talks for their principal and discipline officer."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt

from sanshu_app.rules.messages import RuleError, RuleViolation
from sanshu_app.rules.supervision import INDEX_COUNTS, quarter_violations, persistent, rank, read_unit_sheet, top, weight_violations, weighted_index
from sanshu_app.supervision.settings import WEIGHT_FIELDS, setting
from sanshu_app.supervision.talks import missing_person_message, propose_talk
from sanshu_app.utils.xlsx import sheet_rows
from sanshu_app.utils import office_language, raise_rule_error, require_roles, throw_violations

COUNT_COLUMNS = {
	"unit": ("单位", "单位名称", "Unit"),
	"petitions": ("信访举报", "信访举报件数", "Petitions and Reports"),
	"efficiency_complaints": ("效能投诉", "行政效能投诉", "Efficiency Complaints"),
	"online_opinion": ("涉腐网络舆情", "网络舆情", "Online Opinion"),
}


class WarningIndex(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.supervision.doctype.warning_index_row.warning_index_row import WarningIndexRow

		quarter: DF.Int
		rows: DF.Table[WarningIndexRow]
		weight_efficiency_complaints: DF.Float
		weight_online_opinion: DF.Float
		weight_petitions: DF.Float
		year: DF.Int
	# end: auto-generated types

	def validate(self):
		if self.is_new() or not self.weight_petitions and not self.weight_efficiency_complaints and not self.weight_online_opinion:
			for fieldname in WEIGHT_FIELDS.values():
				self.set(fieldname, setting(fieldname))
		weights = self.weights()
		problems = weight_violations(weights) + quarter_violations(self.quarter)
		units = [row.unit for row in self.rows]
		if len(set(units)) != len(units):
			problems.append(RuleViolation("Each unit is listed once."))
		throw_violations(problems, title=_("Invalid Warning Index"))
		for row in self.rows:
			row.index_value = weighted_index({k: cint(row.get(k)) for k in INDEX_COUNTS}, weights)
		places = rank({row.unit: flt(row.index_value) for row in self.rows})
		for row in self.rows:
			row.ranking = places[row.unit]
		self.rows.sort(key=lambda r: (r.ranking, r.unit))
		for idx, row in enumerate(self.rows, start=1):
			row.idx = idx

	def weights(self) -> dict:
		return {key: flt(self.get(fieldname)) for key, fieldname in WEIGHT_FIELDS.items()}

	@property
	def ordinal(self) -> int:
		return cint(self.year) * 4 + cint(self.quarter) - 1


def _index(name):
	require_roles()
	doc = frappe.get_doc("Warning Index", name)
	doc.check_permission("write")
	return doc


@frappe.whitelist(methods=["POST"])
def import_counts(name: str, file_url: str, commit: int | str | bool = 0):
	"""Counts by unit from an xlsx; a unit not on the site refuses the whole sheet (row named)."""
	doc = _index(name)
	content = frappe.get_doc("File", {"file_url": file_url}).get_content()
	sheet = read_unit_sheet(sheet_rows(content), COUNT_COLUMNS, frappe.get_all("Sanshu Unit", pluck="name"))
	throw_violations(sheet.problems, title=_("Counts Not Imported"))
	if not cint(commit):
		return sheet.rows
	return apply_counts(doc, sheet.rows)


def apply_counts(doc, rows):
	existing = {row.unit: row for row in doc.rows}
	for values in rows:
		row = existing.get(values["unit"]) or doc.append("rows", {"unit": values["unit"]})
		for key in INDEX_COUNTS:
			row.set(key, values[key])
	doc.save(ignore_permissions=True)
	return len(rows)


@frappe.whitelist(methods=["POST"])
def propose_talks(name: str):
	"""A unit in the top places for the set number of consecutive quarters gets talks proposed for
	its principal and its discipline officer, with its index as the reason."""
	doc = _index(name)
	n, m = cint(setting("index_top_places")), cint(setting("index_consecutive_periods"))
	periods = []
	for other_name in frappe.get_all("Warning Index", pluck="name"):
		other = frappe.get_doc("Warning Index", other_name)
		if other.ordinal <= doc.ordinal:
			periods.append((other.ordinal, top({r.unit: flt(r.index_value) for r in other.rows}, n)))
	try:
		flagged = persistent(periods, m)
	except RuleError as error:
		raise_rule_error(error)
	messages, talks = [], []
	for row in doc.rows:
		if row.unit not in flagged:
			continue
		people = frappe.db.get_value("Sanshu Unit", row.unit, ["principal", "discipline_officer"], as_dict=True)
		with office_language():
			reason = _("Warning index {0}: {1} ranked in the top {2} for {3} consecutive quarters (this quarter rank {4}, index {5}).").format(
				doc.name, row.unit, n, m, row.ranking, flt(row.index_value, 2)
			)
		for who, cadre in (("Principal", people.principal), ("Discipline Officer", people.discipline_officer)):
			if not cadre:
				messages.append(missing_person_message(row.unit, who))
				continue
			talks.append(propose_talk(cadre, setting("index_talk_type"), reason, doc.doctype, doc.name))
		row.talks_proposed = 1
	doc.save(ignore_permissions=True)
	return {"flagged": sorted(flagged & {r.unit for r in doc.rows}), "talks": talks, "messages": messages}
