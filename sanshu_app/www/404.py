"""The site's not-found page (www/404.html): always in the public pages' language."""

from sanshu_app.public_disclosure.publication import use_public_language

no_cache = 1


def get_context(context):
	use_public_language()
	context.no_cache = 1
	# 404 also when a page raised PageDoesNotExistError (the platform renders this page then with
	# the request's status, 200)
	context.http_status_code = 404
	return context
