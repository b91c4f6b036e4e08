"""/sanshu-public/campaign?name=…: the reports a campaign publishes before its meeting, within its window."""

import frappe

from sanshu_app.public_disclosure.publication import campaign_on_show, reports_on_show, use_public_language

no_cache = 1


def get_context(context):
	use_public_language()
	context.no_cache = 1
	campaign = campaign_on_show(frappe.form_dict.get("name"))
	if not campaign:
		raise frappe.PageDoesNotExistError(frappe._("These reports are not published."))
	context.campaign = campaign
	context.reports = reports_on_show(campaign.name)
	context.title = campaign.campaign_title
	return context
