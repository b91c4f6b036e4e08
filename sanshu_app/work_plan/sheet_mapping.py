"""The work-plan import's column-mapping step (issue 21): a sheet whose headings are not the words
``rules.work_plan.COLUMNS`` knows is read through the clerk's mapping of each field to a column,
or the one remembered for its layout (``sanshu_app.utils.sheet_layouts``). Only the mapping is
here: the mapped sheet is handed to ``rules.work_plan.read_plan_sheet`` under its own headings."""

from sanshu_app.rules import work_plan as rules
from sanshu_app.rules.column_mapping import Field, check_mapping, project
from sanshu_app.utils import sheet_layouts
from sanshu_app.utils.xlsx import uploaded_sheets

KIND = "work-plan"


def plan_fields() -> tuple:
	"""Every column the plan's reader knows, required as the reader requires it."""
	return tuple(Field(key, words[0], key in rules.REQUIRED_COLUMNS, tuple(words)) for key, words in rules.COLUMNS.items())


def plan_rows(file_url: str, mapping=None, remap=0) -> tuple:
	"""(the rows to read, the checked mapping or None, None) or (None, None, the mapping step).

	The first sheet as it is when its headings are known (and no mapping was sent); else the
	mapped sheet under the reader's own headings, each row keeping its number."""
	sheets = uploaded_sheets(file_url, "The file is not an Excel workbook (.xlsx).", "Nothing Imported", missing="The file {0} was not found.")
	sheets = [(title, [tuple(r) for r in rows]) for title, rows in sheets]
	first = sheets[0][1] if sheets else []
	recognised = rules._header(first)[0] is not None
	mapping, step = sheet_layouts.mapping_for(KIND, sheets, mapping, recognised, plan_fields(), None, remap)
	if step:
		return None, None, step
	if not mapping:
		return first, None, None
	checked, problems = check_mapping(mapping, sheets, KIND, plan_fields())
	if checked is None:
		return None, None, sheet_layouts.mapping_refused(KIND, sheets, mapping, problems, plan_fields())
	rows = dict(sheets)[checked.sheet]
	headings = {col: rules.COLUMNS[key][0] for key, col in checked.fields.items()}
	return project(rows, checked.header_index, headings), checked, None


def remember(file_url: str, checked) -> None:
	sheets = uploaded_sheets(file_url, "The file is not an Excel workbook (.xlsx).", "Nothing Imported")
	sheet_layouts.remember(KIND, checked, dict(sheets)[checked.sheet][checked.header_index])
