"""The throwaway site behind a real HTTP server, and logged-in browser-like sessions against it.

One gunicorn (two workers, loopback only) per test run, started on first use and stopped at the
end. Every request carries ``X-Frappe-Site-Name``, so the server needs no DNS for the site. Data a
request should see must be committed first: the server runs in other processes.
"""

import atexit
import os
import socket
import subprocess
import time
from pathlib import Path

import frappe
import requests

_server = None


def _free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


class SiteServer:
	def __init__(self):
		bench = Path(os.environ["SANSHU_BENCH"]).expanduser()
		self.site = frappe.local.site
		self.port = _free_port()
		self.url = f"http://127.0.0.1:{self.port}"
		self.log = open(bench / "logs" / f"sanshu-test-http-{self.port}.log", "w")
		self.process = subprocess.Popen(
			[
				str(bench / "env" / "bin" / "gunicorn"),
				"--bind", f"127.0.0.1:{self.port}",
				"--workers", "2",
				"--timeout", "120",
				"--chdir", str(bench / "sites"),
				"frappe.app:application",
			],  # fmt: skip
			cwd=bench / "sites",
			stdout=self.log,
			stderr=subprocess.STDOUT,
			env={**os.environ, "NO_STATICS": "1"},
		)
		deadline = time.time() + 60
		while time.time() < deadline:
			try:
				if requests.get(f"{self.url}/api/method/ping", headers=self.headers(), timeout=30).ok:
					return
			except requests.RequestException:
				pass
			if self.process.poll() is not None:
				break
			time.sleep(0.3)
		self.stop()  # a server that never answered is not left running after the tests
		raise RuntimeError(f"the test web server did not start; see {self.log.name}")

	def headers(self) -> dict:
		return {"X-Frappe-Site-Name": self.site, "Accept": "application/json"}

	def stop(self):
		if self.process.poll() is None:
			self.process.terminate()
			try:
				self.process.wait(timeout=10)
			except subprocess.TimeoutExpired:
				self.process.kill()
		self.log.close()


def site_server() -> SiteServer:
	global _server
	if _server is None:
		_server = SiteServer()
		atexit.register(_server.stop)
	return _server


class Client:
	"""A browser-like session on the site: ``Client(None)`` is a Guest; otherwise it logs in."""

	def __init__(self, user: str | None, password: str | None = None):
		self.server = site_server()
		self.user = user or "Guest"
		self.http = requests.Session()
		self.http.headers.update(self.server.headers())
		if user:
			response = self.http.post(f"{self.server.url}/api/method/login", data={"usr": user, "pwd": password}, timeout=60)
			if not response.ok:
				raise RuntimeError(f"{user} could not log in: {response.status_code} {response.text[:300]}")
			csrf = self._csrf_token()
			if csrf:
				self.http.headers["X-Frappe-CSRF-Token"] = csrf

	def _csrf_token(self) -> str | None:
		# Desk pages carry the session's CSRF token; API calls with a session cookie need it for writes.
		page = self.http.get(f"{self.server.url}/app", timeout=60).text
		marker = 'csrf_token = "'
		if marker in page:
			return page.split(marker, 1)[1].split('"', 1)[0]
		return None

	def request(self, method: str, path: str, **kwargs) -> requests.Response:
		return self.http.request(method, f"{self.server.url}{path}", timeout=120, **kwargs)

	def get(self, path: str, **params) -> requests.Response:
		return self.request("GET", path, params=params)

	def post(self, path: str, **data) -> requests.Response:
		return self.request("POST", path, data=data)

	def call(self, method: str, http_method: str = "POST", /, **args) -> requests.Response:
		"""A whitelisted method, arguments sent as form fields (dicts and lists as JSON)."""
		data = {k: frappe.as_json(v) if isinstance(v, dict | list) else v for k, v in args.items() if v is not None}
		if http_method == "GET":
			return self.request("GET", f"/api/method/{method}", params=data)
		return self.request(http_method, f"/api/method/{method}", data=data)


def set_password(user: str, password: str):
	from frappe.utils.password import update_password

	update_password(user, password)
