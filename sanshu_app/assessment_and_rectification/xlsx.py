"""One look for every ledger (台账) the office prints from Excel: a title row, a styled header,
column widths, the header frozen, A4 landscape. Every xlsx download of the module goes through
``ledger_workbook`` and ``send_xlsx``."""

from io import BytesIO

import frappe
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "SimSun"


def ledger_workbook(title: str, columns, rows, subtitle: str | None = None, sheet_name: str | None = None) -> bytes:
	"""``columns`` as (header, width in characters); ``rows`` as lists of cell values."""
	wb = Workbook()
	ws = wb.active
	ws.title = (sheet_name or title)[:31]
	width = max(len(columns), 1)
	ws.append([title])
	ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
	ws.cell(1, 1).font = Font(name=FONT, size=16, bold=True)
	ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
	ws.row_dimensions[1].height = 30
	header_row = 2
	if subtitle:
		ws.append([subtitle])
		ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
		ws.cell(2, 1).font = Font(name=FONT, size=11)
		ws.cell(2, 1).alignment = Alignment(horizontal="right")
		header_row = 3
	ws.append([header for header, _ in columns])
	for index, (_, chars) in enumerate(columns, start=1):
		cell = ws.cell(header_row, index)
		cell.font = Font(name=FONT, bold=True, color="FFFFFF")
		cell.fill = PatternFill("solid", fgColor="9B1B1B")
		cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
		cell.border = BORDER
		ws.column_dimensions[cell.column_letter].width = chars
	for row in rows:
		ws.append(list(row))
		for cell in ws[ws.max_row]:
			cell.font = Font(name=FONT)
			cell.alignment = Alignment(vertical="top", wrap_text=True)
			cell.border = BORDER
	ws.freeze_panes = ws.cell(header_row + 1, 1)
	ws.print_title_rows = f"{header_row}:{header_row}"
	ws.page_setup.orientation = "landscape"
	ws.page_setup.paperSize = ws.PAPERSIZE_A4
	ws.page_setup.fitToWidth = 1
	ws.page_setup.fitToHeight = 0
	ws.sheet_properties.pageSetUpPr.fitToPage = True
	ws.print_options.horizontalCentered = True
	out = BytesIO()
	wb.save(out)
	return out.getvalue()


def send_xlsx(filename: str, content: bytes):
	"""Answer the current request with ``content`` as a download."""
	frappe.response["filename"] = filename if filename.endswith(".xlsx") else f"{filename}.xlsx"
	frappe.response["filecontent"] = content
	frappe.response["type"] = "binary"


def read_rows(content: bytes):
	"""(header, data rows) of the first sheet, values only; the header is the first row that has a value."""
	wb = load_workbook(BytesIO(content), read_only=True, data_only=True)
	rows = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
	while rows and all(v is None for v in rows[0]):
		rows.pop(0)
	if not rows:
		return [], []
	return rows[0], rows[1:]
