"""通报 as the office issues it and its recipients read it: made from a campaign's 三述 ratings, a
year's assessment ranking, an inspection round and a survey ranking; numbered and delivered when
the office issues it (印发); the organisation department reads the circular addressed to it, with
the results of each cadre it names, and nothing else; a unit addressed reads it, another does not."""

import random

import frappe
from frappe.model.workflow import apply_workflow

from sanshu_app.official_documents.doctype.sanshu_circular.sanshu_circular import SanshuCircular
from tests.site.api import api_credentials, api_get
from tests.site.factories import CountyTestCase, make_campaign, make_user, unique
from tests.site.printing import pdf_text


def evaluation(campaign, cadre, outcome):
	doc = frappe.get_doc(
		{"doctype": "Sanshu Evaluation", "campaign": campaign, "cadre": cadre.name, "cadre_name": cadre.full_name, "unit": cadre.unit, "status": "Closed", "outcome": outcome, "docstatus": 1}
	)
	doc.name = unique("SSE-TB")
	doc.db_insert()
	return doc.name


def circular(recipients, **values):
	return frappe.get_doc(
		{"doctype": "Sanshu Circular", "circular_title": values.pop("circular_title", ""), "recipients": recipients, **values}
	).insert()


class TestCircular(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.orgdept = make_user("组织部干部科", ("Organisation Department",))
		cls.campaign = make_campaign(2026, units=[cls.c.town_a, cls.c.town_b], cadres=[cls.c.secretary_a.name, cls.c.cadre_b.name]).name
		cls.evaluations = [evaluation(cls.campaign, cls.c.secretary_a, "好"), evaluation(cls.campaign, cls.c.cadre_b, "较差")]
		frappe.db.commit()

	def make_ratings_circular(self, recipients):
		frappe.set_user(self.c.manager)
		doc = circular(recipients)
		self.assertEqual(doc.make_from("Sanshu Ratings", self.campaign), 2)
		return frappe.get_doc("Sanshu Circular", doc.name)

	def test_the_organisation_department_reads_the_issued_circular_and_the_cadres_it_names_only(self):
		to_orgdept = [
			{"copy_type": "Main Recipient", "recipient_type": "Role", "role": "Organisation Department"},
			{"copy_type": "Copy Recipient", "recipient_type": "Unit", "unit": self.c.town_a},
		]
		doc = self.make_ratings_circular(to_orgdept)
		self.assertEqual({(r.cadre_name, r.result) for r in doc.results}, {(self.c.secretary_a.full_name, "好"), (self.c.cadre_b.full_name, "较差")})
		self.assertIn(self.campaign, doc.circular_title)
		self.assertEqual(doc.year, 2026)  # the campaign's year
		other = self.make_ratings_circular([{"copy_type": "Main Recipient", "recipient_type": "Unit", "unit": self.c.town_b}])
		frappe.db.commit()
		orgdept = api_credentials(self.orgdept)

		# a draft reaches no one
		status, body = api_get("/api/resource/Sanshu Circular?limit_page_length=1000", orgdept)
		self.assertEqual(status, 200)
		self.assertNotIn(doc.name, [r["name"] for r in body["data"]])

		apply_workflow(doc, "Print and Issue")
		apply_workflow(other, "Print and Issue")
		frappe.db.commit()
		doc.reload()
		self.assertEqual((doc.docstatus, doc.workflow_state, doc.issued_by), (1, "Issued", self.c.manager))
		self.assertTrue(doc.document_number.startswith("廉通报〔"), doc.document_number)
		self.assertTrue(doc.issued_on and all(r.delivered_on for r in doc.recipients))

		# the organisation department: the circular addressed to it, with its results, nothing else
		# (circulars issued to the role by earlier runs on a reused site are the role's too)
		to_the_role = set(frappe.get_all("Sanshu Circular Recipient", filters={"delivered_role": "Organisation Department"}, pluck="parent"))
		frappe.set_user(self.orgdept)
		listed = frappe.get_list("Sanshu Circular", pluck="name", limit_page_length=0)
		self.assertIn(doc.name, listed)
		self.assertEqual(set(listed), to_the_role)
		frappe.set_user("Administrator")
		status, body = api_get("/api/resource/Sanshu Circular?limit_page_length=1000", orgdept)
		self.assertEqual({r["name"] for r in body["data"]}, to_the_role)
		self.assertNotIn(other.name, to_the_role)
		# the count and the result rows through other doors say the same: only what was delivered
		status, body = api_get("/api/method/frappe.client.get_count?doctype=Sanshu%20Circular", orgdept)
		self.assertEqual((status, body["message"]), (200, len(to_the_role)))
		status, body = api_get('/api/resource/Sanshu Circular Result?parent=Sanshu%20Circular&fields=["parent","cadre_name"]&limit_page_length=0', orgdept)
		self.assertEqual(status, 200)
		self.assertTrue({r["parent"] for r in body["data"]} <= to_the_role)
		self.assertIn(doc.name, {r["parent"] for r in body["data"]})
		self.assertNotIn(other.name, {r["parent"] for r in body["data"]})
		status, body = api_get(f"/api/resource/Sanshu Circular/{doc.name}", orgdept)
		self.assertEqual(status, 200)
		self.assertEqual({r["cadre_name"] for r in body["data"]["results"]}, {self.c.secretary_a.full_name, self.c.cadre_b.full_name})
		self.assertNotEqual(api_get(f"/api/resource/Sanshu Circular/{other.name}", orgdept)[0], 200)
		for doctype, name in (("Sanshu Evaluation", self.evaluations[1]), ("Sanshu Cadre", self.c.cadre_b.name)):
			self.assertNotEqual(api_get(f"/api/resource/{doctype}/{name}", orgdept)[0], 200, doctype)
			status, body = api_get(f"/api/resource/{doctype}?limit_page_length=100", orgdept)
			self.assertEqual(body.get("data", []), [], doctype)

		# a unit addressed (抄送): its leadership reads it; another unit's cadre does not
		frappe.set_user(self.c.secretary_a.user)
		self.assertEqual(frappe.get_list("Sanshu Circular", pluck="name"), [doc.name])
		frappe.set_user(self.c.cadre_b.user)
		self.assertEqual(frappe.get_list("Sanshu Circular", pluck="name"), [])
		self.assertFalse(frappe.has_permission("Sanshu Circular", "read", doc=doc.name))
		frappe.set_user("Administrator")

		printed = pdf_text("Sanshu Circular", doc.name, "通报")
		for expected in (doc.document_number, "组织部", "抄送", self.c.secretary_a.full_name, "较差"):
			self.assertIn(expected, printed)

	def test_made_from_an_assessment_ranking_an_inspection_and_a_survey(self):
		frappe.set_user(self.c.manager)
		year = 2400 + random.randrange(500)
		for unit, score in ((self.c.town_a, 92.5), (self.c.town_b, 81)):
			a = frappe.get_doc({"doctype": "Responsibility Assessment", "year": year, "unit": unit, "total_score": score, "grade": "Passed", "workflow_state": "Approved"})
			a.name = unique("RA-TB")
			a.append("member_grades", {"cadre": self.c.secretary_a.name, "full_name": "甲书记", "post": "书记", "grade": "优秀"} if unit == self.c.town_a else {"full_name": "乙某", "grade": "称职"})
			a.db_insert()
			for row in a.member_grades:
				row.db_insert()
		doc = circular([{"recipient_type": "Role", "role": "Organisation Department"}])
		doc.make_from("Assessment Ranking", year)
		doc.reload()
		self.assertEqual([(r.unit, r.ranking, r.result) for r in doc.results if not r.cadre_name], [(self.c.town_a, 1, "Passed"), (self.c.town_b, 2, "Passed")])
		self.assertIn(("甲书记", "优秀"), [(r.cadre_name, r.result) for r in doc.results])
		self.assertEqual(doc.year, year)

		inspection = frappe.get_doc({"doctype": "Supervision Inspection", "inspection_title": unique("巡查"), "status": "Completed", "year": year, "quarter": 1})
		inspection.name = unique("INSP-TB")
		inspection.append("units", {"unit": self.c.town_a})
		inspection.append("units", {"unit": self.c.town_b})
		inspection.append("findings", {"unit": self.c.town_a, "severity": "Serious", "description": "台账流于形式"})
		inspection.db_insert()
		for row in [*inspection.units, *inspection.findings]:
			row.db_insert()
		doc.make_from("Inspection Round", inspection.name)
		doc.reload()
		self.assertEqual(sorted((r.unit, r.remark or "") for r in doc.results), sorted([(self.c.town_a, "台账流于形式"), (self.c.town_b, "")]))
		self.assertEqual((doc.source_type, doc.inspection, doc.campaign), ("Inspection Round", inspection.name, None))

		survey = frappe.get_doc({"doctype": "Satisfaction Survey", "survey_title": unique("满意度"), "year": year, "status": "Open"})
		survey.name = unique("SAT-TB")
		survey.append("units", {"unit": self.c.town_a, "score": 70, "ranking": 2})
		survey.append("units", {"unit": self.c.town_b, "score": 90, "ranking": 1})
		survey.db_insert()
		for row in survey.units:
			row.db_insert()
		with self.assertRaisesRegex(frappe.ValidationError, "not closed"):
			doc.make_from("Survey Ranking", survey.name)
		frappe.db.set_value("Satisfaction Survey", survey.name, "status", "Closed")
		doc.make_from("Survey Ranking", survey.name)
		doc.reload()
		self.assertEqual([(r.unit, r.ranking) for r in doc.results], [(self.c.town_b, 1), (self.c.town_a, 2)])

	def test_bad_circulars_are_refused_and_change_nothing(self):
		frappe.set_user(self.c.manager)
		with self.assertRaisesRegex(frappe.ValidationError, "office reads every circular"):
			circular([{"recipient_type": "Role", "role": "Sanshu Manager"}])
		doc = circular([{"recipient_type": "Role", "role": "Organisation Department"}], circular_title="关于测评结果的通报")
		with self.assertRaisesRegex(frappe.ValidationError, "make its results"):
			apply_workflow(doc, "Print and Issue")
		doc.reload()
		self.assertEqual((doc.docstatus, doc.document_number), (0, None))
		frappe.set_user(self.orgdept)
		with self.assertRaises(frappe.PermissionError):
			SanshuCircular.make_from(doc, "Sanshu Ratings", self.campaign)
