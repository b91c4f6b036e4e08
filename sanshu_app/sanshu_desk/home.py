"""Where each user lands, and the to-dos a cadre sees there.

Every list here is read through ``frappe.get_list`` / ``get_doc`` + ``check_permission``: the
shared record scope decides what a user may see, so the home page can never show more than the
user's own lists would.
"""

import frappe
from frappe import _
from frappe.utils import getdate, today

from sanshu_app.rules.inquiries import OPEN, OVERDUE
from sanshu_app.rules.roles import ASSESSMENT_INSPECTOR, ORGANISATION_DEPARTMENT, RESPONSIBLE_CADRE
from sanshu_app.utils import UNIT_ROLES, current_cadre, is_office

HOME_PAGE = "sanshu-home"
CIRCULAR = "Sanshu Circular"


def active_campaign(user=None) -> str | None:
	"""The campaign a report opens on: the latest active one the user takes part in, else the latest active one."""
	if not frappe.has_permission("Sanshu Campaign", "read", user=user):
		return None
	campaigns = frappe.get_list("Sanshu Campaign", filters={"status": "Active"}, pluck="name", order_by="year desc, creation desc", limit_page_length=50)
	if not campaigns:
		return None
	cadre = current_cadre(user)
	if cadre:
		mine = set(
			frappe.get_list("Sanshu Campaign", filters=[["name", "in", campaigns], ["Sanshu Campaign Cadre", "cadre", "=", cadre]], pluck="name", distinct=True)
		)
		for name in campaigns:
			if name in mine:
				return name
	return campaigns[0]


def active_work_plan(campaign, year) -> str | None:
	"""The work plan the task ledger opens on: the active campaign's, else the latest open one of its year."""
	if not year or not frappe.has_permission("Sanshu Work Plan", "read"):
		return None
	for filters in ({"campaign": campaign}, {"year": year}):
		plans = frappe.get_list("Sanshu Work Plan", filters={**filters, "status": ("!=", "Closed")}, pluck="name", order_by="creation desc", limit_page_length=1)
		if plans:
			return plans[0]
	return None


def boot_session(bootinfo):
	bootinfo.sanshu_active_campaign = active_campaign()
	# A report's year filter opens on the active campaign's year, not the calendar's (in January to
	# March the year's campaign is still last year's).
	bootinfo.sanshu_active_campaign_year = (
		frappe.db.get_value("Sanshu Campaign", bootinfo.sanshu_active_campaign, "year") if bootinfo.sanshu_active_campaign else None
	)
	bootinfo.sanshu_my_cadre = current_cadre()
	bootinfo.sanshu_active_work_plan = active_work_plan(bootinfo.sanshu_active_campaign, bootinfo.sanshu_active_campaign_year)
	# /app opens the role home (which sends the office on to its workspace), not the platform's
	# first workspace (构建 for a role that has no workspace of the app).
	if frappe.session.user != "Guest" and frappe.db.exists("Page", HOME_PAGE) and frappe.get_doc("Page", HOME_PAGE).is_permitted():
		bootinfo.home_page = HOME_PAGE


def landing(user=None) -> str:
	"""office | evaluator | inspector | cadre | orgdept: which home a user gets (the office wins,
	then a cadre record, then the organisation department)."""
	user = user or frappe.session.user
	roles = set(frappe.get_roles(user))
	if is_office(user):
		return "office"
	if current_cadre(user) or roles.intersection(UNIT_ROLES) or RESPONSIBLE_CADRE in roles:
		return "cadre"
	if ORGANISATION_DEPARTMENT in roles:
		return "orgdept"
	if ASSESSMENT_INSPECTOR in roles:
		return "inspector"
	return "evaluator"


def _item(kind, doctype, name, title, deadline=None, state=None):
	deadline = getdate(deadline) if deadline else None
	return {
		"kind": kind,
		"doctype": doctype,
		"name": name,
		"title": title or name,
		"deadline": deadline,
		"overdue": bool(deadline and deadline < getdate(today())),
		"state": _(state) if state else "",
	}


def _campaign_dates(names):
	names = [n for n in set(names) if n]
	if not names:
		return {}
	return {c.name: c for c in frappe.get_list("Sanshu Campaign", filters={"name": ("in", names)}, fields=["name", "commitment_due_date", "report_due_date"])}


def my_todos(cadre: str) -> list[dict]:
	"""What ``cadre`` has to do now, each with its deadline, soonest first."""
	items = []
	letters = frappe.get_list(
		"Responsibility Letter",
		filters=[["workflow_state", "in", ["Under Review", "Awaiting Signature"]], ["docstatus", "=", 0], ["Responsibility Letter Signature", "signer", "=", cadre]],
		fields=["name"],
		limit_page_length=0,
		distinct=True,
	)
	campaigns = _campaign_dates(frappe.get_list("Responsibility Letter", filters={"name": ("in", [l.name for l in letters] or [""])}, pluck="campaign") + frappe.get_list("Integrity Commitment", filters={"cadre": cadre, "docstatus": 0}, pluck="campaign"))
	for row in letters:
		letter = frappe.get_doc("Responsibility Letter", row.name)
		letter.check_permission("read")
		letter.run_method("onload")
		turn = letter.get_onload().get("my_turn") or {}
		due = campaigns.get(letter.campaign, {}).get("commitment_due_date") if letter.campaign else None
		if turn.get("opinion"):
			items.append(_item(_("Give your review opinion"), letter.doctype, letter.name, letter.title, due, letter.workflow_state))
		if turn.get("sign"):
			items.append(_item(_("Sign the letter"), letter.doctype, letter.name, letter.title, due, letter.workflow_state))
	for c in frappe.get_list("Integrity Commitment", filters={"cadre": cadre, "docstatus": 0, "workflow_state": "Awaiting Signature"}, fields=["name", "title", "campaign", "workflow_state"]):
		items.append(_item(_("Sign the commitment"), "Integrity Commitment", c.name, c.title, campaigns.get(c.campaign, {}).get("commitment_due_date"), c.workflow_state))
	for card in frappe.get_list(
		"Risk Notification Card",
		filters={"docstatus": 0, "workflow_state": "Awaiting Sign-off"},
		or_filters={"cadre": cadre, "party_secretary": cadre, "supervision_officer": cadre},
		fields=["name"],
	):
		doc = frappe.get_doc("Risk Notification Card", card.name)
		doc.run_method("onload")
		if doc.get_onload().get("my_turn"):
			items.append(_item(_("Sign the risk notification card"), doc.doctype, doc.name, doc.cadre_name, doc.issue_date, doc.workflow_state))
	reported = {r.campaign: r for r in frappe.get_list("Sanshu Report", filters={"cadre": cadre}, fields=["name", "campaign", "workflow_state", "due_date", "cadre_name"])}
	for info in frappe.get_list(
		"Sanshu Campaign",
		filters=[["status", "=", "Active"], ["Sanshu Campaign Cadre", "cadre", "=", cadre]],
		fields=["name", "report_due_date", "campaign_title"],
		distinct=True,
	):
		report = reported.get(info.name)
		if not report:
			items.append(_item(_("Write your Sanshu report"), "Sanshu Report", None, info.campaign_title, info.report_due_date, "Not Started"))
		elif report.workflow_state in (None, "", "Draft", "Returned"):
			items.append(_item(_("Submit your Sanshu report"), "Sanshu Report", report.name, info.campaign_title, report.due_date, report.workflow_state or "Draft"))
	for inquiry in frappe.get_list("Sanshu Inquiry", filters={"cadre": cadre, "status": ("in", [OPEN, OVERDUE])}, fields=["name", "question", "reply_due_date", "status"]):
		items.append(_item(_("Answer the inquiry"), "Sanshu Inquiry", inquiry.name, (inquiry.question or "")[:60], inquiry.reply_due_date, inquiry.status))
	for rect in frappe.get_list(
		"Rectification",
		filters=[["Rectification Measure", "owner_cadre", "=", cadre], ["Rectification Measure", "status", "!=", "Completed"], ["docstatus", "<", 2]],
		fields=["name"],
		distinct=True,
	):
		doc = frappe.get_doc("Rectification", rect.name)
		doc.check_permission("read")
		for measure in doc.measures:
			if measure.owner_cadre == cadre and measure.status != "Completed":
				items.append(_item(_("Carry out the rectification measure"), doc.doctype, doc.name, measure.measure, measure.deadline, measure.status))
	# A rectification notice issued to the cadre (003 §20): plan, rectify and report within 30 days.
	for rect in frappe.get_list(
		"Rectification",
		filters={"cadre": cadre, "workflow_state": ("in", ["Notice Issued", "Returned", "Plan Submitted", "In Progress"])},
		fields=["name", "notice_type", "report_due_date", "workflow_state"],
	):
		todo = _("Report on the rectification") if rect.workflow_state in ("Plan Submitted", "In Progress") else _("Submit the rectification plan")
		items.append(_item(todo, "Rectification", rect.name, _(rect.notice_type or "Rectification Notice"), rect.report_due_date, rect.workflow_state))
	for talk in frappe.get_list("Integrity Talk", filters={"cadre": cadre, "talk_date": (">=", today())}, fields=["name", "talk_type", "talk_date"]):
		items.append(_item(_("Attend the talk"), "Integrity Talk", talk.name, _(talk.talk_type) if talk.talk_type else talk.name, talk.talk_date))
	items.sort(key=lambda i: (i["deadline"] is None, i["deadline"] or getdate(today())))
	return items


def unit_view() -> list[dict]:
	"""For a Party Secretary or Supervision Officer: what is open in their units (their scope)."""
	rows = []
	for doctype, filters, state_field in (
		("Responsibility Letter", {"docstatus": 0}, "workflow_state"),
		("Integrity Commitment", {"docstatus": 0}, "workflow_state"),
		("Sanshu Report", {"workflow_state": ("in", ["", "Draft", "Returned", "Submitted"])}, "workflow_state"),
		("Sanshu Inquiry", {"status": ("in", [OPEN, OVERDUE])}, "status"),
		("Rectification", {"docstatus": 0}, "workflow_state"),
		("Risk Notification Card", {"docstatus": ("<", 2), "workflow_state": ("!=", "Closed")}, "workflow_state"),
	):
		count = len(frappe.get_list(doctype, filters=filters, pluck="name", limit_page_length=0))
		rows.append({"doctype": doctype, "label": _(doctype), "open": count})
	return rows


def opinion_requests() -> list[dict]:
	"""The organisation department's integrity opinion requests, newest first, each with its
	candidates and, once the office has approved it, the reply per candidate."""
	requests = frappe.get_list(
		"Integrity Opinion Request",
		filters={"docstatus": ("<", 2)},
		fields=["name", "requesting_body", "purpose", "request_date", "docstatus", "document_number", "approved_on"],
		order_by="request_date desc, creation desc",
		limit_page_length=50,
	)
	rows = []
	for request in requests:
		doc = frappe.get_doc("Integrity Opinion Request", request.name)
		doc.check_permission("read")
		replied = doc.docstatus == 1
		rows.append(
			{
				"name": doc.name,
				"requesting_body": doc.requesting_body,
				"purpose": _(doc.purpose) if doc.purpose else "",
				"request_date": doc.request_date,
				"replied": replied,
				"status": _("Replied") if replied else _("Awaiting Reply"),
				"document_number": doc.document_number or "",
				"approved_on": doc.approved_on,
				"candidates": [
					{"cadre_name": c.cadre_name or c.cadre, "post": c.post or "", "conclusion": _(c.conclusion) if replied and c.conclusion else ""}
					for c in doc.candidates
				],
			}
		)
	return rows


def circulars() -> list[dict] | None:
	"""The 通报 the user may read, newest first (None where the app has no circulars)."""
	if not frappe.db.exists("DocType", CIRCULAR) or not frappe.has_permission(CIRCULAR, "read"):
		return None
	meta = frappe.get_meta(CIRCULAR)
	title = meta.get_title_field()
	dates = [df.fieldname for df in meta.fields if df.fieldtype == "Date"]
	fields = ["name", "creation"] + ([title] if title and title != "name" else []) + dates[:1]
	rows = []
	for row in frappe.get_list(CIRCULAR, fields=fields, order_by="creation desc", limit_page_length=20):
		rows.append({"name": row.name, "title": row.get(title) or row.name, "date": row.get(dates[0]) if dates else getdate(row.creation)})
	return rows


@frappe.whitelist()
def home():
	"""What the home page shows the current user."""
	kind = landing()
	result = {"kind": kind, "todos": [], "unit_view": []}
	if ORGANISATION_DEPARTMENT in frappe.get_roles() and kind in ("orgdept", "cadre"):
		result["opinion_requests"] = opinion_requests()
		result["circulars"] = circulars()
	cadre = current_cadre()
	if kind == "cadre":
		if cadre:
			result["todos"] = my_todos(cadre)
		if set(frappe.get_roles()).intersection(UNIT_ROLES):
			result["unit_view"] = unit_view()
	return result
