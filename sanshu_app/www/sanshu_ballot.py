"""The phone ballot page /sanshu-ballot: a one-time code opens the meeting's ballot (no login).

Public, Chinese, for a 360 px phone. It shows only the meeting's reporters and the scale, and only
to the holder of a valid unspent code; the ballot is sent to
``sanshu_app.api.public.submit_phone_ballot`` (how anonymity holds is said in ``meeting_day.ballot_codes``).
"""

import frappe
from frappe import _

no_cache = 1


from sanshu_app.meeting_day.ballot_codes import THANKS  # noqa: E402


def get_context(context):
	frappe.local.lang = "zh"
	context.no_cache = 1
	context.show_sidebar = False
	context.title = _("Democratic Evaluation Ballot")
	code = (frappe.form_dict.get("code") or "").strip()
	context.state = "enter"
	context.typed_code = code[:40]
	if not code:
		return context
	from sanshu_app.meeting_day.ballot_codes import ballot_for_code

	try:
		ballot = ballot_for_code(code)
	except (frappe.ValidationError, frappe.RateLimitExceededError) as error:
		frappe.clear_messages()
		context.state = "refused"
		context.message = str(error)
		return context
	meeting = ballot["meeting"]
	context.state = "vote"
	context.code = ballot["code"]
	context.meeting_title = _("{0} {1}").format(frappe.utils.formatdate(meeting.meeting_date, "yyyy-MM-dd"), _(meeting.meeting_kind))
	context.place = meeting.place or ""
	context.reporters = ballot["reporters"]
	context.scale = ballot["scale"]
	context.abstain_allowed = ballot["abstain_allowed"]
	# shown when the ballot is in: the page says it, so the vote itself translates nothing
	context.thanks = _(THANKS)
	return context
