"""The column-mapping dialog in a real browser (issue 21 item 8): the office uploads a real
民主测评 sheet headed 序号 / 测评对象 / 测评等次 / 备注 to a meeting, says in the dialog which column
is the person and which the choice, first wrongly (refused in Chinese, nothing written), then
rightly; sees each row as it will be counted, confirms, and finds the counts stored and the
mapping remembered: the next upload of that layout goes straight to the preview.
Screenshots: /tmp/sanshu-sheet-mapping.png (the dialog), /tmp/sanshu-sheet-preview.png."""

import tempfile
from pathlib import Path

import frappe
import pytest
from frappe.utils import getdate, nowdate
from openpyxl import Workbook

from tests.site.browser import Browser, chromium_found
from tests.site.factories import County, make_campaign

pytestmark = pytest.mark.skipif(not chromium_found(), reason="no chromium / chromedriver on this machine")

LAYOUT = "Sanshu Sheet Layout"


def zh(text):
	return frappe._(text, lang="zh")


class World:
	def __init__(self):
		frappe.set_user("Administrator")
		frappe.db.set_single_value("System Settings", "setup_complete", 1)
		c = self.c = County()
		self.manager = c.manager
		self.cadres = [c.secretary_a, c.cadre_a, c.cadre_b]
		campaign = make_campaign(getdate(nowdate()).year, cadres=[x.name for x in self.cadres], scheme="Work, Responsibility and Integrity", status="Active")
		frappe.set_user(self.manager)
		self.meeting = frappe.get_doc(
			{
				"doctype": "Sanshu Meeting",
				"campaign": campaign.name,
				"meeting_kind": "Reporting Assembly",
				"meeting_date": nowdate(),
				"reporters": [{"cadre": x.name, "report_mode": "Meeting Report"} for x in self.cadres],
				"groups": [{"evaluator_group": "Discipline Committee Member", "headcount": 20}],
			}
		).insert()
		if hasattr(self.meeting, "approve_reporters"):
			self.meeting.approve_reporters()
		frappe.set_user("Administrator")
		frappe.db.delete(LAYOUT)
		frappe.db.set_value("User", self.manager, "language", "zh")
		frappe.db.commit()
		frappe.clear_cache()
		self.names = [x.full_name for x in self.cadres]
		self.folder = Path(tempfile.mkdtemp(prefix="sanshu-sheets-"))

	def workbook(self, file_name):
		"""序号 / 测评对象 / 测评等次 / 备注 under a title and a note; padded names, a section title, totals."""
		book = Workbook()
		sheet = book.active
		sheet.title = "民主测评"
		sheet.append(["2026年度述职述责述廉民主测评汇总表"])
		sheet.append(["填表说明：每张测评票每人一行"])
		sheet.append(["序号", "测评对象", "测评等次", "备注"])
		number = 0
		for k, name in enumerate(self.names):
			if k == 1:
				sheet.append(["第二组"])
			for option in ("好", "较好", "一般")[: k + 1]:
				number += 1
				sheet.append([number, f" {name[0]}\u3000{name[1:]}", option, "补录" if number == 1 else None])
		sheet.append(["合计", None, number, None])
		path = self.folder / file_name
		book.save(path)
		return str(path)

	def paper(self):
		frappe.db.rollback()  # see what the browser's requests committed
		meeting = frappe.get_doc("Sanshu Meeting", self.meeting.name)
		return {row.cadre_name: {r.option: r.paper_ballots for r in frappe.get_doc("Sanshu Evaluation", row.evaluation).counts if r.paper_ballots} for row in meeting.reporters}


@pytest.fixture(scope="module")
def world():
	return World()


@pytest.fixture(scope="module")
def manager(world):
	browser = Browser(world.manager)
	browser.log_in()
	yield browser
	browser.close()


def upload(browser, path):
	"""Paper Ballots > Import Paper Ballots, then the platform's uploader: choose the file, upload."""
	browser.click(zh("Paper Ballots"))
	browser.click(zh("Import Paper Ballots"))
	browser.wait_until(lambda: browser.driver.find_elements("css selector", ".modal.show input[type='file']"), "the uploader")
	browser.driver.find_elements("css selector", ".modal.show input[type='file']")[0].send_keys(path)
	browser.wait_until(lambda: Path(path).name in browser.dialog().text, "the chosen file in the uploader")
	browser.dialog().find_element("css selector", ".btn-modal-primary, .modal-footer .btn-primary").click()
	browser.settle()


def choose(browser, column, label):
	from selenium.webdriver.support.ui import Select

	select = browser.wait_for_css(f".modal.show select.sanshu-column-role[data-column='{column}']")
	Select(select).select_by_visible_text(label)


def test_the_office_maps_the_assessment_sheet_previews_and_imports(world, manager):
	manager.go(f"/app/sanshu-meeting/{world.meeting.name}")
	upload(manager, world.workbook("测评汇总.xlsx"))

	# the mapping dialog: the sheet's columns with their headings and rows under them
	dialog = manager.wait_until(lambda: manager.visible(".modal.show .sanshu-column-mapping"), "the column-mapping dialog")
	assert zh("Which Column Is Which") in manager.dialog().text
	for heading in ("序号", "测评对象", "测评等次", "备注"):
		assert heading in dialog.text
	assert world.names[0][1:] in dialog.text  # a sample row
	manager.driver.save_screenshot("/tmp/sanshu-sheet-mapping.png")

	# a wrong answer first: two columns as the person. Refused in Chinese; nothing written
	person = zh("{0} (required)").format("被评议人")
	choose(manager, 1, person)
	choose(manager, 2, zh("{0} (required)").format("评价"))
	choose(manager, 3, person)
	manager.click(zh("Preview"))
	assert "B列和D列都被指定为“被评议人”" in manager.alert_text()
	assert world.paper() == {n: {} for n in world.names}
	manager.wait_for_css(".msgprint-dialog .btn-modal-close").click()
	manager.wait_until(lambda: not manager.visible(".msgprint"), "the message closed")
	assert manager.visible(".modal.show .sanshu-column-mapping")  # the dialog stays, to be corrected

	# the right answer: 序号 and 备注 ignored, 测评对象 the person, 测评等次 the choice
	choose(manager, 0, zh("Ignore"))
	choose(manager, 3, zh("Ignore"))
	manager.click(zh("Preview"))
	rows = manager.wait_until(lambda: manager.visible(".modal.show .sanshu-paper-rows"), "the preview of the rows")
	text = rows.text
	assert zh("Counted") in text and zh("Title Row, Skipped") in text and zh("Totals Row, Skipped") in text
	assert all(name in text for name in world.names)  # the person each row is counted for
	manager.driver.save_screenshot("/tmp/sanshu-sheet-preview.png")
	assert world.paper() == {n: {} for n in world.names}  # a preview writes nothing

	manager.click(zh("Import"))
	expected = {world.names[0]: {"好": 1}, world.names[1]: {"好": 1, "较好": 1}, world.names[2]: {"好": 1, "较好": 1, "一般": 1}}
	assert manager.wait_until(lambda: world.paper() == expected, "the paper counts stored")
	layout = frappe.get_all(LAYOUT, fields=["import_kind", "sheet_name", "headings"])
	assert [(r.import_kind, r.sheet_name, r.headings) for r in layout] == [("Paper Ballots", "民主测评", "序号 / 测评对象 / 测评等次 / 备注")]
	assert not manager.errors_in_console()


def test_the_next_sheet_of_that_layout_goes_straight_to_the_preview(world, manager):
	manager.go(f"/app/sanshu-meeting/{world.meeting.name}")
	upload(manager, world.workbook("测评汇总-第二次.xlsx"))
	note = manager.wait_until(lambda: manager.visible(".modal.show .sanshu-remembered-mapping"), "the preview with the remembered mapping")
	assert zh("Read with the column mapping remembered for this layout.") in note.text
	assert not manager.visible(".modal.show .sanshu-column-mapping")
	assert world.names[2] in manager.visible(".modal.show .sanshu-paper-rows").text
