"""Finding a Frappe bench and preparing a throwaway site on it for the site tier.

Standard library only: this runs under whatever Python calls pytest, which need not be the
bench's own. The site tests themselves run inside the bench's Python (tests/site).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
APP = "sanshu_app"


def bench_path() -> Path:
	return Path(os.environ.get("SANSHU_BENCH", "~/frappe-bench")).expanduser()


def bench_found(bench: Path) -> bool:
	return (bench / "apps" / "frappe").is_dir() and (bench / "env" / "bin" / "python").exists()


def db_root_password() -> str:
	return os.environ.get("SANSHU_DB_ROOT_PASSWORD", "root")


def run(cmd, cwd=None, check=True, env=None, timeout=1800):
	result = subprocess.run(cmd, cwd=cwd, env=env, text=True, capture_output=True, timeout=timeout)
	if check and result.returncode != 0:
		raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({result.returncode}):\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
	return result


class Bench:
	def __init__(self, path: Path):
		self.path = path
		self.python = path / "env" / "bin" / "python"
		self.sites = path / "sites"

	def bench(self, *args, check=True, timeout=1800):
		"""Run a bench command the way the bench CLI does: frappe's click commands in the bench's env."""
		return run([str(self.python), "-m", "frappe.utils.bench_helper", "frappe", *args], cwd=self.sites, check=check, timeout=timeout)

	def common_config(self) -> dict:
		path = self.sites / "common_site_config.json"
		return json.loads(path.read_text()) if path.exists() else {}

	# services -----------------------------------------------------------------------------------
	def ensure_services(self):
		config = self.common_config()
		self.ensure_mariadb(config.get("db_host", "127.0.0.1"), int(config.get("db_port", 3306)))
		for key, conf in (("redis_cache", "redis_cache.conf"), ("redis_queue", "redis_queue.conf")):
			url = urlparse(config.get(key, ""))
			if url.port and not _port_open(url.hostname or "127.0.0.1", url.port):
				conf_path = self.path / "config" / conf
				args = [str(conf_path)] if conf_path.exists() else ["--port", str(url.port), "--save", ""]
				run(["redis-server", *args, "--daemonize", "yes"], cwd=self.path)
				_wait_for_port(url.hostname or "127.0.0.1", url.port)

	def ensure_mariadb(self, host, port):
		if _port_open(host, port):
			return
		if shutil.which("service"):
			run(["service", "mariadb", "start"], check=False)
		if not _port_open(host, port, wait=20):
			subprocess.Popen(["mysqld_safe"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
			_wait_for_port(host, port, seconds=60)

	# the app ------------------------------------------------------------------------------------
	def link_app(self):
		"""Make the bench's sanshu_app this checkout (a symlink) and install it into the bench's env."""
		target = self.path / "apps" / APP
		if target.is_symlink() or not target.exists():
			if target.is_symlink() and target.resolve() != REPO:
				target.unlink()
			if not target.exists():
				target.symlink_to(REPO, target_is_directory=True)
		elif target.resolve() != REPO:
			raise RuntimeError(f"{target} is another copy of {APP}; remove it or point SANSHU_BENCH at another bench")
		# From the sites folder, as Frappe imports it (not from here, where the checkout shadows it).
		found = run([str(self.python), "-c", f"import {APP}, os; print(os.path.realpath({APP}.__file__))"], cwd=self.sites, check=False)
		if found.returncode != 0 or not found.stdout.strip().startswith(str(REPO)):
			run([str(self.python), "-m", "pip", "install", "-q", "-e", str(REPO)])
		if run([str(self.python), "-c", "import pytest, pypdf, openpyxl, segno, selenium"], check=False).returncode != 0:
			run([str(self.python), "-m", "pip", "install", "-q", "pytest", "pypdf", "openpyxl", "segno", "selenium"])
		# The desk loads the app's own scripts from sites/assets/sanshu_app: this checkout's public folder.
		assets = self.sites / "assets" / APP
		if (self.sites / "assets").is_dir() and (assets.is_symlink() or not assets.exists()):
			if assets.is_symlink() and assets.resolve() != (REPO / APP / "public").resolve():
				assets.unlink()
			if not assets.exists():
				assets.symlink_to(REPO / APP / "public", target_is_directory=True)
		apps_txt = self.sites / "apps.txt"
		apps = apps_txt.read_text().split() if apps_txt.exists() else ["frappe"]
		if APP not in apps:
			apps_txt.write_text("\n".join([*apps, APP]) + "\n")

	# the throwaway site -------------------------------------------------------------------------
	def new_site(self) -> str:
		self.forget_queued_jobs()
		site = f"sanshu-test-{uuid.uuid4().hex[:8]}.localhost"
		self.bench(
			"new-site", site,
			"--db-root-password", db_root_password(),
			"--admin-password", "admin",
			"--install-app", APP,
		)  # fmt: skip
		self.bench("--site", site, "set-config", "allow_tests", "true")
		# The tests create a few hundred users in minutes; Frappe refuses more than 60 an hour by default.
		self.bench("--site", site, "set-config", "throttle_user_limit", "100000", "--parse")
		# No worker runs during the tests, so their jobs wait in the queue; don't refuse new ones.
		self.bench("--site", site, "set-config", "max_queued_jobs", "100000", "--parse")
		return site

	def drop_site(self, site: str):
		self.bench("drop-site", site, "--db-root-password", db_root_password(), "--force", "--no-backup", check=False)
		shutil.rmtree(self.sites / site, ignore_errors=True)
		self.forget_queued_jobs()

	def forget_queued_jobs(self):
		"""Remove the queued background jobs of throwaway sites that no longer exist.

		No worker runs during the tests, so every job they enqueue stays in the bench's queue;
		left there, the queue grows run after run until Frappe refuses new jobs for every site."""
		script = (
			"import os, sys\n"
			"from redis import Redis\n"
			"r = Redis.from_url(sys.argv[1])\n"
			"for queue in r.scan_iter('rq:queue:*'):\n"
			"    for job in r.lrange(queue, 0, -1):\n"
			"        site = job.decode().split('||', 1)[0]\n"
			"        if site.startswith('sanshu-test-') and not os.path.isdir(site):\n"
			"            r.lrem(queue, 0, job)\n"
			"            r.delete(b'rq:job:' + job)\n"
			"for key in r.scan_iter('rq:job:sanshu-test-*'):\n"
			"    if not os.path.isdir(key.decode()[len('rq:job:'):].split('||', 1)[0]):\n"
			"        r.delete(key)\n"
		)
		url = self.common_config().get("redis_queue")
		if url:
			run([str(self.python), "-c", script, url], cwd=self.sites, check=False)

	def run_site_tests(self, site: str, extra_args=()) -> subprocess.Popen:
		env = {**os.environ, "SANSHU_SITE": site, "SANSHU_BENCH": str(self.path), "PYTHONPATH": str(REPO)}
		cmd = [str(self.python), "-m", "pytest", "-p", "tests.site.frappe_plugin", "tests/site", "sanshu_app", "-q", "-ra", *extra_args]
		return subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _port_open(host, port, wait=0) -> bool:
	deadline = time.time() + wait
	while True:
		try:
			with socket.create_connection((host, port), timeout=1):
				return True
		except OSError:
			if time.time() >= deadline:
				return False
			time.sleep(0.5)


def _wait_for_port(host, port, seconds=30):
	if not _port_open(host, port, wait=seconds):
		raise RuntimeError(f"nothing is listening on {host}:{port}")


if __name__ == "__main__":  # manual use: python tests/bench_site.py new-site | drop-site NAME
	b = Bench(bench_path())
	b.ensure_services()
	b.link_app()
	if sys.argv[1:2] == ["new-site"]:
		print(b.new_site())
	elif sys.argv[1:2] == ["drop-site"]:
		b.drop_site(sys.argv[2])
