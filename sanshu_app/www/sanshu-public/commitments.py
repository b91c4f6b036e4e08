"""/sanshu-public/commitments: the 六项承诺 new discipline cadres make to the public (001 §2,
§四(三)), only those signed and marked public."""

import frappe

from sanshu_app.public_disclosure.page_cache import cached
from sanshu_app.public_disclosure.publication import public_commitments, use_public_language

no_cache = 1


def get_context(context):
	use_public_language()
	context.no_cache = 1
	context.commitments = cached("commitments", "all", public_commitments)
	context.title = frappe._("Six Commitments Made in Public")
	return context
