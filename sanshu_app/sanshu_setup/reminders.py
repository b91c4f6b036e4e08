"""Daily reminders of a campaign's own deadlines: the annual commitment to sign and the 三述
report to hand in. Each cadre is told once as a deadline nears (the deadline rule set's
"Reminder Before Due") and once when it has passed, in the desk's notifications."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from sanshu_app.rules.reminders import BEFORE, OVERDUE, reminder_stage, term_end_warning
from sanshu_app.rules.roles import MANAGER
from sanshu_app.utils import deadline_rule, office_language
from sanshu_app.utils.terms import not_reported_in_term

ANNUAL_COMMITMENT = "Annual Responsibility Commitment"
MESSAGES = {
	("commitment", BEFORE): "Please sign your annual integrity commitment for {0} by {1}.",
	("commitment", OVERDUE): "Your annual integrity commitment for {0} was due on {1} and is not signed yet.",
	("report", BEFORE): "Please hand in your report for {0} by {1}.",
	("report", OVERDUE): "Your report for {0} was due on {1} and has not been handed in.",
}


def run_daily(on=None):
	on = getdate(on or today())
	for campaign in frappe.get_all("Sanshu Campaign", filters={"status": "Active"}, pluck="name"):
		doc = frappe.get_doc("Sanshu Campaign", campaign)
		remind_campaign(doc, on)
		warn_terms(doc, on)


def remind_campaign(campaign, on):
	rule = deadline_rule(campaign.deadline_rule_set, "Reminder Before Due")
	lead = rule[0] if rule else None
	cadres = [row.cadre for row in campaign.cadres]
	if not cadres:
		return
	users = dict(frappe.get_all("Sanshu Cadre", filters={"name": ("in", cadres), "user": ("is", "set")}, fields=["name", "user"], as_list=True))
	signed = set(
		frappe.get_all(
			"Integrity Commitment",
			filters={"cadre": ("in", cadres), "year": campaign.year, "commitment_type": ANNUAL_COMMITMENT, "docstatus": 1},
			pluck="cadre",
		)
	)
	handed_in = set(
		frappe.get_all("Sanshu Report", filters={"campaign": campaign.name, "submitted_on": ("is", "set")}, pluck="cadre")
	)
	for kind, due, done in (("commitment", campaign.commitment_due_date, signed), ("report", campaign.report_due_date, handed_in)):
		stage = reminder_stage(getdate(due) if due else None, on, lead)
		if not stage:
			continue
		for cadre in cadres:
			if cadre not in done and users.get(cadre):
				notify_once(users[cadre], campaign, MESSAGES[(kind, stage)], due)


def notify_once(user, campaign, template, due, who=None):
	with office_language():
		subject = _(template).format(who or campaign.name, frappe.format(due, "Date"))
	if frappe.db.exists("Notification Log", {"for_user": user, "document_type": "Sanshu Campaign", "document_name": campaign.name, "subject": subject}):
		return
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": user,
			"type": "Alert",
			"document_type": "Sanshu Campaign",
			"document_name": campaign.name,
			"subject": subject,
		}
	).insert(ignore_permissions=True)


TERM_WARNING = "{0}'s term ends on {1} without a report at a meeting (at least one per term, 003 §12)."


def warn_terms(campaign, on):
	"""Warn the office (each Sanshu Manager) once when a cadre's term ends within the evaluation
	rule set's window without a report at a closed meeting (003 §12)."""
	window = campaign.evaluation_rule_set and frappe.db.get_value("Sanshu Rule Set", campaign.evaluation_rule_set, "term_warning_days")
	cadres = [row.cadre for row in campaign.cadres]
	if not window or not cadres:
		return
	ends = {c.name: c for c in frappe.get_all("Sanshu Cadre", filters={"name": ("in", cadres), "term_end": ("is", "set"), "status": ("!=", "Left")}, fields=["name", "full_name", "term_end"])}
	unreported = set(not_reported_in_term(list(ends)))
	due = [c for name, c in ends.items() if term_end_warning(getdate(c.term_end), on, window, name not in unreported)]
	if not due:
		return
	office = frappe.get_all("Has Role", filters={"role": MANAGER, "parenttype": "User"}, pluck="parent", distinct=True)
	office = frappe.get_all("User", filters={"name": ("in", office or [""]), "enabled": 1}, pluck="name")
	for cadre in due:
		for user in office:
			notify_once(user, campaign, TERM_WARNING, cadre.term_end, who=cadre.full_name)
