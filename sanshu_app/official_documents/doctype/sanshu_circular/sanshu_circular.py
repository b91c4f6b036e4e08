# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""通报: a numbered official document that sends results to those who act on them (000 四(三)3,
001 §16, 002 五(三), 003 §21): a campaign's 三述 ratings, a year's assessment ranking and grades, an
inspection round, a survey ranking. The office makes it from the results (Make From fills the
results table), names its 主送 and 抄送 (a role such as the organisation department, a unit's
leadership, a cadre) and issues it: the 文号 is drawn, who issued it and when is kept, and each
recipient row is delivered. A recipient reads the issued circular, with the results it names,
and nothing else (``permissions/scopes.py``: its delivered rows open it)."""

import frappe
from frappe import _
from frappe.utils import cint, flt, now_datetime

from sanshu_app.permissions.scoped_document import ScopedDocument
from sanshu_app.rules.circulars import RECIPIENT_FIELDS, recipient_violations
from sanshu_app.rules.roles import OFFICE_ROLES
from sanshu_app.rules.supervision import rank
from sanshu_app.utils import office_language, require_roles, throw_violations

# Made From -> (the field naming the source, how its results are read)
SOURCE_FIELDS = {"Sanshu Ratings": "campaign", "Assessment Ranking": "year", "Inspection Round": "inspection", "Survey Ranking": "survey"}
# Assessments whose score and grade stand (the office's approval: Approve, then Notify).
FINAL_ASSESSMENT_STATES = ("Approved", "Notified")


class SanshuCircular(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.official_documents.doctype.sanshu_circular_recipient.sanshu_circular_recipient import SanshuCircularRecipient
		from sanshu_app.official_documents.doctype.sanshu_circular_result.sanshu_circular_result import SanshuCircularResult

		amended_from: DF.Link | None
		body: DF.TextEditor | None
		campaign: DF.Link | None
		circular_title: DF.Data | None
		document_number: DF.Data | None
		inspection: DF.Link | None
		issue_date: DF.Date | None
		issued_by: DF.Link | None
		issued_on: DF.Datetime | None
		issuer: DF.Data | None
		recipients: DF.Table[SanshuCircularRecipient]
		results: DF.Table[SanshuCircularResult]
		source_type: DF.Literal["", "Sanshu Ratings", "Assessment Ranking", "Inspection Round", "Survey Ranking"]
		survey: DF.Link | None
		workflow_state: DF.Link | None
		year: DF.Int
	# end: auto-generated types

	def validate(self):
		for row in self.recipients:
			for kind, field in RECIPIENT_FIELDS.items():
				if kind != row.recipient_type:
					row.set(field, None)
		problems = recipient_violations([r.as_dict() for r in self.recipients], office_roles=OFFICE_ROLES)
		throw_violations(problems, title=_("Circular Not Saved"))
		if self.docstatus == 1 and self.is_issuing():
			self.deliver()

	def is_issuing(self) -> bool:
		before = None if self.is_new() else self.get_doc_before_save()
		return not before or before.docstatus == 0

	def deliver(self):
		"""Issue: who and when, and each recipient row delivered (its read opens once issued)."""
		if not (self.circular_title or "").strip():
			frappe.throw(_("Give the circular its title before issuing it."), title=_("Not Issued"))
		if not self.results:
			frappe.throw(_("A circular reports results: make its results from a source before issuing it."), title=_("Not Issued"))
		if not any(r.copy_type == "Main Recipient" for r in self.recipients):
			frappe.throw(_("Name at least one main recipient (主送) before issuing the circular."), title=_("Not Issued"))
		self.issued_by = frappe.session.user
		self.issued_on = now_datetime()
		for row in self.recipients:
			row.delivered_role = row.role if row.recipient_type == "Role" else None
			row.delivered_unit = row.unit if row.recipient_type == "Unit" else None
			row.delivered_cadre = row.cadre if row.recipient_type == "Cadre" else None
			row.delivered_on = self.issued_on

	@frappe.whitelist()
	def make_from(self, source_type: str, source: str | int):
		"""Fill the results table from ``source`` (a campaign, a year, an inspection, a survey)."""
		require_roles()
		doc = frappe.get_doc(self.doctype, self.name)
		doc.check_permission("write")
		if doc.docstatus != 0:
			frappe.throw(_("An issued circular keeps the results it was issued with."), title=_("Not Saved"))
		if source_type not in SOURCE_FIELDS or not source:
			frappe.throw(_("Choose what the circular is made from and the source."), title=_("Not Saved"))
		with office_language():
			rows, title = MAKERS[source_type](source)
		if not rows:
			frappe.throw(_("{0} has no results to report yet.").format(source), title=_("Not Saved"))
		doc.source_type = source_type
		for field in SOURCE_FIELDS.values():
			doc.set(field, None)
		doc.set(SOURCE_FIELDS[source_type], cint(source) if source_type == "Assessment Ranking" else source)
		doc.year = cint(source) if source_type == "Assessment Ranking" else source_year(source_type, source) or doc.year
		doc.circular_title = doc.circular_title or title
		doc.set("results", rows)
		doc.save(ignore_permissions=True)
		return len(rows)


def source_year(source_type: str, source) -> int | None:
	doctype = {"Sanshu Ratings": "Sanshu Campaign", "Inspection Round": "Supervision Inspection", "Survey Ranking": "Satisfaction Survey"}[source_type]
	return cint(frappe.db.get_value(doctype, source, "year")) or None


def _cadre_posts(cadres) -> dict:
	return dict(frappe.get_all("Sanshu Cadre", filters={"name": ("in", list(cadres) or [""])}, fields=["name", "post"], as_list=True))


def _from_ratings(campaign):
	"""The campaign's closed democratic evaluations: each cadre's rating (三述 测评)."""
	evaluations = frappe.get_all(
		"Sanshu Evaluation",
		filters={"campaign": campaign, "status": "Closed", "docstatus": 1},
		fields=["name", "cadre", "cadre_name", "unit", "outcome"],
		order_by="unit asc, cadre_name asc",
	)
	posts = _cadre_posts(e.cadre for e in evaluations)
	rows = [
		{"unit": e.unit, "cadre": e.cadre, "cadre_name": e.cadre_name, "post": posts.get(e.cadre), "result": e.outcome, "source_doctype": "Sanshu Evaluation", "source_name": e.name}
		for e in evaluations
	]
	return rows, _("Circular on the results of the democratic evaluation of {0}").format(campaign)


def _from_assessments(year):
	"""The year's approved assessments: each unit's score, place and grade, and its members' grades."""
	assessments = frappe.get_all(
		"Responsibility Assessment",
		filters={"year": cint(year), "workflow_state": ("in", FINAL_ASSESSMENT_STATES)},
		fields=["name", "unit", "total_score", "grade"],
	)
	places = rank({a.name: flt(a.total_score) for a in assessments})
	rows = []
	for a in sorted(assessments, key=lambda a: (places[a.name], a.unit)):
		rows.append({"unit": a.unit, "result": _(a.grade) if a.grade else None, "score": a.total_score, "ranking": places[a.name], "source_doctype": "Responsibility Assessment", "source_name": a.name})
		for member in frappe.get_all(
			"Assessment Member Grade", filters={"parent": a.name, "parenttype": "Responsibility Assessment"}, fields=["cadre", "full_name", "post", "grade"], order_by="idx asc"
		):
			rows.append({"unit": a.unit, "cadre": member.cadre, "cadre_name": member.full_name, "post": member.post, "result": member.grade, "source_doctype": "Responsibility Assessment", "source_name": a.name})
	return rows, _("Circular on the responsibility assessment of {0}").format(cint(year))


def _from_inspection(inspection):
	"""An inspection round: each unit inspected, with its findings (or none found)."""
	doc = frappe.get_doc("Supervision Inspection", inspection)
	rows = []
	found = {f.unit for f in doc.findings}
	for finding in doc.findings:
		rows.append({"unit": finding.unit, "result": _(finding.severity) if finding.severity else None, "remark": finding.description, "source_doctype": "Supervision Inspection", "source_name": doc.name})
	for unit in doc.units:
		if unit.unit not in found:
			rows.append({"unit": unit.unit, "result": _("No problem found"), "source_doctype": "Supervision Inspection", "source_name": doc.name})
	return rows, _("Circular on the inspection {0}").format(doc.inspection_title or doc.name)


def _from_survey(survey):
	"""A closed satisfaction survey: each unit's score and place."""
	doc = frappe.get_doc("Satisfaction Survey", survey)
	if doc.status != "Closed":
		frappe.throw(_("The survey {0} is not closed: its ranking is not final.").format(doc.name), title=_("Not Saved"))
	rows = [
		{"unit": u.unit, "score": u.score, "ranking": u.ranking, "source_doctype": "Satisfaction Survey", "source_name": doc.name}
		for u in sorted(doc.units, key=lambda u: (cint(u.ranking) or 10**6, u.unit))
	]
	return rows, _("Circular on the satisfaction survey {0}").format(doc.survey_title or doc.name)


MAKERS = {"Sanshu Ratings": _from_ratings, "Assessment Ranking": _from_assessments, "Inspection Round": _from_inspection, "Survey Ranking": _from_survey}
