"""Idempotent set-up of this module, run on install and on every migrate (workflows, defaults)."""

import frappe

from sanshu_app.assessment_and_rectification.default_template import DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_NAME
from sanshu_app.setup.workflows import ensure_workflow

ASSESSMENT_WORKFLOW = "Responsibility Assessment"
RECTIFICATION_WORKFLOW = "Rectification"


def after_migrate():
	ensure_default_template()
	ensure_assessment_workflow()
	ensure_rectification_workflow()


def ensure_default_template():
	if not frappe.db.exists("Assessment Template", DEFAULT_TEMPLATE_NAME):
		frappe.get_doc({"doctype": "Assessment Template", **DEFAULT_TEMPLATE}).insert(ignore_permissions=True)


def ensure_assessment_workflow():
	manager = "Sanshu Manager"
	ensure_workflow(
		ASSESSMENT_WORKFLOW,
		"Responsibility Assessment",
		states=[
			("Draft", 0, "Party Secretary"),
			("Draft", 0, manager),
			("Self-assessed", 0, "Assessment Inspector"),
			("Self-assessed", 0, manager),
			("Inspected", 0, manager),
			("Reviewed", 0, manager),
			("Approved", 0, manager, "Success"),
			("Notified", 0, "Party Secretary", "Success"),
			("Notified", 0, manager, "Success"),
		],
		transitions=[
			("Draft", "Submit Self-assessment", "Self-assessed", "Party Secretary", None),
			("Draft", "Submit Self-assessment", "Self-assessed", manager, None),
			("Self-assessed", "Complete Inspection", "Inspected", "Assessment Inspector", None),
			("Self-assessed", "Complete Inspection", "Inspected", manager, None),
			("Self-assessed", "Return", "Draft", "Assessment Inspector", None),
			("Self-assessed", "Return", "Draft", manager, None),
			("Inspected", "Review", "Reviewed", manager, None),
			("Inspected", "Return", "Self-assessed", manager, None),
			("Reviewed", "Approve", "Approved", manager, None),
			("Reviewed", "Return", "Inspected", manager, None),
			("Approved", "Notify", "Notified", manager, None),
		],
	)


def ensure_rectification_workflow():
	manager = "Sanshu Manager"
	doers = ("Responsible Cadre", "Party Secretary", manager)
	transitions = [("Draft", "Issue Notice", "Notice Issued", manager, None)]
	for role in doers:
		transitions += [
			("Notice Issued", "Submit Plan", "Plan Submitted", role, None),
			("Plan Submitted", "Start Rectification", "In Progress", role, None),
			("In Progress", "Report", "Reported", role, None),
			("Returned", "Resubmit Plan", "Plan Submitted", role, None),
			("Returned", "Resume Rectification", "In Progress", role, None),
		]
	transitions += [
		("Plan Submitted", "Return", "Returned", manager, None),
		("Reported", "Return", "Returned", manager, None),
		("Reported", "Verify Rectification", "Verified", manager, None),
	]
	states = [("Draft", 0, manager)]
	for state in ("Notice Issued", "Plan Submitted", "In Progress", "Returned"):
		states += [(state, 0, role) for role in doers]
	states += [("Reported", 0, manager), ("Verified", 0, manager, "Success")]
	ensure_workflow(RECTIFICATION_WORKFLOW, "Rectification", states=states, transitions=transitions)
