"""监督信息 as the office keeps it: petitions, a complaint, online opinion and a hotline call with
its callback; repeats (重信重访) and 越级 flagged from the records; the warning index of the quarter
counted from them, every figure naming its records, a typed figure only as an explained
adjustment; and nothing of it (least of all the petitioner) reaches the unit concerned."""

import random

import frappe

from sanshu_app.supervision.doctype.warning_index.warning_index import count_from_intake
from tests.site.api import api_credentials, api_get
from tests.site.factories import CountyTestCase, unique


def intake(kind, unit, day, **values):
	return frappe.get_doc({"doctype": "Supervision Intake", "intake_kind": kind, "unit": unit, "received_on": day, "summary": values.pop("summary", unique("反映")), **values}).insert()


class TestSupervisionIntake(CountyTestCase):
	def test_the_index_is_counted_from_the_records_and_the_unit_sees_none_of_them(self):
		c = self.c
		year = 3000 + random.randrange(0, 5000)
		frappe.set_user(c.manager)
		petitioner = unique("王某")
		first = intake("Petition or Report", c.town_a, f"{year}-01-10", petitioner=petitioner, petitioner_contact="13900000000", channel="By Letter")
		second = intake("Petition or Report", c.town_a, f"{year}-02-20", petitioner=petitioner, petitioner_contact="139 0000 0000", channel="In Person")
		anonymous = intake("Petition or Report", c.town_a, f"{year}-03-01")
		over = intake("Online Opinion", c.town_a, f"{year}-03-05", level="City Level", channel="Online Report")
		call = intake("Hotline Call", c.town_b, f"{year}-02-02", channel="Hotline Broadcast", status="Concluded", handling_unit=c.town_b, handling_result="已答复", callback_on=f"{year}-02-10", callback_result="Satisfied")
		intake("Efficiency Complaint", c.town_b, f"{year}-04-01")  # next quarter
		intake("Efficiency Complaint", c.town_b, f"{year}-03-31", counted_in_index=0, summary="查无实据")
		self.assertEqual([frappe.db.get_value("Supervision Intake", d.name, "is_repeat") for d in (first, second, anonymous)], [0, 1, 0])
		self.assertEqual((over.is_over_level, first.is_over_level), (1, 0))
		self.assertEqual((call.index_period, call.concluded_on is not None), (f"{year}-Q1", True))
		self.assertFalse(intake("Petition or Report", c.town_b, f"{year}-01-01", callback_result="Satisfied").callback_result)  # only a hotline call is called back

		index = frappe.get_doc({"doctype": "Warning Index", "year": year, "quarter": 1}).insert()
		self.assertEqual(count_from_intake(index.name), 2)
		index.reload()
		rows = {r.unit: r for r in index.rows}
		self.assertEqual((rows[c.town_a].petitions, rows[c.town_a].online_opinion, rows[c.town_a].efficiency_complaints), (3, 1, 0))
		self.assertEqual((rows[c.town_b].petitions, rows[c.town_b].efficiency_complaints), (1, 1))  # the hotline call; the uncounted complaint left out
		self.assertEqual((rows[c.town_a].repeat_petitions, rows[c.town_a].over_level_petitions), (1, 1))
		for record in (first, second, anonymous, over):
			self.assertIn(record.name, rows[c.town_a].intake_records)
		self.assertIn(call.name, rows[c.town_b].intake_records)
		self.assertGreater(rows[c.town_a].index_value, rows[c.town_b].index_value)

		# a typed figure is an adjustment: refused without its reason, kept with it
		index.rows[0].petitions = 9
		with self.assertRaisesRegex(frappe.ValidationError, "give the reason"):
			index.save()
		index.reload()
		self.assertEqual({r.unit: r.petitions for r in index.rows}[c.town_a], 3)
		for row in index.rows:
			if row.unit == c.town_a:
				row.petitions, row.adjustment_reason = 5, "上级转办2件未录入"
		index.save()
		self.assertEqual(count_from_intake(index.name), 2)  # counting again keeps the explained adjustment
		self.assertEqual({r.unit: r.petitions for r in frappe.get_doc("Warning Index", index.name).rows}[c.town_a], 5)
		frappe.db.commit()

		# the unit concerned reads nothing of it: no record, no index, no petitioner anywhere
		frappe.set_user("Administrator")
		secretary = api_credentials(c.secretary_a.user)
		for path in (
			"/api/resource/Supervision Intake?limit_page_length=100",
			f"/api/resource/Supervision Intake/{second.name}",
			f"/api/resource/Warning Index/{index.name}",
			f"/api/method/frappe.desk.reportview.get_count?doctype=Supervision%20Intake",
			f"/api/method/frappe.desk.search.search_link?doctype=Supervision%20Intake&txt={petitioner}",
		):
			status, body = api_get(path, secretary)
			self.assertNotEqual(status, 200, path)
			self.assertNotIn(petitioner, str(body), path)
		status, body = api_get(f"/api/resource/Sanshu Unit/{c.town_a}", secretary)
		self.assertEqual(status, 200)
		self.assertNotIn(petitioner, str(body))
