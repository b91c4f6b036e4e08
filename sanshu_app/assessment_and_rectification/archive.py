"""The integrity archive (廉政档案) of one cadre: every document about them, year by year.

Only Managers and the cadre themself see it freely; anyone else needs an approved Archive Access
Request (调阅, see sanshu_app.integrity_archive.access), and every reading is registered. Script
reports and print formats do not get Frappe's record scope applied, so ``check_access`` does it.
"""

import frappe
from frappe import _
from frappe.utils import getdate, strip_html

from sanshu_app.record_scopes import RECORD_SCOPES

# (doctype, section of the archive); only the ones installed at runtime are read.
ARCHIVE_DOCTYPES = (
	("Responsibility Letter", "Responsibility Documents"),
	("Integrity Commitment", "Responsibility Documents"),
	("Risk Notification Card", "Responsibility Documents"),
	("Sanshu Report", "Reporting and Evaluation"),
	("Sanshu Inquiry", "Reporting and Evaluation"),
	("Sanshu Evaluation", "Reporting and Evaluation"),
	("Integrity Talk", "Reporting and Evaluation"),
	("Responsibility Assessment", "Assessment and Rectification"),
	("Rectification", "Assessment and Rectification"),
	("Asset Declaration", "Integrity Archive"),
	("Synchronous Record", "Integrity Archive"),
	("Audit Finding", "Integrity Archive"),
	("Case Accountability", "Integrity Archive"),
)
# Doctypes whose archive rows need more than their title (what the row may show, whose role it names).
ROW_SOURCES = {
	"Asset Declaration": "sanshu_app.integrity_archive.archive_rows.declarations",
	"Case Accountability": "sanshu_app.integrity_archive.archive_rows.cases",
	"Audit Finding": "sanshu_app.integrity_archive.archive_rows.audit_findings",
	"Synchronous Record": "sanshu_app.integrity_archive.archive_rows.synchronous_records",
}
# Fields that say what a document is about better than its title, when a doctype has them.
SUMMARY_FIELDS = ("problems", "reason", "outcome")


def installed(doctype):
	return bool(frappe.db.exists("DocType", doctype))


def cadre_fields(doctype):
	"""The fields of ``doctype`` naming the cadre a record is about (record scope first, then links)."""
	meta = frappe.get_meta(doctype)
	scope = RECORD_SCOPES.get(doctype)
	fields = [f for f in (scope.cadre_fields if scope else ()) if f != "name" and meta.has_field(f)]
	if not fields:
		fields = [df.fieldname for df in meta.fields if df.fieldtype == "Link" and df.options == "Sanshu Cadre"]
	return fields


def check_access(cadre, user=None):
	user = user or frappe.session.user
	if not cadre or not frappe.db.exists("Sanshu Cadre", cadre):
		frappe.throw(_("Choose a cadre."), title=_("Integrity Archive"))
	# 调阅: beyond the office and the cadre themself, only an approved access request opens it.
	from sanshu_app.integrity_archive.access import require_archive_access

	return require_archive_access(cadre, user)


def archive_rows(cadre, reading="View"):
	"""Every document about ``cadre``, newest year first: dicts with year, section, doctype, name, title, status, date.

	The reading (``View``, ``Print``, ``Export``) goes into the access register."""
	from sanshu_app.integrity_archive.access import record_reading

	record_reading(cadre, reading, check_access(cadre))
	unit = frappe.db.get_value("Sanshu Cadre", cadre, "unit")
	rows = []
	present = set(frappe.get_all("DocType", filters={"name": ("in", [d for d, _section in ARCHIVE_DOCTYPES])}, pluck="name"))
	for order, (doctype, section) in enumerate(ARCHIVE_DOCTYPES):
		if doctype not in present:
			continue
		if doctype == "Responsibility Assessment":
			rows += [dict(r, order=order, section=section) for r in _assessments(cadre, unit)]
			continue
		if doctype in ROW_SOURCES:
			rows += [dict(r, order=order, section=section) for r in frappe.get_attr(ROW_SOURCES[doctype])(cadre)]
			continue
		fields = cadre_fields(doctype)
		if not fields:
			continue
		rows += [dict(r, order=order, section=section) for r in _documents(doctype, fields, cadre)]
	_fill_campaign_years(rows)
	rows.sort(key=lambda r: (-(r["year"] or 0), r["order"], str(r["date"] or "")))
	return rows


class CampaignYear:
	"""A row's year still to be read from its campaign."""

	def __init__(self, campaign, fallback):
		self.campaign, self.fallback = campaign, fallback


def _fill_campaign_years(rows):
	"""The years of all the rows' campaigns in one query, not one lookup per row."""
	pending = [r for r in rows if isinstance(r["year"], CampaignYear)]
	if not pending:
		return
	campaigns = list({r["year"].campaign for r in pending})
	years = dict(frappe.get_all("Sanshu Campaign", filters={"name": ("in", campaigns)}, fields=["name", "year"], as_list=True))
	for r in pending:
		r["year"] = years.get(r["year"].campaign) or r["year"].fallback


def _documents(doctype, fields, cadre):
	meta = frappe.get_meta(doctype)
	wanted = ["name", "creation"]
	summary = next((f for f in SUMMARY_FIELDS if meta.has_field(f)), None)
	for f in ("year", "campaign", "workflow_state", "status", meta.title_field, summary):
		if f and f not in wanted and meta.has_field(f):
			wanted.append(f)
	names = set()
	found = []
	for field in fields:
		for r in frappe.get_all(doctype, filters={field: cadre}, fields=wanted, order_by="creation"):
			if r.name not in names:
				names.add(r.name)
				found.append(r)
	out = []
	for r in found:
		# A row without a year of its own takes its campaign's (filled in by _fill_campaign_years).
		year = r.get("year") or (r.get("campaign") and CampaignYear(r.campaign, getdate(r.creation).year)) or getdate(r.creation).year
		status = r.get("workflow_state") or r.get("status") or ""
		title = strip_html(r.get(summary) or "").strip()[:80] if summary else ""
		title = title or (r.get(meta.title_field) if meta.title_field else None)
		out.append(
			{
				"year": year,
				"doctype": doctype,
				"name": r.name,
				"title": str(title or r.name),
				"status": _(status) if status else "",
				"date": getdate(r.creation),
			}
		)
	return out


def _assessments(cadre, unit):
	grades = {
		g.parent: g.grade
		for g in frappe.get_all("Assessment Member Grade", filters={"cadre": cadre, "parenttype": "Responsibility Assessment"}, fields=["parent", "grade"])
	}
	names = set(grades) | set(frappe.get_all("Responsibility Assessment", filters={"unit": unit}, pluck="name"))
	out = []
	for r in frappe.get_all(
		"Responsibility Assessment", filters={"name": ("in", list(names) or [""])}, fields=["name", "year", "unit", "total_score", "grade", "workflow_state", "notified_on", "creation"]
	):
		parts = [r.unit]
		if r.total_score is not None and r.grade:
			parts.append(_("{0} points, {1}").format(f"{r.total_score:g}", _(r.grade)))
		if grades.get(r.name):
			parts.append(_("member grade {0}").format(grades[r.name]))
		out.append(
			{
				"year": r.year,
				"doctype": "Responsibility Assessment",
				"name": r.name,
				"title": "；".join(parts),
				"status": _(r.workflow_state) if r.workflow_state else "",
				"date": getdate(r.notified_on or r.creation),
			}
		)
	return out


def dashboard_data():
	"""Connections on the Sanshu Cadre form: every installed document type about a cadre."""
	groups = {}
	non_standard = {}
	for doctype, section in ARCHIVE_DOCTYPES:
		if doctype == "Responsibility Assessment" or not installed(doctype):
			continue
		fields = cadre_fields(doctype)
		if not fields:
			continue
		if fields[0] != "cadre":
			non_standard[doctype] = fields[0]
		groups.setdefault(section, []).append(doctype)
	return {
		"fieldname": "cadre",
		"non_standard_fieldnames": non_standard,
		"transactions": [{"label": _(section), "items": items} for section, items in groups.items()],
	}


def jinja_archive(cadre):
	"""For the print format: the archive grouped by year, as [(year, rows)]."""
	rows = archive_rows(cadre, reading="Print")
	years = []
	for row in rows:
		if not years or years[-1][0] != row["year"]:
			years.append((row["year"], []))
		row["doctype_label"] = _(row["doctype"])
		years[-1][1].append(row)
	return years
