"""The public side and a worker's memory (issue 24), run inside the bench's Python by ``benchmarks/run.py``.

    cd BENCH/sites && ../env/bin/python /path/to/sanshu_app/benchmarks/public_bench.py COUNTY_SITE CITY_SITE [NAMES...]

- ``survey_public``: a county-wide satisfaction survey answered online by one-time codes (001 §23
  网上公开测评): 20,000 responses from a pool of clients over ten minutes, in bursts, against
  gunicorn (3 workers); p50 ÷ the p50 of pings sent at the same random moments ≤ 3, p95 < 1 s, and
  afterwards exactly 20,000 stored, every code spent once.
- ``public_pages``: a campaign's 述前公开 page and one report page read by 50 clients at once for
  60 s, against the platform's own ``/login`` page read the same way in the same run: p50 ratio ≤ 2.
- ``worker_memory``: the resident memory one gunicorn worker gains serving 200 distinct users of the
  city (unit leaders and cadres: their home and one list each) against the same worker serving 200
  requests of Administrator: ratio ≤ 1.5.

``SANSHU_SURVEY_RESPONSES`` and ``SANSHU_SURVEY_SECONDS`` shrink the survey for a quick look.
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import frappe  # noqa: E402
from frappe.installer import update_site_config  # noqa: E402

import county_bench as county  # noqa: E402
from county_bench import ms, say  # noqa: E402
from serving import at_moments, gunicorn, percentile  # noqa: E402

GOALS = {"survey_public": 3, "public_pages": 2, "worker_memory": 1.5}
SURVEY_TITLE = "基准县网上公开测评"
SURVEY_METHOD = "/api/method/sanshu_app.api.public.answer_survey"  # what the survey page posts
RESPONSES = int(os.environ.get("SANSHU_SURVEY_RESPONSES", 20000))
SURVEY_SECONDS = float(os.environ.get("SANSHU_SURVEY_SECONDS", 600))
SURVEY_CLIENTS = 48
BURSTS = 4
ANSWERS_PER_ADDRESS = 4  # a household on one mobile network address
PAGE_CLIENTS = 50
PAGE_SECONDS = 60
MEMORY_USERS = 200
PASSWORD = "Bench@2026"
LETTER_LIST = "doctype=Responsibility+Letter&fields=%5B%22name%22%2C%22title%22%2C%22cadre%22%2C%22unit%22%5D&limit_page_length=20"
ADMIN_PASSWORD = "admin"  # benchmarks/run.py makes the site with it


def result(name, ratio, ok=True, note=""):
	verdict = "pass" if ratio <= GOALS[name] and ok else "miss"
	print(f"RESULT {name} ratio={ratio:.2f} goal={GOALS[name]:g} {verdict}{('  # ' + note) if note else ''}", flush=True)


def trusted_proxy():
	"""The benchmark's clients stand behind a proxy at 127.0.0.1 that names each phone's address,
	as nginx does in production (README, *Throttles behind a proxy*)."""
	update_site_config("sanshu_trusted_proxies", ["127.0.0.1"])


def no_trusted_proxy():
	update_site_config("sanshu_trusted_proxies", None)


# --- survey_public --------------------------------------------------------------------------------
def prepare_survey():
	"""A survey of the county's 30 towns, open, with RESPONSES fresh one-time codes (a previous
	run's survey removed). The codes are stored as the app stores them (salted hashes only)."""
	from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import code_hash, format_code, new_code

	for old in frappe.get_all("Satisfaction Survey", filters={"survey_title": SURVEY_TITLE}, pluck="name"):
		frappe.db.delete("Satisfaction Survey Code", {"survey": old})
		county.remove("Satisfaction Survey", {"name": old})
	towns = frappe.get_all("Sanshu Unit", filters={"unit_type": "Township", "name": ("like", "基准镇%")}, pluck="name", order_by="name")
	survey = county.insert(
		{"doctype": "Satisfaction Survey", "survey_title": SURVEY_TITLE, "year": 2026, "sector": "Townships and Streets", "units": [{"unit": u} for u in towns]}
	)
	survey.db_set("status", "Open")
	codes = [format_code(new_code()) for _ in range(RESPONSES)]
	now = frappe.utils.now()
	frappe.db.bulk_insert(
		"Satisfaction Survey Code",
		["name", "survey", "code_hash", "used", "creation", "modified", "owner", "modified_by"],
		[[frappe.generate_hash(length=12), survey.name, code_hash(c), 0, now, now, "Administrator", "Administrator"] for c in codes],
		chunk_size=5000,
	)
	survey.db_set("codes_issued", RESPONSES)
	frappe.db.commit()
	return survey, codes


def survey_public():
	survey, codes = prepare_survey()
	options = [row.option for row in survey.scale]
	units = [row.unit for row in survey.units]
	rng = random.Random(24)
	# Bursts: the answers come at a base rate, and in four half-minutes at twice that (a notice in a
	# WeChat group, a lunch break), each at a random moment inside its half-minute. The busiest
	# half-minute is then about 1.7 times the average; far steeper bursts (one half-minute holding a
	# third of the day's answers) measure the queue, not the answer: see the README.
	slots = int(SURVEY_SECONDS // 30) or 1
	bursts = set(rng.sample(range(slots), min(BURSTS, slots)))
	weights = [2.0 if s in bursts else 1.0 for s in range(slots)]
	slot_of = rng.choices(range(slots), weights=weights, k=RESPONSES)
	starts = [(s + rng.random()) * SURVEY_SECONDS / slots for s in slot_of]
	pings_wanted = max(RESPONSES // 40, 60)
	ping_starts = [rng.uniform(0, SURVEY_SECONDS) for _ in range(pings_wanted)]
	results, pings = [None] * RESPONSES, [None] * pings_wanted
	trusted_proxy()
	try:
		with gunicorn(workers=3) as server:
			for _ in range(6):
				server.call("/api/method/ping")

			def answer(i):
				address = f"10.{(i // ANSWERS_PER_ADDRESS) // 65536 % 256}.{(i // ANSWERS_PER_ADDRESS) // 256 % 256}.{(i // ANSWERS_PER_ADDRESS) % 256}"
				answers = {u: rng.choice(options) for u in units}
				try:
					results[i] = server.call(SURVEY_METHOD, {"code": codes[i], "answers": json.dumps(answers, ensure_ascii=False)}, headers={"X-Forwarded-For": address})[:2]
				except Exception as error:  # a lost connection is a lost answer, and is shown
					server.refusals.append(repr(error)[:300])

			def ping(i):
				pings[i] = server.call("/api/method/ping")[0]

			window = at_moments([(t, answer, i) for i, t in enumerate(starts)] + [(t, ping, i) for i, t in enumerate(ping_starts)], SURVEY_CLIENTS)
			refusals = server.refusals
	finally:
		no_trusted_proxy()
	frappe.db.rollback()  # see what the server committed
	times = sorted(r[0] for r in results if r) or [float("nan")]
	failed = sum(1 for r in results if not r or r[1] != 200)
	p50, p95 = statistics.median(times), percentile(times, 0.95)
	ping_p50 = statistics.median(p for p in pings if p is not None)
	stored = frappe.get_all("Satisfaction Survey Unit", filters={"parent": survey.name}, pluck="responses")
	spent = frappe.db.count("Satisfaction Survey Code", {"survey": survey.name, "used": 1})
	busiest = max(slot_of.count(s) for s in range(slots)) / (SURVEY_SECONDS / slots)
	say(
		f"survey_public: {RESPONSES} answers by one-time code over {window:.0f} s (busiest half-minute {busiest:.0f}/s) against gunicorn "
		f"(3 workers): p50 {ms(p50)}, p95 {ms(p95)}, max {ms(times[-1])}, {failed} refused; ping p50 {ms(ping_p50)} at the same random moments; "
		f"responses stored per unit {min(stored)}–{max(stored)}, codes spent {spent}"
	)
	if refusals:
		say(f"  first refusal: {refusals[0]!r}")
	exact = not failed and spent == RESPONSES and set(stored) == {RESPONSES}
	result("survey_public", p50 / ping_p50, ok=p95 < 1 and exact, note=f"p95 {ms(p95)}, stored {max(stored)}, spent {spent}")


# --- public_pages ---------------------------------------------------------------------------------
def prepare_public_campaign():
	"""The county campaign's reports on show: the window open around today, forty reports accepted."""
	from frappe.utils import add_days, nowdate

	camp = frappe.get_doc("Sanshu Campaign", county.campaign())
	camp.update({"publish_reports_before_meeting": 1, "publish_from": add_days(nowdate(), -1), "publish_until": add_days(nowdate(), 5), "meeting_date": add_days(nowdate(), 6)})
	camp.flags.ignore_validate = True
	camp.save(ignore_permissions=True)
	cadres = county.campaign_cadres(camp.name)[:40]
	have = frappe.get_all("Sanshu Report", filters={"campaign": camp.name, "cadre": ("in", cadres)}, pluck="name")
	if len(have) < len(cadres):
		skip = dict(ignore_validate=True, ignore_links=True, ignore_mandatory=True)
		for cadre in cadres:
			if not frappe.db.exists("Sanshu Report", {"campaign": camp.name, "cadre": cadre}):
				name, unit = frappe.db.get_value("Sanshu Cadre", cadre, ["full_name", "unit"])
				county.insert(
					{"doctype": "Sanshu Report", "campaign": camp.name, "cadre": cadre, "cadre_name": name, "unit": unit,
					 "sections": [{"section": "Responsibility", "content": "<p>" + "履行主体责任情况。" * 60 + "</p>"}, {"section": "Integrity", "content": "<p>" + "廉洁自律情况。" * 60 + "</p>"}]},
					**skip,
				)  # fmt: skip
	from sanshu_app.rules.public import ACCEPTED_REPORT

	frappe.db.set_value("Sanshu Report", {"campaign": camp.name, "cadre": ("in", cadres)}, "workflow_state", ACCEPTED_REPORT, update_modified=False)
	frappe.db.commit()
	from sanshu_app.public_disclosure.page_cache import forget

	forget()  # written around the app above
	report = frappe.get_all("Sanshu Report", filters={"campaign": camp.name, "cadre": cadres[0]}, pluck="name")[0]
	return camp.name, report


def public_pages():
	from urllib.parse import quote

	camp, report = prepare_public_campaign()
	paths = {"campaign": f"/sanshu-public/campaign?name={quote(camp)}", "report": f"/sanshu-public/report?name={quote(report)}", "login": "/login"}
	with gunicorn(workers=3) as server:
		for path in paths.values():
			status = server.call(path, headers={"Accept": "text/html"})[1]
			if status != 200:
				raise RuntimeError(f"{path} answered {status}")
		times = {}
		for page in ("login", "campaign", "report", "login"):  # the platform's page before and after
			seen = []
			deadline = time.perf_counter() + PAGE_SECONDS / 2

			def reader(_i, path=paths[page], seen=seen, deadline=deadline):
				while time.perf_counter() < deadline:
					seconds, status, _body = server.call(path, headers={"Accept": "text/html"})
					seen.append((seconds, status))

			at_moments([(0, reader, i) for i in range(PAGE_CLIENTS)], PAGE_CLIENTS)
			times.setdefault(page, []).extend(seen)
	p50 = {page: statistics.median(s for s, _ in seen) for page, seen in times.items()}
	bad = {page: sum(1 for _, status in seen if status != 200) for page, seen in times.items()}
	served = {page: len(seen) for page, seen in times.items()}
	say(
		f"public_pages: {PAGE_CLIENTS} readers at once, {PAGE_SECONDS // 2} s a page: campaign page p50 {ms(p50['campaign'])} ({served['campaign']} served), "
		f"report page p50 {ms(p50['report'])} ({served['report']}), the platform's /login p50 {ms(p50['login'])} ({served['login']}); not 200: {bad}"
	)
	ratio = max(p50["campaign"], p50["report"]) / p50["login"]
	result("public_pages", ratio, ok=not any(bad.values()), note=f"campaign {p50['campaign'] / p50['login']:.2f}, report {p50['report'] / p50['login']:.2f}")


# --- worker_memory ------------------------------------------------------------------------------------
def memory_users():
	"""200 users of the city: a leader (Party Secretary) of each of 100 units and a cadre of each,
	made once with logins."""
	from city_bench import CITY, build_city, city_built

	from sanshu_app.permissions import forget_scopes

	if not city_built():
		build_city()
	users = []
	units = frappe.get_all("Sanshu Unit", filters={"name": ("like", f"{CITY}%站所%")}, pluck="name", order_by="name", limit=MEMORY_USERS // 2)
	from frappe.utils.password import update_password

	for u, unit in enumerate(units):
		cadres = frappe.get_all("Sanshu Cadre", filters={"unit": unit}, fields=["name", "user"], order_by="name", limit=2)
		for cadre, roles in zip(cadres, (["Party Secretary", "Responsible Cadre"], ["Responsible Cadre"])):
			email = f"city-{u:03d}-{roles[0].split()[0].lower()}@bench.sanshu.local"
			if not cadre.user:
				if not frappe.db.exists("User", email):
					county.insert({"doctype": "User", "email": email, "first_name": email.split("@")[0], "send_welcome_email": 0, "user_type": "System User", "roles": [{"role": r} for r in roles]})
					update_password(email, PASSWORD)
				frappe.db.set_value("Sanshu Cadre", cadre.name, "user", email, update_modified=False)
				forget_scopes()  # once per transaction, however many cadres
			users.append(cadre.user or email)
	frappe.db.commit()
	return users


def rss_kib(pid):
	for line in open(f"/proc/{pid}/status"):
		if line.startswith("VmRSS:"):
			return int(line.split()[1])
	return 0


def worker_memory():
	users = memory_users()

	def serve(sessions):
		"""The memory one worker gains serving these sessions (home and one list each, twice)."""
		with gunicorn(workers=1) as server:
			(pid,) = server.pids()
			admin = server.login("Administrator", ADMIN_PASSWORD)
			for path in ("/app/sanshu-home", "/api/method/frappe.desk.reportview.get?" + LETTER_LIST):
				server.call(path, cookies=admin, headers={"Accept": "text/html"})
			before = rss_kib(pid)
			for user in sessions:
				cookie = admin if user == "Administrator" else server.login(user, PASSWORD)
				for _ in range(2):
					server.call("/app/sanshu-home", cookies=cookie, headers={"Accept": "text/html"})
					server.call("/api/method/sanshu_app.sanshu_desk.home.home", cookies=cookie)
					server.call("/api/method/frappe.desk.reportview.get?" + LETTER_LIST, cookies=cookie)
			return rss_kib(pid), rss_kib(pid) - before, server.refusals[:1]

	admin_rss, admin_growth, admin_refused = serve(["Administrator"] * MEMORY_USERS)
	users_rss, users_growth, users_refused = serve(users)
	say(
		f"worker_memory: one gunicorn worker (preloaded, forked) holds {users_rss / 1024:.1f} MiB after {len(users)} distinct users of the city "
		f"opened their home and the letter list twice each (+{users_growth / 1024:.1f} MiB), {admin_rss / 1024:.1f} MiB after Administrator did so "
		f"{MEMORY_USERS} times (+{admin_growth / 1024:.1f} MiB); first refusal {users_refused or admin_refused or 'none'}"
	)
	result(
		"worker_memory", users_rss / admin_rss, ok=len(users) == MEMORY_USERS and not (users_refused or admin_refused),
		note=f"growth {users_growth / 1024:.1f} MiB vs {admin_growth / 1024:.1f} MiB",
	)  # fmt: skip


def on_site(site, fn, county_site=False):
	frappe.init(site=site)
	frappe.connect()
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	try:
		if county_site and not county.county_built():
			county.build_county()
		return fn()
	finally:
		frappe.destroy()


PLACES = {"survey_public": "county", "public_pages": "county", "worker_memory": "city"}
BENCHMARKS = {"survey_public": survey_public, "public_pages": public_pages, "worker_memory": worker_memory}


def main(county_site, city_site, wanted):
	on_site(county_site, lambda: say(county.machine()))
	for name, fn in BENCHMARKS.items():
		if wanted and name not in wanted:
			continue
		started = time.perf_counter()
		try:
			on_site(county_site if PLACES[name] == "county" else city_site, fn, county_site=PLACES[name] == "county")
		except Exception:
			import traceback

			print(traceback.format_exc()[-3000:], flush=True)
			say(f"RESULT {name} ratio=nan goal={GOALS[name]} miss  # failed")
		say(f"  ({name} took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
	main(sys.argv[1], sys.argv[2], set(sys.argv[3:]))
