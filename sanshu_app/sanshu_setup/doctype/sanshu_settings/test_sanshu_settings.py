from datetime import date

import frappe
from frappe.tests import IntegrationTestCase

from sanshu_app.setup.default_rule_sets import DEMOCRATIC_ASSESSMENT
from sanshu_app.utils import deadline_from


class TestSanshuSettings(IntegrationTestCase):
	def test_reply_deadline_counts_chinese_working_days(self):
		# Asked on Friday 13 February 2026, just before the Spring Festival: 15 working days.
		self.assertEqual(deadline_from(DEMOCRATIC_ASSESSMENT, "Inquiry Reply", "2026-02-13"), date(2026, 3, 12))
		# 30 calendar days end on Sunday 15 March: the rule set moves a deadline off a day off
		# (deadline_moves_off_holidays, on by default) to Monday 16 March.
		self.assertEqual(deadline_from(DEMOCRATIC_ASSESSMENT, "Rectification Report", "2026-02-13"), date(2026, 3, 16))

	def test_site_overrides_cover_years_the_calendar_does_not_know(self):
		before = deadline_from(DEMOCRATIC_ASSESSMENT, "Inquiry Reply", "2027-09-30")
		settings = frappe.get_single("Sanshu Settings")
		for day in range(1, 8):
			settings.append("calendar_overrides", {"date": f"2027-10-0{day}", "day_type": "Holiday", "note": "国庆节"})
		settings.save()
		after = deadline_from(DEMOCRATIC_ASSESSMENT, "Inquiry Reply", "2027-09-30")
		self.assertEqual((after - before).days, 7)

	def test_a_date_listed_twice_is_refused(self):
		settings = frappe.get_single("Sanshu Settings")
		settings.append("calendar_overrides", {"date": "2028-01-01", "day_type": "Holiday"})
		settings.append("calendar_overrides", {"date": "2028-01-01", "day_type": "Working Day"})
		with self.assertRaisesRegex(frappe.ValidationError, "listed twice"):
			settings.save()
