"""Rule sets made before issue 18 get k = 5 (``min_ballots_shown``): counts over fewer ballots, and
evaluator groups with fewer, are no longer shown."""

import frappe

from sanshu_app.rules.anonymity import DEFAULT_K


def execute():
	frappe.db.sql(
		"update `tabSanshu Rule Set` set min_ballots_shown=%s where ifnull(min_ballots_shown, 0) < 1",
		DEFAULT_K,
	)
	frappe.clear_cache(doctype="Sanshu Rule Set")
