"""公示: the asset declarations in their publicity period — only the summary the office chose to
publish, the declarant's name, unit and post. Public ones for everyone (Guest included), unit-only
ones for the unit's cadres. Objections post to sanshu_app.api.public.submit_objection (throttled)."""

from frappe import _

from sanshu_app.integrity_archive.doctype.asset_declaration.asset_declaration import published

no_cache = 1


def get_context(context):
	context.no_cache = 1
	context.title = _("Asset Declarations in Publicity")
	context.declarations = published()
	return context
