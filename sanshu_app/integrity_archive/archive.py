"""The integrity archive (廉政档案) of one cadre: every document about them, year by year.

Only Managers and the cadre themself see it freely; anyone else needs an approved Archive Access
Request (调阅, see sanshu_app.integrity_archive.access), and every reading is registered. Script
reports and print formats do not get Frappe's record scope applied, so ``check_access`` does it.

A reading is two queries however long the archive (issue 14): the register line, then every
document type in one ``UNION ALL`` query, each type contributing ``select``s of the same
normalised fields (``ROW_FIELDS``); what a row's title says is built in Python from its text
fields. The SQL is made only of identifiers taken from the doctypes' meta and constants; the
cadre is a parameter. The query is built once per process (``_archive_query``).

A module whose documents need more in their row than a title registers a row source for them where
they live: the ``sanshu_archive_rows`` hook ({doctype: "dotted.path.to.function"}, in hooks.py)
names a function giving that doctype's part of the query (``ArchivePart``, most simply through
``record_part``); this engine names no module.
"""

import json
from datetime import date
from operator import itemgetter

import frappe
from frappe import _
from frappe.utils import getdate, strip_html

from sanshu_app.integrity_archive.access import record_reading, require_archive_access
from sanshu_app.permissions.scopes import RECORD_SCOPES

# (doctype, section of the archive); only the ones installed at runtime are read.
ARCHIVE_DOCTYPES = (
	("Responsibility Letter", "Responsibility Documents"),
	("Integrity Commitment", "Responsibility Documents"),
	("Risk Notification Card", "Responsibility Documents"),
	("Sanshu Report", "Reporting and Evaluation"),
	("Sanshu Inquiry", "Reporting and Evaluation"),
	("Sanshu Evaluation", "Reporting and Evaluation"),
	("Integrity Talk", "Reporting and Evaluation"),
	("Responsibility Assessment", "Assessment and Rectification"),
	("Rectification", "Assessment and Rectification"),
	("Asset Declaration", "Integrity Archive"),
	("Synchronous Record", "Integrity Archive"),
	("Audit Finding", "Integrity Archive"),
	("Case Accountability", "Integrity Archive"),
	("Accountability", "Assessment and Rectification"),
)
# Doctypes whose archive rows need more than their title (what the row may show, whose role it
# names) are registered by their module in the ``sanshu_archive_rows`` hook (see ``row_sources``).
ROW_SOURCES_HOOK = "sanshu_archive_rows"
# Fields that say what a document is about better than its title, when a doctype has them.
SUMMARY_FIELDS = ("problems", "reason", "outcome")

# Every part of the archive query selects one string per row: these fields, joined by SEPARATOR
# (one value, because the bench's pure-Python MySQL driver pays for every value it reads, and an
# archive has a hundred rows or more). Should a text ever contain the separator (a control
# character no form produces), its row splits into too many fields: then the archive is read
# again by the safe query, which removes the separator from every text.
# - k: the doctype's place in ARCHIVE_DOCTYPES × 10 + the row's rank within it (which of its cadre
#   fields names the cadre, the role in a case …);
# - year, on_date: the archive year and the row's date ('' for NULL; no date means today, as getdate(None));
# - s: the order of the doctype's rows of one rank, an integer (see ``ascending``/``descending``);
# - name: the document; status: its untranslated status; a, b, c, d: text for its title; n: a number for it.
ROW_FIELDS = ("k", "year", "on_date", "s", "name", "status", "a", "b", "c", "d", "n")
SEPARATOR = "\x1f"  # the unit separator
SEPARATOR_SQL = f"'{SEPARATOR}'"  # a constant in the SQL (shorter to scan than a parameter)
TEXT_FIELDS = ("name", "status", "a", "b", "c", "d", "n")
MAX_RANK = 10


def ascending(datetime_column):
	"""A number ordering rows by ``datetime_column`` (a datetime(6), as Frappe's creation and
	modified), oldest first: 20261123034530.123456, read as an integer (see ``order_within``)."""
	return f"{datetime_column} + 0"


def descending(datetime_column):
	return f"-({datetime_column} + 0)"


def order_within(number):
	"""The integer of ``ascending``'s number, to the microsecond (a float would round it)."""
	return int(number.replace(".", ""))


class ArchiveRow:
	"""The text of one row of the archive query ('' for NULL), and its rank."""

	__slots__ = ("rank", "name", "status", "a", "b", "c", "d", "n")

	def __init__(self, rank, text):
		self.rank = rank
		self.name, self.status, self.a, self.b, self.c, self.d, self.n = text


class ArchivePart:
	"""One doctype's ``select`` in the archive query and how its rows read.

	``title(row, tr)`` gets an ArchiveRow and a translating function; ``status_of(row)``, when
	given, makes the untranslated status from the row; ``year_of(row, year, date, campaign_years)``,
	when given, the row's year from the year field, its date and {campaign: year}. Columns are SQL
	expressions over the part's own tables for the ROW_FIELDS but k, and ``rank`` (an integer
	below MAX_RANK)."""

	def __init__(self, source, where, title, status_of=None, year_of=None, **columns):
		unknown = set(columns) - ({*ROW_FIELDS, "rank"} - {"k"})
		if unknown:
			raise ValueError(f"unknown archive columns {unknown}")
		self.source, self.where, self.title, self.columns = source, where, title, columns
		if status_of:
			self.status = status_of
		if year_of:
			self.year = year_of

	@property
	def takes_campaign_year(self):
		return self.columns.get("c") == CAMPAIGN

	def sql(self, order, safe=False):
		"""The part's ``select``; ``safe``: with the separator removed from every text."""
		c = dict(self.columns)
		c["k"] = f"{int(order) * MAX_RANK} + {c['rank']}" if "rank" in c else str(int(order) * MAX_RANK)
		c.setdefault("s", "0")
		fields = []
		for field in ROW_FIELDS:
			if c.get(field, "NULL") == "NULL":
				fields.append("''")
			elif safe and field in TEXT_FIELDS:
				fields.append(f"replace(coalesce({c[field]}, ''), {SEPARATOR_SQL}, '')")
			elif field in ("k", "s", "name"):  # never NULL
				fields.append(c[field])
			else:
				fields.append(f"coalesce({c[field]}, '')")
		return f"select concat({f', {SEPARATOR_SQL}, '.join(fields)}) from {self.source} where {self.where}"

	def another(self, source, where, **columns):
		"""The same doctype read by another ``select`` (another index), shown the same way."""
		part = ArchivePart(source, where, self.title, **dict(self.columns, **columns))
		part.status, part.year, part.number = self.status, self.year, self.number
		return part

	@staticmethod
	def status(r):
		return r.status

	@staticmethod
	def year(r, year, on, campaign_years):
		return year

	@staticmethod
	def number(r):
		"""The document's 文号, for the print (the text slot d of a document part that has one)."""
		return None


class ArchiveParts:
	"""Several ``select``s read as one doctype: each by its own index (an ``or`` across fields
	would scan the whole table), or one row for each role a cadre holds in a record."""

	def __init__(self, *parts):
		self.parts = parts
		self.title, self.status, self.year, self.number = parts[0].title, parts[0].status, parts[0].year, parts[0].number

	@property
	def takes_campaign_year(self):
		return any(part.takes_campaign_year for part in self.parts)

	def sql(self, order, safe=False):
		return " union all ".join(part.sql(order, safe) for part in self.parts)


# The years of all campaigns, one JSON object in the text of one row keyed CAMPAIGN_YEARS: a
# document without a year of its own takes its campaign's, and one lookup of a few dozen
# campaigns costs less than a join in every part.
CAMPAIGN_YEARS = "-1"
CAMPAIGN_YEARS_SQL = (  # JSON escapes a control character in a campaign's name
	f"select concat_ws({SEPARATOR_SQL}, {CAMPAIGN_YEARS}, '', '', 0, coalesce(json_objectagg(c.name, coalesce(c.`year`, 0)), '{{}}'))"
	" from `tabSanshu Campaign` c"
)


def record_part(source, alias, where, title, on_date, status="status", **columns):
	"""The part of a record ``alias`` of ``source``: its name, its date (and year) from the column
	``on_date``, its ``status`` field (None: no status column), newest change first; ``columns``
	add to these or replace them."""
	base = {"name": f"{alias}.name", "year": f"year({on_date})", "on_date": on_date, "s": descending(f"{alias}.modified")}
	if status:
		base["status"] = f"{alias}.{status}"
	return ArchivePart(source, where, title, **{**base, **columns})


def row_sources() -> dict:
	"""{doctype: function giving its part}, as the modules register them (the last app's wins)."""
	return {doctype: paths[-1] for doctype, paths in (frappe.get_hooks(ROW_SOURCES_HOOK) or {}).items() if paths}


def column(alias, fieldname):
	"""A quoted column of a table alias; field names come from the meta, never from a request."""
	if not fieldname.replace("_", "").isalnum():
		raise ValueError(f"not a field name: {fieldname}")
	return f"{alias}.`{fieldname}`"


def table(doctype, alias):
	if not doctype.replace(" ", "").isalnum():
		raise ValueError(f"not a doctype: {doctype}")
	return f"`tab{doctype}` {alias}"


def installed(doctype):
	return bool(frappe.db.exists("DocType", doctype))


def cadre_fields(doctype):
	"""The fields of ``doctype`` naming the cadre a record is about (record scope first, then links)."""
	meta = frappe.get_meta(doctype)
	scope = RECORD_SCOPES.get(doctype)
	fields = [f for f in (scope.cadre_fields if scope else ()) if f != "name" and meta.has_field(f)]
	if not fields:
		fields = [df.fieldname for df in meta.fields if df.fieldtype == "Link" and df.options == "Sanshu Cadre"]
	return fields


def check_access(cadre, user=None):
	"""The basis on which ``user`` reads ``cadre``'s archive; refuses without one."""
	user = user or frappe.session.user
	if not cadre:
		frappe.throw(_("Choose a cadre."), title=_("Integrity Archive"))
	# 调阅: beyond the office and the cadre themself, only an approved access request opens it.
	return require_archive_access(cadre, user)


def archive_rows(cadre, reading="View"):
	"""Every document about ``cadre``, newest year first: dicts with year, section, doctype, name,
	title, status, date (and document_number, the 文号 of a numbered document, for the print).

	The reading (``View``, ``Print``, ``Export``) goes into the access register."""
	basis = check_access(cadre)
	if not record_reading(cadre, reading, basis):  # no line: there is no such cadre
		frappe.throw(_("Choose a cadre."), title=_("Integrity Archive"))
	return _read(cadre)


# site → (table list, ((doctype, meta), …), parts, query, safe query) the archive query was last built from
_built = {}


def _archive_query():
	"""The parts ({order: (doctype, section, ArchivePart)}), the query reading them and its safe
	variant, built once per process and site and built again when Frappe reloads a doctype's meta
	or the table list."""
	tables = frappe.db.get_tables()  # both come from Frappe's in-process cache, the same objects until they change
	built = _built.get(frappe.local.site)
	if built and built[0] is tables and all(frappe.get_meta(doctype) is meta for doctype, meta in built[1]):
		return built[2:]
	installed = [(order, doctype, section) for order, (doctype, section) in enumerate(ARCHIVE_DOCTYPES) if f"tab{doctype}" in tables]
	metas = tuple((doctype, frappe.get_meta(doctype)) for _order, doctype, _section in installed)
	parts = {}
	sources = row_sources()
	for order, doctype, section in installed:
		if doctype in sources:
			part = frappe.get_attr(sources[doctype])()
		else:
			fields = cadre_fields(doctype)
			part = fields and _documents(doctype, fields)
		if part:
			parts[order] = (doctype, section, part)
	queries = []
	for safe in (False, True):
		selects = [part.sql(order, safe) for order, (_doctype, _section, part) in parts.items()]
		if any(part.takes_campaign_year for _doctype, _section, part in parts.values()):
			selects.append(CAMPAIGN_YEARS_SQL)
		queries.append(" union all ".join(selects))
	_built[frappe.local.site] = (tables, metas, parts, *queries)
	return (parts, *queries)


def _read(cadre):
	parts, query, safe_query = _archive_query()
	if not parts:
		return []
	values = {"cadre": cadre}
	found = [packed.split(SEPARATOR) for (packed,) in frappe.db.sql(query, values)]
	if any(len(fields) != len(ROW_FIELDS) for fields in found if fields[0] != CAMPAIGN_YEARS):
		found = [packed.split(SEPARATOR) for (packed,) in frappe.db.sql(safe_query, values)]
	translated = {}

	def tr(text):
		"""Translate, once per distinct text (statuses and grades repeat on every row)."""
		if not text:
			return text
		if text not in translated:
			translated[text] = _(text)
		return translated[text]

	campaign_years = {}
	today = None
	keyed = []
	for key, year, on, within, *text in found:
		if key == CAMPAIGN_YEARS:
			campaign_years = json.loads(text[0])
			continue
		keyed.append((int(key), year, on, within, text))
	rows = []
	for key, year, on, within, text in keyed:
		order, rank = divmod(key, MAX_RANK)
		doctype, section, part = parts[order]
		r = ArchiveRow(rank, text)
		year = int(year) if year else None
		if on:
			on = date.fromisoformat(on)
		else:  # as getdate(None): a row without its date is dated today
			on = today = today or getdate()
			year = on.year
		year = part.year(r, year, on, campaign_years)
		row = {
			"year": year,
			"doctype": doctype,
			"name": r.name,
			"title": part.title(r, tr),
			"status": tr(part.status(r)) or "",
			"date": on,
			"order": order,
			"section": section,
			"document_number": part.number(r),
		}
		# newest year first; in a year by doctype and date, then as the doctype orders its rows
		rows.append(((-(year or 0), order, on, key, order_within(within)), row))
	rows.sort(key=itemgetter(0))
	return [row for _key, row in rows]


CAMPAIGN = "t.`campaign`"  # the text slot c of a document part: its campaign, for its year


def _documents(doctype, fields):
	"""A document about the cadre in one of ``fields`` (the first field naming them ranks it), by
	creation; its year is its own, else its campaign's, else the year it was made."""
	meta = frappe.get_meta(doctype)
	t = "t"
	summary = next((f for f in SUMMARY_FIELDS if meta.has_field(f)), None)
	title_field = meta.title_field if meta.title_field and meta.has_field(meta.title_field) else None
	statuses = [column(t, f) for f in ("workflow_state", "status") if meta.has_field(f)]
	ranks = " ".join(f"when {column(t, f)} = %(cadre)s then {i}" for i, f in enumerate(fields))

	def title(r, tr):
		text = strip_html(r.a or "").strip()[:80] if summary else ""
		return str(text or r.b or r.name)

	def year_of(r, year, on, campaign_years):
		return year or campaign_years.get(r.c) or on.year  # on: the day it was made

	columns = {
		"name": column(t, "name"),
		"year": f"nullif({column(t, 'year')}, 0)" if meta.has_field("year") else "NULL",
		"on_date": f"date({column(t, 'creation')})",
		"s": ascending(column(t, "creation")),
		"status": statuses[0] if len(statuses) == 1 else f"coalesce(nullif({statuses[0]}, ''), {statuses[1]})" if statuses else "NULL",
		"a": column(t, summary) if summary else "NULL",
		"b": column(t, title_field) if title_field else "NULL",
	}
	if len(fields) > 1:
		columns["rank"] = f"case {ranks} end"
	if meta.has_field("campaign"):
		columns["c"] = CAMPAIGN
	part = ArchivePart(table(doctype, t), " or ".join(f"{column(t, f)} = %(cadre)s" for f in fields), title, year_of=year_of, **columns)
	if meta.has_field("document_number"):
		part.columns["d"] = column(t, "document_number")
		part.number = lambda r: r.d or None
	return part


def dashboard_data():
	"""Connections on the Sanshu Cadre form: every installed document type about a cadre."""
	groups = {}
	non_standard = {}
	for doctype, section in ARCHIVE_DOCTYPES:
		if doctype == "Responsibility Assessment" or not installed(doctype):
			continue
		fields = cadre_fields(doctype)
		if not fields:
			continue
		if fields[0] != "cadre":
			non_standard[doctype] = fields[0]
		groups.setdefault(section, []).append(doctype)
	return {
		"fieldname": "cadre",
		"non_standard_fieldnames": non_standard,
		"transactions": [{"label": _(section), "items": items} for section, items in groups.items()],
	}


def jinja_archive(cadre):
	"""For the print format: the archive grouped by year, as [(year, rows)]."""
	rows = archive_rows(cadre, reading="Print")
	years = []
	for row in rows:
		if not years or years[-1][0] != row["year"]:
			years.append((row["year"], []))
		row["doctype_label"] = _(row["doctype"])
		years[-1][1].append(row)
	return years
