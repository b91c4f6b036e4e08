"""Daily reminders of a campaign's own deadlines: the annual commitment to sign and the 三述
report to hand in. Each cadre is told once as a deadline nears (the deadline rule set's
"Reminder Before Due") and once when it has passed, in the desk's notifications."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from sanshu_app.rules.reminders import BEFORE, OVERDUE, reminder_stage
from sanshu_app.utils import deadline_rule, office_language

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
		remind_campaign(frappe.get_doc("Sanshu Campaign", campaign), on)


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


def notify_once(user, campaign, template, due):
	with office_language():
		subject = _(template).format(campaign.name, frappe.format(due, "Date"))
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
