"""What the public pages show of supervision: published survey rankings, typical cases named in
public (曝光), and the survey form answered with a one-time code. Guest reads go only through here."""

import json

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit

from sanshu_app.public_disclosure.api import refuse
from sanshu_app.public_disclosure.publication import use_public_language
from sanshu_app.supervision.settings import setting

HOUR = 60 * 60


def answers_per_hour():
	return setting("survey_answers_per_hour")


def published_surveys():
	return frappe.get_all(
		"Satisfaction Survey",
		filters={"results_published": 1, "status": "Closed"},
		fields=["name", "survey_title", "year", "sector"],
		order_by="year desc, sector asc",
		ignore_permissions=True,
	)


def published_ranking(survey):
	if not survey or not isinstance(survey, str):
		return None
	doc = frappe.db.get_value("Satisfaction Survey", {"name": survey, "results_published": 1, "status": "Closed"}, ["name", "survey_title", "year", "sector"], as_dict=True)
	if not doc:
		return None
	doc.rows = frappe.get_all(
		"Satisfaction Survey Unit",
		filters={"parent": survey, "parenttype": "Satisfaction Survey", "responses": (">", 0)},
		fields=["unit", "score", "ranking"],
		order_by="ranking asc, unit asc",
		ignore_permissions=True,
	)
	return doc


def typical_cases():
	"""Findings the office marked for public naming, with only the text written for publication."""
	rows = frappe.get_all(
		"Supervision Finding",
		filters={"parenttype": "Supervision Inspection", "public_naming": 1, "public_summary": ("is", "set")},
		fields=["parent", "unit", "public_summary"],
		ignore_permissions=True,
	)
	inspections = {
		i.name: i
		for i in frappe.get_all(
			"Supervision Inspection",
			filters={"name": ("in", [r.parent for r in rows] or [""])},
			fields=["name", "inspection_kind", "inspection_date"],
			ignore_permissions=True,
		)
	}
	cases = [frappe._dict(unit=r.unit, summary=r.public_summary, kind=inspections[r.parent].inspection_kind, date=inspections[r.parent].inspection_date) for r in rows if r.parent in inspections]
	return sorted(cases, key=lambda c: c.date, reverse=True)


def open_survey_for_code(code):
	from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import code_hash

	if not code or not isinstance(code, str):
		return None
	row = frappe.db.get_value("Satisfaction Survey Code", {"code_hash": code_hash(code), "used": 0}, "survey")
	if not row:
		return None
	survey = frappe.get_doc("Satisfaction Survey", row)
	return survey if survey.status == "Open" else None


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=answers_per_hour, seconds=HOUR, methods=["POST"])
def answer_survey(code=None, answers=None, website=None):
	from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import record_response

	use_public_language()
	if website or not isinstance(code, str):
		refuse(_("Your answers were not accepted."))
	if isinstance(answers, str):
		try:
			answers = json.loads(answers)
		except ValueError:
			answers = None
	if not isinstance(answers, dict):
		refuse(_("Choose an answer for every unit."))
	record_response(code, answers)
	return {"message": _("Thank you. Your answers were recorded.")}
