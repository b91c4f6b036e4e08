"""The integrity archive's rows from this module's documents (see ROW_SOURCES in
sanshu_app.assessment_and_rectification.archive). Each row: year, doctype, name, title, status, date.

A declaration's contents never reach the archive: its row says only that it was declared, its
publicity and how many objections it drew.
"""

import frappe
from frappe import _
from frappe.utils import getdate

# (cadre field, finding field, outcome field, the responsibility it stands for)
CASE_ROLES = (
	("person", "person_finding", "person_outcome", "Party Concerned"),
	("party_secretary", "secretary_finding", "secretary_outcome", "Primary Responsibility"),
	("discipline_officer", "officer_finding", "officer_outcome", "Supervisory Responsibility"),
)


def _row(doctype, name, on, title, status):
	on = getdate(on)
	return {"year": on.year, "doctype": doctype, "name": name, "title": title, "status": _(status) if status else "", "date": on}


def cases(cadre):
	rows = []
	for cadre_field, finding, outcome, responsibility in CASE_ROLES:
		for r in frappe.get_all(
			"Case Accountability", filters={cadre_field: cadre}, fields=["name", "case_title", "case_date", "status", finding, outcome]
		):
			parts = [_(responsibility), r.case_title]
			parts += [p for p in (r.get(finding), r.get(outcome)) if p]
			rows.append(_row("Case Accountability", r.name, r.case_date, "；".join(parts), r.status))
	return rows


def audit_findings_about(cadre, fields):
	"""Findings about ``cadre``, and unit findings naming no cadre of the units ``cadre`` leads
	(an economic-responsibility audit answers to the unit's principal)."""
	found = frappe.get_all("Audit Finding", filters={"cadre": cadre}, fields=fields)
	led = frappe.get_all("Sanshu Unit", filters={"principal": cadre}, pluck="name")
	if led:
		found += frappe.get_all("Audit Finding", filters={"unit": ("in", led), "cadre": ("is", "not set")}, fields=fields)
	return found


def audit_findings(cadre):
	return [
		_row("Audit Finding", r.name, r.report_date, "；".join(p for p in (_(r.audit_type), r.audit_title, r.finding) if p)[:120], r.status)
		for r in audit_findings_about(cadre, ["name", "audit_type", "audit_title", "finding", "report_date", "status"])
	]


def declarations(cadre):
	rows = []
	found = frappe.get_all(
		"Asset Declaration", filters={"cadre": cadre}, fields=["name", "reason", "declaration_date", "status", "publicity_start", "publicity_end"]
	)
	# Objections counted for all the declarations in one query, not one count per row.
	counts = {}
	if found:
		for parent in frappe.get_all(
			"Asset Declaration Objection", filters={"parent": ("in", [r.name for r in found]), "parenttype": "Asset Declaration"}, pluck="parent"
		):
			counts[parent] = counts.get(parent, 0) + 1
	for r in found:
		objections = counts.get(r.name, 0)
		parts = [_(r.reason)] if r.reason else []
		if r.publicity_start and r.publicity_end:
			parts.append(_("publicity {0} to {1}").format(r.publicity_start, r.publicity_end))
		parts.append(_("{0} objections").format(objections))
		rows.append(_row("Asset Declaration", r.name, r.declaration_date, "；".join(parts), r.status))
	return rows


def synchronous_records(cadre):
	"""The records a discipline officer kept: part of their supervision duty."""
	return [
		_row("Synchronous Record", r.name, r.meeting_date, "；".join(p for p in (_(r.decision_type), r.meeting) if p), _("Serious Risk Reported") if r.serious_risk else "")
		for r in frappe.get_all("Synchronous Record", filters={"recorder": cadre}, fields=["name", "decision_type", "meeting", "meeting_date", "serious_risk"])
	]
