import frappe
from frappe.tests import IntegrationTestCase


class TestArchiveAccessLog(IntegrationTestCase):
	def test_no_role_may_write_create_or_delete_the_register(self):
		meta = frappe.get_meta("Archive Access Log")
		self.assertTrue(meta.in_create)
		for perm in meta.permissions:
			self.assertFalse(perm.write or perm.create or perm.delete or perm.cancel or perm.submit or perm.amend or perm.get("import"), perm.role)
