"""pytest plugin for the site tier: connects this process to the throwaway site before any
test module is imported, the way `bench run-tests` does, and closes it at the end."""

import os
from pathlib import Path


def pytest_configure(config):
	import frappe

	site = os.environ["SANSHU_SITE"]
	sites = Path(os.environ["SANSHU_BENCH"]).expanduser() / "sites"
	os.chdir(sites)
	frappe.init(site=site, sites_path=str(sites))
	frappe.connect()
	frappe.flags.in_test = True
	frappe.clear_cache()
	frappe.set_user("Administrator")


def pytest_unconfigure(config):
	import frappe

	if getattr(frappe.local, "db", None):
		frappe.db.rollback()
	frappe.destroy()
