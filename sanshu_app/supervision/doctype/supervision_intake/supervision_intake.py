# Copyright (c) 2026, sanshu_app contributors
# For license information, please see license.txt

"""监督信息: one petition or report, efficiency complaint, corruption-related online opinion or
hotline call, as the office receives it (001 §9, 004 二(五)): the unit it concerns, how it came,
its handling (督办) and, for a hotline call, the satisfaction callback (满意度回访). The office's
alone (no unit reads it: a petitioner is never named to the unit). The warning index of its quarter
counts it; 重信重访 and 越级 are flagged from the records (``rules/supervision_intake.py``)."""

import frappe
from frappe import _
from frappe.utils import add_days, cint, getdate, today

from sanshu_app.permissions.scoped_document import ScopedDocument
from sanshu_app.rules.supervision_intake import HOTLINE_CALL, IntakeRecord, is_over_level, period_label, petitioner_key, quarter_of, repeats
from sanshu_app.supervision.settings import setting

CALLBACK_FIELDS = ("callback_on", "callback_result", "callback_notes")


class SupervisionIntake(ScopedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		callback_notes: DF.SmallText | None
		callback_on: DF.Date | None
		callback_result: DF.Literal["", "Satisfied", "Basically Satisfied", "Dissatisfied"]
		category: DF.Data | None
		channel: DF.Literal["By Letter", "In Person", "By Phone", "Online Report", "Hotline Broadcast", "Media", "Referred by Higher Level", "Other"]
		concluded_on: DF.Date | None
		counted_in_index: DF.Check
		handling_deadline: DF.Date | None
		handling_result: DF.SmallText | None
		handling_unit: DF.Link | None
		index_period: DF.Data | None
		intake_kind: DF.Literal["Petition or Report", "Efficiency Complaint", "Online Opinion", "Hotline Call"]
		is_over_level: DF.Check
		is_repeat: DF.Check
		level: DF.Literal["County Level", "City Level", "Province Level", "Central Level"]
		petitioner: DF.Data | None
		petitioner_contact: DF.Data | None
		received_on: DF.Date
		status: DF.Literal["Registered", "In Handling", "Concluded"]
		summary: DF.SmallText
		unit: DF.Link
	# end: auto-generated types

	def validate(self):
		self.index_period = period_label(*quarter_of(getdate(self.received_on)))
		self.is_over_level = 1 if is_over_level(self.level) else 0
		if self.intake_kind != HOTLINE_CALL:
			for field in CALLBACK_FIELDS:
				self.set(field, None)
		elif self.callback_result and not self.callback_on:
			frappe.throw(_("Give the date of the satisfaction callback."), title=_("Not Saved"))
		if self.status == "Concluded":
			self.concluded_on = self.concluded_on or today()
		else:
			self.concluded_on = None
		self.is_repeat = 1 if self.name in flag_repeats(self, write=False) else 0

	def on_update(self):
		flag_repeats(self, write=True)

	def on_trash(self):
		self.flags.deleting = True
		flag_repeats(self, write=True)


def flag_repeats(doc, write: bool) -> set[str]:
	"""重信重访 among the records of ``doc``'s petitioner and unit; with ``write`` the others' flags
	are brought up to date (a new record can make a later one a repeat)."""
	key = petitioner_key(doc.petitioner, doc.petitioner_contact)
	if not key:
		return set()
	window, least = cint(setting("repeat_window_days")), cint(setting("repeat_min_records"))
	others = frappe.get_all(
		"Supervision Intake",
		filters={"unit": doc.unit, "name": ("!=", doc.name or ""), "received_on": ("between", [add_days(doc.received_on, -window), add_days(doc.received_on, window)])},
		fields=["name", "intake_kind", "unit", "received_on", "petitioner", "petitioner_contact", "is_repeat"],
	)
	group = [IntakeRecord(o.name, o.intake_kind, o.unit, getdate(o.received_on), petitioner_key(o.petitioner, o.petitioner_contact)) for o in others]
	group = [r for r in group if r.petitioner == key]
	if not doc.flags.deleting:
		group.append(IntakeRecord(doc.name or "", doc.intake_kind, doc.unit, getdate(doc.received_on), key))
	flagged = repeats(group, window, least)
	if write:
		for other in others:
			if petitioner_key(other.petitioner, other.petitioner_contact) == key and bool(other.is_repeat) != (other.name in flagged):
				frappe.db.set_value("Supervision Intake", other.name, "is_repeat", 1 if other.name in flagged else 0, update_modified=False)
	return flagged
