"""Two tiers: unit tests of the pure rules (tests/unit) always run; the site tier
(tests/test_site_tier.py) installs this checkout on a throwaway site of a real bench and runs
tests/site there, or says loudly that it was skipped."""

import os

from tests.bench_site import bench_found, bench_path

# tests/site runs inside the bench's Python (see test_site_tier.py), never in this process.
collect_ignore = [] if os.environ.get("SANSHU_SITE") else ["site"]


def _skip_message():
	bench = bench_path()
	return None if bench_found(bench) else f"site tests skipped: no Frappe bench at {bench}"


def pytest_report_header(config):
	if os.environ.get("SANSHU_SITE"):
		return None
	return _skip_message() or f"site tier: bench at {bench_path()}"


def pytest_terminal_summary(terminalreporter):
	if os.environ.get("SANSHU_SITE"):
		return
	message = _skip_message()
	if message:
		terminalreporter.write_sep("!", message, red=True, bold=True)
