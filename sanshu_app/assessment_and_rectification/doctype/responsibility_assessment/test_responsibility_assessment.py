import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests import IntegrationTestCase

from sanshu_app.setup.default_rule_sets import RESPONSIBILITY_ASSESSMENT
from tests.site.factories import make_cadre, make_campaign, make_unit, make_user


class TestResponsibilityAssessment(IntegrationTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def new(self, **values):
		unit = make_unit("丙镇", unit_type="Township")
		principal = make_cadre(unit, "丙书记", roles=("Party Secretary",), is_principal=1)
		member = make_cadre(unit, "丙干部")
		doc = frappe.get_doc({"doctype": "Responsibility Assessment", "unit": unit, **values}).insert()
		return doc, principal, member

	def test_filled_from_template_rule_set_and_unit(self):
		campaign = make_campaign(2026)
		doc, principal, member = self.new(campaign=campaign.name)
		self.assertEqual(doc.year, 2026)
		self.assertEqual(doc.rule_set, RESPONSIBILITY_ASSESSMENT)
		self.assertEqual(len(doc.items), 13)
		self.assertEqual([m.cadre for m in doc.member_grades], [principal.name, member.name])
		self.assertEqual(doc.workflow_state, "Draft")
		self.assertIsNone(doc.total_score)

	def test_the_year_must_be_the_campaign_s(self):
		campaign = make_campaign(2026)
		with self.assertRaisesRegex(frappe.ValidationError, "is not the year 2026"):
			self.new(campaign=campaign.name, year=2025)

	def test_a_rule_set_for_something_else_is_refused(self):
		from sanshu_app.setup.default_rule_sets import ONSITE_RATING

		with self.assertRaisesRegex(frappe.ValidationError, "is not for"):
			self.new(year=2026, rule_set=ONSITE_RATING)

	def test_member_grade_must_come_from_the_rule_set(self):
		doc, principal, member = self.new(year=2026)
		doc.member_grades[0].grade = "优秀"
		with self.assertRaisesRegex(frappe.ValidationError, "is not one of"):
			doc.save()
		doc.reload()
		doc.member_grades[0].grade = "较好"
		doc.save()

	def test_only_inspectors_sign_and_only_during_the_inspection(self):
		doc, principal, member = self.new(year=2026)
		inspector = make_user("考核员", ("Assessment Inspector",))
		frappe.set_user(inspector)
		with self.assertRaisesRegex(frappe.ValidationError, "only during the inspection"):
			frappe.get_doc(doc.doctype, doc.name).sign_inspection("Team Leader")
		frappe.set_user("Administrator")
		doc = frappe.get_doc(doc.doctype, doc.name)
		for row in doc.items:
			row.self_score = row.max_points
		doc.save()
		apply_workflow(doc, "Submit Self-assessment")
		frappe.set_user(principal.user)
		self.assertRaises(frappe.PermissionError, frappe.get_doc(doc.doctype, doc.name).sign_inspection, "Team Leader")
		frappe.set_user(inspector)
		frappe.get_doc(doc.doctype, doc.name).sign_inspection("Team Leader")
		with self.assertRaisesRegex(frappe.ValidationError, "already signed"):
			frappe.get_doc(doc.doctype, doc.name).sign_inspection("Team Member")
		signature = frappe.get_doc(doc.doctype, doc.name).signatures[0]
		self.assertEqual((signature.inspector, signature.team_role), (inspector, "Team Leader"))
