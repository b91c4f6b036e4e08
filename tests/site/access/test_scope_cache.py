"""The permission layer keeps scopes and row-opened records between requests (issue 14), and what it
keeps is never stale: a change to a unit's leadership, a cadre or a letter's signers is seen by
the very next request, in this process and in the web server's; a request cannot keep what an
older transaction saw. With a warm cache a Party Secretary's list is one query and opening a
record checks it without reading it again (counts, not timings)."""

import frappe

from sanshu_app.permissions import rule as permissions, scope_cache
from tests.site.factories import CountyTestCase, make_cadre, make_unit
from tests.site.http_site import Client, set_password

LETTER = "Responsibility Letter"
PASSWORD = "Scope-Cache-2026"
LOADING_A_LETTER = 3  # the letter, its tasks and its signatures


class Request:
	"""Code run as one HTTP request would run it (the per-request cache starts empty)."""

	def __enter__(self):
		frappe.local.request = self
		frappe.local.sanshu_permission_cache = {}
		return self

	def __exit__(self, *exc):
		del frappe.local.request
		del frappe.local.sanshu_permission_cache


def letter(cadre, unit, signers=()):
	return frappe.get_doc(
		{
			"doctype": LETTER,
			"letter_type": "Party Conduct Responsibility Letter",
			"year": 2026,
			"cadre": cadre,
			"unit": unit,
			"signatures": [{"signer": s, "capacity": "Supervisory Responsible"} for s in signers],
		}
	).insert(ignore_permissions=True)


def listed(user) -> set[str]:
	frappe.set_user(user)
	with Request():
		names = set(frappe.get_list(LETTER, pluck="name", limit_page_length=0))
	frappe.set_user("Administrator")
	return names


def listed_over_http(user) -> set[str]:
	response = Client(user, PASSWORD).get(f"/api/resource/{LETTER}", limit_page_length=0)
	assert response.ok, response.text[:300]
	return {row["name"] for row in response.json()["data"]}


class TestScopeCache(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.town = make_unit("缓存镇")
		# Both secretaries belong to other units, so only the principal's seat opens the town.
		cls.first = make_cadre(make_unit("缓存旧书记单位"), "缓存旧书记", roles=("Party Secretary", "Responsible Cadre"))
		cls.second = make_cadre(make_unit("缓存邻镇"), "缓存新书记", roles=("Party Secretary", "Responsible Cadre"))
		cls.outsider = make_cadre(make_unit("缓存外镇"), "缓存签字人")
		cls.member = make_cadre(cls.town, "缓存干部")
		cls.set_principal(cls.first.name)
		cls.letters = {letter(cls.member.name, cls.town).name for _ in range(3)}
		cls.signed = letter(cls.member.name, cls.town, signers=[cls.outsider.name])
		for cadre in (cls.first, cls.second, cls.outsider):
			set_password(cadre.user, PASSWORD)
		frappe.db.commit()  # the web server and the committed-stamp rule see only committed data

	@staticmethod
	def set_principal(cadre):
		unit = frappe.get_doc("Sanshu Unit", TestScopeCache.town)
		unit.principal = cadre
		unit.save(ignore_permissions=True)

	def test_a_warm_secretary_list_is_one_query_and_a_just_opened_letter_needs_none(self):
		listed(self.first.user)  # computes and keeps the scope and the row-opened letters
		frappe.set_user(self.first.user)
		with Request(), self.assertQueryCount(1):
			names = frappe.get_list(LETTER, pluck="name", limit_page_length=0)
		self.assertEqual(set(names), self.letters | {self.signed.name})
		frappe.set_user("Administrator")
		with Request():
			with self.assertQueryCount(LOADING_A_LETTER):
				frappe.get_doc(LETTER, self.signed.name)
		frappe.set_user(self.first.user)
		with Request():
			with self.assertQueryCount(LOADING_A_LETTER):
				doc = frappe.get_doc(LETTER, self.signed.name)
				self.assertTrue(doc.has_permission("read"))

	def test_a_new_principal_is_seen_at_once_here_and_by_the_web_server(self):
		mine = self.letters | {self.signed.name}
		self.assertTrue(mine <= listed(self.first.user))
		self.assertTrue(mine <= listed_over_http(self.first.user))
		self.assertFalse(mine & listed_over_http(self.second.user))
		try:
			self.set_principal(self.second.name)
			frappe.db.commit()
			self.assertFalse(mine & listed(self.first.user))
			self.assertFalse(mine & listed_over_http(self.first.user))
			self.assertTrue(mine <= listed_over_http(self.second.user))
			self.assertTrue(mine <= listed(self.second.user))
		finally:
			self.set_principal(self.first.name)
			frappe.db.commit()
		self.assertTrue(mine <= listed_over_http(self.first.user))

	def test_set_value_with_forget_scopes_is_seen_by_the_next_request(self):
		self.assertIn(self.signed.name, listed_over_http(self.first.user))
		try:
			frappe.db.set_value("Sanshu Unit", self.town, "principal", None)
			permissions.forget_scopes()
			frappe.db.commit()
			self.assertNotIn(self.signed.name, listed_over_http(self.first.user))
			self.assertNotIn(self.signed.name, listed(self.first.user))
		finally:
			self.set_principal(self.first.name)
			frappe.db.commit()

	def test_a_signer_taken_off_a_letter_no_longer_lists_it(self):
		self.assertIn(self.signed.name, listed(self.outsider.user))
		self.assertIn(self.signed.name, listed_over_http(self.outsider.user))
		doc = frappe.get_doc(LETTER, self.signed.name)
		doc.set("signatures", [])
		doc.save(ignore_permissions=True)
		frappe.db.commit()
		try:
			self.assertNotIn(self.signed.name, listed(self.outsider.user))
			self.assertNotIn(self.signed.name, listed_over_http(self.outsider.user))
		finally:
			doc.append("signatures", {"signer": self.outsider.name, "capacity": "Supervisory Responsible"})
			doc.save(ignore_permissions=True)
			frappe.db.commit()
		self.assertIn(self.signed.name, listed_over_http(self.outsider.user))

	def test_nothing_is_kept_while_a_change_is_pending_or_from_an_older_transaction(self):
		computed = []

		def compute():
			computed.append(1)
			return len(computed)

		key = ("test", frappe.generate_hash())
		make_unit("未提交镇")  # an uncommitted change: the token is pending
		self.assertEqual([scope_cache.cached(key, (scope_cache.SCOPE,), compute) for _ in range(2)], [1, 2])
		frappe.db.rollback()
		self.assertEqual([scope_cache.cached(key, (scope_cache.SCOPE,), compute) for _ in range(2)], [3, 3])
		# A transaction that sees other units than the committed stamp says (it began before a
		# change committed elsewhere) computes, but keeps nothing.
		key = ("test", frappe.generate_hash())
		older = scope_cache._data_stamps
		scope_cache._data_stamps = lambda kinds: tuple(("older",) for _ in kinds)
		try:
			self.assertEqual([scope_cache.cached(key, (scope_cache.SCOPE,), compute) for _ in range(2)], [4, 5])
		finally:
			scope_cache._data_stamps = older

	def test_a_leader_sees_their_own_letter_filed_under_another_unit_until_it_is_someone_elses(self):
		elsewhere = make_unit("缓存别处")
		own = letter(self.first.name, elsewhere)
		frappe.db.commit()
		try:
			self.assertIn(own.name, listed(self.first.user))
			self.assertIn(own.name, listed_over_http(self.first.user))
			own.cadre = self.outsider.name
			own.save(ignore_permissions=True)
			frappe.db.commit()
			self.assertNotIn(own.name, listed(self.first.user))
			self.assertNotIn(own.name, listed_over_http(self.first.user))
		finally:
			frappe.delete_doc(LETTER, own.name, ignore_permissions=True, force=True)
			frappe.db.commit()
