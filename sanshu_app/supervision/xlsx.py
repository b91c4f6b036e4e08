"""Reading an uploaded sheet as plain rows, for the rules in sanshu_app.rules.supervision."""

from io import BytesIO

from openpyxl import load_workbook


def sheet_rows(content: bytes) -> list[list]:
	wb = load_workbook(BytesIO(content), read_only=True, data_only=True)
	return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
