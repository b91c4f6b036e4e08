"""Each role's own screens in headless Chromium at 1366 px (issue 21): the organisation department's
home and its integrity opinion request typed by name, the meeting form, the reports' defaults, and
the smaller things a walk through every role found (the campaign form's 保存, a returned letter's
reason, a cadre's to-do links, the inspector's landing, another cadre's archive).

One county, made and committed once (the browser's requests read it through their own
connections); one browser per user, shared by the tests in the order they run. Screenshots are left
in /tmp/sanshu-*-1366.png.
"""

import frappe
import pytest
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, random_string, today

from tests.site.browser import chromium_found, logged_in_browsers
from tests.site.factories import County, make_cadre, make_campaign, make_user

pytestmark = pytest.mark.skipif(not chromium_found(), reason="no chromium / chromedriver on this machine")

REQUEST = "Integrity Opinion Request"
WIDTH = 1366


def zh(text):
	return frappe._(text, lang="zh")


class World:
	def __init__(self):
		frappe.set_user("Administrator")
		frappe.db.set_single_value("System Settings", "setup_complete", 1)
		c = self.c = County()
		self.manager = c.manager
		self.orgdept = make_user("组织部干部科", ("Organisation Department",))
		self.inspector = make_user("考核组", ("Assessment Inspector",))
		self.candidate = make_cadre(c.town_b, f"候选{random_string(3)}人", with_user=False, post="副镇长")
		year = getdate(today()).year
		self.campaign = make_campaign(
			year,
			units=[c.town_a, c.town_b],
			cadres=[c.cadre_a.name, c.secretary_a.name, c.cadre_b.name],
			status="Active",
			commitment_due_date=add_days(today(), -3),
		)
		frappe.set_user(self.manager)
		# a request the office has answered: its reply shows on the department's home
		answered = frappe.get_doc(
			{
				"doctype": REQUEST,
				"requesting_body": "县委组织部",
				"purpose": "Promotion",
				"request_date": today(),
				"candidates": [{"cadre": c.cadre_b.name}],
			}
		).insert()
		answered.check_candidates()
		answered = frappe.get_doc(REQUEST, answered.name)
		answered.submit()
		self.answered = answered
		# a commitment past due, so the cadre's home has a red (overdue) to-do
		self.commitment = frappe.get_doc(
			{
				"doctype": "Integrity Commitment",
				"commitment_type": "Annual Responsibility Commitment",
				"year": year,
				"campaign": self.campaign.name,
				"cadre": c.cadre_a.name,
				"items": [{"item": "严格遵守廉洁自律各项规定"}],
			}
		).insert()
		apply_workflow(self.commitment.as_dict(), "Issue")
		# a letter the office sent back with a reason
		letter = frappe.get_doc(
			{
				"doctype": "Responsibility Letter",
				"letter_type": "Party Conduct Responsibility Letter",
				"title": "退回理由用责任书",
				"year": year,
				"campaign": self.campaign.name,
				"cadre": c.cadre_a.name,
				"body": "<p>为落实党风廉政建设主体责任，签订本责任书。</p>",
				"signatures": [
					{"signer": c.secretary_a.name, "capacity": "Principal Responsible"},
					{"signer": c.cadre_a.name, "capacity": "Responsibility Subject"},
				],
			}
		).insert()
		apply_workflow(letter.as_dict(), "Submit for Review")
		letter = frappe.get_doc("Responsibility Letter", letter.name)
		letter.set_return_reason("任务表述不具体，请修改")
		apply_workflow(frappe.get_doc("Responsibility Letter", letter.name).as_dict(), "Return")
		self.letter = letter.name
		# a unit's draft assessment (not the inspector's to act on)
		self.draft_assessment = frappe.get_doc({"doctype": "Responsibility Assessment", "campaign": self.campaign.name, "unit": c.town_a}).insert().name
		# the year's work plan, for the task ledger's default
		frappe.set_user("Administrator")
		self.plan = frappe.get_doc(
			{"doctype": "Sanshu Work Plan", "plan_title": f"{year}年任务分工-{random_string(4)}", "year": year, "campaign": self.campaign.name, "status": "Active"}
		).insert().name
		for user in (c.cadre_a.user, c.cadre_b.user, self.manager, self.orgdept, self.inspector):
			frappe.db.set_value("User", user, "language", "zh")
		frappe.db.commit()
		frappe.clear_cache()


@pytest.fixture(scope="module")
def world():
	return World()


@pytest.fixture(scope="module")
def browsers():
	yield from logged_in_browsers(WIDTH)



def error_dialogs(b):
	return b.js("return $('.modal.show .msgprint, .modal.show .modal-title').map((i, e) => e.innerText).get().join(' | ')")


# --- the organisation department -----------------------------------------------------------------
def test_the_organisation_department_lands_on_its_own_home(world, browsers):
	org = browsers(world.orgdept)
	assert org.landing.endswith("/app/sanshu-home"), org.landing
	card = org.wait_for_css(".sanshu-opinion-requests")
	assert not error_dialogs(org), error_dialogs(org)  # no 无权操作 / 权限不足
	# the answered request and its reply
	row = org.wait_until(lambda: [e for e in org.driver.find_elements("css selector", ".sanshu-opinion-request") if world.c.cadre_b.full_name in e.text], "the answered request")[0]
	assert zh("Replied") in row.text and world.answered.document_number in row.text
	assert zh("No Problems") in row.text or zh("Problems Found") in row.text
	if frappe.db.exists("DocType", "Sanshu Circular"):
		assert org.visible(".sanshu-circulars")
	org.driver.save_screenshot("/tmp/sanshu-orgdept-home-1366.png")
	assert zh("Integrity Opinion Requests") in card.text
	# /app is its home too, never the platform's 构建
	org.go("/app")
	org.wait_for_css(".sanshu-opinion-requests")
	assert org.js("return frappe.get_route()[0]") in ("sanshu-home", "")
	assert org.js("return frappe.get_route_str()") != "build" and zh("Build") not in org.js("return $('.page-title:visible').text()")
	assert not error_dialogs(org)


def test_the_organisation_department_asks_about_a_candidate_typed_by_name(world, browsers):
	org = browsers(world.orgdept)
	org.go("/app/sanshu-home")
	org.wait_for_css(".sanshu-new-request").click()
	org.settle()
	assert org.wait_until(lambda: org.js("return cur_frm && cur_frm.doctype === 'Integrity Opinion Request' && cur_frm.is_new()"), "the new request form")
	org.js("cur_frm.set_value('requesting_body', '县委组织部干部一科'); cur_frm.set_value('purpose', 'Promotion')")
	org.settle()
	# type the name into the first row's cadre cell, as a user does (the form opens with an empty row)
	if not org.js("return cur_frm.doc.candidates.length"):
		org.wait_for_css("[data-fieldname=candidates] .grid-add-row").click()
	cell = org.wait_for_css("[data-fieldname=candidates] .grid-body .grid-row [data-fieldname=cadre]")
	cell.click()
	box = org.wait_until(lambda: org.visible("[data-fieldname=candidates] .grid-body input[data-fieldname=cadre]"), "the cadre cell's input")
	name = world.candidate.full_name
	for ch in name:
		box.send_keys(ch)
	# the editor stays open and holds the whole name
	assert org.wait_until(lambda: org.visible("[data-fieldname=candidates] .grid-body input[data-fieldname=cadre]"), "the cadre input still open")
	assert org.visible("[data-fieldname=candidates] .grid-body input[data-fieldname=cadre]").get_attribute("value") == name
	option = org.wait_until(
		lambda: next((e for e in org.driver.find_elements("css selector", "div[role=option], .awesomplete li") if e.is_displayed() and name in e.text), None),
		"the candidate in the search's results",
	)
	assert not error_dialogs(org), error_dialogs(org)
	org.driver.save_screenshot("/tmp/sanshu-orgdept-search-1366.png")
	option.click()
	org.settle()
	assert org.wait_until(lambda: org.js("return cur_frm.doc.candidates[0].cadre") == world.candidate.name, "the chosen cadre in the row")
	assert org.wait_until(lambda: org.js("return cur_frm.doc.candidates[0].cadre_name") == name, "the candidate's name in the row")
	assert not error_dialogs(org), error_dialogs(org)
	org.driver.find_element("tag name", "body").click()
	org.js("cur_frm.save()")
	org.settle()
	org.driver.save_screenshot("/tmp/sanshu-orgdept-request-1366.png")
	saved = org.wait_until(lambda: not org.js("return cur_frm.is_new()") and org.js("return cur_frm.doc.name"), "the saved request")
	assert not error_dialogs(org), error_dialogs(org)
	frappe.db.rollback()
	doc = frappe.get_doc(REQUEST, saved)
	assert [(r.cadre, r.cadre_name, r.post) for r in doc.candidates] == [(world.candidate.name, name, "副镇长")]
	assert doc.owner == world.orgdept
	org.go("/app/sanshu-home")
	assert name in org.wait_for_css(".sanshu-opinion-requests").text


def test_the_candidate_search_is_the_departments_and_the_offices_alone(world):
	from sanshu_app.integrity_archive.doctype.integrity_opinion_request.integrity_opinion_request import candidate_search

	frappe.set_user(world.orgdept)
	try:
		found = candidate_search("Sanshu Cadre", world.candidate.full_name, "name", 0, 20, {})
		assert [r[0] for r in found] == [world.candidate.name]
		assert not frappe.has_permission("Sanshu Cadre", "read")  # a search, not a read of the records
		frappe.set_user(world.c.cadre_a.user)
		with pytest.raises(frappe.PermissionError):
			candidate_search("Sanshu Cadre", world.candidate.full_name, "name", 0, 20, {})
	finally:
		frappe.set_user("Administrator")


# --- the meeting form -----------------------------------------------------------------------------
def new_meeting(world, cadres):
	frappe.set_user(world.manager)
	meeting = frappe.get_doc(
		{
			"doctype": "Sanshu Meeting",
			"campaign": world.campaign.name,
			"meeting_kind": "Reporting Assembly",
			"meeting_date": today(),
			"place": "县委第一会议室",
			"reporters": [{"cadre": x, "report_mode": "Meeting Report"} for x in cadres],
			"groups": [{"evaluator_group": "Service Recipient", "headcount": 40}],
		}
	).insert()
	frappe.set_user("Administrator")
	frappe.db.commit()
	return meeting


@pytest.fixture(scope="module")
def meetings(world):
	everyone = [world.c.cadre_a.name, world.c.secretary_a.name, world.c.cadre_b.name]
	full = new_meeting(world, everyone)  # every cadre of the campaign already reports
	closed = new_meeting(world, everyone[:1])
	frappe.set_user(world.manager)
	closing = frappe.get_doc("Sanshu Meeting", closed.name)
	closing.approve_reporters()  # 审定 (003 §14) before the meeting takes ballots or closes
	frappe.set_user("Administrator")
	# closed as close_meeting leaves it (which needs ballots cast first)
	frappe.db.set_value("Sanshu Meeting", closed.name, {"status": "Closed", "closed_on": today()})
	frappe.db.commit()
	return {"full": full.name, "closed": closed.name}


def test_the_meeting_form_shows_the_reporters_full_width_and_says_when_no_one_is_left_to_draw(world, browsers, meetings):
	manager = browsers(world.manager)
	manager.go(f"/app/sanshu-meeting/{meetings['full']}")
	table = manager.wait_for_css(".frappe-control[data-fieldname=reporters]")
	page = manager.js("return $('.form-layout:visible').width()")
	assert table.size["width"] > 0.9 * page, (table.size["width"], page)
	manager.driver.save_screenshot("/tmp/sanshu-meeting-form-1366.png")
	manager.button(zh("Meeting")).click()
	manager.click(zh("Draw Reporters"))  # the draw is proposed by the rule set's share (issue 19): no count to type
	message = manager.wait_until(lambda: manager.js("return $('.modal.show .msgprint').text()"), "the draw's answer")
	assert message == zh("Every cadre of the campaign is already a reporter of this meeting: no one is left to draw."), message
	assert "1至0" not in message


def test_a_closed_meeting_is_read_only_and_prints_its_results(world, browsers, meetings):
	manager = browsers(world.manager)
	manager.go(f"/app/sanshu-meeting/{meetings['closed']}")
	manager.wait_until(lambda: manager.js("return cur_frm && cur_frm.doc.name") == meetings["closed"], "the closed meeting")
	manager.button(zh("Results"))
	assert not manager.has_button(zh("Save"))
	assert manager.js("return cur_frm.fields_dict.place.disp_status") == "Read"
	manager.go(f"/app/print/Sanshu%20Meeting/{meetings['closed']}")
	chosen = manager.wait_until(
		lambda: manager.js("const i = $('.print-preview-sidebar input[data-fieldname=print_format]'); return i.length ? i.val() || 'Standard' : null"),
		"the print format",
	)
	assert chosen == "测评结果汇总表"  # its rendering with real ballots: test_meeting_day


# --- reports --------------------------------------------------------------------------------------
def open_report(b, report):
	b.go("/app/query-report/" + report.replace(" ", "%20"))
	b.wait_until(lambda: b.js("return frappe.query_report && frappe.query_report.report_name") == report, f"the report {report}")
	b.wait_until(lambda: b.js("return frappe.query_report.data !== undefined || !!$('.msgprint:visible').length"), f"{report} to run")
	b.settle()


def test_every_report_opens_on_the_active_campaign_and_its_year(world, browsers):
	manager = browsers(world.manager)
	for report in ("Sanshu Campaign Overview", "Sanshu Late and Missing Reports", "Commitment Compliance", "Assessment Ranking", "Rectification Ledger"):
		open_report(manager, report)
		assert manager.js("return frappe.query_report.get_filter_value('campaign')") == world.campaign.name, report
		if report == "Assessment Ranking":
			assert manager.js("return frappe.query_report.get_filter_value('year')") == world.campaign.year
	manager.go("/app/query-report/Work%20Plan%20Task%20Ledger")
	manager.wait_until(lambda: manager.js("return frappe.query_report && frappe.query_report.report_name") == "Work Plan Task Ledger", "the task ledger")
	manager.settle()
	assert manager.js("return frappe.query_report.get_filter_value('work_plan')") == world.plan
	assert not error_dialogs(manager)


# --- the rest of item 10 --------------------------------------------------------------------------
def test_the_campaign_forms_save_is_on_screen_at_1366(world, browsers):
	manager = browsers(world.manager)
	manager.go(f"/app/sanshu-campaign/{world.campaign.name}")
	manager.wait_until(lambda: manager.js("return cur_frm && cur_frm.doc.name") == world.campaign.name, "the campaign form")
	manager.driver.save_screenshot("/tmp/sanshu-campaign-form-1366.png")
	save = manager.button(zh("Save"))
	rect = manager.js("const r = arguments[0].getBoundingClientRect(); return [r.left, r.right, window.innerWidth]", save)
	manager.driver.save_screenshot("/tmp/sanshu-campaign-form-1366.png")
	assert rect[0] >= 0 and rect[1] <= rect[2], rect


def test_a_returned_letter_shows_its_reason_at_the_top(world, browsers):
	cadre = browsers(world.c.cadre_a.user)
	cadre.go(f"/app/responsibility-letter/{world.letter}")
	message = cadre.wait_until(lambda: cadre.js("return $('.form-message:visible').text()"), "the return reason at the top of the form")
	assert "任务表述不具体，请修改" in message
	cadre.driver.save_screenshot("/tmp/sanshu-returned-letter-1366.png")


def test_on_a_cadres_home_the_red_title_is_the_link(world, browsers):
	cadre = browsers(world.c.cadre_a.user)
	cadre.go("/app/sanshu-home")
	link = cadre.wait_until(
		lambda: next((a for a in cadre.driver.find_elements("css selector", ".sanshu-todo.text-danger a") if world.commitment.title in a.text), None),
		"the overdue commitment's title as a link",
	)
	cadre.driver.save_screenshot("/tmp/sanshu-cadre-home-1366.png")
	assert link.value_of_css_property("color") == cadre.driver.find_element("css selector", ".sanshu-todo.text-danger").value_of_css_property("color")
	link.click()
	cadre.settle()
	assert cadre.wait_until(lambda: cadre.js("return cur_frm && cur_frm.doc.name") == world.commitment.name, "the commitment opened")


def test_the_inspector_lands_on_assessments_to_inspect_without_zero_totals(world, browsers):
	inspector = browsers(world.inspector)
	inspector.wait_until(lambda: "responsibility-assessment" in inspector.driver.current_url, "the assessments list")
	inspector.settle()
	inspector.wait_until(lambda: inspector.js("return cur_list && cur_list.data !== undefined"), "the list loaded")
	names = inspector.js("return cur_list.data.map((d) => d.name)")
	assert world.draft_assessment not in names, names
	assert "0.000" not in inspector.js("return $('.frappe-list:visible').text()")
	inspector.driver.save_screenshot("/tmp/sanshu-inspector-landing-1366.png")
	# the drafts are there, without a 0.000 total, when the inspector clears the filter
	inspector.js("cur_list.filter_area.clear()")
	inspector.settle()
	inspector.wait_until(lambda: world.draft_assessment in inspector.js("return cur_list.data.map((d) => d.name)"), "every assessment")
	assert "0.000" not in inspector.js("return $('.frappe-list:visible').text()")


def test_a_cadre_opening_anothers_archive_is_told_why_in_chinese(world, browsers):
	cadre = browsers(world.c.cadre_b.user)
	cadre.go(f"/app/query-report/Integrity%20Archive?cadre={world.c.cadre_a.name}")
	message = cadre.wait_until(lambda: cadre.js("return $('.modal.show .msgprint:visible, .sanshu-archive-refused:visible').text()"), "the refusal")
	cadre.driver.save_screenshot("/tmp/sanshu-archive-refused-1366.png")
	assert "403" not in message and "Permission" not in message, message
	assert "档案" in message, message


def test_every_method_the_pages_called_is_on_the_allow_list(world, browsers):
	from sanshu_app.permissions.allow_list import ALLOWED_METHODS
	from sanshu_app.permissions.rule import is_office

	called = {user: b.methods_called() for user, b in browsers.opened.items()}
	outside = {user: m for user, m in called.items() if not is_office(user)}
	assert world.orgdept in outside and len(outside[world.orgdept]) >= 5
	missing = {user: sorted(m - set(ALLOWED_METHODS)) for user, m in outside.items() if m - set(ALLOWED_METHODS)}
	assert not missing, missing
