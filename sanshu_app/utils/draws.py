"""Committed draws (Sanshu Draw), shared by the meeting's reporters, an inspection's units and the
routine check: commit (seed made here, its SHA-256 shown, the pool kept), draw, verify.

The document drawn for gets the result through its ``apply_draw(draw, previous)`` method; the rule
is ``sanshu_app.rules.draws``. A second draw for the same document needs a reason and keeps the
first (``previous_draw`` / ``superseded_by``)."""

import json

import frappe
from frappe import _
from frappe.utils import cint, now_datetime

from sanshu_app.rules import draws as rules
from sanshu_app.utils import raise_rule_error, throw_violations
from sanshu_app.rules.messages import RuleError, RuleViolation

DOCTYPE = "Sanshu Draw"


def latest(reference_doctype: str, reference_name: str, purpose: str):
	"""The newest draw for a document (committed or drawn, not replaced), or None."""
	name = frappe.db.get_value(
		DOCTYPE,
		{"reference_doctype": reference_doctype, "reference_name": reference_name, "purpose": purpose, "status": ("!=", "Superseded")},
		"name",
		order_by="creation desc",
	)
	return frappe.get_doc(DOCTYPE, name) if name else None


def commit(purpose, reference_doctype, reference_name, pool: list[dict], count: int = 0, category_counts: dict | None = None, reason: str | None = None):
	"""Commit to a draw before it is made: a fresh seed, its SHA-256, the pool (candidate,
	candidate_name, category, priority) and the count(s). The same pending commitment is returned
	when nothing changed; any other new commitment after one needs a reason and keeps the earlier."""
	count = cint(count)
	counts = {k: cint(v) for k, v in (category_counts or {}).items()}
	previous = latest(reference_doctype, reference_name, purpose)
	pool = sorted(pool, key=lambda row: row["candidate"])
	if previous and previous.docstatus == 0 and not (reason or "").strip() and previous.same_as(pool, count, counts):
		return previous
	problems = []
	if previous and not (reason or "").strip():
		problems.append(RuleViolation("{0} was already drawn or committed ({1}): a second draw needs a reason, and the first is kept.", (reference_name, previous.name)))
	try:
		if counts:
			rules.draw_per_category({row["candidate"]: row.get("category") for row in pool}, counts, "check")
		else:
			rules.draw([row["candidate"] for row in pool], count, "check")
	except RuleError as error:
		problems += error.violations
	throw_violations(problems, title=_("Cannot Draw"))
	seed = rules.new_seed()
	doc = frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"purpose": purpose,
			"reference_doctype": reference_doctype,
			"reference_name": reference_name,
			"status": "Committed",
			"draw_count": count if not counts else sum(counts.values()),
			"category_counts": json.dumps(counts, ensure_ascii=False, sort_keys=True) if counts else None,
			"hidden_seed": seed,
			"commitment": rules.commitment(seed),
			"committed_by": frappe.session.user,
			"committed_on": now_datetime(),
			"algorithm": rules.ALGORITHM,
			"pool": [
				{"candidate": row["candidate"], "candidate_name": row.get("candidate_name"), "category": row.get("category"), "priority": 1 if row.get("priority") else 0}
				for row in pool
			],
			"previous_draw": previous.name if previous else None,
			"redraw_reason": (reason or "").strip() or None,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc


def make(name: str) -> list:
	"""Make a committed draw: the result from the kept pool and seed, recorded and submitted; the
	draw it replaces is marked; the document drawn for takes the result."""
	doc = frappe.get_doc(DOCTYPE, name)
	if doc.docstatus != 0 or doc.status != "Committed":
		frappe.throw(_("Draw {0} was already made.").format(doc.name), title=_("Already Drawn"))
	try:
		result = doc.compute(doc.hidden_seed)
	except RuleError as error:
		raise_rule_error(error, title=_("Cannot Draw"))
	position = {candidate: i + 1 for i, candidate in enumerate(result)}
	for row in doc.pool:
		row.drawn = 1 if row.candidate in position else 0
		row.draw_position = position.get(row.candidate)
	doc.result = "\n".join(result)
	doc.seed = doc.hidden_seed
	doc.status = "Drawn"
	doc.drawn_by, doc.drawn_on = frappe.session.user, now_datetime()
	doc.flags.ignore_permissions = True
	doc.submit()
	previous = frappe.get_doc(DOCTYPE, doc.previous_draw) if doc.previous_draw else None
	if previous:
		previous.db_set({"status": "Superseded", "superseded_by": doc.name})
	target = frappe.get_doc(doc.reference_doctype, doc.reference_name)
	target.apply_draw(doc, previous if previous and previous.docstatus == 1 else None)
	return result


def verify(name: str) -> dict:
	"""Re-run a made draw from its record: does SHA-256(seed) give the commitment, and the kept pool
	and seed the recorded result?"""
	doc = frappe.get_doc(DOCTYPE, name)
	if doc.docstatus != 1:
		frappe.throw(_("Draw {0} has not been made yet.").format(doc.name), title=_("Not Drawn"))
	recorded = [line for line in (doc.result or "").splitlines() if line]
	counts = doc.counts()
	problems = rules.verify(
		doc.seed,
		doc.commitment,
		recorded,
		[row.candidate for row in doc.pool],
		cint(doc.draw_count),
		priority=[row.candidate for row in doc.pool if row.priority],
		categories={row.candidate: row.category for row in doc.pool} if counts else None,
		counts=counts or None,
	)
	return {"verified": not problems, "result": recorded, "problems": [p.render(_) for p in problems]}
