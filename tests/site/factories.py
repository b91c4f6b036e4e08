"""Test data as a county office would have it: units, cadres with desk users, campaigns.

Every name carries a random suffix so tests never collide with each other or with demo data.
"""

import frappe
from frappe.tests import IntegrationTestCase
from frappe.utils import random_string
from sanshu_app.permissions import forget_scopes


def unique(label: str) -> str:
	return f"{label}-{random_string(6)}"


def make_user(first_name: str, roles=()) -> str:
	email = f"{random_string(10).lower()}@test.sanshu.local"
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": first_name,
			"send_welcome_email": 0,
			"user_type": "System User",
			"roles": [{"role": r} for r in roles],
		}
	).insert(ignore_permissions=True)
	return user.name


def make_unit(label="单位", parent=None, **values) -> str:
	doc = frappe.get_doc({"doctype": "Sanshu Unit", "unit_name": unique(label), "parent_sanshu_unit": parent, **values})
	return doc.insert(ignore_permissions=True).name


def make_cadre(unit: str, name="干部", roles=("Responsible Cadre",), with_user=True, **values):
	"""A cadre, with a desk user holding ``roles`` unless ``with_user`` is false. Returns the doc."""
	user = make_user(name, roles) if with_user else None
	doc = frappe.get_doc({"doctype": "Sanshu Cadre", "full_name": name, "unit": unit, "user": user, **values})
	return doc.insert(ignore_permissions=True)


def make_campaign(year=2026, units=(), cadres=(), **values):
	doc = frappe.get_doc(
		{
			"doctype": "Sanshu Campaign",
			"campaign_title": unique(f"{year}年度三述工作"),
			"year": year,
			"units": [{"unit": u} for u in units],
			"cadres": [{"cadre": c} for c in cadres],
			**values,
		}
	)
	return doc.insert(ignore_permissions=True)


class County:
	"""A small county: two towns (one with a station below it), a secretary and cadres in each."""

	def __init__(self):
		self.county = make_unit("县委", is_group=1)
		self.town_a = make_unit("甲镇", parent=self.county, unit_type="Township")
		self.station_a = make_unit("甲镇派出所", parent=self.town_a, unit_type="Grassroots Station")
		self.town_b = make_unit("乙镇", parent=self.county, unit_type="Township")
		self.secretary_a = make_cadre(self.town_a, "甲书记", roles=("Party Secretary", "Responsible Cadre"), is_principal=1)
		frappe.db.set_value("Sanshu Unit", self.town_a, "principal", self.secretary_a.name)
		forget_scopes()  # set_value skips the document events
		self.cadre_a = make_cadre(self.town_a, "甲干部")
		self.cadre_station = make_cadre(self.station_a, "所长")
		self.cadre_b = make_cadre(self.town_b, "乙干部")
		self.manager = make_user("党廉办", ("Sanshu Manager",))


class CountyTestCase(IntegrationTestCase):
	"""A test class acting in one small county (``self.c``), back as Administrator after each test."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.c = County()

	def tearDown(self):
		frappe.set_user("Administrator")
		super().tearDown()
