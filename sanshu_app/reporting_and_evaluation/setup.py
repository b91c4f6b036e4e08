"""Idempotent set-up of this module, run on install and on every migrate (workflows, defaults)."""

from sanshu_app.setup.workflows import ensure_workflow

REPORT_WORKFLOW = "Sanshu Report Review"


def after_migrate():
	ensure_workflow(
		REPORT_WORKFLOW,
		"Sanshu Report",
		states=[
			("Draft", 0, "Responsible Cadre"),
			("Submitted", 0, "Sanshu Manager"),
			("Accepted", 0, "Sanshu Manager", "Success"),
			("Returned", 0, "Responsible Cadre"),
		],
		transitions=[
			("Draft", "Submit Report", "Submitted", "Responsible Cadre", None),
			("Draft", "Submit Report", "Submitted", "Sanshu Manager", None),
			("Returned", "Submit Report", "Submitted", "Responsible Cadre", None),
			("Returned", "Submit Report", "Submitted", "Sanshu Manager", None),
			("Submitted", "Accept Report", "Accepted", "Sanshu Manager", None),
			("Submitted", "Return Report", "Returned", "Sanshu Manager", None),
		],
	)
