# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt
"""One row per cadre of a campaign: report, inquiries, evaluation outcome and its consequences."""

import frappe
from frappe import _

from sanshu_app.reporting_and_evaluation.report.sanshu_late_and_missing_reports.sanshu_late_and_missing_reports import report_rows
from sanshu_app.rules.inquiries import OPEN, OVERDUE
from sanshu_app.utils import is_office


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not filters.campaign:
		frappe.throw(_("Choose a campaign."), title=_("Campaign Required"))
	return columns(), rows(filters.campaign)


def columns():
	return [
		{"fieldname": "cadre_name", "label": _("Cadre"), "fieldtype": "Data", "width": 110},  # one column: the name, linked to the cadre by the formatter
		{"fieldname": "unit", "label": _("Unit"), "fieldtype": "Link", "options": "Sanshu Unit", "width": 150},
		{"fieldname": "report", "label": _("Sanshu Report"), "fieldtype": "Link", "options": "Sanshu Report", "width": 100},
		{"fieldname": "report_status", "label": _("Report Status"), "fieldtype": "Data", "width": 90},
		{"fieldname": "standing", "label": _("Standing"), "fieldtype": "Data", "width": 90},
		{"fieldname": "inquiries", "label": _("Inquiries"), "fieldtype": "Int", "width": 80},
		{"fieldname": "inquiries_open", "label": _("Inquiries Open"), "fieldtype": "Int", "width": 90},
		{"fieldname": "inquiries_overdue", "label": _("Inquiries Overdue"), "fieldtype": "Int", "width": 90},
		{"fieldname": "evaluation", "label": _("Evaluation"), "fieldtype": "Link", "options": "Sanshu Evaluation", "width": 100},
		{"fieldname": "evaluation_status", "label": _("Evaluation Status"), "fieldtype": "Data", "width": 90},
		{"fieldname": "outcome", "label": _("Outcome"), "fieldtype": "Data", "width": 110},
		{"fieldname": "consequences", "label": _("Consequences"), "fieldtype": "Data", "width": 220},
		{"fieldname": "integrity_talk", "label": _("Integrity Talk"), "fieldtype": "Link", "options": "Integrity Talk", "width": 100},
		{"fieldname": "rectification", "label": _("Rectification"), "fieldtype": "Data", "width": 120},
		{"fieldname": "rectification_ordered", "label": _("Rectification Ordered"), "fieldtype": "Check", "width": 80},
		# the accountability records (问责) the evaluation created, with their status (issue 19); office only
		{"fieldname": "accountability", "label": _("Accountability"), "fieldtype": "Data", "width": 160},
	]


def rows(campaign):
	inquiries = {}
	for inquiry in frappe.get_list("Sanshu Inquiry", filters={"campaign": campaign}, fields=["cadre", "status"], limit_page_length=0):
		counts = inquiries.setdefault(inquiry.cadre, {"inquiries": 0, "inquiries_open": 0, "inquiries_overdue": 0})
		counts["inquiries"] += 1
		if inquiry.status == OPEN:
			counts["inquiries_open"] += 1
		if inquiry.status == OVERDUE:
			counts["inquiries_overdue"] += 1
	evaluations = {
		e.cadre: e
		for e in frappe.get_list(
			"Sanshu Evaluation",
			filters={"campaign": campaign, "docstatus": ("<", 2)},
			fields=["name", "cadre", "status", "outcome", "consequences", "integrity_talk", "rectification", "rectification_ordered"],
			limit_page_length=0,
		)
	}
	records = {}
	if evaluations and is_office():  # accountability records are the office's alone
		for r in frappe.get_all(
			"Accountability",
			filters={"source_doctype": "Sanshu Evaluation", "source_name": ("in", [e.name for e in evaluations.values()])},
			fields=["name", "source_name", "status"],
			order_by="creation",
		):
			records.setdefault(r.source_name, []).append(f"{r.name}（{_(r.status)}）")
	result = []
	for row in report_rows(campaign, include_all=True):
		counts = inquiries.get(row["cadre"], {})
		row["overdue"] = int(row.pop("overdue", 0) or bool(counts.get("inquiries_overdue")))
		row.pop("standing_key", None)
		for key in ("due_date", "submitted_on", "days_late"):
			row.pop(key, None)
		row.update(inquiries.get(row["cadre"], {"inquiries": 0, "inquiries_open": 0, "inquiries_overdue": 0}))
		evaluation = evaluations.get(row["cadre"])
		if evaluation:
			row.update(
				{
					"evaluation": evaluation.name,
					"evaluation_status": _(evaluation.status),
					"outcome": evaluation.outcome,
					"consequences": evaluation.consequences,
					"integrity_talk": evaluation.integrity_talk,
					"rectification": evaluation.rectification,
					"rectification_ordered": evaluation.rectification_ordered,
					"accountability": "、".join(records.get(evaluation.name, [])),
				}
			)
		result.append(row)
	return result
