"""The daily run over open rectifications: remind measure owners before their deadlines, flag
overdue measures and rectifications, and propose an integrity talk once a rectification has been
overdue for the rule set's "Rectification Talk After Overdue" days (when the Integrity Talk
doctype is installed)."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from sanshu_app.rules import rectification as rules

TALK_DOCTYPE = "Integrity Talk"
# The kind of talk proposed for an overdue rectification (提醒谈话).
OVERDUE_TALK_TYPE = "Reminder Talk"


def run_daily():
	for name in frappe.get_all("Rectification", filters={"workflow_state": ("in", rules.OPEN_STATES)}, pluck="name"):
		try:
			process(frappe.get_doc("Rectification", name), getdate(today()))
		except Exception:
			frappe.log_error(title=f"Rectification reminders: {name}")


def process(doc, day):
	horizon = doc.due("Reminder Before Due", day) or day
	measures = [
		{"deadline": getdate(m.deadline) if m.deadline else None, "status": m.status, "overdue": m.overdue, "last_reminded_on": getdate(m.last_reminded_on) if m.last_reminded_on else None}
		for m in doc.measures
	]
	for action in rules.measure_actions(measures, day, horizon):
		row = doc.measures[action.row - 1]
		if action.kind == "reminder":
			notify(
				cadre_user(row.owner_cadre),
				doc,
				_("Rectification {0}: measure due on {1}: {2}").format(doc.name, frappe.format(row.deadline, "Date"), row.measure),
			)
			row.db_set("last_reminded_on", day, update_modified=False)
		else:
			notify(
				cadre_user(row.owner_cadre),
				doc,
				_("Rectification {0}: measure overdue since {1}: {2}").format(doc.name, frappe.format(row.deadline, "Date"), row.measure),
			)
			row.db_set("overdue", 1, update_modified=False)
	due = getdate(doc.report_due_date) if doc.report_due_date else None
	last = getdate(doc.report_reminded_on) if doc.report_reminded_on else None
	if rules.report_reminder_due(doc.workflow_state, due, day, horizon, last):
		for user in subject_users(doc):
			notify(user, doc, _("Rectification {0}: the rectification report is due on {1}.").format(doc.name, frappe.format(due, "Date")))
		doc.db_set("report_reminded_on", day, update_modified=False)
	if rules.is_overdue(doc.workflow_state, due, day):
		if not doc.overdue:
			doc.db_set({"overdue": 1, "overdue_since": day}, update_modified=False)
			for user in subject_users(doc):
				notify(user, doc, _("Rectification {0} is overdue: the report was due on {1}.").format(doc.name, frappe.format(due, "Date")))
			propose_accountability(doc, due)
		talk_date = doc.due("Rectification Talk After Overdue", due)
		if rules.talk_due(doc.workflow_state, talk_date, day, doc.talk_proposed) and frappe.db.exists("DocType", TALK_DOCTYPE):
			propose_talk(doc)


def cadre_user(cadre):
	return frappe.db.get_value("Sanshu Cadre", cadre, "user") if cadre else None


def subject_users(doc):
	"""Who answers for the rectification: the cadre, or the unit's principal for a unit."""
	users = {cadre_user(doc.cadre)}
	if doc.unit and not doc.cadre:
		users.add(cadre_user(frappe.db.get_value("Sanshu Unit", doc.unit, "principal")))
	return [u for u in users if u]


def notify(user, doc, subject):
	if not user:
		return
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": user,
			"type": "Alert",
			"document_type": doc.doctype,
			"document_name": doc.name,
			"subject": subject,
			"email_content": subject,
		}
	).insert(ignore_permissions=True)


def propose_talk(doc):
	"""A draft Integrity Talk (提醒谈话) with the cadre who answers for the overdue rectification."""
	cadre = doc.cadre or frappe.db.get_value("Sanshu Unit", doc.unit, "principal")
	if not cadre:
		return None
	meta = frappe.get_meta(TALK_DOCTYPE)
	values = {
		"talk_type": OVERDUE_TALK_TYPE,
		"cadre": cadre,
		"unit": doc.unit,
		"campaign": doc.campaign,
		"reason": _("Rectification {0} is overdue: the report was due on {1}.").format(doc.name, frappe.format(doc.report_due_date, "Date")),
		"reason_doctype": doc.doctype,
		"reason_name": doc.name,
	}
	talk = frappe.get_doc({"doctype": TALK_DOCTYPE, **{k: v for k, v in values.items() if v and meta.has_field(k)}})
	talk.insert(ignore_permissions=True)
	doc.db_set({"talk_proposed": 1, "talk_doctype": TALK_DOCTYPE, "integrity_talk": talk.name}, update_modified=False)
	for user in subject_users(doc):
		notify(user, doc, _("An integrity talk {0} is proposed for the overdue rectification {1}.").format(talk.name, doc.name))
	return talk.name


def propose_accountability(doc, due):
	"""003 §23(二) 未整改: a draft accountability record (问责) for the office, where the
	rectification's rule set has a Rectification Overdue consequence (issue 19)."""
	from sanshu_app.utils import office_language
	from sanshu_app.utils.accountability import propose, rules_for

	# the rectification's own rule set, the campaign's, the shipped one: the first with the rule
	rule_set = next((name for name in doc.rule_sets() if rules_for(name, "Rectification Overdue")), None)
	cadre = doc.cadre or frappe.db.get_value("Sanshu Unit", doc.unit, "principal")
	with office_language():
		figures = _("Rectification {0} is overdue: the report was due on {1}.").format(doc.name, frappe.format(due, "Date"))
		return propose("Rectification Overdue", doc.doctype, doc.name, rule_set, cadre=cadre, unit=doc.unit, campaign=doc.campaign, figures=figures)
