# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import getdate, nowdate, strip_html

from sanshu_app.rules.reports import section_violations, submission_violations
from sanshu_app.rules.schemes import sections_for
from sanshu_app.utils import is_office, throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument

SUBMITTED, ACCEPTED, RETURNED, DRAFT = "Submitted", "Accepted", "Returned", "Draft"

class SanshuReport(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.reporting_and_evaluation.doctype.sanshu_report_section.sanshu_report_section import SanshuReportSection

		accepted_on: DF.Date | None
		attachment: DF.Attach | None
		cadre: DF.Link
		cadre_name: DF.Data | None
		cadre_user: DF.Link | None
		campaign: DF.Link
		due_date: DF.Date | None
		publish_before_meeting: DF.Check
		report_mode: DF.Literal["Written Report", "Meeting Report"]
		return_reason: DF.SmallText | None
		scheme: DF.Literal["Responsibility, Integrity and Ethics", "Responsibility, Integrity and Risk", "Work, Responsibility and Integrity"]
		sections: DF.Table[SanshuReportSection]
		submitted_on: DF.Date | None
		unit: DF.Link | None
		workflow_state: DF.Link | None
	# end: auto-generated types

	def validate(self):
		self.fill_from_campaign()
		self.validate_one_per_cadre()
		self.validate_cadre_in_campaign()
		throw_violations(section_violations(self.required_sections(), [row.section for row in self.sections]), title=_("Invalid Report"))
		self.apply_state()

	def fill_from_campaign(self):
		campaign = frappe.db.get_value(
			"Sanshu Campaign",
			self.campaign,
			["scheme", "report_due_date", "publish_reports_before_meeting"],
			as_dict=True,
		)
		self.scheme = campaign.scheme
		self.due_date = campaign.report_due_date
		self.publish_before_meeting = campaign.publish_reports_before_meeting
		if self.is_new():
			mode = frappe.db.get_value("Sanshu Campaign Cadre", {"parent": self.campaign, "parenttype": "Sanshu Campaign", "cadre": self.cadre}, "report_mode")
			if mode:
				self.report_mode = mode
		if not self.sections:
			for section in self.required_sections():
				self.append("sections", {"section": section})

	def required_sections(self):
		return sections_for(self.scheme)

	def validate_one_per_cadre(self):
		other = frappe.db.exists("Sanshu Report", {"campaign": self.campaign, "cadre": self.cadre, "name": ("!=", self.name)})
		if other:
			frappe.throw(_("{0} already has a report for this campaign: {1}.").format(self.cadre_name or self.cadre, other), title=_("Duplicate Report"))

	def validate_cadre_in_campaign(self):
		if not frappe.db.exists("Sanshu Campaign Cadre", {"parent": self.campaign, "parenttype": "Sanshu Campaign", "cadre": self.cadre}):
			frappe.throw(_("{0} does not take part in campaign {1}.").format(self.cadre_name or self.cadre, self.campaign), title=_("Not a Participant"))

	def apply_state(self):
		state = self.workflow_state or DRAFT
		before = self.get_doc_before_save()
		if (self.return_reason or "") != ((before.return_reason if before else None) or "") and not is_office():
			frappe.throw(_("Only the Sanshu office can give the reason for returning a report."), title=_("Not Permitted"), exc=frappe.PermissionError)
		previous = before.workflow_state if before else None
		if state == previous:
			if state in (SUBMITTED, ACCEPTED) and before and self.content_changed(before):
				frappe.throw(_("A submitted report cannot be changed; ask the office to return it."), title=_("Report Locked"))
			return
		if state == SUBMITTED:
			throw_violations(
				submission_violations({row.section: strip_html(row.content or "") for row in self.sections}, self.attachment),
				title=_("Report Incomplete"),
			)
			self.submitted_on = nowdate()
		elif state == RETURNED:
			if not (self.return_reason or "").strip():
				frappe.throw(_("Give the reason for returning the report."), title=_("Reason Required"))
		elif state == ACCEPTED:
			self.accepted_on = nowdate()

	def content_changed(self, before):
		now = [(r.section, r.content or "") for r in self.sections]
		then = [(r.section, r.content or "") for r in before.sections]
		return now != then or (self.attachment or "") != (before.attachment or "") or self.report_mode != before.report_mode

	@property
	def is_late(self):
		return bool(self.submitted_on and self.due_date and getdate(self.submitted_on) > getdate(self.due_date))
