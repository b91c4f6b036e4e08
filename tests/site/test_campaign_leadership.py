"""The office adds the units' leadership to a campaign in one action (issue 20): principals,
deputies and the other 班子成员, chosen by post or rank; a cadre already taking part is not added
twice, a cadre who left is not added, and someone outside the office cannot do it."""

import frappe

from tests.site.factories import CountyTestCase, make_cadre, make_campaign

KINDS = ["Principal", "Deputy", "Leadership Member"]


class TestUnitLeadership(CountyTestCase):
	def test_principals_deputies_and_members_by_post_or_rank(self):
		c = self.c
		deputy = make_cadre(c.town_a, "甲副镇长", post="副镇长", rank="Deputy Section Level")
		member = make_cadre(c.town_a, "甲纪委书记", post="镇纪委书记", rank="Deputy Section Level")
		ranked = make_cadre(c.town_b, "乙主任", post="党政办主任", rank="Section Level")
		left = make_cadre(c.town_b, "乙副镇长", post="副镇长", status="Left")
		campaign = make_campaign(units=[c.town_a, c.town_b], cadres=[c.secretary_a.name])

		frappe.set_user(c.cadre_a.user)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Sanshu Campaign", campaign.name).add_unit_leadership(KINDS)

		frappe.set_user(c.manager)
		doc = frappe.get_doc("Sanshu Campaign", campaign.name)
		result = doc.add_unit_leadership(["Deputy"], ranks=["Deputy Section Level"])
		self.assertEqual(result, {"added": 1, "already": 0, "total": 2})
		result = frappe.get_doc("Sanshu Campaign", campaign.name).add_unit_leadership(KINDS)
		self.assertEqual((result["added"], result["already"]), (2, 2))
		saved = [r.cadre for r in frappe.get_doc("Sanshu Campaign", campaign.name).cadres]
		self.assertEqual(sorted(saved), sorted([c.secretary_a.name, deputy.name, member.name, ranked.name]))
		self.assertNotIn(left.name, saved)
		self.assertNotIn(c.cadre_a.name, saved)  # a cadre with no leading post or rank

		with self.assertRaisesRegex(frappe.ValidationError, "Choose principals, deputies or other leadership members."):
			frappe.get_doc("Sanshu Campaign", campaign.name).add_unit_leadership([])
