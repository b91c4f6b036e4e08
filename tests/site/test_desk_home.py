"""Each role's home and the reports' doors, without a browser: what the server answers."""

import json

import frappe
from frappe.desk.query_report import run as run_report
from frappe.utils import add_days, getdate, today

from sanshu_app.sanshu_desk.home import active_campaign, home, landing
from tests.site.factories import CountyTestCase, make_campaign, make_user


class TestDeskHome(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		c = cls.c
		cls.campaign = make_campaign(
			getdate(today()).year,
			units=[c.town_a],
			cadres=[c.cadre_a.name, c.secretary_a.name, c.cadre_b.name],
			status="Active",
			report_due_date=add_days(today(), -2),
		)

	def test_each_role_has_its_landing(self):
		c = self.c
		self.assertEqual(landing(c.manager), "office")
		self.assertEqual(landing(c.cadre_a.user), "cadre")
		self.assertEqual(landing(make_user("评议员", ("Evaluator",))), "evaluator")
		self.assertIn("/app/sanshu-home", frappe.get_hooks("app_home", app_name="sanshu_app"))
		workspace_roles = {r.role for r in frappe.get_doc("Workspace", "Sanshu").roles}
		self.assertEqual(workspace_roles, {"Sanshu Manager", "System Manager"})

	def test_a_cadre_s_to_dos_are_their_own_with_deadlines(self):
		c = self.c
		frappe.set_user(c.cadre_a.user)
		mine = home()
		self.assertEqual(mine["kind"], "cadre")
		report = next(t for t in mine["todos"] if t["doctype"] == "Sanshu Report")
		self.assertEqual(report["deadline"], getdate(add_days(today(), -2)))
		self.assertTrue(report["overdue"])
		self.assertEqual(mine["unit_view"], [])
		frappe.set_user(c.cadre_b.user)
		self.assertEqual(len([t for t in home()["todos"] if t["doctype"] == "Sanshu Report"]), 1)
		frappe.set_user(c.secretary_a.user)
		self.assertTrue(home()["unit_view"])  # a Party Secretary also sees their units

	def test_reports_open_on_the_active_campaign_the_user_takes_part_in(self):
		frappe.set_user(self.c.cadre_a.user)
		self.assertEqual(active_campaign(), self.campaign.name)

	def test_campaign_cadres_accepts_filters_as_json(self):
		from sanshu_app.reporting_and_evaluation.queries import campaign_cadres

		frappe.set_user(self.c.manager)
		found = campaign_cadres("Sanshu Cadre", "", "name", 0, 20, json.dumps({"campaign": self.campaign.name}))
		self.assertEqual({row[0] for row in found}, {self.c.cadre_a.name, self.c.secretary_a.name, self.c.cadre_b.name})

	def test_report_doors_open_for_the_roles_meant_to_use_them(self):
		c = self.c
		frappe.set_user(c.secretary_a.user)
		result = run_report("Sanshu Campaign Overview", filters={"campaign": self.campaign.name})
		self.assertEqual({r["cadre"] for r in result["result"]}, {c.cadre_a.name, c.secretary_a.name})  # their unit only
		self.assertNotIn("Cadre Name", [col["label"] for col in result["columns"]])
		for user in (c.manager, c.cadre_a.user):
			frappe.set_user(user)
			result = run_report("Integrity Archive", filters={"cadre": c.cadre_a.name})
			self.assertNotIn("DocType", [col.get("options") for col in result["columns"]])
