"""文号 and issuing office: given to a document once, at the moment it is issued.

The moment a clerk expects: when the document leaves the office. That is the bulk issue for
letters and annual commitments made from a campaign (they come out complete), and otherwise the
first step out of Draft (Submit for Review, Issue, Issue Notice) or the submission (an evaluation's
feedback letter once it is closed). A letter returned to Draft keeps its number; a cancelled one
takes its number with it (its amendment gets a new one): numbers are never reused.

The number comes from the office's pattern for the kind of document (Sanshu Settings) and a
sequence per pattern and year kept in Frappe's Series table, drawn under a row lock.
"""

import frappe
from frappe import _
from frappe.model.naming import getseries
from frappe.utils import cint, cstr, getdate, today

from sanshu_app.official_documents.letter_bodies import fill_body
from sanshu_app.utils import refuse
from sanshu_app.rules.document_numbers import check_pattern, format_number, sequence_key
from sanshu_app.rules.messages import RuleError
from sanshu_app.utils import raise_rule_error

# Each numbered doctype: the field naming its kind of document, or the kind itself.
KIND_FIELD = {
	"Responsibility Letter": "letter_type",
	"Integrity Commitment": "commitment_type",
	"Rectification": "notice_type",
}
FIXED_KIND = {"Risk Notification Card": "Risk Notification Card", "Sanshu Evaluation": "Evaluation Feedback", "Sanshu Circular": "Circular"}
# The date a document without a year of its own is numbered in.
DATE_FIELDS = ("issue_date", "notice_date", "evaluation_date")


def document_kind(doc) -> str | None:
	if doc.doctype in FIXED_KIND:
		return FIXED_KIND[doc.doctype]
	return doc.get(KIND_FIELD[doc.doctype]) or ("Rectification Notice" if doc.doctype == "Rectification" else None)


def is_out_of_draft(doc) -> bool:
	return doc.docstatus == 1 or (doc.get("workflow_state") or "Draft") != "Draft"


def issuing_now(doc) -> bool:
	"""Whether this save issues the document: bulk issue, or its first step out of Draft.

	Documents issued before (including those issued before this app numbered them) are left as
	they are: a later save by anyone never draws a number for them."""
	if doc.flags.issue_document:
		return True
	before = None if doc.is_new() else doc.get_doc_before_save()
	return is_out_of_draft(doc) and not (before and is_out_of_draft(before))


def document_year(doc) -> int:
	if doc.get("year"):
		return int(doc.year)
	for field in DATE_FIELDS:
		if doc.get(field):
			return getdate(doc.get(field)).year
	return getdate(today()).year


def validate(doc, method=None):
	"""doc_events hook for every numbered doctype."""
	keep_number(doc)
	if issuing_now(doc):
		issue(doc)


def keep_number(doc):
	"""A 文号 once given never changes (Frappe's set_only_once would also refuse the first one)."""
	if doc.is_new():
		return
	before = doc.get_doc_before_save()
	given = cstr(before.get("document_number")) if before else ""
	if given and cstr(doc.document_number) != given:
		refuse("The document number {0} was given when the document was issued and never changes.", given)


def issue(doc):
	settings = frappe.get_cached_doc("Sanshu Settings")
	if not doc.get("issuer"):
		doc.issuer = settings.issuing_office
	if not doc.get("document_number"):
		if doc.flags.reserved_document_number:  # drawn with its batch (reserve_numbers), server-side only
			doc.document_number = doc.flags.reserved_document_number
		elif pattern := pattern_for(settings, document_kind(doc)):
			doc.document_number = next_number(pattern, document_year(doc))
	fill_body(doc, doc.issuer)


def pattern_for(settings, kind) -> str | None:
	for row in settings.get("number_patterns") or []:
		if row.document_kind == kind and cstr(row.pattern).strip():
			return row.pattern
	return None


def next_number(pattern: str, year: int) -> str:
	try:
		key = sequence_key(pattern, year)
		# getseries locks the sequence row (SELECT … FOR UPDATE) and adds one.
		return format_number(pattern, year, int(getseries(key, 1)))
	except RuleError as error:
		raise_rule_error(error)


def reserve_numbers(kind: str, year: int, count: int) -> list[str] | None:
	"""The 文号 of ``count`` documents of ``kind`` issued together (a bulk issue), drawn in one step
	of their sequence (two queries) instead of one step per document; None when the office has no
	pattern for the kind. Drawn in the caller's transaction: if it rolls back, so does the draw, so
	numbers are not lost with documents that were never made."""
	pattern = pattern_for(frappe.get_cached_doc("Sanshu Settings"), kind)
	if not pattern or count <= 0:
		return None
	try:
		key = sequence_key(pattern, year)
		first = advance_sequence(key, count) - count + 1
		return [format_number(pattern, year, first + i) for i in range(count)]
	except RuleError as error:
		raise_rule_error(error)


def advance_sequence(key: str, count: int) -> int:
	"""Frappe's getseries, advanced by ``count`` at once under the same row lock; the new last number."""
	current = frappe.db.sql("select `current` from `tabSeries` where `name`=%s for update", key)
	if current and current[0][0] is not None:
		frappe.db.sql("update `tabSeries` set `current` = `current` + %s where `name`=%s", (count, key))
		return cint(current[0][0]) + count
	frappe.db.sql("insert into `tabSeries` (`name`, `current`) values (%s, %s)", (key, count))
	return count


def check_patterns(settings):
	"""Sanshu Settings: each kind once, each pattern usable."""
	seen = set()
	violations = []
	for row in settings.get("number_patterns") or []:
		if row.document_kind in seen:
			frappe.throw(_("Row {0}: {1} has a number pattern already.").format(row.idx, _(row.document_kind)), title=_("Not Saved"))
		seen.add(row.document_kind)
		violations += check_pattern(row.pattern)
	if violations:
		raise_rule_error(RuleError(violations))
