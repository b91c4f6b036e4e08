"""/sanshu-public/cases: typical cases the office names in public (曝光)."""

import frappe

from sanshu_app.public_disclosure.publication import use_public_language
from sanshu_app.supervision.public import typical_cases

no_cache = 1


def get_context(context):
	use_public_language()
	context.no_cache = 1
	context.cases = typical_cases()
	context.title = frappe._("Typical Cases Named in Public")
	return context
