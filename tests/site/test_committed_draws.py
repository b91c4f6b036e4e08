"""Draws nobody can steer (issue 19): a draw is committed (its seed's SHA-256 shown, the pool kept)
before it is made; it cannot be redone without a reason and the first is kept; anyone re-runs it
from the record. 003 §14: reporters proposed by a share of the campaign's cadres, then approved
(审定) before the meeting takes ballots. 003 §12: who has not reported in their term, first in the
proposal, and the office warned before a term ends without a report."""

import hashlib

import frappe
from frappe.utils import add_days, getdate, nowdate

from sanshu_app.sanshu_setup import reminders
from sanshu_app.sanshu_setup.doctype.sanshu_draw.sanshu_draw import make_draw, verify_draw
from sanshu_app.supervision.doctype.supervision_inspection.supervision_inspection import draw as draw_units
from tests.site.factories import CountyTestCase, make_cadre, make_campaign, make_unit


def meeting_for(cadres, reporters=(), **values):
	campaign = make_campaign(getdate(nowdate()).year, cadres=[c.name for c in cadres], scheme="Work, Responsibility and Integrity")
	return frappe.get_doc(
		{
			"doctype": "Sanshu Meeting",
			"campaign": campaign.name,
			"meeting_kind": "Standing Committee",
			"meeting_date": values.pop("meeting_date", nowdate()),
			"reporters": [{"cadre": c.name, "report_mode": "Meeting Report"} for c in reporters],
			"groups": [{"evaluator_group": "Discipline Committee Member", "headcount": 9}],
			**values,
		}
	).insert()


class TestCommittedDraws(CountyTestCase):
	def test_a_meeting_draw_is_committed_first_kept_when_redone_and_verifies(self):
		cadres = [make_cadre(self.c.town_b, f"抽取干部{i}") for i in range(7)]
		frappe.set_user(self.c.manager)
		meeting = meeting_for(cadres)

		committed = meeting.draw_reporters()
		self.assertEqual(committed["count"], 3)  # 30% of 7 = 2.1, rounded up
		first = frappe.get_doc("Sanshu Draw", committed["draw"])
		# committed, not made: the commitment is there, the result and the seed are not
		self.assertEqual((first.docstatus, first.status, first.result, first.seed), (0, "Committed", None, None))
		self.assertEqual(first.commitment, committed["commitment"])
		self.assertEqual(sorted(r.candidate for r in first.pool), sorted(c.name for c in cadres))
		self.assertTrue(frappe.db.get_value("Sanshu Draw", first.name, "hidden_seed"))
		self.assertFalse(frappe.client.get("Sanshu Draw", first.name).get("hidden_seed"))  # nobody reads the seed before the draw
		self.assertEqual(frappe.get_doc("Sanshu Meeting", meeting.name).reporters, [])
		self.assertEqual(meeting.draw_reporters()["draw"], first.name)  # asking again shows the same commitment

		drawn = make_draw(first.name)
		first.reload()
		self.assertEqual((first.docstatus, first.status), (1, "Drawn"))
		self.assertEqual(hashlib.sha256(first.seed.encode()).hexdigest(), first.commitment)
		self.assertEqual(first.result.splitlines(), drawn)
		meeting.reload()
		self.assertEqual([r.cadre for r in meeting.reporters if r.drawn], drawn)
		self.assertEqual(meeting.sanshu_draw, first.name)
		self.assertTrue(verify_draw(first.name)["verified"])
		self.assertRaisesRegex(frappe.ValidationError, "already made|已经进行", make_draw, first.name)

		# a drawn reporter cannot be removed silently
		meeting.reporters = meeting.reporters[1:]
		self.assertRaisesRegex(frappe.ValidationError, "cannot be removed|不能删除", meeting.save)
		meeting.reload()

		# a second draw needs a reason, and keeps the first
		self.assertRaisesRegex(frappe.ValidationError, "needs a reason|须说明理由", meeting.draw_reporters)
		again = meeting.draw_reporters(reason="一名抽中干部已调离")
		second = frappe.get_doc("Sanshu Draw", again["draw"])
		self.assertEqual((second.previous_draw, second.redraw_reason), (first.name, "一名抽中干部已调离"))
		redrawn = make_draw(second.name)
		first.reload()
		self.assertEqual((first.docstatus, first.status, first.superseded_by, first.result.splitlines()), (1, "Superseded", second.name, drawn))
		meeting.reload()
		self.assertEqual([r.cadre for r in meeting.reporters if r.drawn], redrawn)
		self.assertTrue(verify_draw(first.name)["verified"])  # the first is still there to check

		# a record altered afterwards no longer verifies
		frappe.db.set_value("Sanshu Draw", second.name, "result", "\n".join(reversed(redrawn)))
		check = verify_draw(second.name)
		self.assertFalse(check["verified"])
		self.assertTrue(check["problems"])

	def test_the_reporters_are_approved_before_the_meeting_takes_ballots(self):
		cadres = [make_cadre(self.c.town_b, f"审定干部{i}") for i in range(3)]
		frappe.set_user(self.c.manager)
		meeting = meeting_for(cadres, reporters=cadres[:2])
		self.assertRaisesRegex(frappe.ValidationError, "not been approved|尚未审定", meeting.generate_codes, "Discipline Committee Member", 2)
		self.assertRaisesRegex(frappe.ValidationError, "not been approved|尚未审定", meeting.close_meeting)
		meeting.approve_reporters()
		meeting.reload()
		self.assertEqual(meeting.reporters_approved_by, self.c.manager)
		self.assertTrue(meeting.reporters_approved_on)
		self.assertEqual(meeting.generate_codes("Discipline Committee Member", 2)["count"], 2)
		# changing the reporters withdraws the approval
		meeting.append("reporters", {"cadre": cadres[2].name, "report_mode": "Meeting Report"})
		meeting.save()
		self.assertFalse(meeting.reporters_approved_by)
		self.assertRaisesRegex(frappe.ValidationError, "not been approved|尚未审定", meeting.generate_codes, "Discipline Committee Member", 1)

	def test_cadres_not_reported_in_their_term_are_shown_and_proposed_first(self):
		today = getdate(nowdate())
		term = {"term_start": add_days(today, -700), "term_end": add_days(today, 400)}
		reported, late = make_cadre(self.c.town_b, "已报告干部", **term), make_cadre(self.c.town_b, "未报告干部", **term)
		before_term = make_cadre(self.c.town_b, "上任期报告干部", term_start=add_days(today, -10), term_end=add_days(today, 1000))
		others = [make_cadre(self.c.town_b, f"其他干部{i}", **term) for i in range(6)]
		frappe.set_user(self.c.manager)
		# a closed meeting inside the terms where two reported, and an open one where the third did
		past = meeting_for([reported, before_term], reporters=[reported, before_term], meeting_date=add_days(today, -30))
		frappe.db.set_value("Sanshu Meeting", past.name, "status", "Closed")  # held and closed (its ballots are another test's)
		meeting_for([late], reporters=[late]).approve_reporters()  # open: does not count
		everyone = [reported, late, before_term, *others]
		meeting = meeting_for(everyone)
		shown = frappe.get_doc("Sanshu Meeting", meeting.name)
		shown.run_method("onload")
		listed = shown.not_reported_in_term.split("、")
		self.assertIn("未报告干部", listed)
		self.assertIn("上任期报告干部", listed)  # reported before this term began
		self.assertNotIn("已报告干部", listed)
		committed = meeting.draw_reporters()  # 30% of 9: 3, all of them not yet reported in their term
		self.assertEqual(committed["count"], 3)
		pool = {r.candidate: r.priority for r in frappe.get_doc("Sanshu Draw", committed["draw"]).pool}
		self.assertEqual((pool[late.name], pool[reported.name]), (1, 0))
		drawn = make_draw(committed["draw"])
		priority = {c for c, first in pool.items() if first}
		self.assertTrue(set(drawn) <= priority)
		self.assertNotIn(reported.name, drawn)

	def test_the_office_is_warned_before_a_term_ends_without_a_meeting_report(self):
		today = getdate(nowdate())
		ending = make_cadre(self.c.town_b, "任期将满干部", term_start=add_days(today, -1000), term_end=add_days(today, 100))
		far = make_cadre(self.c.town_b, "任期尚远干部", term_start=add_days(today, -10), term_end=add_days(today, 1000))
		done = make_cadre(self.c.town_b, "已报告任满干部", term_start=add_days(today, -1000), term_end=add_days(today, 100))
		frappe.set_user(self.c.manager)
		past = meeting_for([done], reporters=[done], meeting_date=add_days(today, -40))
		frappe.db.set_value("Sanshu Meeting", past.name, "status", "Closed")  # held and closed (its ballots are another test's)
		frappe.set_user("Administrator")
		campaign = make_campaign(today.year, cadres=[ending.name, far.name, done.name], scheme="Work, Responsibility and Integrity", status="Active")
		reminders.run_daily(today)
		subjects = frappe.get_all("Notification Log", filters={"for_user": self.c.manager, "document_name": campaign.name}, pluck="subject")
		self.assertTrue(any("任期将满干部" in s for s in subjects), subjects)
		self.assertFalse(any("任期尚远干部" in s or "已报告任满干部" in s for s in subjects), subjects)
		reminders.run_daily(today)  # once only
		self.assertEqual(len(frappe.get_all("Notification Log", filters={"for_user": self.c.manager, "document_name": campaign.name})), len(subjects))

	def test_an_inspection_draw_takes_no_typed_seed_and_verifies(self):
		pool = [make_unit(f"抽查{i}", unit_type="Township") for i in range(5)]
		frappe.set_user(self.c.manager)
		inspection = frappe.get_doc(
			{
				"doctype": "Supervision Inspection",
				"inspection_title": "随机抽查（承诺抽取）",
				"inspection_kind": "Random Check",
				"inspection_date": nowdate(),
				"team": [{"member_name": "张组长", "team_role": "Team Leader"}],
				"draw_pool": [{"unit": u} for u in pool],
			}
		).insert()
		self.assertNotIn("draw_seed", [f.fieldname for f in inspection.meta.fields])
		committed = draw_units(inspection.name, 2)
		drawn = make_draw(committed["draw"])
		inspection.reload()
		self.assertEqual(sorted(r.unit for r in inspection.units if r.drawn), sorted(drawn))
		self.assertEqual(inspection.sanshu_draw, committed["draw"])
		self.assertTrue(verify_draw(committed["draw"])["verified"])
		self.assertRaisesRegex(frappe.ValidationError, "needs a reason|须说明理由", draw_units, inspection.name, 2)

	def test_the_routine_check_draws_per_unit_type_and_gives_the_routine_score(self):
		year = getdate(nowdate()).year
		county = [make_unit(f"县直{i}", unit_type="County Department") for i in range(3)]
		towns = [make_unit(f"乡镇{i}", unit_type="Township") for i in range(3)]
		park = make_unit("园区", unit_type="Industrial Park")
		campaign = make_campaign(year, units=[*county, *towns, park], scheme="Work, Responsibility and Integrity")
		frappe.set_user(self.c.manager)
		check = frappe.get_doc(
			{
				"doctype": "Supervision Inspection",
				"inspection_title": "常规检查",
				"inspection_kind": "Random Check",
				"inspection_date": nowdate(),
				"team": [{"member_name": "王组长", "team_role": "Team Leader"}],
				"routine_check_campaign": campaign.name,
			}
		).insert()
		committed = draw_units(check.name)
		self.assertEqual(committed["count"], 4)  # 2 县直 + 2 乡镇, from the assessment rule set
		drawn = make_draw(committed["draw"])
		self.assertEqual((len(set(drawn) & set(county)), len(set(drawn) & set(towns)), park in drawn), (2, 2, False))
		self.assertTrue(verify_draw(committed["draw"])["verified"])
		check.reload()
		for row in check.units:
			row.routine_score = 88
		check.status = "Completed"
		check.save()
		frappe.set_user("Administrator")
		scored = next(u for u in county if u in drawn)
		undrawn = next(u for u in county if u not in drawn)
		assessment = frappe.get_doc({"doctype": "Responsibility Assessment", "unit": scored, "campaign": campaign.name, "routine_score": 10}).insert()
		self.assertEqual(assessment.routine_score, 88)  # the check's score, not the one typed
		other = frappe.get_doc({"doctype": "Responsibility Assessment", "unit": undrawn, "campaign": campaign.name, "routine_score": 55}).insert()
		self.assertEqual(other.routine_score, 55)  # shipped default: the office enters it
