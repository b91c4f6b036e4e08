"""通报 (circulars): who a circular may be sent to. Plain rules, no Frappe."""

from sanshu_app.rules.messages import RuleViolation

# recipient type -> the row field naming the recipient
RECIPIENT_FIELDS = {"Role": "role", "Unit": "unit", "Cadre": "cadre"}
# The roles a circular may be addressed to (each reads the circulars delivered to it).
RECIPIENT_ROLES = ("Organisation Department", "Party Secretary", "Supervision Officer", "Responsible Cadre", "Assessment Inspector")


def recipient_violations(rows: list[dict], office_roles=()) -> list[RuleViolation]:
	"""Each row names one recipient of its type, once; the office itself is no recipient (it reads
	every circular already)."""
	problems = []
	seen = set()
	for row in rows:
		field = RECIPIENT_FIELDS.get(row.get("recipient_type"))
		value = row.get(field) if field else None
		if not value:
			problems.append(RuleViolation("Row {0}: name the recipient.", (row.get("idx"),)))
			continue
		if row.get("recipient_type") == "Role" and value in office_roles:
			problems.append(RuleViolation("Row {0}: the office reads every circular; name a recipient outside it.", (row.get("idx"),)))
		elif row.get("recipient_type") == "Role" and value not in RECIPIENT_ROLES:
			problems.append(RuleViolation("Row {0}: a circular is not sent to the role {1}.", (row.get("idx"), value)))
		if (field, value) in seen:
			problems.append(RuleViolation("Row {0}: {1} is named twice.", (row.get("idx"), value)))
		seen.add((field, value))
	return problems
