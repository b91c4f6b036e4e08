"""/sanshu-public/report?name=…: one published report, its published questions and replies, and
the form to ask a question (网上询问)."""

import frappe

from sanshu_app.public_disclosure.api import new_captcha, setting
from sanshu_app.public_disclosure.page_cache import cached
from sanshu_app.public_disclosure.publication import published_questions, report_on_show_or_none, use_public_language

no_cache = 1


def get_context(context):
	use_public_language()
	context.no_cache = 1
	name = frappe.form_dict.get("name")
	shown = cached("report", name, lambda: _on_show(name))
	if not shown:
		raise frappe.PageDoesNotExistError(frappe._("This report is not published."))
	report = context.report = shown["report"]
	context.questions = shown["questions"]
	context.captcha = new_captcha()
	context.max_length = setting("question_max_length")
	context.title = report.cadre_name
	return context


def _on_show(name):
	report = report_on_show_or_none(name)
	return {"report": report, "questions": published_questions(report.name)} if report else None
