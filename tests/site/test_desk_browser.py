"""The desk as its users meet it, in headless Chromium: each logs in, lands on their own home,
clicks the real buttons (return, review, sign, submit, vote), opens the reports meant for them and
prints each document. A button that does nothing fails here: every click is followed by what the
user must then see, and by the stored state it must have changed.

One county, made and committed once (the browser's requests read it through their own
connections); one browser per user, shared by the tests in the order they run.
"""

import frappe
import pytest
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, today

from tests.site.browser import chromium_found, logged_in_browsers, stored
from tests.site.factories import County, make_cadre, make_campaign, make_user
from sanshu_app.permissions import forget_scopes

pytestmark = pytest.mark.skipif(not chromium_found(), reason="no chromium / chromedriver on this machine")

LETTER = "Responsibility Letter"
COMMITMENT = "Integrity Commitment"


def zh(text):
	return frappe._(text, lang="zh")


class World:
	"""The county, its campaign and a document of each kind, committed for the browser."""

	def __init__(self):
		frappe.set_user("Administrator")
		frappe.db.set_single_value("System Settings", "setup_complete", 1)
		c = self.c = County()
		self.officer = make_cadre(c.town_a, "甲纪委书记", roles=("Supervision Officer", "Responsible Cadre"))
		frappe.db.set_value("Sanshu Unit", c.town_a, "discipline_officer", self.officer.name)
		forget_scopes()  # set_value skips the document events
		self.evaluator = make_user("评议员", ("Evaluator",))
		self.inspector = make_user("考核组", ("Assessment Inspector",))
		self.manager = c.manager
		year = getdate(today()).year
		self.campaign = make_campaign(
			year,
			units=[c.town_a],
			cadres=[c.cadre_a.name, c.secretary_a.name, self.officer.name],
			status="Active",
			commitment_due_date=add_days(today(), -3),  # passed: unsigned commitments are overdue
			report_due_date=add_days(today(), -1),  # passed: missing reports are overdue
		)
		frappe.set_user(self.manager)
		self.letter_to_return = self.letter("退回用责任书")
		self.letter_to_sign = self.letter("签字用责任书")
		self.commitment = frappe.get_doc(
			{
				"doctype": COMMITMENT,
				"commitment_type": "Annual Responsibility Commitment",
				"year": year,
				"campaign": self.campaign.name,
				"cadre": c.cadre_a.name,
				"items": [{"item": "严格遵守廉洁自律各项规定"}],
			}
		).insert()
		apply_workflow(self.commitment.as_dict(), "Issue")
		self.evaluation = frappe.get_doc(
			{
				"doctype": "Sanshu Evaluation",
				"campaign": self.campaign.name,
				"cadre": c.cadre_a.name,
				"roster": [{"evaluator": self.evaluator, "evaluator_group": "Service Recipient"}],
			}
		).insert()
		self.card = frappe.get_doc(
			{
				"doctype": "Risk Notification Card",
				"cadre": c.cadre_a.name,
				"risk_level": "Medium Risk",
				"signs": [{"description": "审计发现招待费超标", "source": "Audit", "risk_level": "Medium Risk"}],
				"required_actions": "一周内说明情况，退还超标费用。",
			}
		).insert()
		apply_workflow(self.card.as_dict(), "Issue")
		self.talk = frappe.get_doc({"doctype": "Integrity Talk", "talk_type": "Reminder Talk", "cadre": c.cadre_a.name, "reason": "提醒谈话", "talk_date": add_days(today(), 5)}).insert()
		self.inquiry = frappe.get_doc(
			{
				"doctype": "Sanshu Inquiry",
				"campaign": self.campaign.name,
				"cadre": c.cadre_a.name,
				"inquiry_type": "Written Inquiry",
				"asker": self.manager,
				"asked_on": today(),
				"question": "请说明本单位廉政风险防控措施的落实情况。",
			}
		).insert()
		frappe.set_user("Administrator")
		for user in (c.cadre_a.user, c.secretary_a.user, self.officer.user, self.manager, self.evaluator, self.inspector):
			frappe.db.set_value("User", user, "language", "zh")
		frappe.db.commit()
		frappe.clear_cache()

	def letter(self, title):
		c = self.c
		doc = frappe.get_doc(
			{
				"doctype": LETTER,
				"letter_type": "Party Conduct Responsibility Letter",
				"title": title,
				"year": self.campaign.year,
				"campaign": self.campaign.name,
				"cadre": c.cadre_a.name,
				"body": "<p>为落实党风廉政建设主体责任，签订本责任书。</p>",
				"signatures": [
					{"signer": c.secretary_a.name, "capacity": "Principal Responsible"},
					{"signer": self.officer.name, "capacity": "Supervisory Responsible"},
					{"signer": c.cadre_a.name, "capacity": "Responsibility Subject"},
				],
			}
		).insert()
		apply_workflow(doc.as_dict(), "Submit for Review")
		return frappe.get_doc(LETTER, doc.name)


@pytest.fixture(scope="module")
def world():
	return World()


@pytest.fixture(scope="module")
def browsers():
	yield from logged_in_browsers()



def test_each_role_lands_on_its_own_home(world, browsers):
	c = world.c
	cadre = browsers(c.cadre_a.user)
	assert cadre.landing.endswith("/app/sanshu-home"), cadre.landing
	todos = cadre.wait_for_css(".sanshu-todos table").text
	assert zh("Sign the commitment") in todos and world.commitment.title in todos
	assert zh("Write your Sanshu report") in todos
	assert zh("Answer the inquiry") in todos and zh("Attend the talk") in todos
	overdue = cadre.wait_for_css(".sanshu-todo.text-danger").text
	assert zh("Overdue") in overdue
	assert world.letter_to_sign.title not in todos  # under review: nothing for the cadre to do yet
	assert "基础设置" not in cadre.page_text() and zh("Sanshu Rule Set") not in cadre.page_text()
	assert "三述" in cadre.js("return frappe.boot.app_data.map((a) => a.app_title)")

	secretary = browsers(c.secretary_a.user)
	assert secretary.landing.endswith("/app/sanshu-home")
	assert world.letter_to_sign.title in secretary.wait_for_css(".sanshu-todos table").text  # their opinion is due
	assert zh("Responsibility Letter") in secretary.wait_for_css(".sanshu-unit-view").text

	manager = browsers(world.manager)
	assert manager.wait_until(lambda: manager.driver.current_url.endswith("/app/sanshu"), "the office workspace")

	evaluator = browsers(world.evaluator)
	assert evaluator.wait_until(lambda: evaluator.driver.current_url.endswith("/app/sanshu-vote"), "the ballot page")


def test_the_office_returns_a_letter_with_a_reason(world, browsers):
	manager = browsers(world.manager)
	letter = world.letter_to_return
	manager.go(f"/app/responsibility-letter/{letter.name}")
	manager.workflow_action(zh("Return"))
	manager.fill_dialog("任务表述不具体，请修改")
	assert manager.wait_until(lambda: stored(LETTER, letter.name, "workflow_state") == "Draft", "the letter back in draft")
	assert stored(LETTER, letter.name, "return_reason") == "任务表述不具体，请修改"
	assert zh("Draft") in manager.alert_text()
	assert not manager.errors_in_console()


def test_reviewers_give_opinions_and_signers_sign_in_turn(world, browsers):
	c = world.c
	letter = world.letter_to_sign.name
	for signer, opinion in ((c.secretary_a, "同意签订"), (world.officer, "同意，加强监督")):
		b = browsers(signer.user)
		b.go(f"/app/responsibility-letter/{letter}")
		assert not b.has_button(zh("Sign"))
		b.click(zh("Give Review Opinion"))
		b.fill_dialog(opinion)
		assert zh("Your review opinion is recorded.") in b.alert_text()
		assert opinion in [r.review_opinion for r in frappe.get_doc(LETTER, letter).signatures if r.signer == signer.name] or stored(LETTER, letter, "name")
	frappe.db.rollback()
	assert all(r.review_opinion for r in frappe.get_doc(LETTER, letter).signatures if r.capacity != "Responsibility Subject")

	manager = browsers(world.manager)
	manager.go(f"/app/responsibility-letter/{letter}")
	manager.workflow_action(zh("Request Signatures"))
	assert manager.wait_until(lambda: stored(LETTER, letter, "workflow_state") == "Awaiting Signature", "signatures requested")

	cadre = browsers(c.cadre_a.user)
	cadre.go(f"/app/responsibility-letter/{letter}")
	assert not cadre.has_button(zh("Sign")), "the cadre signs last: 签字 must not be offered before their turn"
	cadre.go(f"/app/risk-notification-card/{world.card.name}")
	assert not cadre.has_button(zh("Sign")), "the cadre acknowledges a card last"
	secretary = browsers(c.secretary_a.user)
	secretary.go(f"/app/risk-notification-card/{world.card.name}")
	assert secretary.button(zh("Sign"))
	for signer in (c.secretary_a, world.officer, c.cadre_a):
		b = browsers(signer.user)
		b.go(f"/app/responsibility-letter/{letter}")
		b.click(zh("Sign"))
		b.confirm()
		assert zh("Signed.") in b.alert_text()
	assert stored(LETTER, letter, "docstatus") == 1
	assert stored(LETTER, letter, "workflow_state") == "Signed"


def test_the_cadre_signs_their_commitment(world, browsers):
	cadre = browsers(world.c.cadre_a.user)
	cadre.go(f"/app/integrity-commitment/{world.commitment.name}")
	cadre.click(zh("Sign"))
	cadre.confirm()
	assert zh("Signed.") in cadre.alert_text()
	assert stored(COMMITMENT, world.commitment.name, "signed_at")


def test_the_cadre_writes_and_submits_their_report(world, browsers):
	cadre = browsers(world.c.cadre_a.user)
	cadre.go("/app/sanshu-report/new")
	sections = cadre.wait_until(
		lambda: cadre.js("return cur_frm && cur_frm.doc.campaign && (cur_frm.doc.sections || []).map((r) => r.section)"),
		"the report's sections on a new form",
	)
	assert sections == ["Responsibility", "Integrity", "Ethics"]
	assert cadre.js("return cur_frm.doc.cadre") == world.c.cadre_a.name
	assert cadre.js("return cur_frm.doc.campaign") == world.campaign.name
	# the sections' text, as typed into the grid's editor
	cadre.js("cur_frm.doc.sections.forEach((row) => frappe.model.set_value(row.doctype, row.name, 'content', '<p>' + row.section + '：认真履行职责。</p>'))")
	cadre.js("cur_frm.save()")
	cadre.settle()
	name = cadre.wait_until(lambda: not cadre.js("return cur_frm.is_new()") and cadre.js("return cur_frm.doc.name"), "the saved report")
	cadre.js("cur_frm.reload_doc()")  # a refresh must not add the overdue note again
	cadre.settle()
	overdue_note = zh("This report is past its due date {0}.").split("{0}")[0]
	shown = cadre.js("return $('.form-message:visible, .form-intro-area:visible .form-intro, .form-dashboard:visible .dashboard-comment').filter((i, e) => e.innerText.includes(arguments[0])).length", overdue_note)
	assert shown == 1, f"the overdue note is shown {shown} times"
	# a second edit of a section: the activity log names the field in Chinese, and no "null"
	cadre.js("const row = cur_frm.doc.sections[0]; frappe.model.set_value(row.doctype, row.name, 'content', '<p>补充：加强学习。</p>').then(() => cur_frm.save())")
	cadre.settle()
	timeline = cadre.wait_until(lambda: "补充" in cadre.js("return $('.new-timeline').text()") and cadre.js("return $('.new-timeline').text()"), "the change in the activity log")
	assert zh("Content") in timeline and "Content" not in timeline and "null" not in timeline, timeline[:600]
	assert "第1行" in timeline and "第0行" not in timeline, timeline[:600]  # rows counted from 1, as the grid shows them
	cadre.workflow_action(zh("Submit Report"))
	assert cadre.wait_until(lambda: stored("Sanshu Report", name, "workflow_state") == "Submitted", "the report submitted")
	assert zh("Submitted") in cadre.alert_text()


def test_the_office_returns_a_report_with_a_reason(world, browsers):
	frappe.db.rollback()
	report = frappe.get_all("Sanshu Report", filters={"cadre": world.c.cadre_a.name, "workflow_state": "Submitted"}, pluck="name")[0]
	manager = browsers(world.manager)
	manager.go(f"/app/sanshu-report/{report}")
	manager.workflow_action(zh("Return Report"))
	manager.fill_dialog("述德部分过于简略，请补充")
	assert manager.wait_until(lambda: stored("Sanshu Report", report, "workflow_state") == "Returned", "the report returned")
	assert stored("Sanshu Report", report, "return_reason") == "述德部分过于简略，请补充"
	assert zh("Returned") in manager.alert_text()
	assert not manager.errors_in_console()
	assert "null" not in manager.js("return $('.new-timeline').text()")


def test_the_evaluator_votes_on_the_ballot_page(world, browsers):
	evaluator = browsers(world.evaluator)
	evaluator.go("/app/sanshu-vote")
	evaluator.wait_until(lambda: world.c.cadre_a.full_name in evaluator.page_text(), "the evaluation on the ballot")
	evaluator.click("满意")
	evaluator.confirm()
	assert evaluator.alert_text()
	assert evaluator.wait_until(lambda: zh("You have no evaluations left to vote in.") in evaluator.page_text(), "the ballot gone after voting")

	# the office closes an evaluation with 结束测评; a bare 提交 is not offered beside it
	manager = browsers(world.manager)
	manager.go(f"/app/sanshu-evaluation/{world.evaluation.name}")
	assert manager.button(zh("Close Evaluation"))
	assert not manager.has_button(frappe._("Submit", lang="zh"))


REPORTS = {
	"manager": [
		"Sanshu Campaign Overview",
		"Sanshu Late and Missing Reports",
		"Commitment Compliance",
		"Assessment Ranking",
		"Rectification Ledger",
		"Integrity Archive",
	],
	# A Party Secretary reads a cadre's integrity archive only through an approved 调阅 (not here).
	"secretary": ["Sanshu Campaign Overview", "Sanshu Late and Missing Reports", "Commitment Compliance", "Assessment Ranking", "Rectification Ledger"],
	"officer": ["Sanshu Campaign Overview", "Sanshu Late and Missing Reports", "Commitment Compliance", "Assessment Ranking", "Rectification Ledger"],
	"cadre": ["Integrity Archive", "Rectification Ledger"],
	"inspector": ["Assessment Ranking"],
}
WITH_ROWS = {"Sanshu Campaign Overview", "Sanshu Late and Missing Reports", "Commitment Compliance", "Integrity Archive"}


def open_report(b, report, route_options=None):
	b.go("/app/query-report/" + report.replace(" ", "%20") + (route_options or ""))
	b.wait_until(lambda: b.js("return frappe.query_report && frappe.query_report.report_name") == report, f"the report {report}")
	b.wait_until(lambda: b.js("return frappe.query_report.data !== undefined || !!$('.msgprint:visible').length"), f"{report} to run")
	b.settle()
	errors = b.js("return $('.modal.show .msgprint, .modal.show .modal-title').map((i, e) => e.innerText).get().join(' | ')")
	assert not errors, f"{b.user} opening {report}: {errors}"
	return b.js("return frappe.query_report.data || []")


def test_each_role_opens_its_reports_on_the_active_campaign(world, browsers):
	c = world.c
	people = {"manager": world.manager, "secretary": c.secretary_a.user, "officer": world.officer.user, "cadre": c.cadre_a.user, "inspector": world.inspector}
	for role, reports in REPORTS.items():
		b = browsers(people[role])
		for report in reports:
			options = f"?cadre={c.cadre_a.name}" if report == "Integrity Archive" and role != "cadre" else ""
			data = open_report(b, report, options)
			if report in WITH_ROWS:
				data = b.wait_until(lambda: b.js("return (frappe.query_report.data || []).length"), f"{role}: rows in {report}")
				assert data
			campaign = b.js("return frappe.query_report.get_filter_value('campaign')") if report != "Integrity Archive" else None
			if report != "Integrity Archive":
				assert campaign == world.campaign.name, f"{role}: {report} opened on {campaign}"
			columns = b.js("return (frappe.query_report.columns || []).map((col) => col.label)")
			assert zh("Cadre Name") not in columns
			if report == "Sanshu Late and Missing Reports":
				assert b.visible(".sanshu-overdue"), "overdue rows are marked"
				assert c.cadre_a.full_name in b.page_text()  # the cadre column shows names
			if report == "Integrity Archive":
				text = b.page_text()
				assert zh("Responsibility Letter") in text and "Responsibility Letter" not in text


def test_the_ranking_opens_on_the_active_campaigns_year_not_the_calendars(world, browsers):
	"""In January to March the active campaign is last year's: 考核排名 opens on its year and shows its rows."""
	c = world.c
	frappe.set_user("Administrator")
	last_year = getdate(today()).year - 1
	secretary = make_cadre(c.town_b, "乙书记", roles=("Party Secretary", "Responsible Cadre"), is_principal=1)
	frappe.db.set_value("Sanshu Unit", c.town_b, "principal", secretary.name)
	forget_scopes()  # set_value skips the document events
	frappe.db.set_value("User", secretary.user, "language", "zh")
	campaign = make_campaign(last_year, units=[c.town_b], cadres=[secretary.name], status="Active")
	frappe.set_user(world.manager)
	assessment = frappe.get_doc({"doctype": "Responsibility Assessment", "campaign": campaign.name, "unit": c.town_b}).insert()
	frappe.set_user("Administrator")
	frappe.db.commit()
	b = browsers(secretary.user)
	open_report(b, "Assessment Ranking")
	assert b.js("return frappe.query_report.get_filter_value('campaign')") == campaign.name
	assert b.js("return frappe.query_report.get_filter_value('year')") == last_year
	rows = b.wait_until(lambda: b.js("return (frappe.query_report.data || []).map((row) => row.assessment)"), "the ranking's rows")
	assert rows == [assessment.name]
	assert b.visible(".dt-scrollable .dt-row")  # the user sees a row, not 无数据


PLATFORM_WORKSPACES = ("Build", "Tools", "Users", "Website", "Integrations")


def test_a_cadre_sees_no_platform_modules_in_the_sidebar(world, browsers):
	"""构建 / 工具 / 用户列表 / 网站 / 集成 and the platform's "Framework" are for the System Manager only."""
	cadre = browsers(world.c.cadre_a.user)
	cadre.go("/app/sanshu-home")
	cadre.settle()
	pages = cadre.js("return ((frappe.boot.sidebar_pages || {}).pages || []).map((p) => p.name)")
	assert not set(pages) & set(PLATFORM_WORKSPACES), pages
	text = cadre.js("return $('.desk-sidebar:visible, .body-sidebar:visible, .layout-side-section:visible').map((i, e) => e.innerText).get().join(' ')") or ""
	for label in ("Framework", *(zh(w) for w in PLATFORM_WORKSPACES)):
		assert label not in text, (label, text[:400])
	cadre.driver.save_screenshot("/tmp/sanshu-cadre-sidebar.png")
	# the platform's administrator still has them
	frappe.set_user("Administrator")
	from frappe.desk.desktop import get_workspace_sidebar_items

	assert set(PLATFORM_WORKSPACES) <= {p["name"] for p in get_workspace_sidebar_items()["pages"]}


def test_the_editor_toolbar_and_the_unit_search_read_in_chinese(world, browsers):
	manager = browsers(world.manager)
	manager.go("/app/responsibility-letter/new")
	before = "return (l => l && getComputedStyle(l, '::before').content)($(arguments[0])[0])"
	heading = manager.wait_until(lambda: manager.js(before, ".ql-picker.ql-header .ql-picker-label"), "the editor's toolbar")
	assert heading == '"正文"', heading  # not "Normal"
	assert manager.js(before, ".ql-picker.ql-table .ql-picker-label") == '"表格"'  # not "Table"
	# a unit link (the campaign's units, a meeting's …): typed into as a user types
	manager.js(
		"window.sanshu_unit_dialog = new frappe.ui.Dialog({title: 'unit', fields: [{fieldname: 'unit', fieldtype: 'Link', options: 'Sanshu Unit', label: 'unit'}]});"
		"sanshu_unit_dialog.show();"
	)
	box = manager.wait_until(lambda: manager.visible(".modal.show input[data-fieldname=unit]"), "the unit field")
	box.click()  # the search lists the units, each with its type under its name
	results = "return $('div[role=option]:visible').map((i, e) => e.innerText).get().join(' | ')"
	shown = manager.wait_until(lambda: manager.js(results), "the unit search's results")
	assert zh("Township") in shown and "Township" not in shown, shown
	manager.js("sanshu_unit_dialog.hide()")


def check_print(b, doctype, name):
	b.go(f"/app/print/{doctype.replace(' ', '%20')}/{name}")
	expected = frappe.get_meta(doctype).default_print_format or "Standard"
	chosen = b.wait_until(
		# the format chooser of the print view (empty means Frappe's "Standard")
		lambda: b.js("const i = $('.print-preview-sidebar input[data-fieldname=print_format]'); return i.length ? i.val() || 'Standard' : null"),
		f"the print format of {doctype}",
	)
	assert chosen == expected, f"{b.user}: {doctype} opens on {chosen}, not its default {expected}"
	body = b.wait_until(
		lambda: b.js("const f = $('iframe.print-format-container')[0]; return f && f.contentDocument.body.innerText"),
		f"the print preview of {doctype}",
	)
	assert "Traceback" not in body and zh("Not Permitted") not in body, body[:500]
	assert not b.js("return $('.modal.show .msgprint').text()")


def test_each_document_prints_on_its_default_format(world, browsers):
	frappe.db.rollback()
	c = world.c
	report = frappe.get_all("Sanshu Report", filters={"cadre": c.cadre_a.name}, pluck="name")[0]
	manager = browsers(world.manager)
	for doctype, name in (
		(LETTER, world.letter_to_sign.name),
		(COMMITMENT, world.commitment.name),
		("Risk Notification Card", world.card.name),
		("Sanshu Report", report),
		("Sanshu Evaluation", world.evaluation.name),
		("Sanshu Inquiry", world.inquiry.name),
		("Integrity Talk", world.talk.name),
		("Sanshu Cadre", c.cadre_a.name),
	):
		check_print(manager, doctype, name)
	cadre = browsers(c.cadre_a.user)  # a cadre prints their own documents
	for doctype, name in ((LETTER, world.letter_to_sign.name), (COMMITMENT, world.commitment.name), ("Sanshu Report", report)):
		check_print(cadre, doctype, name)


def test_a_unit_leader_asks_to_read_an_archive_and_the_office_approves(world, browsers):
	"""调阅 from the cadre's form: the button opens a request for that cadre; the office approves it."""
	c = world.c
	secretary = browsers(c.secretary_a.user)
	secretary.go(f"/app/sanshu-cadre/{c.cadre_a.name}")
	# the form's 廉政档案 button group (the sidebar's 廉政档案 workspace link has the same words)
	group = secretary.wait_until(
		lambda: next((e for e in secretary.driver.find_elements("css selector", ".page-actions .inner-group-button > button") if e.is_displayed() and e.text.strip() == zh("Integrity Archive")), None),
		"the form's 廉政档案 buttons",
	)
	group.click()
	secretary.click(zh("Request Archive Access"))
	assert secretary.wait_until(lambda: secretary.js("return cur_frm && cur_frm.doctype") == "Archive Access Request", "the new access request")
	assert secretary.js("return cur_frm.doc.cadre") == c.cadre_a.name
	secretary.js("cur_frm.set_value('purpose', '拟提拔考察'); return cur_frm.set_value('valid_until', frappe.datetime.add_days(frappe.datetime.get_today(), 30))")
	secretary.settle()
	secretary.click(zh("Save"))
	request = secretary.wait_until(
		lambda: (frappe.db.rollback(), frappe.db.get_value("Archive Access Request", {"cadre": c.cadre_a.name, "requester": c.secretary_a.user}))[1],
		"the request saved",
	)
	assert stored("Archive Access Request", request, "status") == "Pending"

	manager = browsers(world.manager)
	manager.go(f"/app/archive-access-request/{request}")
	manager.click(zh("Approve"))
	manager.fill_dialog("同意调阅")
	assert manager.wait_until(lambda: stored("Archive Access Request", request, "status") == "Approved", "the request approved")
	assert not manager.errors_in_console()


def test_the_office_issues_survey_codes_and_gets_their_slips(world, browsers):
	"""Issue Codes on a satisfaction survey: the prompt, then the printable slips (a new window, or
	the dialog when the pop-up is blocked) with a QR code and a live code on each, 12 to a sheet."""
	from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import find_code

	frappe.set_user("Administrator")
	survey = frappe.get_doc(
		{"doctype": "Satisfaction Survey", "survey_title": "浏览器满意度测评", "year": getdate(today()).year, "sector": "Townships and Streets", "units": [{"unit": world.c.town_a}]}
	).insert()
	frappe.db.commit()
	manager = browsers(world.manager)
	manager.go(f"/app/satisfaction-survey/{survey.name}")
	manager.click(zh("Responses"))
	manager.click(zh("Issue Codes"))
	field = manager.wait_for_css(".modal.show input[data-fieldname='count']")
	field.clear()
	field.send_keys("13")
	desk = manager.driver.current_window_handle
	manager.click(zh("Issue and Print"))

	def slips_shown():
		others = [h for h in manager.driver.window_handles if h != desk]
		if others:
			manager.driver.switch_to.window(others[0])
			return "window"
		frame = manager.visible(".modal.show iframe")
		if frame:
			manager.driver.switch_to.frame(frame)
			return "dialog"

	where = manager.wait_until(slips_shown, "the code slips")
	try:
		manager.wait_until(lambda: len(manager.driver.find_elements("css selector", ".slip")) == 13, "13 slips")
		per_sheet = [len(sheet.find_elements("css selector", ".slip")) for sheet in manager.driver.find_elements("css selector", ".sheet")]
		codes = [e.text.strip() for e in manager.driver.find_elements("css selector", ".slip .code")]
		qr_codes = len(manager.driver.find_elements("css selector", ".slip svg"))
		manager.driver.save_screenshot("/tmp/sanshu-survey-slips.png")
	finally:
		if where == "window":
			manager.driver.close()
			manager.driver.switch_to.window(desk)
		else:
			manager.driver.switch_to.default_content()
	assert per_sheet == [12, 1]
	assert qr_codes == 13 and len(set(codes)) == 13
	frappe.db.rollback()  # see what the browser's request committed
	stored = {code: find_code(code) for code in codes}
	assert all(row and row.survey == survey.name and not row.used for row in stored.values()), stored
	assert frappe.db.get_value("Satisfaction Survey", survey.name, "codes_issued") == 13


def test_every_method_the_pages_called_is_on_the_allow_list(world, browsers):
	"""Deny by default: each method a role's pages called above is on the allow-list, with its
	reason — a page that needs a method the list lacks fails here, not in a clerk's hands. Runs last."""
	from sanshu_app.permissions.allow_list import ALLOWED_METHODS
	from sanshu_app.permissions.rule import is_office

	called = {user: b.methods_called() for user, b in browsers.opened.items()}
	outside_office = {user: methods for user, methods in called.items() if not is_office(user)}
	assert len(outside_office) >= 3, sorted(called)  # a cadre, a unit leader, an evaluator …
	assert all(len(m) >= 5 for m in outside_office.values()), outside_office  # the log was read
	missing = {user: sorted(m - set(ALLOWED_METHODS)) for user, m in outside_office.items() if m - set(ALLOWED_METHODS)}
	assert not missing, f"pages called methods that are not on the allow-list: {missing}"
	assert all(ALLOWED_METHODS[m].strip() for methods in outside_office.values() for m in methods)
