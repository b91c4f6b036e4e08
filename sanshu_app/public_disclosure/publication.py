"""述前公开: which reports the public sees, and the campaign's publication window.

Everything a Guest page shows goes through these functions; they read with the database API
(no permission check applies to Guest) and so must filter to what is published and nothing else."""

import html

import frappe
from frappe import _
from frappe.utils import getdate, nowdate, strip_html

from sanshu_app.rules.public import (
	ACCEPTED_REPORT,
	default_replies_until,
	publication_window_violations,
	replies_open,
	replies_until_violations,
	report_on_show,
	window_open,
)
from sanshu_app.rules.working_days import add_working_days
from sanshu_app.utils import calendar_overrides, single_setting, throw_violations

PUBLIC_LANGUAGE = "zh"  # the county's public pages are in Chinese, whoever visits
CAMPAIGN_FIELDS = [
	"name",
	"campaign_title",
	"year",
	"meeting_date",
	"publish_reports_before_meeting",
	"publish_from",
	"publish_until",
	"replies_shown_until",
	"public_plan",
	"public_plan_file",
]


def validate_campaign(doc, method=None):
	"""doc_event on Sanshu Campaign: a publication window must not end before it starts."""
	throw_violations(
		publication_window_violations(
			bool(doc.publish_reports_before_meeting and (doc.publish_from or doc.publish_until)),
			getdate(doc.publish_from) if doc.publish_from else None,
			getdate(doc.publish_until) if doc.publish_until else None,
		),
		title=_("Invalid Publication Window"),
	)
	if doc.publish_reports_before_meeting and doc.publish_until and not doc.replies_shown_until:
		doc.replies_shown_until = replies_until_default(getdate(doc.publish_until))
	throw_violations(
		replies_until_violations(getdate(doc.publish_until) if doc.publish_until else None, getdate(doc.replies_shown_until) if doc.replies_shown_until else None),
		title=_("Invalid Publication Window"),
	)
	publish_plan_file(doc)


def replies_until_default(publish_until):
	"""The window's end + the reply working days + the margin (Public Disclosure Settings)."""
	settings = "Public Disclosure Settings"
	overrides = calendar_overrides()
	return default_replies_until(
		publish_until,
		single_setting(settings, "reply_working_days"),
		single_setting(settings, "reply_margin_days"),
		lambda start, days: add_working_days(start, days, overrides),
	)


def publish_plan_file(doc):
	"""The 方案 file is for the public: an upload kept private is made public (the public page
	links only a public file)."""
	url = doc.get("public_plan_file")
	if not url or not url.startswith("/private/files/"):
		return
	name = frappe.db.get_value("File", {"file_url": url, "attached_to_doctype": doc.doctype, "attached_to_name": doc.name}, "name") or frappe.db.get_value(
		"File", {"file_url": url}, "name"
	)
	if not name:
		return
	file = frappe.get_doc("File", name)
	file.is_private = 0
	file.save(ignore_permissions=True)
	doc.public_plan_file = file.file_url


def _replies_window(campaign) -> tuple:
	return (*_window(campaign), getdate(campaign.replies_shown_until) if campaign.replies_shown_until else None)


def public_plan(campaign) -> dict:
	"""The campaign's published 方案: its text as plain text (escaped by the page) and its file
	when public."""
	text = html.unescape(strip_html((campaign.public_plan or "").replace("</p>", "\n").replace("<br>", "\n"))).strip()
	url = campaign.public_plan_file or ""
	return {"text": text, "file": url if url.startswith("/files/") else ""}


def _window(campaign) -> tuple:
	return (
		bool(campaign.publish_reports_before_meeting),
		getdate(campaign.publish_from) if campaign.publish_from else None,
		getdate(campaign.publish_until) if campaign.publish_until else None,
	)


def campaigns_on_show(today=None):
	today = getdate(today or nowdate())
	campaigns = frappe.get_all(
		"Sanshu Campaign",
		filters={"publish_reports_before_meeting": 1, "publish_from": ("<=", today), "publish_until": (">=", today)},
		fields=CAMPAIGN_FIELDS,
		order_by="publish_from desc",
		ignore_permissions=True,
	)
	return [c for c in campaigns if window_open(*_window(c), today)]


def campaign_on_show(name, today=None):
	"""The campaign if its reports (or, after the window, their replies) are on show today, else
	None; ``replies_only`` once the window has closed."""
	if not name or not isinstance(name, str):
		return None
	campaign = frappe.db.get_value("Sanshu Campaign", name, CAMPAIGN_FIELDS, as_dict=True)
	today = getdate(today or nowdate())
	if not campaign or not replies_open(*_replies_window(campaign), today):
		return None
	campaign.replies_only = not window_open(*_window(campaign), today)
	if campaign.replies_only and not _reports_with_replies(campaign.name):
		return None  # after the window only replies stay: none, nothing to show
	campaign.plan = public_plan(campaign)
	campaign.public_plan = None  # shown only as the plain text above
	return campaign


def _reports_with_replies(campaign_name) -> list[str]:
	reports = frappe.get_all("Sanshu Report", filters={"campaign": campaign_name, "workflow_state": ACCEPTED_REPORT}, pluck="name", ignore_permissions=True)
	if not reports:
		return []
	return sorted(
		set(
			frappe.get_all(
				"Public Question", filters={"report": ("in", reports), "status": "Accepted", "reply_published": 1}, pluck="report", ignore_permissions=True
			)
		)
	)


def reports_on_show(campaign_name, today=None):
	campaign = campaign_on_show(campaign_name, today)
	if not campaign:
		return []
	filters = {"campaign": campaign.name, "workflow_state": ACCEPTED_REPORT}
	if campaign.replies_only:  # after the window: the reports whose replies stay shown
		filters["name"] = ("in", _reports_with_replies(campaign.name))
	return frappe.get_all(
		"Sanshu Report",
		filters=filters,
		fields=["name", "cadre_name", "unit", "report_mode", "accepted_on"],
		order_by="cadre_name asc",
		ignore_permissions=True,
	)


def report_on_show_or_none(name, today=None):
	"""The report (with its campaign) when the public may read it today, else None."""
	if not name or not isinstance(name, str):
		return None
	report = frappe.db.get_value("Sanshu Report", name, ["name", "campaign", "cadre", "cadre_name", "unit", "workflow_state", "report_mode"], as_dict=True)
	if not report:
		return None
	campaign = frappe.db.get_value("Sanshu Campaign", report.campaign, CAMPAIGN_FIELDS, as_dict=True)
	today = getdate(today or nowdate())
	if not campaign or report.workflow_state != ACCEPTED_REPORT or not replies_open(*_replies_window(campaign), today):
		return None
	campaign.public_plan = None
	report.campaign_doc = campaign
	# After the window only its questions and replies stay (001 §7): the report itself is withdrawn.
	report.replies_only = not report_on_show(report.workflow_state, *_window(campaign), today)
	if report.replies_only and report.name not in _reports_with_replies(campaign.name):
		return None
	report.sections = [] if report.replies_only else [
		frappe._dict(section=row.section, text=html.unescape(strip_html(row.content or "")).strip())  # plain text, escaped by the page
		for row in frappe.get_all(
			"Sanshu Report Section",
			filters={"parent": name, "parenttype": "Sanshu Report"},
			fields=["section", "content"],
			order_by="idx asc",
			ignore_permissions=True,
		)
	]
	return report


def published_questions(report_name):
	"""Questions on a report whose reply the office has approved for publication, as plain text
	(Frappe stores such text HTML-escaped; the page escapes it once when shown)."""
	rows = frappe.get_all(
		"Public Question",
		filters={"report": report_name, "status": "Accepted", "reply_published": 1},
		fields=["name", "question", "asked_at", "published_reply", "reply_published_on"],
		order_by="asked_at asc",
		ignore_permissions=True,
	)
	for row in rows:
		row.question, row.published_reply = html.unescape(row.question or ""), html.unescape(row.published_reply or "")
	return rows


def use_public_language():
	frappe.local.lang = PUBLIC_LANGUAGE


SIX_COMMITMENTS = "Six Commitments"


def public_commitments():
	"""六项承诺 of new discipline cadres made to the public (001 §2, §四(三)): signed, marked public;
	plain text (the page escapes it)."""
	rows = frappe.get_all(
		"Integrity Commitment",
		filters={"commitment_type": SIX_COMMITMENTS, "is_public": 1, "docstatus": 1, "workflow_state": "Signed"},
		fields=["name", "cadre_name", "unit", "year", "signed_at", "document_number"],
		order_by="signed_at desc, name asc",
		ignore_permissions=True,
	)
	for row in rows:
		row.items = [
			html.unescape(strip_html(item or "")).strip()
			for item in frappe.get_all(
				"Integrity Commitment Item",
				filters={"parent": row.name, "parenttype": "Integrity Commitment"},
				pluck="item",
				order_by="idx asc",
				ignore_permissions=True,
			)
		]
		row.pop("name")
	return rows
