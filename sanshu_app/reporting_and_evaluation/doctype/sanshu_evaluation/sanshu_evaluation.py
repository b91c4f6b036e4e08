# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt
"""Democratic evaluation of one cadre in one campaign.

Anonymity: an online ballot goes into the ballot box (``sanshu_app.ballot_box``), a plain table
that is not a DocType, so no generic door counts or reads it; a box row holds the choice, the
evaluation and the evaluator group, nothing about who or when. Who has voted is kept apart, as
the roster's ``voted`` flag, in the same transaction, for the once-only rule: it is written
without touching ``modified`` and sits at a permission level no role may read, so nobody (the
office included) reads or filters it; the office sees only the turnout (``onload``), an evaluator
only their own marks (``my_ballots``: the evaluations they have still to vote in). Online counts are read from the box only when the evaluation
is closed, and kept per option only when at least k ballots were cast (the rule set's
``min_ballots_shown``): a count over fewer could be one person's choice.
"""


import json

import frappe
from frappe import _
from frappe.utils import cint, flt, nowdate

from sanshu_app import ballot_box
from sanshu_app.rules.anonymity import counts_shown
from sanshu_app.rules.evaluation import ballot_sheet_fields, ballot_sheet_known, mapped_ballot_sheet, paper_count_violations, parse_ballot_sheet, vote_violations
from sanshu_app.rules.meeting import weighted_tally
from sanshu_app.rules.rating import aspect_vote_violations, rate_aspects
from sanshu_app.rules import roles
from sanshu_app.rules.messages import RuleError
from sanshu_app.utils import OFFICE_ROLES, is_office, office_language, raise_rule_error, require_roles, throw_violations
from sanshu_app.utils import sheet_layouts
from sanshu_app.utils.xlsx import Sheet, plain_workbook, send_xlsx, uploaded_sheets
from sanshu_app.permissions.scoped_document import ScopedDocument

EVALUATOR_ROLE = roles.EVALUATOR
RECTIFICATION = "Rectification"
PAPER_GROUP = "Paper Ballots"  # paper ballots carry no evaluator group: weighted as a group of their own


class SanshuEvaluation(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation_aspect_count.sanshu_evaluation_aspect_count import SanshuEvaluationAspectCount
		from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation_aspect_outcome.sanshu_evaluation_aspect_outcome import SanshuEvaluationAspectOutcome
		from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation_count.sanshu_evaluation_count import SanshuEvaluationCount
		from sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluator.sanshu_evaluator import SanshuEvaluator

		abstentions: DF.Int
		accountability: DF.Check
		amended_from: DF.Link | None
		aspect_counts: DF.Table[SanshuEvaluationAspectCount]
		aspect_outcomes: DF.Table[SanshuEvaluationAspectOutcome]
		blank_paper_ballots: DF.Int
		cadre: DF.Link
		cadre_name: DF.Data | None
		campaign: DF.Link
		closed_on: DF.Date | None
		consequences: DF.SmallText | None
		counts: DF.Table[SanshuEvaluationCount]
		counts_withheld: DF.Check
		decided_band: DF.Data | None
		document_number: DF.Data | None
		evaluation_date: DF.Date
		integrity_talk: DF.Link | None
		invalid_paper_ballots: DF.Int
		issuer: DF.Data | None
		online_ballots: DF.Int
		outcome: DF.Data | None
		outcome_decided_by: DF.Link | None
		outcome_decided_on: DF.Datetime | None
		outcome_pending: DF.Check
		paper_ballots_collected: DF.Int
		paper_source: DF.Data | None
		rectification: DF.DynamicLink | None
		rectification_doctype: DF.Link | None
		rectification_ordered: DF.Check
		referral: DF.Check
		roster: DF.Table[SanshuEvaluator]
		rule_set: DF.Link | None
		status: DF.Literal["Voting", "Closed"]
		suggestions: DF.Text | None
		total_ballots: DF.Int
		unit: DF.Link | None
	# end: auto-generated types

	def onload(self):
		if not self.is_new() and is_office():
			self.set_onload("turnout", turnout(self.name))
		self.set_onload("min_ballots_shown", self.min_ballots_shown())

	def min_ballots_shown(self) -> int:
		return frappe.get_cached_doc("Sanshu Rule Set", self.rule_set).min_ballots() if self.rule_set else 0

	def validate(self):
		self.fill_from_campaign()
		self.validate_one_per_cadre()
		self.validate_roster()
		self.sync_count_rows()
		self.sync_aspect_rows()
		throw_violations(
			paper_count_violations(
				{row.option: cint(row.paper_ballots) for row in self.counts},
				self.scale(),
				cint(self.paper_ballots_collected),
				cint(self.invalid_paper_ballots),
				cint(self.get("blank_paper_ballots")),
			),
			title=_("Tally Does Not Add Up"),
		)

	def fill_from_campaign(self):
		if not self.rule_set:
			self.rule_set = frappe.db.get_value("Sanshu Campaign", self.campaign, "evaluation_rule_set")
		if not self.rule_set:
			frappe.throw(_("Campaign {0} has no evaluation rule set.").format(self.campaign), title=_("No Rule Set"))
		if not frappe.db.exists("Sanshu Campaign Cadre", {"parent": self.campaign, "parenttype": "Sanshu Campaign", "cadre": self.cadre}):
			frappe.throw(_("{0} does not take part in campaign {1}.").format(self.cadre_name or self.cadre, self.campaign), title=_("Not a Participant"))

	def validate_one_per_cadre(self):
		other = frappe.db.exists("Sanshu Evaluation", {"campaign": self.campaign, "cadre": self.cadre, "name": ("!=", self.name), "docstatus": ("<", 2)})
		if other:
			frappe.throw(_("{0} is already evaluated in this campaign: {1}.").format(self.cadre_name or self.cadre, other), title=_("Duplicate Evaluation"))

	def validate_roster(self):
		cadre_user = frappe.db.get_value("Sanshu Cadre", self.cadre, "user")
		seen = set()
		for row in self.roster:
			if row.evaluator in seen:
				frappe.throw(_("Row {0}: {1} is on the roster twice.").format(row.idx, row.evaluator), title=_("Invalid Roster"))
			seen.add(row.evaluator)
			if EVALUATOR_ROLE not in frappe.get_roles(row.evaluator):
				frappe.throw(_("Row {0}: {1} does not have the Evaluator role.").format(row.idx, row.evaluator), title=_("Invalid Roster"))
			if row.evaluator == cadre_user:
				frappe.throw(_("Row {0}: a cadre cannot evaluate themself.").format(row.idx), title=_("Invalid Roster"))
		if self.is_new():
			for row in self.roster:
				row.voted = 0
			return
		# The voted flags live in the database only: a form loaded before a vote must not undo it.
		voted = set(frappe.get_all("Sanshu Evaluator", filters={"parent": self.name, "parenttype": self.doctype, "voted": 1}, pluck="evaluator"))
		stored = set(frappe.get_all("Sanshu Evaluator", filters={"parent": self.name, "parenttype": self.doctype}, pluck="evaluator"))
		if voted and stored - seen:
			# Refused for anyone once anyone has voted: refusing only voters would tell who voted.
			frappe.throw(_("Voting has begun: nobody can be taken off the roster any more."), title=_("Invalid Roster"))
		for row in self.roster:
			row.voted = 1 if row.evaluator in voted else 0

	def scale(self) -> list[str]:
		return frappe.get_doc("Sanshu Rule Set", self.rule_set).scale()

	def sync_count_rows(self):
		scale = self.scale()
		present = {row.option for row in self.counts}
		for option in scale:
			if option not in present:
				self.append("counts", {"option": option, "paper_ballots": 0})
		order = {option: i for i, option in enumerate(scale)}
		self.counts.sort(key=lambda row: order.get(row.option, len(order)))
		for i, row in enumerate(self.counts, start=1):
			row.idx = i

	def aspects(self) -> list[str]:
		return frappe.get_cached_doc("Sanshu Rule Set", self.rule_set).aspects_rated() if self.rule_set else []

	def sync_aspect_rows(self):
		"""A count row per aspect and option when the rule set rates aspects separately (000 四（二）);
		each aspect's paper counts add up to no more than the valid paper ballots."""
		aspects, scale = self.aspects(), self.scale()
		present = {(row.aspect, row.option) for row in self.get("aspect_counts") or []}
		for aspect in aspects:
			for option in scale:
				if (aspect, option) not in present:
					self.append("aspect_counts", {"aspect": aspect, "option": option, "paper_ballots": 0})
		keep = [row for row in self.get("aspect_counts") or [] if row.aspect in aspects and row.option in scale]
		order = {(a, o): i for i, (a, o) in enumerate((a, o) for a in aspects for o in scale)}
		keep.sort(key=lambda row: order[(row.aspect, row.option)])
		self.set("aspect_counts", keep)
		for i, row in enumerate(self.aspect_counts, start=1):
			row.idx = i
		valid_paper = cint(self.paper_ballots_collected) - cint(self.invalid_paper_ballots) - cint(self.get("blank_paper_ballots"))
		for aspect in aspects:
			rated = sum(cint(row.paper_ballots) for row in self.aspect_counts if row.aspect == aspect)
			if rated > max(valid_paper, 0):
				frappe.throw(
					_("Aspect {0}: {1} paper ratings, but only {2} valid paper ballots were collected.").format(aspect, rated, max(valid_paper, 0)),
					title=_("Tally Does Not Add Up"),
				)

	def rate_aspects(self, rule_set):
		"""Closing: each aspect's tally (paper and online) and its own outcome."""
		aspects = rule_set.aspects_rated()
		if not aspects:
			return
		tallies = {}
		for aspect in aspects:
			online = ballot_box.tally(self, aspect=aspect)
			online.pop(ballot_box.ABSTAIN, 0)
			for row in self.aspect_counts:
				if row.aspect == aspect:
					row.online_ballots = online.get(row.option, 0)
					row.total_ballots = cint(row.paper_ballots) + row.online_ballots
			tallies[aspect] = {row.option: row.total_ballots for row in self.aspect_counts if row.aspect == aspect}
		try:
			ratings = rate_aspects(tallies, self.scale(), rule_set.rating_thresholds(), rule_set.fallback_outcome)
		except RuleError as error:
			raise_rule_error(error, title=_("Cannot Close"))
		self.set("aspect_outcomes", [])
		for aspect in aspects:
			rating = ratings[aspect]
			self.append("aspect_outcomes", {"aspect": aspect, "ballots": rating.total, "outcome": rating.outcome or _("No ballots")})
			for row in self.aspect_counts:
				if row.aspect == aspect:
					row.share = flt(float(rating.shares.get(row.option, 0)) * 100, 2)
		if self.counts_withheld:  # fewer than k ballots in all: no count per option, per aspect either
			for row in self.aspect_counts:
				row.online_ballots = row.total_ballots = row.share = 0

	# closing ------------------------------------------------------------------------------------
	def on_trash(self):
		ballot_box.remove_subject(self.name)
		for aspect in self.aspects():
			ballot_box.remove_subject(ballot_box.aspect_subject(self.name, aspect))

	def before_submit(self):
		online = ballot_box.tally(self)
		online_abstentions = online.pop(ballot_box.ABSTAIN, 0)
		scale = self.scale()
		off_scale = {option: n for option, n in online.items() if option not in scale}
		if off_scale:
			# never drop a ballot: a renamed or removed option leaves ballots the scale cannot count
			frappe.throw(
				_("{0} online ballots chose options that are not on the scale of rule set {1} ({2}): the evaluation cannot be closed until the scale counts them.").format(
					sum(off_scale.values()), self.rule_set, "、".join(sorted(off_scale))
				),
				title=_("Cannot Close"),
			)
		for row in self.counts:
			row.online_ballots = online.get(row.option, 0)
			row.total_ballots = cint(row.paper_ballots) + row.online_ballots
		tally = {row.option: row.total_ballots for row in self.counts}
		abstentions = online_abstentions + cint(self.get("blank_paper_ballots"))
		rule_set = frappe.get_doc("Sanshu Rule Set", self.rule_set)
		try:
			weights = rule_set.weights_by_group()
			weighted_abstentions = abstentions
			if weights:  # the rule set weights the evaluator groups: rate the weighted tally
				# abstentions weigh in their group only when they count in the denominator
				counted = bool(rule_set.get("count_abstentions"))
				tally = weighted_tally(self.group_counts(with_abstentions=counted), weights, [*scale, ballot_box.ABSTAIN])
				weighted_abstentions = tally.pop(ballot_box.ABSTAIN, 0)
			rating = rule_set.rate(tally, abstentions=weighted_abstentions)
		except RuleError as error:
			raise_rule_error(error, title=_("Cannot Close"))
		if rating.outcome is None:
			frappe.throw(_("No valid ballots were cast: the evaluation cannot be closed."), title=_("Cannot Close"))
		for row in self.counts:
			row.share = flt(float(rating.shares.get(row.option, 0)) * 100, 2)
		self.online_ballots = sum(online.values())
		# the number of ballots is a count, never the weighted figure the rating compares
		self.total_ballots = sum(cint(row.total_ballots) for row in self.counts)
		self.abstentions = abstentions
		self.outcome_pending = int(rating.pending)
		ballots = sum(cint(row.total_ballots) for row in self.counts)
		self.counts_withheld = int(not counts_shown(ballots, rule_set.min_ballots()))
		if self.counts_withheld:
			# fewer than k ballots: a count per option could be one person's choice; keep none
			for row in self.counts:
				row.online_ballots = row.total_ballots = row.share = 0
		self.rate_aspects(rule_set)
		self.outcome = rating.outcome
		self.status = "Closed"
		self.closed_on = nowdate()
		self.rectification_ordered = int("creates_rectification" in rating.consequences)
		self.flags.consequences = rating.consequences

	def on_submit(self):
		with office_language():
			self.create_consequences()

	def group_counts(self, with_abstentions: bool = False) -> dict:
		"""Ballots per evaluator group and option (paper ballots as one group); closing only.
		Abstentions (``ballot_box.ABSTAIN``) only ``with_abstentions``."""
		counts = {}
		for (group, choice), n in ballot_box.tally(self, by_group=True).items():
			if choice == ballot_box.ABSTAIN and not with_abstentions:
				continue
			counts.setdefault(group, {})[choice] = counts.get(group, {}).get(choice, 0) + n
		paper = {row.option: cint(row.paper_ballots) for row in self.counts if cint(row.paper_ballots)}
		if with_abstentions and cint(self.get("blank_paper_ballots")):
			paper[ballot_box.ABSTAIN] = cint(self.blank_paper_ballots)
		if paper:
			counts[PAPER_GROUP] = paper
		return counts

	def create_consequences(self):
		consequences = self.flags.consequences or ()
		notes = []
		talk_type = next((c.split(":", 1)[1] for c in consequences if c.startswith("talk:")), None)
		if talk_type:
			talk = self.make_talk(talk_type)
			self.db_set("integrity_talk", talk)
			notes.append(f"{_(talk_type)} {talk}")
		if "creates_rectification" in consequences:
			rectification = self.make_rectification()
			if rectification:
				self.db_set({"rectification_doctype": RECTIFICATION, "rectification": rectification})
				notes.append(f"{_('Rectification')} {rectification}")
			else:
				notes.append(_("Rectification ordered (to be recorded)"))
		if self.outcome_pending and not self.decided_band:
			notes.append(_("No band was reached: the office decides the outcome."))
		elif self.decided_band:
			notes.append(_("Band {0} decided by {1} on {2}.").format(self.decided_band, self.outcome_decided_by, self.outcome_decided_on))
		for name in self.propose_accountability():
			notes.append(f"{_('Accountability')} {name}")
		self.db_set("consequences", "；".join(notes) if notes else _("None"))

	def propose_accountability(self) -> list[str]:
		"""Draft accountability records (问责) for the rule set's consequence rows of this outcome."""
		from sanshu_app.utils.accountability import propose

		if self.counts_withheld:  # fewer than k ballots: no count or share may be shown
			figures = _("Outcome {0}; fewer than {1} ballots, so no counts are shown.").format(self.outcome, self.min_ballots_shown())
		else:
			shares = "，".join(f"{row.option} {cint(row.total_ballots)}（{flt(row.share):g}%）" for row in self.counts)
			figures = _("Outcome {0}: {1}; {2} ballots, {3} abstentions.").format(self.outcome, shares, cint(self.total_ballots), cint(self.abstentions))
		return propose(
			"Evaluation", self.doctype, self.name, self.rule_set, cadre=self.cadre, unit=self.unit, campaign=self.campaign, outcome=self.outcome, figures=figures
		)

	@frappe.whitelist()
	def decide_outcome(self, band: str):
		"""The office decides the band of an evaluation no band held for (recorded: who, when, which band)."""
		require_roles(OFFICE_ROLES)
		rule_set = frappe.get_doc("Sanshu Rule Set", self.rule_set)
		bands = [t.outcome for t in rule_set.rating_thresholds()]
		if self.docstatus != 1 or not self.outcome_pending or self.decided_band:
			frappe.throw(_("Only a closed evaluation whose outcome awaits the office can be decided, once."), title=_("Not Saved"))
		if band not in bands:
			frappe.throw(_("{0} is not a band of rule set {1}: choose one of {2}.").format(band, self.rule_set, "、".join(bands)), title=_("Not Saved"))
		self.db_set({"outcome": band, "decided_band": band, "outcome_decided_by": frappe.session.user, "outcome_decided_on": frappe.utils.now_datetime()})
		threshold = next(t for t in rule_set.rating_thresholds() if t.outcome == band)
		self.flags.consequences = threshold.consequences
		with office_language():
			self.create_consequences()
		return band

	def make_talk(self, talk_type):
		reason = _("Democratic evaluation {0} of campaign {1}: outcome {2}.").format(self.name, self.campaign, self.outcome)
		talk = frappe.get_doc(
			{
				"doctype": "Integrity Talk",
				"talk_type": talk_type,
				"cadre": self.cadre,
				"campaign": self.campaign,
				"reason": reason,
				"reason_doctype": self.doctype,
				"reason_name": self.name,
			}
		)
		return talk.insert(ignore_permissions=True).name

	def make_rectification(self):
		"""A draft Rectification when that doctype is installed (module Assessment and Rectification)."""
		if not frappe.db.exists("DocType", RECTIFICATION):
			return None
		meta = frappe.get_meta(RECTIFICATION)
		text = _("Democratic evaluation {0} of campaign {1}: outcome {2}.").format(self.name, self.campaign, self.outcome)
		values = {
			"source_type": "Evaluation",
			"source_doctype": self.doctype,
			"source_name": self.name,
			"cadre": self.cadre,
			"unit": self.unit,
			"campaign": self.campaign,
			"subject_name": self.cadre_name,
			"problems": text,
		}
		if self.integrity_talk:
			values.update({"talk_doctype": "Integrity Talk", "integrity_talk": self.integrity_talk})
		doc = frappe.get_doc({"doctype": RECTIFICATION, **{k: v for k, v in values.items() if meta.has_field(k)}})
		doc.flags.ignore_mandatory = True
		return doc.insert(ignore_permissions=True).name

	@frappe.whitelist()
	def close_evaluation(self):
		"""Count the ballots, rate the tally, lock the evaluation and create the consequences."""
		require_roles(OFFICE_ROLES)
		self.submit()
		return self.outcome

	@frappe.whitelist()
	def import_paper_sheet(self, file_url: str, commit: int | str = 1, mapping: str | None = None, remap: int | str = 0):
		"""Set the paper counts from an Excel sheet with one row per paper ballot (all rows good, or
		nothing). commit=0: the counts only (the desk's preview; it writes with commit=1). A sheet
		headed otherwise is read through the clerk's column ``mapping`` (or the one remembered for
		its layout); without either the answer is the mapping step (``rules.column_mapping``)."""
		require_roles(OFFICE_ROLES)
		if self.docstatus != 0:
			frappe.throw(_("This evaluation is closed: no more votes are taken."), title=_("Evaluation Closed"))
		counts, mapping, checked, step = read_mapped_ballot_sheet(file_url, self.scale(), self.cadre_name, mapping, cint(remap))
		if step:
			return {**step, "committed": 0}
		if not cint(commit):
			return {"counts": counts, "scale": self.scale(), "cadre_name": self.cadre_name, "mapping": mapping, "committed": 0}
		if checked:
			sheets = uploaded_sheets(file_url, "{0} is not a readable Excel (.xlsx) sheet.", "Malformed Sheet")
			sheet_layouts.remember("evaluation-ballots", checked, dict(sheets)[checked.sheet][checked.header_index])
		for row in self.counts:
			row.paper_ballots = counts.get(row.option, 0)
		self.paper_ballots_collected = sum(counts.values())
		self.invalid_paper_ballots = 0
		self.paper_source = file_url.rsplit("/", 1)[-1]
		self.save()
		return counts


@frappe.whitelist()
def ballot_sheet_template(evaluation: str):
	"""An empty paper-ballot sheet for an evaluation: the 序号 / 评价 heading, choices limited to the scale."""
	require_roles(OFFICE_ROLES)
	doc = frappe.get_doc("Sanshu Evaluation", evaluation)
	send_xlsx(f"{doc.name}-ballots.xlsx", plain_workbook(Sheet("选票", [["序号", "评价"]], choices=(doc.scale(), "B2:B2000"))))


def read_mapped_ballot_sheet(file_url, scale, cadre_name=None, mapping=None, remap=0) -> tuple:
	"""(counts, the mapping applied, its check, None), or (None, None, None, the mapping step) when
	the sheet's headings are not the known ones and no mapping is sent or remembered."""
	sheets = uploaded_sheets(file_url, "{0} is not a readable Excel (.xlsx) sheet.", "Malformed Sheet", missing="File {0} was not found.")
	sheets = [(title, [tuple(row) for row in rows]) for title, rows in sheets]
	first = sheets[0][1] if sheets else []
	mapping, step = sheet_layouts.mapping_for("evaluation-ballots", sheets, mapping, ballot_sheet_known(first), ballot_sheet_fields(), None, remap)
	if step:
		return None, None, None, step
	if not mapping:
		return read_ballot_sheet(file_url, scale, cadre_name), None, None, None
	rows, first_row, checked = mapped_ballot_sheet(sheets, mapping)
	if rows is None:
		return None, None, None, sheet_layouts.mapping_refused("evaluation-ballots", sheets, mapping, checked, ballot_sheet_fields())
	try:
		return parse_ballot_sheet(rows, scale, cadre_name, first_row), mapping, checked, None
	except RuleError as error:
		raise_rule_error(error, title=_("Malformed Sheet"))


def read_ballot_sheet(file_url, scale, cadre_name=None) -> dict:
	sheets = uploaded_sheets(file_url, "{0} is not a readable Excel (.xlsx) sheet.", "Malformed Sheet", missing="File {0} was not found.")
	rows = [tuple(row) for row in sheets[0][1]]
	try:
		return parse_ballot_sheet(rows, scale, cadre_name)
	except RuleError as error:
		raise_rule_error(error, title=_("Malformed Sheet"))


@frappe.whitelist(methods=["POST"])
def cast_ballot(evaluation: str, choice: str, aspects: str | dict | None = None):
	"""Vote once, online, as a rostered evaluator. Stores the choice only (see the module docstring).
	``aspects``: aspect -> choice (JSON) when the rule set rates aspects separately (000 四（二）);
	each goes into the box as a ballot of its own, under the aspect's subject."""
	user = frappe.session.user
	choice = (choice or "").strip()
	found = frappe.db.sql(
		"select docstatus, rule_set from `tabSanshu Evaluation` where name=%s for update",
		evaluation,
		as_dict=True,
	)
	if not found:
		frappe.throw(_("You are not on the evaluator roster of this evaluation."), title=_("Vote Refused"))
	found = found[0]
	row = frappe.db.sql(
		"select name, voted, evaluator_group from `tabSanshu Evaluator` where parent=%s and parenttype='Sanshu Evaluation' and evaluator=%s for update",
		(evaluation, user),
		as_dict=True,
	)
	row = row[0] if row else None
	throw_violations(
		vote_violations(
			on_roster=bool(row),
			already_voted=bool(row and row.voted),
			closed=found.docstatus != 0,
			choice=choice,
			scale=frappe.get_doc("Sanshu Rule Set", found.rule_set).scale(),
		),
		title=_("Vote Refused"),
	)
	rated = frappe.get_cached_doc("Sanshu Rule Set", found.rule_set).aspects_rated()
	if rated:
		if isinstance(aspects, str):
			try:
				aspects = json.loads(aspects or "{}")
			except ValueError:
				aspects = {}
		aspects = aspects if isinstance(aspects, dict) else {}
		aspects = {str(k): (v or "").strip() if isinstance(v, str) else "" for k, v in aspects.items()}
		throw_violations(aspect_vote_violations(rated, aspects, frappe.get_cached_doc("Sanshu Rule Set", found.rule_set).scale()), title=_("Vote Refused"))
	# the ballot and the once-only mark in one transaction; the mark keeps its row's timestamps
	ballot_box.cast(evaluation, evaluation, choice, row.evaluator_group)
	for aspect in rated:
		ballot_box.cast(evaluation, ballot_box.aspect_subject(evaluation, aspect), aspects[aspect], row.evaluator_group)
	frappe.db.set_value("Sanshu Evaluator", row.name, "voted", 1, update_modified=False)
	return _("Your vote has been recorded.")


def turnout(evaluation) -> int:
	"""How many on the roster have voted online: the office's only view of the voted flags."""
	return cint(
		frappe.db.sql(
			"select count(*) from `tabSanshu Evaluator` where parent=%s and parenttype='Sanshu Evaluation' and voted=1",
			evaluation,
		)[0][0]
	)


@frappe.whitelist()
def my_ballots():
	"""The open evaluations the current user still has to vote in, with what voting needs and nothing more."""
	user = frappe.session.user
	rows = frappe.db.sql(
		"""select e.name, e.cadre_name, e.unit, e.campaign, e.rule_set
		from `tabSanshu Evaluation` e join `tabSanshu Evaluator` r
			on r.parent = e.name and r.parenttype = 'Sanshu Evaluation'
		where r.evaluator = %s and r.voted = 0 and e.docstatus = 0
		order by e.campaign, e.cadre_name""",
		user,
		as_dict=True,
	)
	scales = {}
	for row in rows:
		if row.rule_set not in scales:
			rule_set = frappe.get_doc("Sanshu Rule Set", row.rule_set)
			scales[row.rule_set] = (rule_set.scale(), rule_set.aspects_rated())
		row.options, row.aspects = scales[row.pop("rule_set")]
	return rows
