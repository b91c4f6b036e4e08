"""What someone outside the office may change when they write a record they are allowed to write.

The permission decision itself (is the record in the user's scope?) is ``scope.Scope``; this
module answers the second question a write raises: *which* of the sent values may they change?

- **Protected fields** — the fields that place a record (its cadre, unit, campaign …), the
  office's own fields, and every read-only field — are set by the office or by the app's own
  actions (signing, submitting, closing), never by a client's edit. On an existing record they must
  keep their stored values; on a new record they must be empty or their default.
- **Rows that grant access** (a letter's signers, a rectification's measure owners) name cadres
  who may then read the record. Only the office, or someone answering for the record's unit,
  changes who is named, and then only to cadres they answer for themselves.

Values arrive already normalised by the caller (dates as ISO text, empty as None), so the rules
compare plain values.
"""

from collections import Counter
from collections.abc import Iterable, Mapping

from sanshu_app.rules.messages import RuleViolation

PROTECTED_FIELD_CHANGED = "{0} is set by the discipline inspection office or by the document's own actions, not by editing."
PROTECTED_ROW_FIELD_CHANGED = "{0} in the table {1} is set by the discipline inspection office or by the document's own actions, not by editing."
GRANTING_ROWS_CHANGED = "Only the discipline inspection office, the unit's Party Secretary and Supervision Officer, or the cadre the record is about change who is named in {0}."
GRANTED_OUTSIDE_SCOPE = "{0} can be named in {1} only by the discipline inspection office: they are not in this record's unit or a unit you answer for."


def changed_fields(stored: Mapping, new: Mapping, protected: Iterable[str]) -> list[str]:
	"""Protected fields whose new value differs from the stored one, in a stable order."""
	return sorted(f for f in set(protected) if stored.get(f) != new.get(f))


def set_on_new_record(values: Mapping, protected: Iterable[str], defaults: Mapping) -> list[str]:
	"""Protected fields a new record arrives with, other than empty or the field's default."""
	return sorted(f for f in set(protected) if values.get(f) is not None and values.get(f) != defaults.get(f))


def changed_rows(stored_rows: Iterable[Mapping], new_rows: Iterable[Mapping], protected: Iterable[str], defaults: Mapping) -> list[str]:
	"""Protected child fields changed: on a row kept (matched by ``name``) against its stored value,
	on a row added against empty or default."""
	protected = set(protected)
	before = {row.get("name"): row for row in stored_rows if row.get("name")}
	changed = set()
	for row in new_rows:
		old = before.get(row.get("name"))
		if old is None:
			changed.update(set_on_new_record(row, protected, defaults))
		else:
			changed.update(changed_fields(old, row, protected))
	return sorted(changed)


def granted(rows: Iterable[Mapping], field: str) -> Counter:
	"""Who the rows name (with repeats), ignoring rows that name nobody."""
	return Counter(row.get(field) for row in rows if row.get(field))


def check_granting_change(
	stored_named: Counter,
	new_named: Counter,
	table_label: str,
	answers_for_record: bool,
	may_name,
	label=lambda cadre: cadre,
) -> list[RuleViolation]:
	"""Changing who is named in a granting table.

	``answers_for_record``: the user answers for the record as stored (its unit, or they are the
	cadre it is about); ``may_name(cadre)``: whether that cadre is theirs to name (themselves, or in
	the record's unit or a unit they answer for).
	The office never reaches this check: it may name anyone."""
	if stored_named == new_named:
		return []
	if not answers_for_record:
		return [RuleViolation(GRANTING_ROWS_CHANGED, (table_label,))]
	added = new_named - stored_named
	return [RuleViolation(GRANTED_OUTSIDE_SCOPE, (label(cadre), table_label)) for cadre in sorted(added) if not may_name(cadre)]
