"""004 三: the office inspects (巡查) and circulates a bulletin (通报) every quarter. The daily run
reminds the office's users when the quarter about to end, or the one just ended, has no inspection
or no bulletin; each reminder is a Notification Log, given once per user and quarter."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from sanshu_app.rules.reminders import quarter_gaps
from sanshu_app.rules.roles import MANAGER
from sanshu_app.supervision.settings import setting
from sanshu_app.utils import office_language


def run_daily(day=None):
	day = getdate(day or today())
	gaps = quarter_gaps(
		day,
		setting("quarter_reminder_days"),
		lambda y, q: bool(frappe.db.exists("Supervision Inspection", {"year": y, "quarter": q})),
		lambda y, q: bool(frappe.db.exists("Supervision Bulletin", {"year": y, "quarter": q})),
	)
	if not gaps:
		return []
	users = office_users()
	sent = []
	with office_language():
		for year, quarter, missing in gaps:
			doctype = "Supervision Inspection" if missing == "inspection" else "Supervision Bulletin"
			if missing == "inspection":
				subject = _("Quarter {1} of {0} has no inspection (巡查) yet: 004 三 asks for one every quarter.").format(year, quarter)
			else:
				subject = _("Quarter {1} of {0} has no bulletin (通报) yet: 004 三 asks for one every quarter.").format(year, quarter)
			for user in users:
				if frappe.db.exists("Notification Log", {"for_user": user, "subject": subject}):
					continue
				frappe.get_doc(
					{"doctype": "Notification Log", "for_user": user, "type": "Alert", "document_type": doctype, "subject": subject, "email_content": subject}
				).insert(ignore_permissions=True)
				sent.append((user, subject))
	return sent


def office_users() -> list[str]:
	holders = frappe.get_all("Has Role", filters={"role": MANAGER, "parenttype": "User"}, pluck="parent", distinct=True)
	return sorted(frappe.get_all("User", filters={"name": ("in", holders or [""]), "enabled": 1}, pluck="name"))
