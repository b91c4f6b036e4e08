"""City scale (issue 24), run inside the bench's Python by ``benchmarks/run.py``.

    cd BENCH/sites && ../env/bin/python /path/to/sanshu_app/benchmarks/city_bench.py COUNTY_SITE CITY_SITE [NAMES...]

``city_growth`` measures the same four paths on the county site (300 units, 3,000 cadres: the
county benchmarks' site) and on a city site (ten counties: 3,000 units, 30,000 cadres, three years
of campaigns with letters, commitments and evaluations, built once and reused), and reports how the
per-row or per-call cost grows from the one to the other (goal ≤ 1.2) and whether the number of
queries grows (it must not).

The city's records are written with ``frappe.db.bulk_insert`` (the platform's own bulk path): what
is measured is reading them, and an ORM insert of 300,000 documents would take the best part of an
hour on a small machine without changing what a read costs.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import frappe  # noqa: E402

import county_bench as county  # noqa: E402
from county_bench import QueryCounter, best_of, best_of_each, in_request, ms, say  # noqa: E402

CITY = "基准市"
COUNTIES = 10
TOWNS = 30
STATIONS = 9
CADRES_PER_UNIT = 10  # 10 × 300 units × 10 = 30,000 cadres
YEARS = (2024, 2025, 2026)
CITY_SECRETARY = "city-secretary@bench.sanshu.local"
GOALS = {"city_growth": 1.2}


def city_campaign_title(year):
	return f"基准市{year}年度三述工作"


def city_built():
	return bool(frappe.db.get_value("Sanshu Campaign", {"campaign_title": city_campaign_title(YEARS[-1])}, "name"))


def _stamp():
	now = frappe.utils.now()
	return {"creation": now, "modified": now, "owner": "Administrator", "modified_by": "Administrator"}


def _bulk(doctype, rows):
	"""``rows``: dicts with the same keys; written in one pass by the platform's bulk insert."""
	if not rows:
		return
	stamp = _stamp()
	fields = list(rows[0]) + [k for k in stamp if k not in rows[0]]
	values = [[row.get(f, stamp.get(f)) for f in fields] for row in rows]
	frappe.db.bulk_insert(doctype, fields, values, chunk_size=5000)


def build_city():
	"""Ten counties of the county's shape, three years of campaigns and their documents."""
	from sanshu_app.permissions import forget_scopes

	started = time.perf_counter()
	say("building the city (once): 3,000 units, 30,000 cadres, three years of records …")
	frappe.flags.mute_emails = True
	if frappe.db.exists("Sanshu Unit", CITY):
		# an earlier build stopped: start again
		for doctype, pattern in (("Responsibility Letter", "RL-C%"), ("Integrity Commitment", "IC-C%"), ("Sanshu Evaluation", "SSE-C%"),
								 ("Sanshu Campaign Unit", "CU-%"), ("Sanshu Campaign Cadre", "CC-%"), ("Sanshu Cadre", "CITY-%")):  # fmt: skip
			frappe.db.delete(doctype, {"name": ("like", pattern)})
		frappe.db.delete("Sanshu Campaign", {"name": ("like", f"{CITY}%")})
		frappe.db.delete("Sanshu Unit", {"name": ("like", f"{CITY}%")})
		frappe.db.commit()
		from frappe.utils.nestedset import rebuild_tree

		rebuild_tree("Sanshu Unit")
		forget_scopes()
	root = county.insert({"doctype": "Sanshu Unit", "unit_name": CITY, "is_group": 1}).name
	units = []
	for c in range(COUNTIES):
		seat = county.insert({"doctype": "Sanshu Unit", "unit_name": f"{CITY}{c}县", "parent_sanshu_unit": root, "is_group": 1}).name
		for t in range(TOWNS):
			town = county.insert(
				{"doctype": "Sanshu Unit", "unit_name": f"{CITY}{c}县镇{t:02d}", "parent_sanshu_unit": seat, "unit_type": "Township", "is_group": 1}
			).name
			units.append(town)
			for s in range(STATIONS):
				units.append(
					county.insert(
						{"doctype": "Sanshu Unit", "unit_name": f"{CITY}{c}县镇{t:02d}站所{s}", "parent_sanshu_unit": town, "unit_type": "Grassroots Station"}
					).name
				)
		frappe.db.commit()
	say(f"  {len(units)} units: {time.perf_counter() - started:.0f} s")

	cadres, by_unit = [], {}
	for u, unit in enumerate(units):
		for i in range(CADRES_PER_UNIT):
			name = f"CITY-{u:04d}{i}"
			cadres.append({"name": name, "full_name": f"市干部{u:04d}{i}", "unit": unit, "post": "党委书记" if i == 0 else "科员", "is_principal": int(i == 0), "status": "Active", "docstatus": 0})
			by_unit.setdefault(unit, []).append(name)
	_bulk("Sanshu Cadre", cadres)
	for unit, names in by_unit.items():
		frappe.db.set_value("Sanshu Unit", unit, {"principal": names[0], "discipline_officer": names[1]}, update_modified=False)
	forget_scopes()  # written around the ORM, as DEVELOPERS.md asks
	frappe.db.commit()
	say(f"  {len(cadres)} cadres: {time.perf_counter() - started:.0f} s")

	secretary = CITY_SECRETARY if frappe.db.exists("User", CITY_SECRETARY) else county.insert(
		{"doctype": "User", "email": CITY_SECRETARY, "first_name": "市基准书记", "send_welcome_email": 0, "user_type": "System User",
		 "roles": [{"role": "Party Secretary"}, {"role": "Responsible Cadre"}]}
	).name  # fmt: skip
	frappe.db.set_value("Sanshu Cadre", by_unit[units[0]][0], "user", secretary, update_modified=False)
	forget_scopes()

	letter_type = county.cadre_letter_type()
	for year in YEARS:
		camp = county.insert({"doctype": "Sanshu Campaign", "campaign_title": city_campaign_title(year), "year": year}).name
		_bulk("Sanshu Campaign Unit", [{"name": f"CU-{year}-{i}", "parent": camp, "parenttype": "Sanshu Campaign", "parentfield": "units", "idx": i + 1, "unit": u} for i, u in enumerate(units)])
		_bulk(
			"Sanshu Campaign Cadre",
			[{"name": f"CC-{year}-{i}", "parent": camp, "parenttype": "Sanshu Campaign", "parentfield": "cadres", "idx": i + 1, "cadre": c["name"]} for i, c in enumerate(cadres)],
		)
		_bulk(
			"Responsibility Letter",
			[
				{"name": f"RL-C{year}-{i:05d}", "letter_type": letter_type, "title": f"{year}年度党风廉政建设责任书", "year": year, "campaign": camp,
				 "cadre": c["name"], "cadre_name": c["full_name"], "unit": c["unit"], "docstatus": 1, "workflow_state": "Signed"}
				for i, c in enumerate(cadres)
			],
		)  # fmt: skip
		_bulk(
			"Integrity Commitment",
			[
				{"name": f"IC-C{year}-{i:05d}", "commitment_type": "Annual Responsibility Commitment", "title": f"{year}年度廉洁承诺书", "year": year,
				 "campaign": camp, "cadre": c["name"], "cadre_name": c["full_name"], "unit": c["unit"], "docstatus": 1, "workflow_state": "Signed"}
				for i, c in enumerate(cadres)
			],
		)  # fmt: skip
		principals = [c for c in cadres if c["is_principal"]]
		_bulk(
			"Sanshu Evaluation",
			[
				{"name": f"SSE-C{year}-{i:05d}", "campaign": camp, "cadre": c["name"], "cadre_name": c["full_name"], "unit": c["unit"],
				 "evaluation_date": f"{year}-02-20", "status": "Closed", "docstatus": 1}
				for i, c in enumerate(principals)
			],
		)  # fmt: skip
		frappe.db.commit()
		say(f"  campaign {year}: {time.perf_counter() - started:.0f} s")
	# One county's own 2026 campaign inside the city: the overview's 3,000-row case on the same site.
	first_county = [c for c in cadres if c["unit"].startswith(f"{CITY}0县")]
	county.make_campaign(f"{CITY}0县2026年度三述工作", sorted({c["unit"] for c in first_county}), [c["name"] for c in first_county])
	frappe.db.commit()
	say(f"  city built in {time.perf_counter() - started:.0f} s")


# --- what is measured, on either site ----------------------------------------------------------------
def probe(campaign, secretary, archive_cadre):
	"""Per-row and per-call costs and query counts of overview, archive, scope_list and scope_check."""
	return {**probe_scope(secretary), **probe_reports(campaign, archive_cadre)}


def probe_reports(campaign, archive_cadre):
	from sanshu_app.integrity_archive.archive import archive_rows
	from sanshu_app.reporting_and_evaluation.report.sanshu_campaign_overview.sanshu_campaign_overview import execute

	out = {}
	execute({"campaign": campaign})  # warm
	with QueryCounter() as queries:
		_columns, rows = execute({"campaign": campaign})
	seconds = best_of(lambda: execute({"campaign": campaign}), repeat=3)
	out["overview"] = {"per_row": seconds / max(len(rows), 1), "rows": len(rows), "queries": queries.count, "seconds": seconds}

	archive_rows(archive_cadre)
	with QueryCounter() as queries:
		rows = archive_rows(archive_cadre)
	seconds = best_of(lambda: archive_rows(archive_cadre), repeat=5)
	out["archive"] = {"per_row": seconds / max(len(rows), 1), "rows": len(rows), "queries": queries.count, "seconds": seconds}
	return out


def probe_scope(secretary):
	out = {}

	def letter_list():
		return frappe.get_list("Responsibility Letter", fields=["name", "title", "workflow_state", "cadre", "unit", "modified"], order_by="modified desc", limit_page_length=20)

	def as_secretary(fn):
		def run():
			frappe.set_user(secretary)
			return in_request(fn)()

		return run

	seen = as_secretary(letter_list)()
	own = seen[0].name

	def check():
		return frappe.get_doc("Responsibility Letter", own).has_permission("read")

	times = best_of_each({"list": as_secretary(letter_list), "check": as_secretary(check)}, repeat=15, number=10)
	with QueryCounter() as list_queries:
		as_secretary(letter_list)()
	with QueryCounter() as check_queries:
		as_secretary(check)()
	frappe.set_user("Administrator")
	out["scope_list"] = {"per_call": times["list"], "rows": len(seen), "queries": list_queries.count}
	out["scope_check"] = {"per_call": times["check"], "queries": check_queries.count}
	return out


def county_probe():
	"""The county measured with the city's shape: evaluations of the principals in the campaign, and
	an archive cadre with a letter, a commitment and an evaluation in each of three years (added
	for the measurement and rolled back)."""
	if not county.county_built():
		county.build_county()
	county.ensure_letters()
	camp = county.campaign()
	cadres = county.campaign_cadres(camp)
	# The scope first: records added below and not yet committed keep the permission layer from
	# keeping what it computes (as any request does while another transaction writes).
	scope = probe_scope(county.SECRETARY)
	skip = dict(ignore_validate=True, ignore_links=True, ignore_mandatory=True)
	principals = frappe.get_all("Sanshu Cadre", filters={"name": ("in", cadres), "is_principal": 1}, fields=["name", "unit"])
	for p in principals:
		county.insert({"doctype": "Sanshu Evaluation", "campaign": camp, "cadre": p.name, "unit": p.unit, "evaluation_date": "2026-02-20", "status": "Closed"}, **skip)
	archive_cadre = principals[0]
	for year in YEARS:
		county.insert({"doctype": "Responsibility Letter", "cadre": archive_cadre.name, "unit": archive_cadre.unit, "year": year, "letter_type": county.cadre_letter_type()}, **skip)
		county.insert({"doctype": "Integrity Commitment", "cadre": archive_cadre.name, "unit": archive_cadre.unit, "year": year, "commitment_type": "Annual Responsibility Commitment"}, **skip)
		if year != 2026:
			county.insert({"doctype": "Sanshu Evaluation", "campaign": camp, "cadre": archive_cadre.name, "unit": archive_cadre.unit, "evaluation_date": f"{year}-02-20", "status": "Closed"}, **skip)
	try:
		return {**scope, **probe_reports(camp, archive_cadre.name)}
	finally:
		frappe.db.rollback()


def city_probe():
	camp = frappe.db.get_value("Sanshu Campaign", {"campaign_title": city_campaign_title(YEARS[-1])}, "name")
	cadre = frappe.db.get_value("Sanshu Cadre", {"user": CITY_SECRETARY}, "name")
	return probe(camp, CITY_SECRETARY, cadre)


def on_site(site, fn):
	frappe.init(site=site)
	frappe.connect()
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	try:
		return fn()
	finally:
		frappe.destroy()


def city_growth(county_site, city_site):
	def ensure_and_probe():
		if not city_built():
			build_city()
		say(f"city: {frappe.db.count('Sanshu Unit')} units, {frappe.db.count('Sanshu Cadre')} cadres, "
			f"{frappe.db.count('Responsibility Letter')} letters, {frappe.db.count('Integrity Commitment')} commitments, "
			f"{frappe.db.count('Sanshu Evaluation')} evaluations")  # fmt: skip
		return city_probe()

	# In turns, twice, the best of each kept: load on a shared machine then falls on both alike.
	small, large = {}, {}
	for turn in range(2):
		for best, measured in ((small, on_site(county_site, county_probe)), (large, on_site(city_site, ensure_and_probe))):
			for path, values in measured.items():
				unit = "per_row" if "per_row" in values else "per_call"
				if path not in best or values[unit] < best[path][unit]:
					best[path] = values
	say("city_growth: " + json.dumps({"county": small, "city": large}, ensure_ascii=False, default=str))
	worst = 0.0
	for path, unit in (("overview", "per_row"), ("archive", "per_row"), ("scope_list", "per_call"), ("scope_check", "per_call")):
		ratio = large[path][unit] / small[path][unit]
		worst = max(worst, ratio)
		grew = large[path]["queries"] > small[path]["queries"]
		say(
			f"  {path}: {unit.replace('_', ' ')} {ms(small[path][unit])} at 3k → {ms(large[path][unit])} at 30k ({ratio:.2f}x); "
			f"queries {small[path]['queries']} → {large[path]['queries']}"
		)
		verdict = "pass" if ratio <= GOALS["city_growth"] and not grew else "miss"
		print(f"RESULT city_growth_{path} ratio={ratio:.2f} goal={GOALS['city_growth']:g} {verdict}  # queries {small[path]['queries']} → {large[path]['queries']}", flush=True)
	return worst


def main(county_site, city_site, wanted):
	on_site(county_site, lambda: say(county.machine()))
	if not wanted or "city_growth" in wanted:
		started = time.perf_counter()
		try:
			city_growth(county_site, city_site)
		except Exception:
			import traceback

			print(traceback.format_exc()[-3000:], flush=True)
			say("RESULT city_growth ratio=nan goal=1.2 miss  # failed")
		say(f"  (city_growth took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
	main(sys.argv[1], sys.argv[2], set(sys.argv[3:]))
