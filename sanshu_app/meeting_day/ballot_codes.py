"""One-time ballot codes for meeting day, and the phone ballot they open.

How anonymity holds:
- A code is 13 characters of Crockford base32 (65 random bits from ``secrets``), printed once on a
  slip with its QR code and never stored: the code table ``sanshu_ballot_code`` (a plain table,
  no DocType, like the ballot box) keeps only a salted SHA-256 of it, the meeting, the evaluator
  group and a spent flag. No timestamp, no user, no IP.
- Slips are handed out at random in the room, so the office (which printed them) cannot tell whose
  slip is whose.
- Spending a code and casting its ballots happen in one database transaction
  (``cast_phone_ballot``, reached through ``sanshu_app.api.public.submit_phone_ballot``): the code row is locked, marked spent, and one ballot per reporter (and,
  when the rule set rates 述责 / 述廉 / 述德 separately, one per aspect under the aspect's subject, as
  the desk vote stores them) goes into the ballot box (``sanshu_app.ballot_box``). The box rows carry the meeting, the evaluation,
  the choice and the group, never the code or its hash, and have random keys. Nothing stored
  links a code to the choices made with it.
- No Version, Comment or Activity Log is written (neither table is a document); a refused attempt
  raises a validation error, which Frappe does not put into the Error Log. The failed-attempt
  throttle is a counter in Redis keyed by the request's peer address only
  (``sanshu_app.utils.net.peer_address``: never a client-sent ``X-Forwarded-For``), never by code;
  the call throttle of the guest door keys likewise.
- The page is opened at ``/sanshu-ballot?code=…`` (a GET: the web server's access log sees the
  code, the IP and the time, but not the choices); the ballot is sent as a POST body, which access
  logs do not record. The README says what is still trusted.
- The office sees live how many codes are issued and spent per group (``code_usage``), never a
  choice: counts per choice are read from the box only when the meeting closes.

CSRF: the submission is a Guest POST whose only authority is the code in its body; another site
cannot know a code, so it cannot forge a ballot. A logged-in desk user's browser sends Frappe's
CSRF token with it (the page embeds it).
"""

import json

import frappe
from frappe import _
from frappe.utils import cint

from sanshu_app import ballot_box
from sanshu_app.utils import net as utils_net
from sanshu_app.rules.meeting import format_code, hash_code, new_code, normalize_code, phone_aspect_violations, phone_ballot_violations
from sanshu_app.utils import throw_violations

CODE_TABLE = "sanshu_ballot_code"
# Failed phone attempts allowed per IP address and window (seconds): a room behind one router
# still gets through its typing errors; guessing 65-bit codes does not.
FAILED_ATTEMPTS_PER_IP = 20
FAILED_ATTEMPTS_WINDOW = 600
# What the page says once a ballot is in (it is translated with the page, not by each vote).
THANKS = "Thank you: your ballot has been counted. The code is now used up."


def ensure_code_table():
	frappe.db.sql_ddl(
		f"""create table if not exists `{CODE_TABLE}` (
			`code_hash` char(64) not null primary key,
			`meeting` varchar(140) not null,
			`voter_group` varchar(140) not null default '',
			`spent` tinyint not null default 0,
			key `meeting` (`meeting`)
		) engine=InnoDB character set utf8mb4 collate utf8mb4_unicode_ci"""
	)


def drop_code_table():
	frappe.db.sql_ddl(f"drop table if exists `{CODE_TABLE}`")


def _salt() -> str:
	from frappe.utils.password import get_encryption_key

	return get_encryption_key()


def issue_codes(meeting: str, voter_group: str, count: int) -> list[str]:
	"""Make ``count`` new codes for a group; returns them in plain text, the only time they exist."""
	codes = []
	table = frappe.qb.Table(CODE_TABLE)
	query = frappe.qb.into(table).columns("code_hash", "meeting", "voter_group", "spent")
	for _i in range(count):
		code = new_code()
		codes.append(code)
		query = query.insert(hash_code(code, _salt()), meeting, voter_group or "", 0)
	if codes:
		query.run()
	return codes


def code_usage(meeting: str) -> dict:
	"""group -> {"issued": n, "used": n}: how many codes are out and how many spent, nothing more."""
	rows = frappe.db.sql(
		f"select voter_group, count(*), sum(spent) from `{CODE_TABLE}` where meeting=%s group by voter_group", meeting
	)
	return {group: {"issued": cint(issued), "used": cint(used)} for group, issued, used in rows}


def forget_codes(meeting: str):
	frappe.db.sql(f"delete from `{CODE_TABLE}` where meeting=%s", meeting)


def find_code(code: str, lock: bool = False):
	bare = normalize_code(code)
	if not bare:
		return None
	rows = frappe.db.sql(
		f"select code_hash, meeting, voter_group, spent from `{CODE_TABLE}` where code_hash=%s" + (" for update" if lock else ""),
		hash_code(bare, _salt()),
		as_dict=True,
	)
	return rows[0] if rows else None


# the phone ballot ----------------------------------------------------------------------------
# Wrong codes are counted per peer address (``sanshu_app.utils.net``: never a client-sent header).
FAILURES = "ballot-code"
TOO_MANY = "Too many wrong codes from this network. Please wait ten minutes and try again."


def _refuse_if_throttled():
	utils_net.refuse_if_failing(FAILURES, FAILED_ATTEMPTS_PER_IP, _(TOO_MANY))


def _count_failure():
	utils_net.count_failure(FAILURES, FAILED_ATTEMPTS_WINDOW)


def ballot_for_code(code: str) -> dict:
	"""What the phone page shows for a code: the meeting, its reporters and the scale.

	Raises a translated ValidationError for an unknown, spent or closed code (and counts it as a failure)."""
	_refuse_if_throttled()
	found = find_code(code)
	if not found:
		_count_failure()
		frappe.throw(_("This code is not valid. Check the code on your slip."), title=_("Code Refused"))
	meeting = frappe.get_doc("Sanshu Meeting", found.meeting)
	if meeting.status != "Open":
		frappe.throw(_("The meeting is closed: no more ballots are taken."), title=_("Code Refused"))
	if found.spent:
		frappe.throw(_("This code has already been used: each code votes once."), title=_("Code Refused"))
	return {
		"meeting": meeting,
		"reporters": [
			{
				"key": row.name,
				"cadre_name": row.cadre_name,
				"unit": frappe.db.get_value("Sanshu Cadre", row.cadre, "unit"),
				# 000 四（二）: the aspects (述责、述廉、述德) its evaluation rates separately, if any
				"aspects": _aspects_rated(frappe.db.get_value("Sanshu Evaluation", row.evaluation, "rule_set") if row.evaluation else None, meeting.rule_set),
			}
			for row in meeting.reporters
		],
		"scale": meeting.scale(),
		"abstain_allowed": meeting.abstention_allowed(),
		"code": format_code(normalize_code(code)),
	}


def _aspects_rated(rule_set, fallback=None) -> list[str]:
	name = rule_set or fallback
	return frappe.get_cached_doc("Sanshu Rule Set", name).aspects_rated() if name else []


def cast_phone_ballot(code, choices: dict, comments=None, aspects=None):
	"""One submission for every reporter of the meeting; spends the code. See the module docstring.

	Called by the guest door ``sanshu_app.api.public.submit_phone_ballot`` (language, JSON, call
	throttle); ``choices`` is reporter row -> choice; ``aspects`` is reporter row -> {aspect:
	choice} when the evaluations rate aspects separately (000 四（二）), each then a ballot of its own
	in the box under the aspect's subject, as the desk vote stores them."""
	_refuse_if_throttled()
	found = find_code(code, lock=True)
	if not found:
		_count_failure()
		frappe.throw(_("This code is not valid. Check the code on your slip."), title=_("Code Refused"))
	# Shared locks on the meeting, its reporters and their evaluations: phones do not wait for each
	# other, and closing the meeting (which locks them for update) waits for the ballots being cast,
	# then takes no more.
	rows = frappe.db.sql(
		"""select m.status, m.rule_set, r.name, r.evaluation, r.cadre_name, e.docstatus, e.rule_set as evaluation_rule_set
		from `tabSanshu Meeting` m
		left join `tabSanshu Meeting Reporter` r on r.parent = m.name and r.parenttype = 'Sanshu Meeting' and r.parentfield = 'reporters'
		left join `tabSanshu Evaluation` e on e.name = r.evaluation
		where m.name = %s order by r.idx lock in share mode""",
		found.meeting,
		as_dict=True,
	)
	status, rule_set = rows[0].status, rows[0].rule_set
	if status != "Open":
		frappe.throw(_("The meeting is closed: no more ballots are taken."), title=_("Code Refused"))
	if found.spent:
		frappe.throw(_("This code has already been used: each code votes once."), title=_("Code Refused"))
	rows = [row for row in rows if row.name]
	# keyed by the reporter row's name, not its position: a list edited meanwhile cannot shift a choice
	reporters = {row.name: row.evaluation for row in rows}
	closed = [row.cadre_name for row in rows if row.docstatus != 0]
	if closed:
		frappe.throw(_("The evaluation of {0} is closed.").format(closed[0]), title=_("Ballot Refused"))
	rules = frappe.get_cached_doc("Sanshu Rule Set", rule_set)
	choices = {str(k): (v or "").strip() for k, v in choices.items()}
	violations = phone_ballot_violations(choices, list(reporters), rules.scale(), bool(rules.allow_abstention))
	if violations:
		throw_violations(violations, title=_("Ballot Refused"))
	rated = {row.name: (row.cadre_name, _aspects_rated(row.evaluation_rule_set, rule_set)) for row in rows}
	aspect_choices = phone_aspects(aspects)
	violations = phone_aspect_violations(aspect_choices, rated, choices, rules.scale(), bool(rules.allow_abstention))
	if violations:
		throw_violations(violations, title=_("Ballot Refused"))
	ballots = [(reporters[key], choice, found.voter_group) for key, choice in choices.items() if choice]
	# a reporter left unrated is an abstention, kept as such (it counts when the rule set says so)
	ballots += [(evaluation, ballot_box.ABSTAIN, found.voter_group) for key, evaluation in reporters.items() if not choices.get(key)]
	# each aspect a ballot of its own under the aspect's subject (an unrated reporter abstains on each)
	ballots += [
		(ballot_box.aspect_subject(reporters[key], aspect), (aspect_choices.get(key) or {}).get(aspect, ballot_box.ABSTAIN), found.voter_group)
		for key, (_shown, listed) in rated.items()
		for aspect in listed
	]
	# one transaction: the ballots go in and the code is spent, or neither
	ballot_box.cast_many(found.meeting, ballots)
	# optional comments per reporter (意见建议, 003 §19), into their own box: nothing ties them to the choices
	ballot_box.leave_comments((reporters[key], text) for key, text in phone_comments(comments).items() if key in reporters)
	frappe.db.sql(f"update `{CODE_TABLE}` set spent=1 where code_hash=%s", found.code_hash)
	return {"counted": sum(1 for ballot in ballots if ballot[1])}  # the page thanks the voter in their language (THANKS)


def phone_aspects(aspects) -> dict:
	"""The phone page's aspect choices, reporter row -> {aspect: choice}; anything unreadable is none."""
	if isinstance(aspects, str):
		try:
			aspects = json.loads(aspects)
		except ValueError:
			return {}
	if not isinstance(aspects, dict):
		return {}
	return {
		str(key): {str(a): (c or "").strip() if isinstance(c, str) else "" for a, c in per.items()}
		for key, per in aspects.items()
		if isinstance(per, dict)
	}


def phone_comments(comments) -> dict:
	"""The phone page's optional comments, reporter row -> text; anything unreadable is no comment."""
	if isinstance(comments, str):
		try:
			comments = json.loads(comments)
		except ValueError:
			return {}
	if not isinstance(comments, dict):
		return {}
	return {str(k): v for k, v in comments.items() if isinstance(v, str) and v.strip()}
