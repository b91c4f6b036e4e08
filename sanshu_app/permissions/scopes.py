"""Which records each doctype's rows are about: the data behind the shared permission rule.

A doctype joins the rule by adding one line here; ``hooks.py`` wires Frappe's
``permission_query_conditions`` and ``has_permission`` from this table, so lists, forms, report
view and the REST API all apply the same scope (see ``sanshu_app.permissions``).

- ``cadre_fields``: fields naming the cadre a record is about ("name" for the cadre itself);
- ``cadre_tables``: (table field, cadre field) of child rows naming cadres who must also read the
  record — a letter's signers, a rectification's measure owners;
- ``unit_fields``: fields naming the unit it belongs to;
- ``unit_tables``: (table field, unit field) of child rows naming units whose leadership must also
  read the record — the units that cooperate on a work-plan task;
- ``role_tables``: (table field, role field) of child rows naming roles whose holders must also read
  the record — the roles a 通报 is delivered to (the organisation department);
- ``open_to_roles``: roles that see every record of the doctype (e.g. inspectors on assessments);
- ``placement_fields``: further fields that place the record (its campaign, the document it came
  from): like the cadre and unit fields, only the office changes them;
- ``office_fields``: editable fields only the office sets (the question put to a cadre, say).

Every read-only field of the doctype and its child tables is protected the same way as
``office_fields``: the app's own actions set it, a client's edit never does
(``rules/write_guard.py``). Child tables need no entry: their rows are read through their parent.
"""

from dataclasses import dataclass

from sanshu_app.rules.roles import OFFICE_ROLES, UNIT_ROLES  # noqa: F401  (UNIT_ROLES importable from here)


@dataclass(frozen=True)
class RecordScope:
	cadre_fields: tuple[str, ...] = ()
	cadre_tables: tuple[tuple[str, str], ...] = ()
	unit_fields: tuple[str, ...] = ()
	unit_tables: tuple[tuple[str, str], ...] = ()
	role_tables: tuple[tuple[str, str], ...] = ()
	open_to_roles: tuple[str, ...] = ()
	placement_fields: tuple[str, ...] = ()
	office_fields: tuple[str, ...] = ()


RECORD_SCOPES: dict[str, RecordScope] = {
	"Sanshu Cadre": RecordScope(cadre_fields=("name",), unit_fields=("unit",), placement_fields=("user",)),
	"Responsibility Assessment": RecordScope(
		unit_fields=("unit",),
		open_to_roles=("Assessment Inspector",),
		placement_fields=("campaign", "year", "template", "rule_set"),
		office_fields=("review_opinion", "approval_reference"),
	),
	"Rectification": RecordScope(
		cadre_fields=("cadre",),
		cadre_tables=(("measures", "owner_cadre"),),
		unit_fields=("unit",),
		placement_fields=("campaign", "source_type", "source_doctype", "source_name", "rule_set", "report_at_campaign"),
		office_fields=("notice_type", "notice_date", "problems", "verification_opinion", "outcome"),
	),
	"Sanshu Report": RecordScope(cadre_fields=("cadre",), unit_fields=("unit",), placement_fields=("campaign",), office_fields=("report_mode",)),
	# A written question a discipline committee member (纪委委员) put is also theirs to read (asker_cadre).
	"Sanshu Inquiry": RecordScope(
		cadre_fields=("cadre", "asker_cadre"),
		unit_fields=("unit",),
		placement_fields=("campaign",),
		office_fields=("inquiry_type", "asker", "asked_on", "question"),
	),
	"Integrity Talk": RecordScope(cadre_fields=("cadre",), unit_fields=("unit",), placement_fields=("campaign",)),
	"Sanshu Evaluation": RecordScope(cadre_fields=("cadre",), unit_fields=("unit",), placement_fields=("campaign",)),
	"Responsibility Letter": RecordScope(
		cadre_fields=("cadre",),
		cadre_tables=(("signatures", "signer"),),
		unit_fields=("unit",),
		placement_fields=("campaign", "issuer_unit"),
	),
	"Integrity Commitment": RecordScope(cadre_fields=("cadre",), unit_fields=("unit",), placement_fields=("campaign",)),
	"Risk Notification Card": RecordScope(
		cadre_fields=("cadre", "party_secretary", "supervision_officer"), unit_fields=("unit",), placement_fields=("campaign",)
	),
	# Integrity Archive module: opinions are the organisation department's; a declaration, a
	# synchronous record and the access register are their cadre's (or recorder's) alone.
	"Integrity Opinion Request": RecordScope(open_to_roles=("Organisation Department",)),
	"Archive Access Request": RecordScope(cadre_fields=("requester_cadre", "cadre"), open_to_roles=("Organisation Department",)),
	"Archive Access Log": RecordScope(cadre_fields=("cadre",)),
	"Asset Declaration": RecordScope(cadre_fields=("cadre",)),
	"Synchronous Record": RecordScope(cadre_fields=("recorder",)),
	"Audit Finding": RecordScope(cadre_fields=("cadre",), unit_fields=("unit",)),
	"Case Accountability": RecordScope(
		cadre_fields=("person", "party_secretary", "discipline_officer"),
		unit_fields=("unit",),
		placement_fields=("source_audit_finding",),
		office_fields=("public_naming", "public_summary"),
	),
	# Accountability (问责, issue 19) is not here on purpose: the office's alone (its DocPerms). A draft
	# or a record under verification names a suspicion, not a finding, so not even its subject reads
	# it; once concluded the subject reads it as a row of their own integrity archive (the
	# ``sanshu_archive_rows`` hook: the source, the measures decided and the conclusion).
	# Work Plan module: a task is its leaders', its lead unit's and its cooperating units'; a progress report is its
	# reporting unit's and the lead unit's (a cooperating unit's part rolls up to the lead).
	"Sanshu Work Plan Task": RecordScope(
		cadre_tables=(("leaders", "cadre"),),
		unit_fields=("lead_unit",),
		unit_tables=(("lead_units", "unit"), ("cooperating_units", "unit")),
		placement_fields=("work_plan",),
		office_fields=("task_number", "category", "heading", "content", "deadline", "cadence", "deliverable", "expected_evidence"),
	),
	# Official Documents: a 通报 is read, once issued, by those it was delivered to (主送/抄送): a role (the
	# organisation department), a unit's leadership or a cadre; its result rows travel with it.
	"Sanshu Circular": RecordScope(
		cadre_tables=(("recipients", "delivered_cadre"),),
		unit_tables=(("recipients", "delivered_unit"),),
		role_tables=(("recipients", "delivered_role"),),
		placement_fields=("source_type", "campaign", "year", "inspection", "survey"),
	),
	"Work Plan Progress Report": RecordScope(unit_fields=("unit", "lead_unit"), placement_fields=("task", "work_plan", "period")),
	# A unit's own report (year-end, 责任分解, 自查报告): its unit's leadership writes it; its reviewers and signers read it.
	"Unit Responsibility Report": RecordScope(
		unit_fields=("unit",), cadre_tables=(("signatures", "signer"),), placement_fields=("report_kind", "year", "rule_set")
	),
}

# Reference data every desk role of the app may read (the office alone writes it): the unit tree,
# campaigns and who takes part, rule sets, settings, templates. Any other doctype of the app that is
# not in RECORD_SCOPES and not a child table is the office's alone (its DocPerms say so; the door
# suite checks it).
REFERENCE_DOCTYPES = ("Sanshu Unit", "Sanshu Campaign", "Sanshu Rule Set", "Sanshu Settings", "Assessment Template")

# Roles that see every record in the app (the office), and roles that answer for a whole unit (and
# its sub-units), not only for their own records: named in sanshu_app/rules/roles.py.
UNRESTRICTED_ROLES = OFFICE_ROLES

# Platform records that point at an app record (its versions, comments, attachments, shares …):
# (doctype field, name field). Each is read only by those who may read the record it points at.
REFERENCING_DOCTYPES: dict[str, tuple[str, str]] = {
	"Version": ("ref_doctype", "docname"),
	"Comment": ("reference_doctype", "reference_name"),
	"Communication": ("reference_doctype", "reference_name"),
	"Communication Link": ("link_doctype", "link_name"),
	"File": ("attached_to_doctype", "attached_to_name"),
	"ToDo": ("reference_type", "reference_name"),
	"Activity Log": ("reference_doctype", "reference_name"),
	"Tag Link": ("document_type", "document_name"),
	"DocShare": ("share_doctype", "share_name"),
	"Notification Log": ("document_type", "document_name"),
	"Workflow Action": ("reference_doctype", "reference_name"),
	"Document Follow": ("ref_doctype", "ref_docname"),
	"Event Participants": ("reference_doctype", "reference_docname"),
}
