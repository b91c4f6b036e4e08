"""What the 述前公开 pages show, kept in Redis between requests (issue 24: many readers at once
when a campaign publishes).

Only what a Guest may see is kept (the page's data as the publication functions return it), per
page, record and day: the publication window is counted in days, so tomorrow's readers get a new
entry. Publishing or withdrawing anything a page shows (a campaign, a report, a question and its
reply, the settings) forgets every entry at once (``forget``, a document event in ``hooks.py``);
the time limit only bounds an entry nobody forgot."""

import frappe
from frappe.utils import nowdate

PREFIX = "sanshu-public-page"
SECONDS = 10 * 60
NOT_SHOWN = "not-shown"  # kept like a page, so reading a withdrawn link costs no more than a shown one


def cached(page: str, name, build):
	"""``build()`` for this page and record today, from the cache when it is there; None when the
	record is not on show."""
	if not isinstance(name, str) or not 0 < len(name) <= 140:
		return build()  # not a record's name: nothing worth keeping, and no key a guest could multiply
	key = f"{PREFIX}:{page}:{name}:{nowdate()}"
	value = frappe.cache.get_value(key)
	if value is None:
		value = build()
		frappe.cache.set_value(key, NOT_SHOWN if value is None else value, expires_in_sec=SECONDS)
	return None if value == NOT_SHOWN else value


def forget(doc=None, method=None):
	"""A document event: something a public page shows may have changed."""
	frappe.cache.delete_keys(PREFIX)
