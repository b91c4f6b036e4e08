"""监督信息 (supervision intake): petitions and reports, efficiency complaints, corruption-related
online opinion and hotline calls (001 §9 天成指数, 004 二(五) 政风行风热线), as plain rules.

- Which figure of the warning index a record counts in (``INDEX_FIGURE``).
- 重信重访: a record is a repeat when the same petitioner has lodged at least ``min_records`` records
  (this one included) about the same unit within ``window_days`` days (Supervision Settings).
- 越级上访: a record lodged with a level above the one that should first handle it (the county's
  own office), read from the record's level.
- The index figures of a period: per unit, per figure, the records counted (names), so every
  figure can be traced back to its records.
"""

from dataclasses import dataclass
from datetime import date

from sanshu_app.rules.messages import RuleViolation

PETITION = "Petition or Report"
EFFICIENCY_COMPLAINT = "Efficiency Complaint"
ONLINE_OPINION = "Online Opinion"
HOTLINE_CALL = "Hotline Call"
KINDS = (PETITION, EFFICIENCY_COMPLAINT, ONLINE_OPINION, HOTLINE_CALL)

# kind -> the warning index figure it counts in. A hotline call is a complaint about the conduct of
# government (政风行风), so it counts with the efficiency complaints.
INDEX_FIGURE = {
	PETITION: "petitions",
	EFFICIENCY_COMPLAINT: "efficiency_complaints",
	ONLINE_OPINION: "online_opinion",
	HOTLINE_CALL: "efficiency_complaints",
}
FIGURES = ("petitions", "efficiency_complaints", "online_opinion")

# Levels a matter may be lodged with, lowest first; the first is where it should be lodged.
LEVELS = ("County Level", "City Level", "Province Level", "Central Level")


@dataclass(frozen=True)
class IntakeRecord:
	name: str
	kind: str
	unit: str
	received_on: date
	petitioner: str = ""
	level: str = "County Level"
	counted: bool = True


def petitioner_key(name: str | None, contact: str | None) -> str:
	"""Who lodged it, as compared for repeats: the name without spaces, with the contact when given."""
	key = "".join((name or "").split())
	if not key:
		return ""
	return f"{key}|{''.join((contact or '').split())}"


def is_over_level(level: str | None) -> bool:
	return bool(level) and level in LEVELS and LEVELS.index(level) > 0


def repeats(records: list[IntakeRecord], window_days: int, min_records: int) -> set[str]:
	"""Names of the records that are 重信重访: the ``min_records``-th or later record of the same
	petitioner about the same unit within ``window_days`` days before it."""
	flagged = set()
	if min_records < 2 or window_days < 1:
		return flagged
	by_key: dict[tuple, list[IntakeRecord]] = {}
	for record in records:
		if record.petitioner:
			by_key.setdefault((record.petitioner, record.unit), []).append(record)
	for group in by_key.values():
		group.sort(key=lambda r: (r.received_on, r.name))
		for i, record in enumerate(group):
			earlier = [r for r in group[:i] if (record.received_on - r.received_on).days <= window_days]
			if len(earlier) + 1 >= min_records:
				flagged.add(record.name)
	return flagged


def quarter_of(day: date) -> tuple[int, int]:
	return day.year, (day.month - 1) // 3 + 1


def period_label(year: int, quarter: int) -> str:
	return f"{year}-Q{quarter}"


def index_figures(records: list[IntakeRecord], year: int, quarter: int) -> dict[str, dict[str, list[str]]]:
	"""unit -> figure -> the names of the records it counts, for the quarter (records marked not
	counted are left out)."""
	figures: dict[str, dict[str, list[str]]] = {}
	for record in sorted(records, key=lambda r: (r.received_on, r.name)):
		if not record.counted or quarter_of(record.received_on) != (year, quarter) or record.kind not in INDEX_FIGURE:
			continue
		unit = figures.setdefault(record.unit, {figure: [] for figure in FIGURES})
		unit[INDEX_FIGURE[record.kind]].append(record.name)
	return figures


def adjustment_violations(rows: list[dict]) -> list[RuleViolation]:
	"""A figure that differs from what the records count is an adjustment: it needs its reason."""
	problems = []
	for row in rows:
		differs = [f for f in FIGURES if int(row.get(f) or 0) != int(row.get(f"counted_{f}") or 0)]
		if differs and not (row.get("adjustment_reason") or "").strip():
			problems.append(RuleViolation("Row {0} ({1}): the figures differ from the records counted; give the reason for the adjustment.", (row.get("idx"), row.get("unit"))))
	return problems
