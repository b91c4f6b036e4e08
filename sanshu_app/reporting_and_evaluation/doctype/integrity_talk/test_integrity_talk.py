import frappe
from frappe.tests import IntegrationTestCase
from frappe.utils import nowdate

from tests.site.factories import County


class TestIntegrityTalk(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.c = County()

	def test_submitted_only_when_recorded_and_seen_by_the_interviewee(self):
		c = self.c
		frappe.set_user(c.secretary_a.user)
		talk = frappe.get_doc(
			{"doctype": "Integrity Talk", "talk_type": "Reminder Talk", "cadre": c.cadre_a.name, "reason": "群众反映", "reason_doctype": "Sanshu Cadre", "reason_name": c.cadre_a.name}
		).insert()
		self.assertRaisesRegex(frappe.ValidationError, "Record the talk", talk.submit)
		talk.reload()
		talk.update({"talk_date": nowdate(), "record": "<p>已谈话</p>"})
		talk.append("interviewers", {"interviewer": c.secretary_a.user})
		talk.save()
		talk.submit()
		frappe.set_user(c.cadre_a.user)
		self.assertEqual(frappe.get_list("Integrity Talk", filters={"name": talk.name}, pluck="talk_type"), ["Reminder Talk"])
		frappe.set_user(c.cadre_b.user)
		self.assertEqual(frappe.get_list("Integrity Talk", filters={"name": talk.name}), [])
		frappe.set_user("Administrator")

	def test_reason_must_point_at_an_existing_document(self):
		c = self.c
		with self.assertRaisesRegex(frappe.ValidationError, "Could not find"):
			frappe.get_doc(
				{"doctype": "Integrity Talk", "talk_type": "Interview", "cadre": c.cadre_a.name, "reason": "x", "reason_doctype": "Sanshu Cadre", "reason_name": "CAD-NOPE"}
			).insert()
