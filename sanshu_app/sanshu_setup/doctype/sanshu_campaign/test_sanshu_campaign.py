import frappe
from frappe.tests import IntegrationTestCase
from frappe.utils import getdate

from sanshu_app.setup.default_rule_sets import DEMOCRATIC_ASSESSMENT, ONSITE_RATING, RESPONSIBILITY_ASSESSMENT
from tests.site.factories import make_cadre, make_campaign, make_unit
from sanshu_app.permissions import forget_scopes


class TestSanshuCampaign(IntegrationTestCase):
	def test_new_campaign_gets_the_shipped_rule_sets(self):
		campaign = make_campaign()
		self.assertEqual(campaign.evaluation_rule_set, ONSITE_RATING)
		self.assertEqual(campaign.assessment_rule_set, RESPONSIBILITY_ASSESSMENT)
		self.assertEqual(campaign.deadline_rule_set, DEMOCRATIC_ASSESSMENT)
		work = make_campaign(scheme="Work, Responsibility and Integrity")
		self.assertEqual(work.evaluation_rule_set, DEMOCRATIC_ASSESSMENT)

	def test_rule_set_of_the_wrong_purpose_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "is not for"):
			make_campaign(evaluation_rule_set=RESPONSIBILITY_ASSESSMENT)

	def test_copy_to_next_year(self):
		unit = make_unit()
		stays = make_cadre(unit, "留任", with_user=False)
		leaves = make_cadre(unit, "调离", with_user=False)
		campaign = make_campaign(2026, units=[unit], cadres=[stays.name, leaves.name], report_due_date="2026-02-05", meeting_date="2026-02-20")
		frappe.db.set_value("Sanshu Cadre", leaves.name, "status", "Left")
		forget_scopes()  # set_value skips the document events
		new_name = campaign.copy_to_next_year()
		new = frappe.get_doc("Sanshu Campaign", new_name)
		self.assertEqual(new.year, 2027)
		self.assertIn("2027", new.campaign_title)
		self.assertEqual(getdate(new.report_due_date), getdate("2027-02-05"))
		self.assertEqual([r.cadre for r in new.cadres], [stays.name])
		self.assertEqual(new.previous_campaign, campaign.name)
		self.assertEqual(new.status, "Draft")
		with self.assertRaisesRegex(frappe.ValidationError, "already exists"):
			campaign.copy_to_next_year()

	def test_a_cadre_listed_twice_is_refused(self):
		cadre = make_cadre(make_unit(), with_user=False)
		with self.assertRaisesRegex(frappe.ValidationError, "listed twice"):
			make_campaign(cadres=[cadre.name, cadre.name])

	def test_add_unit_principals(self):
		unit = make_unit()
		principal = make_cadre(unit, "书记", with_user=False, is_principal=1)
		make_cadre(unit, "干部", with_user=False)
		campaign = make_campaign(units=[unit])
		campaign.add_unit_principals()
		self.assertEqual([r.cadre for r in campaign.reload().cadres], [principal.name])

	def test_only_the_office_copies_a_campaign(self):
		from tests.site.factories import make_user

		campaign = make_campaign()
		frappe.set_user(make_user("书记", ("Party Secretary",)))
		try:
			with self.assertRaises(frappe.PermissionError):
				campaign.copy_to_next_year()
		finally:
			frappe.set_user("Administrator")
