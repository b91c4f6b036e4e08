"""Importing units and cadres from the office's Excel workbook: all rows or none."""

from io import BytesIO

import frappe
from frappe import _
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
		for cadre in parsed.cadres:
			frappe.get_doc({"doctype": "Sanshu Cadre", **{k: v for k, v in cadre.items() if k != "row"}}).insert()
	except frappe.ValidationError:
		frappe.db.rollback(save_point="sanshu_master_import")
		frappe.clear_messages()
		raise
	return {"units": len(parsed.units), "cadres": len(parsed.cadres)}
