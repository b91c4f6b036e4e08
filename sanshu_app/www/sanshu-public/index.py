"""/sanshu-public: what the office publishes — reports before the meeting, survey rankings, typical cases."""

import frappe

from sanshu_app.public_disclosure.publication import campaigns_on_show, use_public_language
from sanshu_app.supervision.public import published_surveys

no_cache = 1


def get_context(context):
	use_public_language()
	context.no_cache = 1
	context.campaigns = campaigns_on_show()
	context.surveys = published_surveys()
	context.title = frappe._("Public Disclosure and Supervision")
	return context
