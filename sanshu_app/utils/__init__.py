"""The app's toolbox: small bridges between Frappe records and the pure rules in ``sanshu_app.rules``
that every module shares: refusing with a rule message, a single doctype's setting, the role checks,
who the user is as a cadre, deadlines, the office's language. ``utils.net`` holds the peer-address
throttles and the guest pages' counted refusals, ``utils.xlsx`` every spreadsheet read and written.

May use: ``sanshu_app.rules`` only (and Frappe). Nothing of the permission layer or the modules."""

from contextlib import contextmanager
from datetime import date

import frappe
from frappe import _
from frappe.utils import getdate

from sanshu_app.rules.messages import RuleError, RuleViolation
from sanshu_app.rules.roles import OFFICE_ROLES, UNIT_ROLES  # noqa: F401  (the role names, importable from here)
from sanshu_app.rules.working_days import add_days


def throw_violations(violations, title=None):
	"""Refuse the whole operation, listing every broken rule in the user's language."""
	if not violations:
		return
	messages = [v.render(_) for v in violations]
	frappe.throw(
		messages[0] if len(messages) == 1 else "<br>".join(messages),
		title=title or _("Not Saved"),
		exc=frappe.ValidationError,
	)


def raise_rule_error(error: RuleError, title=None):
	throw_violations(error.violations, title)


def refuse(template: str, *values):
	"""Refuse with one translated rule message."""
	throw_violations([RuleViolation(template, values)], title=_("Not Allowed"))


def single_setting(doctype, fieldname):
	"""The office's value, or the shipped default while the settings were never saved (an unsaved
	single reads as 0, which is a value the office may choose)."""
	field = frappe.get_meta(doctype).get_field(fieldname)
	stored = frappe.db.get_value("Singles", {"doctype": doctype, "field": fieldname}, "value", order_by=None)
	value = field.default if stored in (None, "") else stored
	return float(value) if field.fieldtype == "Float" else int(float(value)) if field.fieldtype == "Int" else value


def current_cadre(user: str | None = None) -> str | None:
	"""The cadre record of ``user`` (the session user by default), or None."""
	user = user or frappe.session.user
	return frappe.db.get_value("Sanshu Cadre", {"user": user}, "name")


def calendar_overrides() -> dict:
	"""The site's working-day overrides: {date: True for a working day, False for a day off}."""
	rows = frappe.get_all(
		"Sanshu Calendar Override",
		filters={"parenttype": "Sanshu Settings"},
		fields=["date", "day_type"],
	)
	return {getdate(r.date): r.day_type == "Working Day" for r in rows}


def deadline_rule(rule_set: str | None, deadline_type: str):
	"""The (days, day kind) a rule set gives a kind of deadline, or None when it does not set it."""
	if not rule_set:
		return None
	row = frappe.db.get_value(
		"Sanshu Rule Deadline",
		{"parent": rule_set, "parenttype": "Sanshu Rule Set", "deadline_type": deadline_type},
		["days", "day_kind"],
		as_dict=True,
	)
	return (row.days, row.day_kind) if row else None


def deadline_from(rule_set: str | None, deadline_type: str, start) -> "date | None":
	"""The due date of a ``deadline_type`` counted from ``start`` under ``rule_set``."""
	rule = deadline_rule(rule_set, deadline_type)
	if rule is None:
		return None
	days, kind = rule
	moves = bool(frappe.db.get_value("Sanshu Rule Set", rule_set, "deadline_moves_off_holidays"))
	return add_days(getdate(start), days, kind, calendar_overrides(), move_off_holidays=moves)


def is_office(user=None) -> bool:
	"""Whether ``user`` works in the 党廉办 (or is a system manager)."""
	user = user or frappe.session.user
	return user == "Administrator" or bool(set(frappe.get_roles(user)).intersection(OFFICE_ROLES))


def require_roles(roles=OFFICE_ROLES):
	"""Refuse the call unless the user holds one of ``roles``.

	Unlike ``frappe.only_for`` this also holds in tests, so the tests can prove it."""
	if frappe.session.user == "Administrator" or set(frappe.get_roles()).intersection(roles):
		return
	frappe.throw(
		_("This needs one of the roles: {0}.").format(", ".join(_(r) for r in roles)),
		frappe.PermissionError,
		title=_("Not Permitted"),
	)


@contextmanager
def office_language():
	"""Texts stored in a document (and printed on its letter) are written in the office's
	language, whoever's action created them."""
	previous = frappe.local.lang
	frappe.local.lang = frappe.db.get_default("lang") or frappe.get_system_settings("language") or previous
	try:
		yield
	finally:
		frappe.local.lang = previous
