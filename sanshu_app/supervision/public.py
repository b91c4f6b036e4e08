"""What the public pages show of supervision: published survey rankings, typical cases named in
public (曝光), and the survey form answered with a one-time code. Guest reads go only through here;
the guest's answer comes through ``sanshu_app.api.public.answer_survey``."""

import frappe
from frappe import _

from sanshu_app.utils import net as utils_net
from sanshu_app.utils.net import refuse_post as refuse
from sanshu_app.supervision.settings import setting


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
	# 一案三查 (001 §10): concluded cases the office marked the same way, with their published text only
	for r in frappe.get_all(
		"Case Accountability",
		filters={"public_naming": 1, "public_summary": ("is", "set"), "status": "Concluded"},
		fields=["unit", "public_summary", "concluded_on", "case_date"],
		ignore_permissions=True,
	):
		cases.append(frappe._dict(unit=r.unit, summary=r.public_summary, kind="Case Accountability", date=r.concluded_on or r.case_date))
	return sorted(cases, key=lambda c: c.date, reverse=True)


# Wrong survey codes per peer address, like the ballot page: counted in Redis for ten minutes; the
# page and the answer both refuse once an address reaches the limit (Supervision Settings).
FAILURES = "survey-code"
FAILURE_WINDOW = 10 * 60
TOO_MANY = "Too many wrong codes from this network. Please wait ten minutes and try again."


def failed_codes_per_address():
	return setting("survey_failed_codes_per_address")


def refuse_if_throttled():
	utils_net.refuse_if_failing(FAILURES, failed_codes_per_address(), _(TOO_MANY))


def count_failure():
	utils_net.count_failure(FAILURES, FAILURE_WINDOW)


def open_survey_for_code(code):
	"""The open survey a code answers, or None (an unknown code counts as a failure of the address).
	Raises RateLimitExceededError once the address has guessed too often."""
	from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import find_code

	if not code or not isinstance(code, str):
		return None
	refuse_if_throttled()
	row = find_code(code)
	if not row:
		count_failure()
		return None
	if row.used:
		return None
	survey = frappe.get_doc("Satisfaction Survey", row.survey)
	return survey if survey.status == "Open" else None


def record_answers(code, answers: dict):
	"""The survey answered with a one-time code; reached through ``sanshu_app.api.public.answer_survey``
	(language, JSON, honeypot and the call throttle are its guard's)."""
	from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import find_code, record_response

	refuse_if_throttled()
	if not find_code(code):
		count_failure()
		refuse(_("This code is not valid."))
	record_response(code, answers)
	return {"message": _("Thank you. Your answers were recorded.")}
