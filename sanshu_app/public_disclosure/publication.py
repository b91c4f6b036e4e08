"""述前公开: which reports the public sees, and the campaign's publication window.

Everything a Guest page shows goes through these functions; they read with the database API
(no permission check applies to Guest) and so must filter to what is published and nothing else."""

import html

import frappe
from frappe import _
from frappe.utils import getdate, nowdate, strip_html

from sanshu_app.rules.public import ACCEPTED_REPORT, publication_window_violations, report_on_show, window_open
from sanshu_app.utils import throw_violations

PUBLIC_LANGUAGE = "zh"  # the county's public pages are in Chinese, whoever visits
CAMPAIGN_FIELDS = ["name", "campaign_title", "year", "meeting_date", "publish_reports_before_meeting", "publish_from", "publish_until"]


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
	"""The campaign if its reports are on show today, else None."""
	if not name or not isinstance(name, str):
		return None
	campaign = frappe.db.get_value("Sanshu Campaign", name, CAMPAIGN_FIELDS, as_dict=True)
	if not campaign or not window_open(*_window(campaign), getdate(today or nowdate())):
		return None
	return campaign


def reports_on_show(campaign_name, today=None):
	campaign = campaign_on_show(campaign_name, today)
	if not campaign:
		return []
	return frappe.get_all(
		"Sanshu Report",
		filters={"campaign": campaign.name, "workflow_state": ACCEPTED_REPORT},
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
	if not campaign or not report_on_show(report.workflow_state, *_window(campaign), getdate(today or nowdate())):
		return None
	report.campaign_doc = campaign
	report.sections = [
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
