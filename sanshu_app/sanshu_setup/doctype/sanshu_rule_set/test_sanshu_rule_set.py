import frappe
from frappe.tests import IntegrationTestCase

from sanshu_app.setup.default_rule_sets import DEMOCRATIC_ASSESSMENT, ONSITE_RATING, RESPONSIBILITY_ASSESSMENT


class TestSanshuRuleSet(IntegrationTestCase):
	def test_seed_rule_sets_are_shipped_with_their_numbers(self):
		onsite = frappe.get_doc("Sanshu Rule Set", ONSITE_RATING)
		self.assertEqual(onsite.scale(), ["满意", "基本满意", "不满意"])
		self.assertEqual(onsite.rate({"满意": 8, "基本满意": 2, "不满意": 0}).outcome, "满意")
		self.assertEqual(onsite.rate({"满意": 3, "基本满意": 3, "不满意": 4}).outcome, "不满意")
		democratic = frappe.get_doc("Sanshu Rule Set", DEMOCRATIC_ASSESSMENT)
		result = democratic.rate({"好": 6, "较好": 1, "一般": 0, "较差": 3})
		self.assertEqual(result.outcome, "诫勉并责令整改")
		self.assertIn("creates_rectification", result.consequences)
		self.assertEqual(democratic.deadline("Inquiry Reply"), (15, "Working Days"))
		self.assertEqual(democratic.deadline("Rectification Report"), (30, "Calendar Days"))
		assessment = frappe.get_doc("Sanshu Rule Set", RESPONSIBILITY_ASSESSMENT)
		self.assertEqual((assessment.special_inspection_weight, assessment.routine_inspection_weight, assessment.pass_mark), (90, 10, 75))

	def new_rule_set(self, **values):
		return frappe.get_doc({"doctype": "Sanshu Rule Set", "rule_set_name": frappe.generate_hash(length=8), **values})

	def test_weights_must_add_to_100(self):
		doc = self.new_rule_set(purpose="Responsibility Assessment", special_inspection_weight=85, routine_inspection_weight=10, member_grades=[{"option": "好"}])
		with self.assertRaisesRegex(frappe.ValidationError, "add up to 100"):
			doc.insert()
		self.assertFalse(frappe.db.exists("Sanshu Rule Set", doc.rule_set_name))

	def test_percent_out_of_range_and_unreachable_threshold_are_refused(self):
		doc = self.new_rule_set(
			purpose="Evaluation Rating",
			scale_options=[{"option": "满意"}, {"option": "不满意"}],
			thresholds=[
				{"outcome": "基本满意", "counted_options": "满意", "percent": 60},
				{"outcome": "满意", "counted_options": "满意", "percent": 80},
				{"outcome": "不满意", "counted_options": "不满意", "percent": 140},
			],
			fallback_outcome="不满意",
		)
		with self.assertRaises(frappe.ValidationError) as caught:
			doc.insert()
		message = str(caught.exception)
		self.assertIn("row 2 can never apply", message)
		self.assertIn("between 0 and 100", message)
		self.assertFalse(frappe.db.exists("Sanshu Rule Set", doc.rule_set_name))

	def test_duplicate_deadline_is_refused(self):
		doc = self.new_rule_set(
			purpose="Deadlines",
			deadlines=[{"deadline_type": "Inquiry Reply", "days": 15, "day_kind": "Working Days"}, {"deadline_type": "Inquiry Reply", "days": 10, "day_kind": "Working Days"}],
		)
		with self.assertRaisesRegex(frappe.ValidationError, "already set"):
			doc.insert()
