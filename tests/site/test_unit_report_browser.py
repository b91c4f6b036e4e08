"""The year-end report's review and signing in a real browser (issue 20; 001 §三3): the unit's
secretary has written and sent it; the 主体责任人 and then the 监督责任人 give their review opinions
and sign it with the form's buttons, in turn; the secretary submits it to the office, which receives
it. Every method the non-office pages called is on the allow-list."""

import frappe
import pytest

from sanshu_app.permissions import forget_scopes
from tests.site.browser import chromium_found, logged_in_browsers
from tests.site.factories import County, make_cadre

pytestmark = pytest.mark.skipif(not chromium_found(), reason="no chromium / chromedriver on this machine")

REPORT = "Unit Responsibility Report"


def zh(text):
	return frappe._(text, lang="zh")


def stored(name, field):
	frappe.db.rollback()  # see what the browser's requests committed
	return frappe.db.get_value(REPORT, name, field)


def signatures(name):
	frappe.db.rollback()
	return frappe.get_all("Unit Report Signature", filters={"parent": name, "parenttype": REPORT}, fields=["capacity", "review_opinion", "signed_at"], order_by="idx asc")


class World:
	def __init__(self):
		frappe.set_user("Administrator")
		frappe.db.set_single_value("System Settings", "setup_complete", 1)
		c = self.c = County()
		self.officer = make_cadre(c.town_a, "甲纪委书记", roles=("Supervision Officer", "Responsible Cadre"))
		self.clerk = make_cadre(c.town_a, "甲党政办主任", roles=("Party Secretary",))
		frappe.db.set_value("Sanshu Unit", c.town_a, "discipline_officer", self.officer.name)
		forget_scopes()  # set_value skips the document events
		frappe.set_user(self.clerk.user)
		report = frappe.get_doc({"doctype": REPORT, "report_kind": "Year-End Report", "unit": c.town_a, "year": 2029}).insert()
		for row in report.sections:
			row.content = "本单位认真落实，成效明显。"
		report.save()
		report.send_for_review()
		self.report = report.name
		frappe.set_user("Administrator")
		for user in (c.secretary_a.user, self.officer.user, self.clerk.user, c.manager):
			frappe.db.set_value("User", user, "language", "zh")
		frappe.db.commit()
		frappe.clear_cache()


@pytest.fixture(scope="module")
def world():
	return World()


@pytest.fixture(scope="module")
def browsers():
	yield from logged_in_browsers()


def open_report(browser, name):
	browser.go(f"/app/unit-responsibility-report/{name}")
	browser.wait_until(lambda: name in browser.driver.current_url and "（一）" in browser.page_text(), "the report's form")


def test_the_principal_then_the_supervisor_review_and_sign(world, browsers):
	c, name = world.c, world.report
	principal = browsers(c.secretary_a.user)
	officer = browsers(world.officer.user)

	# The supervisor may give an opinion, but no one signs before both opinions are in.
	open_report(officer, name)
	assert not officer.has_button(zh("Sign"))
	officer.click(zh("Give Review Opinion"))
	officer.fill_dialog("情况属实，同意上报。")
	assert officer.wait_until(lambda: signatures(name)[1].review_opinion == "情况属实，同意上报。", "the supervisor's opinion stored")
	assert stored(name, "status") == "Under Review"

	open_report(principal, name)
	principal.click(zh("Give Review Opinion"))
	principal.fill_dialog("同意上报。")
	assert principal.wait_until(lambda: stored(name, "status") == "Awaiting Signature", "both opinions in: awaiting signatures")

	# The supervisor's turn comes after the principal's signature.
	open_report(officer, name)
	assert not officer.has_button(zh("Sign"))
	open_report(principal, name)
	principal.click(zh("Sign"))
	principal.confirm()
	assert principal.wait_until(lambda: signatures(name)[0].signed_at, "the principal's signature stored")
	assert principal.wait_until(lambda: zh("Awaiting Signature") in principal.page_text(), "the form shows the report awaiting signature")
	open_report(officer, name)
	officer.click(zh("Sign"))
	officer.confirm()
	assert officer.wait_until(lambda: stored(name, "status") == "Signed", "the report signed")
	assert [r.capacity for r in signatures(name) if r.signed_at] == ["Principal Responsible", "Supervisory Responsible"]
	assert not principal.errors_in_console() and not officer.errors_in_console()


def test_the_unit_submits_and_the_office_receives(world, browsers):
	c, name = world.c, world.report
	clerk = browsers(world.clerk.user)
	open_report(clerk, name)
	clerk.click(zh("Submit to the Office"))
	assert clerk.wait_until(lambda: stored(name, "status") == "Submitted", "the report submitted")
	assert stored(name, "submitted_on")

	manager = browsers(c.manager)
	open_report(manager, name)
	manager.click(zh("Receive"))
	assert manager.wait_until(lambda: stored(name, "status") == "Received", "the report received")
	assert stored(name, "received_by") == c.manager


def test_every_method_the_pages_called_is_on_the_allow_list(world, browsers):
	from sanshu_app.permissions.allow_list import ALLOWED_METHODS
	from sanshu_app.permissions.rule import is_office

	called = {user: b.methods_called() for user, b in browsers.opened.items() if not is_office(user)}
	assert len(called) == 3 and all(len(m) >= 3 for m in called.values()), called
	missing = {user: sorted(m - set(ALLOWED_METHODS)) for user, m in called.items() if m - set(ALLOWED_METHODS)}
	assert not missing, f"pages called methods that are not on the allow-list: {missing}"
