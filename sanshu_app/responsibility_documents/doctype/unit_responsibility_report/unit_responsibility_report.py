# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""A unit's own report on its 责任制, one per unit, year and kind (rules.unit_reports): the
年度落实党风廉政建设责任制情况报告, the 责任分解 (the work-plan tasks it leads, with its measures)
and the 自查报告 with its self-score. The unit writes it; its 主体责任人 (principal) and
监督责任人 (discipline officer) review it (审阅意见) and sign it in that order (rules.signing, as
the letters); the unit submits it to the office, which receives it or returns it (001 §三3)."""

import frappe
from frappe import _
from frappe.utils import cint, flt, getdate, now_datetime, today

from sanshu_app.permissions.scoped_document import ScopedDocument
from sanshu_app.responsibility_documents.common import guard_signature_fields, notify_signers
from sanshu_app.rules import signing
from sanshu_app.rules import unit_reports as rules
from sanshu_app.utils import OFFICE_ROLES, current_cadre, office_language, refuse, require_roles, throw_violations

SIGNATURE_FIELDS = ("review_opinion", "opinion_at", "signed_at")
STAGES = {rules.UNDER_REVIEW: signing.REVIEW, rules.AWAITING_SIGNATURE: signing.SIGNING}
DUE_FIELDS = {rules.YEAR_END: "year_end_report_due", rules.SELF_INSPECTION: "self_inspection_report_due", rules.BREAKDOWN: "breakdown_due"}
ASSESSMENT = "Responsibility Assessment"
TASK = "Sanshu Work Plan Task"
REPORTING_UNIT_TYPES = ("Township", "County Department", "Industrial Park")


def content(doc):
	"""What the reviewers and signers put their names to."""
	return (
		doc.report_kind,
		doc.unit,
		cint(doc.year),
		str(doc.self_score if doc.self_score is not None else ""),
		[(r.heading or "", r.content or "") for r in doc.sections],
		[(r.work_plan_task or "", r.measures or "") for r in doc.tasks],
	)


def rule_set_for(year) -> str | None:
	"""The assessment rule set of the year's campaign, else the first one enabled."""
	for campaign in frappe.get_all("Sanshu Campaign", filters={"year": cint(year)}, fields=["assessment_rule_set"], order_by="creation asc"):
		if campaign.assessment_rule_set:
			return campaign.assessment_rule_set
	found = frappe.get_all("Sanshu Rule Set", filters={"purpose": "Responsibility Assessment", "disabled": 0}, pluck="name", order_by="creation asc", limit=1)
	return found[0] if found else None


class UnitResponsibilityReport(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.responsibility_documents.doctype.unit_report_section.unit_report_section import UnitReportSection
		from sanshu_app.responsibility_documents.doctype.unit_report_signature.unit_report_signature import UnitReportSignature
		from sanshu_app.responsibility_documents.doctype.unit_report_task.unit_report_task import UnitReportTask

		due_date: DF.Date | None
		late: DF.Check
		received_by: DF.Link | None
		received_on: DF.Datetime | None
		report_kind: DF.Literal["Year-End Report", "Responsibility Breakdown", "Self-Inspection Report"]
		return_reason: DF.SmallText | None
		rule_set: DF.Link | None
		sections: DF.Table[UnitReportSection]
		self_score: DF.Float
		signatures: DF.Table[UnitReportSignature]
		status: DF.Literal["Draft", "Under Review", "Awaiting Signature", "Signed", "Submitted", "Received"]
		submitted_on: DF.Datetime | None
		tasks: DF.Table[UnitReportTask]
		title: DF.Data | None
		unit: DF.Link
		year: DF.Int
	# end: auto-generated types

	def validate(self):
		if not 2000 <= cint(self.year) <= 2999:
			refuse("The report's year must be a year such as 2026.")
		duplicate = frappe.db.exists("Unit Responsibility Report", {"unit": self.unit, "year": self.year, "report_kind": self.report_kind, "name": ("!=", self.name)})
		if duplicate:
			refuse("{0} has its {1} for {2} already: {3}.", self.unit, _(self.report_kind), self.year, duplicate)
		if self.is_new():
			self.status = rules.DRAFT
			self.rule_set = rule_set_for(self.year)
			self.fill()
		with office_language():
			self.title = _("{0} {1}: {2}").format(self.unit, self.year, _(self.report_kind))
		settings = frappe.db.get_value("Sanshu Rule Set", self.rule_set, DUE_FIELDS[self.report_kind]) if self.rule_set else None
		self.due_date = rules.due_date(cint(self.year), settings, self.report_kind)
		guard_signature_fields(self, "signatures", SIGNATURE_FIELDS)
		self.check_frozen()

	def fill(self):
		"""Sections from the rule set (the seeds' headings by default), the tasks it leads, and its signers."""
		if self.report_kind != rules.BREAKDOWN and not self.sections:
			headings = frappe.db.get_value("Sanshu Rule Set", self.rule_set, "unit_report_sections") if self.rule_set else ""
			for heading in rules.sections_from(headings):
				self.append("sections", {"heading": heading})
		if self.report_kind == rules.BREAKDOWN:
			self.fill_tasks()
		self.fill_signers()

	def fill_tasks(self):
		plans = frappe.get_all("Sanshu Work Plan", filters={"year": cint(self.year)}, pluck="name")
		co_led = frappe.get_all("Work Plan Task Unit", filters={"parenttype": TASK, "parentfield": "lead_units", "unit": self.unit}, pluck="parent")
		led = frappe.get_all(
			TASK,
			filters={"work_plan": ("in", plans or [""])},
			or_filters={"lead_unit": self.unit, "name": ("in", co_led or [""])},
			fields=["name", "content", "lead_unit", "deadline"],
			order_by="deadline asc, name asc",
		)
		kept = {r.work_plan_task: r.measures for r in self.tasks}
		self.set("tasks", [])
		for task in led:
			part = _("Lead") if task.lead_unit == self.unit else _("Co-lead")
			self.append("tasks", {"work_plan_task": task.name, "task": task.content, "part": part, "deadline": task.deadline, "measures": kept.get(task.name)})

	def fill_signers(self):
		principal, officer = frappe.db.get_value("Sanshu Unit", self.unit, ["principal", "discipline_officer"]) or (None, None)
		self.set("signatures", [])
		for signer, capacity in ((principal, signing.PRINCIPAL), (officer, signing.SUPERVISOR)):
			if signer:
				self.append("signatures", {"signer": signer, "capacity": capacity})

	def check_frozen(self):
		"""Once sent for review the report stays as reviewed: the office returns it to change it."""
		before = self.get_doc_before_save()
		if not before or self.flags.signing or before.status == rules.DRAFT:
			return
		if content(before) != content(self):
			refuse("The report is under review, signed or submitted: it is changed only after the office returns it to draft.")

	# -- what the viewing user may do ----------------------------------------------------------
	def onload(self):
		actor = current_cadre()
		rows = self.signature_rows()
		stage = STAGES.get(self.status)
		self.set_onload(
			"my_turn",
			{
				"opinion": [r.key for r in rows if actor and r.signer == actor and not r.opinion and not signing.check_opinion(rows, r.key, actor, stage)],
				"sign": [r.key for r in signing.next_to_sign(rows) if actor and r.signer == actor and stage == signing.SIGNING and not signing.check_sign(rows, r.key, actor, stage)],
				"send": int(self.status == rules.DRAFT and self.has_permission("write")),
				"submit": int(self.status == rules.SIGNED and self.has_permission("write")),
				"receive": int(self.status == rules.SUBMITTED and bool(set(frappe.get_roles()) & set(OFFICE_ROLES))),
			},
		)

	def signature_rows(self):
		return [
			signing.SignatureRow(key=row.name or str(row.idx), signer=row.signer, capacity=row.capacity, opinion=row.review_opinion, signed=bool(row.signed_at))
			for row in self.signatures
		]

	def render(self, violations):
		from sanshu_app.rules.messages import RuleViolation

		names = {r.signer: frappe.db.get_value("Sanshu Cadre", r.signer, "full_name") or r.signer for r in self.signature_rows()}
		return [RuleViolation(v.template, tuple(", ".join(names.get(p, p) for p in x.split(", ")) if isinstance(x, str) else x for x in v.values)) for v in violations]

	def act(self, status=None):
		self.flags.signing = True
		if status:
			self.status = status
		self.save(ignore_permissions=True)

	# -- the flow ------------------------------------------------------------------------------
	@frappe.whitelist()
	def send_for_review(self):
		"""The unit sends its finished report to its principal and discipline officer for review."""
		self.check_permission("write")
		if self.status != rules.DRAFT:
			refuse("Only a draft is sent for review.")
		problems = []
		if self.report_kind == rules.BREAKDOWN:
			if not self.tasks:
				refuse("The unit leads no task in {0}'s work plans: there is nothing to break down.", self.year)
			missing = [r.idx for r in self.tasks if not (r.measures or "").strip()]
			if missing:
				refuse("Write the measures of task rows {0}.", "、".join(str(i) for i in missing))
		else:
			unwritten = rules.unwritten_sections([(r.heading, r.content) for r in self.sections])
			if unwritten:
				refuse("Write every section before review: {0}.", "；".join(unwritten))
		if self.report_kind == rules.SELF_INSPECTION:
			max_score = frappe.db.get_value("Sanshu Rule Set", self.rule_set, "max_score") if self.rule_set else 100
			problems += rules.check_self_score(self.self_score if flt(self.self_score) else None, float(max_score or 100))
		throw_violations(problems, title=_("Not Sent"))
		self.fill_signers()
		capacities = {r.capacity for r in self.signatures}
		if capacities != {signing.PRINCIPAL, signing.SUPERVISOR}:
			refuse("The unit needs a principal and a discipline officer (set on the unit) to review and sign the report.")
		self.return_reason = None
		self.act(rules.UNDER_REVIEW)
		notify_signers(self, [r.signer for r in self.signatures], _("{0} awaits your review opinion.").format(self.title))
		return self.status

	@frappe.whitelist()
	def give_opinion(self, opinion: str):
		"""The 主体责任人 or 监督责任人 writes their 审阅意见; with both in, the signing begins."""
		actor = current_cadre()
		rows = self.signature_rows()
		mine = [r for r in rows if actor and r.signer == actor and not r.opinion]
		if not mine:
			refuse("You are not named among the reviewers of this report, or have given your opinion.")
		throw_violations(self.render(signing.check_opinion(rows, mine[0].key, actor, STAGES.get(self.status))), title=_("Not Allowed"))
		if not (opinion or "").strip():
			refuse("Write the review opinion.")
		row = self.get("signatures", {"name": mine[0].key})[0]
		row.review_opinion, row.opinion_at = opinion.strip(), now_datetime()
		rows = self.signature_rows()
		if not signing.missing_opinions(rows):
			self.act(rules.AWAITING_SIGNATURE)
			notify_signers(self, [r.signer for r in signing.next_to_sign(rows)], _("{0} awaits your signature.").format(self.title))
		else:
			self.act()
		return self.status

	@frappe.whitelist()
	def sign(self):
		"""The named signer signs, in turn: the 主体责任人, then the 监督责任人."""
		actor = current_cadre()
		before = self.signature_rows()
		mine = [r for r in before if actor and r.signer == actor and not r.signed]
		if not mine:
			refuse("You are not named among the signers of this report, or have signed it.")
		throw_violations(self.render(signing.check_sign(before, mine[0].key, actor, STAGES.get(self.status))), title=_("Not Allowed"))
		self.get("signatures", {"name": mine[0].key})[0].signed_at = now_datetime()
		after = self.signature_rows()
		if signing.all_signed(after):
			self.act(rules.SIGNED)
		else:
			self.act()
			notify_signers(self, [r.signer for r in signing.newly_due(before, after)], _("{0} awaits your signature.").format(self.title))
		return self.status

	@frappe.whitelist()
	def submit_to_office(self):
		"""The unit submits its signed report to the office: dated, and late past its due day."""
		self.check_permission("write")
		if self.status != rules.SIGNED:
			refuse("The report is submitted once its principal and discipline officer have signed it.")
		self.submitted_on = now_datetime()
		self.late = int(rules.is_late(getdate(self.due_date), self.submitted_on))
		self.act(rules.SUBMITTED)
		if self.report_kind == rules.SELF_INSPECTION:
			# 002 六: the assessment of the unit's year links the 自查报告 and its self-score.
			for name in frappe.get_all(ASSESSMENT, filters={"unit": self.unit, "year": self.year}, pluck="name"):
				frappe.db.set_value(ASSESSMENT, name, {"self_inspection_report": self.name, "reported_self_score": self.self_score}, update_modified=False)
		return self.status

	@frappe.whitelist()
	def receive(self):
		"""The office receives the submitted report."""
		require_roles(OFFICE_ROLES)
		if self.status != rules.SUBMITTED:
			refuse("Only a submitted report is received.")
		self.received_on, self.received_by = now_datetime(), frappe.session.user
		self.act(rules.RECEIVED)
		return self.status

	@frappe.whitelist()
	def return_to_draft(self, reason: str):
		"""The office sends the report back to the unit, with the reason; the signatures start again."""
		require_roles(OFFICE_ROLES)
		if self.status == rules.DRAFT:
			refuse("The report is a draft already.")
		if not (reason or "").strip():
			refuse("Give the reason for returning the report to draft.")
		for row in self.signatures:
			for field in SIGNATURE_FIELDS:
				row.set(field, None)
		self.return_reason, self.submitted_on, self.late, self.received_on, self.received_by = reason.strip(), None, 0, None, None
		self.act(rules.DRAFT)
		self.add_comment("Comment", _("Returned to draft: {0}").format(reason.strip()))
		return self.status

	@frappe.whitelist()
	def refresh_tasks(self):
		"""A draft 责任分解 brought up to the year's work plans (the measures written are kept)."""
		self.check_permission("write")
		if self.report_kind != rules.BREAKDOWN or self.status != rules.DRAFT:
			refuse("Only a draft responsibility breakdown takes the work plan's tasks again.")
		self.fill_tasks()
		self.act()
		return len(self.tasks)


def standing(report_kind: str, year: int, on=None) -> list:
	"""Every unit's standing with the year's report of ``report_kind``: missing and overdue first,
	then late, on time, not yet due (the office's list)."""
	on = getdate(on or today())
	reports = {
		r.unit: r
		for r in frappe.get_all("Unit Responsibility Report", filters={"report_kind": report_kind, "year": cint(year)}, fields=["name", "unit", "status", "submitted_on", "due_date"])
	}
	campaigns = frappe.get_all("Sanshu Campaign", filters={"year": cint(year)}, pluck="name")
	units = sorted(set(frappe.get_all("Sanshu Campaign Unit", filters={"parenttype": "Sanshu Campaign", "parent": ("in", campaigns or [""])}, pluck="unit")))
	if not units:  # no campaign that year: the 乡镇, 县直 and parks, which report to the county
		units = frappe.get_all("Sanshu Unit", filters={"unit_type": ("in", REPORTING_UNIT_TYPES)}, pluck="name")
	units = sorted(set(units) | set(reports))
	rule_set = rule_set_for(year)
	setting = frappe.db.get_value("Sanshu Rule Set", rule_set, DUE_FIELDS[report_kind]) if rule_set else None
	due = rules.due_date(cint(year), setting, report_kind)
	return rules.standing(units, reports, due, on)
