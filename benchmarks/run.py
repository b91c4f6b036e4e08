"""County scale, measured (issue 14): one command for every benchmark.

    cd /path/to/sanshu_app && python3 benchmarks/run.py [NAMES...]   (the bench setup.sh recorded, or SANSHU_BENCH)

Creates (or reuses) the throwaway site ``sanshu-bench.localhost`` on the bench, with this checkout
installed, builds its county once (300 units, 3,000 cadres, one campaign) and runs the benchmarks
of ``benchmarks/county_bench.py`` inside the bench's Python: for each, a human line and
``RESULT <name> ratio=<x> goal=<y> pass|miss``, the baseline measured in the same run.
NAMES picks some (bulk_commitments bulk_letters overview archive scope pdf_batch meeting_votes
import_cadres; city_growth of ``benchmarks/city_bench.py``; survey_public public_pages worker_memory
of ``benchmarks/public_bench.py``). The city benchmarks use a second site,
``sanshu-city.localhost`` (3,000 units, 30,000 cadres, three years; built once). Drop the sites
with ``python3 tests/bench_site.py drop-site SITE``.
"""

import hashlib
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.bench_site import REPO, Bench, as_owner, bench_found, bench_path, db_root_password  # noqa: E402

SITE = "sanshu-bench.localhost"
CITY_SITE = "sanshu-city.localhost"
COUNTY_NAMES = ("bulk_commitments", "bulk_letters", "overview", "archive", "scope", "pdf_batch", "meeting_votes", "import_cadres")
CITY_NAMES = ("city_growth",)
PUBLIC_NAMES = ("survey_public", "public_pages", "worker_memory")


def schema_stamp() -> str:
	"""Changes whenever the app's doctypes, patches or hooks change: then the site is migrated."""
	digest = hashlib.sha256()
	for path in sorted((REPO / "sanshu_app").rglob("*")):
		if path.suffix in (".json", ".txt") or path.name == "hooks.py":
			digest.update(str(path.relative_to(REPO)).encode())
			digest.update(path.read_bytes())
	return digest.hexdigest()


def ensure_site(bench: Bench, site: str = SITE) -> None:
	stamp_file = bench.sites / site / "sanshu_schema_stamp"
	if not (bench.sites / site / "site_config.json").exists():
		print(f"creating site {site} …", flush=True)
		bench.bench("new-site", site, "--db-root-password", db_root_password(), "--admin-password", "admin", "--install-app", "sanshu_app")
		bench.bench("--site", site, "set-config", "throttle_user_limit", "100000", "--parse")
		bench.bench("--site", site, "set-config", "max_queued_jobs", "100000", "--parse")
	elif not stamp_file.exists() or stamp_file.read_text() != schema_stamp():
		print(f"migrating site {site} …", flush=True)
		bench.bench("--site", site, "migrate")
	# as the bench's user: a file of another user's in the bench breaks the served site
	bench.run(["sh", "-c", f"printf %s {schema_stamp()} > {stamp_file}"])


def main(names):
	bench = Bench(bench_path())
	if not bench_found(bench.path):
		sys.exit(f"No Frappe bench at {bench.path}; set SANSHU_BENCH.")
	started = time.time()
	bench.ensure_services()
	bench.link_app()
	ensure_site(bench)
	code = 0
	county = [n for n in names if n in COUNTY_NAMES]
	if county or not names:
		code |= subprocess.call(as_owner([bench.python, REPO / "benchmarks" / "county_bench.py", SITE, *county], bench.owner), cwd=bench.sites)
	wanted_city = [n for n in names if n in CITY_NAMES + ("worker_memory",)] if names else CITY_NAMES
	if wanted_city:
		ensure_site(bench, CITY_SITE)
	for script, own in (("city_bench.py", CITY_NAMES), ("public_bench.py", PUBLIC_NAMES)):
		chosen = [n for n in names if n in own]
		if chosen or not names:
			code |= subprocess.call(as_owner([bench.python, REPO / "benchmarks" / script, SITE, CITY_SITE, *chosen], bench.owner), cwd=bench.sites)
	print(f"benchmarks finished in {(time.time() - started) / 60:.1f} min", flush=True)
	sys.exit(code)


if __name__ == "__main__":
	main(sys.argv[1:])
