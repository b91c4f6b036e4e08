"""003 §20 in a real browser: the office issues a rectification notice with the form's action; the
notice is dated that day, its report due 30 days later, and the cadre finds it on their home and in
their notifications; a 纪委委员 files a written question from the inquiry list (001 §6). Every
method the non-office pages called is on the allow-list."""

import frappe
import pytest
from frappe.utils import getdate, today

from tests.site.browser import chromium_found, logged_in_browsers, stored
from tests.site.factories import County, make_cadre, make_campaign

pytestmark = pytest.mark.skipif(not chromium_found(), reason="no chromium / chromedriver on this machine")


def zh(text):
	return frappe._(text, lang="zh")



class World:
	def __init__(self):
		frappe.set_user("Administrator")
		frappe.db.set_single_value("System Settings", "setup_complete", 1)
		c = self.c = County()
		self.member = make_cadre(c.town_b, "纪委委员丙", roles=("Discipline Committee Member",))
		self.campaign = make_campaign(getdate(today()).year, units=[c.town_a], cadres=[c.cadre_a.name], status="Active")
		frappe.set_user(c.manager)
		self.rectification = frappe.get_doc(
			{"doctype": "Rectification", "source_type": "Inspection", "campaign": self.campaign.name, "cadre": c.cadre_a.name, "problems": "<p>廉政风险防控台账不全</p>"}
		).insert()
		frappe.set_user("Administrator")
		for user in (c.cadre_a.user, c.manager, self.member.user):
			frappe.db.set_value("User", user, "language", "zh")
		frappe.db.commit()
		frappe.clear_cache()


@pytest.fixture(scope="module")
def world():
	return World()


@pytest.fixture(scope="module")
def browsers():
	yield from logged_in_browsers()


def test_the_office_issues_the_notice_and_the_cadre_sees_it_on_their_home(world, browsers):
	c, name = world.c, world.rectification.name
	cadre = browsers(c.cadre_a.user)
	assert zh("Submit the rectification plan") not in cadre.wait_for_css(".sanshu-todos").text  # a draft tells nobody

	manager = browsers(c.manager)
	manager.go(f"/app/rectification/{name}")
	manager.workflow_action(zh("Issue Notice"))
	assert manager.wait_until(lambda: stored("Rectification", name, "workflow_state") == "Notice Issued", "the notice issued")
	assert getdate(stored("Rectification", name, "notice_date")) == getdate(today())
	due = getdate(stored("Rectification", name, "report_due_date"))
	assert (due - getdate(today())).days >= 30
	assert not manager.errors_in_console()

	cadre.go("/app/sanshu-home")
	todos = cadre.wait_until(lambda: zh("Submit the rectification plan") in cadre.wait_for_css(".sanshu-todos").text and cadre.wait_for_css(".sanshu-todos").text, "the notice on the cadre's home")
	assert zh("Rectification Notice") in todos
	assert frappe.get_all("Notification Log", filters={"for_user": c.cadre_a.user, "document_type": "Rectification", "document_name": name}, pluck="subject")
	cadre.js("frappe.set_route('Form', 'Rectification', arguments[0])", name)
	cadre.settle()
	assert cadre.wait_until(lambda: "廉政风险防控台账不全" in cadre.page_text(), "the notice's problems on its form")


def test_a_discipline_committee_member_files_a_written_inquiry(world, browsers):
	member = browsers(world.member.user)
	member.go("/app/sanshu-inquiry")
	member.click(zh("File a Written Inquiry"))
	# choose this campaign's cadre (a reused site may hold other active campaigns), once the dialog
	# the button opens is the current one and lists them
	target = member.wait_until(
		lambda: member.js(
			"const field = window.cur_dialog && cur_dialog.fields_dict.target;"
			" const option = field && [...field.$input[0].options].find((o) => o.text.includes(arguments[0]) && o.text.includes(arguments[1]));"
			" return option ? option.value : null",
			world.c.cadre_a.full_name,
			world.campaign.campaign_title,
		),
		"this campaign's cadre in the dialog",
	)
	dialog = member.dialog()
	member.js("cur_dialog.set_value('target', arguments[0])", target)
	dialog.find_element("css selector", "textarea").send_keys("请说明整改台账的建立情况。")
	dialog.find_element("css selector", ".btn-modal-primary, .modal-footer .btn-primary").click()
	member.settle()
	assert zh("Written inquiry {0} filed.").split("{0}")[0] in member.alert_text()
	frappe.db.rollback()
	rows = frappe.get_all("Sanshu Inquiry", filters={"asker": world.member.user}, fields=["cadre", "inquiry_type", "question", "status"])
	assert [(r.cadre, r.inquiry_type, r.question, r.status) for r in rows] == [(world.c.cadre_a.name, "Written Inquiry", "请说明整改台账的建立情况。", "Awaiting Reply")]
	member.go("/app/sanshu-inquiry")
	assert member.wait_until(lambda: world.c.cadre_a.full_name in member.page_text(), "their own inquiry in their list")


def test_every_method_the_pages_called_is_on_the_allow_list(world, browsers):
	from sanshu_app.permissions.allow_list import ALLOWED_METHODS
	from sanshu_app.permissions.rule import is_office

	called = {user: b.methods_called() for user, b in browsers.opened.items() if not is_office(user)}
	assert len(called) == 2 and all(len(m) >= 5 for m in called.values()), called
	missing = {user: sorted(m - set(ALLOWED_METHODS)) for user, m in called.items() if m - set(ALLOWED_METHODS)}
	assert not missing, f"pages called methods that are not on the allow-list: {missing}"
