#!/usr/bin/env python3
"""List the app's user-visible English texts that have no Chinese in sanshu_app/translations/zh.csv.

Texts: doctype names, field labels, select options, workspace and number-card labels, role names,
_("...") / __("...") strings (also in the web and print templates, *.html), the rule messages of
sanshu_app/rules, the workflow states and actions the app ships (``ensure_workflow`` calls) and page
titles. Also listed, as problems: an app title in English (the desk's app switcher shows it
untranslated), a script-report column linking to DocType (it shows English doctype names, and needs
a DocType permission readers do not have). Every select option counts, including those a link
search shows under its results ("Township", "Industrial Park": the desk translates each part,
sanshu_desk.js), and those of child tables.
Exit 1 when anything is listed.
"""

import ast
import csv
import json
import re
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "sanshu_app"
JS_STRING = re.compile(r"""__\(\s*(["'`])((?:\\.|(?!\1).)*)\1""")
JINJA_STRING = re.compile(r"""(?<![\w.])_\(\s*(["'])((?:\\.|(?!\1).)*)\1""")


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
	elif kind == "Page":
		yield data.get("title")
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
		if not isinstance(node, ast.Call):
			continue
		name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
		if name == "ensure_workflow":
			# states (state, docstatus, role[, style]) and transitions (state, action, next, role, condition)
			for part in [*node.args[2:], *(k.value for k in node.keywords)]:
				for const in ast.walk(part):
					if isinstance(const, ast.Constant) and isinstance(const.value, str) and not const.value.startswith("doc."):
						yield const.value
		elif node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
			if name in ("_", "RuleViolation", "_l"):
				yield node.args[0].value


def problems():
	"""English that reaches the desk untranslated whatever zh.csv holds."""
	hooks = (APP / "hooks.py").read_text()
	for match in re.finditer(r"""(?:app_title\s*=\s*|"title":\s*)["']([^"']*)["']""", hooks):
		if re.search(r"[A-Za-z]", match.group(1)):
			yield f"hooks.py: the app title {match.group(1)!r} is shown untranslated; write it in Chinese"
	for path in sorted(APP.glob("*/report/*/*.py")):
		for node in ast.walk(ast.parse(path.read_text())):
			if isinstance(node, ast.Dict):
				pairs = {k.value: v.value for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)}
				if pairs.get("fieldtype") == "Link" and pairs.get("options") == "DocType":
					yield f"{path.relative_to(APP.parent)}: column {pairs.get('fieldname')!r} links to DocType; show the translated doctype name instead"


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
	for path in APP.rglob("*.html"):
		text = path.read_text()
		for match in [*JINJA_STRING.finditer(text), *JS_STRING.finditer(text)]:
			yield match.group(2)


def translated():
	path = APP / "translations" / "zh.csv"
	if not path.exists():
		return set()
	with path.open(newline="") as fh:
		return {row[0] for row in csv.reader(fh) if row and len(row) > 1 and row[1]}


def missing_texts() -> list[str]:
	have = translated()
	return sorted({t for t in all_texts() if t and t not in have and re.search(r"[A-Za-z]", t)})


if __name__ == "__main__":
	found = missing_texts() + list(problems())
	for text in found:
		print(text)
	sys.exit(1 if found else 0)
