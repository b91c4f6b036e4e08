"""After voting, nothing in the database ties a ballot's choice to the evaluator who cast it:
not the ballot itself (owner, timestamps, name), not the roster, not Version, Activity Log,
Comment, Error Log, Communication or any other table."""

import json
import re
from datetime import timedelta
from threading import Thread
from unittest.mock import patch

import frappe
from frappe.tests import IntegrationTestCase
from frappe.utils import get_datetime, get_test_client, getdate, now_datetime, nowdate

from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation import cast_ballot
from tests.site.api import api_credentials
from tests.site.factories import make_cadre, make_campaign, make_unit, make_user

LOG_DOCTYPES = ("Version", "Activity Log", "Comment", "Error Log", "Communication", "Notification Log", "Access Log", "View Log")


def api_post(path, authorization, data):
	site = frappe.local.site
	result = {}

	def call():
		with patch("frappe.app.get_site_name", return_value=site):
			response = get_test_client().post(path, headers={"Authorization": authorization}, data=data)
			result["status"] = response.status_code
			result["body"] = response.get_data(as_text=True)

	thread = Thread(target=call)
	thread.start()
	thread.join()
	return result["status"], result["body"]


class TestEvaluationAnonymity(IntegrationTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_no_row_links_a_choice_to_its_voter(self):
		# this test commits (the REST vote answers from its own connection): few users, no County
		cadre = make_cadre(make_unit("匿名测评单位"), "被测评干部", with_user=False)
		manager = make_user("党廉办", ("Sanshu Manager",))
		campaign = make_campaign(getdate(nowdate()).year, cadres=[cadre.name], scheme="Work, Responsibility and Integrity")
		voters = [make_user(f"匿名评议员{i}", ("Evaluator",)) for i in range(4)]
		frappe.set_user(manager)
		evaluation = frappe.get_doc(
			{
				"doctype": "Sanshu Evaluation",
				"campaign": campaign.name,
				"cadre": cadre.name,
				"roster": [{"evaluator": u, "evaluator_group": "Service Recipient"} for u in voters],
			}
		).insert()
		frappe.set_user("Administrator")
		roster_before = {r.name: str(r.modified) for r in evaluation.roster}
		rest_voter = voters[3]
		token = api_credentials(rest_voter)  # commits: the REST call answers from its own connection
		started = now_datetime() - timedelta(seconds=1)

		choices = dict(zip(voters, ("好", "较好", "一般", "较差")))
		for voter in voters[:3]:
			frappe.set_user(voter)
			cast_ballot(evaluation.name, choices[voter])
		frappe.set_user("Administrator")
		frappe.db.commit()
		status, body = api_post(
			"/api/method/sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation.cast_ballot",
			token,
			{"evaluation": evaluation.name, "choice": choices[rest_voter]},
		)
		self.assertEqual(status, 200, body)

		# the office does not read ballots (it could otherwise watch them arrive one by one)
		self.assertFalse(frappe.has_permission("Sanshu Ballot", "read", user=manager))

		# the ballots: the choices are all there, and nothing else about who or when
		ballots = frappe.get_all("Sanshu Ballot", filters={"evaluation": evaluation.name}, fields=["*"])
		self.assertEqual(sorted(b.choice for b in ballots), sorted(choices.values()))
		midnight = get_datetime(getdate(evaluation.evaluation_date))
		for ballot in ballots:
			self.assertEqual((ballot.owner, ballot.modified_by), ("Guest", "Guest"))
			self.assertEqual((get_datetime(ballot.creation), get_datetime(ballot.modified)), (midnight, midnight))
			self.assertRegex(ballot.name, r"^[0-9a-f]{20}$")  # random: the order of names says nothing
			for voter in voters:
				self.assertNotIn(voter, json.dumps(ballot, default=str))

		# who voted is known (once-only rule), but not when: the roster rows were not even touched
		roster = frappe.get_all("Sanshu Evaluator", filters={"parent": evaluation.name}, fields=["name", "evaluator", "voted", "modified"])
		self.assertTrue(all(r.voted for r in roster))
		self.assertEqual({r.name: str(r.modified) for r in roster}, roster_before)
		self.assertEqual(get_datetime(frappe.db.get_value("Sanshu Evaluation", evaluation.name, "modified")), get_datetime(evaluation.modified))

		# no log, version, comment or message about the ballots or the evaluation since voting began
		ballot_names = [b.name for b in ballots]
		for doctype in LOG_DOCTYPES:
			rows = frappe.get_all(doctype, filters={"creation": (">=", started)}, fields=["*"])
			for row in rows:
				text = json.dumps(row, default=str, ensure_ascii=False)
				self.assertFalse(any(n in text for n in ballot_names), f"{doctype} {row.name} names a ballot")
				self.assertNotIn("Sanshu Ballot", text, f"{doctype} {row.name} is about a ballot")
				self.assertNotIn(evaluation.name, text, f"{doctype} {row.name} is about the evaluation")

		# and across every table: no row written since voting began holds both a voter and a choice
		choice_pattern = re.compile("|".join(map(re.escape, choices.values())))
		for table in frappe.db.get_tables():
			columns = frappe.db.get_table_columns(table.replace("tab", "", 1)) if table.startswith("tab") else []
			stamp = "modified" if "modified" in columns else "creation" if "creation" in columns else None
			if not stamp:
				continue
			rows = frappe.db.sql(f"select * from `{table}` where `{stamp}` >= %s", started, as_dict=True)
			for row in rows:
				text = json.dumps(row, default=str, ensure_ascii=False)
				named = [v for v in voters if v in text]
				if named:
					self.assertIsNone(choice_pattern.search(text), f"{table} row {row.get('name')} holds {named} and a choice")
					self.assertFalse(any(n in text for n in ballot_names), f"{table} row {row.get('name')} links {named} to a ballot")

	def test_a_refused_vote_leaves_no_trace_either(self):
		cadre = make_cadre(make_unit("测评单位"), "干部", with_user=False)
		campaign = make_campaign(getdate(nowdate()).year, cadres=[cadre.name], scheme="Work, Responsibility and Integrity")
		voter = make_user("评议员", ("Evaluator",))
		evaluation = frappe.get_doc(
			{"doctype": "Sanshu Evaluation", "campaign": campaign.name, "cadre": cadre.name, "roster": [{"evaluator": voter, "evaluator_group": "Conduct Supervisor"}]}
		).insert()
		frappe.set_user(voter)
		cast_ballot(evaluation.name, "较差")
		errors_before = frappe.db.count("Error Log")
		with self.assertRaisesRegex(frappe.ValidationError, "already voted"):
			cast_ballot(evaluation.name, "好")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Error Log"), errors_before)
		self.assertEqual([b.choice for b in frappe.get_all("Sanshu Ballot", filters={"evaluation": evaluation.name}, fields=["choice"])], ["较差"])
