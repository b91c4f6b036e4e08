"""Survey codes were stored as a plain SHA-256 of the code (issue 18): re-hash every stored code with
the site's salt, in place. An issued code still answers once (``rules.supervision.survey_code_hash``
salts the same plain digest); nothing stored is unsalted any more. Codes issued from now on have
65 bits instead of 40."""

import frappe
from frappe.utils.password import get_encryption_key

from sanshu_app.rules.supervision import salted_code_hash


def execute():
	salt = get_encryption_key()
	rows = frappe.db.sql("select name, code_hash from `tabSatisfaction Survey Code`")
	for name, digest in rows:
		if digest:
			frappe.db.sql(
				"update `tabSatisfaction Survey Code` set code_hash=%s where name=%s",
				(salted_code_hash(digest, salt), name),
			)
