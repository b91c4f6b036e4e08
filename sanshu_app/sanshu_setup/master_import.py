"""Importing units and cadres from the office's Excel workbook: all rows or none."""

import re

import frappe
from frappe import _
from frappe.core.doctype.file.utils import relink_mismatched_files
from frappe.desk.form.document_follow import follow_document
from frappe.utils import cint
from frappe.utils.global_search import update_global_search

from sanshu_app.rules.column_mapping import check_mapping, project
from sanshu_app.rules.master_sheet import CADRE_HEADERS, CADRE_SHEET, UNIT_HEADERS, UNIT_SHEET, cadre_fields, headers_known, read_master_sheet
from sanshu_app.utils import require_roles, sheet_layouts, throw_violations
from sanshu_app.utils.xlsx import Sheet, plain_workbook, read_sheets, send_xlsx

# Cadres are written this many to an INSERT statement (see insert_batch).
INSERT_BATCH = 500


@frappe.whitelist()
def download_master_template():
	"""An empty workbook with the two sheets and their headers, and one example row each."""
	require_roles()
	units = Sheet(UNIT_SHEET, [UNIT_HEADERS, ("示例镇", "乡镇", "")], bold_header=True, width=16)
	cadres = Sheet(CADRE_SHEET, [CADRE_HEADERS, ("张三", "示例镇", "党委书记", "正科级", "", "是", "否", "否")], bold_header=True, width=16)
	send_xlsx("units_and_cadres.xlsx", plain_workbook(units, cadres))


@frappe.whitelist(methods=["POST"])
def import_master_data(file_url: str, commit: int | str = 1, mapping: str | None = None, remap: int | str = 0) -> dict:
	"""Create the units and cadres of an uploaded workbook. Any bad row refuses the whole file.

	commit=0: only what would be created (the desk's preview; it imports with commit=1). A cadre
	sheet headed otherwise than the template is read through the clerk's column ``mapping`` (or the
	one remembered for its layout); without either the answer is the mapping step."""
	require_roles()
	content = frappe.get_doc("File", {"file_url": file_url}).get_content()
	try:
		workbook = [(title, [tuple(row) for row in rows]) for title, rows in read_sheets(content)]
	except Exception:
		frappe.throw(_("The file is not an Excel workbook (.xlsx)."), title=_("Nothing Imported"))
	sheets = dict(workbook)
	mapping, step = sheet_layouts.mapping_for("cadres", workbook, mapping, headers_known(sheets), cadre_fields(), None, cint(remap))
	if step:
		return {**step, "committed": 0}
	checked, header_rows = None, {}
	if mapping:
		checked, problems = check_mapping(mapping, workbook, "cadres", cadre_fields())
		if checked is None:
			return sheet_layouts.mapping_refused("cadres", workbook, mapping, problems, cadre_fields())
		headings = {col: key for key, col in checked.fields.items()}
		units = sheets.get(UNIT_SHEET) if checked.sheet != UNIT_SHEET and headers_known({UNIT_SHEET: sheets.get(UNIT_SHEET)}) else None
		sheets = {CADRE_SHEET: project(sheets[checked.sheet], checked.header_index, headings, order=CADRE_HEADERS)}
		if units:
			sheets[UNIT_SHEET] = units
		header_rows = {CADRE_SHEET: checked.header_index + 1}
	parsed = read_master_sheet(
		sheets,
		existing_units=set(frappe.get_all("Sanshu Unit", pluck="name")),
		existing_users=set(frappe.get_all("User", pluck="name")),
		users_with_cadre=set(frappe.get_all("Sanshu Cadre", filters={"user": ("is", "set")}, pluck="user")),
		header_rows=header_rows,
	)
	throw_violations(parsed.problems, title=_("Nothing Imported"))
	if not cint(commit):
		return {"units": parsed.units, "cadres": parsed.cadres, "mapping": mapping, "committed": 0}
	if checked:
		sheet_layouts.remember("cadres", checked, dict(workbook)[checked.sheet][checked.header_index])

	frappe.db.savepoint("sanshu_master_import")
	try:
		for unit in parsed.units:
			frappe.get_doc({"doctype": "Sanshu Unit", **{k: v for k, v in unit.items() if k != "row"}}).insert()
		names = reserve_names("Sanshu Cadre", len(parsed.cadres)) or [None] * len(parsed.cadres)
		cadres = []
		for cadre, name in zip(parsed.cadres, names):
			doc = frappe.get_doc({"doctype": "Sanshu Cadre", **{k: v for k, v in cadre.items() if k != "row"}})
			doc.flags.reserved_name = name
			cadres.append(doc)
		for start in range(0, len(cadres), INSERT_BATCH):
			insert_batch(cadres[start : start + INSERT_BATCH], links_checked=True)
	except Exception:
		# all or nothing: a refused document, or the database refusing the batch (a unique user)
		frappe.db.rollback(save_point="sanshu_master_import")
		frappe.clear_messages()
		raise
	return {"units": len(parsed.units), "cadres": len(parsed.cadres)}


def insert_batch(docs: list, links_checked: bool = False) -> None:
	"""Insert new documents of one doctype as ``Document.insert`` does, step for step, except that
	the batch is written in one INSERT statement and the document-cache clear and the desk's list
	refresh are done once for the batch (per document they cost more than the checks).

	Every check and hook of the doctype still runs for each document: defaults, naming, permission,
	before_insert, validate, before_save, the platform's checks; then, with all the batch's rows in
	the database, after_insert, on_update and on_change, and the global search entry.
	``links_checked``: the caller has checked every Link value against the database (the sheet
	reader does), so Frappe's per-document link lookups are skipped unless a field fetches from one.
	"""
	if not docs:
		return
	meta = docs[0].meta
	skip_links = links_checked and not any(df.fetch_from for df in meta.fields)
	for doc in docs:  # Document.insert up to its INSERT
		doc.flags.notifications_executed = []
		if skip_links:
			doc.flags.ignore_links = True
		doc.set("__islocal", True)
		doc._set_defaults()
		doc.set_user_and_timestamp()
		doc.set_docstatus()
		doc.check_if_latest()
		doc._validate_links()
		doc.check_permission("create")
		doc.run_method("before_insert")
		doc.set_new_name()
		doc.set_parent_in_children()
		doc.validate_higher_perm_levels()
		doc.flags.in_insert = True
		doc.run_before_save_methods()
		doc._validate()
		doc.set_docstatus()
		doc.flags.in_insert = False

	rows = [doc.get_valid_dict(convert_dates_to_str=True, ignore_virtual=True) for doc in docs]
	columns = list(rows[0])
	frappe.db.bulk_insert(meta.name, columns, [tuple(row[c] for c in columns) for row in rows])
	for doc in docs:
		doc.set("__islocal", False)
		for child in doc.get_all_children():
			child.db_insert()

	for doc in docs:  # Document.insert after its INSERT, with run_post_save_methods inline
		doc.run_method("after_insert")
		doc.flags.in_insert = True
		relink_mismatched_files(doc)
		doc.run_method("on_update")
		update_global_search(doc)
		if doc.flags.updater_reference:  # the only insert Frappe writes a Version for
			doc.save_version()
		doc.run_method("on_change")
		doc.flags.in_insert = False
		for attribute in ("__islocal", "__unsaved"):
			if hasattr(doc, attribute):
				delattr(doc, attribute)

	keys = [frappe.get_document_cache_key(meta.name, doc.name) for doc in docs]

	def clear_document_cache():
		frappe.cache.delete_value(keys)

	clear_document_cache()
	frappe.db.after_commit.add(clear_document_cache)
	frappe.db.after_rollback.add(clear_document_cache)
	if not frappe.flags.in_patch:
		notice = {"doctype": meta.name, "name": docs[-1].name, "user": frappe.session.user}
		frappe.publish_realtime("list_update", notice, after_commit=True)  # an open list refreshes once
	if frappe.get_cached_value("User", frappe.session.user, "follow_created_documents"):
		for doc in docs:
			follow_document(doc.doctype, doc.name, frappe.session.user)


def reserve_names(doctype: str, count: int) -> list[str] | None:
	"""Names for ``count`` new records of ``doctype`` in one step of its series, instead of Frappe's
	step (two queries) per record. Only for naming of the form "format:PREFIX{###…}"; None otherwise."""
	match = re.fullmatch(r"format:([^{}]*)\{(#+)\}", frappe.get_meta(doctype).autoname or "")
	if not match or count <= 0:
		return None
	prefix, digits = match.group(1), len(match.group(2))
	key = ""  # Frappe's series key for a braced "{###}": the text before the hashes inside the braces
	current = frappe.db.sql("select `current` from `tabSeries` where `name`=%s for update", key)
	if current and current[0][0] is not None:
		start = cint(current[0][0])
		frappe.db.sql("update `tabSeries` set `current` = `current` + %s where `name`=%s", (count, key))
	else:
		start = 0
		frappe.db.sql("insert into `tabSeries` (`name`, `current`) values (%s, %s)", (key, count))
	return [f"{prefix}{start + i:0{digits}d}" for i in range(1, count + 1)]
