"""/sanshu-public/campaign?name=…: the reports a campaign publishes before its meeting, within its window."""

import frappe

from sanshu_app.public_disclosure.page_cache import cached
from sanshu_app.public_disclosure.publication import campaign_on_show, reports_on_show, use_public_language

no_cache = 1


def get_context(context):
	use_public_language()
	context.no_cache = 1
	name = frappe.form_dict.get("name")
	shown = cached("campaign", name, lambda: _on_show(name))
	if not shown:
		raise frappe.PageDoesNotExistError(frappe._("These reports are not published."))
	campaign = context.campaign = shown["campaign"]
	context.reports = shown["reports"]
	context.title = campaign.campaign_title
	return context


def _on_show(name):
	campaign = campaign_on_show(name)
	return {"campaign": campaign, "reports": reports_on_show(campaign.name)} if campaign else None
