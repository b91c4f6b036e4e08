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


# Where scripts/setup.sh records the bench it built: for the user who ran it, and machine-wide
# when root ran it (the bench then belongs to another user).
RECORDED_BENCH = (Path("~/.config/sanshu_app/bench").expanduser(), Path("/etc/sanshu_app/bench"))


def bench_path() -> Path:
	"""SANSHU_BENCH, else the bench scripts/setup.sh recorded, else ~/frappe-bench."""
	if os.environ.get("SANSHU_BENCH"):
		return Path(os.environ["SANSHU_BENCH"]).expanduser()
	for record in RECORDED_BENCH:
		try:
			recorded = Path(record.read_text().strip()).expanduser()
		except OSError:
			continue
		if recorded.is_dir():
			return recorded
	return Path("~/frappe-bench").expanduser()


def bench_found(bench: Path) -> bool:
	return (bench / "apps" / "frappe").is_dir() and (bench / "env" / "bin" / "python").exists()


def db_root_password() -> str:
	return os.environ.get("SANSHU_DB_ROOT_PASSWORD", "root")


def run(cmd, cwd=None, check=True, env=None, timeout=1800, owner=None):
	"""Run ``cmd``; as ``owner`` (the bench's user) when that is not who we are, so that nothing
	in the bench ends up belonging to another user."""
	cmd = as_owner(cmd, owner, env)
	result = subprocess.run(cmd, cwd=cwd, env=None if owner and owner.differs else env, text=True, capture_output=True, timeout=timeout)
	if check and result.returncode != 0:
		raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({result.returncode}):\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
	return result


class Owner:
	"""The bench's user, and whether commands must switch to them (we are root, they are not)."""

	def __init__(self, bench: Path):
		import pwd

		stat = bench.stat()
		self.uid = stat.st_uid
		record = pwd.getpwuid(stat.st_uid)
		self.name, self.home = record.pw_name, record.pw_dir
		self.differs = os.geteuid() != stat.st_uid
		if self.differs and os.geteuid() != 0:
			raise RuntimeError(f"{bench} belongs to {self.name}: run the site tier as {self.name} or as root")

	def can_read(self, path: Path) -> bool:
		if not self.differs:
			return True
		probe = subprocess.run(["runuser", "-u", self.name, "--", "test", "-r", str(path / "sanshu_app" / "hooks.py")], capture_output=True)
		return probe.returncode == 0


def as_owner(cmd, owner, env=None):
	if not owner or not owner.differs:
		return [str(c) for c in cmd]
	keep = {k: v for k, v in (env or os.environ).items() if k.startswith(("SANSHU_", "PYTHON", "LANG", "LC_")) or k in ("PATH", "CI", "TERM")}
	keep.update(HOME=owner.home, USER=owner.name, LOGNAME=owner.name)
	return ["runuser", "-u", owner.name, "--", "env", *(f"{k}={v}" for k, v in keep.items()), *map(str, cmd)]


class Bench:
	def __init__(self, path: Path):
		self.path = path
		self.python = path / "env" / "bin" / "python"
		self.sites = path / "sites"
		self.owner = Owner(path)
		self.checkout = REPO  # what the bench runs: this checkout, or a copy the bench's user can read

	def bench(self, *args, check=True, timeout=1800):
		"""Run a bench command the way the bench CLI does: frappe's click commands in the bench's env."""
		return run([str(self.python), "-m", "frappe.utils.bench_helper", "frappe", *args], cwd=self.sites, check=check, timeout=timeout, owner=self.owner)

	def run(self, cmd, **kwargs):
		return run(cmd, owner=self.owner, **kwargs)

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
				self.run(["redis-server", *args, "--daemonize", "yes"], cwd=self.path)
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
		"""Make the bench's sanshu_app this checkout (a symlink) and install it into the bench's env.

		When the bench's user cannot read this checkout (a clone under root's home), a copy they
		own is linked instead, made afresh for every run. Nothing is written into the checkout:
		the app joins the env through a .pth file, and its tests run without bytecode or caches."""
		self.checkout = REPO if self.owner.can_read(REPO) else self._copy_for_owner()
		target = self.path / "apps" / APP
		if target.is_symlink() or not target.exists():
			if target.is_symlink() and target.resolve() != self.checkout.resolve():
				target.unlink()
			if not target.exists():
				self.run(["ln", "-s", self.checkout, target])
		elif target.resolve() != self.checkout.resolve():
			raise RuntimeError(f"{target} is another copy of {APP}; remove it or point SANSHU_BENCH at another bench")
		# From the sites folder, as Frappe imports it (not from here, where the checkout shadows it).
		found = self.run([self.python, "-c", f"import {APP}, os; print(os.path.realpath({APP}.__file__))"], cwd=self.sites, check=False)
		if found.returncode != 0 or not found.stdout.strip().startswith(str(self.checkout.resolve()) + os.sep):
			site_packages = self.run([self.python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
			for stale in Path(site_packages).glob(f"__editable__*{APP}*"):
				self.run(["rm", "-f", stale])
			self.run(["sh", "-c", f"echo {target} > {site_packages}/{APP}.pth"])
		needed = "import pytest, pypdf, pymupdf, openpyxl, segno, selenium, chinese_calendar, requests"
		if self.run([self.python, "-c", needed], check=False).returncode != 0:
			self.run([self.python, "-m", "pip", "install", "-q", "pytest", "pypdf", "pymupdf", "openpyxl", "segno", "selenium", "chinesecalendar", "requests"])
		# The desk loads the app's own scripts from sites/assets/sanshu_app: this checkout's public folder.
		assets = self.sites / "assets" / APP
		public = self.checkout / APP / "public"
		if (self.sites / "assets").is_dir() and (assets.is_symlink() or not assets.exists()):
			if assets.is_symlink() and assets.resolve() != public.resolve():
				self.run(["rm", "-f", assets])
			if not assets.exists():
				self.run(["ln", "-s", public, assets])
		apps_txt = self.sites / "apps.txt"
		apps = apps_txt.read_text().split() if apps_txt.exists() else ["frappe"]
		if APP not in apps:
			self.run(["sh", "-c", f"printf '%s\\n' {' '.join(apps + [APP])} > {apps_txt}"])

	def _copy_for_owner(self) -> Path:
		copy = self.path / ".sanshu_app-checkout"
		shutil.rmtree(copy, ignore_errors=True)
		shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(".git", "__pycache__", ".pytest_cache", "*.egg-info", ".venv"), symlinks=True)
		subprocess.run(["chown", "-R", f"{self.owner.uid}:", str(copy)], check=True)
		return copy

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
		# drop-site keeps the site's folder under archived/sites even without a backup: run after run
		# the bench would fill with throwaway sites.
		shutil.rmtree(self.path / "archived" / "sites" / site, ignore_errors=True)
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
			self.run([self.python, "-c", script, url], cwd=self.sites, check=False)

	def run_site_tests(self, site: str, extra_args=()) -> subprocess.Popen:
		env = {**os.environ, "SANSHU_SITE": site, "SANSHU_BENCH": str(self.path), "PYTHONPATH": str(self.checkout), "PYTHONDONTWRITEBYTECODE": "1"}
		# Paths among the extra arguments choose the tests; otherwise all of them run.
		named = any((REPO / a.split("::")[0]).exists() for a in extra_args if not a.startswith("-") and "/" in a)
		cmd = [self.python, "-m", "pytest", "-p", "tests.site.frappe_plugin", "-p", "no:cacheprovider", *([] if named else ["tests/site", "sanshu_app"]), "-q", "-ra", *extra_args]
		return subprocess.Popen(as_owner(cmd, self.owner, env), cwd=self.checkout, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


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


if __name__ == "__main__":  # manual use: python tests/bench_site.py path | new-site | drop-site NAME
	if sys.argv[1:2] == ["path"]:  # where the site tier looks for the bench (scripts/test, .ci/run)
		print(bench_path())
		sys.exit(0)
	b = Bench(bench_path())
	b.ensure_services()
	b.link_app()
	if sys.argv[1:2] == ["new-site"]:
		print(b.new_site())
	elif sys.argv[1:2] == ["drop-site"]:
		b.drop_site(sys.argv[2])
