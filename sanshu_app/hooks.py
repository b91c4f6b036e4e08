"""The app's hooks, as plain data: no import of the app's code (a failed import here would break
every app's hooks on the site) and no computed values; each dotted path names the code."""

app_name = "sanshu_app"
app_title = "三述"  # shown untranslated in the desk's app switcher
app_publisher = "sanshu_app contributors"
app_description = "Party-conduct and integrity responsibility paperwork (三书, 三述, assessments, rectification) for discipline-inspection offices"
app_email = "sanshu@example.org"
app_license = "MIT"

add_to_apps_screen = [
	{"name": "sanshu_app", "logo": "/assets/frappe/images/frappe-framework-logo.svg", "title": "三述", "route": "/app/sanshu-home"}
]

# Doctype controllers carry their fields' types (the "# begin: auto-generated types" blocks; the desk
# renews them on saving a DocType in developer mode, scripts/export_types.py from the JSON).
export_python_type_annotations = True

# Install and migrate: roles, the ballot box, shipped rule sets, the Employee link when HRMS is
# present; then each module's own idempotent set-up (workflows, defaults) in its setup.py. Install
# runs the same steps (sanshu_app.setup.install.after_install).
after_install = "sanshu_app.setup.install.after_install"
after_migrate = [
	"sanshu_app.setup.install.after_migrate",
	"sanshu_app.responsibility_documents.setup.after_migrate",
	"sanshu_app.reporting_and_evaluation.setup.after_migrate",
	"sanshu_app.assessment_and_rectification.setup.after_migrate",
	"sanshu_app.integrity_archive.setup.after_migrate",
	"sanshu_app.official_documents.setup.after_migrate",
]
before_uninstall = "sanshu_app.setup.install.before_uninstall"

# One permission rule at every door (see permissions/rule.py): the app's scoped records, their child
# tables, and the platform records that point at them (versions, comments, files …). Registered for
# every doctype; each function answers at once for doctypes it does not govern.
permission_query_conditions = {"*": "sanshu_app.permissions.query_conditions"}
has_permission = {"*": "sanshu_app.permissions.has_permission"}

# The platform doors that skip the hooks above, closed for the app's records (see doors.py).
override_whitelisted_methods = {
	"frappe.client.get_count": "sanshu_app.permissions.doors.get_count",
	"frappe.client.validate_link": "sanshu_app.permissions.doors.validate_link",
	"run_doc_method": "sanshu_app.permissions.doors.run_doc_method",
	"frappe.handler.run_doc_method": "sanshu_app.permissions.doors.run_doc_method",
	"runserverobj": "sanshu_app.permissions.doors.run_doc_method",
	"frappe.desk.search.search_link": "sanshu_app.permissions.doors.search_link",
	"frappe.desk.search.search_widget": "sanshu_app.permissions.doors.search_widget",
	"frappe.desk.search.get_link_title": "sanshu_app.permissions.doors.get_link_title",
	"frappe.desk.listview.get_group_by_count": "sanshu_app.permissions.doors.get_group_by_count",
	"frappe.desk.doctype.tag.tag.get_tagged_docs": "sanshu_app.permissions.doors.get_tagged_docs",
	"frappe.utils.global_search.search": "sanshu_app.permissions.doors.global_search",
	"frappe.desk.form.utils.get_next": "sanshu_app.permissions.doors.get_next",
	"frappe.client.is_document_amended": "sanshu_app.permissions.doors.is_document_amended",
	"frappe.client.get_doc_permissions": "sanshu_app.permissions.doors.get_doc_permissions",
	"frappe.desk.form.linked_with.get": "sanshu_app.permissions.doors.linked_with",
	"frappe.desk.form.linked_with.get_submitted_linked_docs": "sanshu_app.permissions.doors.get_submitted_linked_docs",
	"frappe.desk.like.toggle_like": "sanshu_app.permissions.doors.toggle_like",
	"frappe.desk.form.document_follow.follow_document": "sanshu_app.permissions.doors.follow_document",
	"frappe.client.rename_doc": "sanshu_app.permissions.doors.rename_doc",
	"frappe.model.rename_doc.update_document_title": "sanshu_app.permissions.doors.update_document_title",
	"frappe.www.printview.get_html_and_style": "sanshu_app.permissions.doors.get_html_and_style",
	# 调阅: the connections on a cadre's form are its integrity archive, counted only for a reader
	# with access and registered (sanshu_app.integrity_archive.access).
	"frappe.desk.notifications.get_open_count": "sanshu_app.integrity_archive.access.get_open_count",
	# The form's change log shows a field's values only to those who may read the field.
	"frappe.desk.form.load.getdoc": "sanshu_app.permissions.doors.getdoc",
	"frappe.desk.form.load.get_docinfo": "sanshu_app.permissions.doors.get_docinfo",
	# socket.io's check: a hidden record answers like a missing one.
	"frappe.realtime.has_permission": "sanshu_app.permissions.doors.realtime_has_permission",
}
before_request = ["sanshu_app.permissions.doors.before_request"]
# Deny by default: outside the office only the methods on the allow-list run (and every list,
# write and print door passes the field-level, child-row and print checks). An auth hook runs after
# the platform has settled who the user is, before any handler (sanshu_app/permissions/allow_list.py).
auth_hooks = ["sanshu_app.permissions.allow_list.gate"]

doc_events = {
	# The permission layer's caches (sanshu_app/permissions/, scope_cache.py): a scoped record just
	# written is read again by the next check of it, and what was kept of its doctype between
	# requests is found again; a change to units or cadres recomputes every scope. Registered for
	# every doctype (the hooks of "*" run besides a doctype's own); it returns at once for the others.
	"*": {
		"after_insert": "sanshu_app.permissions.forget_changed",
		"on_update": "sanshu_app.permissions.forget_changed",
		"on_change": "sanshu_app.permissions.forget_changed",
		"on_trash": "sanshu_app.permissions.forget_changed",
		"after_rename": "sanshu_app.permissions.forget_changed",
	},
	# Official documents: 文号, issuing office and letter body given when a document is issued.
	"Responsibility Letter": {"validate": "sanshu_app.official_documents.numbering.validate"},
	"Integrity Commitment": {
		"validate": "sanshu_app.official_documents.numbering.validate",
		"on_change": "sanshu_app.public_disclosure.page_cache.forget",  # 六项承诺 on the public page
		"on_trash": "sanshu_app.public_disclosure.page_cache.forget",
	},
	"Risk Notification Card": {"validate": "sanshu_app.official_documents.numbering.validate"},
	"Rectification": {
		"validate": "sanshu_app.official_documents.numbering.validate",
		"before_insert": "sanshu_app.supervision.rectifications.carry_campaign",  # from an inspection: its year's campaign
	},
	"Sanshu Evaluation": {"validate": "sanshu_app.official_documents.numbering.validate"},
	"Sanshu Circular": {"validate": "sanshu_app.official_documents.numbering.validate"},
	"File": {"before_insert": "sanshu_app.permissions.doors.guard_private_file_reuse"},
	# A campaign's publication window (述前公开) must not end before it starts.
	"Sanshu Campaign": {
		"validate": "sanshu_app.public_disclosure.publication.validate_campaign",
		"on_change": "sanshu_app.public_disclosure.page_cache.forget",  # its public page, kept in Redis
		"on_trash": "sanshu_app.public_disclosure.page_cache.forget",
	},
	# What the public pages show, kept in Redis, is forgotten when the office publishes or withdraws.
	"Sanshu Report": {"on_change": "sanshu_app.public_disclosure.page_cache.forget", "on_trash": "sanshu_app.public_disclosure.page_cache.forget"},
	"Public Question": {"on_change": "sanshu_app.public_disclosure.page_cache.forget", "on_trash": "sanshu_app.public_disclosure.page_cache.forget"},
	"Public Disclosure Settings": {"on_change": "sanshu_app.public_disclosure.page_cache.forget"},
	# The desk's activity log: empty old values stored as "" rather than shown as "null".
	"Version": {"before_insert": "sanshu_app.sanshu_desk.activity.empty_not_null"},
	# The ballot box is no doctype; a Query Report may not read it either (sanshu_app/ballot_box.py).
	"Report": {"validate": "sanshu_app.ballot_box.refuse_reports_on_the_box"},
	# Work plan: a unit's assessment shows its task completion beside the task-completion item.
	"Responsibility Assessment": {"onload": "sanshu_app.work_plan.ledger.assessment_onload"},
}

# Buttons the later stages add to the master-data forms (each module keeps its own script).
doctype_js = {
	"Sanshu Campaign": [
		"responsibility_documents/campaign_bulk_issue.js",  # issue letters / commitments to everyone
		"assessment_and_rectification/campaign_ledgers.js",  # 台账 downloads, one assessment per unit
		"official_documents/campaign_print.js",  # all letters of the campaign in one PDF
		"public_disclosure/campaign_public_page.js",  # 述前公开: the campaign's public page
	],
	"Sanshu Cadre": [
		"integrity_archive/cadre_archive.js",  # the integrity archive
		"integrity_archive/cadre_access.js",  # 调阅: ask to read it
	],
	"Responsibility Assessment": ["work_plan/assessment_evidence.js"],  # the work plan's task evidence
}

# Daily: commitment and report reminders; overdue inquiries; rectification reminders, overdue
# flags and proposed talks.
scheduler_events = {
	"daily": [
		"sanshu_app.sanshu_setup.reminders.run_daily",
		"sanshu_app.reporting_and_evaluation.doctype.sanshu_inquiry.sanshu_inquiry.mark_overdue_inquiries",
		"sanshu_app.assessment_and_rectification.reminders.run_daily",
		"sanshu_app.supervision.reminders.run_daily",  # 004 三: a quarter without inspection or bulletin
		"sanshu_app.work_plan.progress.run_daily",  # work plan: reminders before reports fall due, lagging tasks
	],
}

# The integrity archive (sanshu_app/integrity_archive/archive.py): the row sources each module
# registers for its own documents that need more than a title in the archive.
sanshu_archive_rows = {
	"Responsibility Assessment": "sanshu_app.assessment_and_rectification.archive_rows.assessments",
	"Asset Declaration": "sanshu_app.integrity_archive.archive_rows.declarations",
	"Case Accountability": "sanshu_app.integrity_archive.archive_rows.cases",
	"Audit Finding": "sanshu_app.integrity_archive.archive_rows.audit_findings",
	"Synchronous Record": "sanshu_app.integrity_archive.archive_rows.synchronous_records",
	"Accountability": "sanshu_app.assessment_and_rectification.archive_rows.accountabilities",
}

# The integrity archive's rows, for its print format.
jinja = {
	"methods": [
		"sanshu_app.integrity_archive.archive.jinja_archive",
		"sanshu_app.supervision.bulletin.bulletin_units",  # the quarterly bulletin's units and findings
		"sanshu_app.work_plan.ledger.jinja_bulletin",  # the work plan's quarterly progress bulletin
	]
}

# The website's footer says nothing of the platform (no "Built on Frappe" under the public pages):
# a non-empty footer_powered replaces the platform's line.
website_context = {"footer_powered": " "}

# PDFs through headless Chromium (page numbers) where the print format asks for it.
pdf_generator = "sanshu_app.official_documents.pdf.pdf_generator"

# Each role's first screen (sanshu_desk/page/sanshu_home): a cadre's to-dos, the office's workspace,
# an evaluator's ballot. Reports open on the user's active campaign (frappe.boot.sanshu_active_campaign).
app_home = "/app/sanshu-home"
boot_session = "sanshu_app.sanshu_desk.home.boot_session"

# The desk's activity log in Chinese: translated child-field labels, no "null" for empty values;
# the clerks' sheet imports' column-mapping dialog (sheet_mapping.js).
app_include_js = ["/assets/sanshu_app/js/sanshu_desk.js", "/assets/sanshu_app/js/sheet_mapping.js"]
