import frappe
from frappe.tests import IntegrationTestCase
from frappe.utils import getdate, nowdate

from tests.site.factories import County, make_campaign


class TestSanshuInquiry(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.c = County()

	def test_reply_due_date_counts_working_days_from_the_rule_set(self):
		c = self.c
		campaign = make_campaign(getdate(nowdate()).year, cadres=[c.cadre_a.name])
		inquiry = frappe.get_doc(
			{"doctype": "Sanshu Inquiry", "campaign": campaign.name, "cadre": c.cadre_a.name, "inquiry_type": "Online Inquiry", "asker": c.manager, "asked_on": "2026-09-28", "question": "？"}
		).insert()
		# 15 working days from Mon 28 Sep 2026: 29-30 Sep, then (National Day 1-7 Oct off) 8-10 Oct with the make-up Saturday, 12-16, 19-23 Oct
		self.assertEqual(getdate(inquiry.reply_due_date), getdate("2026-10-23"))
		self.assertEqual(inquiry.status, "Awaiting Reply")

	def test_a_campaign_whose_rule_set_sets_no_reply_deadline_is_refused(self):
		c = self.c
		campaign = make_campaign(getdate(nowdate()).year, cadres=[c.cadre_a.name])
		frappe.db.set_value("Sanshu Campaign", campaign.name, "deadline_rule_set", campaign.evaluation_rule_set)
		with self.assertRaisesRegex(frappe.ValidationError, "does not say how long"):
			frappe.get_doc(
				{"doctype": "Sanshu Inquiry", "campaign": campaign.name, "cadre": c.cadre_a.name, "inquiry_type": "Online Inquiry", "asker": c.manager, "question": "？"}
			).insert()

	def test_only_the_cadre_asked_replies(self):
		c = self.c
		campaign = make_campaign(getdate(nowdate()).year, cadres=[c.cadre_a.name])
		inquiry = frappe.get_doc(
			{"doctype": "Sanshu Inquiry", "campaign": campaign.name, "cadre": c.cadre_a.name, "inquiry_type": "Written Inquiry", "asker": c.manager, "question": "？"}
		).insert()
		frappe.set_user(c.secretary_a.user)  # sees the unit's inquiries, but cannot answer for the cadre
		doc = frappe.get_doc("Sanshu Inquiry", inquiry.name)
		doc.reply = "代答"
		try:
			self.assertRaises(frappe.PermissionError, doc.save)
		finally:
			frappe.set_user("Administrator")
