import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests import IntegrationTestCase
from frappe.utils import add_days, getdate, nowdate

from tests.site.factories import County, make_campaign


class TestSanshuReport(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.c = County()
		cls.campaign = make_campaign(
			getdate(nowdate()).year,
			cadres=[cls.c.cadre_a.name, cls.c.cadre_b.name],
			report_due_date=add_days(nowdate(), 5),
			publish_reports_before_meeting=1,
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_sections_follow_the_scheme_and_campaign_fields_are_copied(self):
		frappe.set_user(self.c.cadre_a.user)
		report = frappe.get_doc({"doctype": "Sanshu Report", "campaign": self.campaign.name, "cadre": self.c.cadre_a.name}).insert()
		self.assertEqual([r.section for r in report.sections], ["Responsibility", "Integrity", "Ethics"])
		self.assertEqual((getdate(report.due_date), report.publish_before_meeting), (getdate(add_days(nowdate(), 5)), 1))
		report.append("sections", {"section": "Risk", "content": "x"})
		with self.assertRaisesRegex(frappe.PermissionError, "Report Part in the table Sections is set by the discipline inspection office"):
			report.save()  # the parts come from the campaign's scheme, never from the cadre
		frappe.set_user(self.c.manager)
		report = frappe.get_doc("Sanshu Report", report.name)
		report.append("sections", {"section": "Risk", "content": "x"})
		with self.assertRaisesRegex(frappe.ValidationError, "not part of this campaign's scheme"):
			report.save()
		frappe.set_user(self.c.cadre_a.user)
		with self.assertRaisesRegex(frappe.ValidationError, "already has a report"):
			frappe.get_doc({"doctype": "Sanshu Report", "campaign": self.campaign.name, "cadre": self.c.cadre_a.name}).insert()

	def test_submitted_report_is_locked_and_refusal_is_in_chinese(self):
		frappe.set_user(self.c.cadre_b.user)
		report = frappe.get_doc({"doctype": "Sanshu Report", "campaign": self.campaign.name, "cadre": self.c.cadre_b.name}).insert()
		for row in report.sections:
			row.content = "<p>内容</p>"
		report.save()
		apply_workflow(report, "Submit Report")
		frappe.set_user(self.c.manager)
		report = frappe.get_doc("Sanshu Report", report.name)
		report.sections[0].content = "<p>改</p>"
		frappe.local.lang = "zh"
		try:
			with self.assertRaisesRegex(frappe.ValidationError, "已提交的报告不能修改"):
				report.save()
		finally:
			frappe.local.lang = "en"

	def test_only_the_office_writes_the_return_reason(self):
		campaign = make_campaign(getdate(nowdate()).year, cadres=[self.c.cadre_a.name])
		frappe.set_user(self.c.cadre_a.user)
		report = frappe.get_doc({"doctype": "Sanshu Report", "campaign": campaign.name, "cadre": self.c.cadre_a.name}).insert()
		report.return_reason = "自己写的理由"
		self.assertRaises(frappe.PermissionError, report.save)

	def test_a_cadre_outside_the_campaign_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "does not take part"):
			frappe.get_doc({"doctype": "Sanshu Report", "campaign": self.campaign.name, "cadre": self.c.cadre_station.name}).insert()
