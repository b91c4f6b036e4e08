# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import today

from sanshu_app.rules import rectification as rules
from sanshu_app.rules.messages import RuleViolation
from sanshu_app.setup.default_rule_sets import CAMPAIGN_DEFAULTS_ALL_SCHEMES
from sanshu_app.utils import deadline_from, deadline_rule, is_office, throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument

# The kind of source a rectification comes from, by the document type it links to.
SOURCE_TYPES = {
	"Sanshu Evaluation": "Evaluation",
	"Responsibility Assessment": "Responsibility Assessment",
	"Sanshu Inquiry": "Inquiry",
	"Risk Notification Card": "Risk Notification Card",
	"Audit Finding": "Audit",
}


OFFICE_FIELDS = (
	"source_type", "source_doctype", "source_name", "campaign", "cadre", "unit", "notice_type", "notice_date",
	"rule_set", "problems", "verification_opinion", "outcome", "report_at_campaign",
)  # fmt: skip


class Rectification(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.assessment_and_rectification.doctype.rectification_measure.rectification_measure import RectificationMeasure

		cadre: DF.Link | None
		campaign: DF.Link | None
		document_number: DF.Data | None
		integrity_talk: DF.DynamicLink | None
		issuer: DF.Data | None
		measures: DF.Table[RectificationMeasure]
		notice_date: DF.Date | None
		notice_type: DF.Literal["Rectification Notice", "Rectification Recommendation"]
		outcome: DF.SmallText | None
		overdue: DF.Check
		overdue_since: DF.Date | None
		plan: DF.TextEditor | None
		problems: DF.TextEditor | None
		progress_report: DF.TextEditor | None
		report_at_campaign: DF.Link | None
		report_attachment: DF.Attach | None
		report_due_date: DF.Date | None
		report_reminded_on: DF.Date | None
		reported_on: DF.Date | None
		return_reason: DF.SmallText | None
		rule_set: DF.Link | None
		source_doctype: DF.Link | None
		source_name: DF.DynamicLink | None
		source_type: DF.Literal["", "Evaluation", "Responsibility Assessment", "Inquiry", "Risk Notification Card", "Inspection", "Audit", "Other"]
		subject_name: DF.Data | None
		talk_doctype: DF.Link | None
		talk_proposed: DF.Check
		unit: DF.Link | None
		verification_opinion: DF.SmallText | None
		verified_by: DF.Link | None
		verified_on: DF.Date | None
		workflow_state: DF.Link | None
	# end: auto-generated types

	def validate(self):
		self.fill_defaults()
		state = self.workflow_state or "Draft"
		old = self.get_doc_before_save()
		old_state = (old.workflow_state or "Draft") if old else None
		problems = rules.check_step(old_state, state)
		problems += self.check_source()
		problems += self.check_office_fields(old)
		problems += rules.check_return_reason(old_state, state, self.return_reason)
		problems += rules.check_state_needs(state, self.as_rule_input())
		if state == "Plan Submitted" and old_state != state:
			problems += self.check_assessment_explanation()
		throw_violations(problems)
		if rules.issues_notice(old_state, state):
			self.flags.notice_issued = True
		if state == "Notice Issued" and old_state != state:
			self.report_due_date = deadline_from(self.rule_set_for("Rectification Report"), "Rectification Report", self.notice_date)
		if state == "Reported" and old_state != state:
			self.reported_on = today()
		if state == "Verified" and old_state != state:
			self.verified_on = today()
			self.verified_by = frappe.session.user
			self.overdue = 0
		if state not in rules.OPEN_STATES:
			self.overdue = 0
		for row in self.measures:
			if row.status == rules.COMPLETED:
				row.overdue = 0
				row.completed_on = row.completed_on or today()

	def fill_defaults(self):
		if self.source_doctype and not self.source_type:
			self.source_type = SOURCE_TYPES.get(self.source_doctype, "Other")
		if self.cadre and not self.unit:
			self.unit = frappe.db.get_value("Sanshu Cadre", self.cadre, "unit")
		self.subject_name = (self.cadre and frappe.db.get_value("Sanshu Cadre", self.cadre, "full_name")) or self.unit
		old = self.get_doc_before_save()
		old_state = (old.workflow_state or "Draft") if old else None
		if rules.issues_notice(old_state, self.workflow_state or "Draft"):
			# 003 §20: the 30 days run from the written notice, so issuing it dates it (an
			# evaluation's closing or a date typed into a draft does not).
			if old_state or not self.notice_date:
				self.notice_date = today()
		elif (self.workflow_state or "Draft") == "Draft":
			self.notice_date = None
		if self.campaign and not self.report_at_campaign:
			self.report_at_campaign = frappe.db.get_value("Sanshu Campaign", {"previous_campaign": self.campaign})

	def on_update(self):
		if self.flags.pop("notice_issued", None):
			self.tell_subject_of_notice()

	def tell_subject_of_notice(self):
		"""Issuing the notice tells its subject (the cadre, else the unit's leadership): a
		notification (and its email, by the user's notification settings); the to-do is on their home."""
		for user in self.subject_users():
			lang = frappe.db.get_value("User", user, "language") or frappe.db.get_default("lang") or "zh"
			subject = frappe._("Rectification notice {0} was issued to you; report on the rectification by {1}.", lang=lang).format(
				self.name, self.report_due_date or "-"
			)
			frappe.get_doc(
				{
					"doctype": "Notification Log",
					"subject": subject,
					"for_user": user,
					"type": "Alert",
					"document_type": self.doctype,
					"document_name": self.name,
					"from_user": frappe.session.user,
				}
			).insert(ignore_permissions=True)

	def subject_users(self):
		if self.cadre:
			user = frappe.db.get_value("Sanshu Cadre", self.cadre, "user")
			return [user] if user else []
		if not self.unit:
			return []
		leaders = frappe.db.get_value("Sanshu Unit", self.unit, ["principal", "discipline_officer"]) or ()
		users = [frappe.db.get_value("Sanshu Cadre", c, "user") for c in leaders if c]
		return sorted({u for u in users if u})

	def check_office_fields(self, old):
		"""The notice, its subject and the verification belong to the office; the cadre or unit
		writes only the plan, the measures and the report."""
		if not old or is_office():
			return []
		changed = [f for f in OFFICE_FIELDS if (old.get(f) or "") != (self.get(f) or "")]
		return [RuleViolation("Only the office can change {0}.", (_(self.meta.get_label(f)),)) for f in changed]

	def check_assessment_explanation(self):
		"""Below the pass mark the unit files a written explanation with its rectification plan (seed 002 五(二))."""
		if self.source_doctype != "Responsibility Assessment" or not self.source_name:
			return []
		if frappe.db.get_value("Responsibility Assessment", self.source_name, "explanation_filed_on"):
			return []
		return [RuleViolation("File the written explanation on assessment {0} before submitting the plan.", (self.source_name,))]

	def check_source(self):
		if self.source_name and not self.source_doctype:
			return [RuleViolation("Choose the type of the source document.")]
		if self.source_doctype and self.source_name and not frappe.db.exists(self.source_doctype, self.source_name):
			return [RuleViolation("Source document {0} {1} does not exist.", (self.source_doctype, self.source_name))]
		return []

	def as_rule_input(self):
		values = self.as_dict()
		values["measures"] = [
			{"measure": m.measure, "owner": m.owner_cadre, "deadline": m.deadline, "status": m.status} for m in self.measures
		]
		return values

	def rule_set_for(self, deadline_type):
		"""The first rule set that sets ``deadline_type``: this record's, the campaign's, the shipped one."""
		for rule_set in self.rule_sets():
			if deadline_rule(rule_set, deadline_type):
				return rule_set
		return None

	def rule_sets(self):
		candidates = [self.rule_set]
		if self.campaign:
			candidates += list(frappe.db.get_value("Sanshu Campaign", self.campaign, ["deadline_rule_set", "assessment_rule_set"]) or ())
		candidates.append(CAMPAIGN_DEFAULTS_ALL_SCHEMES["deadline_rule_set"])
		return [c for c in candidates if c]

	def due(self, deadline_type, start):
		rule_set = self.rule_set_for(deadline_type)
		return deadline_from(rule_set, deadline_type, start) if rule_set and start else None


