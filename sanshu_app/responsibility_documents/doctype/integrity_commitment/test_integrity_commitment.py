# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe.tests import IntegrationTestCase

from tests.site.factories import County
from sanshu_app.permissions import forget_scopes


class TestIntegrityCommitment(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.c = County()
		frappe.db.set_value("Sanshu Cadre", cls.c.cadre_a.name, {"newly_promoted": 1, "discipline_cadre": 1})
		frappe.db.set_value("Sanshu Cadre", cls.c.cadre_station.name, "discipline_cadre", 1)
		forget_scopes()  # set_value skips the document events

	def commitment(self, kind, cadre, year=2026):
		return frappe.get_doc(
			{"doctype": "Integrity Commitment", "commitment_type": kind, "year": year, "cadre": cadre.name, "items": [{"item": "不以权谋私"}]}
		)

	def test_six_commitments_are_public_others_are_not(self):
		public = self.commitment("Six Commitments", self.c.cadre_a).insert()
		private = self.commitment("Pre-appointment Integrity Commitment", self.c.cadre_a).insert()
		self.assertEqual((public.is_public, private.is_public), (1, 0))
		self.assertEqual(public.unit, self.c.town_a)

	def test_each_type_is_for_its_cadres(self):
		self.assertRaises(frappe.ValidationError, self.commitment("Six Commitments", self.c.cadre_b).insert)
		self.assertRaises(frappe.ValidationError, self.commitment("Pre-appointment Integrity Commitment", self.c.cadre_b).insert)

	def test_a_cancelled_annual_commitment_does_not_block_a_new_one(self):
		first = self.commitment("Annual Responsibility Commitment", self.c.cadre_b, 2030).insert()
		self.assertRaises(frappe.ValidationError, self.commitment("Annual Responsibility Commitment", self.c.cadre_b, 2030).insert)
		frappe.db.set_value("Integrity Commitment", first.name, "docstatus", 2)
		self.commitment("Annual Responsibility Commitment", self.c.cadre_b, 2030).insert()

	def test_cannot_be_submitted_unsigned(self):
		doc = self.commitment("Six Commitments", self.c.cadre_station).insert()
		self.assertRaises(frappe.ValidationError, doc.submit)
