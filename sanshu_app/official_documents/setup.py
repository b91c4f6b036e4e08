"""Install and migrate steps of the official documents: number patterns, letter templates and
the Chromium PDF generator's name on the Print Format form. Idempotent; office edits are kept."""

import frappe
from frappe.custom.doctype.property_setter.property_setter import make_property_setter

from sanshu_app.official_documents.letter_bodies import ensure_default_templates
from sanshu_app.official_documents.pdf import GENERATOR
from sanshu_app.rules.roles import MANAGER
from sanshu_app.setup.workflows import ensure_workflow

# The office replaces the prefix with its own (高新廉责〔2026〕1号 …); every kind has a pattern.
DEFAULT_PATTERNS = {
	"Party Conduct Responsibility Letter": "廉责〔{year}〕{number}号",
	"Division of Responsibility Notice": "廉告〔{year}〕{number}号",
	"Target Task Notice": "廉通〔{year}〕{number}号",
	"Task Supervision Notice": "廉督〔{year}〕{number}号",
	"Annual Responsibility Commitment": "廉诺〔{year}〕{number}号",
	"Pre-appointment Integrity Commitment": "廉诺〔{year}〕{number}号",
	"Six Commitments": "廉诺〔{year}〕{number}号",
	"Risk Notification Card": "廉险〔{year}〕{number}号",
	"Rectification Notice": "廉改〔{year}〕{number}号",
	"Rectification Recommendation": "廉改〔{year}〕{number}号",
	"Evaluation Feedback": "廉评〔{year}〕{number}号",
	"Circular": "廉通报〔{year}〕{number}号",
}
# 通报: drafted by the office, issued (印发) by it; issuing draws the 文号 and delivers it.
CIRCULAR_WORKFLOW = "Sanshu Circular"


def after_migrate():
	ensure_default_patterns()
	ensure_default_templates()
	ensure_generator_option()
	ensure_circular_workflow()


def ensure_circular_workflow():
	manager = MANAGER
	ensure_workflow(
		CIRCULAR_WORKFLOW,
		"Sanshu Circular",
		states=[("Draft", 0, manager), ("Issued", 1, manager, "Success")],
		transitions=[("Draft", "Print and Issue", "Issued", manager, None)],
	)


def ensure_default_patterns():
	settings = frappe.get_single("Sanshu Settings")
	have = {row.document_kind for row in settings.number_patterns}
	missing = [kind for kind in DEFAULT_PATTERNS if kind not in have]
	if not missing:
		return
	for kind in missing:
		settings.append("number_patterns", {"document_kind": kind, "pattern": DEFAULT_PATTERNS[kind]})
	settings.save(ignore_permissions=True)


def ensure_generator_option():
	"""The app's print formats name the Chromium generator; the Print Format form lists it."""
	options = frappe.get_meta("Print Format").get_field("pdf_generator").options or ""
	if GENERATOR not in options.split("\n"):
		make_property_setter(
			"Print Format", "pdf_generator", "options", "\n".join([*filter(None, options.split("\n")), GENERATOR]), "Text", validate_fields_for_doctype=False
		)
