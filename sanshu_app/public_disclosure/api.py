"""Posts from the public pages (Guest): questions on a published report (the guest door is
``sanshu_app.api.public.ask_question``).

A refused post stores nothing but one number, the count of refused posts."""

import html
import secrets

import frappe
from frappe import _
from frappe.utils import now_datetime

from sanshu_app.public_disclosure.publication import report_on_show_or_none
from sanshu_app.rules.public import captcha_answer, question_violations
from sanshu_app.utils import single_setting
from sanshu_app.utils.net import refuse_post as refuse
from sanshu_app.utils.net import refused_posts  # noqa: F401  (importable from here, as before)

SETTINGS = "Public Disclosure Settings"
HOUR = 60 * 60


def setting(fieldname):
	return single_setting(SETTINGS, fieldname)


def posts_per_hour():
	return setting("questions_per_hour")


def new_captcha() -> dict:
	"""A small sum for the form; its answer waits in the cache under a one-use token."""
	first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
	token = secrets.token_urlsafe(16)
	frappe.cache.set_value(f"sanshu_captcha:{token}", captcha_answer(first, second), expires_in_sec=setting("captcha_minutes") * 60)
	return {"token": token, "first": first, "second": second}


def captcha_passes(token, answer) -> bool:
	if not token or not isinstance(token, str):
		return False
	key = f"sanshu_captcha:{token}"
	expected = frappe.cache.get_value(key)
	frappe.cache.delete_value(key)  # one use, right or wrong
	try:
		return expected is not None and int(str(answer).strip()) == int(expected)
	except (TypeError, ValueError):
		return False


def receive_question(report=None, question=None, contact=None):
	"""A question under a published report. Reached only through the guest door
	``sanshu_app.api.public.ask_question``, whose guard has set the language, counted the call and
	checked the honeypot and the sum."""
	# Frappe escapes a Guest's form values; keep the plain text typed, every page escapes it when shown.
	question, contact = (html.unescape(v) if isinstance(v, str) else v for v in (question, contact))
	if not isinstance(question, str) or not isinstance(contact or "", str):
		refuse(_("Your question was not accepted."))
	published = report_on_show_or_none(report)
	if not published:
		refuse(_("This report is not published."))
	if published.replies_only:
		refuse(_("The publication of this report has ended: questions are no longer taken."))
	problems = question_violations(question, setting("question_max_length"))
	if problems:
		refuse(problems[0].render(_))
	contact = (contact or "").strip()
	if len(contact) > 140:
		refuse(_("Contact details are limited to {0} characters.").format(140))
	doc = frappe.get_doc(
		{
			"doctype": "Public Question",
			"report": published.name,
			"question": question.strip(),
			"contact": contact,
			"asked_at": now_datetime(),
		}
	)
	doc.insert(ignore_permissions=True)
	return {"message": _("Thank you. Your question was received and will be screened by the office.")}
