# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe.tests import IntegrationTestCase

from tests.site.factories import County, make_cadre
from sanshu_app.permissions import forget_scopes


class TestRiskNotificationCard(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.c = County()
		cls.officer = make_cadre(cls.c.town_a, "纪委书记", with_user=False)
		frappe.db.set_value("Sanshu Unit", cls.c.town_a, "discipline_officer", cls.officer.name)
		forget_scopes()  # set_value skips the document events

	def card(self, cadre, **values):
		return frappe.get_doc(
			{
				"doctype": "Risk Notification Card",
				"cadre": cadre.name,
				"risk_level": "Medium Risk",
				"signs": [{"description": "舆情反映公车私用", "source": "Public Opinion", "risk_level": "Medium Risk"}],
				"required_actions": "说明情况",
				**values,
			}
		)

	def test_party_secretary_and_supervision_officer_come_from_the_unit(self):
		doc = self.card(self.c.cadre_a).insert()
		self.assertEqual((doc.party_secretary, doc.supervision_officer), (self.c.secretary_a.name, self.officer.name))

	def test_a_unit_without_them_must_name_them(self):
		with self.assertRaises(frappe.ValidationError):
			self.card(self.c.cadre_b).insert()
		doc = self.card(self.c.cadre_b, party_secretary=self.c.secretary_a.name, supervision_officer=self.officer.name).insert()
		self.assertEqual(doc.party_secretary, self.c.secretary_a.name)

	def test_sign_off_cannot_be_typed_in(self):
		doc = self.card(self.c.cadre_a).insert()
		doc.party_secretary_signed_at = frappe.utils.now_datetime()
		self.assertRaises(frappe.ValidationError, doc.save)

	def test_cannot_take_effect_before_all_three_sign(self):
		doc = self.card(self.c.cadre_a).insert()
		self.assertRaises(frappe.ValidationError, doc.submit)
