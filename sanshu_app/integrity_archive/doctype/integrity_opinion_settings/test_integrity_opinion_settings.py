import frappe
from frappe.tests import IntegrationTestCase

from sanshu_app.integrity_archive.opinion import opinion_rules
from sanshu_app.rules.integrity_archive import FACT_KINDS


class TestIntegrityOpinionSettings(IntegrationTestCase):
	def test_shipped_with_every_kind_of_fact_over_three_years(self):
		rules = opinion_rules()
		self.assertEqual(rules.window_years, 3)
		self.assertEqual(set(rules.counted_kinds), set(FACT_KINDS))
		self.assertIn("{name}", rules.no_problem_text)
		self.assertEqual(frappe.db.get_single_value("Integrity Opinion Settings", "document_number_pattern"), "廉复〔{year}〕{number}号")

	def test_incoherent_settings_are_refused_and_nothing_changes(self):
		settings = frappe.get_single("Integrity Opinion Settings")
		settings.window_years = 0
		settings.no_problem_text = " "
		with self.assertRaisesRegex(frappe.ValidationError, frappe._("The checking window must be at least one year.")):
			settings.save()
		self.assertEqual(frappe.db.get_single_value("Integrity Opinion Settings", "window_years"), 3)

	def test_the_office_changes_the_window(self):
		settings = frappe.get_single("Integrity Opinion Settings")
		self.addCleanup(lambda: frappe.get_single("Integrity Opinion Settings").update({"window_years": 3}).save())
		settings.window_years = 5
		settings.save()
		self.assertEqual(opinion_rules().window_years, 5)
