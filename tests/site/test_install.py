"""What installing the app gives a site: roles, rule sets, the workspace, Chinese labels."""

import frappe
from frappe.tests import IntegrationTestCase

from sanshu_app.setup.install import ROLES


class TestInstall(IntegrationTestCase):
	def test_roles_exist_with_desk_access(self):
		for role in ROLES:
			self.assertEqual(frappe.db.get_value("Role", role, "desk_access"), 1, role)

	def test_workspace_is_installed_with_shortcuts(self):
		workspace = frappe.get_doc("Workspace", "Sanshu")
		links = {s.link_to for s in workspace.shortcuts}
		self.assertTrue({"Sanshu Campaign", "Sanshu Cadre", "Sanshu Unit"} <= links)

	def test_labels_roles_and_messages_have_chinese(self):
		from frappe.translate import get_full_dict

		frappe.local.lang = "zh"
		try:
			translations = get_full_dict("zh")
			for text in [*ROLES, "Sanshu Cadre", "Sanshu Campaign", "Responsible Cadre", "Evaluation Rating"]:
				self.assertIn(text, translations, text)
			self.assertEqual(frappe._("Sanshu Unit"), "单位")
		finally:
			frappe.local.lang = "en"

	def test_every_label_and_option_of_the_app_is_translated(self):
		from frappe.translate import get_full_dict

		translations = get_full_dict("zh")
		missing = []
		modules = frappe.get_all("Module Def", {"app_name": "sanshu_app"}, pluck="name")
		for doctype in frappe.get_all("DocType", {"module": ("in", modules)}, pluck="name"):
			meta = frappe.get_meta(doctype)
			texts = [doctype] + [f.label for f in meta.fields if f.label]
			texts += [o for f in meta.fields if f.fieldtype == "Select" and f.options for o in f.options.split("\n") if o and not o.startswith(">")]
			missing += [f"{doctype}: {t}" for t in texts if t not in translations]
		self.assertEqual(missing, [])


class TestEmployeeLink(IntegrationTestCase):
	"""Cadres link to HRMS employees only on sites that have them."""

	def test_employee_field_only_with_hrms(self):
		self.assertEqual(frappe.get_meta("Sanshu Cadre").has_field("employee"), bool(frappe.db.exists("DocType", "Employee")))

	def test_employee_field_appears_when_an_employee_doctype_exists(self):
		from sanshu_app.setup.install import ensure_employee_link, remove_employee_link

		made_here = not frappe.db.exists("DocType", "Employee")
		if made_here:  # stand in for HRMS: a bare Employee doctype
			frappe.get_doc(
				{
					"doctype": "DocType",
					"name": "Employee",
					"module": "Custom",
					"custom": 1,
					"fields": [{"fieldname": "employee_name", "fieldtype": "Data", "label": "Employee Name"}],
					"permissions": [{"role": "System Manager", "read": 1}],
				}
			).insert()
		try:
			ensure_employee_link()
			ensure_employee_link()  # twice: still one field
			self.assertEqual(frappe.db.count("Custom Field", {"dt": "Sanshu Cadre", "fieldname": "employee"}), 1)
			field = frappe.get_meta("Sanshu Cadre", cached=False).get_field("employee")
			self.assertEqual((field.fieldtype, field.options), ("Link", "Employee"))
		finally:
			if made_here:
				remove_employee_link()
				frappe.delete_doc("DocType", "Employee", force=True)
				frappe.db.commit()  # creating the doctype's table already committed; so must its removal
