# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt
"""The 述职述责述廉 meeting: who reports, who evaluates, ballot codes, paper ballots, closing, results.

Each reporter is evaluated in their own Sanshu Evaluation (made when the meeting is saved), so the
rating rules, consequences and prints of the evaluation apply unchanged. Ballots come three ways:
phone ballots with one-time codes (``sanshu_app.meeting_day.ballot_codes``: how anonymity holds is
said there), desk Evaluators voting in each evaluation, and the clerk's paper workbook
(``import_paper_ballots``). ``close_meeting`` closes every evaluation at once.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, getdate, now_datetime, nowdate

from sanshu_app.meeting_day import ballot_codes
from sanshu_app.rules.draws import proposal_count
from sanshu_app.rules.meeting import ballot_fields, bare_name, format_code, has_heading_row, mapped_meeting_sheets, read_meeting_workbook
from sanshu_app.rules.messages import RuleError, RuleViolation
from sanshu_app.utils import OFFICE_ROLES, draws, office_language, raise_rule_error, require_roles, throw_violations
from sanshu_app.utils.terms import not_reported_in_term
from sanshu_app.utils import sheet_layouts
from sanshu_app.utils.xlsx import Sheet, plain_workbook, send_xlsx, uploaded_sheets

PAGE_ROUTE = "sanshu-ballot"


class SanshuMeeting(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.meeting_day.doctype.sanshu_meeting_group.sanshu_meeting_group import SanshuMeetingGroup
		from sanshu_app.meeting_day.doctype.sanshu_meeting_reporter.sanshu_meeting_reporter import SanshuMeetingReporter
		from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluator.sanshu_evaluator import SanshuEvaluator

		campaign: DF.Link
		closed_on: DF.Date | None
		desk_evaluators: DF.Table[SanshuEvaluator]
		draw_count: DF.Int
		drawn_by: DF.Link | None
		drawn_on: DF.Datetime | None
		groups: DF.Table[SanshuMeetingGroup]
		meeting_date: DF.Date
		meeting_kind: DF.Literal["Discipline Commission Plenary", "Standing Committee", "Reporting Assembly"]
		not_reported_in_term: DF.SmallText | None
		paper_source: DF.Data | None
		place: DF.Data | None
		reporters: DF.Table[SanshuMeetingReporter]
		reporters_approved_by: DF.Link | None
		reporters_approved_on: DF.Datetime | None
		rule_set: DF.Link | None
		sanshu_draw: DF.Link | None
		status: DF.Literal["Open", "Closed"]
	# end: auto-generated types

	def onload(self):
		self.set_onload("code_usage", ballot_codes.code_usage(self.name) if not self.is_new() else {})
		if self.status == "Open":
			self.fill_not_reported_in_term()

	def validate(self):
		if not self.is_new() and frappe.db.get_value(self.doctype, self.name, "status") == "Closed":
			frappe.throw(_("This meeting is closed and can no longer be changed."), title=_("Meeting Closed"))
		self.rule_set = frappe.db.get_value("Sanshu Campaign", self.campaign, "evaluation_rule_set")
		if not self.rule_set:
			frappe.throw(_("Campaign {0} has no evaluation rule set.").format(self.campaign), title=_("No Rule Set"))
		seen = set()
		for row in self.reporters:
			if row.cadre in seen:
				frappe.throw(_("Row {0}: {1} is listed twice.").format(row.idx, row.cadre_name or row.cadre), title=_("Invalid Reporters"))
			seen.add(row.cadre)
		names = [bare_name(row.cadre_name) for row in self.reporters]
		if len(set(names)) != len(names):
			frappe.throw(_("Two reporters have the same name: paper ballots could not tell them apart."), title=_("Invalid Reporters"))
		self.fill_last_meeting_reports()
		self.check_drawn_rows_kept()
		if self.status == "Open":
			self.fill_not_reported_in_term()

	def check_drawn_rows_kept(self):
		"""A drawn reporter is removed only by a second draw (with its reason), never silently; a
		change to the approved reporters withdraws the approval (审定 again)."""
		before = self.get_doc_before_save()
		if not before:
			return
		now = {row.cadre for row in self.reporters}
		removed = [row.cadre_name or row.cadre for row in before.reporters if row.drawn and row.cadre not in now]
		if removed and not self.flags.redraw:
			throw_violations([RuleViolation("{0} was drawn and cannot be removed: draw again with a reason instead.", ("、".join(removed),))], title=_("Invalid Reporters"))
		if before.reporters_approved_by and sorted((r.cadre, r.report_mode) for r in before.reporters) != sorted((r.cadre, r.report_mode) for r in self.reporters):
			self.reporters_approved_by = self.reporters_approved_on = None
			frappe.msgprint(_("The reporters changed: they need to be approved again."), alert=True)

	def fill_not_reported_in_term(self):
		"""The campaign's cadres with no report at a closed meeting in their current term (003 §12)."""
		cadres = self.campaign_cadres()
		names = dict(frappe.get_all("Sanshu Cadre", filters={"name": ("in", cadres or [""])}, fields=["name", "full_name"], as_list=True))
		self.not_reported_in_term = "、".join(names.get(c, c) for c in not_reported_in_term(cadres)) or _("None")

	def campaign_cadres(self) -> list:
		return frappe.get_all("Sanshu Campaign Cadre", filters={"parent": self.campaign, "parenttype": "Sanshu Campaign"}, pluck="cadre", order_by="idx")

	def fill_last_meeting_reports(self):
		"""Each reporter's last report at another meeting that is closed (一个任期至少会议报告一次)."""
		for row in self.reporters:
			last = frappe.db.sql(
				"""select m.name, m.meeting_date from `tabSanshu Meeting` m join `tabSanshu Meeting Reporter` r
				on r.parent = m.name and r.parenttype = 'Sanshu Meeting'
				where r.cadre = %s and r.report_mode = 'Meeting Report' and m.name != %s and m.status = 'Closed'
				order by m.meeting_date desc limit 1""",
				(row.cadre, self.name or ""),
			)
			with office_language():  # stored text: in the office's language, whoever saved the meeting
				row.last_meeting_report = f"{last[0][1]} {last[0][0]}" if last else _("None")

	def on_update(self):
		self.make_evaluations()

	def make_evaluations(self):
		"""An evaluation per reporter (or the campaign's existing one), with the desk evaluators on its roster."""
		for row in self.reporters:
			name = row.evaluation or frappe.db.get_value(
				"Sanshu Evaluation", {"campaign": self.campaign, "cadre": row.cadre, "docstatus": ("<", 2)}
			)
			if name:
				evaluation = frappe.get_doc("Sanshu Evaluation", name)
				if evaluation.docstatus != 0:
					frappe.throw(_("The evaluation of {0} is closed.").format(row.cadre_name), title=_("Invalid Reporters"))
				else:
					present = {r.evaluator for r in evaluation.roster}
					missing = [r for r in self.desk_evaluators if r.evaluator not in present]
					for r in missing:
						evaluation.append("roster", {"evaluator": r.evaluator, "evaluator_group": r.evaluator_group})
					if missing:
						evaluation.save(ignore_permissions=True)
			else:
				evaluation = frappe.get_doc(
					{
						"doctype": "Sanshu Evaluation",
						"campaign": self.campaign,
						"cadre": row.cadre,
						"evaluation_date": self.meeting_date,
						"roster": [{"evaluator": r.evaluator, "evaluator_group": r.evaluator_group} for r in self.desk_evaluators],
					}
				).insert(ignore_permissions=True)
			if row.evaluation != evaluation.name:
				row.db_set("evaluation", evaluation.name, update_modified=False)

	def on_trash(self):
		ballot_codes.forget_codes(self.name)

	# rules --------------------------------------------------------------------------------------
	def scale(self) -> list[str]:
		return frappe.get_doc("Sanshu Rule Set", self.rule_set).scale()

	def abstention_allowed(self) -> bool:
		return bool(frappe.db.get_value("Sanshu Rule Set", self.rule_set, "allow_abstention"))

	def require_open(self):
		if frappe.db.get_value(self.doctype, self.name, "status") != "Open":
			frappe.throw(_("The meeting is closed: no more ballots are taken."), title=_("Meeting Closed"))

	# the draw ------------------------------------------------------------------------------------
	@frappe.whitelist()
	def draw_reporters(self, reason: str | None = None):
		"""Commit to a draw of reporters (003 §14): the rule set's share of the campaign's cadres,
		rounded up, from those not listed yet, cadres not yet reported in their term first. Returns
		the commitment; ``Sanshu Draw.make_draw`` makes it. A second draw needs a reason."""
		require_roles(OFFICE_ROLES)
		self.require_open()
		cadres = self.campaign_cadres()
		previous = draws.latest(self.doctype, self.name, "Meeting Reporters")
		again = {r.cadre for r in self.reporters if r.drawn} if previous and previous.docstatus == 1 else set()
		listed = {row.cadre for row in self.reporters} - again
		pool = [c for c in cadres if c not in listed]
		if not pool:
			frappe.throw(_("Every cadre of the campaign is already a reporter of this meeting: no one is left to draw."), title=_("Cannot Draw"))
		percent = frappe.db.get_value("Sanshu Rule Set", self.rule_set, "reporter_share_percent")
		count = min(len(pool), max(proposal_count(len(cadres), percent) - len(listed), 1))
		first = set(not_reported_in_term(pool))
		names = dict(frappe.get_all("Sanshu Cadre", filters={"name": ("in", pool)}, fields=["name", "full_name"], as_list=True))
		draw = draws.commit(
			"Meeting Reporters", self.doctype, self.name,
			[{"candidate": c, "candidate_name": names.get(c), "priority": c in first} for c in pool], count, reason=reason,
		)  # fmt: skip
		return {"draw": draw.name, "commitment": draw.commitment, "count": draw.draw_count, "pool": len(draw.pool)}

	def apply_draw(self, draw, previous=None):
		"""The drawn cadres become Meeting Report reporters; those of the draw replaced leave."""
		if previous:
			gone = {row.candidate for row in previous.pool if row.drawn}
			self.reporters = [row for row in self.reporters if not (row.drawn and row.cadre in gone)]
		listed = {row.cadre for row in self.reporters}
		for cadre in (line for line in draw.result.splitlines() if line):
			if cadre not in listed:
				self.append("reporters", {"cadre": cadre, "report_mode": "Meeting Report", "drawn": 1})
		self.sanshu_draw, self.draw_count = draw.name, draw.draw_count
		self.drawn_by, self.drawn_on = draw.drawn_by, draw.drawn_on
		self.flags.redraw = True
		self.save(ignore_permissions=True)

	@frappe.whitelist()
	def approve_reporters(self):
		"""审定 (003 §14): the office approves the reporters; the meeting takes ballots only then."""
		require_roles(OFFICE_ROLES)
		self.require_open()
		pending = draws.latest(self.doctype, self.name, "Meeting Reporters")
		if pending and pending.docstatus == 0:
			frappe.throw(_("Draw {0} is committed but not made: make it before approving.").format(pending.name), title=_("Cannot Approve"))
		if not self.reporters:
			frappe.throw(_("List the reporters before approving them."), title=_("Cannot Approve"))
		self.reporters_approved_by, self.reporters_approved_on = frappe.session.user, now_datetime()
		self.save()
		return {"approved_by": self.reporters_approved_by, "approved_on": self.reporters_approved_on}

	def require_approved(self):
		if not frappe.db.get_value(self.doctype, self.name, "reporters_approved_by"):
			frappe.throw(_("The reporters have not been approved (审定, 003 §14): approve them before the meeting takes ballots."), title=_("Reporters Not Approved"))

	# codes ---------------------------------------------------------------------------------------
	@frappe.whitelist()
	def generate_codes(self, evaluator_group: str, count: int | str):
		"""New one-time codes for a group; returns the A4 slips (the only time the codes are shown)."""
		require_roles(OFFICE_ROLES)
		self.require_open()
		self.require_approved()
		count = cint(count)
		row = next((g for g in self.groups if g.evaluator_group == evaluator_group), None)
		if not row or count < 1:
			frappe.throw(_("Choose one of the meeting's evaluator groups and at least one code."), title=_("Cannot Make Codes"))
		codes = ballot_codes.issue_codes(self.name, evaluator_group, count)
		row.db_set("codes_issued", cint(row.codes_issued) + count, update_modified=False)
		return {"count": len(codes), "html": self.slips_html(codes, evaluator_group)}

	def slips_html(self, codes, evaluator_group) -> str:
		import segno

		base = frappe.utils.get_url(f"/{PAGE_ROUTE}")
		slips = []
		for code in codes:
			url = f"{base}?code={code}"
			svg = segno.make(url, error="m").svg_inline(scale=3, border=2)
			slips.append({"code": format_code(code), "qr": svg})
		return frappe.render_template(
			"sanshu_app/meeting_day/templates/ballot_slips.html",
			{"meeting": self, "slips": slips, "group": _(evaluator_group), "base": base},
		)

	@frappe.whitelist()
	def code_usage(self):
		"""Codes issued and used per group, live; never a choice."""
		require_roles(OFFICE_ROLES)
		return ballot_codes.code_usage(self.name)

	# paper ballots -------------------------------------------------------------------------------
	def paper_reporters(self) -> dict:
		return {bare_name(row.cadre_name): row.evaluation for row in self.reporters if row.evaluation}

	@frappe.whitelist()
	def import_paper_ballots(self, file_url: str, commit: int | str | bool = 0, mapping: str | None = None, remap: int | str | bool = 0):
		"""Read the clerk's workbook. commit=0: the counts per cadre and option and the rows as read
		only; commit=1: also write them to each reporter's evaluation. All rows good, or nothing.

		A workbook whose headings are not the known words is read through the clerk's column
		mapping (``mapping``, JSON; see ``rules.column_mapping``), or one remembered for its layout;
		without either the answer is the mapping step (``needs_mapping``), not a preview. ``remap``
		asks for the mapping step even so. A confirmed mapping is remembered with the counts."""
		require_roles(OFFICE_ROLES)
		self.require_open()
		self.require_approved()
		workbook = read_workbook(file_url)
		scale = self.scale()
		recognised = any(has_heading_row(rows, scale) for _title, rows in workbook)
		mapping, step = sheet_layouts.mapping_for("paper-ballots", workbook, mapping, recognised, ballot_fields(), scale, cint(remap))
		if step:
			return {**step, "committed": False}
		checked, sheets = None, workbook
		if mapping:
			checked, sheets = mapped_meeting_sheets(workbook, mapping, scale)
			if checked is None:
				return sheet_layouts.mapping_refused("paper-ballots", workbook, mapping, sheets, ballot_fields(), scale)
		names = {row.evaluation: row.cadre_name for row in self.reporters}
		all_names = [bare_name(row.cadre_name) for row in self.reporters]
		ambiguous = {n for n in all_names if all_names.count(n) > 1}
		try:
			counts, rows = read_meeting_workbook(sheets, self.paper_reporters(), scale, ambiguous)
		except RuleError as error:
			raise_rule_error(error, title=_("Malformed Workbook"))
		preview = [{"evaluation": ev, "cadre_name": names.get(ev), "counts": per_option} for ev, per_option in counts.items()]
		kinds = {"ballot": _("Counted"), "title": _("Title Row, Skipped"), "total": _("Totals Row, Skipped"), "heading": _("Heading Row, Skipped")}
		read = [dict(r, cadre_name=names.get(r["key"]), kind_label=kinds[r["kind"]]) for r in rows]
		answer = {"scale": scale, "reporters": preview, "rows": read, "mapping": mapping, "committed": bool(cint(commit))}
		if cint(commit) and checked:
			sheet_layouts.remember("paper-ballots", checked, dict(workbook)[checked.sheet][checked.header_index])
		if cint(commit):
			for ev, per_option in counts.items():
				evaluation = frappe.get_doc("Sanshu Evaluation", ev)
				if evaluation.docstatus != 0:
					frappe.throw(_("The evaluation of {0} is closed.").format(evaluation.cadre_name), title=_("Meeting Closed"))
				for row in evaluation.counts:
					row.paper_ballots = per_option.get(row.option, 0)
				evaluation.paper_ballots_collected = sum(per_option.values())
				evaluation.invalid_paper_ballots = 0
				evaluation.paper_source = file_url.rsplit("/", 1)[-1]
				evaluation.save(ignore_permissions=True)
			self.db_set("paper_source", file_url.rsplit("/", 1)[-1])
		return answer

	# closing -------------------------------------------------------------------------------------
	@frappe.whitelist()
	def close_meeting(self):
		"""Close the meeting and every evaluation of it at once (all or nothing)."""
		require_roles(OFFICE_ROLES)
		self.require_open()
		self.require_approved()
		frappe.db.sql("select name from `tabSanshu Meeting` where name=%s for update", self.name)
		self.db_set({"status": "Closed", "closed_on": nowdate()})
		outcomes = {}
		for row in self.reporters:
			evaluation = frappe.get_doc("Sanshu Evaluation", row.evaluation)
			if evaluation.docstatus == 0:
				evaluation.flags.ignore_permissions = True
				evaluation.submit()
			outcomes[row.cadre_name] = evaluation.outcome
		return outcomes

	# results -------------------------------------------------------------------------------------
	def results(self) -> list[dict]:
		"""Per reporter, after closing only: counts per option, shares, outcome and rank, and counts
		per evaluator group. Shown only over at least k ballots (the rule set's ``min_ballots_shown``):
		a reporter with fewer ballots in all gets no counts, shares or rank (``withheld``), and groups
		with fewer are merged into 其他 (``merged``: the groups merged); see ``rules.anonymity``."""
		from sanshu_app.rules.anonymity import counts_shown, merge_small_groups
		from sanshu_app.rules.meeting import rank, weighted_shares

		if self.status != "Closed":
			frappe.throw(_("Results are shown when the meeting is closed."), title=_("Meeting Open"))
		scale = self.scale()
		weights = self.group_weights()
		k = self.min_ballots_shown()
		shown, withheld = [], []
		for row in self.reporters:
			evaluation = frappe.get_doc("Sanshu Evaluation", row.evaluation)
			all_groups = evaluation.group_counts()  # the box's counts (online by group) and the paper ones
			counts = {o: sum(g.get(o, 0) for g in all_groups.values()) for o in scale}
			total = sum(counts.values())
			by_group, merged = merge_small_groups(all_groups, k)
			result = {
				"cadre_name": row.cadre_name,
				"report_mode": row.report_mode,
				"evaluation": evaluation.name,
				"outcome": evaluation.outcome,
				"total": total,
				"by_group": by_group,
				"merged": merged,
				"withheld": not counts_shown(total, k) or bool(evaluation.counts_withheld),
			}
			if result["withheld"]:
				result.update(counts={}, shares={}, by_group={}, rank=None)
				withheld.append(result)
				continue
			result["counts"] = counts
			result["shares"] = weighted_shares(all_groups, weights, scale) if weights else {o: (counts.get(o, 0) / total if total else 0) for o in scale}
			shown.append(result)
		return rank(shown, scale) + withheld

	def min_ballots_shown(self) -> int:
		return frappe.get_cached_doc("Sanshu Rule Set", self.rule_set).min_ballots()

	def result_groups(self, results) -> list:
		return result_groups(results)

	def anonymity_notes(self, results) -> list[str]:
		return anonymity_notes(results, self.min_ballots_shown())

	def group_weights(self) -> dict:
		"""Group -> weight (percent) from the rule set, or {} when ballots count plainly (the seeds)."""
		return frappe.get_doc("Sanshu Rule Set", self.rule_set).weights_by_group()


def read_workbook(file_url) -> list:
	"""Every sheet of an uploaded workbook as (name, rows), formulas kept as text (so a totals row shows)."""
	sheets = uploaded_sheets(file_url, "{0} is not a readable Excel (.xlsx) workbook.", "Malformed Workbook", missing="File {0} was not found.", formulas=True)
	return [(title, [tuple(row) for row in rows]) for title, rows in sheets]


@frappe.whitelist()
def paper_ballot_template(meeting: str):
	"""The workbook clerks fill: a title and a note, then 票号 / 被评议人 / 单位 and one tick column per option."""
	require_roles(OFFICE_ROLES)
	doc = frappe.get_doc("Sanshu Meeting", meeting)
	scale = doc.scale()
	rows = [["票号", "被评议人", "单位", *scale]]
	for row in doc.reporters:
		rows.append([1, row.cadre_name, frappe.db.get_value("Sanshu Cadre", row.cadre, "unit"), *([None] * len(scale))])
	sheet = Sheet(
		"测评票",
		rows,
		heading=f"{getdate(doc.meeting_date).year}年度述职述责述廉民主测评统计表",
		note="说明：每张选票每位被评议人一行，在所选评价下打√。",
	)
	send_xlsx(f"{doc.name}-paper-ballots.xlsx", plain_workbook(sheet))


@frappe.whitelist()
def results_workbook(meeting: str):
	"""The meeting's 测评结果汇总表 as xlsx."""
	require_roles(OFFICE_ROLES)
	doc = frappe.get_doc("Sanshu Meeting", meeting)
	scale = doc.scale()
	results = doc.results()
	groups = result_groups(results)
	rows = [[f"{doc.name} 测评结果汇总表"]]
	for note in anonymity_notes(results, doc.min_ballots_shown()):
		rows.append([note])
	rows.append([_("Ranking"), _("Cadre Name"), *scale, _("Total Ballots"), *[f"{o} {_('Share of Ballots')}" for o in scale], _("Outcome"), *[f"{_(g)} {o}" for g in groups for o in scale]])
	for r in results:
		if r["withheld"]:
			rows.append([None, r["cadre_name"], *["—"] * len(scale), "—", *["—"] * len(scale), r["outcome"], *["—"] * (len(groups) * len(scale))])
			continue
		rows.append(
			[
				r["rank"],
				r["cadre_name"],
				*[r["counts"].get(o, 0) for o in scale],
				r["total"],
				*[round(r["shares"].get(o, 0) * 100, 2) for o in scale],
				r["outcome"],
				*[r["by_group"].get(g, {}).get(o, 0) if g in r["by_group"] else "—" for g in groups for o in scale],
			]
		)
	send_xlsx(f"{doc.name}-测评结果汇总表.xlsx", plain_workbook(Sheet("测评结果汇总表", rows)))


def result_groups(results) -> list:
	"""The evaluator groups shown in any reporter's results, 其他 last."""
	from sanshu_app.rules.anonymity import OTHER_GROUP

	groups = sorted({g for r in results for g in r["by_group"] if g != OTHER_GROUP})
	return groups + ([OTHER_GROUP] if any(OTHER_GROUP in r["by_group"] for r in results) else [])


def anonymity_notes(results, k) -> list[str]:
	"""What the results summary says about the counts it does not show (in Chinese, as printed)."""
	notes = []
	if any(r["merged"] for r in results if not r["withheld"]):
		notes.append(f"注：为保护投票人匿名，分类别票数中不足{k}票的类别合并为“其他”列示。")
	if any(r["withheld"] for r in results):
		notes.append(f"注：有效票不足{k}张的被评议人，不列示各评价票数、占比和名次，只列示测评结果（票数过少可能暴露个人选择）。")
	return notes


@frappe.whitelist()
def feedback_letters(meeting: str):
	"""The 测评结果反馈 letters of every reporter of a closed meeting, in one PDF (003 §19): each
	exactly as its single print (the official layout, its own page numbers)."""
	from sanshu_app.utils.official_pdf import documents_pdf

	require_roles(OFFICE_ROLES)
	doc = frappe.get_doc("Sanshu Meeting", meeting)
	if doc.status != "Closed":
		frappe.throw(_("Results are shown when the meeting is closed."), title=_("Meeting Open"))
	frappe.response["type"] = "binary"
	frappe.response["filename"] = f"{doc.name}-测评结果反馈.pdf"
	frappe.response["filecontent"] = documents_pdf("Sanshu Evaluation", [row.evaluation for row in doc.reporters], "测评结果反馈")


def feedback_letters_html(doc) -> str:
	pages = [frappe.get_print("Sanshu Evaluation", row.evaluation, print_format="测评结果反馈", no_letterhead=1) for row in doc.reporters]
	return '<div style="page-break-after: always"></div>'.join(pages)
