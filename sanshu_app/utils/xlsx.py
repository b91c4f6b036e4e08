"""Every spreadsheet the app reads or writes goes through here (no other module imports openpyxl).

Reading: ``read_sheets`` (every sheet of a workbook as plain rows), ``sheet_rows`` (the first
sheet's), ``read_rows`` (header and data rows), ``uploaded_sheets`` (an uploaded File's, refused
with the caller's message when missing or unreadable).
Writing: ``ledger_workbook``, one look for every ledger (台账) the office prints from Excel (a title
row, a styled header, column widths, the header frozen, A4 landscape); ``plain_workbook`` for the
templates clerks fill (a heading, a note, bold headers, a choice list); ``send_xlsx`` answers the
request with the file."""

from dataclasses import dataclass
from io import BytesIO

import frappe
from frappe import _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

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
	ws.append([header for header, _width in columns])
	for index, (_header, chars) in enumerate(columns, start=1):
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


def read_sheets(content: bytes, formulas: bool = False) -> list[tuple[str, list[list]]]:
	"""Every sheet of a workbook as (name, rows), values only (``formulas``: a formula as its text)."""
	book = load_workbook(BytesIO(content), read_only=True, data_only=not formulas)
	return [(sheet.title, [list(r) for r in sheet.iter_rows(values_only=True)]) for sheet in book.worksheets]


def sheet_rows(content: bytes) -> list[list]:
	"""The first sheet's rows, values only."""
	return read_sheets(content)[0][1]


def read_rows(content: bytes):
	"""(header, data rows) of the first sheet, values only; the header is the first row that has a value."""
	rows = sheet_rows(content)
	while rows and all(v is None for v in rows[0]):
		rows.pop(0)
	if not rows:
		return [], []
	return rows[0], rows[1:]


def uploaded_sheets(file_url: str, unreadable: str, title: str, missing: str | None = None, formulas: bool = False):
	"""``read_sheets`` of an uploaded File; refused with ``missing`` (its url in {0}; else
	``unreadable``) when there is no such file, with ``unreadable`` (the file's name in {0}) when it
	is no workbook. The messages are untranslated; ``title`` too."""
	name = frappe.db.get_value("File", {"file_url": file_url}) if file_url else None
	if not name:
		frappe.throw(_(missing or unreadable).format(file_url or "-"), title=_(title))
	try:
		return read_sheets(frappe.get_doc("File", name).get_content(), formulas)
	except Exception:
		frappe.throw(_(unreadable).format(file_url.rsplit("/", 1)[-1]), title=_(title))


@dataclass
class Sheet:
	"""One sheet of ``plain_workbook``: ``rows`` under an optional ``heading`` (merged, bold, of
	``heading_size``) and ``note`` (merged); ``bold_header`` bolds the first of ``rows``; ``width``
	sets every column's width; ``choices`` = (values, cell range) limits those cells to the values."""

	title: str
	rows: list
	heading: str | None = None
	heading_size: int = 14
	note: str | None = None
	bold_header: bool = False
	width: int | None = None
	choices: tuple | None = None


def plain_workbook(*sheets: Sheet) -> bytes:
	"""A workbook of plain sheets (the templates clerks fill, the meeting's results)."""
	book = Workbook()
	for index, spec in enumerate(sheets):
		ws = book.active if index == 0 else book.create_sheet()
		ws.title = spec.title
		columns = max([len(r) for r in spec.rows] or [1])
		header_row = 1
		for text, font in ((spec.heading, Font(bold=True, size=spec.heading_size)), (spec.note, None)):
			if text is None:
				continue
			ws.append([text] + [None] * (columns - 1))
			ws.merge_cells(start_row=header_row, start_column=1, end_row=header_row, end_column=columns)
			if font:
				ws.cell(header_row, 1).font = font
				ws.cell(header_row, 1).alignment = Alignment(horizontal="center")
			header_row += 1
		for row in spec.rows:
			ws.append(list(row))
		if spec.bold_header:
			for cell in ws[header_row]:
				cell.font = Font(bold=True)
		if spec.width:
			for column in ws.columns:
				ws.column_dimensions[column[0].column_letter].width = spec.width
		if spec.choices:
			values, cells = spec.choices
			validation = DataValidation(type="list", formula1='"{}"'.format(",".join(values)), allow_blank=True)
			ws.add_data_validation(validation)
			validation.add(cells)
	out = BytesIO()
	book.save(out)
	return out.getvalue()
