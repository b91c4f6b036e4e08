"""任期 (003 §12): who has not reported at a meeting in their current term. Only closed meetings
count, and only reports made in person (report mode Meeting Report)."""

import frappe
from frappe.utils import getdate

from sanshu_app.rules.reminders import reported_in_term


def meeting_report_dates(cadres) -> dict:
	"""Cadre -> dates of the closed meetings they reported at in person."""
	if not cadres:
		return {}
	rows = frappe.db.sql(
		"""select r.cadre, m.meeting_date from `tabSanshu Meeting` m join `tabSanshu Meeting Reporter` r
		on r.parent = m.name and r.parenttype = 'Sanshu Meeting'
		where r.cadre in %(cadres)s and r.report_mode = 'Meeting Report' and m.status = 'Closed'""",
		{"cadres": tuple(cadres)},
	)
	dates = {}
	for cadre, day in rows:
		dates.setdefault(cadre, []).append(getdate(day))
	return dates


def not_reported_in_term(cadres) -> list:
	"""Those of ``cadres`` (in the order given) with no closed-meeting report in their current term."""
	cadres = list(dict.fromkeys(cadres))
	if not cadres:
		return []
	terms = {
		c.name: (getdate(c.term_start) if c.term_start else None, getdate(c.term_end) if c.term_end else None)
		for c in frappe.get_all("Sanshu Cadre", filters={"name": ("in", cadres)}, fields=["name", "term_start", "term_end"])
	}
	dates = meeting_report_dates(cadres)
	return [c for c in cadres if not reported_in_term(dates.get(c, []), *terms.get(c, (None, None)))]
