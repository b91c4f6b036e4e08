"""Importing units and cadres from the office's Excel workbook: all rows or none."""

import re
from io import BytesIO

import frappe
from frappe import _
from frappe.utils import cint
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from sanshu_app.rules.master_sheet import CADRE_HEADERS, CADRE_SHEET, UNIT_HEADERS, UNIT_SHEET, read_master_sheet
from sanshu_app.utils import require_roles, throw_violations



@frappe.whitelist()
def download_master_template():
	"""An empty workbook with the two sheets and their headers, and one example row each."""
	require_roles()
	book = Workbook()
	units = book.active
	units.title = UNIT_SHEET
	units.append(UNIT_HEADERS)
	units.append(("示例镇", "乡镇", ""))
	cadres = book.create_sheet(CADRE_SHEET)
	cadres.append(CADRE_HEADERS)
	cadres.append(("张三", "示例镇", "党委书记", "正科级", "", "是", "否", "否"))
	for sheet in (units, cadres):
		for cell in sheet[1]:
			cell.font = Font(bold=True)
		for column in sheet.columns:
			sheet.column_dimensions[column[0].column_letter].width = 16
	buffer = BytesIO()
	book.save(buffer)
	frappe.response.filename = "units_and_cadres.xlsx"
	frappe.response.filecontent = buffer.getvalue()
	frappe.response.type = "binary"


@frappe.whitelist(methods=["POST"])
def import_master_data(file_url: str) -> dict:
	"""Create the units and cadres of an uploaded workbook. Any bad row refuses the whole file."""
	require_roles()
	content = frappe.get_doc("File", {"file_url": file_url}).get_content()
	try:
		book = load_workbook(BytesIO(content), read_only=True, data_only=True)
	except Exception:
		frappe.throw(_("The file is not an Excel workbook (.xlsx)."), title=_("Nothing Imported"))
	sheets = {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}
	parsed = read_master_sheet(
		sheets,
		existing_units=set(frappe.get_all("Sanshu Unit", pluck="name")),
		existing_users=set(frappe.get_all("User", pluck="name")),
		users_with_cadre=set(frappe.get_all("Sanshu Cadre", filters={"user": ("is", "set")}, pluck="user")),
	)
	throw_violations(parsed.problems, title=_("Nothing Imported"))

	frappe.db.savepoint("sanshu_master_import")
	try:
		for unit in parsed.units:
			frappe.get_doc({"doctype": "Sanshu Unit", **{k: v for k, v in unit.items() if k != "row"}}).insert()
		names = reserve_names("Sanshu Cadre", len(parsed.cadres)) or [None] * len(parsed.cadres)
		for cadre, name in zip(parsed.cadres, names):
			doc = frappe.get_doc({"doctype": "Sanshu Cadre", **{k: v for k, v in cadre.items() if k != "row"}})
			doc.flags.reserved_name = name
			doc.insert()
	except frappe.ValidationError:
		frappe.db.rollback(save_point="sanshu_master_import")
		frappe.clear_messages()
		raise
	return {"units": len(parsed.units), "cadres": len(parsed.cadres)}


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
