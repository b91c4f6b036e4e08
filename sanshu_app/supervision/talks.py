"""Proposed talks (约谈) from supervision: a draft Integrity Talk for a unit's principal or
discipline officer, with the figures as the reason. Never proposed twice for the same cause."""

import frappe
from frappe import _

from sanshu_app.utils import office_language


def propose_talk(cadre, talk_type, reason, reason_doctype, reason_name):
	"""A draft talk, or the existing one for this cadre and cause."""
	existing = frappe.db.get_value(
		"Integrity Talk", {"cadre": cadre, "reason_doctype": reason_doctype, "reason_name": reason_name, "docstatus": ("<", 2)}
	)
	if existing:
		return existing
	talk = frappe.get_doc(
		{
			"doctype": "Integrity Talk",
			"talk_type": talk_type,
			"cadre": cadre,
			"reason": reason,
			"reason_doctype": reason_doctype,
			"reason_name": reason_name,
		}
	)
	return talk.insert(ignore_permissions=True).name


def missing_person_message(unit, who):
	with office_language():
		return _("Unit {0} has no {1} recorded; no talk was proposed.").format(unit, _(who))
