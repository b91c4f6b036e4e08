"""调阅: who may read a cadre's integrity archive, and the register of every reading.

The office and the cadre themself read an archive freely; anyone else only through an approved,
unexpired Archive Access Request for that cadre. Every view, print, export and look at the cadre's
connections is written to the Archive Access Log, which nobody can edit or delete.
"""

from contextlib import contextmanager

import frappe
from frappe import _
from frappe.model.naming import make_autoname
from frappe.utils import getdate, now_datetime, today

from sanshu_app.permissions import scope_for
from sanshu_app.rules.integrity_archive import AccessGrant, grant_for

OFFICE = "Office"
OWN_ARCHIVE = "Own Archive"
APPROVED_REQUEST = "Approved Request"

VIEW, PRINT, EXPORT, CONNECTIONS = "View", "Print", "Export", "Connections"


def archive_basis(cadre, user=None):
	"""Why ``user`` may read ``cadre``'s archive: (basis, access request name or None), or None."""
	user = user or frappe.session.user
	scope = scope_for(user)
	if scope.unrestricted:
		return OFFICE, None
	if cadre in scope.cadres:
		return OWN_ARCHIVE, None
	requests = frappe.get_all(
		"Archive Access Request",
		filters={"requester": user, "cadre": cadre, "status": "Approved"},
		fields=["name", "requester", "cadre", "valid_until"],
	)
	by_grant = {AccessGrant(r.requester, r.cadre, True, getdate(r.valid_until)): r.name for r in requests}
	grant = grant_for(list(by_grant), user, cadre, getdate(today()))
	return (APPROVED_REQUEST, by_grant[grant]) if grant else None


def require_archive_access(cadre, user=None):
	"""The basis on which ``user`` reads ``cadre``'s archive; refuses without one."""
	basis = archive_basis(cadre, user)
	if basis is None:
		frappe.throw(
			_("You may not see the integrity archive of {0} without an approved archive access request.").format(cadre),
			frappe.PermissionError,
			title=_("Not Permitted"),
		)
	return basis


def _reading_action(default):
	return getattr(frappe.local, "sanshu_archive_reading", None) or default


@contextmanager
def reading_as(action):
	"""Name what the archive is read for (an export reads the report's rows) in the register."""
	previous = getattr(frappe.local, "sanshu_archive_reading", None)
	frappe.local.sanshu_archive_reading = action
	try:
		yield
	finally:
		frappe.local.sanshu_archive_reading = previous


# One line of the register, written in one statement: the cadre's name is read from their record
# by the insert itself, and no line is written when there is no such cadre.
REGISTER_LINE = """insert into `tabArchive Access Log`
	(name, owner, creation, modified, modified_by, docstatus, idx,
	accessed_at, cadre, cadre_name, action, reader, reader_name, basis, access_request)
select %(name)s, %(reader)s, %(now)s, %(now)s, %(reader)s, 0, 0,
	%(now)s, c.name, c.full_name, %(action)s, %(reader)s, %(reader_name)s, %(basis)s, %(access_request)s
from `tabSanshu Cadre` c where c.name = %(cadre)s
returning name"""


@frappe.write_only()  # the register is written on the primary even when the archive is read on the replica
def record_reading(cadre, action, basis, user=None):
	"""Write one line of the access register (kept even when the request is a GET); False when
	there is no such cadre.

	Every value is the server's own, so the line goes straight into the table in one insert, as
	Frappe writes its own Access Log (and, like it, named by a random hash: a naming series would
	add two queries and a lock on the series row to every reading)."""
	user = user or frappe.session.user
	kind, request = basis
	written = frappe.db.sql(
		REGISTER_LINE,
		{
			"name": make_autoname("hash", "Archive Access Log"),
			"now": now_datetime(),
			"cadre": cadre,
			"action": _reading_action(action),
			"reader": user,
			"reader_name": frappe.utils.get_fullname(user),
			"basis": kind,
			"access_request": request,
		},
	)
	if written:
		frappe.local.flags.commit = True
	return bool(written)


def read_archive(cadre, action):
	"""Check access to ``cadre``'s archive and register the reading; returns the basis."""
	basis = require_archive_access(cadre)
	record_reading(cadre, action, basis)
	return basis


@frappe.whitelist()
def get_open_count(doctype: str, name: str, items: str | list | None = None):
	"""The connections of a form; on a cadre's form they are the archive, so they are counted only
	for a reader with access, and the look is registered."""
	from frappe.desk.notifications import get_open_count as frappe_open_count

	if doctype == "Sanshu Cadre":
		frappe.get_doc(doctype, name).check_permission()
		basis = archive_basis(name)
		if basis is None:
			return {"count": {"external_links_found": [], "internal_links_found": []}}
		counts = frappe_open_count(doctype, name, items)
		record_reading(name, CONNECTIONS, basis)
		return counts
	return frappe_open_count(doctype, name, items)


ARCHIVE_PRINT_FORMAT = "Integrity Archive"


@frappe.whitelist()
@frappe.read_only()  # on the read replica when the site has one (README, *Scale*)
def print_archive(cadre: str):
	"""The archive's print (PDF) for whoever may read it — including an outside reader with an
	approved request, who has no print right on the cadre record itself. The print registers."""
	require_archive_access(cadre)
	previous = frappe.flags.ignore_print_permissions
	frappe.flags.ignore_print_permissions = True  # access was decided above, by the 调阅 rule
	try:
		pdf = frappe.get_print("Sanshu Cadre", cadre, print_format=ARCHIVE_PRINT_FORMAT, as_pdf=True)
	finally:
		frappe.flags.ignore_print_permissions = previous
	frappe.local.response.filename = f"{_('Integrity Archive')}-{cadre}.pdf"
	frappe.local.response.filecontent = pdf
	frappe.local.response.type = "pdf"
