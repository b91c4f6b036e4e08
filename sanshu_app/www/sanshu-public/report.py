"""/sanshu-public/report?name=…: one published report, its published questions and replies, and
the form to ask a question (网上询问)."""

import frappe

from sanshu_app.public_disclosure.api import new_captcha, setting
from sanshu_app.public_disclosure.publication import published_questions, report_on_show_or_none, use_public_language

no_cache = 1


def get_context(context):
	use_public_language()
	context.no_cache = 1
	report = report_on_show_or_none(frappe.form_dict.get("name"))
	if not report:
		raise frappe.PageDoesNotExistError(frappe._("This report is not published."))
	context.report = report
	context.questions = published_questions(report.name)
	context.captcha = new_captcha()
	context.max_length = setting("question_max_length")
	context.title = report.cadre_name
	return context
