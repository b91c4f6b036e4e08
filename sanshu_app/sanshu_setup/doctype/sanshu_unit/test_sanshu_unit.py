import frappe
from frappe.tests import IntegrationTestCase

from tests.site.factories import make_unit


class TestSanshuUnit(IntegrationTestCase):
	def test_unit_cannot_be_its_own_ancestor(self):
		county = make_unit("县")
		town = make_unit("镇", parent=county)
		station = make_unit("站", parent=town)
		doc = frappe.get_doc("Sanshu Unit", county)
		doc.parent_sanshu_unit = station
		with self.assertRaisesRegex(frappe.ValidationError, "cannot be placed under itself"):
			doc.save()
		self.assertFalse(frappe.db.get_value("Sanshu Unit", county, "parent_sanshu_unit"))

		doc = frappe.get_doc("Sanshu Unit", town)
		doc.parent_sanshu_unit = town
		with self.assertRaises(frappe.ValidationError):
			doc.save()
		self.assertEqual(frappe.db.get_value("Sanshu Unit", town, "parent_sanshu_unit"), county)

	def test_parent_becomes_a_group(self):
		county = make_unit("县")
		make_unit("镇", parent=county)
		self.assertEqual(frappe.db.get_value("Sanshu Unit", county, "is_group"), 1)
