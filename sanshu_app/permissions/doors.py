"""The platform's generic doors that skip ``frappe.get_list`` and the permission hooks, made to
keep the app's record scope wherever the app is installed (``override_whitelisted_methods`` and
``before_request`` in hooks.py; Frappe itself is never patched).

- ``get_count`` counted any doctype with any filter, unchecked: a yes/no oracle that spelled out
  text one letter at a time. It now counts what ``frappe.get_list`` would return.
- ``validate_link`` told anyone whether a record name exists: a record the user may not read now
  answers exactly like one that does not exist.
- ``run_doc_method`` (v1) and ``/api/v2/method/run_doc_method`` ran a whitelisted method on a
  document sent by the client: for an app record that exists, the method now runs on the stored
  record, so forged values never reach it. The print view's ``get_html_and_style`` likewise.
- Search (``search_link``, ``search_widget``) let the client switch the permission query off with
  ``ignore_user_permissions``; it stays on.
- Group-by counts by assignee, tagged documents and global search queried the tables directly;
  they now go through the permission-checked list or drop what the user may not read.
- Per-record helpers that answered about any record (next/previous, link titles, amendments,
  evaluated permissions, linked documents, likes, follows, renames) first check that the user may
  read the stored record.

An override takes its platform method's arguments as they come and hands them on: typed as the
platform types them, ``Any`` where the platform's own method leaves them untyped.
"""

from typing import Any

import frappe
from frappe import _
from frappe.client import get_safe_filters

from sanshu_app.permissions.rule import app_doctypes, may_read_stored


# A name no record can have: a hidden record is looked up as this instead.
NO_RECORD = "\u0000"


@frappe.whitelist()
def get_count(doctype: Any, filters: Any = None, debug: Any = False, cache: Any = False):
	"""``frappe.client.get_count`` through the permission-checked list query. Only doctypes are
	counted: the platform's own count also took raw table names (``__Auth``)."""
	if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype):
		raise frappe.PermissionError  # the same answer every time: nothing to compare between polls
	rows = frappe.get_list(doctype, filters=get_safe_filters(filters), fields=["count(*) as count"], order_by=None, as_list=True)
	return rows[0][0] if rows else 0


@frappe.whitelist()
def validate_link(doctype: str, docname: str, fields: Any = None):
	"""``frappe.client.validate_link`` that does not confirm records the user may not read."""
	from frappe.client import validate_link as platform_validate_link

	if isinstance(doctype, str) and isinstance(docname, str) and doctype in app_doctypes() and app_doctypes()[doctype]["istable"]:
		if not may_read_stored(doctype, docname):
			docname = NO_RECORD  # a row one may not read is looked up as one that is not there
		return platform_validate_link(doctype, docname, fields)
	if isinstance(doctype, str) and isinstance(docname, str) and doctype in app_doctypes():
		if not frappe.has_permission(doctype, "read") and not frappe.has_permission(doctype, "select"):
			return platform_validate_link(doctype, docname, fields)  # the platform's own refusal
		if frappe.db.exists(doctype, docname) and not may_read_stored(doctype, docname):
			return frappe._dict(name=None)  # as if it did not exist
	return platform_validate_link(doctype, docname, fields)


@frappe.whitelist(methods=["GET", "POST"])
def run_doc_method(method: Any, docs: Any = None, dt: Any = None, dn: Any = None, arg: Any = None, args: Any = None):
	"""v1 ``run_doc_method``: an app record that exists is acted on as stored."""
	from frappe.handler import run_doc_method as platform_run_doc_method

	if docs and not dt:
		stored = stored_version(docs)
		if stored is not None:
			dt, dn, docs = stored.doctype, stored.name, None
	return platform_run_doc_method(method, docs=docs, dt=dt, dn=dn, arg=arg, args=args)


@frappe.whitelist()
def search_link(
	doctype: str,
	txt: str,
	query: str | None = None,
	filters: Any = None,
	page_length: int = 10,
	searchfield: str | None = None,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
):
	from frappe.desk.search import search_link as platform_search_link

	return platform_search_link(doctype, txt, query, filters, page_length, searchfield, reference_doctype, ignore_user_permissions=False)


@frappe.whitelist()
def search_widget(
	doctype: str,
	txt: str,
	query: str | None = None,
	searchfield: str | None = None,
	start: int = 0,
	page_length: int = 10,
	filters: Any = None,
	filter_fields: Any = None,
	as_dict: bool = False,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
):
	from frappe.desk.search import search_widget as platform_search_widget

	return platform_search_widget(
		doctype, txt, query, searchfield, start, page_length, filters, filter_fields, as_dict, reference_doctype, ignore_user_permissions=False
	)


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str):
	"""Counts by assignee for the app's doctypes over the records the user may list."""
	from frappe.desk.listview import get_group_by_count as platform_get_group_by_count

	if field != "assigned_to" or doctype not in app_doctypes():
		return platform_get_group_by_count(doctype, current_filters, field)
	names = frappe.get_list(doctype, filters=frappe.parse_json(current_filters), pluck="name", limit_page_length=0)
	if not names:
		return []
	return frappe.get_all(
		"ToDo",
		filters={"reference_type": doctype, "reference_name": ("in", names), "status": ("!=", "Cancelled")},
		fields=["allocated_to as name", "count(*) as count"],
		group_by="allocated_to",
		order_by="count desc",
		limit=50,
	)


@frappe.whitelist()
def get_tagged_docs(doctype: Any, tag: Any):
	return frappe.get_list(doctype, filters=[["_user_tags", "like", tag]], fields=["name"], as_list=True, limit_page_length=0)


@frappe.whitelist()
def global_search(text: Any, start: Any = 0, limit: Any = 20, doctype: Any = ""):
	from frappe.utils.global_search import search as platform_search

	results = platform_search(text, start, limit, doctype)
	return [r for r in results if r.get("doctype") not in app_doctypes() or may_read_stored(r.get("doctype"), r.get("name"))]


def _require_readable(doctype, name):
	"""Refuse a record the user may not read with the very answer given for a name that does not
	exist: without doctype-level access, "no permission" for both; with it, "not found" for both."""
	if not (isinstance(doctype, str) and doctype in app_doctypes()):
		return
	if not frappe.has_permission(doctype, "read"):
		frappe.throw(_("No permission for {0}").format(_(doctype)), frappe.PermissionError)
	if name and frappe.db.exists(doctype, name) and not may_read_stored(doctype, name):
		frappe.throw(_("{0} {1} not found").format(_(doctype), name), frappe.DoesNotExistError)


@frappe.whitelist()
def get_next(doctype: Any, value: Any, prev: Any, filters: Any = None, sort_order: Any = "desc", sort_field: Any = "creation"):
	from frappe.desk.form.utils import get_next as platform_get_next

	if isinstance(doctype, str) and doctype in app_doctypes() and frappe.db.exists(doctype, value) and not may_read_stored(doctype, value):
		value = NO_RECORD  # answer as from a record that does not exist
	return platform_get_next(doctype, value, prev, filters, sort_order, sort_field)


@frappe.whitelist()
def get_link_title(doctype: Any, docname: Any):
	from frappe.desk.search import get_link_title as platform_get_link_title

	if isinstance(doctype, str) and doctype in app_doctypes() and frappe.db.exists(doctype, docname) and not may_read_stored(doctype, docname):
		return None if frappe.get_meta(doctype).show_title_field_in_link else docname  # as for no record
	return platform_get_link_title(doctype, docname)


@frappe.whitelist()
def is_document_amended(doctype: str, docname: str):
	from frappe.client import is_document_amended as platform_is_document_amended

	if isinstance(doctype, str) and doctype in app_doctypes():
		amendment = frappe.db.exists(doctype, {"amended_from": docname}) if may_read_stored(doctype, docname) else None
		return amendment if amendment and may_read_stored(doctype, amendment) else None
	return platform_is_document_amended(doctype, docname)


@frappe.whitelist()
def get_doc_permissions(doctype: str, docname: str):
	from frappe.client import get_doc_permissions as platform_get_doc_permissions

	_require_readable(doctype, docname)
	return platform_get_doc_permissions(doctype, docname)


@frappe.whitelist()
def linked_with(doctype: Any, docname: Any):
	from frappe.desk.form.linked_with import get as platform_get

	_require_readable(doctype, docname)
	return platform_get(doctype, docname)


@frappe.whitelist()
def get_submitted_linked_docs(doctype: str, name: str, ignore_doctypes_on_cancel_all: Any = None):
	from frappe.desk.form.linked_with import get_submitted_linked_docs as platform_get_submitted_linked_docs

	_require_readable(doctype, name)
	result = platform_get_submitted_linked_docs(doctype, name, ignore_doctypes_on_cancel_all)
	docs = result.get("docs") if isinstance(result, dict) else None
	if docs is not None:
		result["docs"] = [d for d in docs if d.get("doctype") not in app_doctypes() or may_read_stored(d.get("doctype"), d.get("name"))]
		result["count"] = len(result["docs"])
	return result


@frappe.whitelist()
def toggle_like(doctype: Any, name: Any, add: Any = False):
	from frappe.desk.like import toggle_like as platform_toggle_like

	_require_readable(doctype, name)
	return platform_toggle_like(doctype, name, add)


@frappe.whitelist()
def follow_document(doctype: Any, doc_name: Any, user: Any):
	from frappe.desk.form.document_follow import follow_document as platform_follow_document

	_require_readable(doctype, doc_name)
	return platform_follow_document(doctype, doc_name, user)


@frappe.whitelist()
def rename_doc(doctype: Any, old_name: Any, new_name: Any, merge: Any = False):
	from frappe.client import rename_doc as platform_rename_doc

	_require_readable(doctype, old_name)
	if isinstance(doctype, str) and doctype in app_doctypes() and not frappe.get_doc(doctype, old_name).has_permission("write"):
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	return platform_rename_doc(doctype, old_name, new_name, merge)


@frappe.whitelist()
def update_document_title(*, doctype: str, docname: str, title: Any = None, name: Any = None, merge: Any = False, enqueue: Any = False, **kwargs: Any):
	from frappe.model.rename_doc import update_document_title as platform_update_document_title

	_require_readable(doctype, docname)
	return platform_update_document_title(doctype=doctype, docname=docname, title=title, name=name, merge=merge, enqueue=enqueue, **kwargs)


@frappe.whitelist()
def get_html_and_style(doc: Any, name: Any = None, print_format: Any = None, no_letterhead: Any = None, letterhead: Any = None, trigger_print: Any = False, style: Any = None, settings: Any = None):
	"""The print view's HTML: an app record is printed as stored, never from a client-sent copy."""
	from frappe.www.printview import get_html_and_style as platform_get_html_and_style

	if not isinstance(name, str):
		stored = stored_version(doc)
		if stored is not None:
			doc, name = stored.doctype, stored.name
		elif isinstance(frappe.parse_json(doc), dict) and frappe.parse_json(doc).get("doctype") in app_doctypes():
			frappe.throw(_("Save the document before printing it."), frappe.PermissionError)
	return platform_get_html_and_style(doc, name, print_format, no_letterhead, letterhead, trigger_print, style, settings)


def guard_private_file_reuse(doc, method=None):
	"""doc_events File.before_insert: a new File row must not borrow the URL of a private file
	attached to an app record the user may not read (owning the new row would open the old file)."""
	if not doc.file_url or not doc.file_url.startswith("/private/") or frappe.session.user == "Administrator":
		return
	if _uploads_same_bytes(doc):
		return
	for row in frappe.get_all("File", filters={"file_url": doc.file_url}, fields=["attached_to_doctype", "attached_to_name"]):
		if row.attached_to_doctype in app_doctypes() and not may_read_stored(row.attached_to_doctype, row.attached_to_name):
			frappe.throw(_("Not permitted"), frappe.PermissionError)


def _uploads_same_bytes(doc) -> bool:
	"""Joint evidence: a cooperating unit uploads the file the lead unit already attached. The
	platform stores identical bytes once and hands the new row the stored file's URL; the upload
	opens nothing new when the request itself carried those bytes (their hash is the stored file's)
	for a record of the requester's own (one they may read)."""
	from frappe.core.doctype.file.utils import get_content_hash

	sent = getattr(frappe.local, "uploaded_file", None)
	if not sent or not doc.content_hash:
		return False
	if get_content_hash(sent) != doc.content_hash:
		return False
	if not frappe.db.exists("File", {"file_url": doc.file_url, "content_hash": doc.content_hash}):
		return False
	if not doc.attached_to_doctype or not doc.attached_to_name or doc.attached_to_doctype not in app_doctypes():
		return False
	return frappe.db.exists(doc.attached_to_doctype, doc.attached_to_name) and may_read_stored(doc.attached_to_doctype, doc.attached_to_name)


def stored_version(docs):
	"""The stored record a client-sent app document claims to be, after the platform's staleness
	check; None when it is not an app record or not stored yet."""
	sent = frappe.parse_json(docs)
	if not isinstance(sent, dict) or sent.get("doctype") not in app_doctypes() or sent.get("__islocal") or not sent.get("name"):
		return None
	if app_doctypes()[sent["doctype"]]["istable"]:
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	if not frappe.db.exists(sent["doctype"], sent["name"]):
		frappe.throw(_("{0} {1} not found").format(_(sent["doctype"]), sent["name"]), frappe.DoesNotExistError)
	stored = frappe.get_doc(sent["doctype"], sent["name"])
	if sent.get("modified") and str(sent["modified"]) != str(stored.modified):
		stored._original_modified = sent["modified"]
		stored.check_if_latest()  # refuses a stale form with the platform's own message
	return stored


def before_request():
	"""Requests routed straight to the platform, where no override reaches:

	- ``/api/v2/method/run_doc_method``: a client-sent app document is swapped for its stored version;
	- report-view counts (v1 and v2) of an app doctype count distinct names: the platform refuses
	  ``count(`tab…`.name)`` for a doctype whose name begins with an SQL keyword (Case Accountability),
	  and for the app's doctypes a distinct count is the same number."""
	request = getattr(frappe.local, "request", None)
	if not request:
		return
	path = request.path.rstrip("/")
	if path.endswith("/frappe.desk.reportview.get_count") or (path.startswith("/api/v2/doctype/") and path.endswith("/count")):
		doctype = frappe.form_dict.get("doctype") or path.split("/")[-2]
		if doctype in app_doctypes():
			frappe.form_dict["distinct"] = 1
		return
	if not path.endswith("/api/v2/method/run_doc_method"):
		return
	document = frappe.form_dict.get("document")
	if not document:
		return
	stored = stored_version(document)
	if stored is not None:
		frappe.form_dict["document"] = stored.as_dict(convert_dates_to_str=True)


# --- the form's change log and socket.io ---------------------------------------------------------
@frappe.whitelist()
def getdoc(doctype: Any, name: Any):
	"""The form's record, with the change log's values of fields above the user's level removed."""
	from frappe.desk.form.load import getdoc as platform_getdoc

	result = platform_getdoc(doctype, name)
	_redact_docinfo(doctype)
	return result


@frappe.whitelist()
def get_docinfo(doc: Any = None, doctype: Any = None, name: Any = None):
	from frappe.desk.form.load import get_docinfo as platform_get_docinfo

	if doc is not None:
		frappe.throw(_("Not permitted"), frappe.PermissionError)  # only the server passes a loaded document
	result = platform_get_docinfo(doctype=doctype, name=name)
	_redact_docinfo(doctype)
	return result


def _redact_docinfo(doctype):
	from sanshu_app.permissions.field_levels import redact_versions

	docinfo = frappe.response.get("docinfo")
	if docinfo and isinstance(doctype, str) and docinfo.get("versions"):
		docinfo["versions"] = redact_versions(doctype, docinfo["versions"])


@frappe.whitelist()
def realtime_has_permission(doctype: str, name: str) -> bool:
	"""socket.io's check before it sends a record's updates: a hidden record answers exactly like
	a missing one."""
	from frappe.realtime import has_permission as platform_has_permission

	if isinstance(doctype, str) and doctype in app_doctypes():
		if not frappe.has_permission(doctype, "read"):
			frappe.throw(_("No permission for {0}").format(_(doctype)), frappe.PermissionError)
		if not (frappe.db.exists(doctype, name) and may_read_stored(doctype, name)):
			frappe.throw(_("No permission for {0}").format(_(doctype)), frappe.PermissionError)
		return True
	return platform_has_permission(doctype, name)
