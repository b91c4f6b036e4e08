# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""廉政意见征询: the organisation department lists candidates and a purpose; the office checks each
against the archive, edits the drafted replies and approves the batch, which gets its 文号."""

import frappe
from frappe import _
from frappe.utils import cint, format_date, getdate, today

from sanshu_app.integrity_archive.opinion import SETTINGS, archive_facts, opinion_rules
from sanshu_app.rules.integrity_archive import CandidateRow, check_approval, check_rules, document_number, draft_opinion
from sanshu_app.rules.roles import OFFICE_ROLES, ORGANISATION_DEPARTMENT
from sanshu_app.utils import is_office, office_language, require_roles, throw_violations
from sanshu_app.permissions.scoped_document import ScopedDocument

CHECK_FIELDS = ("checked", "checked_on", "conclusion", "facts", "reply")


class IntegrityOpinionRequest(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.integrity_archive.doctype.integrity_opinion_candidate.integrity_opinion_candidate import IntegrityOpinionCandidate

		amended_from: DF.Link | None
		approved_by: DF.Link | None
		approved_on: DF.Date | None
		candidates: DF.Table[IntegrityOpinionCandidate]
		document_number: DF.Data | None
		purpose: DF.Literal["Promotion", "Commendation", "Transfer", "Appointment", "Other"]
		request_date: DF.Date
		request_reference: DF.Data | None
		requesting_body: DF.Data
		window_years: DF.Int
	# end: auto-generated types

	def validate(self):
		self.keep_checks_honest()
		self.name_only_serving_cadres()

	def name_only_serving_cadres(self):
		"""Outside the office a candidate is a cadre in office (the ones the candidate search offers)."""
		if is_office():
			return
		names = [row.cadre for row in self.candidates if row.cadre]
		serving = set(frappe.get_all("Sanshu Cadre", filters={"name": ("in", names or [""]), "status": "In Office"}, pluck="name"))
		for row in self.candidates:
			if row.cadre and row.cadre not in serving:
				frappe.throw(_("Row {0}: {1} is not a cadre in office.").format(row.idx, row.cadre), title=_("Invalid Candidates"))

	def keep_checks_honest(self):
		"""A row counts as checked only if the check ran on this cadre: a candidate added or
		changed since is unchecked again, whatever the client sent."""
		if self.flags.running_check:
			return
		old = self.get_doc_before_save()
		before = {row.name: row for row in (old.candidates if old else [])}
		for row in self.candidates:
			previous = before.get(row.name)
			if not previous or previous.cadre != row.cadre or not previous.checked:
				row.checked = 0
				row.checked_on = None
				row.conclusion = None
				row.facts = None
				if not previous or previous.cadre != row.cadre:
					row.reply = None

	def before_print(self, settings=None):
		"""Outside the office, only the approved reply is printed: drafts stay the office's."""
		if self.docstatus != 1 and not is_office():
			for row in self.candidates:
				row.reply = _("Not yet approved.")
				row.facts = None

	def before_submit(self):
		require_roles()
		rows = [CandidateRow(r.cadre, bool(r.checked), r.conclusion or "", r.reply or "") for r in self.candidates]
		throw_violations(check_approval(rows), title=_("Not Approved"))
		self.document_number = self.next_document_number()
		self.approved_by = frappe.session.user
		self.approved_on = today()

	def next_document_number(self):
		pattern = frappe.db.get_single_value(SETTINGS, "document_number_pattern") or "{year}-{number}"
		year = getdate(today()).year
		used = frappe.db.count(self.doctype, {"docstatus": ("in", (1, 2)), "approved_on": ("between", (f"{year}-01-01", f"{year}-12-31"))})
		return document_number(pattern, year, used + 1)

	@frappe.whitelist()
	def check_candidates(self):
		"""Check every candidate against the archive and draft the replies (the office edits them)."""
		require_roles()
		self.check_permission("write")
		if self.docstatus != 0:
			frappe.throw(_("Only a draft request can be checked."))
		rules = opinion_rules()
		throw_violations(check_rules(rules), title=_("Integrity Opinion Settings"))
		as_of = getdate(today())
		with office_language():  # the reply is printed on the office's letter
			for row in self.candidates:
				name = row.cadre_name or frappe.db.get_value("Sanshu Cadre", row.cadre, "full_name")
				opinion = draft_opinion(name, archive_facts(row.cadre), rules, as_of, lambda d: format_date(d, "yyyy年MM月dd日"))
				row.checked = 1
				row.checked_on = as_of
				row.conclusion = opinion.conclusion
				row.facts = "\n".join(f"{_(f.doctype)} {f.name}" for f in opinion.facts)
				row.reply = opinion.text
		self.window_years = rules.window_years
		self.flags.running_check = True
		self.save()
		return [{"cadre": r.cadre, "conclusion": r.conclusion} for r in self.candidates]


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def candidate_search(doctype: str, txt: str, searchfield: str, start: int | str, page_len: int | str, filters: dict | list | str | None = None):
	"""The candidate search of a request: cadres in office whose name (or ID) matches ``txt``, with
	their unit and post, and nothing else of their records. The organisation department asks about
	any serving cadre of the county but reads no cadre record (its role has no access to them)."""
	require_roles((*OFFICE_ROLES, ORGANISATION_DEPARTMENT))
	txt = (txt or "").strip()
	rows = frappe.get_all(
		"Sanshu Cadre",
		filters={"status": "In Office"},
		or_filters={"full_name": ("like", f"%{txt}%"), "name": ("like", f"%{txt}%")},
		fields=["name", "full_name", "unit", "post"],
		order_by="full_name",
		start=cint(start),
		page_length=min(cint(page_len) or 20, 50),
	)
	units = dict(frappe.get_all("Sanshu Unit", filters={"name": ("in", [r.unit for r in rows if r.unit] or [""])}, fields=["name", "unit_name"], as_list=True))
	return [(r.name, r.full_name, units.get(r.unit) or r.unit or "", r.post or "") for r in rows]
