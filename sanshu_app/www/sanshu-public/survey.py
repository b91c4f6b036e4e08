"""/sanshu-public/survey?code=…: the satisfaction survey, answered once per one-time code."""

import frappe

from sanshu_app.public_disclosure.publication import use_public_language
from sanshu_app.supervision.public import open_survey_for_code

no_cache = 1


def get_context(context):
	use_public_language()
	context.no_cache = 1
	code = frappe.form_dict.get("code")
	context.code = code if isinstance(code, str) else ""
	context.refusal = None
	try:
		context.survey = open_survey_for_code(context.code)  # wrong codes count against the address
	except frappe.RateLimitExceededError as error:
		frappe.clear_messages()
		context.survey, context.refusal = None, str(error)
	context.title = context.survey.survey_title if context.survey else frappe._("Satisfaction Survey")
	return context
