"""Table rows are read through their parent record and written only through it.

Read on its own (``/api/resource/<table>/<row>``, ``getdoc``, ``frappe.client.get``, print), a
child row is checked by the platform against its parent *doctype* only, never its parent record,
so the record scope would not apply. A row read on its own is therefore allowed exactly when its
stored parent record is.

Written on its own (REST v1/v2 ``PUT``/``POST``/``DELETE`` on the table's doctype,
``frappe.client.insert/save/set_value/delete/bulk_update/insert_many``, ``savedocs`` with a row),
a row would skip its parent's checks: the write guard would compare the new values with a parent
that already holds them, and no Version of the parent would record the change. Such writes are
refused for every user, at the request (``check_request``) and in the row itself (``ChildRow``).
The desk never does this: it saves the parent, whose controller and guard see every row.
"""

import frappe
from frappe import _
from frappe.model.document import Document

# methods that write the document(s) they are sent: (parameter, how the doctype is found)
WRITE_METHODS = {
	"frappe.client.insert": "doc",
	"frappe.client.insert_many": "docs",
	"frappe.client.save": "doc",
	"frappe.client.set_value": "doctype",
	"frappe.client.delete": "doctype",
	"frappe.client.bulk_update": "docs",
	"frappe.client.submit": "doc",
	"frappe.client.cancel": "doctype",
	"frappe.desk.form.save.savedocs": "doc",
	"frappe.desk.form.save.cancel": "doctype",
	"frappe.desk.reportview.delete_items": "doctype",
	"frappe.desk.doctype.bulk_update.bulk_update.submit_cancel_or_update_docs": "doctype",
}


def is_app_table(doctype) -> bool:
	from sanshu_app.permissions.rule import app_doctypes

	info = app_doctypes().get(doctype) if isinstance(doctype, str) else None
	return bool(info and info["istable"])


def check_request(request, methods):
	"""Refuse a request that writes an app table row on its own."""
	if request.method in ("POST", "PUT", "PATCH", "DELETE") and is_app_table(_rest_doctype(request.path)):
		refuse()
	form = frappe.form_dict
	for method in methods:
		param = WRITE_METHODS.get(method)
		if param and any(is_app_table(doctype) for doctype in _doctypes_in(form.get(param))):
			refuse()


def _rest_doctype(path: str) -> str | None:
	from urllib.parse import unquote

	parts = path.strip("/").split("/")
	if parts[:2] == ["api", "resource"] and len(parts) >= 3:
		return unquote(parts[2])
	if parts[:3] in (["api", "v1", "resource"], ["api", "v2", "document"]) and len(parts) >= 4:
		return unquote(parts[3])
	return None


def _doctypes_in(value) -> list:
	if value in (None, ""):
		return []
	if isinstance(value, str):
		try:
			value = frappe.parse_json(value)
		except Exception:
			return [value]
	if isinstance(value, str):
		return [value]
	if isinstance(value, dict):
		return [value.get("doctype")]
	if isinstance(value, list | tuple):
		return [d.get("doctype") if isinstance(d, dict) else d for d in value]
	return []


def refuse():
	frappe.throw(_("A table row is changed only through its parent record."), frappe.PermissionError)


class ChildRow(Document):
	"""The controller every table row of the app shares."""

	def has_permission(self, permtype="read", *, debug=False, user=None) -> bool:
		if self.flags.ignore_permissions:
			return True
		if self.parent_doc is None and not self.get("__islocal"):
			if not (self.parenttype and self.parent and frappe.db.exists(self.parenttype, self.parent)):
				return False
			from sanshu_app.permissions.rule import _may_read_table, _unrestricted

			user = user or frappe.session.user
			if not _unrestricted(user) and self.parentfield and not _may_read_table(self.parenttype, self.parentfield, user):
				return False  # the table is above the user's level on its parent
			return frappe.get_doc(self.parenttype, self.parent).has_permission(permtype, debug=debug, user=user)
		return super().has_permission(permtype, debug=debug, user=user)

	def load_from_db(self):
		from sanshu_app.permissions.hidden_records import is_hidden, raise_not_found

		if is_hidden(self.doctype, self.name):
			raise_not_found(self.doctype, self.name)  # as for a row that is not there
		return super().load_from_db()

	# A parent writes its rows with db_insert / db_update, never with these: a call here is a row
	# written on its own.
	def insert(self, *args, **kwargs):
		refuse()

	def save(self, *args, **kwargs):
		refuse()

	def on_trash(self):
		refuse()
