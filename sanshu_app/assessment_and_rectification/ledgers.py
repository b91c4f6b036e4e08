"""The ledgers (台账) as formatted xlsx downloads: rectification ledger, assessment ranking,
commitment compliance and the integrity archive. Each runs the same query as its report (so the
same permission rule applies) and goes through the one xlsx helper."""

import frappe
from frappe import _
from frappe.utils import cint, format_date, nowdate

from sanshu_app.utils.xlsx import ledger_workbook, send_xlsx

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
	from sanshu_app.integrity_archive.access import EXPORT, reading_as

	with reading_as(EXPORT):  # registered as an export, not a view
		columns, rows = report.execute({"cadre": cadre})
	name = frappe.db.get_value("Sanshu Cadre", cadre, "full_name")
	title = _("Integrity Archive of {0}").format(name)
	return report_workbook(title, columns, rows, subtitle=f"{cadre} · {_('Printed on {0}').format(format_date(nowdate()))}")


def commitment_compliance(campaign, show_all=0):
	"""The Responsibility Documents module's "Commitment Compliance" report, as a ledger."""
	if not frappe.db.exists("Report", COMMITMENT_REPORT):
		frappe.throw(_("Integrity commitments are not installed on this site."), title=_("Commitment Compliance"))
	from frappe.desk.query_report import run

	result = run(COMMITMENT_REPORT, filters={"campaign": campaign, "show_all": cint(show_all)}, ignore_prepared_report=True)
	columns = [c for c in result["columns"] if isinstance(c, dict)]
	rows = [r for r in result["result"] if isinstance(r, dict)]
	title = _("Commitment Compliance") + f" {frappe.db.get_value('Sanshu Campaign', campaign, 'campaign_title') or campaign}"
	return report_workbook(title, columns, rows)


@frappe.whitelist()
@frappe.read_only()  # on the read replica when the site has one (README, *Scale*)
def download_rectification_ledger(campaign: str | None = None, state: str | None = None, overdue_only: int | str | bool = 0):
	send_xlsx(_("Rectification Ledger"), rectification_ledger(campaign, state, overdue_only))


@frappe.whitelist()
@frappe.read_only()  # on the read replica when the site has one (README, *Scale*)
def download_assessment_ranking(year: int | str, campaign: str | None = None):
	send_xlsx(_("{0} Responsibility Assessment Ranking").format(year), assessment_ranking(year, campaign))


@frappe.whitelist()
@frappe.read_only()  # on the read replica when the site has one (README, *Scale*)
def download_commitment_compliance(campaign: str, show_all: int | str | bool = 0):
	send_xlsx(_("Commitment Compliance"), commitment_compliance(campaign, show_all))


@frappe.whitelist()
@frappe.read_only()  # on the read replica when the site has one (README, *Scale*)
def download_archive(cadre: str):
	send_xlsx(_("Integrity Archive") + f"-{cadre}", archive(cadre))
