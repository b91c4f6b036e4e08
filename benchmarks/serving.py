"""A real gunicorn for the benchmarks that measure requests (phones, the public, a worker's memory),
and a client that times each call the way a phone or browser sees it."""

import concurrent.futures
import os
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import frappe


def free_port():
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


class Server:
	def __init__(self, site, base, process):
		self.site, self.base, self.process = site, base, process
		self.refusals = []

	def call(self, path, data=None, headers=None, cookies=None):
		"""(seconds, status, body) of one request as Guest (or with ``cookies``)."""
		sent = {"Host": self.site, "X-Frappe-Site-Name": self.site, "Accept": "application/json", **(headers or {})}
		if cookies:
			sent["Cookie"] = cookies
		body = urllib.parse.urlencode(data).encode() if data is not None else None
		started = time.perf_counter()
		try:
			with urllib.request.urlopen(urllib.request.Request(self.base + path, data=body, headers=sent), timeout=60) as response:
				content = response.read()
				status = response.status
		except urllib.error.HTTPError as error:
			content = error.read()
			self.refusals.append(content[:300])
			status = error.code
		return time.perf_counter() - started, status, content

	def login(self, user, password):
		"""The session cookie of ``user`` (the platform's own login)."""
		request = urllib.request.Request(
			self.base + "/api/method/login",
			data=urllib.parse.urlencode({"usr": user, "pwd": password}).encode(),
			headers={"Host": self.site, "X-Frappe-Site-Name": self.site, "Accept": "application/json"},
		)
		with urllib.request.urlopen(request, timeout=60) as response:
			return "; ".join(c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or [])

	def pids(self):
		"""The gunicorn workers' process ids."""
		out = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True).stdout
		return [int(p) for p in out.split()]


@contextmanager
def gunicorn(workers=3, extra_env=None):
	"""The site served by gunicorn with ``workers`` workers, as production serves it (behind nginx)."""
	site = frappe.local.site
	sites = Path(frappe.local.sites_path).resolve()
	bench = sites.parent
	port = free_port()
	log = open(sites / site / "bench-gunicorn.log", "w")
	process = subprocess.Popen(
		[str(bench / "env" / "bin" / "gunicorn"), "-b", f"127.0.0.1:{port}", "-w", str(workers), "-t", "120", "--preload", "frappe.app:application"],
		cwd=sites, stdout=log, stderr=subprocess.STDOUT,
		# this checkout first: the bench's Python may also see another copy of the app
		env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), **(extra_env or {})},
	)  # fmt: skip
	server = Server(site, f"http://127.0.0.1:{port}", process)
	try:
		for _ in range(240):
			try:
				urllib.request.urlopen(urllib.request.Request(server.base + "/api/method/ping", headers={"Host": site}), timeout=2)
				break
			except (urllib.error.URLError, ConnectionError, OSError):
				time.sleep(0.5)
		yield server
	finally:
		process.terminate()
		try:
			process.wait(timeout=30)
		except subprocess.TimeoutExpired:
			process.kill()
		log.close()


def at_moments(events, clients):
	"""Run each ``(moment, fn, arg)`` at its moment (seconds from now) from a pool of ``clients``
	connections: the senders are other devices, so the measuring process does not juggle a thread
	per sender. Returns the seconds the whole window took."""
	zero = time.perf_counter() + 0.5
	with concurrent.futures.ThreadPoolExecutor(max_workers=clients) as pool:
		for moment, send, arg in sorted(events, key=lambda e: e[0]):
			delay = zero + moment - time.perf_counter()
			if delay > 0:
				time.sleep(delay)
			pool.submit(send, arg)
	return time.perf_counter() - zero


def percentile(sorted_values, fraction):
	return sorted_values[max(int(len(sorted_values) * fraction) - 1, 0)]
