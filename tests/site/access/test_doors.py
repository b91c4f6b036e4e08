"""The door suite: every generic door of the platform, as every role, over real HTTP.

The doctypes come from the app's modules (``DocType.module``), parents and child tables alike, so
a new doctype is walked the day it lands. Every record the suite makes carries secret tokens in its
text fields and rows; a role's answer from any door must never contain a token of a record outside
its scope, lists and counts must equal the in-scope set exactly (computed here from the stored
values with the pure scope rule, not with the code under test), and no write outside the scope —
or of a protected field — may change anything.

One county, made once and committed; one web server; each role logs in once.
"""

import json
import re
from collections import defaultdict
from urllib.parse import quote

import frappe
import pytest
from frappe.utils import random_string

from sanshu_app.permissions.scopes import RECORD_SCOPES, REFERENCE_DOCTYPES, RecordScope
from sanshu_app.rules.scope import Scope
from tests.site.factories import make_cadre, make_campaign, make_unit, make_user
from tests.site.http_site import Client, set_password
from sanshu_app.permissions import forget_scopes, scope_cache

PASSWORD = "Door-Suite-2026!"
PREFIX = "DOOR" + random_string(4).upper()
TEXT_TYPES = ("Data", "Small Text", "Text", "Long Text", "Text Editor", "Markdown Editor", "HTML Editor", "Code")
OFFICE = "manager"


def app_doctypes() -> dict[str, dict]:
	"""Every doctype of the app's modules, from the site itself."""
	modules = frappe.get_hooks("app_modules") or []
	module_names = frappe.get_all("Module Def", filters={"app_name": "sanshu_app"}, pluck="name")
	rows = frappe.get_all("DocType", filters={"module": ("in", module_names or modules)}, fields=["name", "istable", "issingle"])
	return {r.name: r for r in rows}


def office_only_doctypes() -> list[str]:
	"""The app's doctypes that are the office's alone: no scope rule, not reference data, no table."""
	return sorted(
		d for d, row in app_doctypes().items() if not row.istable and not row.issingle and d not in RECORD_SCOPES and d not in REFERENCE_DOCTYPES
	)


def _token() -> str:
	return "TK" + random_string(12).upper()


class DoorCounty:
	"""Two towns (one with a station below it), a Party Secretary and a Supervision Officer of town A,
	cadres in each unit, an inspector, an evaluator and the office; one record of every scoped
	doctype about each cadre, with tokens everywhere."""

	def __init__(self):
		frappe.set_user("Administrator")
		self.county = make_unit("门县", is_group=1)
		self.town_a = make_unit("门甲镇", parent=self.county, is_group=1)
		self.station_a = make_unit("门甲所", parent=self.town_a)
		self.town_b = make_unit("门乙镇", parent=self.county)
		self.cadres = {
			"cadre": make_cadre(self.town_a, "门干部"),
			"colleague": make_cadre(self.town_a, "门同事"),
			"station": make_cadre(self.station_a, "门所长"),
			"outsider": make_cadre(self.town_b, "门外人"),
			"secretary": make_cadre(self.town_a, "门书记", roles=("Party Secretary", "Responsible Cadre")),
			"officer": make_cadre(self.town_a, "门纪检", roles=("Supervision Officer", "Responsible Cadre")),
			# 纪委委员 (001 §6): reads the written questions they put, nothing else of the app's records
			"member": make_cadre(self.town_b, "门委员", roles=("Discipline Committee Member",)),
		}
		frappe.db.set_value("Sanshu Unit", self.town_a, {"principal": self.cadres["secretary"].name, "discipline_officer": self.cadres["officer"].name})
		forget_scopes()  # set_value skips the document events
		self.users = {key: cadre.user for key, cadre in self.cadres.items()}
		self.users["inspector"] = make_user("门考核", ("Assessment Inspector",))
		self.users["evaluator"] = make_user("门评议", ("Evaluator",))
		self.users[OFFICE] = make_user("门党廉办", ("Sanshu Manager",))
		for user in self.users.values():
			set_password(user, PASSWORD)
		a_units = frozenset({self.town_a, self.station_a})
		cadre_id = {key: c.name for key, c in self.cadres.items()}
		self.scopes = {
			"cadre": Scope(cadres=frozenset({cadre_id["cadre"]})),
			"secretary": Scope(cadres=frozenset({cadre_id["secretary"]}), units=a_units),
			"officer": Scope(cadres=frozenset({cadre_id["officer"]}), units=a_units),
			"inspector": Scope(),
			"evaluator": Scope(),
			"member": Scope(cadres=frozenset({cadre_id["member"]})),
			OFFICE: Scope(unrestricted=True),
		}
		self.campaign = make_campaign(2026, units=[self.town_a, self.station_a, self.town_b], cadres=[c.name for c in self.cadres.values()]).name
		self.tokens: dict[str, tuple[str, str]] = {}  # token -> (doctype, record name)
		self.name_tokens: dict[str, str] = {}  # cadre -> the token that is their name
		self.records: dict[str, list[str]] = defaultdict(list)
		for key, cadre in self.cadres.items():
			self.tokenise_cadre(cadre)
		for doctype in RECORD_SCOPES:
			if doctype == "Sanshu Cadre":
				continue
			for key in ("cadre", "colleague", "station", "outsider"):
				self.make_record(doctype, self.cadres[key])
			# a town-B record that names town A's cadre in its granting rows: they may read it
			if RECORD_SCOPES[doctype].cadre_tables:
				self.make_record(doctype, self.cadres["outsider"], granted=self.cadres["cadre"].name)
			# a town-B record that names town A in its unit rows: town A's leadership may read it
			if RECORD_SCOPES[doctype].unit_tables:
				self.make_record(doctype, self.cadres["outsider"], granted_unit=self.town_a)
		for doctype in office_only_doctypes():
			self.make_record(doctype, self.cadres["cadre"])
		# a written question the member put to town B's cadre: theirs to read (asker_cadre)
		asked = self.make_record("Sanshu Inquiry", self.cadres["outsider"])
		frappe.db.set_value("Sanshu Inquiry", asked, "asker_cadre", self.cadres["member"].name)
		scope_cache.forget("Sanshu Inquiry")  # set_value skips the document events
		self.attach_private_files()
		frappe.db.commit()

	def tokenise_cadre(self, cadre):
		"""A cadre's name and post are tokens: any list, report or title showing them is checked."""
		name_token, post_token = _token(), _token()
		frappe.db.set_value("Sanshu Cadre", cadre.name, {"full_name": name_token, "post": post_token})
		forget_scopes()  # set_value skips the document events
		self.name_tokens[cadre.name] = name_token
		for token in (name_token, post_token):
			self.tokens[token] = ("Sanshu Cadre", cadre.name)
		self.records["Sanshu Cadre"].append(cadre.name)

	def make_record(self, doctype: str, cadre, granted: str | None = None, granted_unit: str | None = None) -> str:
		meta = frappe.get_meta(doctype)
		rule = RECORD_SCOPES.get(doctype, RecordScope())
		name = f"{PREFIX}-{random_string(8).upper()}"
		values = {"doctype": doctype, "name": name}
		for field in rule.cadre_fields[:1]:
			values[field] = cadre.name
		for field in rule.unit_fields:
			values[field] = cadre.unit
		if meta.has_field("campaign"):
			values["campaign"] = self.campaign
		if meta.has_field("year"):
			values["year"] = 2026
		for df in meta.fields:
			if df.fieldtype in TEXT_TYPES and df.fieldname not in values and not df.options:
				values[df.fieldname] = self.token_for(doctype, name)
		doc = frappe.get_doc(values)
		granting = dict(rule.cadre_tables)
		for df in meta.get_table_fields():
			child_meta = frappe.get_meta(df.options)
			row = {}
			for cdf in child_meta.fields:
				if cdf.fieldtype in TEXT_TYPES and not cdf.options:
					row[cdf.fieldname] = self.token_for(doctype, name)
			if df.fieldname in granting:
				row[granting[df.fieldname]] = granted or cadre.name
			if df.fieldname in dict(rule.unit_tables):
				row[dict(rule.unit_tables)[df.fieldname]] = granted_unit or cadre.unit
			doc.append(df.fieldname, row)
		doc.db_insert()
		for df in meta.get_table_fields():
			for row in doc.get(df.fieldname):
				row.db_insert()
		self.records[doctype].append(name)
		return name

	def token_for(self, doctype, name) -> str:
		token = _token()
		self.tokens[token] = (doctype, name)
		return token

	def attach_private_files(self):
		"""A private attachment on every scoped record: its URL and name are tokens too."""
		self.files = {}
		for doctype, names in self.records.items():
			if doctype == "Sanshu Cadre":
				continue
			for name in names:
				token = self.token_for(doctype, name)
				file = frappe.get_doc(
					{
						"doctype": "File",
						"file_name": f"{token}.txt",
						"attached_to_doctype": doctype,
						"attached_to_name": name,
						"is_private": 1,
						"content": token,
					}
				).insert(ignore_permissions=True)
				self.files[(doctype, name)] = file.file_url
				self.tokens[file.file_url.rsplit("/", 1)[-1].removesuffix(".txt")] = (doctype, name)

	# what each role may see, from the stored values and the pure rule ---------------------------
	def visible(self, role: str, doctype: str) -> set[str]:
		user = self.users[role]
		if not frappe.has_permission(doctype, "read", user=user):
			return set()
		scope = self.scopes[role]
		rule = RECORD_SCOPES.get(doctype)
		if rule is None:  # the office's alone: its DocPerms decide, checked above
			return set(self.records[doctype])
		if scope.unrestricted or set(frappe.get_roles(user)) & set(rule.open_to_roles):
			return set(self.records[doctype])
		seen = set()
		for name in self.records[doctype]:
			doc = frappe.get_doc(doctype, name)
			cadres = [doc.get(f) for f in rule.cadre_fields]
			cadres += [row.get(f) for table, f in rule.cadre_tables for row in doc.get(table)]
			units = [doc.get(f) for f in rule.unit_fields] + [row.get(f) for table, f in rule.unit_tables for row in doc.get(table)]
			if scope.allows(cadres, units):
				seen.add(name)
		return seen

	def hidden_tokens(self, role: str, own_records_ok: bool = False) -> set[str]:
		visible = {(dt, n) for dt in self.records for n in self.visible(role, dt)} if role != "guest" else set()
		if own_records_ok:  # a report of one's own archive shows what one wrote oneself
			visible |= self.own_records(role)
		# a record one may read shows the names of the cadres it names (its signers, its leaders)
		named = {self.name_tokens.get(c) for dt, n in visible if dt in RECORD_SCOPES for c in self.cadres_named(dt, n)}
		return {t for t, record in self.tokens.items() if record not in visible and t not in named}

	def cadres_named(self, doctype: str, name: str) -> set[str]:
		rule = RECORD_SCOPES[doctype]
		doc = frappe.get_doc(doctype, name)
		return {doc.get(f) if f != "name" else name for f in rule.cadre_fields} | {row.get(f) for table, f in rule.cadre_tables for row in doc.get(table)}

	def own_records(self, role: str) -> set[tuple[str, str]]:
		cadre = self.cadres[role].name if role in self.cadres else None
		return {
			(dt, n)
			for dt, names in self.records.items()
			for n in names
			if cadre and dt in RECORD_SCOPES and cadre in [frappe.db.get_value(dt, n, f) if f != "name" else n for f in RECORD_SCOPES[dt].cadre_fields]
		}


ROLES = ("cadre", "secretary", "officer", "inspector", "evaluator", "member", OFFICE)


@pytest.fixture(scope="module")
def county():
	c = DoorCounty()
	yield c


@pytest.fixture(scope="module")
def clients(county):
	sessions = {role: Client(county.users[role], PASSWORD) for role in ROLES}
	sessions["guest"] = Client(None)
	return sessions


class Leaks:
	"""Collects every failure of a walk, so one run reports all of them."""

	def __init__(self, county, role, own_records_ok=False):
		self.county, self.role = county, role
		self.hidden = county.hidden_tokens(role, own_records_ok)
		self.problems = []

	def check_body(self, door: str, response):
		text = response.text
		found = sorted(t for t in self.hidden if t in text)
		if found:
			self.problems.append(f"{door}: shows {len(found)} hidden token(s) of {sorted({self.county.tokens[t] for t in found})[:3]}")

	def expect(self, door: str, condition: bool, detail: str):
		if not condition:
			self.problems.append(f"{door}: {detail}")

	def assert_none(self):
		assert not self.problems, f"{self.role}: " + "\n".join(self.problems)


def _names(response) -> set[str]:
	if not response.ok:
		return set()
	body = response.json()
	data = body.get("data", body.get("message"))
	if isinstance(data, dict) and "values" in data:  # reportview.get: {"keys": [...], "values": [[...]]}
		keys = data["keys"]
		return {dict(zip(keys, row, strict=False)).get("name") for row in data["values"]}
	if isinstance(data, list):
		return {row.get("name") if isinstance(row, dict) else row[0] for row in data}
	return set()


def _count(response) -> int | None:
	if not response.ok:
		return 0
	body = response.json()
	value = body.get("message", body.get("data"))
	return value if isinstance(value, int) else None


def _ours(names) -> set[str]:
	return {n for n in names if n and str(n).startswith(PREFIX)}


def _mine_filter() -> list:
	return [["name", "like", f"{PREFIX}%"]]


@pytest.mark.parametrize("role", ROLES + ("guest",))
def test_lists_and_counts_show_exactly_the_scope(county, clients, role):
	client = clients[role]
	leaks = Leaks(county, role)
	for doctype in sorted({*RECORD_SCOPES, *office_only_doctypes()}):
		expected = county.visible(role, doctype) if role != "guest" else set()
		if doctype == "Sanshu Cadre":
			filters, ours = [["name", "in", county.records[doctype]]], lambda names: set(names) & set(county.records[doctype])
		else:
			filters, ours = _mine_filter(), _ours
		doors = {
			"REST v1 list": client.get(f"/api/resource/{quote(doctype)}", fields='["name"]', filters=json.dumps(filters), limit_page_length=0),
			"REST v2 list": client.get(f"/api/v2/document/{quote(doctype)}", fields='["name"]', filters=json.dumps(filters), limit=0),
			"frappe.client.get_list": client.call("frappe.client.get_list", "GET", doctype=doctype, fields=["name"], filters=filters, limit_page_length=0),
			"reportview.get": client.call("frappe.desk.reportview.get", "POST", doctype=doctype, fields=[f"`tab{doctype}`.`name`"], filters=filters, page_length=0),
		}
		for door, response in doors.items():
			leaks.check_body(f"{door} {doctype}", response)
			got = ours(_names(response))
			leaks.expect(f"{door} {doctype}", got == expected, f"listed {sorted(got - expected)[:3]} beyond scope, missed {sorted(expected - got)[:3]}")
		counts = {
			"frappe.client.get_count": client.call("frappe.client.get_count", "GET", doctype=doctype, filters=filters),
			"reportview.get_count": client.call("frappe.desk.reportview.get_count", "POST", doctype=doctype, filters=filters),
			"REST v2 count": client.get(f"/api/v2/doctype/{quote(doctype)}/count", filters=json.dumps(filters)),
		}
		for door, response in counts.items():
			leaks.expect(f"{door} {doctype}", _count(response) == len(expected), f"counted {_count(response)}, scope holds {len(expected)}")
		# the letter-by-letter oracle: counting with a `like` on a hidden record's text
		hidden = [t for t, (dt, _n) in county.tokens.items() if dt == doctype and t in leaks.hidden]
		if hidden:
			token = hidden[0]
			field = _field_holding(doctype, county.tokens[token][1], token)
			if field:
				oracle = client.call("frappe.client.get_count", "GET", doctype=doctype, filters=[[field, "like", f"{token[:6]}%"]])
				leaks.expect(f"get_count oracle {doctype}", not _count(oracle), "answers a like-filter on a hidden record")
		searches = {
			"search_link": client.call("frappe.desk.search.search_link", "GET", doctype=doctype, txt="", page_length=500, ignore_user_permissions=1),
			"search_widget": client.call(
				"frappe.desk.search.search_widget", "GET", doctype=doctype, txt="", page_length=500, ignore_user_permissions=1, as_dict=1
			),
			"group_by_count owner": client.call("frappe.desk.listview.get_group_by_count", "GET", doctype=doctype, current_filters=filters, field="owner"),
			"group_by_count assigned_to": client.call(
				"frappe.desk.listview.get_group_by_count", "GET", doctype=doctype, current_filters=filters, field="assigned_to"
			),
			"sidebar stats": client.call("frappe.desk.reportview.get_sidebar_stats", "GET", stats=["owner"], doctype=doctype, filters=filters),
			"export": client.call(
				"frappe.desk.reportview.export_query", "POST", doctype=doctype, file_format_type="CSV", fields=[f"`tab{doctype}`.`name`"], filters=filters
			),
		}
		for door, response in searches.items():
			leaks.check_body(f"{door} {doctype}", response)
			if door.startswith("search"):
				got = _ours(_search_names(response)) if doctype != "Sanshu Cadre" else _search_names(response) & set(county.records[doctype])
				leaks.expect(f"{door} {doctype}", got <= expected, f"found {sorted(got - expected)[:3]} beyond scope")
			if door.startswith("group_by_count") and response.ok:
				total = sum(row.get("count", 0) for row in response.json().get("message") or [])
				leaks.expect(f"{door} {doctype}", total <= len(expected), f"counted {total}, scope holds {len(expected)}")
	leaks.assert_none()


def _search_names(response) -> set[str]:
	if not response.ok:
		return set()
	rows = response.json().get("message") or response.json().get("results") or []
	return {(r.get("value") or r.get("name")) if isinstance(r, dict) else r[0] for r in rows}


def _field_holding(doctype, name, token) -> str | None:
	doc = frappe.get_doc(doctype, name)
	for df in doc.meta.fields:
		if doc.get(df.fieldname) == token:
			return df.fieldname
	return None


@pytest.mark.parametrize("role", ROLES + ("guest",))
def test_child_rows_only_through_a_readable_parent(county, clients, role):
	client = clients[role]
	leaks = Leaks(county, role)
	for doctype in sorted(RECORD_SCOPES):
		meta = frappe.get_meta(doctype)
		expected = county.visible(role, doctype) if role != "guest" else set()
		for table in meta.get_table_fields():
			child = table.options
			filters = [["parent", "like", f"{PREFIX}%"]] if doctype != "Sanshu Cadre" else []
			doors = {
				"REST v1 child list": client.get(f"/api/resource/{quote(child)}", parent=doctype, fields='["parent","name"]', filters=json.dumps(filters), limit_page_length=0),
				"REST v2 child list": client.get(f"/api/v2/document/{quote(child)}", parent=doctype, fields='["parent","name"]', filters=json.dumps(filters), limit=0),
				"frappe.client.get_list child": client.call(
					"frappe.client.get_list", "GET", doctype=child, parent=doctype, fields=["parent", "name"], filters=filters, limit_page_length=0
				),
				"reportview.get child": client.call(
					"frappe.desk.reportview.get", "POST", doctype=child, parent_doctype=doctype, fields=[f"`tab{child}`.`parent`"], filters=filters
				),
				"frappe.client.get_value child": client.call(
					"frappe.client.get_value", "GET", doctype=child, parent=doctype, fieldname=["parent"], filters=filters
				),
			}
			for door, response in doors.items():
				leaks.check_body(f"{door} {child}", response)
				parents = _ours(_parents(response))
				readable = expected | {n for dt in county.records for n in (county.visible(role, dt) if role != "guest" else ())}  # a table may serve several doctypes
				leaks.expect(f"{door} {child}", parents <= readable, f"rows of {sorted(parents - readable)[:3]}")
			count = client.call("frappe.desk.reportview.get_count", "POST", doctype=child, parent_doctype=doctype, filters=filters)
			hidden_rows = [n for n in county.records.get(doctype, []) if n not in expected]
			if hidden_rows and doctype != "Sanshu Cadre":
				rows = frappe.get_all(child, filters={"parent": ("in", hidden_rows), "parenttype": doctype}, pluck="name")
				# at most the rows of the readable parents (a child doctype may serve two tables of one parent: a task's lead and cooperating units)
				readable_rows = frappe.db.count(child, {"parent": ("in", list(expected) or [""]), "parenttype": doctype})
				leaks.expect(f"reportview.get_count child {child}", (_count(count) or 0) <= readable_rows, f"counted {_count(count)}")
				for row in rows[:1]:
					for door, response in {
						"REST v1 child get": client.get(f"/api/resource/{quote(child)}/{row}"),
						"REST v2 child get": client.get(f"/api/v2/document/{quote(child)}/{row}"),
						"getdoc child": client.call("frappe.desk.form.load.getdoc", "GET", doctype=child, name=row),
						"frappe.client.get child": client.call("frappe.client.get", "GET", doctype=child, name=row, parent=doctype),
					}.items():
						leaks.check_body(f"{door} {child}", response)
					# whether a row name exists is told by no door
					for door, ask in {
						"validate_link child": lambda n: client.call("frappe.client.validate_link", "GET", doctype=child, docname=n),
						"REST v1 child get": lambda n: client.get(f"/api/resource/{quote(child)}/{quote(n)}"),
						"frappe.client.get child": lambda n: client.call("frappe.client.get", "GET", doctype=child, name=n, parent=doctype),
					}.items():
						hidden_answer, missing_answer = _answer(ask(row), row), _answer(ask(f"{PREFIX}-NOSUCHROW"), f"{PREFIX}-NOSUCHROW")
						leaks.expect(f"{door} {child}", hidden_answer == missing_answer, f"a hidden row answers {hidden_answer} / none {missing_answer}")
	leaks.assert_none()


def _parents(response) -> set[str]:
	if not response.ok:
		return set()
	body = response.json()
	data = body.get("data", body.get("message"))
	if isinstance(data, dict) and "values" in data:
		return {row[0] for row in data["values"]}
	if isinstance(data, dict):
		return {data.get("parent")}
	if isinstance(data, list):
		return {row.get("parent") if isinstance(row, dict) else row[0] for row in data}
	return set()


@pytest.mark.parametrize("role", ROLES + ("guest",))
def test_one_hidden_record_is_out_of_reach_at_every_door(county, clients, role):
	client = clients[role]
	leaks = Leaks(county, role)
	own_cadre = county.cadres.get(role) or county.cadres["cadre"]
	for doctype in sorted({*RECORD_SCOPES, *office_only_doctypes()}):
		expected = county.visible(role, doctype) if role != "guest" else set()
		hidden = [n for n in county.records[doctype] if n not in expected]
		if not hidden:
			continue
		name = hidden[0]
		q = quote(doctype)
		reads = {
			"REST v1 get": client.get(f"/api/resource/{q}/{quote(name)}"),
			"REST v2 get": client.get(f"/api/v2/document/{q}/{quote(name)}"),
			"REST v2 copy": client.get(f"/api/v2/document/{q}/{quote(name)}/copy"),
			"frappe.client.get": client.call("frappe.client.get", "GET", doctype=doctype, name=name),
			"frappe.client.get_value": client.call("frappe.client.get_value", "GET", doctype=doctype, fieldname=["*"], filters={"name": name}),
			"validate_link": client.call("frappe.client.validate_link", "GET", doctype=doctype, docname=name),
			"getdoc": client.call("frappe.desk.form.load.getdoc", "GET", doctype=doctype, name=name),
			"get_docinfo": client.call("frappe.desk.form.load.get_docinfo", "GET", doctype=doctype, name=name),
			"linked_with": client.call("frappe.desk.form.linked_with.get", "GET", doctype=doctype, docname=name),
			"printview": client.get("/printview", doctype=doctype, name=name),
			"download_pdf": client.call("frappe.utils.print_format.download_pdf", "GET", doctype=doctype, name=name),
			"get_next": client.call("frappe.desk.form.utils.get_next", "GET", doctype=doctype, value=name, prev=0),
			"link title": client.call("frappe.desk.search.get_link_title", "GET", doctype=doctype, docname=name),
			"is_document_amended": client.call("frappe.client.is_document_amended", "GET", doctype=doctype, docname=name),
			"get_doc_permissions": client.call("frappe.client.get_doc_permissions", "GET", doctype=doctype, docname=name),
			"realtime has_permission": client.call("frappe.realtime.has_permission", "GET", doctype=doctype, name=name),
			"attachment download": client.get(county.files[(doctype, name)]) if (doctype, name) in county.files else None,
			"File list": client.get("/api/resource/File", fields='["file_url","attached_to_name"]', filters=json.dumps([["attached_to_name", "=", name]])),
			"Version list": client.get("/api/resource/Version", fields='["docname","data"]', filters=json.dumps([["docname", "=", name]])),
			"Comment list": client.get("/api/resource/Comment", fields='["reference_name","content"]', filters=json.dumps([["reference_name", "=", name]])),
			"Tag Link list": client.get("/api/resource/Tag Link", fields='["document_name"]', filters=json.dumps([["document_name", "=", name]])),
			"Document Follow list": client.get("/api/resource/Document Follow", fields='["ref_docname"]', filters=json.dumps([["ref_docname", "=", name]])),
		}
		for door, response in reads.items():
			if response is None:
				continue
			leaks.check_body(f"{door} {doctype}", response)
			body = response.text
			if door in EXISTENCE_DOORS:
				nobody = EXISTENCE_DOORS[door](client, doctype, f"{PREFIX}-NOSUCHRECORD")
				leaks.expect(
					f"{door} {doctype}",
					_answer(response, name) == _answer(nobody, f"{PREFIX}-NOSUCHRECORD"),
					f"answers differently for the hidden record than for no record at all: {_answer(response, name)[0]} {_answer(response, name)[1][-150:]} / {_answer(nobody, f'{PREFIX}-NOSUCHRECORD')[0]} {_answer(nobody, f'{PREFIX}-NOSUCHRECORD')[1][-150:]}",
				)
			elif door.endswith("list"):
				leaks.expect(f"{door} {doctype}", name not in body, "lists what points at the hidden record")
			else:
				leaks.expect(f"{door} {doctype}", not response.ok or name not in body, f"answered {response.status_code}")
		leaks.problems += _writes_are_refused(county, client, role, doctype, name, own_cadre)
	leaks.assert_none()


# Doors that name a record and could tell whether it exists: a hidden record must answer exactly
# like a name that is not there at all.
EXISTENCE_DOORS = {
	"validate_link": lambda c, dt, n: c.call("frappe.client.validate_link", "GET", doctype=dt, docname=n),
	"link title": lambda c, dt, n: c.call("frappe.desk.search.get_link_title", "GET", doctype=dt, docname=n),
	"is_document_amended": lambda c, dt, n: c.call("frappe.client.is_document_amended", "GET", doctype=dt, docname=n),
	"get_doc_permissions": lambda c, dt, n: c.call("frappe.client.get_doc_permissions", "GET", doctype=dt, docname=n),
	"linked_with": lambda c, dt, n: c.call("frappe.desk.form.linked_with.get", "GET", doctype=dt, docname=n),
	"get_next": lambda c, dt, n: c.call("frappe.desk.form.utils.get_next", "GET", doctype=dt, value=n, prev=0),
	"realtime has_permission": lambda c, dt, n: c.call("frappe.realtime.has_permission", "GET", doctype=dt, name=n),
	"REST v1 get": lambda c, dt, n: c.get(f"/api/resource/{quote(dt)}/{quote(n)}"),
	"REST v2 get": lambda c, dt, n: c.get(f"/api/v2/document/{quote(dt)}/{quote(n)}"),
	"frappe.client.get": lambda c, dt, n: c.call("frappe.client.get", "GET", doctype=dt, name=n),
	"getdoc": lambda c, dt, n: c.call("frappe.desk.form.load.getdoc", "GET", doctype=dt, name=n),
	"get_docinfo": lambda c, dt, n: c.call("frappe.desk.form.load.get_docinfo", "GET", doctype=dt, name=n),
	"download_pdf": lambda c, dt, n: c.call("frappe.utils.print_format.download_pdf", "GET", doctype=dt, name=n),
}


def _answer(response, name):
	"""What a response tells, with the record name blanked: status, message, error type and texts."""
	try:
		body = response.json()
	except ValueError:
		return response.status_code, response.text.replace(name, "<name>")
	told = {k: body.get(k) for k in ("message", "data", "exc_type", "_server_messages")}
	text = json.dumps(told, sort_keys=True, default=str).replace(name, "<name>")
	return response.status_code, re.sub(r"__frappe_exc_id[^0-9a-f]+[0-9a-f]+", "", text)  # a random id per error


def _snapshot(doctype, name):
	"""The record's values, rows included; the save timestamps aside (a no-op save moves them)."""
	doc = frappe.get_doc(doctype, name).as_dict(no_default_fields=False)
	for row in [doc, *(r for v in doc.values() if isinstance(v, list) for r in v)]:
		for stamp in ("modified", "modified_by"):
			row.pop(stamp, None)
	return json.dumps(doc, default=str, sort_keys=True)


def _workflow_actions(doctype) -> list[str]:
	workflow = frappe.db.get_value("Workflow", {"document_type": doctype, "is_active": 1})
	return sorted(set(frappe.get_all("Workflow Transition", filters={"parent": workflow}, pluck="action"))) if workflow else []


def _writes_are_refused(county, client, role, doctype, name, own_cadre) -> list[str]:
	rule = RECORD_SCOPES.get(doctype, RecordScope())
	problems = []
	take_over = {f: own_cadre.name for f in rule.cadre_fields if f != "name"} | {f: own_cadre.unit for f in rule.unit_fields}
	if not take_over:
		text = next((df.fieldname for df in frappe.get_meta(doctype).fields if df.fieldtype in TEXT_TYPES and not df.options), "name")
		take_over = {text: "taken"}
	before = _snapshot(doctype, name)
	q = quote(doctype)
	forged = frappe.get_doc(doctype, name).as_dict(convert_dates_to_str=True) | take_over
	attempts = {
		"REST v1 put": client.request("PUT", f"/api/resource/{q}/{quote(name)}", json=take_over),
		"REST v2 patch": client.request("PATCH", f"/api/v2/document/{q}/{quote(name)}", json=take_over),
		"frappe.client.set_value": client.call("frappe.client.set_value", doctype=doctype, name=name, fieldname=take_over),
		"frappe.client.save forged": client.call("frappe.client.save", doc=forged),
		"savedocs forged": client.call("frappe.desk.form.save.savedocs", doc=forged, action="Save"),
		"run_doc_method forged": client.call("run_doc_method", docs=forged, method="add_comment", args={"comment_type": "Comment", "text": "x"}),
		"v2 run_doc_method forged": client.request(
			"POST", "/api/v2/method/run_doc_method", json={"document": forged, "method": "add_comment", "kwargs": {"comment_type": "Comment", "text": "x"}}
		),
		"bulk_update": client.call("frappe.client.bulk_update", docs=[{"doctype": doctype, "docname": name, **take_over}]),
		"toggle_like": client.call("frappe.desk.like.toggle_like", doctype=doctype, name=name, add="Yes"),
		"follow": client.call("frappe.desk.form.document_follow.follow_document", doctype=doctype, doc_name=name, user=county.users.get(role)),
		"attach_file": client.call(
			"frappe.client.attach_file", filename=f"{PREFIX}.txt", filedata="eA==", decode_base64=1, doctype=doctype, docname=name, is_private=0
		),
		**{
			f"apply_workflow {action}": client.call("frappe.model.workflow.apply_workflow", doc=forged, action=action)
			for action in _workflow_actions(doctype)
		},
		"delete": client.request("DELETE", f"/api/resource/{q}/{quote(name)}"),
	}
	frappe.db.rollback()  # see what the server committed
	after = _snapshot(doctype, name) if frappe.db.exists(doctype, name) else None
	if after != before:
		changed = [door for door, r in attempts.items() if r.ok]
		problems.append(f"writes {doctype}: the hidden record changed (doors answering ok: {changed})")
	comments = frappe.get_all("Comment", filters={"reference_doctype": doctype, "reference_name": name, "comment_type": ("in", ["Comment", "Like"])})
	if comments:
		problems.append(f"writes {doctype}: a comment or like landed on the hidden record")
	if frappe.db.exists("File", {"attached_to_doctype": doctype, "attached_to_name": name, "file_name": f"{PREFIX}.txt"}):
		problems.append(f"writes {doctype}: a file was attached to the hidden record")
	if frappe.db.exists("Document Follow", {"ref_doctype": doctype, "ref_docname": name}):
		problems.append(f"writes {doctype}: a user follows the hidden record")
	for door, response in attempts.items():
		text = response.text
		for token, (dt, n) in county.tokens.items():
			if (dt, n) == (doctype, name) and token in text:
				problems.append(f"{door} {doctype}: answered with the hidden record's content")
				break
	return problems


@pytest.mark.parametrize("role", ("cadre", "secretary", "officer"))
def test_own_records_cannot_be_moved_out_or_have_office_fields_set(county, clients, role):
	"""A write needs both the stored and the new values in scope, and leaves protected fields alone."""
	client = clients[role]
	problems = []
	outsider = county.cadres["outsider"]
	for doctype in sorted(set(RECORD_SCOPES) - {"Sanshu Cadre"}):
		rule = RECORD_SCOPES[doctype]
		placed_here = {county.cadres[role].name} | set(county.scopes[role].units)
		mine = sorted(
			n for n in county.visible(role, doctype) if {frappe.db.get_value(doctype, n, f) for f in (*rule.cadre_fields[:1], *rule.unit_fields)} & placed_here
		)
		if not mine or not frappe.has_permission(doctype, "write", user=county.users[role]):
			continue
		name = mine[0]
		before = _snapshot(doctype, name)
		away = {f: outsider.name for f in rule.cadre_fields[:1]} | {f: outsider.unit for f in rule.unit_fields}
		protected = [df.fieldname for df in frappe.get_meta(doctype).fields if df.read_only and df.fieldtype in ("Date", "Datetime", "Data", "Check", "Small Text")]
		office = {field: ("2001-01-01" if frappe.get_meta(doctype).get_field(field).fieldtype in ("Date", "Datetime") else 1 if frappe.get_meta(doctype).get_field(field).fieldtype == "Check" else "forged") for field in protected[:3]}
		for label, payload in (("move out", away), ("office fields", office)):
			if not payload:
				continue
			for door, response in {
				"REST v1 put": client.request("PUT", f"/api/resource/{quote(doctype)}/{quote(name)}", json=payload),
				"REST v2 patch": client.request("PATCH", f"/api/v2/document/{quote(doctype)}/{quote(name)}", json=payload),
			}.items():
				if response.ok:
					problems.append(f"{role} {door} {label} {doctype} {name}: accepted {sorted(payload)}")
				elif response.status_code == 403 and label == "office fields":
					message = response.text
					if "discipline inspection office" not in message and "纪委" not in message and "党廉办" not in message and "permission" not in message.lower() and "权限" not in message:
						problems.append(f"{door} {label} {doctype}: refused without saying why")
		# workflow actions that belong to other roles, out of turn
		roles = set(frappe.get_roles(county.users[role]))
		workflow = frappe.db.get_value("Workflow", {"document_type": doctype, "is_active": 1})
		transitions = frappe.get_all("Workflow Transition", filters={"parent": workflow}, fields=["action", "allowed"]) if workflow else []
		theirs = {t.action for t in transitions if t.allowed in roles}
		for t in transitions:
			if t.action in theirs:
				continue
			response = client.call("frappe.model.workflow.apply_workflow", doc=frappe.get_doc(doctype, name).as_dict(convert_dates_to_str=True), action=t.action)
			if response.ok:
				problems.append(f"{role} apply_workflow {t.action} {doctype}: taken by a role not allowed it ({t.allowed})")
		frappe.db.rollback()
		if _snapshot(doctype, name) != before:
			problems.append(f"{doctype}: the record changed")
	assert not problems, "\n".join(problems)


def test_every_app_doctype_has_a_scope_rule(county):
	"""A doctype lands with its rule: scoped, a child table, reference data, or the office's alone."""
	office_roles = {"Sanshu Manager", "System Manager", "Administrator"}
	unclassified = []
	for doctype, row in app_doctypes().items():
		if row.istable or doctype in RECORD_SCOPES or doctype in REFERENCE_DOCTYPES:
			continue
		perms = frappe.get_all("DocPerm", filters={"parent": doctype, "read": 1}, pluck="role")
		perms += frappe.get_all("Custom DocPerm", filters={"parent": doctype, "read": 1}, pluck="role")
		if set(perms) - office_roles:
			unclassified.append(f"{doctype} (read by {sorted(set(perms) - office_roles)})")
	assert not unclassified, "doctypes readable outside the office with no scope rule: " + ", ".join(unclassified)
	missing = [d for d in RECORD_SCOPES if d not in app_doctypes()]
	assert not missing, f"RECORD_SCOPES names doctypes the app does not have: {missing}"


@pytest.mark.parametrize("role", ROLES)
def test_script_reports_answer_within_scope(county, clients, role):
	"""Every script report of the app, as each role allowed to run it: nothing outside the scope."""
	client = clients[role]
	leaks = Leaks(county, role, own_records_ok=True)
	user_roles = set(frappe.get_roles(county.users[role]))
	reports = frappe.get_all("Report", filters={"module": ("in", frappe.get_all("Module Def", filters={"app_name": "sanshu_app"}, pluck="name"))}, pluck="name")
	for report in reports:
		roles = set(frappe.get_all("Has Role", filters={"parent": report, "parenttype": "Report"}, pluck="role"))
		if not roles & user_roles:
			continue
		for filters in _report_filter_sets(county, report):
			response = client.call("frappe.desk.query_report.run", "POST", report_name=report, filters=filters, ignore_prepared_report=1)
			leaks.check_body(f"report {report} {filters}", response)
			readable = {county.cadres[role].name} if report in OWN_ARCHIVE_REPORTS and role in county.cadres else county.visible(role, "Sanshu Cadre")
			if filters.get("cadre") in (None, *readable):
				leaks.expect(f"report {report} {filters}", response.ok, f"refused {role}, a role it is meant for: {response.status_code} {response.text[:200]}")
	leaks.assert_none()


# Reports of one cadre's integrity archive: outside the office, only the cadre themself reads it
# without an approved 调阅 (sanshu_app.integrity_archive.access).
OWN_ARCHIVE_REPORTS = {"Integrity Archive"}


def _report_filter_sets(county, report):
	"""Filters a user would try: the county's campaign and year, then each cadre (the archive is per cadre)."""
	base = {"campaign": county.campaign, "year": 2026}
	return [base] + [base | {"cadre": cadre.name} for cadre in county.cadres.values()]


def test_every_app_table_row_is_checked_through_its_parent_record():
	"""A child row read on its own is allowed only when its stored parent record is (ChildRow)."""
	from frappe.model.base_document import get_controller

	from sanshu_app.permissions.child_rows import ChildRow

	plain = [d for d, row in app_doctypes().items() if row.istable and not issubclass(get_controller(d), ChildRow)]
	assert not plain, f"table doctypes whose controller is not a ChildRow: {plain}"


# --- the reported examples, with real documents ----------------------------------------------------
def _commitment_awaiting(county, key):
	from frappe.model.workflow import apply_workflow

	frappe.set_user("Administrator")
	doc = frappe.get_doc(
		{
			"doctype": "Integrity Commitment",
			"commitment_type": "Annual Responsibility Commitment",
			"year": 2026,
			"campaign": county.campaign,
			"cadre": county.cadres[key].name,
			"items": [{"item": "严格遵守廉洁自律各项规定"}],
		}
	).insert()
	apply_workflow(doc, "Issue")
	frappe.db.commit()
	return frappe.get_doc("Integrity Commitment", doc.name)


def test_a_forged_document_does_not_sign_another_cadres_commitment(county, clients):
	theirs = _commitment_awaiting(county, "colleague")
	forged = theirs.as_dict(convert_dates_to_str=True) | {"cadre": county.cadres["cadre"].name}
	for response in (
		clients["cadre"].call("run_doc_method", docs=forged, method="sign"),
		clients["cadre"].request("POST", "/api/v2/method/run_doc_method", json={"document": forged, "method": "sign"}),
	):
		assert response.status_code in (403, 404), response.text[:300]
	frappe.db.rollback()
	stored = frappe.get_doc("Integrity Commitment", theirs.name)
	assert (stored.docstatus, stored.signed_at, stored.cadre) == (0, None, county.cadres["colleague"].name)
	# the colleague themself still signs it, through the same door
	mine = Client(county.users["colleague"], PASSWORD).call("run_doc_method", docs=stored.as_dict(convert_dates_to_str=True), method="sign")
	assert mine.ok, mine.text[:300]
	frappe.db.rollback()
	assert frappe.db.get_value("Integrity Commitment", theirs.name, "docstatus") == 1


def test_a_cadre_cannot_stamp_their_own_report_submitted_or_accepted(county):
	frappe.set_user("Administrator")
	newcomer = make_cadre(county.town_a, "门新人")
	set_password(newcomer.user, PASSWORD)
	campaign = frappe.get_doc("Sanshu Campaign", county.campaign)
	campaign.append("cadres", {"cadre": newcomer.name})
	campaign.save()
	frappe.set_user(newcomer.user)
	report = frappe.get_doc({"doctype": "Sanshu Report", "campaign": county.campaign, "cadre": newcomer.name}).insert()
	frappe.set_user("Administrator")
	frappe.db.commit()
	client = Client(newcomer.user, PASSWORD)
	for field in ("submitted_on", "accepted_on"):
		response = client.request("PUT", f"/api/resource/Sanshu Report/{report.name}", json={field: "2026-01-05"})
		assert response.status_code == 403, response.text[:300]
		assert "set by the discipline inspection office" in response.text or "纪委" in response.text
	frappe.db.rollback()
	assert frappe.db.get_value("Sanshu Report", report.name, ["submitted_on", "accepted_on"]) == (None, None)
	# what is theirs to write still saves
	response = client.request("PUT", f"/api/resource/Sanshu Report/{report.name}", json={"sections": [{"name": r.name, "section": r.section, "content": "<p>述责</p>"} for r in report.sections]})
	assert response.ok, response.text[:300]


def test_a_measure_owner_cannot_name_a_cadre_of_another_unit(county, clients):
	frappe.set_user("Administrator")
	rect = frappe.get_doc(
		{
			"doctype": "Rectification",
			"source_type": "Inspection",
			"cadre": county.cadres["secretary"].name,
			"problems": "<p>问题</p>",
			"measures": [{"measure": "整改", "owner_cadre": county.cadres["cadre"].name}],
		}
	).insert()
	frappe.db.commit()
	rows = [{"name": m.name, "measure": m.measure, "owner_cadre": m.owner_cadre} for m in rect.measures]
	outsider = county.cadres["outsider"].name
	response = clients["cadre"].request("PUT", f"/api/resource/Rectification/{rect.name}", json={"measures": [*rows, {"measure": "外单位", "owner_cadre": outsider}]})
	assert response.status_code == 403, response.text[:300]
	# the unit's Party Secretary, whom it is about, may add a measure for their unit's cadre, not for another unit's
	colleague = county.cadres["colleague"].name
	response = clients["secretary"].request("PUT", f"/api/resource/Rectification/{rect.name}", json={"measures": [*rows, {"measure": "外单位", "owner_cadre": outsider}]})
	assert response.status_code == 403, response.text[:300]
	response = clients["secretary"].request("PUT", f"/api/resource/Rectification/{rect.name}", json={"measures": [*rows, {"measure": "同事", "owner_cadre": colleague}]})
	assert response.ok, response.text[:300]
	frappe.db.rollback()
	owners = frappe.get_all("Rectification Measure", filters={"parent": rect.name}, pluck="owner_cadre")
	assert sorted(owners) == sorted([county.cadres["cadre"].name, colleague])


@pytest.mark.parametrize("role", ("cadre", "secretary", "officer", "inspector", OFFICE))
def test_prints_work_for_what_is_in_scope(county, clients, role):
	"""Authorised users reach what is theirs: the print view of a record in scope opens on its own
	format, with nothing from outside the scope."""
	client = clients[role]
	leaks = Leaks(county, role)
	for doctype in sorted(set(RECORD_SCOPES) - {"Sanshu Cadre"}):
		mine = sorted(county.visible(role, doctype))
		if not mine or not frappe.has_permission(doctype, "print", user=county.users[role]):
			continue
		response = client.get("/printview", doctype=doctype, name=mine[0])
		leaks.check_body(f"printview {doctype}", response)
		leaks.expect(f"printview {doctype}", response.ok and mine[0] in response.text, f"answered {response.status_code}")
	leaks.assert_none()


# --- deny by default (issue 18) ------------------------------------------------------------------
UNKNOWN_METHOD = "sanshu_app.no_such_module.no_such_method"
# Modules not imported to find whitelisted methods: tests, patches and command-line entry points.
NOT_IMPORTED = (".tests", ".test_", ".patches", ".commands", "bench_helper", "parallel_test_runner", ".testing")


def whitelisted_methods() -> list[str]:
	"""Every whitelisted function of the platform and the app, by its dotted name: all their modules
	imported, then ``frappe.whitelisted``. Methods of document classes are reached only through
	``run_doc_method`` and are left out."""
	import importlib
	import pkgutil

	if not getattr(whitelisted_methods, "found", None):
		for app in frappe.get_installed_apps():
			package = importlib.import_module(app)
			for info in pkgutil.walk_packages(package.__path__, app + "."):
				if any(part in info.name for part in NOT_IMPORTED):
					continue
				try:
					importlib.import_module(info.name)
				except Exception:  # a module needing what this site lacks exposes nothing here either
					continue
		whitelisted_methods.found = sorted({f"{fn.__module__}.{fn.__name__}" for fn in frappe.whitelisted if "." not in fn.__qualname__})
	return whitelisted_methods.found


@pytest.mark.parametrize("role", ("cadre", "evaluator", "guest"))
def test_every_whitelisted_method_is_on_the_list_or_refused(county, clients, role):
	"""A plain cadre, an Evaluator and a guest get the unknown method's 403 from every whitelisted
	method not on the allow-list, through v1, v2 and the ``cmd`` form field."""
	from sanshu_app.permissions.allow_list import ALLOWED_METHODS

	client = clients[role]
	methods = whitelisted_methods()
	assert len(methods) > 300 and "frappe.desk.doctype.dashboard_chart.dashboard_chart.get" in methods
	unknown = client.call(UNKNOWN_METHOD, "POST")
	assert unknown.status_code == 403
	refused = _answer(unknown, UNKNOWN_METHOD)
	problems = []
	for i, method in enumerate(m for m in methods if m not in ALLOWED_METHODS):
		answers = {"v1": client.call(method, "POST"), "v2": client.request("POST", f"/api/v2/method/{method}")}
		if i % 10 == 0:
			answers["cmd"] = client.request("POST", "/", data={"cmd": method})
		for door, response in answers.items():
			if door == "v2":
				if response.status_code != 403:
					problems.append(f"{door} {method}: {response.status_code}")
			elif _answer(response, method) != refused:
				problems.append(f"{door} {method}: {response.status_code} {response.text[:120]}")
	assert not problems, f"{role}: {len(problems)} methods run outside the allow-list:\n" + "\n".join(problems[:40])


def test_every_allow_list_entry_is_a_real_method_with_its_reason():
	from sanshu_app.permissions.allow_list import ALLOWED_METHODS

	known = set(whitelisted_methods())
	# names the request handler resolves itself (frappe.handler, frappe.api), not whitelisted functions
	handler_names = {"login", "logout", "web_logout", "run_doc_method", "frappe.handler.run_doc_method", "upload_file", "ping"}
	for method, reason in ALLOWED_METHODS.items():
		assert len(reason.strip()) >= 10, f"{method}: say why a page needs it"
		assert method in known or method in handler_names, f"{method} is not a whitelisted method"


def _write_doors(client, child: str, row: dict, field: str, value: str) -> dict:
	"""Every way to write one table row on its own."""
	q, name = quote(child), row["name"]
	as_sent = {**{k: v for k, v in row.items() if isinstance(v, str | int | float) or v is None}, "doctype": child, field: value}
	new_row = {"doctype": child, "parent": row["parent"], "parenttype": row["parenttype"], "parentfield": row["parentfield"], field: value}
	return {
		"REST v1 PUT": client.request("PUT", f"/api/resource/{q}/{quote(name)}", json={field: value}),
		"REST v2 PUT": client.request("PUT", f"/api/v2/document/{q}/{quote(name)}", json={field: value}),
		"REST v2 PATCH": client.request("PATCH", f"/api/v2/document/{q}/{quote(name)}", json={field: value}),
		"REST v1 POST": client.request("POST", f"/api/resource/{q}", json=new_row),
		"REST v2 POST": client.request("POST", f"/api/v2/document/{q}", json=new_row),
		"frappe.client.set_value": client.call("frappe.client.set_value", "POST", doctype=child, name=name, fieldname=field, value=value),
		"frappe.client.save": client.call("frappe.client.save", "POST", doc=as_sent),
		"frappe.client.insert": client.call("frappe.client.insert", "POST", doc=new_row),
		"frappe.client.insert_many": client.call("frappe.client.insert_many", "POST", docs=[new_row]),
		"frappe.client.bulk_update": client.call("frappe.client.bulk_update", "POST", docs=[{"doctype": child, "docname": name, field: value}]),
		"savedocs": client.call("frappe.desk.form.save.savedocs", "POST", doc=as_sent, action="Save"),
		"frappe.client.delete": client.call("frappe.client.delete", "POST", doctype=child, name=name),
		"REST v1 DELETE": client.request("DELETE", f"/api/resource/{q}/{quote(name)}"),
		"REST v2 DELETE": client.request("DELETE", f"/api/v2/document/{q}/{quote(name)}"),
	}


@pytest.mark.parametrize("role", ("cadre", OFFICE))
def test_table_rows_are_written_only_through_their_parent(county, clients, role):
	"""For the cadre on their own records and for the office alike: every door that writes a table
	row on its own is refused, and the row and its siblings stay as they were."""
	client = clients[role]
	problems, tried = [], 0
	for doctype in sorted(RECORD_SCOPES):
		visible = county.visible(role, doctype)
		for table in frappe.get_meta(doctype).get_table_fields():
			child = table.options
			text_fields = [df.fieldname for df in frappe.get_meta(child).fields if df.fieldtype in TEXT_TYPES and not df.options]
			rows = frappe.get_all(child, filters={"parenttype": doctype, "parent": ("in", sorted(visible) or [""])}, fields=["*"], limit=1)
			if not rows or not text_fields:
				continue
			tried += 1
			row, field = rows[0], text_fields[0]
			before = frappe.get_all(child, filters={"parent": row.parent, "parenttype": doctype}, fields=["*"], order_by="idx")
			for door, response in _write_doors(client, child, row, field, "CHANGED-ALONE").items():
				if response.ok:
					problems.append(f"{door} {child}: {response.status_code}")
			frappe.db.rollback()
			after = frappe.get_all(child, filters={"parent": row.parent, "parenttype": doctype}, fields=["*"], order_by="idx")
			if after != before:
				problems.append(f"{child}: rows of {row.parent} changed")
	assert tried >= 5, tried
	assert not problems, f"{role}: " + "\n".join(problems)


def _hidden_from(user: str, doctype: str) -> set[str]:
	"""Fields of ``doctype`` above the user's read level, from its DocPerms (a table's rows from
	its parent's), computed here rather than with the code under test."""
	roles = set(frappe.get_roles(user))
	meta = frappe.get_meta(doctype)
	if meta.istable:
		parents = [(p.parent, p.fieldname) for p in frappe.get_all("DocField", filters={"options": doctype, "fieldtype": "Table"}, fields=["parent", "fieldname"])]
		hidden = set()
		for parent, fieldname in parents:
			levels = {0} | {p.permlevel for p in frappe.get_meta(parent).permissions if p.role in roles and p.read}
			table_level = frappe.get_meta(parent).get_field(fieldname).permlevel or 0
			hidden |= {df.fieldname for df in meta.fields if df.fieldtype not in frappe.model.no_value_fields and (table_level not in levels or (df.permlevel or 0) not in levels)}
		return hidden
	levels = {0} | {p.permlevel for p in meta.permissions if p.role in roles and p.read}
	return {df.fieldname for df in meta.fields if df.fieldtype not in frappe.model.no_value_fields and (df.permlevel or 0) not in levels}


@pytest.mark.parametrize("role", ("cadre", "secretary", "officer", "inspector", "evaluator"))
def test_a_field_above_the_users_level_is_named_in_no_list_door(county, clients, role):
	"""No filter, sort, group or aggregate on a field the user may not read: each would answer
	questions about its values (the evaluated cadre asking who has voted)."""
	client = clients[role]
	problems, tried = [], 0
	for doctype in sorted(app_doctypes()):
		if app_doctypes()[doctype].issingle:
			continue
		hidden = sorted(_hidden_from(county.users[role], doctype))
		if not hidden:
			continue
		field = hidden[0]
		parent = {}
		if app_doctypes()[doctype].istable:
			parent = {"parent": frappe.get_all("DocField", filters={"options": doctype, "fieldtype": "Table"}, pluck="parent")[0]}
		q = quote(doctype)
		tried += 1
		doors = {
			"get_list filter": client.call("frappe.client.get_list", "GET", doctype=doctype, filters=[[field, "is", "set"]], **parent),
			"get_list or_filter": client.call("frappe.client.get_list", "GET", doctype=doctype, or_filters=[[field, "is", "set"]], **parent),
			"get_list order_by": client.call("frappe.client.get_list", "GET", doctype=doctype, order_by=f"{field} desc", **parent),
			"get_list group_by": client.call("frappe.client.get_list", "GET", doctype=doctype, fields=["count(name) as n"], group_by=field, **parent),
			"get_list aggregate": client.call("frappe.client.get_list", "GET", doctype=doctype, fields=[f"sum({field}) as s"], **parent),
			"get_count": client.call("frappe.client.get_count", "GET", doctype=doctype, filters={field: ["is", "set"]}),
			"get_value": client.call("frappe.client.get_value", "GET", doctype=doctype, fieldname="name", filters={field: ["is", "set"]}, **parent),
			"reportview.get": client.call("frappe.desk.reportview.get", "POST", doctype=doctype, fields=[f"`tab{doctype}`.`name`"], filters=[[doctype, field, "is", "set"]]),
			"reportview.get_count": client.call("frappe.desk.reportview.get_count", "POST", doctype=doctype, filters=[[doctype, field, "is", "set"]]),
			"group_by_count": client.call("frappe.desk.listview.get_group_by_count", "POST", doctype=doctype, current_filters="[]", field=field),
			"REST v1 list": client.get(f"/api/resource/{q}", filters=json.dumps([[field, "is", "set"]]), **parent),
			"REST v1 order": client.get(f"/api/resource/{q}", order_by=f"{field} asc", **parent),
			"REST v2 list": client.get(f"/api/v2/document/{q}", filters=json.dumps([[field, "is", "set"]]), **parent),
			"REST v2 count": client.get(f"/api/v2/doctype/{q}/count", filters=json.dumps([[field, "is", "set"]])),
		}
		for door, response in doors.items():
			if response.ok:
				problems.append(f"{door} {doctype}.{field}: {response.status_code}")
	assert tried >= 1
	assert not problems, f"{role}: " + "\n".join(problems)


def _version_hiding(doctype: str, user: str, token: str, shown: str) -> dict | None:
	"""Version data changing a field above the user's level to ``token`` (on the record or on one
	of its rows) and a readable field to ``shown``; None when the user may read every field."""
	meta = frappe.get_meta(doctype)
	data = {"changed": [["modified_by", "", shown]], "added": [], "removed": [], "row_changed": []}
	hidden = sorted(_hidden_from(user, doctype))
	if hidden:
		data["changed"].append([hidden[0], "", token])
		return data
	for table in meta.get_table_fields():
		hidden = sorted(_hidden_from(user, table.options))
		if hidden:
			data["row_changed"].append([table.fieldname, 0, "row", [[hidden[0], "", token]]])
			return data
	return None


def test_the_change_log_shows_a_field_only_to_those_who_may_read_it(county, clients):
	"""A change to a field above the user's level leaves no trace in the form's timeline, and the
	Version records of the app's doctypes are read only through the form. The organisation
	department reads an opinion request but not the office's check on each candidate."""
	user = make_user("门组织部", ("Organisation Department",))
	set_password(user, PASSWORD)
	frappe.db.commit()
	client = Client(user, PASSWORD)
	tried = []
	for doctype in sorted(RECORD_SCOPES):
		readable = frappe.get_list(doctype, pluck="name", user=user, limit=1) if frappe.has_permission(doctype, "read", user=user) else []
		secret, shown = _token(), _token()
		data = _version_hiding(doctype, user, secret, shown)
		if not readable or data is None or not frappe.get_meta(doctype).track_changes:
			continue
		tried.append(doctype)
		name = readable[0]
		frappe.get_doc({"doctype": "Version", "ref_doctype": doctype, "docname": name, "data": json.dumps(data)}).insert(ignore_permissions=True)
		frappe.db.commit()
		form = client.call("frappe.desk.form.load.getdoc", "GET", doctype=doctype, name=name)
		docinfo = client.call("frappe.desk.form.load.get_docinfo", "GET", doctype=doctype, name=name)
		versions = client.get("/api/resource/Version", fields='["data"]', filters=json.dumps([["docname", "=", name]]))
		assert form.ok and docinfo.ok, (form.status_code, docinfo.status_code)
		assert shown in form.text and shown in docinfo.text, f"{doctype}: the readable change is in the timeline"
		assert secret not in form.text and secret not in docinfo.text, f"{doctype}: a field above the level shown in the change log"
		assert secret not in versions.text and shown not in versions.text, f"{doctype}: Version read outside the form"
		office = clients[OFFICE].call("frappe.desk.form.load.getdoc", "GET", doctype=doctype, name=name)
		assert secret in office.text, f"{doctype}: the office sees the whole change log"
	assert "Integrity Opinion Request" in tried, tried


@pytest.mark.parametrize("role", ("cadre", "evaluator", "guest"))
def test_charts_and_workflow_counts_read_nothing(county, clients, role):
	"""The reported class: a client-sent heatmap over any table and column, and a workflow count
	grouped by any column. Refused at the door, with the unknown method's answer."""
	client = clients[role]
	chart = {"chart_type": "Count", "type": "Heatmap", "document_type": "Asset Declaration", "based_on": "creation", "timeseries": 1, "filters_json": "[]", "value_based_on": "sleep(1)"}
	for response in (
		client.call("frappe.desk.doctype.dashboard_chart.dashboard_chart.get", "POST", chart=chart, no_cache=1),
		client.call("frappe.workflow.doctype.workflow.workflow.get_workflow_state_count", "POST", doctype="Asset Declaration", workflow_state_field="cadre", states=[]),
	):
		assert response.status_code == 403, response.text[:200]
		assert not any(t in response.text for t in county.tokens)


@pytest.mark.parametrize("role", ("cadre", "evaluator"))
def test_a_print_format_prints_only_its_own_doctype(county, clients, role):
	"""The quarterly bulletin applied to a campaign, or to a client-sent document, would print the
	office's findings through its own helpers."""
	client = clients[role]
	answers = {
		"printview": client.get("/printview", doctype="Sanshu Campaign", name=county.campaign, format="Supervision Bulletin"),
		"download_pdf": client.call("frappe.utils.print_format.download_pdf", "GET", doctype="Sanshu Campaign", name=county.campaign, format="Supervision Bulletin"),
		"get_html_and_style": client.call(
			"frappe.www.printview.get_html_and_style", "POST", doc={"doctype": "ToDo", "year": 2026, "quarter": 1, "name": "x"}, print_format="Supervision Bulletin"
		),
		"printview with a sent doc": client.get("/printview", doc=json.dumps({"doctype": "Sanshu Campaign", "name": county.campaign})),
	}
	for door, response in answers.items():
		assert response.status_code == 403, f"{door}: {response.status_code}"
		assert not any(t in response.text for t in county.tokens), door


def _probe_arguments(doctype: str, name: str, user: str) -> dict:
	"""The arguments a listed method might read a record from, all naming one hidden record."""
	doc = {"doctype": doctype, "name": name}
	return {
		"doctype": doctype, "name": name, "docname": name, "doc_name": name, "dt": doctype, "dn": name,
		"reference_doctype": doctype, "reference_name": name, "ref_doctype": doctype, "txt": "", "value": name,
		"doc": json.dumps(doc), "docs": json.dumps(doc), "filters": json.dumps({"name": name}), "fields": '["*"]',
		"fieldname": '["*"]', "method": "get_title", "action": "Approve", "user": user, "prev": 0, "format": "Standard",
		"report_name": "Sanshu Campaign Overview", "content": "x", "comment_email": user, "comment_by": user,
	}  # fmt: skip


@pytest.mark.parametrize("role", ("cadre", "secretary", "evaluator", "guest"))
def test_every_listed_method_keeps_every_hidden_record(county, clients, role):
	"""Every method on the allow-list, called as the role with arguments that name a record it may
	not read, for every app doctype: nothing of the record comes back and nothing of it changes."""
	from concurrent.futures import ThreadPoolExecutor

	from sanshu_app.permissions.allow_list import ALLOWED_METHODS

	client = clients[role]
	leaks = Leaks(county, role)
	targets = {}
	for doctype in sorted({*RECORD_SCOPES, *office_only_doctypes()}):
		expected = county.visible(role, doctype) if role != "guest" else set()
		hidden = [n for n in county.records[doctype] if n not in expected]
		if hidden:
			targets[doctype] = hidden[0]
	assert len(targets) >= 10
	skip = {"login", "logout", "web_logout", "frappe.core.doctype.user.user.reset_password", "frappe.core.doctype.user.user.update_password"}
	before = {dt: _snapshot(dt, n) for dt, n in targets.items()}
	calls = [(m, dt, n) for m in sorted(set(ALLOWED_METHODS) - skip) for dt, n in targets.items()]
	user = county.users.get(role) or "Guest"

	def call(job):
		method, doctype, name = job
		return job, client.call(method, "POST", **_probe_arguments(doctype, name, user))

	with ThreadPoolExecutor(max_workers=4) as pool:
		for (method, doctype, name), response in pool.map(call, calls):
			leaks.check_body(f"{method} {doctype}", response)
	frappe.db.rollback()  # see what the server committed
	for doctype, name in targets.items():
		leaks.expect(f"listed methods {doctype}", _snapshot(doctype, name) == before[doctype], "the hidden record changed")
	leaks.assert_none()
