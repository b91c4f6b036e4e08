import frappe
from frappe.tests import IntegrationTestCase

from tests.site.factories import make_cadre, make_unit


class TestSanshuCadre(IntegrationTestCase):
	def test_a_user_can_be_only_one_cadre(self):
		unit = make_unit()
		first = make_cadre(unit, "张三")
		second = frappe.get_doc({"doctype": "Sanshu Cadre", "full_name": "李四", "unit": unit, "user": first.user})
		with self.assertRaisesRegex(frappe.ValidationError, "already linked"):
			second.insert()
		self.assertFalse(frappe.db.exists("Sanshu Cadre", {"full_name": "李四", "unit": unit}))

	def test_refusal_is_translated(self):
		unit = make_unit()
		first = make_cadre(unit, "张三")
		frappe.local.lang = "zh"
		try:
			second = frappe.get_doc({"doctype": "Sanshu Cadre", "full_name": "李四", "unit": unit, "user": first.user})
			with self.assertRaisesRegex(frappe.ValidationError, "已关联"):
				second.insert()
		finally:
			frappe.local.lang = "en"

	def test_promotion_date_only_for_newly_promoted(self):
		cadre = make_cadre(make_unit(), "王五", with_user=False, newly_promoted=0, promoted_on="2026-01-05")
		self.assertIsNone(cadre.promoted_on)
