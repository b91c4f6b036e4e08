"""The body of each kind of letter: a Jinja template the office edits (Sanshu Letter Template),
shipped with the wording the source documents use, rendered when a letter is issued.

Only the office writes templates; what they put in is trusted as HTML, but every value from a
record (names, posts, units, tasks) is escaped before it reaches the template.
"""

import frappe
from frappe import _
from frappe.utils import escape_html, formatdate, strip_html
from frappe.utils.jinja import guess_is_path

TEMPLATE_DOCTYPE = "Sanshu Letter Template"

# The 三书 and the commitments (seed 001 §三(一)1-3, seed 004), as the office usually words them.
DEFAULT_BODIES = {
	"Party Conduct Responsibility Letter": (
		"<p>为深入贯彻落实党风廉政建设责任制，坚持“谁主管、谁负责”的原则，进一步明确和细化{{ year }}年度党风廉政建设责任，"
		"{% if issuer %}根据{{ issuer }}关于党风廉政建设和反腐败工作的部署，{% endif %}签订本责任书。</p>\n"
		"<p>{% if cadre.full_name %}{{ cadre.full_name }}同志作为{{ unit.name }}{{ cadre.post }}，{% else %}{{ unit.name }}领导班子{% endif %}"
		"对职责范围内的党风廉政建设负直接领导责任，认真履行“一岗双责”，对反腐倡廉重要任务亲自部署、重大问题亲自过问、"
		"重点环节亲自协调、重大案件亲自督办。</p>\n"
		"{% if tasks %}<p>本年度责任任务共{{ tasks | length }}项，见所附责任任务表，须按时限完成。</p>\n{% endif %}"
		"<p>本责任书由责任人与责任对象签字后生效，作为年度党风廉政建设责任制考核和责任追究的依据。</p>"
	),
	"Division of Responsibility Notice": (
		"<p>根据{{ year }}年度党风廉政建设和反腐败工作任务分工，按照“谁主管、谁负责”的原则，现将你分管（负责）的党风廉政建设工作任务告知如下。</p>\n"
		"{% if tasks %}<p>你负责的工作任务共{{ tasks | length }}项，见所附责任任务表。</p>\n{% endif %}"
		"<p>请切实履行“一岗双责”，抓好分管领域的党风廉政建设，按时完成各项任务，并将落实情况及时报{{ issuer or \"上级党委（纪委）\" }}。</p>"
	),
	"Target Task Notice": (
		"<p>根据{{ year }}年度党风廉政建设和反腐败工作任务分工，{{ unit.name }}为下列工作任务的牵头（协办）单位。</p>\n"
		"{% if tasks %}<p>本单位承担的工作任务共{{ tasks | length }}项，见所附责任任务表。</p>\n{% endif %}"
		"<p>请单位主要负责人切实履行第一责任人职责，制定具体措施，明确责任人和完成时限，确保各项目标任务按期完成，并按要求向{{ issuer or \"上级党委（纪委）\" }}报送工作进展情况。</p>"
	),
	"Task Supervision Notice": (
		"<p>经检查，你（单位）承担的{{ year }}年度党风廉政建设工作任务进展较差，未能按期完成。现予以督办。</p>\n"
		"<p>请于收到本督办书后认真分析原因，采取有力措施抓紧落实，并在规定时间内将落实情况书面报告{{ issuer or \"上级党委（纪委）\" }}。</p>"
	),
	"Annual Responsibility Commitment": (
		"<p>本人{{ cadre.full_name }}，系{{ unit.name }}{{ cadre.post }}。为认真履行{{ year }}年度党风廉政建设责任，"
		"切实做到廉洁从政，本人郑重作出如下承诺：</p>"
	),
	"Pre-appointment Integrity Commitment": (
		"<p>本人{{ cadre.full_name }}，拟任{{ unit.name }}{{ cadre.post }}。在任职前，本人向组织郑重作出如下廉政承诺：</p>"
	),
	"Six Commitments": (
		"<p>本人{{ cadre.full_name }}，作为新任纪检监察干部，向社会郑重作出如下承诺，自觉接受社会监督：</p>"
	),
}

# Which field of each doctype names its kind of letter.
KIND_FIELDS = {"Responsibility Letter": "letter_type", "Integrity Commitment": "commitment_type"}


def has_body(doc) -> bool:
	return bool(strip_html(doc.get("body") or "").strip())


def record(doctype, name, fields, cached=False) -> dict:
	"""A record's fields, escaped for HTML (empty strings when there is no record). ``cached`` reads
	through Frappe's document cache (cleared when the record is saved): for records many letters
	share, such as units, so a bulk issue does not read the same unit again for every letter."""
	values = None
	if name and cached:
		try:
			values = frappe.get_cached_value(doctype, name, fields, as_dict=True)
		except frappe.DoesNotExistError:
			values = None
	elif name:
		values = frappe.db.get_value(doctype, name, fields, as_dict=True)
	return {f: escape_html(str(values.get(f) or "")) if values else "" for f in fields}


def context(doc, issuer: str) -> dict:
	"""What a letter template can use: cadre, unit, year, issuer, tasks, campaign and the letter title."""
	cadre_fields = ["name", "full_name", "post", "unit"]
	known = doc.flags.cadre_record  # read by a bulk issue for the whole batch
	if known and known.get("name") == doc.get("cadre"):
		cadre = {f: escape_html(str(known.get(f) or "")) for f in cadre_fields}
	else:
		cadre = record("Sanshu Cadre", doc.get("cadre"), cadre_fields)
	unit_name = doc.get("unit") or cadre.get("unit")
	unit = record("Sanshu Unit", unit_name, ["name", "unit_name", "unit_type"], cached=True)
	tasks = [
		{
			"task": escape_html(t.task or ""),
			"lead_unit": escape_html(t.lead_unit or ""),
			"cooperating_units": escape_html(t.cooperating_units or ""),
			"deadline": formatdate(t.deadline, "yyyy年M月d日") if t.deadline else "",
		}
		for t in (doc.get("tasks") or [])
	]
	kind = doc.get(KIND_FIELDS.get(doc.doctype, "")) or ""
	return {
		"cadre": cadre,
		"unit": unit,
		"year": doc.get("year") or "",
		"issuer": escape_html(issuer or ""),
		"tasks": tasks,
		"campaign": escape_html(doc.get("campaign") or ""),
		"letter_title": escape_html(_(kind)),
	}


def template_for(kind: str) -> str | None:
	if not kind:
		return None
	try:  # through the document cache (cleared when the template is saved): one read for a whole bulk issue
		return frappe.get_cached_value(TEMPLATE_DOCTYPE, kind, "body_template")
	except frappe.DoesNotExistError:
		return None


def render(template: str, values: dict) -> str:
	"""Through Frappe's sandboxed Jinja environment (frappe.render_template), each template text
	compiled once per request or job: a bulk issue renders the same template thousands of times, and
	compiling it took longer than rendering. The compiled template lives on ``frappe.local`` beside
	the environment it belongs to, keyed by its exact text (an edited template is a new key)."""
	compiled = getattr(frappe.local, "sanshu_compiled_templates", None)
	if compiled is None:
		compiled = frappe.local.sanshu_compiled_templates = {}
	if template not in compiled:
		# The first time, Frappe's own call: its checks (no "__" attributes, paths) and error messages.
		body = frappe.render_template(template, values)
		if not guess_is_path(template):
			compiled[template] = frappe.get_jenv().from_string(template)
		return body
	try:
		return compiled[template].render(values)
	except Exception:
		return frappe.render_template(template, values)  # Frappe's error message for a failing render


def fill_body(doc, issuer: str):
	"""Write the letter's body from its kind's template when it has none yet."""
	if doc.doctype not in KIND_FIELDS or has_body(doc):
		return
	template = template_for(doc.get(KIND_FIELDS[doc.doctype]))
	if template:
		doc.body = render(template, context(doc, issuer))


def ensure_default_templates():
	"""Every kind of letter has a template; the office's edits are kept."""
	for kind, body in DEFAULT_BODIES.items():
		if not frappe.db.exists(TEMPLATE_DOCTYPE, kind):
			frappe.get_doc({"doctype": TEMPLATE_DOCTYPE, "letter_type": kind, "body_template": body}).insert(ignore_permissions=True)
