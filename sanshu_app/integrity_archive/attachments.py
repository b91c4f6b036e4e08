"""Attachments of confidential records (declarations, synchronous records) stay private files:
a public file would be readable by its URL by anyone."""

import frappe
from frappe import _


def require_private_files(doc, fields=("attachment",), tables=()):
	"""Refuse any public file in ``fields`` of ``doc`` or in (table, field) of its child rows."""
	urls = [doc.get(f) for f in fields]
	urls += [row.get(field) for table, field in tables for row in doc.get(table) or []]
	public = [u for u in urls if u and not u.startswith("/private/files/")]
	if public:
		frappe.throw(_("Attach confidential files as private files: {0}").format(", ".join(public)), title=_("Not Saved"))
