"""The daily run tells each cadre, once, that their annual commitment or 三述 report is due soon,
and once more when it is late; those who have signed or handed in hear nothing."""

import frappe
from frappe.tests import IntegrationTestCase
from frappe.utils import add_days

from sanshu_app.rules.reminders import BEFORE, OVERDUE
from sanshu_app.sanshu_setup.reminders import MESSAGES, run_daily
from sanshu_app.utils import office_language
from tests.site.factories import make_cadre, make_campaign, make_unit

DUE = "2026-03-31"


class TestCampaignReminders(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		unit = make_unit()
		cls.signer = make_cadre(unit, "已签干部")
		cls.late = make_cadre(unit, "未签干部")
		cls.campaign = make_campaign(
			2026, units=[unit], cadres=[cls.signer.name, cls.late.name], status="Active", commitment_due_date=DUE, report_due_date=DUE, meeting_date="2026-04-10"
		)
		commitment = frappe.get_doc(
			{
				"doctype": "Integrity Commitment",
				"commitment_type": "Annual Responsibility Commitment",
				"year": 2026,
				"campaign": cls.campaign.name,
				"cadre": cls.signer.name,
				"items": [{"item": "严格遵守廉洁自律各项规定。"}],
			}
		).insert(ignore_permissions=True)
		frappe.db.set_value("Integrity Commitment", commitment.name, "docstatus", 1)  # signed
		frappe.get_doc(
			{"doctype": "Sanshu Report", "campaign": cls.campaign.name, "cadre": cls.signer.name}
		).insert(ignore_permissions=True)
		frappe.db.set_value("Sanshu Report", {"campaign": cls.campaign.name, "cadre": cls.signer.name}, "submitted_on", "2026-03-20")

	def message(self, kind, stage):
		"""What the cadre reads, in the office's language (English or Chinese, as the site is set)."""
		with office_language():
			return frappe._(MESSAGES[(kind, stage)]).format(self.campaign.name, frappe.format(DUE, "Date"))

	def notices(self, cadre):
		return frappe.get_all(
			"Notification Log",
			filters={"for_user": cadre.user, "document_type": "Sanshu Campaign", "document_name": self.campaign.name},
			pluck="subject",
			order_by="creation",
		)

	def test_once_before_and_once_after_the_deadline(self):
		run_daily(add_days(DUE, -10))
		self.assertEqual(self.notices(self.late), [])

		run_daily(add_days(DUE, -3))  # the shipped deadline rules remind 3 days ahead
		run_daily(add_days(DUE, -1))
		before = self.notices(self.late)
		self.assertEqual(sorted(before), sorted([self.message("commitment", BEFORE), self.message("report", BEFORE)]))

		run_daily(add_days(DUE, 1))
		run_daily(add_days(DUE, 5))
		after = self.notices(self.late)
		self.assertEqual(sorted(after), sorted(before + [self.message("commitment", OVERDUE), self.message("report", OVERDUE)]))

		self.assertEqual(self.notices(self.signer), [])

	def test_a_closed_campaign_reminds_no_one(self):
		already = self.notices(self.late)
		frappe.db.set_value("Sanshu Campaign", self.campaign.name, "status", "Closed")
		try:
			run_daily(add_days(DUE, 2))
			self.assertEqual(self.notices(self.late), already)
		finally:
			frappe.db.set_value("Sanshu Campaign", self.campaign.name, "status", "Active")

	def test_the_run_is_scheduled_daily(self):
		self.assertIn("sanshu_app.sanshu_setup.reminders.run_daily", frappe.get_hooks("scheduler_events")["daily"])
