"""A record the user may not read answers exactly like one that does not exist, at every door.

The platform loads a record before it checks permission, so a name that exists answers "not
permitted" (403) where a name that does not answers "not found" (404): an oracle for which names
exist. For each request, the gate (``allow_list.gate``) reads the records it names — in the REST
path, or as ``doctype``/``name`` arguments — and

- an app doctype the user may not read at all is refused whole, whether the name exists or not;
- a record of an app doctype the user may read, but not this one, is marked hidden for the
  request: loading it (``ScopedDocument``, ``ChildRow``) raises the platform's own "not found",
  so every door that loads it answers as for a missing name.

Other records the request's code loads are untouched.
"""

from urllib.parse import unquote

import frappe
from frappe import _

# argument pairs that name a record: (doctype argument, name argument)
NAMING_ARGUMENTS = (
	("doctype", "name"),
	("doctype", "docname"),
	("doctype", "doc_name"),
	("dt", "dn"),
	("reference_doctype", "reference_name"),
	("ref_doctype", "ref_docname"),
)


def check_request(request, office: bool):
	frappe.local.sanshu_hidden_records = set()
	if office:
		return
	from sanshu_app.permissions.rule import app_doctypes, may_read_stored

	hidden = set()
	for doctype, name in _named_records(request):
		if not isinstance(doctype, str) or doctype not in app_doctypes():
			continue
		if _app_link_query(request):
			continue  # the query answers for itself (allow_list.LINK_QUERIES)
		if not _may_read_doctype(doctype):
			frappe.throw(_("No permission for {0}").format(_(doctype)), frappe.PermissionError)
		if isinstance(name, str) and name and frappe.db.exists(doctype, name) and not may_read_stored(doctype, name):
			hidden.add((doctype, name))
	frappe.local.sanshu_hidden_records = hidden


def _app_link_query(request) -> bool:
	"""A link search, and nothing else, running one of the app's own queries that check their roles."""
	from sanshu_app.permissions.allow_list import LINK_QUERIES, SEARCH_METHODS, requested_methods

	methods = requested_methods(request, frappe.form_dict)
	return bool(methods) and all(m in SEARCH_METHODS for m in methods) and frappe.form_dict.get("query") in LINK_QUERIES


def _may_read_doctype(doctype: str) -> bool:
	from sanshu_app.permissions.rule import app_doctypes, child_parents

	if app_doctypes()[doctype]["istable"]:
		return any(frappe.has_permission(parent, "read") for parent, _f in child_parents().get(doctype, ()))
	return frappe.has_permission(doctype, "read") or frappe.has_permission(doctype, "select")


def _named_records(request) -> list[tuple]:
	found = []
	parts = [unquote(p) for p in request.path.strip("/").split("/")]
	if parts[:2] == ["api", "resource"] and len(parts) >= 3:
		found.append((parts[2], "/".join(parts[3:]) or None))
	elif parts[:3] in (["api", "v1", "resource"], ["api", "v2", "document"]) and len(parts) >= 4:
		name = "/".join(parts[4:]) or None
		if name and "/method/" in f"/{name}/":
			name = name.split("/method/")[0]
		if name and name.endswith("/copy"):
			name = name[: -len("/copy")]
		found.append((parts[3], name))
	elif parts[:3] == ["api", "v2", "doctype"] and len(parts) >= 4:
		found.append((parts[3], None))
	form = frappe.form_dict
	for doctype_arg, name_arg in NAMING_ARGUMENTS:
		if form.get(doctype_arg):
			found.append((form.get(doctype_arg), form.get(name_arg)))
	return found


def is_hidden(doctype: str, name) -> bool:
	return (doctype, name) in (getattr(frappe.local, "sanshu_hidden_records", None) or ())


def raise_not_found(doctype: str, name):
	"""The very error the platform raises for a name that is not there (Document.load_from_db)."""
	frappe.throw(_("{0} {1} not found").format(_(doctype), name), frappe.DoesNotExistError(doctype=doctype))
