"""What the permission layer keeps between requests, and how it is kept true.

Computing a user's scope reads the whole unit tree, and finding the records that something other
than their main clauses opens to them (a letter they sign outside their units) takes a query; both
change rarely compared with how often they are read. So each worker process keeps them in memory,
every entry tagged with the *tokens* of the data it was computed from:

- ``scope``: units and cadres; a scoped doctype's token: its records (what else than a user's
  main clauses opens them to the user, see ``permissions._records_beyond_main``).
- A token is renewed by the document events of its data: at once when a record changes (marked
  pending, so nothing is cached while the change is uncommitted) and again after the commit or
  rollback, carrying the *stamp* then committed (the newest ``modified``). Tokens live in Redis;
  a request reads all of them in one round trip, the first time it needs one, so every request
  sees every change committed before it began.
- An entry is used only while its tokens are the current ones. A computed value is kept only when
  the computing transaction sees the committed stamps: a request that began before a change
  cannot store what it saw.
- Code that writes these records around the ORM (``frappe.db.set_value``, SQL) calls ``forget``;
  ``bench clear-cache`` drops the tokens. Like Frappe's own caches, an entry cannot see such a
  write by itself: a forgotten ``forget`` leaves answers stale until the entry expires
  (``ENTRY_SECONDS``), and keeps the next computed ones from being kept until the token does
  (``TOKEN_SECONDS``).
"""

import pickle
import time
from collections import OrderedDict
from collections.abc import Callable

import frappe

from sanshu_app.permissions.scopes import RECORD_SCOPES

SCOPE = "scope"
SCOPE_DOCTYPES = ("Sanshu Unit", "Sanshu Cadre")
TOKEN_KEY = "sanshu_permission_token::{}"
ENTRY_SECONDS = 300
# A committed token is made again after this long, so a change made around the ORM without
# `forget` stops caching for an hour at most (a token is never rewritten with an older stamp:
# a change renews it before its commit, and a first use only creates one that is absent).
TOKEN_SECONDS = 3600
MAX_ENTRIES = 4096

_entries: OrderedDict = OrderedDict()


def request_cache() -> dict | None:
	"""A cache that lives for one HTTP request. Outside a request (tests, jobs, the console) the
	data may change between two calls, so nothing is kept there."""
	if not getattr(frappe.local, "request", None):
		return None
	if not hasattr(frappe.local, "sanshu_permission_cache"):
		frappe.local.sanshu_permission_cache = {}
	return frappe.local.sanshu_permission_cache


def cached(key: tuple, kinds: tuple[str, ...], compute: Callable):
	"""``compute()``, or its value from an earlier call whose data ``kinds`` have not changed."""
	current = _tokens()
	tokens = tuple(current.get(kind) for kind in kinds)
	entry = _entries.get(key)
	if entry is not None and entry[0] == tokens and None not in tokens and time.monotonic() < entry[1]:
		return entry[2]
	value = compute()
	committed = tuple(_stamp_in(token) for token in tokens)
	if None not in committed and committed == _data_stamps(kinds):
		_entries[key] = (tokens, time.monotonic() + ENTRY_SECONDS, value)
		_entries.move_to_end(key)
		while len(_entries) > MAX_ENTRIES:
			_entries.popitem(last=False)
	return value


def forget(kind: str) -> None:
	"""Records of ``kind`` changed in this transaction: what was computed from them is stale.
	Once per transaction, however many records change (an import of 3,000 cadres)."""
	pending = getattr(frappe.local, "sanshu_pending_tokens", None)
	if pending is None:
		pending = frappe.local.sanshu_pending_tokens = set()
	if kind in pending:
		return
	pending.add(kind)
	_renew(kind, pending=True)

	def settle():
		pending.discard(kind)
		_renew(kind, pending=False)

	frappe.db.after_commit.add(settle)
	frappe.db.after_rollback.add(settle)


def prefetch() -> None:
	"""Read the tokens (and the user's roles) before the first check needs either."""
	_tokens()


def _tokens() -> dict:
	"""Every kind's current token: one Redis round trip per request (per call outside one), which
	also brings the session user's roles that the permission check reads next."""
	memo = request_cache()
	if memo is not None and "tokens" in memo:
		return memo["tokens"]
	kinds = (SCOPE, *RECORD_SCOPES)
	keys = [frappe.cache.make_key(TOKEN_KEY.format(kind)) for kind in kinds]
	try:
		values, roles = _read(keys)
		if None in values:  # first use, or after `bench clear-cache`; never replaces a renewed token
			for kind, value in zip(kinds, values, strict=True):
				if value is None:
					_write(kind, pending=False, only_if_absent=True)
			values, roles = _read(keys)
		tokens = {kind: pickle.loads(value) if value else None for kind, value in zip(kinds, values, strict=True)}
	except Exception:
		tokens = {}  # Redis away: compute every time, keep nothing
	if memo is not None:
		memo["tokens"] = tokens
	return tokens


def _read(keys: list) -> tuple[list, object]:
	user = frappe.session.user
	roles_key = frappe.cache.make_key("roles")
	pipe = frappe.cache.pipeline()
	pipe.mget(keys)
	pipe.hget(roles_key, user)
	values, roles = pipe.execute()
	if roles is not None:  # as frappe.cache.hget keeps it for the rest of the request
		frappe.local.cache.setdefault(roles_key, {}).setdefault(user, pickle.loads(roles))
	return values, roles


def _renew(kind: str, pending: bool) -> None:
	try:
		_write(kind, pending)
	except Exception:
		pass  # Redis away: nothing is kept either


def _write(kind: str, pending: bool, only_if_absent: bool = False) -> None:
	token = (frappe.generate_hash(length=16), None if pending else _data_stamps((kind,))[0])
	# A pending token expires too: a change whose process dies before its commit must not stop caching.
	frappe.cache.set(
		frappe.cache.make_key(TOKEN_KEY.format(kind)), pickle.dumps(token), ex=ENTRY_SECONDS if pending else TOKEN_SECONDS, nx=only_if_absent
	)
	memo = request_cache()
	if memo is not None:
		memo.pop("tokens", None)


def _stamp_in(token) -> tuple | None:
	return token[1] if token else None


def _data_stamps(kinds: tuple[str, ...]) -> tuple:
	"""For each kind, the newest ``modified`` this transaction sees; one indexed query."""
	columns, spans = [], []
	for kind in kinds:
		doctypes = SCOPE_DOCTYPES if kind == SCOPE else (kind,)
		spans.append(len(doctypes))
		columns += [f"(select max(`modified`) from `tab{doctype}`)" for doctype in doctypes]
	row = list(frappe.db.sql(f"select {', '.join(columns)}")[0])
	stamps = []
	for span in spans:
		stamps.append(tuple(row[:span]))
		row = row[span:]
	return tuple(stamps)
