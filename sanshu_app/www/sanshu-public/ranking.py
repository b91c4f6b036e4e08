"""/sanshu-public/ranking?survey=…: a closed survey's published ranking."""

import frappe

from sanshu_app.public_disclosure.publication import use_public_language
from sanshu_app.supervision.public import published_ranking

no_cache = 1


def get_context(context):
	use_public_language()
	context.no_cache = 1
	context.survey = published_ranking(frappe.form_dict.get("survey"))
	if not context.survey:
		raise frappe.PageDoesNotExistError(frappe._("This ranking is not published."))
	context.title = context.survey.survey_title
	return context
