"""Online ballots cannot be tied to their voters.

- Polling: the office and Administrator read every generic door (REST, ``frappe.client.get_count``,
  reportview) before and after each vote. The office sees nothing change (the voted flags sit at a
  field level no role has; it sees only the turnout on the form); Administrator, whom the platform
  lets past field levels, sees only the voter's roster flag. Nothing differs with the choice.
- Closing with fewer than k ballots keeps no count per option (a count of one is a choice).
- The box: a plain table whose columns cannot link (no user, owner, time or code), counted only
  when the evaluation closes, and then exactly.
- No table, log, version or timestamp written since voting began holds both a voter and a choice.
"""

import json
import re
import uuid
from datetime import timedelta
from threading import Thread
from unittest.mock import patch

import frappe
from frappe.tests import IntegrationTestCase
from frappe.utils import get_test_client, getdate, now_datetime, nowdate

from sanshu_app import ballot_box
from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation import cast_ballot
from tests.site.api import api_credentials, api_get
from tests.site.factories import make_cadre, make_campaign, make_unit, make_user

LOG_DOCTYPES = ("Version", "Activity Log", "Comment", "Error Log", "Communication", "Notification Log", "Access Log", "View Log")
EXC_ID = re.compile(r"__frappe_exc_id[^0-9a-f]*[0-9a-f]{16,}")
CAST = "/api/method/sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation.cast_ballot"


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


def q(value):
	return frappe.utils.quote(json.dumps(value) if not isinstance(value, str) else value)


def poll(authorization, evaluation, scale):
	"""Everything an observer can read about the evaluation and its ballots, through the generic doors."""
	seen = {}
	seen["rest doc"] = api_get(f"/api/resource/Sanshu Evaluation/{evaluation}", authorization)
	seen["rest counts"] = api_get(
		f"/api/resource/Sanshu Evaluation Count?parent=Sanshu Evaluation&fields={q(['parent', 'option', 'online_ballots', 'total_ballots', 'modified'])}"
		f"&filters={q([['parent', '=', evaluation]])}",
		authorization,
	)
	seen["v2 doc"] = api_get(f"/api/v2/document/Sanshu Evaluation/{evaluation}", authorization)
	seen["evaluation modified"] = api_get(
		f"/api/method/frappe.client.get_value?doctype=Sanshu%20Evaluation&fieldname={q(['modified', 'online_ballots', 'total_ballots'])}&filters={q({'name': evaluation})}",
		authorization,
	)
	for choice in scale:
		for doctype, filters in (
			("Sanshu Evaluation Count", {"parent": evaluation, "option": choice, "online_ballots": (">", 0)}),
			("Sanshu Ballot", {"choice": choice}),  # the old ballot doctype is gone
			(ballot_box.BOX_TABLE, {"choice": choice}),  # the box is no doctype
			("__" + ballot_box.BOX_TABLE, {"choice": choice}),  # Frappe uses "__" names as table names
		):
			seen[f"get_count {doctype} {choice}"] = api_get(
				f"/api/method/frappe.client.get_count?doctype={q(doctype)}&filters={q(filters)}", authorization
			)
		seen[f"reportview count {choice}"] = api_get(
			f"/api/method/frappe.desk.reportview.get_count?doctype=Sanshu%20Evaluation%20Count&filters={q({'parent': evaluation, 'option': choice, 'online_ballots': ('>', 0)})}",
			authorization,
		)
	seen["reportview get"] = api_get(
		f"/api/method/frappe.desk.reportview.get?doctype=Sanshu%20Evaluation&fields={q(['name', 'online_ballots', 'total_ballots', 'modified', 'status'])}&filters={q({'name': evaluation})}",
		authorization,
	)
	# a refusal carries a random error id each time: not something a vote changed
	return {key: EXC_ID.sub("__frappe_exc_id", json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)) for key, value in seen.items()}


def turnout_seen_by(authorization, evaluation):
	"""How many have voted, as the evaluation form shows it (getdoc's onload)."""
	status, body = api_get(f"/api/method/frappe.desk.form.load.getdoc?doctype=Sanshu%20Evaluation&name={q(evaluation)}", authorization)
	assert status == 200, body
	return body["docs"][0]["__onload"]["turnout"]


def without_voted_flags(snapshot):
	"""The snapshot with the roster's voted flags blanked: the one thing the office may watch change."""
	text = json.dumps(snapshot, sort_keys=True)
	return re.sub(r'\\"voted\\": [01]', '\\"voted\\": _', text)


class TestEvaluationAnonymity(IntegrationTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_polling_before_and_after_each_vote_reveals_no_choice(self):
		# this test commits (each REST call answers from its own connection): few users, no County
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
		scale = evaluation.scale()
		observers = {"manager": api_credentials(manager), "Administrator": api_credentials("Administrator")}
		tokens = {voter: api_credentials(voter) for voter in voters}  # commits
		started = now_datetime() - timedelta(seconds=1)

		# nobody reads who has voted, the office included: the roster comes without its voted flags
		# (a field level no role has), and the form shows the office only how many have voted
		status, body = api_get(f"/api/resource/Sanshu Evaluation/{evaluation.name}", observers["manager"])
		self.assertEqual(status, 200, body)
		self.assertEqual(len(body["data"]["roster"]), 4)
		self.assertEqual(turnout_seen_by(observers["manager"], evaluation.name), 0)

		choices = dict(zip(voters, ("好", "较好", "一般", "较差")))
		before = {who: poll(token, evaluation.name, scale) for who, token in observers.items()}
		for voter in voters:
			status, body = api_post(CAST, tokens[voter], {"evaluation": evaluation.name, "choice": choices[voter]})
			self.assertEqual(status, 200, body)
			after = {who: poll(token, evaluation.name, scale) for who, token in observers.items()}
			for who in observers:
				changed = sorted(key for key in after[who] if after[who][key] != before[who][key])
				# what changed: nothing for the office; for Administrator (past field levels) the
				# documents showing the roster, and only through its voted flag
				self.assertTrue(set(changed) <= ({"rest doc", "v2 doc"} if who == "Administrator" else set()), f"{who}: {changed}")
				self.assertTrue(set(changed) <= {"rest doc", "v2 doc"}, f"{who} saw {changed} change with a vote: {[(before[who][k][:3000], after[who][k][:3000]) for k in changed]}")
				self.assertEqual(without_voted_flags(after[who]), without_voted_flags(before[who]), who)
			before = after

		# the doors that would count ballots per choice answer nothing about ballots
		for who in observers:
			for choice in scale:
				self.assertNotEqual(json.loads(before[who][f"get_count Sanshu Ballot {choice}"])[0], 200)
				self.assertNotEqual(json.loads(before[who][f"get_count {ballot_box.BOX_TABLE} {choice}"])[0], 200)
				self.assertNotEqual(json.loads(before[who][f"get_count __{ballot_box.BOX_TABLE} {choice}"])[0], 200)
				status, body = json.loads(before[who][f"reportview count {choice}"])
				self.assertTrue(status != 200 or body == {"message": 0}, body)  # refused, or no online count yet
		status, body = api_get(f"/api/resource/Sanshu Evaluation/{evaluation.name}", observers["manager"])
		self.assertFalse(any(row.get("voted") for row in body["data"]["roster"]), body["data"]["roster"])  # blank, not the flag
		self.assertEqual(body["data"]["online_ballots"], 0)
		self.assertEqual(turnout_seen_by(observers["manager"], evaluation.name), 4)  # how many, never who
		# nor can the office filter, sort or pick the roster by the flag: the same answer either way
		answers = {
			flag: api_get(
				f"/api/method/frappe.client.get_list?doctype=Sanshu%20Evaluator&parent=Sanshu%20Evaluation&fields={q(['evaluator'])}"
				f"&filters={q({'parent': evaluation.name, 'voted': flag})}",
				observers["manager"],
			)
			for flag in (0, 1)
		}
		self.assertEqual(*(EXC_ID.sub("", json.dumps(answers[flag], ensure_ascii=False)) for flag in (0, 1)))
		for fields in (["evaluator", "voted"], ["evaluator"]):
			status, body = api_get(
				f"/api/resource/Sanshu Evaluator?parent=Sanshu%20Evaluation&fields={q(fields)}&filters={q([['parent', '=', evaluation.name]])}"
				+ ("&order_by=voted%20desc" if fields == ["evaluator"] else ""),
				observers["manager"],
			)
			self.assertFalse(status == 200 and any(row.get("voted") for row in body.get("data", [])), body)

		# the box: made by install, and no column that could link a ballot to a voter, a code or a time
		self.assertTrue(ballot_box.box_exists())
		columns = {row[0] for row in frappe.db.sql(f"show columns from `{ballot_box.BOX_TABLE}`")}
		self.assertEqual(columns, {"name", "box", "subject", "choice", "voter_group"})
		rows = frappe.db.sql(f"select name, box, subject, choice, voter_group from `{ballot_box.BOX_TABLE}` where subject=%s", evaluation.name, as_dict=True)
		self.assertEqual(sorted(r.choice for r in rows), sorted(choices.values()))
		for row in rows:
			self.assertEqual(uuid.UUID(row.name).version, 4)  # random: the order of keys says nothing
			self.assertEqual((row.box, row.voter_group), (evaluation.name, "Service Recipient"))

		# an Administrator's Query Report may not read the box either
		report = frappe.get_doc(
			{
				"doctype": "Report",
				"report_name": "Ballots per choice",
				"ref_doctype": "Sanshu Evaluation",
				"report_type": "Query Report",
				"is_standard": "No",
				"query": "select choice, count(*) from `Sanshu_Ballot_Box` group by choice",
			}
		)
		with self.assertRaisesRegex(frappe.PermissionError, "ballot box"):
			report.insert()

		# sealed while open, even for server code that asks
		with self.assertRaises(frappe.PermissionError):
			ballot_box.tally(frappe.get_doc("Sanshu Evaluation", evaluation.name))

		# the roster rows and the evaluation were not even touched: no time orders the votes
		evaluation_now = frappe.get_doc("Sanshu Evaluation", evaluation.name)
		self.assertEqual(str(evaluation_now.modified), str(evaluation.modified))
		self.assertEqual({r.name: str(r.modified) for r in evaluation_now.roster}, {r.name: str(r.modified) for r in evaluation.roster})

		# no log, version, comment or message about the evaluation since voting began
		for doctype in LOG_DOCTYPES:
			for row in frappe.get_all(doctype, filters={"creation": (">=", started)}, fields=["*"]):
				text = json.dumps(row, default=str, ensure_ascii=False)
				self.assertNotIn(evaluation.name, text, f"{doctype} {row.name} is about the evaluation")

		# and across every table: no row written since voting began holds both a voter and a choice
		choice_pattern = re.compile("|".join(map(re.escape, choices.values())))
		for table in frappe.db.get_tables(cached=False):
			columns = frappe.db.get_table_columns(table.replace("tab", "", 1)) if table.startswith("tab") else []
			stamp = "modified" if "modified" in columns else "creation" if "creation" in columns else None
			if not stamp:
				continue
			for row in frappe.db.sql(f"select * from `{table}` where `{stamp}` >= %s", started, as_dict=True):
				text = json.dumps(row, default=str, ensure_ascii=False)
				named = [v for v in voters if v in text]
				if named:
					self.assertIsNone(choice_pattern.search(text), f"{table} row {row.get('name')} holds {named} and a choice")

		# closing counts the box exactly, and only then are the counts per choice shown
		frappe.set_user(manager)
		frappe.get_doc("Sanshu Evaluation", evaluation.name).close_evaluation()
		frappe.set_user("Administrator")
		closed = frappe.get_doc("Sanshu Evaluation", evaluation.name)
		# four ballots, fewer than k = 5: no count per option is kept (a count of one is a choice)
		self.assertEqual(closed.counts_withheld, 1)
		self.assertEqual({r.option: (r.online_ballots, r.total_ballots, r.share) for r in closed.counts}, dict.fromkeys(scale, (0, 0, 0)))
		self.assertEqual(closed.online_ballots, 4)
		self.assertTrue(closed.outcome)
		status, body = api_get(f"/api/resource/Sanshu Evaluation/{evaluation.name}", observers["manager"])
		self.assertEqual([(row["online_ballots"], row["total_ballots"]) for row in body["data"]["counts"]], [(0, 0)] * 4)
		from tests.site.printing import plain

		printed = plain(frappe.get_print("Sanshu Evaluation", evaluation.name, print_format="测评结果反馈", no_letterhead=1))
		self.assertIn(plain("因有效票不足5张，为保护投票人匿名，不列示各评价票数和占比"), printed)
		self.assertNotIn("<th>票数</th>", printed)
		self.assertEqual(ballot_box.tally(closed, by_group=True), {("Service Recipient", c): 1 for c in choices.values()})
		frappe.db.commit()

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
		rows = frappe.db.sql(f"select choice from `{ballot_box.BOX_TABLE}` where subject=%s", evaluation.name)
		self.assertEqual([r[0] for r in rows], ["较差"])
