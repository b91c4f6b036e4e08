import frappe
from frappe.tests import IntegrationTestCase
from frappe.utils import getdate, nowdate

from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation import cast_ballot
from sanshu_app.setup.default_rule_sets import ONSITE_RATING
from tests.site.factories import County, make_campaign, make_user


class TestSanshuEvaluation(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.c = County()
		cls.voters = [make_user(f"评议{i}", ("Evaluator",)) for i in range(5)]

	def setUp(self):
		# scheme 述责述廉述德: the on-site rating (满意 / 基本满意 / 不满意); a fresh campaign per test
		self.campaign = make_campaign(getdate(nowdate()).year, cadres=[self.c.cadre_a.name])

	def tearDown(self):
		frappe.set_user("Administrator")

	def evaluation(self):
		return frappe.get_doc(
			{
				"doctype": "Sanshu Evaluation",
				"campaign": self.campaign.name,
				"cadre": self.c.cadre_a.name,
				"roster": [{"evaluator": u, "evaluator_group": "Discipline Committee Member"} for u in self.voters],
			}
		).insert()

	def test_dissatisfied_share_of_forty_percent_means_accountability(self):
		ev = self.evaluation()
		self.assertEqual(ev.rule_set, ONSITE_RATING)
		for voter, choice in zip(self.voters, ("满意", "满意", "满意", "不满意", "不满意")):
			frappe.set_user(voter)
			cast_ballot(ev.name, choice)
		frappe.set_user(self.c.manager)
		ev = frappe.get_doc("Sanshu Evaluation", ev.name)
		self.assertEqual(ev.close_evaluation(), "不满意")  # 2 of 5 = 40%: the most severe finding first
		ev.reload()
		# the consequence is a draft accountability record (问责) for the office (issue 19), not a tick
		self.assertEqual(frappe.db.get_value("Accountability", {"source_name": ev.name}, "status"), "Draft")
		self.assertFalse(ev.integrity_talk)

	def test_a_second_vote_is_refused_in_the_voter_s_language(self):
		ev = self.evaluation()
		frappe.set_user(self.voters[1])
		cast_ballot(ev.name, "基本满意")
		frappe.local.lang = "zh"
		try:
			with self.assertRaisesRegex(frappe.ValidationError, "您已在本次测评中投票"):
				cast_ballot(ev.name, "满意")
		finally:
			frappe.local.lang = "en"
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.sql("select count(*) from sanshu_ballot_box where subject=%s", ev.name)[0][0], 1)

	def test_closing_with_no_ballots_is_refused_and_changes_nothing(self):
		ev = self.evaluation()
		with self.assertRaisesRegex(frappe.ValidationError, "No valid ballots"):
			ev.close_evaluation()
		self.assertEqual(frappe.db.get_value("Sanshu Evaluation", ev.name, ["docstatus", "status"]), (0, "Voting"))

	def test_the_cadre_reads_their_evaluation_but_not_the_roster(self):
		ev = self.evaluation()
		frappe.set_user(self.c.cadre_a.user)
		doc = frappe.get_doc("Sanshu Evaluation", ev.name)
		doc.check_permission("read")
		doc.apply_fieldlevel_read_permissions()
		self.assertFalse(doc.get("roster"))
		frappe.set_user(self.c.cadre_b.user)
		self.assertFalse(frappe.get_doc("Sanshu Evaluation", ev.name).has_permission("read"))

	def test_a_voter_cannot_be_taken_off_the_roster(self):
		ev = self.evaluation()
		frappe.set_user(self.voters[0])
		cast_ballot(ev.name, "满意")
		frappe.set_user(self.c.manager)
		stale = ev  # loaded before the vote: still shows voted = 0
		stale.roster = [r for r in stale.roster if r.evaluator != self.voters[0]]
		with self.assertRaisesRegex(frappe.ValidationError, "Voting has begun"):
			stale.save()
		# nor anyone else: refusing only voters would tell the office who has voted
		other = frappe.get_doc("Sanshu Evaluation", ev.name)
		other.roster = [r for r in other.roster if r.evaluator != self.voters[1]]
		with self.assertRaisesRegex(frappe.ValidationError, "Voting has begun"):
			other.save()
		fresh = frappe.get_doc("Sanshu Evaluation", ev.name)
		fresh.save()
		self.assertEqual([r.evaluator for r in fresh.roster if r.voted], [self.voters[0]])
