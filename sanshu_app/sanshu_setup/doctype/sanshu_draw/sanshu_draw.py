# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt
"""A committed draw (随机抽取): the seed's SHA-256 is shown and the pool kept before the draw is made;
made, it is submitted and anyone can re-run it from the record (``verify_draw``). The machinery is
``sanshu_app.utils.draws``, the rule ``sanshu_app.rules.draws``."""

import json

import frappe
from frappe import _
from frappe.utils import cint

from sanshu_app.permissions.scoped_document import ScopedDocument
from sanshu_app.rules import draws as rules
from sanshu_app.utils import OFFICE_ROLES, require_roles
from sanshu_app.utils import draws

KEPT = ("purpose", "reference_doctype", "reference_name", "hidden_seed", "commitment", "draw_count", "category_counts", "previous_draw", "redraw_reason")


class SanshuDraw(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.sanshu_setup.doctype.sanshu_draw_candidate.sanshu_draw_candidate import SanshuDrawCandidate

		algorithm: DF.SmallText | None
		category_counts: DF.SmallText | None
		commitment: DF.Data | None
		committed_by: DF.Link | None
		committed_on: DF.Datetime | None
		draw_count: DF.Int
		drawn_by: DF.Link | None
		drawn_on: DF.Datetime | None
		hidden_seed: DF.Data | None
		pool: DF.Table[SanshuDrawCandidate]
		previous_draw: DF.Link | None
		purpose: DF.Literal["Meeting Reporters", "Inspection Units", "Routine Check"]
		redraw_reason: DF.SmallText | None
		reference_doctype: DF.Link | None
		reference_name: DF.DynamicLink | None
		result: DF.SmallText | None
		seed: DF.Data | None
		status: DF.Literal["Committed", "Drawn", "Superseded"]
		superseded_by: DF.Link | None
	# end: auto-generated types

	def validate(self):
		before = self.get_doc_before_save()
		if before and (any(str(self.get(f) or "") != str(before.get(f) or "") for f in KEPT) or self.pool_key() != before.pool_key()):
			frappe.throw(_("Draw {0} is committed: its seed, pool and count cannot be changed.").format(self.name), title=_("Draw Committed"))

	def on_trash(self):
		frappe.throw(_("Draw {0} is kept: a draw is never deleted.").format(self.name), title=_("Draw Committed"))

	def pool_key(self):
		return [(row.candidate, row.category or "", cint(row.priority)) for row in self.pool]

	def same_as(self, pool, count, counts) -> bool:
		return self.pool_key() == [(row["candidate"], row.get("category") or "", 1 if row.get("priority") else 0) for row in pool] and cint(self.draw_count) == (
			sum(counts.values()) if counts else count
		) and self.counts() == counts

	def counts(self) -> dict:
		return json.loads(self.category_counts) if self.category_counts else {}

	def compute(self, seed) -> list:
		counts = self.counts()
		if counts:
			return rules.draw_per_category({row.candidate: row.category for row in self.pool}, counts, seed)
		return rules.draw([row.candidate for row in self.pool], cint(self.draw_count), seed, priority=[row.candidate for row in self.pool if row.priority])


@frappe.whitelist(methods=["POST"])
def make_draw(name: str):
	"""Make a committed draw (the office)."""
	require_roles(OFFICE_ROLES)
	return draws.make(name)


@frappe.whitelist()
def verify_draw(name: str):
	"""Re-run a made draw from its record and compare (the office)."""
	require_roles(OFFICE_ROLES)
	return draws.verify(name)
