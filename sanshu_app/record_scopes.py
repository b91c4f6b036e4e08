"""Which records each doctype's rows are about: the data behind the shared permission rule.

A doctype joins the rule by adding one line here; ``hooks.py`` wires Frappe's
``permission_query_conditions`` and ``has_permission`` from this table, so lists, forms, report
view and the REST API all apply the same scope (see ``sanshu_app.permissions``).

- ``cadre_fields``: fields naming the cadre a record is about ("name" for the cadre itself);
- ``cadre_tables``: (table field, cadre field) of child rows naming cadres who must also read the
  record — a letter's signers, a rectification's measure owners;
- ``unit_fields``: fields naming the unit it belongs to;
- ``open_to_roles``: roles that see every record of the doctype (e.g. inspectors on assessments).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordScope:
	cadre_fields: tuple[str, ...] = ()
	cadre_tables: tuple[tuple[str, str], ...] = ()
	unit_fields: tuple[str, ...] = ()
	open_to_roles: tuple[str, ...] = ()


RECORD_SCOPES: dict[str, RecordScope] = {
	"Sanshu Cadre": RecordScope(cadre_fields=("name",), unit_fields=("unit",)),
	"Responsibility Assessment": RecordScope(unit_fields=("unit",), open_to_roles=("Assessment Inspector",)),
	"Rectification": RecordScope(cadre_fields=("cadre",), cadre_tables=(("measures", "owner_cadre"),), unit_fields=("unit",)),
	"Sanshu Report": RecordScope(cadre_fields=("cadre",), unit_fields=("unit",)),
	"Sanshu Inquiry": RecordScope(cadre_fields=("cadre",), unit_fields=("unit",)),
	"Integrity Talk": RecordScope(cadre_fields=("cadre",), unit_fields=("unit",)),
	"Sanshu Evaluation": RecordScope(cadre_fields=("cadre",), unit_fields=("unit",)),
	"Responsibility Letter": RecordScope(cadre_fields=("cadre",), cadre_tables=(("signatures", "signer"),), unit_fields=("unit",)),
	"Integrity Commitment": RecordScope(cadre_fields=("cadre",), unit_fields=("unit",)),
	"Risk Notification Card": RecordScope(cadre_fields=("cadre", "party_secretary", "supervision_officer"), unit_fields=("unit",)),
	# Integrity Archive module: opinions are the organisation department's; a declaration, a
	# synchronous record and the access register are their cadre's (or recorder's) alone.
	"Integrity Opinion Request": RecordScope(open_to_roles=("Organisation Department",)),
	"Archive Access Request": RecordScope(cadre_fields=("requester_cadre", "cadre"), open_to_roles=("Organisation Department",)),
	"Archive Access Log": RecordScope(cadre_fields=("cadre",)),
	"Asset Declaration": RecordScope(cadre_fields=("cadre",)),
	"Synchronous Record": RecordScope(cadre_fields=("recorder",)),
	"Audit Finding": RecordScope(cadre_fields=("cadre",), unit_fields=("unit",)),
	"Case Accountability": RecordScope(cadre_fields=("person", "party_secretary", "discipline_officer"), unit_fields=("unit",)),
}

# Roles that see every record in the app.
UNRESTRICTED_ROLES = ("Sanshu Manager", "System Manager")
# Roles that answer for a whole unit (and its sub-units), not only for their own records.
UNIT_ROLES = ("Party Secretary", "Supervision Officer")
