"""Shipping a workflow with the app: states, actions and transitions as data, created once.

A workflow created here belongs to the office afterwards (like the rule sets): migrations do not
overwrite it; a change the app needs later goes into a patch.

    ensure_workflow(
        "Responsibility Letter", "Responsibility Letter",
        states=[("Draft", 0, "Sanshu Manager"), ("Signed", 1, "Sanshu Manager")],
        transitions=[("Draft", "Sign", "Signed", "Party Secretary", None)],
    )

``states``: (state, docstatus, role allowed to edit in that state[, style]); ``transitions``: (state,
action, next state, role allowed, condition or None).
"""

import frappe

STYLES = {"Draft": "", "Returned": "Danger", "Cancelled": "Danger"}


def ensure_workflow(name, doctype, states, transitions, state_field="workflow_state"):
	for state in states:
		ensure_workflow_state(state[0], state[3] if len(state) > 3 else STYLES.get(state[0], "Primary"))
	for transition in transitions:
		if not frappe.db.exists("Workflow Action Master", transition[1]):
			frappe.get_doc({"doctype": "Workflow Action Master", "workflow_action_name": transition[1]}).insert(ignore_permissions=True)
	if frappe.db.exists("Workflow", name):
		return
	frappe.get_doc(
		{
			"doctype": "Workflow",
			"workflow_name": name,
			"document_type": doctype,
			"is_active": 1,
			"send_email_alert": 0,
			"workflow_state_field": state_field,
			"states": [{"state": s[0], "doc_status": str(s[1]), "allow_edit": s[2]} for s in states],
			"transitions": [
				{"state": t[0], "action": t[1], "next_state": t[2], "allowed": t[3], "condition": t[4], "allow_self_approval": 1}
				for t in transitions
			],
		}
	).insert(ignore_permissions=True)


def ensure_workflow_state(state, style=""):
	if not frappe.db.exists("Workflow State", state):
		frappe.get_doc({"doctype": "Workflow State", "workflow_state_name": state, "style": style}).insert(ignore_permissions=True)
