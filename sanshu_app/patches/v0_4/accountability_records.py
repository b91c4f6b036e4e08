"""Issue 19: consequences become Accountability records (问责).

- A rule set's accountability / referral ticks on its thresholds become consequence rows
  (Evaluation, that outcome; a referral asks verification first and proposes 移送).
- The shipped 000 rule set's fallback 基本满意 (a band the tally did not reach) becomes 待定, awaiting
  the office's decision, when the office has not changed it.
- Every closed evaluation with the accountability or referral tick, and every survey unit with the
  accountability tick, gets a draft Accountability record for the office (once). The ticks stay,
  read only.
- The integrity opinion settings learn the wording of a concluded accountability record.
"""

import frappe

from sanshu_app.rules.integrity_archive import ACCOUNTABILITY
from sanshu_app.setup.default_rule_sets import ONSITE_RATING

DOCTYPE = "Accountability"


def execute():
	frappe.reload_doc("assessment_and_rectification", "doctype", "accountability")
	thresholds_to_rows()
	shipped_fallback()
	evaluations_to_records()
	survey_units_to_records()
	opinion_wording()
	frappe.clear_cache(doctype="Sanshu Rule Set")


def _columns(doctype):
	return set(frappe.db.get_table_columns(doctype)) if frappe.db.table_exists(doctype) else set()


def thresholds_to_rows():
	columns = _columns("Sanshu Rule Threshold")
	if not {"accountability", "referral"} & columns:
		return
	ticked = frappe.db.sql(
		f"""select parent, outcome, {"accountability" if "accountability" in columns else "0"} as accountability,
			{"referral" if "referral" in columns else "0"} as referral
		from `tabSanshu Rule Threshold` where parenttype = 'Sanshu Rule Set' and parentfield = 'thresholds'
			and ({" or ".join(f"{c} = 1" for c in ("accountability", "referral") if c in columns)})
		order by parent, idx""",
		as_dict=True,
	)
	for row in ticked:
		if frappe.db.exists("Sanshu Rule Consequence", {"parent": row.parent, "parenttype": "Sanshu Rule Set", "trigger": "Evaluation", "outcome": row.outcome}):
			continue
		rule_set = frappe.get_doc("Sanshu Rule Set", row.parent)
		rule_set.append(
			"consequences",
			{
				"trigger": "Evaluation",
				"outcome": row.outcome,
				"needs_verification": int(bool(row.referral)),
				"measures": "Referral" if row.referral else "",
				"seed": "",
			},
		)
		rule_set.db_update_all()  # not save: a rule set in use is locked, and this changes no rule


def shipped_fallback():
	if frappe.db.get_value("Sanshu Rule Set", ONSITE_RATING, "fallback_outcome") == "基本满意":
		frappe.db.set_value("Sanshu Rule Set", ONSITE_RATING, {"fallback_outcome": "待定", "fallback_needs_decision": 1}, update_modified=False)


def _draft(values):
	if frappe.db.exists(DOCTYPE, {"source_doctype": values["source_doctype"], "source_name": values["source_name"], "unit": values.get("unit")}):
		return
	doc = frappe.get_doc({"doctype": DOCTYPE, "rule_key": "flag before issue 19", **values})
	doc.flags.ignore_mandatory = True
	doc.insert(ignore_permissions=True)


def evaluations_to_records():
	columns = _columns("Sanshu Evaluation")
	flags = [c for c in ("accountability", "referral") if c in columns]
	if not flags:
		return
	for ev in frappe.get_all(
		"Sanshu Evaluation",
		filters={"docstatus": 1},
		or_filters={flag: 1 for flag in flags},
		fields=["name", "cadre", "unit", "campaign", "rule_set", "outcome", *flags],
	):
		if not ev.cadre:
			continue
		_draft(
			{
				"source_type": "Evaluation",
				"source_doctype": "Sanshu Evaluation",
				"source_name": ev.name,
				"cadre": ev.cadre,
				"unit": ev.unit,
				"campaign": ev.campaign,
				"rule_set": ev.rule_set,
				"figures": ev.outcome,
				"needs_verification": int(bool(ev.get("referral"))),
				"proposed_measures": "移送" if ev.get("referral") else "",
			}
		)


def survey_units_to_records():
	if "accountability" not in _columns("Satisfaction Survey Unit"):
		return
	for row in frappe.get_all(
		"Satisfaction Survey Unit", filters={"accountability": 1, "parenttype": "Satisfaction Survey"}, fields=["parent", "unit", "ranking", "score"]
	):
		_draft(
			{
				"source_type": "Survey Ranking",
				"source_doctype": "Satisfaction Survey",
				"source_name": row.parent,
				"unit": row.unit,
				"cadre": frappe.db.get_value("Sanshu Unit", row.unit, "principal"),
				"figures": f"{row.ranking} · {row.score}",
			}
		)


def opinion_wording():
	settings = "Integrity Opinion Settings"
	if not frappe.db.exists("DocType", settings):
		return
	doc = frappe.get_single(settings)
	if doc.rules and not any(r.fact_kind == ACCOUNTABILITY for r in doc.rules):
		doc.append("rules", {"fact_kind": ACCOUNTABILITY, "wording": "{date}被问责（{document}）：{description}"})
		doc.save(ignore_permissions=True)
