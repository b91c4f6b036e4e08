"""A cadre reaches only their own records, their unit's Party Secretary the unit's (sub-units
included), a Sanshu Manager everything: through lists, documents and the REST API alike."""

from urllib.parse import quote

import frappe

from tests.site.api import api_credentials, api_get
from tests.site.factories import CountyTestCase


class TestRecordScope(CountyTestCase):
	def visible_cadres(self, user):
		frappe.set_user(user)
		return set(frappe.get_list("Sanshu Cadre", pluck="name", limit_page_length=0))

	def test_cadre_lists_only_themself(self):
		c = self.c
		self.assertEqual(self.visible_cadres(c.cadre_a.user), {c.cadre_a.name})

	def test_party_secretary_lists_their_unit_and_sub_units(self):
		c = self.c
		seen = self.visible_cadres(c.secretary_a.user)
		self.assertEqual(seen, {c.secretary_a.name, c.cadre_a.name, c.cadre_station.name})
		self.assertNotIn(c.cadre_b.name, seen)

	def test_manager_lists_everyone(self):
		c = self.c
		seen = self.visible_cadres(c.manager)
		self.assertTrue({c.secretary_a.name, c.cadre_a.name, c.cadre_station.name, c.cadre_b.name} <= seen)

	def test_get_doc_of_another_cadre_is_refused(self):
		c = self.c
		frappe.set_user(c.cadre_a.user)
		other = frappe.get_doc("Sanshu Cadre", c.cadre_b.name)
		self.assertFalse(other.has_permission("read"))
		self.assertRaises(frappe.PermissionError, other.check_permission, "read")
		own = frappe.get_doc("Sanshu Cadre", c.cadre_a.name)
		own.check_permission("read")

	def test_secretary_reads_own_unit_not_another(self):
		c = self.c
		frappe.set_user(c.secretary_a.user)
		frappe.get_doc("Sanshu Cadre", c.cadre_station.name).check_permission("read")
		self.assertFalse(frappe.get_doc("Sanshu Cadre", c.cadre_b.name).has_permission("read"))

	def test_report_view_applies_the_scope(self):
		from frappe.desk.reportview import get

		c = self.c
		frappe.set_user(c.cadre_a.user)
		frappe.local.form_dict = frappe._dict(doctype="Sanshu Cadre", fields=["`tabSanshu Cadre`.`name`"], start=0, page_length=500)
		result = get()
		names = {row[0] for row in result["values"]}
		self.assertEqual(names, {c.cadre_a.name})

	def test_rest_api_applies_the_scope(self):
		c = self.c
		frappe.db.commit()  # the API answers from its own connection
		cadre_token = api_credentials(c.cadre_a.user)
		secretary_token = api_credentials(c.secretary_a.user)
		url = f"/api/resource/Sanshu Cadre/{quote(c.cadre_station.name)}"
		status, _ = api_get(url, cadre_token)
		self.assertEqual(status, 404)  # a cadre outside the scope answers like one that does not exist
		status, body = api_get(url, secretary_token)
		self.assertEqual(status, 200)
		self.assertEqual(body["data"]["full_name"], "所长")
		status, body = api_get("/api/resource/Sanshu Cadre?limit_page_length=0", cadre_token)
		self.assertEqual({row["name"] for row in body["data"]}, {c.cadre_a.name})

	def test_cadre_without_user_link_sees_nothing(self):
		from tests.site.factories import make_user

		stranger = make_user("无档案", ("Responsible Cadre",))
		self.assertEqual(self.visible_cadres(stranger), set())


class TestNamedInRows(CountyTestCase):
	"""A cadre named in a record's rows — a letter's signer, a measure's owner — reads that record
	even from another unit; a cadre not named still does not."""

	def test_a_named_signer_from_another_unit_reads_the_letter(self):
		c = self.c
		letter = frappe.get_doc(
			{
				"doctype": "Responsibility Letter",
				"letter_type": "Party Conduct Responsibility Letter",
				"year": 2026,
				"cadre": c.cadre_a.name,
				"signatures": [
					{"signer": c.secretary_a.name, "capacity": "Principal Responsible"},
					{"signer": c.cadre_b.name, "capacity": "Supervisory Responsible"},
					{"signer": c.cadre_a.name, "capacity": "Responsibility Subject"},
				],
			}
		).insert()
		frappe.set_user(c.cadre_b.user)
		self.assertIn(letter.name, frappe.get_list("Responsibility Letter", pluck="name"))
		self.assertTrue(frappe.get_doc("Responsibility Letter", letter.name).has_permission("read"))
		frappe.set_user(c.cadre_station.user)
		self.assertNotIn(letter.name, frappe.get_list("Responsibility Letter", pluck="name"))
		self.assertFalse(frappe.get_doc("Responsibility Letter", letter.name).has_permission("read"))
