# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from sanshu_app.rules.campaigns import next_year_title, same_day_next_year
from sanshu_app.setup.default_rule_sets import CAMPAIGN_DEFAULTS, CAMPAIGN_DEFAULTS_ALL_SCHEMES
from sanshu_app.utils import require_roles

DATE_FIELDS = ("commitment_due_date", "report_due_date", "meeting_date")
# The publication window (述前公开) and how long its replies stay shown: moved a year on by the copy.
PUBLICATION_DATE_FIELDS = ("publish_from", "publish_until", "replies_shown_until")
RULE_SET_PURPOSES = {"evaluation_rule_set": "Evaluation Rating", "assessment_rule_set": "Responsibility Assessment"}


class SanshuCampaign(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from sanshu_app.sanshu_setup.doctype.sanshu_campaign_cadre.sanshu_campaign_cadre import SanshuCampaignCadre
		from sanshu_app.sanshu_setup.doctype.sanshu_campaign_unit.sanshu_campaign_unit import SanshuCampaignUnit

		assessment_rule_set: DF.Link | None
		cadres: DF.Table[SanshuCampaignCadre]
		campaign_title: DF.Data
		commitment_due_date: DF.Date | None
		deadline_rule_set: DF.Link | None
		evaluation_rule_set: DF.Link | None
		meeting_date: DF.Date | None
		notes: DF.TextEditor | None
		previous_campaign: DF.Link | None
		public_plan: DF.TextEditor | None
		public_plan_file: DF.Attach | None
		publish_from: DF.Date | None
		publish_reports_before_meeting: DF.Check
		publish_until: DF.Date | None
		replies_shown_until: DF.Date | None
		report_due_date: DF.Date | None
		scheme: DF.Literal["Responsibility, Integrity and Ethics", "Responsibility, Integrity and Risk", "Work, Responsibility and Integrity"]
		status: DF.Literal["Draft", "Active", "Closed"]
		units: DF.Table[SanshuCampaignUnit]
		year: DF.Int
	# end: auto-generated types

	def validate(self):
		self.fill_default_rule_sets()
		self.validate_rule_set_purposes()
		self.validate_dates()
		self.validate_no_duplicates()

	def fill_default_rule_sets(self):
		defaults = {**CAMPAIGN_DEFAULTS_ALL_SCHEMES, **CAMPAIGN_DEFAULTS.get(self.scheme, {})}
		for field, rule_set in defaults.items():
			if not self.get(field) and frappe.db.exists("Sanshu Rule Set", rule_set):
				self.set(field, rule_set)

	def validate_rule_set_purposes(self):
		for field, purpose in RULE_SET_PURPOSES.items():
			rule_set = self.get(field)
			if rule_set and frappe.db.get_value("Sanshu Rule Set", rule_set, "purpose") != purpose:
				frappe.throw(
					_("{0}: rule set {1} is not for {2}.").format(_(self.meta.get_label(field)), rule_set, _(purpose)),
					title=_("Wrong Rule Set"),
				)

	def validate_dates(self):
		if self.report_due_date and self.meeting_date and getdate(self.report_due_date) > getdate(self.meeting_date):
			frappe.throw(_("Reports must be due on or before the meeting date."), title=_("Invalid Dates"))
		for field in DATE_FIELDS:
			value = self.get(field)
			if value and getdate(value).year not in (self.year, self.year + 1):
				frappe.throw(
					_("{0} ({1}) does not fall in the campaign year {2}.").format(_(self.meta.get_label(field)), value, self.year),
					title=_("Invalid Dates"),
				)

	def validate_no_duplicates(self):
		for table, field, label in (("units", "unit", _("Unit")), ("cadres", "cadre", _("Cadre"))):
			seen = set()
			for row in self.get(table):
				if row.get(field) in seen:
					frappe.throw(_("Row {0}: {1} {2} is listed twice.").format(row.idx, label, row.get(field)), title=_("Duplicate Participant"))
				seen.add(row.get(field))

	@frappe.whitelist()
	def copy_to_next_year(self):
		"""Start next year's campaign from this one: same scheme, rules and participants, dates a year on."""
		require_roles()
		title = next_year_title(self.campaign_title, self.year)
		if frappe.db.exists("Sanshu Campaign", title):
			frappe.throw(_("Campaign {0} already exists.").format(title), title=_("Already Copied"))
		new = frappe.copy_doc(self)
		new.campaign_title = title
		new.year = self.year + 1
		new.status = "Draft"
		new.previous_campaign = self.name
		for field in (*DATE_FIELDS, *PUBLICATION_DATE_FIELDS):
			new.set(field, same_day_next_year(getdate(self.get(field)) if self.get(field) else None))
		left = set(frappe.get_all("Sanshu Cadre", filters={"status": "Left"}, pluck="name"))
		new.cadres = [row for row in new.cadres if row.cadre not in left]
		new.insert()
		return new.name

	@frappe.whitelist()
	def add_unit_leadership(self, kinds: list | str, ranks: list | str | None = None, deputy_words: str | None = None, member_words: str | None = None) -> dict:
		"""Add, in one action, the leadership of every participating unit the office chose in the
		dialog: principals, deputies and other 班子成员 by post or rank (rules.participants)."""
		from sanshu_app.rules import participants

		require_roles()
		self.check_permission("write")
		kinds = set(frappe.parse_json(kinds) if isinstance(kinds, str) and kinds.startswith("[") else ([kinds] if isinstance(kinds, str) else kinds or []))
		ranks = tuple(frappe.parse_json(ranks) if isinstance(ranks, str) and ranks.startswith("[") else ([ranks] if isinstance(ranks, str) and ranks else ranks or []))
		if not kinds or not kinds <= set(participants.KINDS):
			frappe.throw(_("Choose principals, deputies or other leadership members."), title=_("Nothing Added"))
		units = [row.unit for row in self.units]
		if not units:
			frappe.throw(_("Add the participating units first."), title=_("Nothing Added"))
		cadres = frappe.get_all(
			"Sanshu Cadre",
			filters={"unit": ("in", units), "status": "In Office"},
			fields=["name", "post", "rank", "is_principal", "unit"],
			order_by="unit asc, is_principal desc, full_name asc",
		)
		chosen = participants.leadership(
			[participants.Cadre(c.name, c.post or "", c.rank or "", bool(c.is_principal)) for c in cadres],
			kinds,
			deputy_words=participants.words(deputy_words) if deputy_words is not None else participants.DEFAULT_DEPUTY_WORDS,
			member_words=participants.words(member_words) if member_words is not None else participants.DEFAULT_MEMBER_WORDS,
			ranks=ranks,
		)
		present = {row.cadre for row in self.cadres}
		added = [c for c in chosen if c not in present]
		for cadre in added:
			self.append("cadres", {"cadre": cadre})
		if added:
			self.save()
		return {"added": len(added), "already": len(chosen) - len(added), "total": len(self.cadres)}

	@frappe.whitelist()
	def add_unit_principals(self):
		"""Add the principal of every participating unit (and its sub-units) as a participating cadre."""
		require_roles()
		present = {row.cadre for row in self.cadres}
		units = [row.unit for row in self.units]
		principals = frappe.get_all(
			"Sanshu Cadre",
			filters={"unit": ("in", units or [""]), "is_principal": 1, "status": "In Office"},
			fields=["name"],
			order_by="unit, full_name",
		)
		for cadre in principals:
			if cadre.name not in present:
				self.append("cadres", {"cadre": cadre.name})
		self.save()
		return len(self.cadres)
