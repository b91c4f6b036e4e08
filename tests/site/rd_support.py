"""Test support for the responsibility-document tests."""

import frappe


class AllowManyTestUsers:
	"""Frappe refuses more than 60 new users an hour (``throttle_user_limit``); tests that commit
	(REST calls) keep theirs, so a long run on one site reaches the limit. Lift it for the class."""

	@classmethod
	def setUpClass(cls):
		cls._user_limit = frappe.local.conf.get("throttle_user_limit")
		frappe.local.conf.throttle_user_limit = 100000
		super().setUpClass()

	@classmethod
	def tearDownClass(cls):
		super().tearDownClass()
		if cls._user_limit is None:
			frappe.local.conf.pop("throttle_user_limit", None)
		else:
			frappe.local.conf.throttle_user_limit = cls._user_limit
