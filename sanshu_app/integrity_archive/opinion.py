"""The facts an integrity opinion (廉政意见回复) weighs, read from a cadre's archive, and the
settings that say which count and in what words (Integrity Opinion Settings)."""

import frappe
from frappe import _
from frappe.utils import getdate, strip_html

from sanshu_app.rules import integrity_archive as rules
from sanshu_app.rules.integrity_archive import ArchiveFact, OpinionRules

# The shipped wording per kind of fact (the office edits them in Integrity Opinion Settings).
DEFAULT_WORDING = (
	(rules.OVERDUE_RECTIFICATION, "{date}起整改逾期未完成（{document}）：{description}"),
	(rules.OPEN_RECTIFICATION, "{date}起整改尚未完成（{document}）：{description}"),
	(rules.TALK, "{date}受到{description}（{document}）"),
	(rules.EVALUATION_CONSEQUENCE, "{date}民主测评结果为{description}（{document}）"),
	(rules.ASSESSMENT_BELOW_PASS, "{date}所在单位党风廉政建设责任制考核{description}（{document}）"),
	(rules.OPEN_RISK_CARD, "{date}收到廉政风险迹象告知卡，尚未办结（{document}）：{description}"),
	(rules.CASE_ACCOUNTABILITY, "{date}在“一案三查”中被追责（{document}）：{description}"),
	(rules.DECLARATION_OBJECTION, "{date}家庭财产申报公示期间收到异议（{document}）：{description}"),
	(rules.AUDIT_FINDING, "{date}审计发现问题（{document}）：{description}"),
	(rules.ACCOUNTABILITY, "{date}被问责（{document}）：{description}"),
)
SETTINGS = "Integrity Opinion Settings"


def opinion_rules() -> OpinionRules:
	settings = frappe.get_single(SETTINGS)
	wording = {row.fact_kind: row.wording for row in settings.rules} or dict(DEFAULT_WORDING)
	return OpinionRules(
		window_years=settings.window_years or 0,
		wording=wording,
		no_problem_text=settings.no_problem_text or "",
		problem_intro=settings.problem_intro or "",
	)


def counted_talk_types():
	text = frappe.db.get_single_value(SETTINGS, "counted_talk_types") or ""
	return [t.strip() for t in text.splitlines() if t.strip()]


def _text(value, length=80):
	return strip_html(value or "").strip()[:length]


def archive_facts(cadre) -> list[ArchiveFact]:
	"""Every fact in ``cadre``'s archive an opinion may weigh (the settings decide which count)."""
	facts = []
	unit = frappe.db.get_value("Sanshu Cadre", cadre, "unit")
	for r in frappe.get_all(
		"Rectification", filters={"cadre": cadre}, fields=["name", "workflow_state", "overdue", "notice_date", "creation", "problems"]
	):
		still_open = (r.workflow_state or "Draft") not in ("Verified", "Draft")
		on = getdate(r.notice_date or r.creation)
		if still_open:
			facts.append(ArchiveFact(rules.OPEN_RECTIFICATION, "Rectification", r.name, on, _text(r.problems), True))
		if still_open and r.overdue:
			facts.append(ArchiveFact(rules.OVERDUE_RECTIFICATION, "Rectification", r.name, on, _text(r.problems), True))
	talk_types = counted_talk_types()  # held and recorded talks only: a proposed talk is not a fact yet
	for r in frappe.get_all(
		"Integrity Talk", filters={"cadre": cadre, "docstatus": 1, "talk_type": ("in", talk_types or [""])}, fields=["name", "talk_type", "talk_date", "creation"]
	):
		facts.append(ArchiveFact(rules.TALK, "Integrity Talk", r.name, getdate(r.talk_date or r.creation), _(r.talk_type)))
	for r in frappe.get_all(
		"Sanshu Evaluation",
		# accountability is a record of its own now (below), no longer the evaluation's ticks
		filters={"cadre": cadre, "status": "Closed", "rectification_ordered": 1},
		fields=["name", "outcome", "closed_on", "creation"],
	):
		facts.append(ArchiveFact(rules.EVALUATION_CONSEQUENCE, "Sanshu Evaluation", r.name, getdate(r.closed_on or r.creation), _(r.outcome or "")))
	for r in frappe.get_all(
		"Responsibility Assessment",
		filters={"unit": unit, "grade": "Below Pass Mark", "workflow_state": ("in", ("Approved", "Notified"))},
		fields=["name", "total_score", "approved_on", "notified_on", "creation"],
	):
		score = _("{0} points, {1}").format(f"{r.total_score or 0:g}", _("Below Pass Mark"))
		facts.append(ArchiveFact(rules.ASSESSMENT_BELOW_PASS, "Responsibility Assessment", r.name, getdate(r.approved_on or r.notified_on or r.creation), score))
	for r in frappe.get_all(
		"Risk Notification Card",
		filters={"cadre": cadre, "workflow_state": ("not in", ("Closed", "Cancelled", "Draft"))},
		fields=["name", "issue_date", "creation", "risk_level"],
	):
		facts.append(ArchiveFact(rules.OPEN_RISK_CARD, "Risk Notification Card", r.name, getdate(r.issue_date or r.creation), _(r.risk_level or ""), True))
	from sanshu_app.integrity_archive.archive_rows import CASE_ROLES

	for cadre_field, finding, outcome, responsibility in CASE_ROLES:
		for r in frappe.get_all("Case Accountability", filters={cadre_field: cadre}, fields=["name", "case_title", "case_date", finding, outcome]):
			description = "；".join(p for p in (_(responsibility), r.case_title, r.get(finding), r.get(outcome)) if p)
			facts.append(ArchiveFact(rules.CASE_ACCOUNTABILITY, "Case Accountability", r.name, getdate(r.case_date), description))
	for r in frappe.get_all("Asset Declaration", filters={"cadre": cadre}, fields=["name", "declaration_date", "check_result"]):
		objections = frappe.get_all(
			"Asset Declaration Objection", filters={"parent": r.name, "parenttype": "Asset Declaration"}, fields=["received_on", "check_result"], order_by="idx"
		)
		if objections:
			description = "；".join(_text(o.check_result or "", 60) or _("check pending") for o in objections)
			facts.append(ArchiveFact(rules.DECLARATION_OBJECTION, "Asset Declaration", r.name, getdate(objections[0].received_on or r.declaration_date), description))
	for r in frappe.get_all(
		"Accountability", filters={"cadre": cadre, "status": "Concluded"}, fields=["name", "source_type", "concluded_on", "conclusion", "creation"]
	):
		measures = frappe.get_all("Accountability Measure", filters={"parent": r.name, "parenttype": "Accountability"}, pluck="measure", order_by="idx")
		description = "；".join(p for p in (_(r.source_type), "、".join(_(m) for m in measures), _text(r.conclusion, 60)) if p)
		facts.append(ArchiveFact(rules.ACCOUNTABILITY, "Accountability", r.name, getdate(r.concluded_on or r.creation), description))
	from sanshu_app.integrity_archive.archive_rows import audit_findings_about

	for r in audit_findings_about(cadre, ["name", "report_date", "finding"]):
		facts.append(ArchiveFact(rules.AUDIT_FINDING, "Audit Finding", r.name, getdate(r.report_date), _text(r.finding)))
	return facts
