import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests import IntegrationTestCase
from frappe.utils import getdate, today

from sanshu_app.setup.default_rule_sets import RESPONSIBILITY_ASSESSMENT
from sanshu_app.utils import deadline_from
from tests.site.factories import make_cadre, make_campaign, make_unit


class TestRectification(IntegrationTestCase):
	def setUp(self):
		self.unit = make_unit("丁镇")
		self.cadre = make_cadre(self.unit, "丁干部", with_user=False)

	def test_subject_and_source_are_filled_in(self):
		campaign = make_campaign(2026)
		doc = frappe.get_doc(
			{"doctype": "Rectification", "cadre": self.cadre.name, "source_doctype": "Sanshu Campaign", "source_name": campaign.name, "problems": "x"}
		).insert()
		self.assertEqual((doc.unit, doc.subject_name, doc.source_type, doc.workflow_state), (self.unit, "丁干部", "Other", "Draft"))

	def test_a_source_that_does_not_exist_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "无此方案"):
			frappe.get_doc({"doctype": "Rectification", "cadre": self.cadre.name, "source_doctype": "Sanshu Campaign", "source_name": "无此方案"}).insert()

	def test_a_rectification_needs_a_subject(self):
		with self.assertRaisesRegex(frappe.ValidationError, "cadre or the unit"):
			frappe.get_doc({"doctype": "Rectification", "problems": "x"}).insert()

	def test_report_due_follows_the_rule_set(self):
		frappe.db.set_value("Sanshu Rule Deadline", {"parent": RESPONSIBILITY_ASSESSMENT, "deadline_type": "Rectification Report"}, "days", 20)
		doc = frappe.get_doc({"doctype": "Rectification", "unit": self.unit, "rule_set": RESPONSIBILITY_ASSESSMENT, "problems": "x"}).insert()
		apply_workflow(doc, "Issue Notice")
		doc.reload()
		self.assertEqual(getdate(doc.report_due_date), deadline_from(RESPONSIBILITY_ASSESSMENT, "Rectification Report", today()))
		self.assertEqual((getdate(doc.report_due_date) - getdate(today())).days, 20)
