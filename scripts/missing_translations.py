#!/usr/bin/env python3
"""List the app's user-visible English texts that have no Chinese in sanshu_app/translations/zh.csv.

Texts: doctype names, field labels, select options, workspace and number-card labels, role names,
_("...") / __("...") strings and the rule messages of sanshu_app/rules. Exit 1 when any is missing.
"""

import ast
import csv
import json
import re
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "sanshu_app"
JS_STRING = re.compile(r"""__\(\s*(["'`])((?:\\.|(?!\1).)*)\1""")


def texts_in_json(path: Path):
	data = json.loads(path.read_text())
	kind = data.get("doctype")
	if kind == "DocType":
		yield data["name"]
		for field in data.get("fields", []):
			if field.get("label"):
				yield field["label"]
			if field.get("description"):
				yield field["description"]
			if field.get("fieldtype") == "Select" and field.get("options"):
				yield from (o for o in field["options"].split("\n") if o and not o.startswith(">"))
		for perm in data.get("permissions", []):
			yield perm["role"]
	elif kind in ("Workspace", "Number Card", "Report", "Print Format", "Workflow", "Notification"):
		yield data.get("label") or data.get("name")
		for link in data.get("links", []) + data.get("shortcuts", []):
			yield link.get("label")
		for state in data.get("states", []):
			yield state.get("state")
		for transition in data.get("transitions", []):
			yield transition.get("action")


def texts_in_python(path: Path):
	tree = ast.parse(path.read_text())
	for node in ast.walk(tree):
		if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
			name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
			if name in ("_", "RuleViolation", "_l"):
				yield node.args[0].value


def all_texts():
	for path in APP.rglob("*.json"):
		if "fixtures" in path.parts:
			continue
		yield from texts_in_json(path)
	for path in APP.rglob("*.py"):
		yield from texts_in_python(path)
	for path in APP.rglob("*.js"):
		for match in JS_STRING.finditer(path.read_text()):
			yield match.group(2)


def translated():
	path = APP / "translations" / "zh.csv"
	if not path.exists():
		return set()
	with path.open(newline="") as fh:
		return {row[0] for row in csv.reader(fh) if row and len(row) > 1 and row[1]}


if __name__ == "__main__":
	have = translated()
	missing = sorted({t for t in all_texts() if t and t not in have and re.search(r"[A-Za-z]", t)})
	for text in missing:
		print(text)
	sys.exit(1 if missing else 0)
