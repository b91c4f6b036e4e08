"""Reading spreadsheet cells the way a person typed them."""


def cell_text(value) -> str:
	"""A cell as text: empty for a blank cell, 3 (not 3.0) for a whole number Excel stored as a float."""
	if value is None:
		return ""
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	return str(value).strip()
