"""The ledgers (台账) as formatted xlsx downloads: rectification ledger, assessment ranking,
commitment compliance and the integrity archive. Each runs the same query as its report (so the
same permission rule applies) and goes through the one xlsx helper."""

import frappe
from frappe import _
from frappe.utils import cint, format_date, nowdate

from sanshu_app.assessment_and_rectification.xlsx import ledger_workbook, send_xlsx

COMMITMENT_DOCTYPE = "Integrity Commitment"
COMMITMENT_REPORT = "Commitment Compliance"


def _width(column):
	return max(8, min(60, int((column.get("width") or 120) / 7)))


def _cell(value, column):
	if value is None:
		return ""
	if column.get("fieldtype") == "Date" and value:
		return format_date(value)
	return value


def report_workbook(title, columns, rows, subtitle=None):
	cols = [(c["label"], _width(c)) for c in columns]
	data = [[_cell(r.get(c["fieldname"]), c) for c in columns] for r in rows]
	subtitle = subtitle or _("Printed on {0}").format(format_date(nowdate()))
	return ledger_workbook(title, cols, data, subtitle=subtitle)


def rectification_ledger(campaign=None, state=None, overdue_only=0):
	from sanshu_app.assessment_and_rectification.report.rectification_ledger import rectification_ledger as report

	filters = frappe._dict(campaign=campaign or None, state=state or None, overdue_only=cint(overdue_only))
	title = _("Rectification Ledger") + (f" {campaign}" if campaign else "")
	return report_workbook(title, report.columns(), report.data(filters))


def assessment_ranking(year, campaign=None):
	from sanshu_app.assessment_and_rectification.report.assessment_ranking import assessment_ranking as report

	filters = frappe._dict(year=cint(year), campaign=campaign or None)
	title = _("{0} Responsibility Assessment Ranking").format(year)
	return report_workbook(title, report.columns(), report.data(filters))


def archive(cadre):
	from sanshu_app.assessment_and_rectification.report.integrity_archive import integrity_archive as report

	columns, rows = report.execute({"cadre": cadre})
	name = frappe.db.get_value("Sanshu Cadre", cadre, "full_name")
	title = _("Integrity Archive of {0}").format(name)
	return report_workbook(title, columns, rows, subtitle=f"{cadre} · {_('Printed on {0}').format(format_date(nowdate()))}")


def commitment_compliance(campaign=None):
	if frappe.db.exists("Report", COMMITMENT_REPORT):
		from frappe.desk.query_report import run

		result = run(COMMITMENT_REPORT, filters={"campaign": campaign} if campaign else {})
		columns = [c if isinstance(c, dict) else {"label": str(c), "fieldname": str(i)} for i, c in enumerate(result["columns"])]
		rows = [r if isinstance(r, dict) else {columns[i]["fieldname"]: v for i, v in enumerate(r)} for r in result["result"]]
	elif frappe.db.exists("DocType", COMMITMENT_DOCTYPE):
		meta = frappe.get_meta(COMMITMENT_DOCTYPE)
		fields = [df for df in meta.fields if df.in_list_view and df.fieldtype not in ("Table", "Section Break", "Column Break")]
		columns = [{"fieldname": "name", "label": _("ID"), "fieldtype": "Data", "width": 140}] + [
			{"fieldname": df.fieldname, "label": _(df.label), "fieldtype": df.fieldtype, "width": 140} for df in fields
		]
		if meta.has_field("workflow_state"):
			columns.append({"fieldname": "workflow_state", "label": _("Status"), "fieldtype": "Data", "width": 100})
		filters = {"campaign": campaign} if campaign and meta.has_field("campaign") else {}
		rows = frappe.get_list(COMMITMENT_DOCTYPE, filters=filters, fields=[c["fieldname"] for c in columns], limit_page_length=0)
	else:
		frappe.throw(_("Integrity commitments are not installed on this site."), title=_("Commitment Compliance"))
	title = _("Commitment Compliance") + (f" {campaign}" if campaign else "")
	return report_workbook(title, columns, rows)


@frappe.whitelist()
def download_rectification_ledger(campaign=None, state=None, overdue_only=0):
	send_xlsx(_("Rectification Ledger"), rectification_ledger(campaign, state, overdue_only))


@frappe.whitelist()
def download_assessment_ranking(year, campaign=None):
	send_xlsx(_("{0} Responsibility Assessment Ranking").format(year), assessment_ranking(year, campaign))


@frappe.whitelist()
def download_commitment_compliance(campaign=None):
	send_xlsx(_("Commitment Compliance"), commitment_compliance(campaign))


@frappe.whitelist()
def download_archive(cadre):
	send_xlsx(_("Integrity Archive") + f"-{cadre}", archive(cadre))
