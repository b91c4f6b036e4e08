"""The county-scale benchmarks, run inside the bench's Python by ``benchmarks/run.py``.

    cd BENCH/sites && ../env/bin/python /path/to/sanshu_app/benchmarks/county_bench.py SITE [NAMES...]

Each benchmark prints a human line and ``RESULT <name> ratio=<x> goal=<y> pass|miss``; the
baseline of every ratio is Frappe's own way of doing the same thing, measured in the same run.
The county (300 units, 3,000 cadres, one campaign) is built once and committed, then reused.
Everything a benchmark adds is removed again afterwards, so a run can be repeated.
"""

import io
import json
import os
import random
import statistics
import sys
import time

import frappe

COUNTY = "基准县"
TOWNS = 30  # each with STATIONS stations below it: 30 + 270 = 300 units
STATIONS = 9
CADRES_PER_UNIT = 10  # 3,000 cadres
CAMPAIGN_TITLE = "基准县2026年度三述工作"
SMALL_CAMPAIGN_TITLE = "基准县2026年度三述工作（小）"
SECRETARY = "bench-secretary@bench.sanshu.local"
VOTERS = 300
ARCHIVE_YEARS = range(2015, 2027)  # 12 years of records about one cadre
CHUNK = 1000  # the slices of a 3,000-document bulk issue compared for slowing down

GOALS = {
	"bulk_commitments": 1.3,
	"bulk_letters": 1.3,
	"overview": 5,
	"archive": 10,
	"scope_list": 2,
	"scope_check": 1.15,  # against the platform's own path for a user who is not Administrator
	"pdf_batch": 0.3,
	"meeting_votes": 3,
	"import_cadres": 0.3,
}


# --- measuring ----------------------------------------------------------------------------------
def best_of(fn, repeat=5, number=1):
	best = float("inf")
	for _ in range(repeat):
		start = time.perf_counter()
		for _ in range(number):
			fn()
		best = min(best, (time.perf_counter() - start) / number)
	return best


def best_of_each(fns: dict, repeat=7, number=10) -> dict:
	"""``best_of`` for several functions measured in turns, so that load on a shared machine falls
	on each of them alike (their ratio is what is reported)."""
	best = dict.fromkeys(fns, float("inf"))
	for _ in range(repeat):
		for name, fn in fns.items():
			start = time.perf_counter()
			for _ in range(number):
				fn()
			best[name] = min(best[name], (time.perf_counter() - start) / number)
	return best


class QueryCounter:
	"""Counts the SQL statements run inside the block (the way Frappe's assertQueryCount does)."""

	def __enter__(self):
		self.count = 0
		self.original = frappe.db.__class__.sql
		counter = self

		def counted(db, *args, **kwargs):
			counter.count += 1
			return counter.original(db, *args, **kwargs)

		frappe.db.__class__.sql = counted
		return self

	def __exit__(self, *exc):
		frappe.db.__class__.sql = self.original


def ms(seconds):
	return f"{seconds * 1000:.1f} ms"


def result(name, ratio, ok=True, note=""):
	goal = GOALS[name]
	verdict = "pass" if ratio <= goal and ok else "miss"
	print(f"RESULT {name} ratio={ratio:.2f} goal={goal:g} {verdict}{('  # ' + note) if note else ''}", flush=True)


def say(text):
	print(text, flush=True)


class FakeRequest:
	"""Marks the code as running inside one HTTP request (the permission layer caches per request)."""

	def __init__(self):
		frappe.local.request = self
		self.forget()

	@staticmethod
	def forget():
		try:
			del frappe.local.sanshu_permission_cache
		except AttributeError:
			pass

	def end(self):
		self.forget()
		del frappe.local.request


def in_request(fn):
	"""Run ``fn`` as one fresh request: the per-request caches start empty."""

	def run():
		request = FakeRequest()
		try:
			return fn()
		finally:
			request.end()

	return run


# --- the county ---------------------------------------------------------------------------------
def insert(values, **flags):
	doc = frappe.get_doc(values)
	doc.flags.update(flags)
	return doc.insert(ignore_permissions=True)


def county_built():
	return bool(frappe.db.get_value("Sanshu Campaign", {"campaign_title": CAMPAIGN_TITLE}, "name"))


def build_county():
	from sanshu_app.permissions import forget_scopes

	started = time.perf_counter()
	say("building the county (once): 300 units, 3,000 cadres, one campaign …")
	frappe.flags.mute_emails = True
	if frappe.db.exists("Sanshu Unit", COUNTY):  # an earlier build stopped after its units and cadres
		units = frappe.get_all("Sanshu Unit", filters={"name": ("like", "基准镇%")}, pluck="name", order_by="lft")
		cadres = frappe.get_all("Sanshu Cadre", filters={"unit": ("in", units)}, pluck="name", order_by="name")
		make_campaign(CAMPAIGN_TITLE, units, cadres)
		make_campaign(SMALL_CAMPAIGN_TITLE, units[:3], cadres[:30])
		return
	root = insert({"doctype": "Sanshu Unit", "unit_name": COUNTY, "is_group": 1}).name
	units = []
	for t in range(TOWNS):
		town = insert({"doctype": "Sanshu Unit", "unit_name": f"基准镇{t:02d}", "parent_sanshu_unit": root, "unit_type": "Township", "is_group": 1}).name
		units.append(town)
		for s in range(STATIONS):
			units.append(insert({"doctype": "Sanshu Unit", "unit_name": f"基准镇{t:02d}站所{s}", "parent_sanshu_unit": town, "unit_type": "Grassroots Station"}).name)
	secretary = insert(
		{"doctype": "User", "email": SECRETARY, "first_name": "基准书记", "send_welcome_email": 0, "user_type": "System User",
		 "roles": [{"role": "Party Secretary"}, {"role": "Responsible Cadre"}]}
	).name  # fmt: skip
	cadres = []
	for u, unit in enumerate(units):
		names = []
		for i in range(CADRES_PER_UNIT):
			values = {"doctype": "Sanshu Cadre", "full_name": f"干部{u:03d}{i}", "unit": unit, "position": "科员"}
			if i == 0:
				values.update(is_principal=1, position="党委书记")
				if u == 0:
					values["user"] = secretary
			names.append(insert(values).name)
		frappe.db.set_value("Sanshu Unit", unit, {"principal": names[0], "discipline_officer": names[1]}, update_modified=False)
		forget_scopes()  # set_value skips the document events
		cadres += names
	frappe.db.commit()
	say(f"  units and cadres: {time.perf_counter() - started:.0f} s")
	make_campaign(CAMPAIGN_TITLE, units, cadres)
	make_campaign(SMALL_CAMPAIGN_TITLE, units[:3], cadres[:30])
	frappe.db.commit()
	say(f"  county built in {time.perf_counter() - started:.0f} s")


def make_campaign(title, units, cadres):
	doc = frappe.get_doc(
		{
			"doctype": "Sanshu Campaign",
			"campaign_title": title,
			"year": 2026,
			"units": [{"unit": u} for u in units],
			"cadres": [{"cadre": c} for c in cadres],
		}
	)
	doc.insert(ignore_permissions=True)
	frappe.db.commit()
	return doc.name


def campaign(title=CAMPAIGN_TITLE):
	return frappe.db.get_value("Sanshu Campaign", {"campaign_title": title}, "name")


def campaign_cadres(name):
	return frappe.get_all("Sanshu Campaign Cadre", filters={"parent": name, "parenttype": "Sanshu Campaign"}, pluck="cadre", order_by="idx")


def remove(doctype, filters):
	"""Delete ``doctype`` rows (with their child rows and the platform's records about them)."""
	names = frappe.get_all(doctype, filters=filters, pluck="name")
	for start in range(0, len(names), 500):
		part = names[start : start + 500]
		for table in frappe.get_meta(doctype).get_table_fields():
			frappe.db.delete(table.options, {"parent": ("in", part), "parenttype": doctype})
		for referencing, (type_field, name_field) in (
			("Version", ("ref_doctype", "docname")),
			("Workflow Action", ("reference_doctype", "reference_name")),
			("Notification Log", ("document_type", "document_name")),
			("Comment", ("reference_doctype", "reference_name")),
		):
			frappe.db.delete(referencing, {type_field: doctype, name_field: ("in", part)})
		frappe.db.delete(doctype, {"name": ("in", part)})
	forget_deleted(doctype)
	frappe.db.commit()
	return len(names)


def forget_deleted(doctype):
	"""Deleting around the ORM: tell the permission layer's caches, as DEVELOPERS.md asks."""
	from sanshu_app.permissions import scope_cache
	from sanshu_app.permissions import forget_scopes

	if doctype in ("Sanshu Unit", "Sanshu Cadre"):
		forget_scopes()
	scope_cache.forget(doctype)


# --- 1. bulk issue --------------------------------------------------------------------------------
def bulk(name, document, letter_type=None):
	from sanshu_app.responsibility_documents import bulk_issue

	camp = campaign()
	doc_filters = {"campaign": camp} if document == bulk_issue.LETTER else {"campaign": camp, "commitment_type": bulk_issue.ANNUAL}
	remove(document, doc_filters)

	marks = {}
	paused = [0.0]  # time spent on the interleaved baseline, not counted as the bulk's
	bare_times = []
	original_progress = frappe.publish_progress

	def bare_inserts():
		"""Baseline, taken during the bulk so both see the same machine load: the 20 documents just
		issued, copied (fields and child rows as issued) and inserted by Frappe with the app's
		validation bypassed, then rolled back to a savepoint."""
		pause = time.perf_counter()
		recent = frappe.get_all(document, filters=doc_filters, pluck="name", order_by="creation desc", limit_page_length=20)
		copies = []
		for name in recent:
			copy = frappe.copy_doc(frappe.get_doc(document, name))
			copy.document_number = None
			copy.flags.update(ignore_validate=True, ignore_links=True, ignore_mandatory=True, ignore_version=True)
			copy.validate_workflow = lambda: None  # bare: no workflow check either
			copies.append(copy)
		frappe.db.savepoint("bench_bare")
		started = time.perf_counter()
		for copy in copies:
			copy.insert(ignore_permissions=True)
		bare_times.append((time.perf_counter() - started, len(copies)))
		frappe.db.rollback(save_point="bench_bare")
		paused[0] += time.perf_counter() - pause

	def progress(percent, title=None, doctype=None, docname=None, description=None, **kwargs):
		# bulk_issue publishes "done of total" after each document: note when each 1,000 is done.
		done = round(percent * total / 100)
		if done % CHUNK == 0:
			marks[done] = time.perf_counter() - paused[0]
		if done % 300 == 150:
			bare_inserts()

	total = len(campaign_cadres(camp))
	frappe.publish_progress = progress
	frappe.local.job = frappe._dict(site=frappe.local.site, method="sanshu_app.responsibility_documents.bulk_issue.run", user="Administrator")
	try:
		started = time.perf_counter()
		created = bulk_issue.run(camp, document, letter_type)
		frappe.db.commit()
		elapsed = time.perf_counter() - started - paused[0]
	finally:
		frappe.local.job = None
		frappe.publish_progress = original_progress
	per_doc = elapsed / max(len(created), 1)
	first = marks.get(CHUNK, started) - started
	last = marks.get(3 * CHUNK, started) - marks.get(2 * CHUNK, started)
	growth = last / first if first else float("inf")
	bare = sum(t for t, _n in bare_times) / max(sum(n for _t, n in bare_times), 1)
	ratio = per_doc / bare
	say(
		f"{name}: {len(created)} issued in {elapsed:.1f} s, {ms(per_doc)}/doc; "
		f"per 1,000: first {first:.1f} s, last {last:.1f} s ({growth:.2f}x, goal ≤ 1.2); bare insert {ms(bare)}/doc"
	)
	result(name, ratio, ok=growth <= 1.2 and len(created) == total, note=f"last/first 1,000 = {growth:.2f}")
	return created


def bulk_commitments():
	return bulk("bulk_commitments", "Integrity Commitment")


def cadre_letter_type():
	from sanshu_app.responsibility_documents.bulk_issue import SUPERVISION_NOTICE, UNIT_LETTER_TYPES, letter_types

	return next(t for t in letter_types() if t not in UNIT_LETTER_TYPES and t != SUPERVISION_NOTICE)


def bulk_letters():
	return bulk("bulk_letters", "Responsibility Letter", cadre_letter_type())


def ensure_letters():
	if frappe.db.count("Responsibility Letter", {"campaign": campaign(), "letter_type": cadre_letter_type()}) < 3000:
		from sanshu_app.responsibility_documents import bulk_issue

		bulk_issue.run(campaign(), "Responsibility Letter", cadre_letter_type())
		frappe.db.commit()


# --- 2. overview -----------------------------------------------------------------------------------
def overview():
	from sanshu_app.reporting_and_evaluation.report.sanshu_campaign_overview.sanshu_campaign_overview import execute

	camp, small = campaign(), campaign(SMALL_CAMPAIGN_TITLE)
	cadres = campaign_cadres(camp)
	execute({"campaign": small})  # warm the caches (meta, settings) before counting
	with QueryCounter() as few:
		execute({"campaign": small})
	with QueryCounter() as many:
		_columns, rows = execute({"campaign": camp})
	report = best_of(lambda: execute({"campaign": camp}), repeat=3)
	baseline = best_of(lambda: frappe.get_all("Sanshu Cadre", filters={"name": ("in", cadres)}, fields=["name", "full_name", "unit"]), repeat=3)
	ratio = report / baseline
	say(
		f"overview: {len(rows)} rows in {ms(report)} ({many.count} queries; {few.count} for a 30-cadre campaign); "
		f"get_all of the {len(cadres)} cadres {ms(baseline)}"
	)
	result("overview", ratio, ok=many.count == few.count and len(rows) == len(cadres), note=f"queries {few.count} → {many.count}")


# --- 3. archive ------------------------------------------------------------------------------------
def archive():
	from sanshu_app.integrity_archive.archive import archive_rows

	cadres = campaign_cadres(campaign())
	rich, plain = cadres[15], cadres[16]  # a station cadre with 12 years of records; a neighbour with one
	camps = {}
	for year in ARCHIVE_YEARS:
		title = f"基准县{year}年度三述工作（档案）"
		camps[year] = campaign(title) or make_campaign(title, [], [])
	unit = frappe.db.get_value("Sanshu Cadre", rich, "unit")
	skip = dict(ignore_validate=True, ignore_links=True, ignore_mandatory=True)
	for year in ARCHIVE_YEARS:
		for _ in range(3):
			insert({"doctype": "Sanshu Report", "cadre": rich, "unit": unit, "campaign": camps[year]}, **skip)
			insert({"doctype": "Sanshu Inquiry", "cadre": rich, "unit": unit, "campaign": camps[year], "question": "问"}, **skip)
		insert({"doctype": "Integrity Commitment", "cadre": rich, "unit": unit, "year": year, "commitment_type": "Annual Responsibility Commitment"}, **skip)
		insert({"doctype": "Responsibility Letter", "cadre": rich, "unit": unit, "year": year, "letter_type": cadre_letter_type()}, **skip)
	# The neighbour: one record of each kind, so the two counts differ only by the number of rows.
	insert({"doctype": "Sanshu Report", "cadre": plain, "unit": unit, "campaign": camps[2026]}, **skip)
	insert({"doctype": "Sanshu Inquiry", "cadre": plain, "unit": unit, "campaign": camps[2026], "question": "问"}, **skip)
	insert({"doctype": "Integrity Commitment", "cadre": plain, "unit": unit, "year": 2026, "commitment_type": "Annual Responsibility Commitment"}, **skip)
	insert({"doctype": "Responsibility Letter", "cadre": plain, "unit": unit, "year": 2026, "letter_type": cadre_letter_type()}, **skip)
	frappe.set_user("Administrator")
	archive_rows(plain), archive_rows(rich)  # warm the caches (meta, settings, cached values) before counting
	with QueryCounter() as few:
		archive_rows(plain)
	with QueryCounter() as many:
		rows = archive_rows(rich)
	years = {r["year"] for r in rows}
	report = best_of(lambda: archive_rows(rich), repeat=5)
	baseline = best_of(lambda: frappe.get_doc("Sanshu Cadre", rich), repeat=5, number=20)
	frappe.db.rollback()
	ratio = report / baseline
	say(
		f"archive: {len(rows)} rows over {len(years)} years in {ms(report)} ({many.count} queries; {few.count} for a cadre with "
		f"one record of each kind); get_doc of the cadre {ms(baseline)}"
	)
	result("archive", ratio, ok=many.count == few.count and len(years) >= 10, note=f"queries {few.count} → {many.count}")


# --- 4. scope ----------------------------------------------------------------------------------------
def scope():
	ensure_letters()
	secretary = SECRETARY

	def letter_list():
		return frappe.get_list(
			"Responsibility Letter", fields=["name", "title", "workflow_state", "cadre", "unit", "modified"], order_by="modified desc", limit_page_length=20
		)

	def as_user(user, fn):
		def run():
			frappe.set_user(user)
			return in_request(fn)()

		return run

	seen = as_user(secretary, letter_list)()
	visible = frappe.get_all("Responsibility Letter", filters={"campaign": campaign()}, pluck="name", limit_page_length=0)
	own = seen[0].name if seen else None

	def check():
		doc = frappe.get_doc("Responsibility Letter", own)
		return doc.has_permission("read")

	lists = best_of_each({"admin": as_user("Administrator", letter_list), "secretary": as_user(secretary, letter_list)}, repeat=15)
	checks = best_of_each({"admin": as_user("Administrator", check), "secretary": as_user(secretary, check)}, repeat=15, number=20)
	with QueryCounter() as list_queries:
		as_user(secretary, letter_list)()
	with QueryCounter() as check_queries:
		allowed = as_user(secretary, check)()
	platform, query, platform_check = scope_floor(as_user, letter_list, check)
	frappe.set_user("Administrator")
	say(
		f"scope_list: the secretary's 20-row letter list ({len(seen)} rows of {len(visible)} letters) {ms(lists['secretary'])} "
		f"({list_queries.count} queries), Administrator {ms(lists['admin'])}"
	)
	say(
		f"  floor: the same list with the app's condition removed (Frappe's own checks for a user who is not "
		f"Administrator) {platform:.2f}x; the secretary's SQL alone {query:.2f}x the Administrator's"
	)
	result("scope_list", lists["secretary"] / lists["admin"], ok=len(seen) == 20)
	say(
		f"scope_check: opening one letter and checking it, secretary {ms(checks['secretary'])} ({check_queries.count} queries), "
		f"Administrator {ms(checks['admin'])}"
	)
	say(f"  floor: the same check with the app's rule removed (Frappe's own checks for a user who is not Administrator) {platform_check:.2f}x")
	# The baseline is the platform's own path for the same user: what no permission layer could
	# remove. Against Administrator (who skips every check) the ratio would charge the app for the
	# platform's own checks (issue 24).
	result("scope_check", (checks["secretary"] / checks["admin"]) / platform_check, ok=bool(allowed), note=f"{checks['secretary'] / checks['admin']:.2f}x Administrator")


def scope_floor(as_user, letter_list, check) -> tuple[float, float, float]:
	"""What no permission layer could remove, as ratios to the Administrator: Frappe's own checks
	for a user who is not Administrator (list and check), and the cost of the secretary's filtered
	SQL itself."""
	import sanshu_app.permissions as permissions

	class Last(QueryCounter):
		def __enter__(self):
			self.queries = []
			super().__enter__()
			original, counter = self.original, self

			def recorded(db, query, *args, **kwargs):
				counter.queries.append(query)
				return original(db, query, *args, **kwargs)

			frappe.db.__class__.sql = recorded
			return self

	conditions, record_permission = permissions.query_conditions, permissions.has_permission
	permissions.query_conditions = lambda user=None, doctype=None: ""
	permissions.has_permission = lambda doc, ptype=None, user=None, debug=False: True
	try:
		times = best_of_each({"admin": as_user("Administrator", letter_list), "unfiltered": as_user(SECRETARY, letter_list)}, repeat=15)
		checks = best_of_each({"admin": as_user("Administrator", check), "unchecked": as_user(SECRETARY, check)}, repeat=15, number=20)
	finally:
		permissions.query_conditions, permissions.has_permission = conditions, record_permission
	with Last() as admin_sql:
		as_user("Administrator", letter_list)()
	with Last() as secretary_sql:
		as_user(SECRETARY, letter_list)()
	queries = {"admin": admin_sql.queries[-1], "secretary": secretary_sql.queries[-1]}
	sql = best_of_each({who: (lambda q=q: frappe.db.sql(q)) for who, q in queries.items()}, repeat=15, number=20)
	return times["unfiltered"] / times["admin"], sql["secretary"] / sql["admin"], checks["unchecked"] / checks["admin"]


# --- 5. pdf batch --------------------------------------------------------------------------------
def pdf_batch():
	from pypdf import PdfReader

	from sanshu_app.official_documents.pdf import documents_pdf, renderer

	ensure_letters()
	names = frappe.get_all("Responsibility Letter", filters={"campaign": campaign()}, pluck="name", order_by="creation asc", limit_page_length=21)
	single = best_of(lambda: documents_pdf("Responsibility Letter", names[20:21]), repeat=2)
	started = time.perf_counter()
	pdf = documents_pdf("Responsibility Letter", names[:20])
	batch = time.perf_counter() - started
	pages = len(PdfReader(io.BytesIO(pdf)).pages)
	per_letter = batch / 20
	say(
		f"pdf_batch: 20 letters in one PDF ({pages} pages) {batch:.2f} s = {per_letter:.3f} s/letter, {batch / pages:.3f} s/page; "
		f"one letter alone ({pages / 20:.1f} pages) {single:.3f} s (generator: {renderer()})"
	)
	result("pdf_batch", batch / pages / single, note=f"per letter {per_letter / single:.2f}")


# --- 6. meeting votes ----------------------------------------------------------------------------
def count_ballots(evaluation):
	"""The ballots in the ballot box for ``evaluation``, counted while it is still open (the app's
	tally refuses until it closes; the benchmark checks none was lost or doubled before that)."""
	from sanshu_app.ballot_box import BOX_TABLE

	return frappe.db.sql(f"select count(*) from `{BOX_TABLE}` where subject = %s", evaluation)[0][0]


VOTE_METHOD = "sanshu_app.api.public.submit_phone_ballot"  # what the phone page posts
CLIENTS = 32  # requests in flight at once, at most
PINGS = 100  # baseline pings sent during the same minute
BENCH_MEETING_PLACE = "基准县会场"
VOTER_GROUP = "Service Recipient"


def prepare_meeting():
	"""A meeting day with one reporter and 300 fresh one-time codes (the previous run's ballots and
	codes removed): each phone submission is one ballot."""
	from sanshu_app.ballot_box import remove_subject
	from sanshu_app.meeting_day import ballot_codes

	camp = campaign()
	name = frappe.db.get_value("Sanshu Meeting", {"campaign": camp, "place": BENCH_MEETING_PLACE, "status": "Open"}, "name")
	if name:
		meeting = frappe.get_doc("Sanshu Meeting", name)
		for row in meeting.reporters:
			remove_subject(row.evaluation)
		ballot_codes.forget_codes(meeting.name)
	else:
		meeting = insert(
			{"doctype": "Sanshu Meeting", "campaign": camp, "meeting_kind": "Reporting Assembly", "meeting_date": frappe.utils.today(),
			 "place": BENCH_MEETING_PLACE, "reporters": [{"cadre": campaign_cadres(camp)[41], "report_mode": "Meeting Report"}],
			 "groups": [{"evaluator_group": VOTER_GROUP, "headcount": VOTERS}]}
		)  # fmt: skip
	codes = ballot_codes.issue_codes(meeting.name, VOTER_GROUP, VOTERS)
	frappe.db.commit()
	(reporter,) = meeting.reporters
	return meeting.name, reporter.evaluation, codes, {reporter.name: meeting.scale()[0]}


def spent_codes(meeting):
	from sanshu_app.meeting_day.ballot_codes import code_usage

	return sum(group["used"] for group in code_usage(meeting).values())


def meeting_votes():
	from serving import at_moments, gunicorn, percentile

	meeting, evaluation, codes, choices = prepare_meeting()
	with gunicorn(workers=3) as server:
		for _ in range(6):  # warm every worker
			server.call("/api/method/ping")
		back_to_back = statistics.median(server.call("/api/method/ping")[0] for _ in range(60))
		rng = random.Random(14)
		starts = sorted(rng.uniform(0, 60) for _ in range(VOTERS))
		# The baseline pings arrive like the votes, at random moments of the same minute, so both meet
		# the same server: a ping fired back to back finds every cache and process warm, a phone does not.
		ping_starts = sorted(rng.uniform(0, 60) for _ in range(PINGS))
		results, pings = [None] * VOTERS, [None] * PINGS
		refusals = server.refusals

		def voter(v):
			try:
				results[v] = server.call(f"/api/method/{VOTE_METHOD}", {"code": codes[v], "choices": json.dumps(choices)})[:2]
			except Exception as error:  # a lost connection counts as a refused vote, and is shown
				refusals.append(repr(error)[:300])

		def ping(i):
			pings[i] = server.call("/api/method/ping")[0]

		window = at_moments([(t, voter, v) for v, t in enumerate(starts)] + [(t, ping, i) for i, t in enumerate(ping_starts)], CLIENTS)
	times = sorted(r[0] for r in results if r) or [float("nan")]
	ping_p50 = statistics.median(p for p in pings if p is not None)
	failed = sum(1 for r in results if not r or r[1] != 200)
	p50 = statistics.median(times)
	p95 = percentile(times, 0.95)
	frappe.db.rollback()  # see what the server committed
	ballots = count_ballots(evaluation)
	voted = spent_codes(meeting)
	say(
		f"meeting_votes: {VOTERS} phones sending their one-time codes over {window:.0f} s against gunicorn (3 workers): p50 {ms(p50)}, p95 {ms(p95)}, "
		f"max {ms(times[-1])}, {failed} refused; ping p50 {ms(ping_p50)} at the same random moments ({ms(back_to_back)} back to back); "
		f"ballots stored {ballots}, codes spent {voted}"
	)
	if refusals:
		say(f"  first refusal: {refusals[0]!r}")
	result("meeting_votes", p50 / ping_p50, ok=p95 < 1 and ballots == VOTERS and voted == VOTERS and not failed, note=f"p95 {ms(p95)}, ballots {ballots}")


# --- 7. import cadres -------------------------------------------------------------------------------
def import_cadres():
	from openpyxl import Workbook

	from sanshu_app.rules.master_sheet import CADRE_HEADERS, CADRE_SHEET, UNIT_HEADERS, UNIT_SHEET
	from sanshu_app.sanshu_setup.master_import import import_master_data

	units = frappe.get_all("Sanshu Unit", filters={"name": ("like", "基准镇%")}, pluck="name", order_by="name")

	def rows(prefix):
		return [(f"{prefix}{i:04d}", units[i % len(units)], "科员", "科员", "", "否", "否", "否") for i in range(3000)]

	def save(book, name):
		buffer = io.BytesIO()
		book.save(buffer)
		return frappe.get_doc({"doctype": "File", "file_name": name, "is_private": 1, "content": buffer.getvalue()}).insert(ignore_permissions=True)

	for prefix in ("导入甲", "导入乙"):
		remove("Sanshu Cadre", {"full_name": ("like", f"{prefix}%")})

	book = Workbook()
	sheet = book.active
	sheet.title = UNIT_SHEET
	sheet.append(UNIT_HEADERS)
	cadre_sheet = book.create_sheet(CADRE_SHEET)
	cadre_sheet.append(CADRE_HEADERS)
	for row in rows("导入甲"):
		cadre_sheet.append(row)
	ours = save(book, "bench_master.xlsx")

	# The same cadres in Frappe's own import template: its column labels, the values as the app
	# reads them from the office's sheet (the rank 科员级 is stored as "Staff", …).
	from sanshu_app.rules.master_sheet import read_master_sheet

	parsed = read_master_sheet(
		{UNIT_SHEET: [UNIT_HEADERS], CADRE_SHEET: [CADRE_HEADERS, *rows("导入乙")]},
		existing_units=set(units), existing_users=set(), users_with_cadre=set(),
	)  # fmt: skip
	meta = frappe.get_meta("Sanshu Cadre")
	fields = [f for f in parsed.cadres[0] if f != "row" and meta.has_field(f)]
	book = Workbook()
	sheet = book.active
	sheet.append([meta.get_label(f) for f in fields])
	for cadre in parsed.cadres:
		sheet.append([cadre.get(f) for f in fields])
	theirs = save(book, "bench_data_import.xlsx")
	frappe.db.commit()

	with QueryCounter() as queries:
		started = time.perf_counter()
		done = import_master_data(ours.file_url)
		frappe.db.commit()
		app_time = time.perf_counter() - started

	from frappe.core.doctype.data_import.data_import import start_import

	data_import = frappe.get_doc(
		{"doctype": "Data Import", "reference_doctype": "Sanshu Cadre", "import_type": "Insert New Records", "import_file": theirs.file_url}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	started = time.perf_counter()
	start_import(data_import.name)
	frappe.db.commit()
	frappe_time = time.perf_counter() - started
	imported = frappe.db.count("Sanshu Cadre", {"full_name": ("like", "导入乙%")})
	status = frappe.db.get_value("Data Import", data_import.name, "status")
	say(
		f"import_cadres: the app's master import of {done['cadres']} cadres {app_time:.1f} s ({queries.count / 3000:.1f} queries/cadre); "
		f"Frappe's Data Import of the same sheet {frappe_time:.1f} s ({imported} imported, {status})"
	)
	result("import_cadres", app_time / frappe_time, ok=done["cadres"] == 3000 and imported == 3000)
	for prefix in ("导入甲", "导入乙"):
		remove("Sanshu Cadre", {"full_name": ("like", f"{prefix}%")})
	frappe.db.delete("Data Import", {"name": data_import.name})
	for file in (ours, theirs):
		frappe.delete_doc("File", file.name, ignore_permissions=True, force=True)
	frappe.db.commit()


BENCHMARKS = {
	"bulk_commitments": bulk_commitments,
	"bulk_letters": bulk_letters,
	"overview": overview,
	"archive": archive,
	"scope": scope,
	"pdf_batch": pdf_batch,
	"meeting_votes": meeting_votes,
	"import_cadres": import_cadres,
}


def machine():
	cores = os.cpu_count()
	try:
		memory = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")) / 1024 / 1024
	except (OSError, StopIteration):
		memory = 0
	load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
	return f"machine: {cores} cores, {memory:.1f} GiB memory, load average {load:.1f}; MariaDB {frappe.db.sql('select version()')[0][0]}"


def main(site, wanted):
	frappe.init(site=site)
	frappe.connect()
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	try:
		say(machine())
		if not county_built():
			build_county()
		say(f"county: {frappe.db.count('Sanshu Unit', {'name': ('like', '基准%')})} units, {len(campaign_cadres(campaign()))} cadres in campaign {campaign()}")
		for name, fn in BENCHMARKS.items():
			if wanted and name not in wanted:
				continue
			started = time.perf_counter()
			try:
				fn()
			except Exception:
				import traceback

				print(traceback.format_exc()[-3000:], flush=True)
				frappe.db.rollback()
				say(f"RESULT {name} ratio=nan goal={GOALS.get(name, 0)} miss  # failed")
			frappe.set_user("Administrator")
			say(f"  ({name} took {time.perf_counter() - started:.0f} s)")
	finally:
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1], set(sys.argv[2:]))
