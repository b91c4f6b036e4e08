import frappe
from frappe.tests import IntegrationTestCase

from sanshu_app.assessment_and_rectification.default_template import DEFAULT_TEMPLATE_NAME
from sanshu_app.assessment_and_rectification.doctype.assessment_template.assessment_template import default_template


class TestAssessmentTemplate(IntegrationTestCase):
	def test_default_template_is_shipped_with_the_seven_content_areas(self):
		template = frappe.get_doc("Assessment Template", DEFAULT_TEMPLATE_NAME)
		self.assertEqual(template.total_points, 100)
		self.assertTrue(template.is_default)
		areas = frappe.get_meta("Assessment Template Item").get_field("content_area").options.split("\n")
		self.assertEqual(len(areas), 7)
		self.assertEqual({row.content_area for row in template.items}, set(areas))
		self.assertEqual(default_template("Township"), DEFAULT_TEMPLATE_NAME)

	def test_shipping_it_again_changes_nothing(self):
		from sanshu_app.assessment_and_rectification.setup import ensure_default_template

		before = frappe.db.get_value("Assessment Template", DEFAULT_TEMPLATE_NAME, "modified")
		ensure_default_template()
		self.assertEqual(frappe.db.get_value("Assessment Template", DEFAULT_TEMPLATE_NAME, "modified"), before)

	def test_a_template_without_items_or_points_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "at least one item"):
			frappe.get_doc({"doctype": "Assessment Template", "template_name": frappe.generate_hash(length=8)}).insert()
		with self.assertRaisesRegex(frappe.ValidationError, "above zero"):
			frappe.get_doc(
				{
					"doctype": "Assessment Template",
					"template_name": frappe.generate_hash(length=8),
					"items": [{"content_area": "Other Matters", "item": "其它", "max_points": 0}],
				}
			).insert()
