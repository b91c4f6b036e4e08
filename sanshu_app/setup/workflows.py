"""Shipping a workflow with the app: states, actions and transitions as data.

The app owns these workflows (its controllers rely on their states), so every migrate brings an
existing one back to the app's definition; when nothing differs, nothing is written. An office
that wants another flow makes a workflow of its own.

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
	definition = {
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
	if not frappe.db.exists("Workflow", name):
		frappe.get_doc({"doctype": "Workflow", "workflow_name": name, **definition}).insert(ignore_permissions=True)
		return
	workflow = frappe.get_doc("Workflow", name)
	if _as_shipped(workflow, definition) != definition:
		workflow.update({k: v for k, v in definition.items() if k not in ("states", "transitions")})
		workflow.set("states", definition["states"])
		workflow.set("transitions", definition["transitions"])
		workflow.save(ignore_permissions=True)


def _as_shipped(workflow, definition) -> dict:
	"""The stored workflow in the shape of ``definition``, to tell whether it still matches."""
	return {
		key: [{field: (row.get(field) or None) if field == "condition" else row.get(field) for field in value[0]} for row in workflow.get(key)]
		if isinstance(value, list) and value
		else workflow.get(key)
		for key, value in definition.items()
	}


def ensure_workflow_state(state, style=""):
	if not frappe.db.exists("Workflow State", state):
		frappe.get_doc({"doctype": "Workflow State", "workflow_state_name": state, "style": style}).insert(ignore_permissions=True)
