"""The guest surface: every method a visitor without a login may call, and nothing else.

Four doors, each used by one public page:
- ``submit_phone_ballot``: the meeting's phone ballot (``/sanshu-ballot``), spends a one-time code;
- ``ask_question``: a question under a published report (``/sanshu-public/report``, 网上询问);
- ``answer_survey``: the satisfaction survey (``/sanshu-public/survey``), spends a one-time code;
- ``submit_objection``: an objection to a declaration in publicity (``/sanshu-public/declarations``).

Each door goes through one guard (``guest_door``) before its capability runs: the page's language
(Chinese), a call throttle keyed on the request's peer address (``sanshu_app.utils.net``, never a
client-sent header), JSON arguments parsed or refused with a clear message, and, where the page has
them, the hidden honeypot field and the small sum (captcha). What each capability does stays in its
module (``meeting_day.ballot_codes``, ``public_disclosure.api``, ``supervision`` and
``integrity_archive``); the code-guessing throttles (failures per address) sit next to the codes.
"""

import functools
import inspect
import json
from typing import Any

import frappe
from frappe import _

from sanshu_app.utils import net as utils_net
from sanshu_app.utils import single_setting

PUBLIC_LANGUAGE = "zh"
HOUR = 60 * 60


def _setting(doctype, fieldname):
	return single_setting(doctype, fieldname)


def _plain_refusal(title):
	def refuse(message):
		frappe.throw(message, title=_(title))

	return refuse


def _counted_refusal(message):
	utils_net.refuse_post(message)


def guest_door(name, *, calls, seconds, refuse=None, json_args=None, honeypot=None, captcha=None):
	"""The shared guard of a guest method.

	``calls``/``seconds``: calls accepted per peer address and window (``calls`` may be a function
	reading a setting); ``refuse(message)`` refuses a post the page's way; ``json_args``: argument
	-> (expected type, message when it is not that); ``honeypot``: message when the hidden field
	``website`` is filled; ``captcha``: message when the sum (``captcha_token``, ``captcha``) is wrong."""
	refuse = refuse or _plain_refusal("Not Accepted")

	def decorate(fn):
		signature = inspect.signature(fn)

		@functools.wraps(fn)
		def guarded(*args, **kwargs):
			kwargs = dict(signature.bind(*args, **kwargs).arguments)
			frappe.local.lang = PUBLIC_LANGUAGE
			limit = calls() if callable(calls) else calls
			utils_net.count_call(name, limit, seconds)
			for arg, (kind, message) in (json_args or {}).items():
				value = kwargs.get(arg)
				if isinstance(value, str):
					try:
						value = json.loads(value)
					except ValueError:
						value = None
				if not isinstance(value, kind):
					refuse(_(message))
				kwargs[arg] = value
			if honeypot and kwargs.get("website"):  # the hidden field only a robot fills in
				refuse(_(honeypot))
			if captcha:
				from sanshu_app.public_disclosure.api import captcha_passes

				if not captcha_passes(kwargs.get("captcha_token"), kwargs.get("captcha")):
					refuse(_(captcha))
			return fn(**kwargs)

		return guarded

	return decorate


def _survey_answers_per_hour():
	return _setting("Supervision Settings", "survey_answers_per_hour")


def _questions_per_hour():
	from sanshu_app.public_disclosure.api import posts_per_hour

	return posts_per_hour()


# the doors -----------------------------------------------------------------------------------
# Their arguments are typed Any: a guest may send anything, and guest_door checks it (json_args,
# honeypot, captcha) and refuses in Chinese; the platform's type check would refuse before it.
# Every call to the phone method per address and minute (a whole room may share one address).
BALLOT_CALLS_PER_MINUTE = 300
OBJECTIONS_PER_HOUR = 5


@frappe.whitelist(allow_guest=True, methods=["POST"])
@guest_door(
	"phone-ballot",
	calls=BALLOT_CALLS_PER_MINUTE,
	seconds=60,
	refuse=_plain_refusal("Ballot Refused"),
	json_args={"choices": (dict, "The ballot could not be read. Please try again.")},
)
def submit_phone_ballot(code: Any = None, choices: Any = None, comments: Any = None, aspects: Any = None):
	"""The phone page's ballot: one choice per reporter (and per aspect, when the rule set rates
	述责 / 述廉 / 述德 separately), spending the code (``ballot_codes``), and optional comments per
	reporter, stored apart from the choices."""
	from sanshu_app.meeting_day.ballot_codes import cast_phone_ballot

	return cast_phone_ballot(code, choices, comments, aspects)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@guest_door(
	"public-question",
	calls=_questions_per_hour,
	seconds=HOUR,
	refuse=_counted_refusal,
	honeypot="Your question was not accepted.",
	captcha="The sum is wrong or the form has expired; reload the page and try again.",
)
def ask_question(report: Any = None, question: Any = None, contact: Any = None, captcha_token: Any = None, captcha: Any = None, website: Any = None):
	"""A question under a published report (网上询问), screened by the office before anything shows."""
	from sanshu_app.public_disclosure.api import receive_question

	return receive_question(report, question, contact)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@guest_door(
	"survey",
	calls=_survey_answers_per_hour,
	seconds=HOUR,
	refuse=_counted_refusal,
	json_args={"answers": (dict, "Choose an answer for every unit.")},
	honeypot="Your answers were not accepted.",
)
def answer_survey(code: Any = None, answers: Any = None, website: Any = None):
	"""The satisfaction survey answered with a one-time code (the code throttle: ``supervision.public``)."""
	from sanshu_app.supervision.public import record_answers

	if not isinstance(code, str):
		_counted_refusal(_("Your answers were not accepted."))
	return record_answers(code, answers)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@guest_door("declaration-objection", calls=OBJECTIONS_PER_HOUR, seconds=HOUR, refuse=_plain_refusal("Not Saved"))
def submit_objection(declaration: Any = None, content: Any = None, contact: Any = None):
	"""An objection to an asset declaration in publicity (公示), during the period only."""
	from sanshu_app.integrity_archive.doctype.asset_declaration.asset_declaration import receive_objection

	return receive_objection(declaration, content, contact)
