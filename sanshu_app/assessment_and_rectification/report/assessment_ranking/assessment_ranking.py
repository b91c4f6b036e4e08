# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _

from sanshu_app.rules.assessment import BELOW_PASS_MARK, rank


def execute(filters=None):
	filters = frappe._dict(filters or {})
	return columns(), data(filters)


def columns():
	return [
		{"fieldname": "rank", "label": _("Ranking Place"), "fieldtype": "Int", "width": 70},
		{"fieldname": "unit", "label": _("Unit"), "fieldtype": "Link", "options": "Sanshu Unit", "width": 200},
		{"fieldname": "assessment", "label": _("Responsibility Assessment"), "fieldtype": "Link", "options": "Responsibility Assessment", "width": 150},
		{"fieldname": "self_total", "label": _("Self-assessment Total"), "fieldtype": "Float", "width": 110},
		{"fieldname": "special_score", "label": _("Special Inspection Score"), "fieldtype": "Float", "width": 110},
		{"fieldname": "routine_score", "label": _("Routine Inspection Score"), "fieldtype": "Float", "width": 110},
		{"fieldname": "total_score", "label": _("Total Score"), "fieldtype": "Float", "width": 100},
		{"fieldname": "grade", "label": _("Grade"), "fieldtype": "Data", "width": 110},
		{"fieldname": "state", "label": _("Status"), "fieldtype": "Data", "width": 100},
		{"fieldname": "explanation", "label": _("Written Explanation"), "fieldtype": "Data", "width": 120},
	]


def data(filters):
	if not filters.get("year"):
		frappe.throw(_("Choose a year."), title=_("Assessment Ranking"))
	conditions = {"year": filters.year}
	if filters.get("campaign"):
		conditions["campaign"] = filters.campaign
	docs = frappe.get_list(
		"Responsibility Assessment",
		filters=conditions,
		fields=["name", "unit", "self_total", "special_score", "routine_score", "total_score", "grade", "workflow_state", "explanation_filed_on"],
		limit_page_length=0,
	)
	by_name = {d.name: d for d in docs}
	rows = []
	for name, total, place in rank([(d.name, d.total_score if d.grade else None) for d in docs]):
		d = by_name[name]
		explanation = ""
		if d.grade == BELOW_PASS_MARK:
			explanation = _("Explanation Filed") if d.explanation_filed_on else _("Explanation Outstanding")
		rows.append(
			{
				"rank": place,
				"unit": d.unit,
				"assessment": d.name,
				"self_total": d.self_total,
				"special_score": d.special_score,
				"routine_score": d.routine_score,
				"total_score": d.total_score if d.grade else None,
				"grade": _(d.grade) if d.grade else "",
				"state": _(d.workflow_state) if d.workflow_state else "",
				"explanation": explanation,
			}
		)
	return rows
