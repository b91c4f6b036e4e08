"""pytest plugin for the site tier: connects this process to the throwaway site before any
test module is imported, the way `bench run-tests` does, and closes it at the end."""

import functools
import http.server
import os
import threading
from pathlib import Path

_asset_server = None


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
	# The tests create a few hundred users in minutes; Frappe refuses more than 60 an hour.
	frappe.local.conf.throttle_user_limit = 100000
	serve_assets_for_pdfs(frappe, sites)


def serve_assets_for_pdfs(frappe, sites: Path):
	"""wkhtmltopdf fetches the print stylesheet from the site's host_name; a throwaway
	``*.localhost`` site has no web server, so serve the bench's assets on a local port."""
	global _asset_server
	handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(sites))
	handler.log_message = lambda *args: None
	_asset_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
	threading.Thread(target=_asset_server.serve_forever, daemon=True).start()
	frappe.local.conf.host_name = asset_url()


def asset_url() -> str:
	return f"http://127.0.0.1:{_asset_server.server_address[1]}"


def pytest_unconfigure(config):
	import frappe

	if _asset_server:
		_asset_server.shutdown()
	if getattr(frappe.local, "db", None):
		frappe.db.rollback()
	frappe.destroy()
