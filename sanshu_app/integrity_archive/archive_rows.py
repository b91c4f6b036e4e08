"""The integrity archive's rows from this module's documents (registered in the
``sanshu_archive_rows`` hook; the engine is sanshu_app.integrity_archive.archive): each function
gives its doctype's part of the archive's one query and how a row's title reads.

A declaration's contents never reach the archive: its row says only that it was declared, its
publicity and how many objections it drew.
"""

import frappe
from frappe import _

from sanshu_app.integrity_archive.archive import ArchiveParts, column, record_part

# (cadre field, finding field, outcome field, the responsibility it stands for)
CASE_ROLES = (
	("person", "person_finding", "person_outcome", "Party Concerned"),
	("party_secretary", "secretary_finding", "secretary_outcome", "Primary Responsibility"),
	("discipline_officer", "officer_finding", "officer_outcome", "Supervisory Responsibility"),
)


def cases():
	"""A case once for each role the cadre holds in it (as the party concerned, the secretary, the
	officer): one ``select`` per role, ranked in the order of CASE_ROLES."""

	def title(r, tr):
		responsibility = CASE_ROLES[r.rank][3]
		return "；".join([tr(responsibility), r.a] + [p for p in (r.b, r.c) if p])

	return ArchiveParts(
		*(
			record_part(
				"`tabCase Accountability` k",
				"k",
				f"{column('k', cadre_field)} = %(cadre)s",
				title,
				on_date="k.case_date",
				rank=str(role),
				a="k.case_title",
				b=column("k", finding),
				c=column("k", outcome),
			)
			for role, (cadre_field, finding, outcome, _responsibility) in enumerate(CASE_ROLES)
		)
	)


def audit_findings_about(cadre, fields):
	"""Findings about ``cadre``, and unit findings naming no cadre of the units ``cadre`` leads
	(an economic-responsibility audit answers to the unit's principal)."""
	found = frappe.get_all("Audit Finding", filters={"cadre": cadre}, fields=fields)
	led = frappe.get_all("Sanshu Unit", filters={"principal": cadre}, pluck="name")
	if led:
		found += frappe.get_all("Audit Finding", filters={"unit": ("in", led), "cadre": ("is", "not set")}, fields=fields)
	return found


def audit_findings():
	"""As ``audit_findings_about``: the cadre's own findings first, then their units'."""

	def title(r, tr):
		return "；".join(p for p in (tr(r.a), r.b, r.c) if p)[:120]

	about_the_cadre = record_part(
		"`tabAudit Finding` f",
		"f",
		"f.cadre = %(cadre)s",
		title,
		on_date="f.report_date",
		rank="0",
		a="f.audit_type",
		b="f.audit_title",
		c="f.finding",
	)
	of_units_led = about_the_cadre.another(
		"`tabSanshu Unit` u join `tabAudit Finding` f on f.unit = u.name", "u.principal = %(cadre)s and coalesce(f.cadre, '') = ''", rank="1"
	)
	return ArchiveParts(about_the_cadre, of_units_led)


def declarations():
	"""Declared, its publicity and its objections (counted in the same query)."""

	def title(r, tr):
		parts = [tr(r.a)] if r.a else []
		if r.b and r.c:
			parts.append(_("publicity {0} to {1}").format(r.b, r.c))
		parts.append(_("{0} objections").format(int(r.n or 0)))
		return "；".join(parts)

	return record_part(
		"`tabAsset Declaration` d",
		"d",
		"d.cadre = %(cadre)s",
		title,
		on_date="d.declaration_date",
		a="d.reason",
		b="d.publicity_start",
		c="d.publicity_end",
		n="(select count(*) from `tabAsset Declaration Objection` o where o.parent = d.name and o.parenttype = 'Asset Declaration')",
	)


def synchronous_records():
	"""The records a discipline officer kept: part of their supervision duty."""

	def title(r, tr):
		return "；".join(p for p in (tr(r.a), r.b) if p)

	return record_part(
		"`tabSynchronous Record` s",
		"s",
		"s.recorder = %(cadre)s",
		title,
		on_date="s.meeting_date",
		status=None,
		status_of=lambda r: "Serious Risk Reported" if int(r.n or 0) else "",
		a="s.decision_type",
		b="s.meeting",
		n="s.serious_risk",
	)

