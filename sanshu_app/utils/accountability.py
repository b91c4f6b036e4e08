"""Draft accountability records (问责) from the rule that fired (issue 19).

Every module whose rule creates a consequence calls ``propose``: it reads the rule set's
consequence rows for the source (and, for an evaluation, its outcome) and creates one draft
Accountability record per row and subject for the office, unless that source already has one for
the same row. The record is the office's: it verifies, decides the measures and concludes it
(``sanshu_app.assessment_and_rectification.doctype.accountability``).

May use: ``sanshu_app.rules`` only (and Frappe), as the rest of ``sanshu_app.utils``.
"""

import frappe
from frappe import _

from sanshu_app.rules import accountability as rules

DOCTYPE = "Accountability"


def rule_key(row) -> str:
	"""How a record names the consequence row that fired: trigger, outcome and the seed clause."""
	return " · ".join(p for p in (row.trigger, (row.outcome or "").strip(), (row.seed or "").strip()) if p)[:140]


def rules_for(rule_set, source_type: str, outcome: str | None = None) -> list:
	if not rule_set or not frappe.db.exists("Sanshu Rule Set", rule_set):
		return []
	return frappe.get_cached_doc("Sanshu Rule Set", rule_set).consequence_rules(source_type, outcome)


def propose(source_type, source_doctype, source_name, rule_set, *, cadre=None, unit=None, campaign=None, outcome=None, figures="") -> list[str]:
	"""Draft records for the rule set's rows that fire; the names of those created (none twice)."""
	if not frappe.db.exists("DocType", DOCTYPE):
		return []
	created = []
	for row in rules_for(rule_set, source_type, outcome):
		key = rule_key(row)
		filters = {"source_doctype": source_doctype, "source_name": source_name, "rule_key": key, "cadre": cadre or ("is", "not set"), "unit": unit or ("is", "not set")}
		if frappe.db.exists(DOCTYPE, filters):
			continue
		doc = frappe.get_doc(
			{
				"doctype": DOCTYPE,
				"source_type": source_type,
				"source_doctype": source_doctype,
				"source_name": source_name,
				"cadre": cadre,
				"unit": unit,
				"campaign": campaign,
				"rule_set": rule_set,
				"rule_key": key,
				"figures": figures,
				"proposed_measures": "、".join(_(m) for m in rules.parse_measures(row.measures)) or _("The office decides."),
				"needs_verification": int(bool(row.needs_verification)),
			}
		)
		doc.insert(ignore_permissions=True)
		created.append(doc.name)
	return created


def records_of(source_doctype, source_name) -> list[str]:
	return frappe.get_all(DOCTYPE, filters={"source_doctype": source_doctype, "source_name": source_name}, pluck="name", order_by="creation") if frappe.db.exists("DocType", DOCTYPE) else []
