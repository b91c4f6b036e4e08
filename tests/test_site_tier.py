"""The site tier: one throwaway site on a real bench, this checkout installed on it.

- the site tests (tests/site and the doctype tests) run inside the bench's Python;
- `bench migrate` twice changes nothing the app installed;
- uninstall-app then install-app works;
- every file in the bench still belongs to the bench's owner.
"""

import json
import os
import re
import shlex
import subprocess

import pytest

from tests.bench_site import Bench, bench_found, bench_path

SUMMARY = re.compile(r"^=*\s*\d+ (passed|failed|error)")


@pytest.fixture(scope="module")
def site():
	path = bench_path()
	if not bench_found(path):
		pytest.skip(f"site tests skipped: no Frappe bench at {path}")
	bench = Bench(path)
	bench.ensure_services()
	bench.link_app()
	name = os.environ.get("SANSHU_REUSE_SITE") or bench.new_site()
	yield bench, name
	if not os.environ.get("SANSHU_KEEP_SITE") and not os.environ.get("SANSHU_REUSE_SITE"):
		bench.drop_site(name)


def test_site_tests_pass_on_a_real_site(site, capsys):
	bench, name = site
	extra = shlex.split(os.environ.get("SANSHU_SITE_ARGS", ""))
	summary = ""
	with capsys.disabled():
		print(f"\n--- site tier on {name} ---", flush=True)
		process = bench.run_site_tests(name, extra)
		for line in process.stdout:
			print(line, end="", flush=True)
			if SUMMARY.match(line.strip()):
				summary = line.strip().strip("= ")
		process.wait()
		print(f"--- site tier summary: {summary or 'none'} ---", flush=True)
	assert process.returncode == 0, f"site tests failed: {summary}"


def test_demo_county_is_made_once(site):
	"""The README's demo: a county with users who can log in, and a campaign with its first documents."""
	bench, name = site
	for _ in range(2):  # a second run changes nothing
		out = bench.bench("--site", name, "execute", "sanshu_app.demo.make_demo").stdout
	assert "Demo county ready" in out
	counts = {
		doctype: int(bench.bench("--site", name, "execute", "frappe.db.count", "--args", json.dumps([doctype])).stdout.strip().splitlines()[-1])
		for doctype in ("Sanshu Unit", "Sanshu Cadre", "Integrity Commitment", "Responsibility Letter", "Sanshu Evaluation", "Responsibility Assessment")
	}
	assert counts["Sanshu Unit"] >= 7 and counts["Sanshu Cadre"] >= 30
	assert all(counts[d] >= 6 for d in ("Integrity Commitment", "Responsibility Letter", "Sanshu Evaluation", "Responsibility Assessment")), counts
	login = bench.bench("--site", name, "execute", "frappe.utils.password.check_password", "--args", json.dumps(["cadre01@demo.sanshu.local", "Sanshu@2026"]))
	assert "cadre01@demo.sanshu.local" in login.stdout


def _installed_state(bench, name):
	out = bench.bench("--site", name, "execute", "sanshu_app.setup.install.installed_state").stdout
	return json.loads(out.strip().splitlines()[-1])


def test_migrate_twice_changes_nothing(site):
	bench, name = site
	bench.bench("--site", name, "migrate")
	before = _installed_state(bench, name)
	bench.bench("--site", name, "migrate")
	after = _installed_state(bench, name)
	assert after == before
	assert set(before["roles"]) >= {"Sanshu Manager", "Party Secretary", "Responsible Cadre", "Evaluator"}
	assert len(before["rule_sets"]) >= 3
	assert before["ballot_box"] == ["name", "box", "subject", "choice", "voter_group"]


def test_uninstall_then_install(site):
	bench, name = site
	bench.bench("--site", name, "uninstall-app", "sanshu_app", "--yes", "--no-backup", "--force")
	apps = bench.bench("--site", name, "list-apps").stdout
	assert "sanshu_app" not in apps
	tables = bench.bench("--site", name, "mariadb", "-e", "show tables").stdout
	assert "sanshu_ballot_box" not in tables and "sanshu_ballot_code" not in tables
	bench.bench("--site", name, "install-app", "sanshu_app")
	state = _installed_state(bench, name)
	assert len(state["rule_sets"]) >= 3 and "Sanshu" in state["workspaces"]


def test_the_bench_still_belongs_to_its_owner(site):
	"""Last: nothing the tier ran (as root, say) left a file in the bench owned by another user than
	the bench's. One would make the served demo answer 500 to every request once its web server,
	running as the owner, could not write it (a log file, say). This checkout is linked, not inside."""
	bench, _ = site
	found = subprocess.run(["find", str(bench.path), "-not", "-user", bench.owner.name, "-print"], capture_output=True, text=True).stdout.splitlines()
	assert not found, f"{len(found)} files in {bench.path} do not belong to {bench.owner.name}:\n" + "\n".join(found[:20]) + f"\n(give them back: chown -R {bench.owner.name}: {bench.path})"
