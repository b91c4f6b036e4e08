"""The feedback to each reporter (003 §19; 000 四(三)1): the office compiles the 意见建议 (from the
meeting's questions and the evaluators' comments) onto the evaluation, edits it, prints it on the
测评结果反馈, and issues a 整改建议书 to every reporter of a campaign in one action.
"""

import html

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow

from sanshu_app import ballot_box
from sanshu_app.rules import feedback as rules
from sanshu_app.rules.inquiries import MEETING
from sanshu_app.utils import require_roles, throw_violations
from sanshu_app.rules.messages import RuleViolation

EVALUATION = "Sanshu Evaluation"
RECOMMENDATION = "Rectification Recommendation"


def meeting_questions(campaign, cadre) -> list[tuple[str, str]]:
	return [
		(q.question, q.onsite_answer)
		for q in frappe.get_all(
			"Sanshu Inquiry",
			filters={"campaign": campaign, "cadre": cadre, "inquiry_type": MEETING},
			fields=["question", "onsite_answer"],
			order_by="asked_on, name",
		)
	]


def evaluator_comments(evaluation) -> list[str]:
	"""The evaluators' comments that may be shown (rules.comments_shown): none while it is open."""
	if evaluation.docstatus != 1:
		return []
	return rules.comments_shown(ballot_box.comments(evaluation), evaluation.total_ballots or 0, evaluation.min_ballots_shown())


@frappe.whitelist()
def add_paper_comments(evaluation: str, comments: str):
	"""The office types the comments written on paper ballots (one per line), into the comment box:
	apart from the paper counts, with nothing saying which ballot carried which."""
	require_roles()
	doc = frappe.get_doc(EVALUATION, evaluation)
	if doc.docstatus == 2:
		frappe.throw(_("Evaluation {0} was cancelled.").format(doc.name))
	added = ballot_box.leave_comments((doc.name, line) for line in (comments or "").splitlines())
	if not added:
		frappe.throw(_("Type the comments, one per line."), title=_("Nothing to Add"))
	return added


@frappe.whitelist()
def compile_suggestions(evaluation: str):
	"""Draft the 意见建议 of one reporter for the office to edit (replaces the current draft)."""
	require_roles()
	doc = frappe.get_doc(EVALUATION, evaluation)
	text = rules.compile_suggestions(meeting_questions(doc.campaign, doc.cadre), evaluator_comments(doc))
	if not text:
		frappe.throw(_("No question was put to {0} at the meeting and no evaluator left a comment: write the opinions and suggestions by hand.").format(doc.cadre_name), title=_("Nothing to Compile"))
	doc.db_set("suggestions", text)
	return text


@frappe.whitelist()
def issue_recommendations(campaign: str):
	"""000 四(三)1: a 整改建议书 to every reporter of the campaign whose evaluation is closed,
	carrying their 意见建议, issued at once (all or nothing). Reporters who already have one are left."""
	require_roles()
	evaluations = frappe.get_all(
		EVALUATION, filters={"campaign": campaign, "docstatus": 1}, fields=["name", "cadre", "cadre_name", "suggestions"], order_by="cadre_name"
	)
	if not evaluations:
		frappe.throw(_("Campaign {0} has no closed evaluation: recommendations follow the evaluation.").format(campaign), title=_("Nothing to Issue"))
	done = set(
		frappe.get_all("Rectification", filters={"source_doctype": EVALUATION, "notice_type": RECOMMENDATION, "source_name": ("in", [e.name for e in evaluations])}, pluck="source_name")
	)
	todo = [e for e in evaluations if e.name not in done]
	missing = rules.missing_suggestions([(e.cadre_name, e.suggestions) for e in todo])
	if missing:
		throw_violations([RuleViolation("Compile the opinions and suggestions of {0} first.", ("、".join(missing),))], title=_("Nothing Issued"))
	issued = []
	for e in todo:
		doc = frappe.get_doc(
			{
				"doctype": "Rectification",
				"notice_type": RECOMMENDATION,
				"source_type": "Evaluation",
				"source_doctype": EVALUATION,
				"source_name": e.name,
				"campaign": campaign,
				"cadre": e.cadre,
				"problems": "".join(f"<p>{html.escape(line)}</p>" for line in e.suggestions.splitlines() if line.strip()),
			}
		).insert(ignore_permissions=True)
		apply_workflow(doc, "Issue Notice")
		issued.append(doc.name)
	return issued
