# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe.tests import IntegrationTestCase

from tests.site.factories import County


class TestResponsibilityLetter(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.c = County()

	def letter(self, **values):
		return frappe.get_doc({"doctype": "Responsibility Letter", "letter_type": "Target Task Notice", "issue_date": "2026-02-01", **values})

	def test_title_and_year_come_from_the_type_and_issue_date(self):
		doc = self.letter(unit=self.c.town_b).insert()
		self.assertEqual(doc.year, 2026)
		self.assertEqual(doc.title, "Year 2026: Target Task Notice")
		self.assertEqual(doc.workflow_state, "Draft")

	def test_a_letter_needs_a_cadre_or_a_unit(self):
		self.assertRaises(frappe.ValidationError, self.letter().insert)

	def test_the_unit_follows_the_cadre(self):
		doc = self.letter(cadre=self.c.cadre_station.name).insert()
		self.assertEqual(doc.unit, self.c.station_a)

	def test_signature_rows_are_checked(self):
		c = self.c
		rows = [{"signer": c.cadre_a.name, "capacity": "Responsibility Subject"}] * 2
		with self.assertRaises(frappe.ValidationError) as caught:
			self.letter(unit=c.town_a, signatures=rows).insert()
		self.assertIn("already listed", str(caught.exception))

	def test_cannot_be_submitted_without_every_signature(self):
		c = self.c
		doc = self.letter(unit=c.town_a, signatures=[{"signer": c.cadre_a.name, "capacity": "Responsibility Subject"}]).insert()
		self.assertRaises(frappe.ValidationError, doc.submit)
		self.assertEqual(frappe.db.get_value("Responsibility Letter", doc.name, "docstatus"), 0)
