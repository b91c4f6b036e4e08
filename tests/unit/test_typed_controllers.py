"""Every doctype controller carries the platform's generated types of its fields (issue 23): a
``# begin: auto-generated types`` block naming each field of the doctype's JSON that has a value
(``scripts/export_types.py`` writes them; the desk renews them on saving a DocType)."""

import json
import re
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "sanshu_app"
NO_VALUE = {"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Fold", "Heading", "Image"}
BLOCK = re.compile(r"# begin: auto-generated types\n(.*?)# end: auto-generated types", re.S)


def doctypes():
	for path in sorted(APP.glob("*/doctype/*/*.json")):
		if path.stem == path.parent.name:
			meta = json.loads(path.read_text(encoding="utf-8"))
			if meta.get("doctype") == "DocType":
				yield pytest.param(path, meta, id=meta["name"])


@pytest.mark.parametrize(("path", "meta"), doctypes())
def test_the_controller_carries_its_fields_types(path, meta):
	controller = path.with_suffix(".py")
	assert controller.exists(), f"{meta['name']} has no controller"
	found = BLOCK.search(controller.read_text(encoding="utf-8"))
	assert found, f"{controller}: no generated types (run scripts/export_types.py)"
	typed = set(re.findall(r"^\t\t(\w+): DF\.", found.group(1), re.M))
	fields = {f["fieldname"] for f in meta.get("fields", []) if f.get("fieldtype") not in NO_VALUE and not (f.get("is_virtual") and not f.get("options"))}
	assert fields == typed - {"parent", "parentfield", "parenttype", "name"}, f"{controller}: the types differ from the JSON (run scripts/export_types.py)"
