# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import escape_html, flt, now_datetime, today

from sanshu_app.assessment_and_rectification.doctype.assessment_template.assessment_template import default_template
from sanshu_app.utils.xlsx import ledger_workbook, read_rows, send_xlsx
from sanshu_app.rules import assessment as rules
from sanshu_app.rules.messages import RuleViolation
from sanshu_app.setup.default_rule_sets import CAMPAIGN_DEFAULTS_ALL_SCHEMES
from sanshu_app.rules.roles import ASSESSMENT_INSPECTOR, MANAGER, UNIT_ROLES
from sanshu_app.utils import OFFICE_ROLES, is_office, office_language, throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument

STATES = rules.ASSESSMENT_STATES
INSPECTOR_ROLES = (ASSESSMENT_INSPECTOR, MANAGER)
ASSESSMENT_PURPOSE = "Responsibility Assessment"
SELF_ASSESSING_ROLES = (*UNIT_ROLES, *OFFICE_ROLES)


def _reached(state, step):
	return state in STATES and STATES.index(state) >= STATES.index(step)


class ResponsibilityAssessment(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.assessment_and_rectification.doctype.assessment_inspector_signature.assessment_inspector_signature import AssessmentInspectorSignature
		from sanshu_app.assessment_and_rectification.doctype.assessment_member_grade.assessment_member_grade import AssessmentMemberGrade
		from sanshu_app.assessment_and_rectification.doctype.responsibility_assessment_item.responsibility_assessment_item import ResponsibilityAssessmentItem

		approval_reference: DF.Data | None
		approved_on: DF.Date | None
		campaign: DF.Link | None
		explanation: DF.TextEditor | None
		explanation_filed_on: DF.Date | None
		grade: DF.Literal["", "Passed", "Below Pass Mark"]
		inspection_summary: DF.SmallText | None
		items: DF.Table[ResponsibilityAssessmentItem]
		member_grades: DF.Table[AssessmentMemberGrade]
		notified_on: DF.Date | None
		pass_mark: DF.Float
		rectification: DF.Link | None
		reported_self_score: DF.Float
		review_opinion: DF.SmallText | None
		routine_score: DF.Float
		rule_set: DF.Link | None
		self_inspection_report: DF.Link | None
		self_total: DF.Float
		signatures: DF.Table[AssessmentInspectorSignature]
		special_score: DF.Float
		template: DF.Link | None
		total_score: DF.Float
		unit: DF.Link
		workflow_state: DF.Link | None
		year: DF.Int
	# end: auto-generated types

	def before_insert(self):
		self.fill_defaults()

	def link_self_inspection_report(self):
		"""002 六: the unit's signed 自查报告 of the year, with its self-score (Unit Responsibility Report)."""
		if self.unit and self.year:
			report = frappe.db.get_value("Unit Responsibility Report", {"unit": self.unit, "year": self.year, "report_kind": "Self-Inspection Report", "status": ("in", ("Submitted", "Received"))}, ["name", "self_score"], as_dict=True)
			self.self_inspection_report, self.reported_self_score = (report.name, report.self_score) if report else (None, 0)

	def validate(self):
		self.fill_defaults()
		self.link_self_inspection_report()
		self.routine_from_check()
		state = self.workflow_state or "Draft"
		old = self.get_doc_before_save()
		old_state = (old.workflow_state or "Draft") if old else None
		problems = rules.check_step(STATES, old_state, state)
		problems += self.check_unique()
		problems += self.check_campaign_year()
		problems += self.check_edits(old, old_state)
		problems += rules.check_items(self.items, need_self=_reached(state, "Self-assessed"), need_inspector=_reached(state, "Inspected"))
		rule = self.rule()
		problems += rules.check_member_grades([(m.cadre, m.grade) for m in self.member_grades], rule["member_grades"])
		if _reached(state, "Inspected"):
			problems += rules.check_routine_score(self.routine_score, rule["max_score"])
			if not any(s.team_role == "Team Leader" for s in self.signatures):
				problems.append(RuleViolation("The inspection team leader has not signed the inspection record."))
		if _reached(state, "Reviewed"):
			if not self.member_grades or any(not m.grade for m in self.member_grades):
				problems.append(RuleViolation("Grade every leadership member before the review."))
			if not (self.review_opinion or "").strip():
				problems.append(RuleViolation("Write the review opinion before the review."))
		if _reached(state, "Approved") and not (self.approval_reference or "").strip():
			problems.append(RuleViolation("Record the standing committee decision before approval."))
		throw_violations(problems)
		if not (old_state and _reached(old_state, "Approved")):
			self.compute(rule)  # an approved result stays as approved, whatever later edits to the rule set
		if state == "Approved" and not self.approved_on:
			self.approved_on = today()
		if state == "Notified" and not self.notified_on:
			self.notified_on = today()
		if state == "Notified" and (self.explanation or "").strip() and not self.explanation_filed_on:
			self.explanation_filed_on = today()

	def on_update(self):
		old = self.get_doc_before_save()
		if self.workflow_state == "Notified" and self.grade == rules.BELOW_PASS_MARK and not self.rectification:
			self.open_rectification()
		if self.workflow_state == "Notified" and self.grade == rules.BELOW_PASS_MARK and old and old.workflow_state != "Notified":
			self.propose_accountability()
		if self.workflow_state == "Notified" and old and old.workflow_state != "Notified":
			self.notify_unit()

	# defaults --------------------------------------------------------------------------------
	def fill_defaults(self):
		if self.campaign and not self.year:
			self.year = frappe.db.get_value("Sanshu Campaign", self.campaign, "year")
		if not self.rule_set:
			self.rule_set = (self.campaign and frappe.db.get_value("Sanshu Campaign", self.campaign, "assessment_rule_set")) or CAMPAIGN_DEFAULTS_ALL_SCHEMES["assessment_rule_set"]
		if not self.template:
			self.template = default_template(frappe.db.get_value("Sanshu Unit", self.unit, "unit_type") if self.unit else None)
		if not self.items and self.template:
			for row in frappe.get_doc("Assessment Template", self.template).items:
				self.append("items", {"content_area": row.content_area, "item": row.item, "max_points": row.max_points})
		if not self.member_grades and self.unit and self.is_new():
			for cadre in frappe.get_all("Sanshu Cadre", filters={"unit": self.unit, "status": ("!=", "Left")}, pluck="name", order_by="is_principal desc, full_name"):
				self.append("member_grades", {"cadre": cadre})

	def routine_from_check(self):
		"""002 四(二): a unit drawn by the campaign's routine check gets the check's score as its routine
		score (not typed by hand); a unit not drawn, once the check is drawn, gets what the rule set
		says (Full Marks, or the office enters it)."""
		old = self.get_doc_before_save()
		if not self.campaign or not self.unit or (old and _reached(old.workflow_state or "Draft", "Inspected")):
			return  # an inspected result stays as it was scored
		checks = frappe.get_all("Supervision Inspection", filters={"routine_check_campaign": self.campaign, "sanshu_draw": ("is", "set"), "status": "Completed"}, pluck="name")
		if not checks:
			return
		score = frappe.get_all(
			"Supervision Inspection Unit",
			filters={"parenttype": "Supervision Inspection", "parent": ("in", checks), "unit": self.unit, "drawn": 1},
			fields=["routine_score"],
			limit=1,
		)
		if score:
			value = score[0].routine_score
		elif frappe.db.get_value("Sanshu Rule Set", self.rule_set, "undrawn_routine_score") == "Full Marks":
			value = frappe.db.get_value("Sanshu Rule Set", self.rule_set, "max_score")
		else:
			return
		if value is not None and (self.routine_score is None or flt(self.routine_score) != flt(value)):
			self.routine_score = value
			self.flags.routine_from_check = True

	def rule(self):
		values = frappe.db.get_value(
			"Sanshu Rule Set",
			self.rule_set,
			["purpose", "max_score", "pass_mark", "pass_mark_is_below", "special_inspection_weight", "routine_inspection_weight"],
			as_dict=True,
		)
		if not values:
			frappe.throw(_("Rule set {0} was not found.").format(self.rule_set), title=_("Not Saved"))
		if values.purpose != ASSESSMENT_PURPOSE:
			frappe.throw(_("{0}: rule set {1} is not for {2}.").format(_("Rule Set"), self.rule_set, _(ASSESSMENT_PURPOSE)), title=_("Wrong Rule Set"))
		values["member_grades"] = frappe.get_all(
			"Sanshu Rule Scale Option", filters={"parent": self.rule_set, "parentfield": "member_grades"}, pluck="option", order_by="idx"
		)
		return values

	# checks ----------------------------------------------------------------------------------
	def check_campaign_year(self):
		year = self.campaign and frappe.db.get_value("Sanshu Campaign", self.campaign, "year")
		if year and int(year) != int(self.year or 0):
			return [RuleViolation("The assessment year {0} is not the year {1} of campaign {2}.", (self.year, year, self.campaign))]
		return []

	def check_unique(self):
		other = frappe.db.get_value("Responsibility Assessment", {"unit": self.unit, "year": self.year, "name": ("!=", self.name or "")})
		if other:
			return [RuleViolation("{0} already has the assessment {1} for {2}.", (self.unit, other, self.year))]
		return []

	def check_edits(self, old, old_state):
		"""Self scores change only in Draft, inspector scores and signatures only while inspecting."""
		if not old:
			return []
		problems = []
		before = {row.name: row for row in old.items}
		changed_self = changed_inspector = len(before) != len(self.items)
		for row in self.items:
			prev = before.get(row.name)
			if not prev:
				changed_self = changed_inspector = True
				continue
			changed_self |= _differs(prev.self_score, row.self_score) or flt(prev.max_points) != flt(row.max_points)
			changed_inspector |= _differs(prev.inspector_score, row.inspector_score) or (prev.deduction_reason or "") != (row.deduction_reason or "")
		if not self.flags.routine_from_check:  # the routine check's score is not the inspectors' edit
			changed_inspector |= flt(old.routine_score) != flt(self.routine_score)
		changed_inspector |= (old.inspection_summary or "") != (self.inspection_summary or "")
		if changed_self and old_state != "Draft":
			problems.append(RuleViolation("Self-assessment scores can only change while the assessment is a draft."))
		elif changed_self and not set(frappe.get_roles()).intersection(SELF_ASSESSING_ROLES):
			problems.append(RuleViolation("Only the unit scores its self-assessment."))
		if changed_inspector and old_state not in ("Self-assessed",):
			problems.append(RuleViolation("Inspector scores can only change during the inspection (state Self-assessed)."))
		elif changed_inspector and not set(frappe.get_roles()).intersection(INSPECTOR_ROLES):
			problems.append(RuleViolation("Only the inspectors score the inspection."))
		if not is_office():
			grades_before = [(m.cadre, m.grade or "") for m in old.member_grades]
			if grades_before != [(m.cadre, m.grade or "") for m in self.member_grades]:
				problems.append(RuleViolation("Only the office grades the leadership members."))
			for field in ("review_opinion", "approval_reference"):
				if (old.get(field) or "") != (self.get(field) or ""):
					problems.append(RuleViolation("Only the office can change {0}.", (_(self.meta.get_label(field)),)))
		if len(old.signatures) != len(self.signatures) and old_state != "Self-assessed":
			problems.append(RuleViolation("Inspectors sign only during the inspection (state Self-assessed)."))
		return problems

	def compute(self, rule):
		full = rule["max_score"]
		self.self_total = rules.scaled_sum(self.items, "self_score", full)
		self.special_score = rules.scaled_sum(self.items, "inspector_score", full)
		self.pass_mark = rule["pass_mark"]
		if self.special_score is not None and self.routine_score is not None and _reached(self.workflow_state or "Draft", "Inspected"):
			self.total_score, self.grade = rules.total_and_grade(
				self.special_score,
				self.routine_score,
				rule["special_inspection_weight"],
				rule["routine_inspection_weight"],
				rule["pass_mark"],
				mark_is_below=bool(rule.get("pass_mark_is_below")),
			)
		else:
			self.total_score, self.grade = None, None

	# consequences ----------------------------------------------------------------------------
	def open_rectification(self):
		with office_language():
			problems = self.deductions_text()
		rect = frappe.get_doc(
			{
				"doctype": "Rectification",
				"source_type": "Responsibility Assessment",
				"source_doctype": self.doctype,
				"source_name": self.name,
				"campaign": self.campaign,
				"unit": self.unit,
				"rule_set": self.rule_set,
				"notice_type": "Rectification Notice",
				"problems": problems,
			}
		).insert(ignore_permissions=True)
		self.db_set("rectification", rect.name)

	def propose_accountability(self):
		"""Draft accountability records (问责) where the rule set's consequence rows say so (issue 19)."""
		from sanshu_app.utils.accountability import propose

		with office_language():
			figures = _("The {0} responsibility assessment of {1} scored {2}, below the pass mark {3}.").format(
				self.year, self.unit, f"{flt(self.total_score):g}", f"{flt(self.pass_mark):g}"
			)
		principal = frappe.db.get_value("Sanshu Unit", self.unit, "principal")
		return propose("Responsibility Assessment", self.doctype, self.name, self.rule_set, cadre=principal, unit=self.unit, campaign=self.campaign, figures=figures)

	def deductions_text(self):
		"""The problems of the rectification, in the office's language: the score and every deduction."""
		deductions = [
			f"<li>{escape_html(row.item)}：{_('deducted {0} points').format(f'{flt(row.max_points) - flt(row.inspector_score):g}')}（{escape_html(row.deduction_reason or '')}）</li>"
			for row in self.items
			if flt(row.inspector_score) < flt(row.max_points)
		]
		summary = _("The {0} responsibility assessment of {1} scored {2}, below the pass mark {3}.").format(
			self.year, self.unit, f"{flt(self.total_score):g}", f"{flt(self.pass_mark):g}"
		)
		return f"<p>{escape_html(summary)}</p><ul>{''.join(deductions)}</ul>"

	def notify_unit(self):
		from sanshu_app.assessment_and_rectification.reminders import cadre_user, notify

		user = cadre_user(frappe.db.get_value("Sanshu Unit", self.unit, "principal"))
		message = _("The {0} responsibility assessment of {1}: {2} points, {3}.").format(self.year, self.unit, f"{flt(self.total_score):g}", _(self.grade))
		if self.grade == rules.BELOW_PASS_MARK:
			message += " " + _("File a written explanation on the assessment and answer rectification {0}.").format(self.rectification)
		notify(user, self, message)

	# inspectors sign (考核纪律) ---------------------------------------------------------------
	@frappe.whitelist()
	def sign_inspection(self, team_role: str = "Team Member"):
		if not set(frappe.get_roles()).intersection(INSPECTOR_ROLES):  # frappe.only_for lets everyone through in tests
			frappe.throw(_("Only assessment inspectors sign the inspection record."), frappe.PermissionError, title=_("Not Signed"))
		if self.workflow_state != "Self-assessed":
			frappe.throw(_("Inspectors sign only during the inspection (state Self-assessed)."), title=_("Not Signed"))
		if team_role not in ("Team Member", "Team Leader"):
			frappe.throw(_("Unknown team role {0}.").format(team_role), title=_("Not Signed"))
		if any(s.inspector == frappe.session.user for s in self.signatures):
			frappe.throw(_("You have already signed this inspection record."), title=_("Not Signed"))
		self.check_permission("write")
		self.append(
			"signatures",
			{
				"inspector": frappe.session.user,
				"inspector_name": frappe.utils.get_fullname(frappe.session.user),
				"team_role": team_role,
				"signed_at": now_datetime(),
			},
		)
		self.save(ignore_permissions=True)  # write permission checked above; the signature row is the app's
		return len(self.signatures)

	# the scoring sheet (考评表) as xlsx --------------------------------------------------------
	def sheet_stage(self):
		if (self.workflow_state or "Draft") == "Draft":
			return "self"
		if self.workflow_state == "Self-assessed":
			return "inspector"
		frappe.throw(_("Scores can no longer be imported: the assessment is {0}.").format(_(self.workflow_state)), title=_("Not Imported"))

	@frappe.whitelist()
	def import_scoring_sheet(self, file_url: str):
		"""Take the scores of a filled scoring sheet: all of them, or none when any row is wrong."""
		self.check_permission("write")
		stage = self.sheet_stage()
		content = frappe.get_doc("File", {"file_url": file_url}).get_content()
		try:
			header, rows, first_line = _sheet_rows(content)
		except Exception:
			frappe.throw(_("The file is not a readable xlsx scoring sheet."), title=_("Not Imported"))
		updates, problems = rules.read_sheet(header, rows, self.items, stage, first_line)
		throw_violations(problems, title=_("Not Imported"))
		for number, values in updates.items():
			self.items[number - 1].update(values)
		self.save()
		return len(updates)


def _differs(before, after):
	return rules.number_or_none(before) != rules.number_or_none(after) or (before in (None, "")) != (after in (None, ""))


def _sheet_rows(content):
	"""(header, data rows, sheet row number of the first data row): the header is the row starting with "No."."""
	header, rows = read_rows(content)
	all_rows = [header, *rows]
	english = {_(h): h for h in rules.SHEET_HEADERS}
	for index, row in enumerate(all_rows):
		first = str(row[0]).strip() if row and row[0] is not None else ""
		if first in english or first in rules.SHEET_HEADERS:
			found = [english.get(str(v).strip(), str(v).strip()) if v is not None else "" for v in row]
			return found, all_rows[index + 1 :], index + 2
	return header, rows, 2


@frappe.whitelist()
def download_scoring_sheet(name: str):
	doc = frappe.get_doc("Responsibility Assessment", name)
	doc.check_permission("read")
	columns = list(zip([_(h) for h in rules.SHEET_HEADERS], (6, 22, 50, 10, 12, 12, 36)))
	rows = [
		[row.idx, _(row.content_area), row.item, row.max_points, row.self_score, row.inspector_score, row.deduction_reason]
		for row in doc.items
	]
	title = _("{0} {1} Responsibility Assessment Scoring Sheet").format(doc.year, doc.unit)
	send_xlsx(f"{doc.name}-scoring-sheet", ledger_workbook(title, columns, rows, subtitle=doc.name, sheet_name=_("Scoring Sheet")))


@frappe.whitelist()
def create_for_campaign(campaign: str):
	"""One draft assessment per participating unit of ``campaign`` that has none for the year yet."""
	if not is_office():
		frappe.throw(_("Only the office creates assessments for a campaign."), frappe.PermissionError, title=_("Not Permitted"))
	doc = frappe.get_doc("Sanshu Campaign", campaign)
	created = []
	for row in doc.units:
		if frappe.db.exists("Responsibility Assessment", {"unit": row.unit, "year": doc.year}):
			continue
		created.append(frappe.get_doc({"doctype": "Responsibility Assessment", "campaign": doc.name, "year": doc.year, "unit": row.unit}).insert().name)
	return created
