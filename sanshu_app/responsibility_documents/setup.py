"""Idempotent set-up of this module, run on install and on every migrate (workflows, defaults)."""

from sanshu_app.rules.roles import MANAGER, RESPONSIBLE_CADRE, UNIT_ROLES
from sanshu_app.setup.workflows import ensure_workflow

# Whoever signs last completes the signing; the transition exists for every role a signer may hold.
SIGNER_ROLES = (RESPONSIBLE_CADRE, *UNIT_ROLES, MANAGER)


def after_migrate():
	ensure_workflow(
		"Responsibility Letter",
		"Responsibility Letter",
		states=[
			("Draft", 0, MANAGER),
			("Under Review", 0, MANAGER, "Warning"),
			("Awaiting Signature", 0, MANAGER, "Warning"),
			("Signed", 1, MANAGER, "Success"),
			("Archived", 1, MANAGER, "Inverse"),
			("Cancelled", 2, MANAGER),
		],
		transitions=[
			("Draft", "Submit for Review", "Under Review", MANAGER, None),
			("Under Review", "Request Signatures", "Awaiting Signature", MANAGER, None),
			("Under Review", "Return", "Draft", MANAGER, None),
			("Awaiting Signature", "Return", "Draft", MANAGER, None),
			*[("Awaiting Signature", "Complete Signing", "Signed", role, "doc.all_signed") for role in SIGNER_ROLES],
			("Signed", "Archive", "Archived", MANAGER, None),
			("Signed", "Cancel", "Cancelled", MANAGER, None),
			("Archived", "Cancel", "Cancelled", MANAGER, None),
		],
	)
	ensure_workflow(
		"Integrity Commitment",
		"Integrity Commitment",
		states=[
			("Draft", 0, MANAGER),
			("Awaiting Signature", 0, MANAGER, "Warning"),
			("Signed", 1, MANAGER, "Success"),
			("Cancelled", 2, MANAGER),
		],
		transitions=[
			("Draft", "Issue", "Awaiting Signature", MANAGER, None),
			("Awaiting Signature", "Return", "Draft", MANAGER, None),
			*[("Awaiting Signature", "Complete Signing", "Signed", role, "doc.signed_at") for role in SIGNER_ROLES],
			("Signed", "Cancel", "Cancelled", MANAGER, None),
		],
	)
	ensure_workflow(
		"Risk Notification Card",
		"Risk Notification Card",
		states=[
			("Draft", 0, MANAGER),
			("Awaiting Sign-off", 0, MANAGER, "Warning"),
			("Following Up", 1, MANAGER, "Primary"),
			("Following Up", 1, "Supervision Officer", "Primary"),
			("Closed", 1, MANAGER, "Success"),
			("Cancelled", 2, MANAGER),
		],
		transitions=[
			("Draft", "Issue", "Awaiting Sign-off", MANAGER, None),
			("Awaiting Sign-off", "Return", "Draft", MANAGER, None),
			*[("Awaiting Sign-off", "Complete Sign-off", "Following Up", role, "doc.all_signed") for role in SIGNER_ROLES],
			("Following Up", "Conclude", "Closed", MANAGER, None),
			("Following Up", "Conclude", "Closed", "Supervision Officer", None),
			("Following Up", "Cancel", "Cancelled", MANAGER, None),
		],
	)
