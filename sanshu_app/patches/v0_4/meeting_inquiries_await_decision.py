"""Questions put at the meeting (003 §17) owe a written reply only once the office decides so
(issue 19). Those recorded before, still unanswered, lose the 15-working-day clock they were given
at the meeting and wait for that decision; none is marked overdue meanwhile. Answered ones are
left as they are (their written reply is on record). No decision is invented for any of them."""

import frappe

from sanshu_app.permissions.scope_cache import forget
from sanshu_app.rules.inquiries import AWAITING_DECISION, MEETING, OPEN, OVERDUE


def execute():
	names = frappe.get_all(
		"Sanshu Inquiry",
		filters={"inquiry_type": MEETING, "status": ("in", [OPEN, OVERDUE]), "written_reply_decision": ("is", "not set")},
		pluck="name",
	)
	for name in names:
		frappe.db.set_value("Sanshu Inquiry", name, {"status": AWAITING_DECISION, "reply_due_date": None}, update_modified=False)
	forget("Sanshu Inquiry")  # set_value skips the document events
