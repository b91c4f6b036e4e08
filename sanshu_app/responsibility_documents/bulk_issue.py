"""Issuing letters or annual commitments to every participant of a campaign in one action.

Idempotent: a participant who already has the document (not cancelled) gets nothing new, so
running it again creates nothing. Large batches run as a background job with a progress bar.
"""

import frappe
from frappe import _

from sanshu_app.official_documents import numbering
from sanshu_app.rules.responsibility import still_to_issue
from sanshu_app.utils import OFFICE_ROLES, refuse, require_roles
from sanshu_app.rules.signing import PRINCIPAL, SUBJECT, SUPERVISOR

LETTER = "Responsibility Letter"
COMMITMENT = "Integrity Commitment"
ANNUAL = "Annual Responsibility Commitment"
# Letters of these types go to the participating units (their principal answers); others to cadres.
UNIT_LETTER_TYPES = ("Target Task Notice",)
SUPERVISION_NOTICE = "Task Supervision Notice"
# Batch size (not a business rule): above this many documents the work moves to a background job.
BACKGROUND_ABOVE = 30
# Batch size (not a business rule): a background job commits every this many documents, so one
# long transaction does not slow each later insert (and a failure keeps what was issued).
COMMIT_EVERY = 200
ISSUED_STATE = "Awaiting Signature"

# The usual content of the annual 履行党风廉政建设责任承诺书 (seed 001 §三(一)2), editable per document.
ANNUAL_COMMITMENT_ITEMS = (
	"严格遵守党的政治纪律和政治规矩，认真履行党风廉政建设“一岗双责”。",
	"严格执行中央八项规定精神，坚决反对“四风”。",
	"严格遵守廉洁自律各项规定，不以权谋私，不收受礼金礼品。",
	"管好配偶、子女和身边工作人员，自觉接受组织和群众监督。",
)


def letter_types() -> list[str]:
	return [o for o in frappe.get_meta(LETTER).get_field("letter_type").options.split("\n") if o]


@frappe.whitelist()
def issue_from_campaign(campaign: str, document: str, letter_type: str | None = None):
	"""Create the missing documents for ``campaign``; returns what was done (or queued)."""
	require_roles(OFFICE_ROLES)
	camp = frappe.get_doc("Sanshu Campaign", campaign)
	camp.check_permission("read")
	check_request(document, letter_type)
	todo = plan(camp, document, letter_type)
	if not todo:
		return {"created": 0, "queued": False}
	if len(todo) > BACKGROUND_ABOVE:
		frappe.enqueue(
			"sanshu_app.responsibility_documents.bulk_issue.run",
			queue="long",
			timeout=3600,
			job_id=f"sanshu-bulk-issue::{campaign}::{document}::{letter_type or ''}",
			deduplicate=True,
			now=frappe.flags.in_test,
			campaign=campaign,
			document=document,
			letter_type=letter_type,
		)
		return {"created": 0, "queued": True, "count": len(todo)}
	return {"created": len(run(campaign, document, letter_type)), "queued": False}


def check_request(document, letter_type):
	if document not in (LETTER, COMMITMENT):
		refuse("Bulk issue makes responsibility letters or annual commitments, not {0}.", document)
	if document == LETTER and letter_type not in letter_types():
		refuse("Choose the type of letter to issue.")
	if letter_type == SUPERVISION_NOTICE:
		refuse("A supervision notice is raised from an overdue task of a signed letter, not issued in bulk.")


def plan(camp, document, letter_type) -> list[str]:
	"""The participants (cadres, or units for unit letters) that still need the document."""
	if document == COMMITMENT:
		targets = [row.cadre for row in camp.cadres]
		existing = frappe.get_all(
			COMMITMENT,
			filters={"commitment_type": ANNUAL, "year": camp.year, "cadre": ("in", targets or [""]), "docstatus": ("<", 2)},
			pluck="cadre",
		)
	elif letter_type in UNIT_LETTER_TYPES:
		targets = [row.unit for row in camp.units]
		existing = frappe.get_all(
			LETTER, filters={"campaign": camp.name, "letter_type": letter_type, "docstatus": ("<", 2)}, pluck="unit"
		)
	else:
		targets = [row.cadre for row in camp.cadres]
		existing = frappe.get_all(
			LETTER, filters={"campaign": camp.name, "letter_type": letter_type, "docstatus": ("<", 2)}, pluck="cadre"
		)
	return still_to_issue(targets, set(existing))


def run(campaign: str, document: str, letter_type: str | None = None) -> list[str]:
	"""Create the missing documents (in a job, as the user who asked, or in the request), publishing progress.

	Chunk by chunk (COMMIT_EVERY), each in its own transaction inside a job: the chunk's annual
	commitments are checked against the stored ones in one query and its 文号 drawn in one step,
	so a chunk that fails takes its numbers back with it."""
	camp = frappe.get_doc("Sanshu Campaign", campaign)
	check_request(document, letter_type)
	todo = plan(camp, document, letter_type)
	created = []
	title = _("Issuing {0}").format(_(document))
	kind = ANNUAL if document == COMMITMENT else letter_type
	context = letter_context(todo, COMMITMENT if document == COMMITMENT else letter_type)
	done = 0
	for start in range(0, len(todo), COMMIT_EVERY):
		chunk = todo[start : start + COMMIT_EVERY]
		if document == COMMITMENT:
			chunk = without_annual_commitment(chunk, camp.year)
		numbers = numbering.reserve_numbers(kind, camp.year, len(chunk)) or [None] * len(chunk)
		for target, number in zip(chunk, numbers):
			if document == COMMITMENT:
				doc = new_commitment(camp, target, context, number=number, checked_for_batch=True)
			else:
				doc = new_letter(camp, letter_type, target, context, number=number)
			created.append(doc.name)
			done += 1
			frappe.publish_progress(done * 100 / len(todo), title=title, description=_("{0} of {1}").format(done, len(todo)))
		if frappe.job:
			frappe.db.commit()  # nosemgrep: chunks of a background job, see COMMIT_EVERY
	if frappe.job:
		frappe.publish_realtime("msgprint", _("{0} documents issued.").format(len(created)), user=frappe.session.user, after_commit=True)
	return created


def without_annual_commitment(cadres: list[str], year) -> list[str]:
	"""The cadres that have no annual commitment for ``year`` (not cancelled) right now: the check
	each commitment's validate makes, made for a whole chunk in one query (and again per chunk, so a
	commitment made on the form while the job runs is not doubled)."""
	existing = frappe.get_all(
		COMMITMENT,
		filters={"commitment_type": ANNUAL, "year": year, "cadre": ("in", cadres or [""]), "docstatus": ("<", 2)},
		pluck="cadre",
	)
	return still_to_issue(cadres, set(existing))


def new_commitment(camp, cadre, context=None, number=None, checked_for_batch=False):
	"""One annual commitment, inserted as issued. ``number``: its 文号 if drawn with its batch;
	``checked_for_batch``: the caller has just checked (without_annual_commitment) that the cadre has
	no annual commitment for the year."""
	context = context or letter_context([cadre], COMMITMENT)
	person = context["cadres"].get(cadre) or {}
	doc = frappe.get_doc(
		{
			"doctype": COMMITMENT,
			"commitment_type": ANNUAL,
			"year": camp.year,
			"campaign": camp.name,
			"cadre": cadre,
			"cadre_name": person.get("full_name"),
			"unit": person.get("unit"),
			"workflow_state": ISSUED_STATE,  # issued: the cadre is told to sign
			"items": [{"item": item} for item in ANNUAL_COMMITMENT_ITEMS],
		}
	)
	doc.flags.issue_document = True  # complete as issued: 文号, issuing office, body (official_documents)
	doc.flags.insert_in_state = ISSUED_STATE  # the office's machine-made insert starts in the issued state
	doc.flags.ignore_version = True  # nothing to compare: the first version is the document
	doc.flags.ignore_links = True  # cadre, unit, campaign were read for the whole batch; names fetched there
	doc.flags.cadre_record = context["cadres"].get(cadre)  # for the body (official_documents.letter_bodies)
	doc.flags.reserved_document_number = number  # official_documents.numbering.issue
	doc.flags.annual_commitment_checked_for_batch = checked_for_batch
	return doc.insert()


def letter_context(todo, letter_type):
	"""The targets' cadres and units, each unit's signers and everyone's names, fetched once for the
	whole batch (not looked up document by document)."""
	to_unit = letter_type in UNIT_LETTER_TYPES
	fields = ["name", "full_name", "unit", "post"]
	cadres = {} if to_unit else {c.name: c for c in frappe.get_all("Sanshu Cadre", filters={"name": ("in", todo or [""])}, fields=fields)}
	unit_of = {t: t for t in todo} if to_unit else {name: c.unit for name, c in cadres.items()}
	unit_fields = ["name", "principal", "discipline_officer", "parent_sanshu_unit"]
	units = {u.name: u for u in frappe.get_all("Sanshu Unit", filters={"name": ("in", list(set(unit_of.values())) or [""])}, fields=unit_fields)}
	parents = {u.parent_sanshu_unit for u in units.values() if u.parent_sanshu_unit} - set(units)
	if parents:
		units.update({u.name: u for u in frappe.get_all("Sanshu Unit", filters={"name": ("in", list(parents))}, fields=unit_fields)})
	signers = {u.get(f) for u in units.values() for f in ("principal", "discipline_officer")} - set(cadres) - {None, ""}
	if signers and letter_type != COMMITMENT:
		cadres.update({c.name: c for c in frappe.get_all("Sanshu Cadre", filters={"name": ("in", list(signers))}, fields=fields)})
	return {"unit_of": unit_of, "units": units, "cadres": cadres}


def new_letter(camp, letter_type, target, context=None, number=None):
	"""One letter, inserted as issued. ``number``: its 文号 if drawn with its batch."""
	to_unit = letter_type in UNIT_LETTER_TYPES
	context = context or letter_context([target], letter_type)
	unit = context["unit_of"].get(target)
	unit_row = context["units"].get(unit) or frappe._dict()
	subject = unit_row.principal if to_unit else target
	doc = frappe.get_doc(
		{
			"doctype": LETTER,
			"letter_type": letter_type,
			"year": camp.year,
			"campaign": camp.name,
			"cadre": None if to_unit else target,
			"cadre_name": None if to_unit else (context["cadres"].get(target) or {}).get("full_name"),
			"unit": unit,
			"signatures": [
				dict(row, signer_name=(context["cadres"].get(row["signer"]) or {}).get("full_name"))
				for row in signatures_for(subject, unit_row, context["units"])
			],
		}
	)
	doc.flags.issue_document = True  # complete as issued: 文号, issuing office, body (official_documents)
	doc.flags.ignore_links = True  # cadre, unit, signers, campaign were read for the whole batch; names fetched there
	doc.flags.cadre_record = None if to_unit else context["cadres"].get(target)  # for the body (letter_bodies)
	doc.flags.reserved_document_number = number  # official_documents.numbering.issue
	return doc.insert()


def signatures_for(subject, unit_row, units) -> list[dict]:
	"""default_signatures from unit rows already fetched."""
	principal, officer, parent = unit_row.get("principal"), unit_row.get("discipline_officer"), unit_row.get("parent_sanshu_unit")
	if principal == subject and parent:
		principal = (units.get(parent) or {}).get("principal")
	rows = []
	for signer, capacity in ((principal, PRINCIPAL), (officer, SUPERVISOR), (subject, SUBJECT)):
		if signer and (capacity == SUBJECT or signer != subject):
			rows.append({"signer": signer, "capacity": capacity, "required": 1})
	return rows


def default_signatures(subject, unit) -> list[dict]:
	"""主体责任人: the unit's principal (the parent unit's when the subject is the principal);
	监督责任人: the unit's discipline officer; 责任对象: the subject."""
	principal, officer, parent = frappe.db.get_value("Sanshu Unit", unit, ["principal", "discipline_officer", "parent_sanshu_unit"])
	if principal == subject and parent:
		principal = frappe.db.get_value("Sanshu Unit", parent, "principal")
	rows = []
	for signer, capacity in ((principal, PRINCIPAL), (officer, SUPERVISOR), (subject, SUBJECT)):
		if signer and (capacity == SUBJECT or signer != subject):
			rows.append({"signer": signer, "capacity": capacity, "required": 1})
	return rows
