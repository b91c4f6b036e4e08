# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""党风政风行风群众满意度测评: a survey per year and sector over the units it covers, on a scale.

Responses come through the public link, one per one-time code (the code is kept only as a salted hash
and a response is added to the unit totals, never stored with the code), or from an xlsx of
results by unit. The ranking and the bottom-places rule (seed 001 (二)22) run on the scores."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt

from sanshu_app.rules.messages import RuleViolation
from sanshu_app.rules.meeting import format_code, new_code
from sanshu_app.rules.supervision import TIES_OFFICE_DECIDES, bottom_with_ties, persistent, rank, read_unit_sheet, survey_code_hash
from sanshu_app.supervision.settings import default_scale, setting
from sanshu_app.supervision.talks import missing_person_message
from sanshu_app.utils.accountability import propose
from sanshu_app.utils.xlsx import sheet_rows
from sanshu_app.utils import office_language, require_roles, throw_violations

CLOSED, OPEN = "Closed", "Open"
RESULT_COLUMNS = {
	"unit": ("单位", "单位名称", "被测评单位", "Unit"),
	"responses": ("有效票数", "测评人数", "参评人数", "Responses"),
	"score": ("满意度", "得分", "满意度得分", "Score"),
}


class SatisfactionSurvey(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.supervision.doctype.satisfaction_scale_option.satisfaction_scale_option import SatisfactionScaleOption
		from sanshu_app.supervision.doctype.satisfaction_survey_unit.satisfaction_survey_unit import SatisfactionSurveyUnit

		codes_issued: DF.Int
		results_published: DF.Check
		scale: DF.Table[SatisfactionScaleOption]
		sector: DF.Literal["Townships and Streets", "County Departments", "Public Service Industries"]
		status: DF.Literal["Draft", "Open", "Closed"]
		survey_title: DF.Data
		units: DF.Table[SatisfactionSurveyUnit]
		year: DF.Int
	# end: auto-generated types

	def validate(self):
		if not self.scale:
			for option, score in default_scale():
				self.append("scale", {"option": option, "score": score})
		problems = []
		options = [row.option.strip() for row in self.scale]
		if len(set(options)) != len(options):
			problems.append(RuleViolation("Each option of the scale is listed once."))
		units = [row.unit for row in self.units]
		if len(set(units)) != len(units):
			problems.append(RuleViolation("Each unit is covered once."))
		before = self.get_doc_before_save()
		if before and (before.codes_issued or any(r.responses for r in before.units)):
			if [(r.option, r.score) for r in before.scale] != [(r.option, r.score) for r in self.scale]:
				problems.append(RuleViolation("The scale cannot change once responses may have arrived."))
		throw_violations(problems, title=_("Invalid Survey"))
		self.set_ranking()

	def set_ranking(self):
		scores = {row.unit: flt(row.score) for row in self.units if row.responses}
		places = rank(scores)
		for row in self.units:
			row.ranking = places.get(row.unit)

	def scores(self) -> dict:
		return {row.unit: flt(row.score) for row in self.units if row.responses}


def code_salt() -> str:
	"""The site's secret salt for survey codes (as for ballot codes: the site's encryption key)."""
	from frappe.utils.password import get_encryption_key

	return get_encryption_key()


def code_hash(code: str) -> str:
	"""What is kept of a code: salted, never the code or its plain hash (``rules.supervision``)."""
	return survey_code_hash(code, code_salt())


def find_code(code):
	"""The stored code row (name, survey, used) for a code as typed, or None."""
	if not code or not isinstance(code, str) or len(code) > 64:
		return None
	return frappe.db.get_value("Satisfaction Survey Code", {"code_hash": code_hash(code)}, ["name", "survey", "used"], as_dict=True)


def _survey(name, perm="write"):
	require_roles()
	doc = frappe.get_doc("Satisfaction Survey", name)
	doc.check_permission(perm)
	return doc


@frappe.whitelist(methods=["POST"])
def issue_codes(name: str, count: int | str):
	"""New one-time codes; they are shown once, only their hashes are kept."""
	doc = _survey(name)
	count = cint(count)
	if not 1 <= count <= 10000:
		frappe.throw(_("Issue between 1 and {0} codes at a time.").format(10000))
	codes = []
	for _i in range(count):
		code = format_code(new_code())  # 65 random bits
		frappe.get_doc({"doctype": "Satisfaction Survey Code", "survey": doc.name, "code_hash": code_hash(code)}).insert(ignore_permissions=True)
		codes.append(code)
	doc.db_set("codes_issued", cint(doc.codes_issued) + count)
	return codes


SLIPS_PER_SHEET = 12  # three across, four down on A4, as the meeting's ballot slips
SURVEY_ROUTE = "sanshu-public/survey"


@frappe.whitelist(methods=["POST"])
def issue_code_slips(name: str, count: int | str):
	"""New one-time codes, returned once as printable A4 slips (a QR code and the typed code each,
	twelve to a sheet): the codes exist in plain text only here, so the slips are made in the same
	action that makes the codes."""
	codes = issue_codes(name, count)
	return {"count": len(codes), "html": code_slips_html(frappe.get_doc("Satisfaction Survey", name), codes)}


def code_slips_html(survey, codes) -> str:
	import segno

	base = frappe.utils.get_url(f"/{SURVEY_ROUTE}")
	slips = [{"code": code, "qr": segno.make(f"{base}?code={code}", error="m").svg_inline(scale=3, border=2)} for code in codes]
	sheets = [slips[i : i + SLIPS_PER_SHEET] for i in range(0, len(slips), SLIPS_PER_SHEET)]
	return frappe.render_template(
		"sanshu_app/supervision/templates/survey_slips.html",
		{"survey": survey, "sheets": sheets, "sector": _(survey.sector), "base": base},
	)


def record_response(code, answers: dict):
	"""One response for the code's survey: ``answers`` unit -> scale option, every unit answered.
	The code is spent in the same transaction; a spent or unknown code changes nothing."""
	row = find_code(code)
	if not row:
		frappe.throw(_("This code is not valid."), title=_("Not Accepted"))
	if row.used:
		frappe.throw(_("This code has already been used; each code answers once."), title=_("Not Accepted"))
	survey = frappe.get_doc("Satisfaction Survey", row.survey)
	if survey.status != OPEN:
		frappe.throw(_("This survey is not open."), title=_("Not Accepted"))
	scores = {r.option: flt(r.score) for r in survey.scale}
	answers = answers or {}
	missing = [r.unit for r in survey.units if answers.get(r.unit) not in scores]
	if missing:
		frappe.throw(_("Choose an answer for every unit: {0}.").format("、".join(missing)), title=_("Not Accepted"))
	# Spend the code first and only if nobody spent it in the meantime.
	frappe.db.sql("update `tabSatisfaction Survey Code` set used = 1 where name = %s and used = 0", row.name)
	if not frappe.db.sql("select row_count()")[0][0]:
		frappe.throw(_("This code has already been used; each code answers once."), title=_("Not Accepted"))
	count_answers(survey, {unit_row.name: scores[answers[unit_row.unit]] for unit_row in survey.units})


def count_answers(survey, score_by_row: dict):
	"""Add one answer per unit row and place the units again, in two statements on the survey's unit
	rows. Every answer of a county-wide survey (001 §23, answered online in bursts) writes these same
	rows, so they are locked for as short a time as possible: one statement adds the answer (the
	assignments run left to right, so the score divides the new sum by the new count), one sets the
	places from the scores as this transaction sees them, other answers waiting on the row locks."""
	if not score_by_row:
		return
	names = list(score_by_row)
	frappe.db.sql(
		f"""update `tabSatisfaction Survey Unit`
		set responses = responses + 1,
			score_sum = score_sum + case name {" ".join(["when %s then %s"] * len(names))} end,
			score = round(score_sum / responses, 2)
		where name in ({", ".join(["%s"] * len(names))})""",
		[value for name in names for value in (name, score_by_row[name])] + names,
	)
	rows = frappe.db.sql(
		"select name, unit, responses, score from `tabSatisfaction Survey Unit` where parent = %s and parenttype = 'Satisfaction Survey'",
		survey.name,
		as_dict=True,
	)
	places = rank({r.unit: flt(r.score) for r in rows if r.responses})
	frappe.db.sql(
		f"""update `tabSatisfaction Survey Unit` set ranking = case name {" ".join(["when %s then %s"] * len(rows))} end
		where name in ({", ".join(["%s"] * len(rows))})""",
		[value for r in rows for value in (r.name, places.get(r.unit))] + [r.name for r in rows],
	)


def preview_results(name, content: bytes):
	"""The rows an xlsx of results by unit would set, or the list of problems."""
	doc = _survey(name)
	sheet = read_unit_sheet(sheet_rows(content), RESULT_COLUMNS, [r.unit for r in doc.units])
	return doc, sheet


@frappe.whitelist(methods=["POST"])
def import_results(name: str, file_url: str, commit: int | str | bool = 0):
	"""Results by unit from an xlsx: previewed first, then saved all together or not at all."""
	content = frappe.get_doc("File", {"file_url": file_url}).get_content()
	doc, sheet = preview_results(name, content)
	throw_violations(sheet.problems, title=_("Results Not Imported"))
	if not cint(commit):
		return [{"unit": r["unit"], "responses": r["responses"], "score": r["score"], "row": r["row"]} for r in sheet.rows]
	return apply_results(doc, sheet.rows)


def apply_results(doc, rows):
	by_unit = {r["unit"]: r for r in rows}
	for row in doc.units:
		if row.unit in by_unit:
			row.responses = by_unit[row.unit]["responses"]
			row.score = by_unit[row.unit]["score"]
			row.score_sum = flt(row.score) * cint(row.responses)
	doc.save(ignore_permissions=True)
	return len(by_unit)


@frappe.whitelist(methods=["POST"])
def check_accountability(name: str):
	"""Seed 001 (二)22: a unit in the bottom places of its sector for the set number of consecutive
	years gets a draft accountability record (问责) for the office, as the rule set with a Survey
	Ranking consequence says; units tied across the last place follow its Ties setting."""
	doc = _survey(name)
	if doc.status != CLOSED:
		frappe.throw(_("Close the survey before applying the accountability rule."), title=_("Survey Open"))
	n, m = cint(setting("survey_bottom_places")), cint(setting("survey_consecutive_periods"))
	rule_set = survey_rule_set()
	ties = (rule_set and frappe.db.get_value("Sanshu Rule Set", rule_set, "ranking_ties")) or TIES_OFFICE_DECIDES
	periods, tied = [], set()
	for survey in frappe.get_all("Satisfaction Survey", filters=[["sector", "=", doc.sector], ["status", "=", CLOSED], ["year", ">=", cint(doc.year) - m + 1], ["year", "<=", cint(doc.year)]], pluck="name"):
		other = frappe.get_doc("Satisfaction Survey", survey)
		clear, undecided = bottom_with_ties(other.scores(), n, ties)
		periods.append((cint(other.year), clear))
		if other.name == doc.name:
			tied = undecided
	years = [p[0] for p in periods]
	if len(set(years)) != len(years):
		frappe.throw(_("More than one closed survey of {0} in the same year; the rule cannot tell which counts.").format(_(doc.sector)))
	flagged = persistent(periods, m)
	messages = []
	for row in doc.units:
		if row.unit not in flagged:
			continue
		principal = frappe.db.get_value("Sanshu Unit", row.unit, "principal")
		if not principal:
			messages.append(missing_person_message(row.unit, "Principal"))
		with office_language():
			figures = _("Satisfaction survey {0}: {1} ranked in the bottom {2} of {3} for {4} consecutive years (this year rank {5}, score {6}).").format(
				doc.name, row.unit, n, _(doc.sector), m, row.ranking, flt(row.score, 2)
			)
			propose("Survey Ranking", doc.doctype, doc.name, rule_set, cadre=principal, unit=row.unit, figures=figures)
	if tied:
		messages.append(
			_("Tied across place {0}: {1}. The rule set leaves ties to the office: open an accountability record by hand where one is due.").format(n, "、".join(sorted(tied)))
		)
	if not rule_set:
		messages.append(_("No rule set has a Survey Ranking consequence: no accountability record was created."))
	return {"flagged": sorted(flagged & {r.unit for r in doc.units}), "tied": sorted(tied), "messages": messages}


def survey_rule_set():
	"""The enabled rule set whose consequence rows hold the survey-ranking rule (001 （二）22)."""
	found = frappe.get_all(
		"Sanshu Rule Consequence", filters={"parenttype": "Sanshu Rule Set", "trigger": "Survey Ranking"}, pluck="parent", order_by="parent"
	)
	enabled = [name for name in found if not frappe.db.get_value("Sanshu Rule Set", name, "disabled")]
	return enabled[0] if enabled else None
