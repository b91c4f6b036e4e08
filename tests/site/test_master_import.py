"""Units and cadres come in from the office's workbook whole, or not at all."""

from io import BytesIO
from unittest.mock import patch

import frappe
from frappe.tests import IntegrationTestCase
from openpyxl import Workbook

from sanshu_app.rules.master_sheet import CADRE_HEADERS, UNIT_HEADERS
from sanshu_app.sanshu_setup import master_import
from sanshu_app.sanshu_setup.master_import import download_master_template, import_master_data
from tests.site.factories import make_unit, make_user, unique

# (cadre, event, whether the cadre's row was in the database then), appended by record_event
EVENTS = []
HOOKED_EVENTS = ("before_insert", "validate", "before_save", "after_insert", "on_update", "on_change")


def record_event(doc, method=None):
	"""A doc_events hook for the test below: what a hook of the cadre would see."""
	saved = bool(doc.name) and bool(frappe.db.exists("Sanshu Cadre", doc.name))
	EVENTS.append((doc.full_name, method, saved))


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


def forget_doc_events():
	"""Frappe keeps the doc_events it read for the rest of the request."""
	if hasattr(frappe.local, "doc_events_hooks"):
		del frappe.local.doc_events_hooks


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

	def test_an_imported_cadre_is_the_cadre_the_form_makes(self):
		town = make_unit("镇")
		imported_user, form_user = make_user("王五", ("Responsible Cadre",)), make_user("王五", ("Responsible Cadre",))
		name = "O'Brien \\ 王五"  # quotes and a backslash reach the database as typed
		import_master_data(upload([], [(name, town, "站长", "副科级", imported_user, "是", "是", "是")]))
		form = frappe.get_doc(
			{"doctype": "Sanshu Cadre", "full_name": name, "unit": town, "post": "站长", "rank": "Deputy Section Level",
			 "user": form_user, "is_principal": 1, "newly_promoted": 1, "discipline_cadre": 1}
		).insert()  # fmt: skip
		imported = frappe.db.get_value("Sanshu Cadre", {"user": imported_user}, "*", as_dict=True)
		made = frappe.db.get_value("Sanshu Cadre", form.name, "*", as_dict=True)
		for differs in ("name", "user", "creation", "modified"):
			imported.pop(differs), made.pop(differs)
		self.assertEqual(imported, made)
		self.assertEqual(imported.full_name, name)
		self.assertEqual(imported.status, "In Office")  # the doctype's default
		self.assertEqual(imported.owner, self.manager)

	def test_every_hook_of_a_cadre_runs_for_each_imported_cadre_as_for_one_made_on_the_form(self):
		town = make_unit("镇")
		doc_events = {**frappe.get_hooks("doc_events")}
		doc_events["Sanshu Cadre"] = {event: ["sanshu_app.test_hook.record_event"] for event in HOOKED_EVENTS}
		get_attr = frappe.get_attr  # resolves the hook path above to record_event (tests is no app)
		hook_of = lambda path: record_event if path == "sanshu_app.test_hook.record_event" else get_attr(path)  # noqa: E731
		EVENTS.clear()
		forget_doc_events()
		try:
			with (
				self.patch_hooks({"doc_events": doc_events}),
				patch.object(frappe, "get_attr", hook_of),
				patch.object(master_import, "INSERT_BATCH", 2),
			):
				frappe.get_doc({"doctype": "Sanshu Cadre", "full_name": "表单干部", "unit": town}).insert()
				import_master_data(upload([], [(f"导入干部{i}", town, None, None, None, None, None, None) for i in range(3)]))
		finally:
			forget_doc_events()
		by_cadre = {}
		for cadre, event, saved in EVENTS:
			by_cadre.setdefault(cadre, []).append((event, saved))
		on_the_form = by_cadre.pop("表单干部")
		self.assertEqual([event for event, _saved in on_the_form], list(HOOKED_EVENTS))
		self.assertEqual(by_cadre, {f"导入干部{i}": on_the_form for i in range(3)})
		# the platform's search index hears of each imported cadre too
		from frappe.utils.global_search import sync_global_search

		sync_global_search()
		indexed = frappe.get_all("Sanshu Cadre", filters={"unit": town, "full_name": ("like", "导入干部%")}, pluck="name")
		self.assertEqual(len(indexed), 3)
		for name in indexed:
			self.assertTrue(frappe.db.exists("__global_search", {"doctype": "Sanshu Cadre", "name": name}))

	def test_a_cadre_the_document_refuses_in_a_later_batch_imports_nothing(self):
		town = make_unit("镇")
		too_long = "长" * 200
		cadres_before = frappe.db.count("Sanshu Cadre")
		rows = [(name, town, None, None, None, None, None, None) for name in ("干部1", "干部2", "干部3", too_long)]
		with patch.object(master_import, "INSERT_BATCH", 2), self.assertRaises(frappe.ValidationError):
			import_master_data(upload([], rows))
		self.assertEqual(frappe.db.count("Sanshu Cadre"), cadres_before)
