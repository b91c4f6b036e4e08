"""The ballot box: the only place online ballots live, and the only code that touches it.

Why not a DocType: Frappe's generic doors (``/api/resource``, ``frappe.client.get_count``,
reportview, group-by counts, ``export_query`` …) answer for every DocType, and Administrator
bypasses every DocType permission. A ballot stored as a document could therefore be counted per
choice while voting is open; read before and after each vote next to the roster's voted flags,
that names every voter's choice. The box is a plain table created by the app: no DocType, no
meta, so no generic door can reach it, System Manager included.

Its name starts with neither ``tab`` nor ``__``. Frappe maps a doctype string to a table as
``tab<doctype>``, except names starting with ``__``, which it uses as they are (for ``__Auth`` and
the like); ``frappe.client.get_count("__anything")`` therefore counts such a table, with any
filter. A name with neither prefix is reached by no doctype string at all. Query Reports (SQL typed
by an Administrator) are refused when they name the box (``refuse_reports_on_the_box``).

What a row holds: a random uuid (the primary key, so the physical order of rows says nothing
about the order of votes), the box (the evaluation or meeting voted in), the subject (the
evaluation the ballot counts for), the choice and, optionally, the evaluator group. No user, no
owner, no timestamp, no code, nothing else.

How it is used:
- ``cast`` is called inside the same transaction as the once-only mark (the roster's voted flag
  or the spent code), which is written with ``update_modified=False`` and no Version, Comment or
  activity log. Either both are committed or neither.
- ``tally`` is called by closing only: it refuses while the evaluation is open, so counts per
  choice become visible only after closing. It returns ``GROUP BY`` counts, never single rows.

May use: rules, utils, permissions; no other module (a capability the stages use).
"""

import uuid

import frappe
from frappe import _

BOX_TABLE = "sanshu_ballot_box"
# The only columns the box has: nothing that could tie a ballot to a voter, a code or a time.
BOX_COLUMNS = ("name", "box", "subject", "choice", "voter_group")


def ensure_ballot_box():
	"""Create the box if it is missing (install and migrate; running it twice changes nothing)."""
	if frappe.db.db_type == "postgres":
		frappe.db.sql_ddl(
			f"""create table if not exists "{BOX_TABLE}" (
				name varchar(36) not null primary key,
				box varchar(140) not null,
				subject varchar(140) not null,
				choice varchar(140) not null,
				voter_group varchar(140) not null default ''
			)"""
		)
		frappe.db.sql_ddl(f'create index if not exists sanshu_ballot_box_subject on "{BOX_TABLE}" (subject)')
		return
	frappe.db.sql_ddl(
		f"""create table if not exists `{BOX_TABLE}` (
			`name` varchar(36) not null primary key,
			`box` varchar(140) not null,
			`subject` varchar(140) not null,
			`choice` varchar(140) not null,
			`voter_group` varchar(140) not null default '',
			key `subject` (`subject`),
			key `box` (`box`)
		) engine=InnoDB character set utf8mb4 collate utf8mb4_unicode_ci"""
	)


def drop_ballot_box():
	"""Uninstall: the ballots go with the app."""
	frappe.db.sql_ddl(f"drop table if exists `{BOX_TABLE}`" if frappe.db.db_type != "postgres" else f'drop table if exists "{BOX_TABLE}"')


# The choice a phone ballot stores for a reporter left unrated (弃权), when the rule set allows it:
# counted as an abstention, in the denominator only when the rule set says so (issue 19).
ABSTAIN = ""


def _table():
	return frappe.qb.Table(BOX_TABLE)


def cast(box: str, subject: str, choice: str, voter_group: str | None = None):
	"""Put one ballot in the box. The caller has checked the vote and writes the once-only mark in
	this same transaction (no commit here: a failure after this line takes the ballot back out)."""
	frappe.qb.into(_table()).columns(*BOX_COLUMNS).insert(str(uuid.uuid4()), box, subject, choice, voter_group or "").run()


def cast_many(box: str, ballots):
	"""Several ballots at once (one phone submission: one ballot per reporter), in random order."""
	ballots = list(ballots)
	if not ballots:
		return
	rows = [(str(uuid.uuid4()), box, subject, choice, group or "") for subject, choice, group in ballots]
	query = frappe.qb.into(_table()).columns(*BOX_COLUMNS)
	for row in rows:
		query = query.insert(*row)
	query.run()


def aspect_subject(evaluation_name: str, aspect: str) -> str:
	"""The box's subject of the ballots rating one aspect (述责, 述廉 …) of an evaluation."""
	return f"{evaluation_name}|{aspect}"


def tally(evaluation, by_group: bool = False, aspect: str | None = None) -> dict:
	"""The online ballots for a closed (or closing) evaluation: choice -> count, or with
	``by_group`` (group, choice) -> count; with ``aspect``, the ballots rating that aspect.
	Refused while the evaluation is open."""
	if getattr(evaluation, "docstatus", 0) != 1:
		frappe.throw(_("Ballots are counted only when the evaluation is closed."), frappe.PermissionError, title=_("Ballot Box Sealed"))
	box = _table()
	if by_group:
		rows = (
			frappe.qb.from_(box)
			.select(box.voter_group, box.choice, frappe.query_builder.functions.Count("*"))
			.where(box.subject == (aspect_subject(evaluation.name, aspect) if aspect else evaluation.name))
			.groupby(box.voter_group, box.choice)
			.run()
		)
		return {(group, choice): count for group, choice, count in rows}
	rows = (
		frappe.qb.from_(box)
		.select(box.choice, frappe.query_builder.functions.Count("*"))
		.where(box.subject == (aspect_subject(evaluation.name, aspect) if aspect else evaluation.name))
		.groupby(box.choice)
		.run()
	)
	return {choice: count for choice, count in rows}


def remove_subject(subject: str):
	"""Empty the ballots of a deleted evaluation (only reachable through deleting it, office-only)."""
	box = _table()
	frappe.qb.from_(box).delete().where(box.subject == subject).run()


def box_exists() -> bool:
	return BOX_TABLE in frappe.db.get_tables(cached=False)


def _names_the_box(text) -> bool:
	flat = "".join(ch for ch in (text or "").lower() if ch not in "`\"' \t\r\n")
	return BOX_TABLE in flat or COMMENT_TABLE in flat


def refuse_reports_on_the_box(doc, method=None):
	"""Report validate hook: a Query Report's SQL may not read the ballot box (it would count the
	ballots per choice while voting is open). Code that runs Python on the server is trusted instead;
	see the README."""
	if _names_the_box(doc.get("query")) or _names_the_box(doc.get("report_script")):
		frappe.throw(_("Reports may not read the ballot box: ballots are counted only when an evaluation is closed."), frappe.PermissionError, title=_("Ballot Box Sealed"))


# --- evaluators' comments (意见建议, 003 §19): a box of their own, apart from the choices ---------
# A row holds a random uuid, the evaluation it is about and the text: no choice, no box or meeting,
# no evaluator group, no voter, code or time, so a comment can never be matched to a ballot. The
# comments are read ordered by their text, only once the evaluation is closed, and shown only over
# at least ``min_ballots_shown`` ballots (rules/feedback.py).
COMMENT_TABLE = "sanshu_ballot_comment"
COMMENT_COLUMNS = ("name", "subject", "comment")
COMMENT_MAX_LENGTH = 500


def ensure_comment_box():
	"""Create the comment box if it is missing (install and migrate)."""
	if frappe.db.db_type == "postgres":
		frappe.db.sql_ddl(
			f"""create table if not exists "{COMMENT_TABLE}" (
				name varchar(36) not null primary key,
				subject varchar(140) not null,
				comment text not null
			)"""
		)
		return
	frappe.db.sql_ddl(
		f"""create table if not exists `{COMMENT_TABLE}` (
			`name` varchar(36) not null primary key,
			`subject` varchar(140) not null,
			`comment` text not null,
			key `subject` (`subject`)
		) engine=InnoDB character set utf8mb4 collate utf8mb4_unicode_ci"""
	)


def drop_comment_box():
	frappe.db.sql_ddl(f"drop table if exists `{COMMENT_TABLE}`" if frappe.db.db_type != "postgres" else f'drop table if exists "{COMMENT_TABLE}"')


def leave_comments(comments):
	"""(evaluation, text) pairs, in random order; empty texts are dropped, long ones cut. Called in
	the transaction that casts the ballots (phone) or by the office typing paper ballots' comments."""
	rows = [(str(uuid.uuid4()), subject, text.strip()[:COMMENT_MAX_LENGTH]) for subject, text in comments if (text or "").strip()]
	if not rows:
		return 0
	rows.sort(key=lambda row: row[0])
	query = frappe.qb.into(frappe.qb.Table(COMMENT_TABLE)).columns(*COMMENT_COLUMNS)
	for row in rows:
		query = query.insert(*row)
	query.run()
	return len(rows)


def comments(evaluation) -> list[str]:
	"""The comments about a closed evaluation, ordered by their text. Refused while it is open."""
	if getattr(evaluation, "docstatus", 0) != 1:
		frappe.throw(_("Comments are read only when the evaluation is closed."), frappe.PermissionError, title=_("Ballot Box Sealed"))
	box = frappe.qb.Table(COMMENT_TABLE)
	return [row[0] for row in frappe.qb.from_(box).select(box.comment).where(box.subject == evaluation.name).orderby(box.comment).run()]
