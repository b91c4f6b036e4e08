# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""预警指数 (the seed's 天成指数): per unit per quarter, petitions and reports, efficiency
complaints and corruption-related online opinion, folded into one weighted index and ranked.
Units persistently at the top get talks for their principal and discipline officer."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt, getdate, today

from sanshu_app.rules.messages import RuleError, RuleViolation
from sanshu_app.rules.supervision import INDEX_COUNTS, quarter_violations, persistent, rank, read_unit_sheet, top, weight_violations, weighted_index
from sanshu_app.rules.supervision_intake import FIGURES, IntakeRecord, adjustment_violations, index_figures, period_label
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
		self.count_records()
		problems += adjustment_violations([row.as_dict() for row in self.rows])
		throw_violations(problems, title=_("Invalid Warning Index"))
		for row in self.rows:
			row.index_value = weighted_index({k: cint(row.get(k)) for k in INDEX_COUNTS}, weights)
		places = rank({row.unit: flt(row.index_value) for row in self.rows})
		for row in self.rows:
			row.ranking = places[row.unit]
		self.rows.sort(key=lambda r: (r.ranking, r.unit))
		for idx, row in enumerate(self.rows, start=1):
			row.idx = idx

	def count_records(self):
		"""Each row's figures as the quarter's supervision intake counts them, with the records'
		names, so every figure is traced to its records; a typed figure that differs is an adjustment."""
		counted = intake_figures(cint(self.year), cint(self.quarter))
		for row in self.rows:
			by_figure = counted.get(row.unit, {})
			for figure in FIGURES:
				row.set(f"counted_{figure}", len(by_figure.get(figure, [])))
			row.repeat_petitions = len(by_figure.get("repeat", []))
			row.over_level_petitions = len(by_figure.get("over_level", []))
			row.intake_records = describe_records(by_figure)

	def weights(self) -> dict:
		return {key: flt(self.get(fieldname)) for key, fieldname in WEIGHT_FIELDS.items()}

	@property
	def ordinal(self) -> int:
		return cint(self.year) * 4 + cint(self.quarter) - 1


def intake_records(year: int, quarter: int) -> list:
	return frappe.get_all(
		"Supervision Intake",
		filters={"index_period": period_label(year, quarter)},
		fields=["name", "intake_kind", "unit", "received_on", "counted_in_index", "is_repeat", "is_over_level"],
		order_by="received_on asc, name asc",
	)


def intake_figures(year: int, quarter: int) -> dict:
	"""unit -> figure (and "repeat", "over_level") -> names of the quarter's intake records."""
	found = intake_records(year, quarter)
	records = [IntakeRecord(r.name, r.intake_kind, r.unit, getdate(r.received_on), counted=bool(r.counted_in_index)) for r in found]
	figures = index_figures(records, year, quarter)
	for r in found:
		if r.counted_in_index and r.unit in figures:
			if r.is_repeat:
				figures[r.unit].setdefault("repeat", []).append(r.name)
			if r.is_over_level:
				figures[r.unit].setdefault("over_level", []).append(r.name)
	return figures


def describe_records(by_figure: dict) -> str:
	with office_language():
		labels = {"petitions": _("Petitions and Reports"), "efficiency_complaints": _("Efficiency Complaints"), "online_opinion": _("Online Opinion")}
		return "\n".join(f"{labels[f]}: {', '.join(by_figure[f])}" for f in FIGURES if by_figure.get(f))


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


def apply_counts(doc, rows, reason: str | None = None):
	"""Typed or imported figures: where they differ from the records counted, the reason given (an
	import's own by default) explains the adjustment."""
	existing = {row.unit: row for row in doc.rows}
	with office_language():
		reason = reason or _("Counts imported from a workbook by {0} on {1}.").format(frappe.session.user, today())
	for values in rows:
		row = existing.get(values["unit"]) or doc.append("rows", {"unit": values["unit"]})
		for key in INDEX_COUNTS:
			row.set(key, values[key])
		if not row.adjustment_reason:
			row.adjustment_reason = reason
	doc.save(ignore_permissions=True)
	return len(rows)


@frappe.whitelist(methods=["POST"])
def count_from_intake(name: str):
	"""The quarter's figures from the supervision intake: a row per unit with records; a row whose
	figures were adjusted (with a reason) keeps them."""
	doc = _index(name)
	figures = intake_figures(cint(doc.year), cint(doc.quarter))
	existing = {row.unit: row for row in doc.rows}
	for unit in sorted(figures):
		row = existing.get(unit) or doc.append("rows", {"unit": unit})
		if row.adjustment_reason:
			continue
		for figure in FIGURES:
			row.set(figure, len(figures[unit].get(figure, [])))
	for row in doc.rows:
		if row.unit not in figures and not row.adjustment_reason:
			for figure in FIGURES:
				row.set(figure, 0)
	doc.save(ignore_permissions=True)
	return len(figures)


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
