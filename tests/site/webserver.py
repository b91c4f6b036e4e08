"""A real HTTP server for the throwaway site, so that Guest pages and the REST API are tried with
a plain HTTP client and a real browser. Frappe's WSGI app runs in the server's threads (each
request with its own connection, as in production); data the server should see must be committed."""

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import frappe
from werkzeug.middleware.shared_data import SharedDataMiddleware
from werkzeug.serving import make_server


class SiteServer:
	def __init__(self):
		from frappe.app import application

		site = frappe.local.site
		sites = Path(frappe.local.sites_path).resolve()

		def for_site(environ, start_response):
			environ["HTTP_X_FRAPPE_SITE_NAME"] = site  # a *.localhost site has no name in DNS
			return application(environ, start_response)

		app = SharedDataMiddleware(for_site, {"/assets": str(sites / "assets"), "/files": str(sites / site / "public" / "files")})
		self.server = make_server("127.0.0.1", 0, app, threaded=True)
		self.url = f"http://127.0.0.1:{self.server.server_port}"
		self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
		self.thread.start()

	def stop(self):
		self.server.shutdown()

	def request(self, path, data=None, headers=None):
		"""(status, body text) of a GET, or of a form POST when ``data`` is given; no cookies, no login."""
		body = urllib.parse.urlencode(data).encode() if data is not None else None
		req = urllib.request.Request(self.url + path, data=body, headers={"Accept": "application/json", **(headers or {})})
		try:
			with urllib.request.urlopen(req, timeout=120) as response:
				return response.status, response.read().decode()
		except urllib.error.HTTPError as error:
			return error.code, error.read().decode()

	def json(self, path, data=None):
		status, text = self.request(path, data)
		try:
			return status, json.loads(text)
		except ValueError:
			return status, {"raw": text}


def server_message(body: dict) -> str:
	"""The message Frappe shows the user for a refused request."""
	try:
		return json.loads(json.loads(body["_server_messages"])[0])["message"]
	except (KeyError, ValueError, IndexError):
		return body.get("exception") or ""
