"""通报 in a real browser (headless Chromium, 1366 px): the office issues (印发) a circular made from
a campaign's ratings; the organisation department then finds it on its home and in its list, opens
it and reads the results of the cadres it names. Screenshots: /tmp/sanshu-circular-*-1366.png."""

import frappe
import pytest

from tests.site.browser import chromium_found, logged_in_browsers, stored
from tests.site.factories import County, make_campaign, make_user, unique

pytestmark = pytest.mark.skipif(not chromium_found(), reason="no chromium / chromedriver on this machine")

WIDTH = 1366


def zh(text):
	return frappe._(text, lang="zh")


class World:
	def __init__(self):
		frappe.set_user("Administrator")
		frappe.db.set_single_value("System Settings", "setup_complete", 1)
		c = self.c = County()
		self.orgdept = make_user("组织部干部科", ("Organisation Department",))
		self.campaign = make_campaign(2026, units=[c.town_a, c.town_b], cadres=[c.secretary_a.name, c.cadre_b.name]).name
		for cadre, outcome in ((c.secretary_a, "好"), (c.cadre_b, "较差")):
			ev = frappe.get_doc(
				{"doctype": "Sanshu Evaluation", "campaign": self.campaign, "cadre": cadre.name, "cadre_name": cadre.full_name, "unit": cadre.unit, "status": "Closed", "outcome": outcome, "docstatus": 1}
			)
			ev.name = unique("SSE-TBB")
			ev.db_insert()
		frappe.set_user(c.manager)
		self.title = unique("关于三述测评结果的通报")
		doc = frappe.get_doc(
			{"doctype": "Sanshu Circular", "circular_title": self.title, "recipients": [{"copy_type": "Main Recipient", "recipient_type": "Role", "role": "Organisation Department"}]}
		).insert()
		doc.make_from("Sanshu Ratings", self.campaign)
		self.circular = doc.name
		frappe.set_user("Administrator")
		for user in (c.manager, self.orgdept):
			frappe.db.set_value("User", user, "language", "zh")
		frappe.db.commit()
		frappe.clear_cache()


@pytest.fixture(scope="module")
def world():
	return World()


@pytest.fixture(scope="module")
def browsers():
	yield from logged_in_browsers(WIDTH)



def test_the_office_issues_the_circular_and_the_organisation_department_reads_it(world, browsers):
	org = browsers(world.orgdept)
	org.go("/app/sanshu-home")
	card = org.wait_for_css(".sanshu-circulars")
	assert world.title not in card.text  # a draft reaches no one

	office = browsers(world.c.manager)
	office.go(f"/app/sanshu-circular/{world.circular}")
	office.workflow_action(zh("Print and Issue"))
	assert office.wait_until(lambda: stored("Sanshu Circular", world.circular, "docstatus") == 1, "the circular issued")
	number = stored("Sanshu Circular", world.circular, "document_number")
	assert number and number.startswith("廉通报〔"), number
	assert stored("Sanshu Circular", world.circular, "issued_by") == world.c.manager
	assert office.wait_until(lambda: zh("Issued") in office.page_text() and number in office.page_text(), "已印发 and the 文号 on the form")
	office.driver.save_screenshot("/tmp/sanshu-circular-issued-1366.png")
	assert not office.errors_in_console()

	org.go("/app/sanshu-home")
	link = org.wait_until(
		lambda: next((a for a in org.driver.find_elements("css selector", ".sanshu-circulars a") if a.text.strip() == world.title), None), "the circular on the home"
	)
	org.driver.save_screenshot("/tmp/sanshu-circular-orgdept-home-1366.png")
	link.click()
	org.settle()
	assert org.wait_until(lambda: org.js("return cur_frm && cur_frm.doc.name") == world.circular, "the circular's form")
	text = org.wait_until(lambda: org.page_text() if world.c.cadre_b.full_name in org.page_text() else None, "the named cadre's result")
	assert "较差" in text and number in text
	org.go("/app/sanshu-circular")
	assert org.wait_until(lambda: world.title in org.page_text(), "the circular in the department's list")
	assert not org.errors_in_console()


def test_every_method_the_pages_called_is_on_the_allow_list(world, browsers):
	from sanshu_app.permissions.allow_list import ALLOWED_METHODS

	called = browsers(world.orgdept).methods_called()
	assert called, "the log was read"
	missing = sorted(called - set(ALLOWED_METHODS))
	assert not missing, f"pages called methods that are not on the allow-list: {missing}"
