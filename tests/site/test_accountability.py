"""Issue 19: consequences become Accountability records (问责), rule sets lock while in use,
abstentions and the gap are rule-set data, the number of ballots is a count.

Acted out by the office (a Sanshu Manager) on a small county, with paper ballots typed in as the
clerk would and online ballots put in the ballot box."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, today

from sanshu_app import ballot_box
from sanshu_app.assessment_and_rectification import reminders
from sanshu_app.integrity_archive.archive import archive_rows
from sanshu_app.integrity_archive.opinion import archive_facts
from sanshu_app.rules.integrity_archive import ACCOUNTABILITY
from sanshu_app.setup.default_rule_sets import DEMOCRATIC_ASSESSMENT, ONSITE_RATING
from tests.site.factories import CountyTestCase, make_campaign, unique


def as_user(user):
	frappe.set_user(user)


class TestAccountability(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		c = cls.c
		cadres = [c.cadre_a.name, c.cadre_b.name, c.secretary_a.name, c.cadre_station.name]
		cls.onsite = make_campaign(2026, units=[c.town_a, c.town_b], cadres=cadres, evaluation_rule_set=ONSITE_RATING)
		cls.democratic = make_campaign(2026, units=[c.town_a, c.town_b], cadres=cadres, evaluation_rule_set=DEMOCRATIC_ASSESSMENT)

	# helpers ------------------------------------------------------------------------------------
	def rule_set_copy(self, of, **changes):
		"""A rule set of this test's own (the shipped ones are shared by every test)."""
		doc = frappe.copy_doc(frappe.get_doc("Sanshu Rule Set", of))
		doc.rule_set_name = unique(of)
		doc.update(changes)
		return doc.insert(ignore_permissions=True)

	def evaluation(self, campaign, cadre, paper, blank=0, invalid=0, rule_set=None):
		"""An evaluation with ``paper`` (option -> ballots) typed in by the office, still open, in a
		campaign of its own using ``campaign``'s rule set (a cadre is evaluated once per campaign)."""
		campaign = make_campaign(2026, units=[self.c.town_a, self.c.town_b], cadres=[cadre], evaluation_rule_set=campaign.evaluation_rule_set)
		as_user(self.c.manager)
		doc = frappe.get_doc({"doctype": "Sanshu Evaluation", "campaign": campaign.name, "cadre": cadre, "rule_set": rule_set}).insert()
		for row in doc.counts:
			row.paper_ballots = paper.get(row.option, 0)
		doc.blank_paper_ballots = blank
		doc.invalid_paper_ballots = invalid
		doc.paper_ballots_collected = sum(paper.values()) + blank + invalid
		doc.save()
		return doc

	def drafts(self, evaluation):
		return frappe.get_all(
			"Accountability",
			filters={"source_doctype": "Sanshu Evaluation", "source_name": evaluation},
			fields=["name", "status", "source_type", "cadre", "rule_set", "rule_key", "figures", "needs_verification", "proposed_measures"],
		)

	# 000: 不满意 → 问责 -------------------------------------------------------------------------
	def test_000_dissatisfied_at_40_percent_makes_a_draft_and_39_percent_none(self):
		c = self.c
		at = self.evaluation(self.onsite, c.cadre_a.name, {"满意": 3, "基本满意": 0, "不满意": 2})  # 2 of 5 = 40%
		self.assertEqual(at.close_evaluation(), "不满意")
		drafts = self.drafts(at.name)
		self.assertEqual(len(drafts), 1)
		draft = drafts[0]
		self.assertEqual((draft.status, draft.source_type, draft.cadre, draft.rule_set), ("Draft", "Evaluation", c.cadre_a.name, ONSITE_RATING))
		self.assertIn("000", draft.rule_key)
		self.assertIn("40", draft.figures)
		at.reload()
		self.assertIn(draft.name, at.consequences)
		self.assertFalse(at.accountability)  # no tick any more: the record is the consequence

		# 39%: 满意+基本满意 61% is 基本满意, no record
		under = self.evaluation(self.onsite, c.cadre_b.name, {"满意": 61, "基本满意": 0, "不满意": 39})
		self.assertEqual(under.close_evaluation(), "基本满意")
		self.assertEqual(self.drafts(under.name), [])

	# 003 §22: > 30% 较差 → 核实 → 处理 ---------------------------------------------------------
	def test_003_over_30_percent_is_verified_decided_concluded_and_archived(self):
		c = self.c
		poor = self.evaluation(self.democratic, c.cadre_a.name, {"好": 6, "较好": 1, "一般": 0, "较差": 4})  # 4 of 11
		self.assertEqual(poor.close_evaluation(), "移送处理")
		(draft,) = self.drafts(poor.name)
		self.assertTrue(draft.needs_verification)
		self.assertTrue({"组织处理", "Organisational Handling"} & set(draft.proposed_measures.split("、")))
		record = frappe.get_doc("Accountability", draft.name)
		# no measure before the verification (经核实)
		with self.assertRaisesRegex(frappe.ValidationError, "asks for verification"):
			record.decide()
		self.assertEqual(frappe.db.get_value("Accountability", record.name, "status"), "Draft")
		self.assertEqual(record.start_verification(), "Verifying")
		record.reload()
		with self.assertRaisesRegex(frappe.ValidationError, "what the verification found"):
			record.record_verification(1, " ")
		record.reload()
		self.assertEqual(record.record_verification(1, "经核实，存在落实责任不到位问题"), "Facts Verified")
		record.reload()
		self.assertEqual((record.verified_by, str(record.verified_on)), (c.manager, today()))
		# a measure without who and when is refused
		record.append("measures", {"measure": "Organisational Handling"})
		record.save()
		with self.assertRaisesRegex(frappe.ValidationError, "who decided it and when"):
			record.decide()
		record.reload()
		record.measures[0].decided_by = "县纪委常委会"
		record.measures[0].decided_on = today()
		record.save()
		self.assertEqual(record.decide(), "Decided")
		record.reload()
		record.measures[0].note = "改一下"
		with self.assertRaisesRegex(frappe.ValidationError, "measures were decided"):
			record.save()
		record.reload()
		self.assertEqual(record.conclude("已作组织处理"), "Concluded")
		record.reload()
		self.assertEqual(
			[(s.from_state, s.to_state, s.by_user) for s in record.steps],
			[("Draft", "Verifying", c.manager), ("Verifying", "Facts Verified", c.manager), ("Facts Verified", "Decided", c.manager), ("Decided", "Concluded", c.manager)],
		)
		# into the cadre's integrity archive and the integrity opinion's facts
		archived = {r["name"]: r for r in archive_rows(c.cadre_a.name)}
		self.assertEqual(archived[record.name]["doctype"], "Accountability")
		self.assertTrue(any(m in archived[record.name]["title"] for m in ("组织处理", "Organisational Handling")))
		facts = [f for f in archive_facts(c.cadre_a.name) if f.kind == ACCOUNTABILITY]
		self.assertEqual([f.name for f in facts], [record.name])
		# concluded: nothing changes any more
		record.conclusion = "另写"
		with self.assertRaisesRegex(frappe.ValidationError, "cannot change any more"):
			record.save()

	def test_003_exactly_30_percent_makes_no_record(self):
		at = self.evaluation(self.democratic, self.c.cadre_b.name, {"好": 7, "较好": 0, "一般": 0, "较差": 3})  # 3 of 10
		self.assertEqual(at.close_evaluation(), "诫勉并责令整改")
		self.assertEqual(self.drafts(at.name), [])

	def test_not_substantiated_ends_the_record_outside_the_archive(self):
		c = self.c
		as_user(c.manager)
		record = frappe.get_doc(
			{"doctype": "Accountability", "source_type": "Report Not Truthful", "cadre": c.cadre_station.name, "campaign": self.democratic.name}
		).insert()
		# opened by hand: the rule comes from the campaign's rule set (003 §23(一))
		self.assertEqual((record.needs_verification, record.rule_set), (1, DEMOCRATIC_ASSESSMENT))
		self.assertTrue({"约谈", "Interview"} & set(record.proposed_measures.split("、")))
		self.assertIn("第二十三条", record.rule_key)
		record.start_verification()
		record.reload()
		self.assertEqual(record.record_verification(0, "查无实据"), "Not Substantiated")
		record.reload()
		with self.assertRaises(frappe.ValidationError):
			record.start_verification()
		self.assertNotIn(record.name, {r["name"] for r in archive_rows(c.cadre_station.name)})

	def test_status_changes_only_through_the_buttons(self):
		c = self.c
		as_user(c.manager)
		record = frappe.get_doc({"doctype": "Accountability", "source_type": "Report Not Truthful", "cadre": c.cadre_b.name}).insert()
		record.status = "Concluded"
		with self.assertRaisesRegex(frappe.ValidationError, "buttons"):
			record.save()
		self.assertEqual(frappe.db.get_value("Accountability", record.name, "status"), "Draft")
		with self.assertRaises(frappe.ValidationError):
			frappe.get_doc({"doctype": "Accountability", "source_type": "Report Not Truthful", "cadre": c.cadre_b.name, "status": "Decided"}).insert()

	def test_office_only(self):
		c = self.c
		as_user(c.manager)
		record = frappe.get_doc({"doctype": "Accountability", "source_type": "Report Not Truthful", "cadre": c.cadre_a.name}).insert()
		for user in (c.cadre_a.user, c.secretary_a.user):
			as_user(user)
			self.assertFalse(frappe.has_permission("Accountability", "read", record.name))
			with self.assertRaises(frappe.PermissionError):
				frappe.get_list("Accountability", filters={"name": record.name})
			with self.assertRaises(frappe.PermissionError):
				frappe.get_doc("Accountability", record.name).start_verification()

	# 003 §23(二): 未整改 → draft from the daily run ----------------------------------------------
	def test_an_overdue_rectification_makes_a_draft_once(self):
		c = self.c
		as_user(c.manager)
		rect = frappe.get_doc({"doctype": "Rectification", "source_type": "Inspection", "cadre": c.cadre_b.name, "problems": "<p>台账不全</p>"}).insert()
		apply_workflow(rect, "Issue Notice")
		frappe.db.set_value("Rectification", rect.name, {"report_due_date": add_days(today(), -1)})
		frappe.set_user("Administrator")
		reminders.run_daily()
		reminders.run_daily()
		drafts = frappe.get_all(
			"Accountability", filters={"source_doctype": "Rectification", "source_name": rect.name}, fields=["source_type", "status", "cadre", "needs_verification"]
		)
		self.assertEqual([(d.source_type, d.status, d.cadre, d.needs_verification) for d in drafts], [("Rectification Overdue", "Draft", c.cadre_b.name, 1)])

	# the gap and abstentions -------------------------------------------------------------------
	def test_abstentions_in_the_denominator_leave_the_band_to_the_office(self):
		c = self.c
		counting = self.rule_set_copy(ONSITE_RATING, count_abstentions=1)
		ballots = {"满意": 5, "基本满意": 0, "不满意": 3}  # and 2 blank: 50% satisfied, 30% dissatisfied of 10
		gap = self.evaluation(self.onsite, c.cadre_a.name, ballots, blank=2, rule_set=counting.name)
		self.assertEqual(gap.close_evaluation(), "待定")
		gap.reload()
		self.assertEqual((gap.outcome_pending, gap.total_ballots, gap.abstentions), (1, 8, 2))
		self.assertTrue("No band" in gap.consequences or "未达到任何档次" in gap.consequences, gap.consequences)
		self.assertEqual(self.drafts(gap.name), [])
		with self.assertRaisesRegex(frappe.ValidationError, "is not a band"):
			gap.decide_outcome("优秀")
		self.assertEqual(gap.decide_outcome("不满意"), "不满意")
		gap.reload()
		self.assertEqual((gap.outcome, gap.decided_band, gap.outcome_decided_by), ("不满意", "不满意", c.manager))
		self.assertTrue(gap.outcome_decided_on)
		self.assertEqual(len(self.drafts(gap.name)), 1)  # the band decided brings its consequence
		with self.assertRaises(frappe.ValidationError):
			gap.decide_outcome("满意")

		# the shipped rule set leaves abstentions out: the same ballots are 基本满意 (5 of 8)
		plain = self.evaluation(self.onsite, c.cadre_b.name, ballots, blank=2)
		self.assertEqual(plain.close_evaluation(), "基本满意")
		self.assertEqual(plain.reload().outcome_pending, 0)

	def test_weighted_groups_still_report_a_count_of_ballots(self):
		c = self.c
		weighted = self.rule_set_copy(
			ONSITE_RATING, group_weights=[{"evaluator_group": "Service Recipient", "weight": 60}, {"evaluator_group": "Conduct Supervisor", "weight": 40}]
		)
		doc = self.evaluation(self.onsite, c.secretary_a.name, {}, rule_set=weighted.name)
		for choice, group in (("满意", "Service Recipient"), ("满意", "Service Recipient"), ("满意", "Service Recipient"), ("不满意", "Conduct Supervisor"), ("基本满意", "Conduct Supervisor")):
			ballot_box.cast(doc.name, doc.name, choice, group)
		doc.close_evaluation()
		doc.reload()
		self.assertEqual(doc.total_ballots, 5)
		self.assertEqual(sum(r.total_ballots for r in doc.counts), 5)

	# rule sets locked in use -------------------------------------------------------------------
	def test_a_rule_set_in_use_cannot_change_its_rules_and_is_copied_instead(self):
		c = self.c
		rules = self.rule_set_copy(ONSITE_RATING)
		ev = self.evaluation(self.onsite, c.cadre_station.name, {"满意": 5}, rule_set=rules.name)
		doc = frappe.get_doc("Sanshu Rule Set", rules.name)
		doc.thresholds[0].percent = 50
		with self.assertRaisesRegex(frappe.ValidationError, ev.name):
			doc.save()
		self.assertEqual(frappe.db.get_value("Sanshu Rule Threshold", doc.thresholds[0].name, "percent"), 40)
		doc.reload()
		doc.scale_options[0].option = "很满意"
		with self.assertRaisesRegex(frappe.ValidationError, "is used by the open"):
			doc.save()
		doc.reload()
		doc.source = "另一个文号"  # not a rule: allowed
		doc.save()
		copy = doc.copy_to_new_version()
		self.assertIn(copy, (f"{rules.name} (version 2)", f"{rules.name}（第2版）"))
		new = frappe.get_doc("Sanshu Rule Set", copy)
		new.thresholds[0].percent = 50
		new.save()
		# closed, the old one is free again
		ev.close_evaluation()
		doc.reload()
		doc.thresholds[0].percent = 45
		doc.save()

	def test_closing_refuses_ballots_whose_option_left_the_scale(self):
		c = self.c
		rules = self.rule_set_copy(ONSITE_RATING)
		ev = self.evaluation(self.onsite, c.cadre_b.name, {"满意": 5}, rule_set=rules.name)
		ballot_box.cast(ev.name, ev.name, "满意")
		ballot_box.cast(ev.name, ev.name, "比较满意")  # an option renamed since (a rule set edited around the lock)
		ballot_box.cast(ev.name, ev.name, "比较满意")
		with self.assertRaisesRegex(frappe.ValidationError, "^2 online ballots"):
			frappe.get_doc("Sanshu Evaluation", ev.name).close_evaluation()
		self.assertEqual(frappe.db.get_value("Sanshu Evaluation", ev.name, "docstatus"), 0)

	# aspects rated separately (000 四（二）: 责、廉、德) -----------------------------------------------
	def test_each_aspect_gets_its_own_tally_and_outcome(self):
		from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation import cast_ballot, my_ballots
		from tests.site.factories import make_user

		c = self.c
		rules = self.rule_set_copy(ONSITE_RATING, aspects="述责\n述廉\n述德")
		voters = [make_user(f"评议员{i}", ("Evaluator",)) for i in range(2)]
		campaign = make_campaign(2026, units=[c.town_a], cadres=[c.cadre_a.name], evaluation_rule_set=rules.name)
		as_user(c.manager)
		ev = frappe.get_doc(
			{"doctype": "Sanshu Evaluation", "campaign": campaign.name, "cadre": c.cadre_a.name, "roster": [{"evaluator": v, "evaluator_group": "Discipline Committee Member"} for v in voters]}
		).insert()
		self.assertEqual(list(dict.fromkeys(r.aspect for r in ev.aspect_counts)), ["述责", "述廉", "述德"])
		as_user(voters[0])
		self.assertEqual([r.aspects for r in my_ballots() if r.name == ev.name], [["述责", "述廉", "述德"]])
		# an aspect left unrated refuses the whole vote, and nothing is counted
		with self.assertRaisesRegex(frappe.ValidationError, "述德"):
			cast_ballot(ev.name, "满意", '{"述责": "满意", "述廉": "满意"}')
		cast_ballot(ev.name, "满意", '{"述责": "满意", "述廉": "不满意", "述德": "满意"}')
		as_user(voters[1])
		cast_ballot(ev.name, "满意", {"述责": "满意", "述廉": "不满意", "述德": "基本满意"})
		# three paper ballots, counted per aspect by the office
		as_user(c.manager)
		ev = frappe.get_doc("Sanshu Evaluation", ev.name)
		ev.paper_ballots_collected = 3
		for row in ev.counts:
			row.paper_ballots = {"满意": 3}.get(row.option, 0)
		paper = {("述责", "满意"): 3, ("述廉", "满意"): 3, ("述德", "基本满意"): 2, ("述德", "不满意"): 1}
		for row in ev.aspect_counts:
			row.paper_ballots = paper.get((row.aspect, row.option), 0)
		ev.save()
		ev.aspect_counts[0].paper_ballots = 4  # 述责 满意: four of three paper ballots
		with self.assertRaisesRegex(frappe.ValidationError, "述责"):
			ev.save()
		ev = frappe.get_doc("Sanshu Evaluation", ev.name)
		self.assertEqual(ev.close_evaluation(), "满意")
		ev.reload()
		# 述责 5 of 5 满意; 述廉 2 of 5 不满意 (40%); 述德 满意 1, 基本满意 3, 不满意 1: 80% satisfied or basic
		self.assertEqual({r.aspect: (r.ballots, r.outcome) for r in ev.aspect_outcomes}, {"述责": (5, "满意"), "述廉": (5, "不满意"), "述德": (5, "基本满意")})
		self.assertEqual({(r.aspect, r.option): r.total_ballots for r in ev.aspect_counts if r.aspect == "述廉"}, {("述廉", "满意"): 3, ("述廉", "基本满意"): 0, ("述廉", "不满意"): 2})
		self.assertEqual(ev.total_ballots, 5)  # the overall tally is untouched by the aspects

	# the upgrade: old ticks become draft records ---------------------------------------------------
	def test_the_patch_turns_old_ticks_into_draft_records(self):
		from sanshu_app.patches.v0_4 import accountability_records

		c = self.c
		old_rules = self.rule_set_copy(DEMOCRATIC_ASSESSMENT, consequences=[])
		frappe.db.set_value("Sanshu Rule Threshold", old_rules.thresholds[0].name, "referral", 1)  # 移送处理, ticked the old way
		ev = self.evaluation(self.democratic, c.cadre_station.name, {"好": 5}, rule_set=old_rules.name)
		ev.close_evaluation()
		frappe.db.set_value("Sanshu Evaluation", ev.name, "accountability", 1)  # flagged before issue 19
		frappe.set_user("Administrator")
		accountability_records.execute()
		rows = frappe.get_all("Sanshu Rule Consequence", filters={"parent": old_rules.name}, fields=["trigger", "outcome", "needs_verification", "measures"])
		self.assertEqual([(r.trigger, r.outcome, r.needs_verification, r.measures) for r in rows], [("Evaluation", "移送处理", 1, "Referral")])
		drafts = self.drafts(ev.name)
		self.assertEqual([(d.status, d.cadre) for d in drafts], [("Draft", c.cadre_station.name)])
		accountability_records.execute()  # twice: nothing more
		self.assertEqual(len(self.drafts(ev.name)), 1)
		self.assertEqual(frappe.db.count("Sanshu Rule Consequence", {"parent": old_rules.name}), 1)
