"""Deny by default at the request boundary.

For every user but Administrator and the office (``scopes.UNRESTRICTED_ROLES``), a request runs a
whitelisted method only when the method is named below, with the reason a desk or portal page
needs it. Anything else — one of the platform's ~500 whitelisted methods, an app method not
listed, a method that does not exist — is refused before it runs, with one unvarying answer
(403, "not permitted"), so nobody learns which methods exist.

Every way the platform runs a method is gated: ``/api/method/<m>`` (v1), ``/api/v2/method/<m>``
and ``/api/v2/method/<doctype>/<m>``, the deprecated ``cmd`` form field on any path, and the
document-method routes of REST v1 and v2 (which are ``run_doc_method`` by another name).

The gate runs as an ``auth_hooks`` entry: after the platform has settled who the user is (cookie,
API key or OAuth token) and before any handler. The browser tests record every method each role's
pages call and fail on one that is not listed here; a site test walks every whitelisted method of
the platform and the app as a cadre, an evaluator and a guest (tests/site/access/test_doors.py).

A listed method that reads records either goes through the permission hooks (``frappe.get_list``,
``has_permission``) or has an app-aware override in ``doors.py``; the door suite covers both. The
list doors also pass ``field_levels``: no field above the user's level in filters, sorts or groups.
"""

import frappe
from frappe import _

# method -> why a page of a user outside the office needs it
ALLOWED_METHODS: dict[str, str] = {
	"ping": "health checks of the server (answers pong, reads nothing)",
	# signing in and out (the login page, the desk's user menu)
	"login": "the login page signs in",
	"logout": "the desk's user menu signs out",
	"web_logout": "portal pages sign out",
	"frappe.auth.get_logged_user": "the desk asks who is signed in after a reload",
	"frappe.www.login.login_via_token": "the login page's token sign-in (platform login flow)",
	"frappe.core.doctype.user.user.reset_password": "the login page's forgotten-password link",
	"frappe.core.doctype.user.user.update_password": "the update-password page after a reset",
	"frappe.core.doctype.user.user.test_password_strength": "the update-password page rates the new password",
	# the desk's frame: boot, pages, workspaces, notifications, realtime
	"frappe.desk.desk_page.getpage": "the desk opens a page (the role home 三述工作台)",
	"frappe.desk.desktop.get_workspace_sidebar_items": "the desk's sidebar lists the workspaces the user may open",
	"frappe.desk.desktop.get_desktop_page": "the desk opens a workspace",
	"frappe.desk.doctype.route_history.route_history.deferred_insert": "the desk records the routes a user opened (their own history)",
	"frappe.desk.notifications.get_notification_info": "the desk's notification bell (the user's own)",
	"frappe.desk.doctype.notification_log.notification_log.get_notification_logs": "the notification dropdown lists the user's own notifications",
	"frappe.desk.doctype.notification_log.notification_log.mark_all_as_read": "the notification dropdown marks the user's own notifications read",
	"frappe.desk.doctype.notification_log.notification_log.mark_as_read": "opening a notification marks it read",
	"frappe.desk.doctype.notification_settings.notification_settings.get_subscribed_documents": "the notification dropdown's subscribed documents (the user's own)",
	"frappe.realtime.has_permission": "socket.io asks before it sends a document's updates to the user (hidden answers as missing, doors.py)",
	"frappe.realtime.get_user_info": "socket.io learns who the connected user is",
	"frappe.desk.notifications.get_open_count": "a cadre form's connections (the integrity archive, counted only with 调阅 access)",
	"frappe.desk.doctype.event.event.get_events": "the desk's notification panel lists the user's own upcoming events",
	"frappe.utils.change_log.get_versions": "the desk's About dialog",
	# forms
	"frappe.desk.form.load.getdoctype": "a form loads its doctype's layout",
	"frappe.desk.form.load.getdoc": "a form loads its record (the record rule decides; change log values by field level)",
	"frappe.desk.form.load.get_docinfo": "a form reloads its timeline (change log values by field level)",
	"frappe.desk.form.save.savedocs": "a form saves or submits (write guard, stored and new values in scope)",
	"frappe.desk.form.save.cancel": "a form cancels a submitted record the user may cancel",
	"frappe.desk.form.utils.get_next": "the form's next/previous buttons (doors.py)",
	"frappe.desk.form.utils.add_comment": "the form's comment box (only on records the user may read)",
	"frappe.desk.form.utils.update_comment": "editing one's own comment",
	"frappe.client.delete": "deleting a draft the user owns from its form (the record rule decides)",
	"frappe.client.get_doc_permissions": "a form refreshes what the user may do with it (doors.py)",
	"frappe.client.is_document_amended": "a cancelled record's form (doors.py)",
	"frappe.desk.form.linked_with.get": "a form's connections (doors.py)",
	"run_doc_method": "a form's buttons run its record's actions (on the stored record, doors.py)",
	"frappe.handler.run_doc_method": "the same, by its full name",
	"frappe.model.workflow.get_transitions": "a form shows the workflow actions open to the user",
	"frappe.model.workflow.apply_workflow": "a form's workflow action (submit a report, sign, send back)",
	"upload_file": "attaching evidence to a record the user may write",
	"frappe.handler.upload_file": "the same, by its full name",
	"frappe.desk.form.document_follow.follow_document": "following a record the user may read (doors.py)",
	"frappe.desk.like.toggle_like": "liking a record the user may read (doors.py)",
	# lists, reports, search (the record rule in their queries; field levels in their filters)
	"frappe.desk.reportview.get": "list and report views",
	"frappe.desk.reportview.get_list": "list views",
	"frappe.desk.reportview.get_count": "a list view's count",
	"frappe.desk.listview.get_list_settings": "a list view's saved settings",
	"frappe.model.utils.user_settings.save": "list and report views remember the user's own columns and sort",
	"frappe.desk.listview.set_list_settings": "saving one's own list view settings",
	"frappe.desk.listview.get_group_by_count": "a list view's sidebar counts (doors.py)",
	"frappe.desk.query_report.get_script": "a script report's filters and columns",
	"frappe.desk.query_report.run": "a script report's rows (each report reads through the record rule)",
	"frappe.desk.search.search_link": "link fields search (doors.py)",
	"frappe.desk.search.search_widget": "link fields search (doors.py)",
	"frappe.desk.search.get_link_title": "link fields show a record's title (doors.py)",
	"frappe.client.get_list": "the app's pages and forms read lists",
	"frappe.client.get_count": "the app's pages count records (doors.py)",
	"frappe.client.get_value": "forms fetch a linked record's value (a readable record only)",
	"frappe.client.get": "the app's pages read one record",
	"frappe.client.validate_link": "a link field checks its value (doors.py)",
	# printing
	"frappe.www.printview.get_html_and_style": "the print view (the stored record, its own doctype's formats, doors.py)",
	"frappe.printing.page.print.print.get_print_settings_to_show": "the print view shows the doctype's print settings",
	"frappe.utils.print_format.download_pdf": "the print view's PDF (the stored record, its own doctype's formats)",
	# the app's own pages and buttons
	"sanshu_app.sanshu_desk.home.home": "the role home 三述工作台 lists the user's own to-dos",
	"sanshu_app.reporting_and_evaluation.queries.my_cadre": "a cadre's forms find the cadre record of the signed-in user",
	"sanshu_app.reporting_and_evaluation.doctype.sanshu_inquiry.sanshu_inquiry.inquiry_targets": "a discipline committee member's inquiry list offers the cadres of active campaigns they may question (001 §6; names, units and campaign titles only; that role and the office alone)",
	"sanshu_app.reporting_and_evaluation.doctype.sanshu_inquiry.sanshu_inquiry.file_written_inquiry": "a discipline committee member files a written inquiry (书面询问, 001 §6) from the inquiry list; that role alone",
	"sanshu_app.reporting_and_evaluation.queries.report_sections": "the report form's sections for its campaign",
	"sanshu_app.work_plan.progress.task_periods": "the progress report form shows its task's periods",
	"sanshu_app.work_plan.ledger.assessment_evidence": "the assessment form shows its work-plan evidence",
	"sanshu_app.integrity_archive.access.print_archive": "a reader with 调阅 access prints the archive (registered)",
	# guest portal pages (the guest surface is sanshu_app/api/public.py)
	"sanshu_app.api.public.submit_phone_ballot": "the phone ballot page /sanshu-ballot casts a ballot with its one-time code",
	"sanshu_app.api.public.ask_question": "the public report page /sanshu-public/report asks a question (网上询问)",
	"sanshu_app.api.public.answer_survey": "the public survey page /sanshu-public/survey answers with its one-time code",
	"sanshu_app.api.public.submit_objection": "the public declarations page /sanshu-public/declarations files an objection (公示)",
	"sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation.my_ballots": "the evaluator's vote page sanshu-vote lists their own evaluations still to vote in",
	"sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation.cast_ballot": "the evaluator's vote page sanshu-vote casts their ballot (once, rostered only)",
}

# Link searches (``query`` of search_link / search_widget) that answer outside the record rule with
# only what a role needs, each refusing other roles itself: the doctype they search is not refused
# whole for the roles they serve (hidden_records.check_request). query -> why.
LINK_QUERIES: dict[str, str] = {
	"sanshu_app.integrity_archive.doctype.integrity_opinion_request.integrity_opinion_request.candidate_search": "the organisation department's integrity opinion request finds candidates by name among the serving cadres (name, unit and post only; the department and the office alone), though it reads no cadre record",
}
SEARCH_METHODS = ("frappe.desk.search.search_link", "frappe.desk.search.search_widget")

# Routes that run a record's own method: the same door as run_doc_method.
_DOC_METHOD = "run_doc_method"


def requested_methods(request, form_dict) -> list[str]:
	"""The whitelisted methods a request asks to run, by the names the client used."""
	methods = []
	if form_dict.get("cmd"):
		methods.append(str(form_dict.get("cmd")))
	path = request.path
	for prefix in ("/api/method/", "/api/v1/method/"):
		if path.startswith(prefix):
			methods.append(path[len(prefix) :].strip("/"))
	if path.startswith("/api/v2/method/"):
		parts = path[len("/api/v2/method/") :].strip("/").split("/")
		methods.append(parts[0] if len(parts) == 1 else _controller_method(parts[0], "/".join(parts[1:])))
	if path.startswith(("/api/resource/", "/api/v1/resource/")):
		if (request.method == "POST" and path.rstrip("/").count("/") >= 4) or "run_method" in form_dict:
			methods.append(_DOC_METHOD)
	if path.startswith("/api/v2/document/") and "/method/" in path:
		methods.append(_DOC_METHOD)
	return methods


def _controller_method(doctype: str, method: str) -> str:
	"""``/api/v2/method/<doctype>/<method>`` runs a function of the doctype's controller module."""
	from frappe.modules.utils import get_doctype_module, get_module_name

	try:
		module = get_doctype_module(doctype)
		return get_module_name(doctype, module, "", app=frappe.local.module_app.get(frappe.scrub(module))) + "." + method
	except Exception:
		return f"{doctype}/{method}"  # no such doctype: listed nowhere, so refused


def allowed(method: str) -> bool:
	return method in ALLOWED_METHODS


def gate():
	"""``auth_hooks``: refuse, before it runs, any method not on the list for a user outside the
	office; then the checks every list, write and print door shares."""
	request = getattr(frappe.local, "request", None)
	if request is None:
		return
	methods = requested_methods(request, frappe.form_dict)
	if not methods and not request.path.startswith(("/api/", "/printview")):
		return
	from sanshu_app.permissions import child_rows, field_levels, hidden_records, printing
	from sanshu_app.permissions.rule import is_office

	office = is_office(frappe.session.user)
	if not office and any(not allowed(m) for m in methods):
		refuse()
	hidden_records.check_request(request, office)
	child_rows.check_request(request, methods)
	field_levels.check_request(request, methods)
	if not office:
		printing.check_request(request, methods)


def refuse():
	"""One answer for every refused method, known or not."""
	frappe.throw(_("Not permitted"), frappe.PermissionError)
