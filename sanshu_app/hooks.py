from sanshu_app.record_scopes import RECORD_SCOPES

app_name = "sanshu_app"
app_title = "Sanshu"
app_publisher = "sanshu_app contributors"
app_description = "Party-conduct and integrity responsibility paperwork (三书, 三述, assessments, rectification) for discipline-inspection offices"
app_email = "sanshu@example.org"
app_license = "MIT"

add_to_apps_screen = [
	{"name": "sanshu_app", "logo": "/assets/frappe/images/frappe-framework-logo.svg", "title": "Sanshu", "route": "/app/sanshu"}
]

# Install and migrate: roles, shipped rule sets, the Employee link when HRMS is present.
after_install = "sanshu_app.setup.install.after_install"
after_migrate = "sanshu_app.setup.install.after_migrate"
before_uninstall = "sanshu_app.setup.install.before_uninstall"

# One permission rule for every record about a cadre or a unit (see record_scopes.py).
permission_query_conditions = {doctype: "sanshu_app.permissions.query_conditions" for doctype in RECORD_SCOPES}
has_permission = {doctype: "sanshu_app.permissions.has_permission" for doctype in RECORD_SCOPES}

# Buttons the later stages add to the master-data forms (each module keeps its own script).
doctype_js = {
	"Sanshu Campaign": [
		"responsibility_documents/campaign_bulk_issue.js",  # issue letters / commitments to everyone
		"assessment_and_rectification/campaign_ledgers.js",  # 台账 downloads, one assessment per unit
	],
	"Sanshu Cadre": ["assessment_and_rectification/cadre_archive.js"],  # the integrity archive
}

# Daily: commitment and report reminders; overdue inquiries; rectification reminders, overdue
# flags and proposed talks.
scheduler_events = {
	"daily": [
		"sanshu_app.sanshu_setup.reminders.run_daily",
		"sanshu_app.reporting_and_evaluation.doctype.sanshu_inquiry.sanshu_inquiry.mark_overdue_inquiries",
		"sanshu_app.assessment_and_rectification.reminders.run_daily",
	],
}

# The integrity archive's rows, for its print format.
jinja = {"methods": ["sanshu_app.assessment_and_rectification.archive.jinja_archive"]}

# The ballot box is no doctype; a Query Report may not read it either (sanshu_app/ballot_box.py).
doc_events = {"Report": {"validate": "sanshu_app.ballot_box.refuse_reports_on_the_box"}}
