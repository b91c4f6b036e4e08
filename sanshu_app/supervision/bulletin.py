"""What a quarter's bulletin (通报) and the ledgers hold: inspections and their findings by unit."""

import frappe
from frappe import _
from frappe.utils import cint, format_date, nowdate

from sanshu_app.utils.xlsx import ledger_workbook, send_xlsx
from sanshu_app.utils import require_roles


def inspections(year, quarter=None):
	filters = {"year": cint(year)}
	if quarter:
		filters["quarter"] = cint(quarter)
	return frappe.get_all(
		"Supervision Inspection",
		filters=filters,
		fields=["name", "inspection_title", "inspection_kind", "inspection_date", "status", "sanshu_draw"],
		order_by="inspection_date asc, name asc",
	)


def findings(inspection_names):
	if not inspection_names:
		return []
	return frappe.get_all(
		"Supervision Finding",
		filters={"parent": ("in", inspection_names), "parenttype": "Supervision Inspection"},
		fields=["parent", "unit", "severity", "description", "rectification", "public_naming"],
		order_by="parent asc, idx asc",
	)


def bulletin_units(year, quarter):
	"""[{unit, inspections: [...], findings: [...]}] for every unit inspected in the quarter."""
	done = inspections(year, quarter)
	by_name = {i.name: i for i in done}
	units = {}
	for name in by_name:
		for row in frappe.get_all("Supervision Inspection Unit", filters={"parent": name, "parenttype": "Supervision Inspection"}, pluck="unit"):
			units.setdefault(row, {"unit": row, "inspections": [], "findings": []})["inspections"].append(by_name[name])
	for row in findings(list(by_name)):
		entry = units.setdefault(row.unit, {"unit": row.unit, "inspections": [], "findings": []})
		row.inspection = by_name[row.parent]
		entry["findings"].append(row)
	return [frappe._dict(units[u]) for u in sorted(units)]


def bulletin_workbook(year, quarter) -> bytes:
	rows = []
	for entry in bulletin_units(year, quarter):
		if not entry.findings:
			for inspection in entry.inspections:
				rows.append([entry.unit, _(inspection.inspection_kind), format_date(inspection.inspection_date), inspection.inspection_title, "", _("No problems found"), ""])
		for f in entry.findings:
			rows.append([entry.unit, _(f.inspection.inspection_kind), format_date(f.inspection.inspection_date), f.inspection.inspection_title, _(f.severity), f.description, f.rectification or ""])
	columns = [(_("Unit"), 18), (_("Kind of Inspection"), 12), (_("Inspection Date"), 12), (_("Inspection"), 24), (_("Severity"), 8), (_("Finding"), 40), (_("Rectification"), 18)]
	title = _("Supervision Bulletin, {0} Quarter {1}").format(year, quarter)
	return ledger_workbook(title, columns, rows, subtitle=_("Printed on {0}").format(format_date(nowdate())))


def inspection_ledger_workbook(year) -> bytes:
	done = inspections(year)
	by_name = {i.name: i for i in done}
	found = {}
	for f in findings(list(by_name)):
		found.setdefault(f.parent, []).append(f)
	rows = []
	for i in done:
		units = frappe.get_all("Supervision Inspection Unit", filters={"parent": i.name, "parenttype": "Supervision Inspection"}, pluck="unit", order_by="idx asc")
		rows.append([i.name, i.inspection_title, _(i.inspection_kind), format_date(i.inspection_date), "、".join(units), i.sanshu_draw or "", len(found.get(i.name, [])), _(i.status)])
	columns = [(_("Inspection"), 18), (_("Title"), 24), (_("Kind of Inspection"), 12), (_("Inspection Date"), 12), (_("Units"), 30), (_("Committed Draw"), 16), (_("Findings"), 8), (_("Status"), 10)]
	return ledger_workbook(_("Inspection Ledger {0}").format(year), columns, rows, subtitle=_("Printed on {0}").format(format_date(nowdate())))


def findings_ledger_workbook(year) -> bytes:
	done = {i.name: i for i in inspections(year)}
	rows = [
		[f.parent, format_date(done[f.parent].inspection_date), _(done[f.parent].inspection_kind), f.unit, _(f.severity), f.description, f.rectification or "", _("Yes") if f.public_naming else ""]
		for f in findings(list(done))
	]
	columns = [(_("Inspection"), 18), (_("Inspection Date"), 12), (_("Kind of Inspection"), 12), (_("Unit"), 18), (_("Severity"), 8), (_("Finding"), 40), (_("Rectification"), 18), (_("Public Naming"), 8)]
	return ledger_workbook(_("Findings Ledger {0}").format(year), columns, rows, subtitle=_("Printed on {0}").format(format_date(nowdate())))


def index_ledger_workbook(year) -> bytes:
	rows = []
	for name in frappe.get_all("Warning Index", filters={"year": cint(year)}, order_by="quarter asc", pluck="name"):
		doc = frappe.get_doc("Warning Index", name)
		for r in doc.rows:
			rows.append([doc.year, doc.quarter, r.ranking, r.unit, r.petitions, r.efficiency_complaints, r.online_opinion, r.index_value, _("Yes") if r.talks_proposed else ""])
	columns = [(_("Year"), 8), (_("Quarter"), 8), (_("Ranking Place"), 6), (_("Unit"), 20), (_("Petitions and Reports"), 10), (_("Efficiency Complaints"), 10), (_("Corruption-Related Online Opinion"), 10), (_("Warning Index"), 10), (_("Talks Proposed"), 8)]
	return ledger_workbook(_("Warning Index Ledger {0}").format(year), columns, rows, subtitle=_("Printed on {0}").format(format_date(nowdate())))


def survey_ranking_workbook(survey) -> bytes:
	doc = frappe.get_doc("Satisfaction Survey", survey)
	# held to account: the units with an accountability record (问责) from this survey (issue 19)
	held = set(frappe.get_all("Accountability", filters={"source_doctype": "Satisfaction Survey", "source_name": doc.name}, pluck="unit"))
	rows = [[r.ranking or "", r.unit, r.responses, r.score, _("Yes") if r.unit in held else ""] for r in sorted(doc.units, key=lambda r: (r.ranking or 10**6, r.unit))]
	columns = [(_("Ranking Place"), 6), (_("Unit"), 24), (_("Responses"), 10), (_("Satisfaction Score"), 12), (_("Accountability"), 10)]
	return ledger_workbook(_("Satisfaction Ranking: {0}").format(doc.survey_title), columns, rows, subtitle=f"{doc.year} · {_(doc.sector)}", sheet_name=_("Satisfaction Ranking"))


@frappe.whitelist()
@frappe.read_only()  # on the read replica when the site has one (README, *Scale*)
def download_bulletin(year: int | str, quarter: int | str):
	require_roles()
	send_xlsx(_("Supervision Bulletin, {0} Quarter {1}").format(year, quarter), bulletin_workbook(year, quarter))


@frappe.whitelist()
@frappe.read_only()  # on the read replica when the site has one (README, *Scale*)
def download_inspection_ledger(year: int | str):
	require_roles()
	send_xlsx(_("Inspection Ledger {0}").format(year), inspection_ledger_workbook(year))


@frappe.whitelist()
@frappe.read_only()  # on the read replica when the site has one (README, *Scale*)
def download_findings_ledger(year: int | str):
	require_roles()
	send_xlsx(_("Findings Ledger {0}").format(year), findings_ledger_workbook(year))


@frappe.whitelist()
@frappe.read_only()  # on the read replica when the site has one (README, *Scale*)
def download_index_ledger(year: int | str):
	require_roles()
	send_xlsx(_("Warning Index Ledger {0}").format(year), index_ledger_workbook(year))


@frappe.whitelist()
@frappe.read_only()  # on the read replica when the site has one (README, *Scale*)
def download_survey_ranking(survey: str):
	require_roles()
	frappe.get_doc("Satisfaction Survey", survey).check_permission("read")
	send_xlsx(_("Satisfaction Ranking"), survey_ranking_workbook(survey))
