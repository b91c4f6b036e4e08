"""Every record the permission layer scopes is loaded through ``ScopedDocument``, so the check that
follows opening it needs no second read of its placement (a doctype left out would still be
checked, only slower). Read from the files: no Frappe needed."""

import importlib.util
import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "sanshu_app"


def record_scopes():
	spec = importlib.util.spec_from_file_location("record_scopes", APP / "permissions" / "scopes.py")
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return module


def controller(doctype: str) -> Path:
	folder = doctype.lower().replace(" ", "_")
	(path,) = APP.glob(f"*/doctype/{folder}/{folder}.py")
	return path


def test_every_scoped_doctype_loads_through_scoped_document():
	plain = [
		doctype
		for doctype in record_scopes().RECORD_SCOPES
		if not re.search(r"^class \w+\(ScopedDocument\):", controller(doctype).read_text(), re.M)
	]
	assert plain == [], f"controllers not extending ScopedDocument: {plain}"
