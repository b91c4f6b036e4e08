"""The site's not-found page (www/404.html): always in the public pages' language."""

from sanshu_app.public_disclosure.publication import use_public_language

no_cache = 1


def get_context(context):
	use_public_language()
	context.no_cache = 1
	return context
