"""Units and cadres come in from the office's workbook whole, or not at all."""

from io import BytesIO

import frappe
from frappe.tests import IntegrationTestCase
from openpyxl import Workbook

from sanshu_app.rules.master_sheet import CADRE_HEADERS, UNIT_HEADERS
from sanshu_app.sanshu_setup.master_import import download_master_template, import_master_data
from tests.site.factories import make_user, unique


def upload(units, cadres) -> str:
	book = Workbook()
	sheet = book.active
	sheet.title = "单位"
	for row in [UNIT_HEADERS, *units]:
		sheet.append(row)
	sheet = book.create_sheet("干部")
	for row in [CADRE_HEADERS, *cadres]:
		sheet.append(row)
	buffer = BytesIO()
	book.save(buffer)
	file = frappe.get_doc({"doctype": "File", "file_name": f"{unique('import')}.xlsx", "content": buffer.getvalue(), "is_private": 1})
	return file.insert(ignore_permissions=True).file_url


class TestMasterImport(IntegrationTestCase):
	def setUp(self):
		self.manager = make_user("党廉办", ("Sanshu Manager",))
		frappe.set_user(self.manager)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_a_good_workbook_creates_units_and_cadres(self):
		town, station = unique("镇"), unique("站")
		user = make_user("张三", ("Responsible Cadre",))
		result = import_master_data(
			upload(
				[(station, "基层站所", town), (town, "乡镇", None)],
				[("张三", town, "党委书记", "正科级", user, "是", "否", "否"), ("李四", station, "所长", None, None, None, "是", None)],
			)
		)
		self.assertEqual(result, {"units": 2, "cadres": 2})
		self.assertEqual(frappe.db.get_value("Sanshu Unit", station, "parent_sanshu_unit"), town)
		self.assertEqual(frappe.db.get_value("Sanshu Cadre", {"user": user}, ["unit", "rank", "is_principal"]), (town, "Section Level", 1))

	def test_one_bad_row_imports_nothing(self):
		town = unique("镇")
		units_before = frappe.db.count("Sanshu Unit")
		cadres_before = frappe.db.count("Sanshu Cadre")
		with self.assertRaises(frappe.ValidationError) as caught:
			import_master_data(upload([(town, "乡镇", None)], [("张三", town, None, None, None, None, None, None), ("李四", "无此单位", None, None, None, None, None, None)]))
		self.assertIn("row 3: unit 无此单位 does not exist", str(caught.exception))
		self.assertEqual(frappe.db.count("Sanshu Unit"), units_before)
		self.assertEqual(frappe.db.count("Sanshu Cadre"), cadres_before)

	def test_only_the_office_imports(self):
		frappe.set_user(make_user("干部", ("Responsible Cadre",)))
		with self.assertRaises(frappe.PermissionError):
			import_master_data("/private/files/none.xlsx")

	def test_template_has_both_sheets(self):
		from openpyxl import load_workbook

		download_master_template()
		book = load_workbook(BytesIO(frappe.response.filecontent))
		self.assertEqual(book.sheetnames, ["单位", "干部"])
		self.assertEqual(tuple(c.value for c in book["干部"][1]), CADRE_HEADERS)
