"""Write Frappe's `# begin: auto-generated types` block into every controller of the app, with
frappe.types.exporter.TypeExporter (the platform's own generator), without a site: the doctype is
read from its JSON and a table's controller class from the app's folders. A block already there is
replaced; a new one goes after the class's docstring (Frappe's desk puts it there too once present).

Run with the bench's Python after changing a doctype's fields outside the desk:
    ~/frappe-bench/env/bin/python scripts/export_types.py sanshu_app
(The desk does it itself on saving a DocType in developer mode: hooks.export_python_type_annotations.)"""

import ast
import json
import sys
from pathlib import Path

import frappe
from frappe import scrub
from frappe.types.exporter import TypeExporter

APP = Path(sys.argv[1])
docs = {}
for j in sorted(APP.glob("*/doctype/*/*.json")):
    if j.stem != j.parent.name:
        continue
    d = json.loads(j.read_text())
    if d.get("doctype") != "DocType":
        continue
    docs[d["name"]] = (j, d)


class Exporter(TypeExporter):
    @staticmethod
    def _validate_code(code):
        try:
            ast.parse(code)
            return True
        except SyntaxError as e:
            print("INVALID", e)
            return False

    def __init__(self, doc, path):
        self.doc = doc
        self.doctype = doc.name
        self.field_types = {}
        self.imports = {"from frappe.types import DF"}
        self.indent = "\t"
        self.controller_path = path

    def _get_doctype_imports(self, doctype):
        if doctype in docs:
            j, _d = docs[doctype]
            module = ".".join(j.with_suffix("").relative_to(APP.parent).parts)
            return f"from {module} import {doctype.replace(' ', '').replace('-', '')}", doctype.replace(" ", "").replace("-", "")
        raise SystemExit(f"table of another app: {doctype}")

    def _replace_or_add_code(self, new_code):
        code = self.controller_path.read_text()
        first_line, *_, last_line = new_code.splitlines()
        if first_line in code and last_line in code:
            return super()._replace_or_add_code(new_code)
        name = self.doctype.replace(" ", "").replace("-", "")
        tree = ast.parse(code)
        cls = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name), None)
        if cls is None:
            print("no class", self.controller_path)
            return
        body0 = cls.body[0]
        lines = code.splitlines(keepends=True)
        if isinstance(body0, ast.Expr) and isinstance(getattr(body0, "value", None), ast.Constant) and isinstance(body0.value.value, str):
            at = body0.end_lineno  # after the class docstring
            rest = lines[at:]
            only_pass = len(cls.body) == 2 and isinstance(cls.body[1], ast.Pass)
            new = "".join(lines[:at]) + "\n" + new_code + "\n" + ("\n" if rest and rest[0].strip() else "") + "".join(rest)
        else:
            decorators = getattr(body0, "decorator_list", None) or []
            at = (decorators[0].lineno if decorators else body0.lineno) - 1
            new = "".join(lines[:at]) + new_code + "\n\n" + "".join(lines[at:]).lstrip("\n")
        if self._validate_code(new):
            self.controller_path.write_text(new)


n = 0
for doctype, (j, d) in docs.items():
    py = j.with_suffix(".py")
    if not py.exists():
        print("no controller", j)
        continue
    doc = frappe._dict(d)
    doc.fields = [frappe._dict(f) for f in d.get("fields", [])]
    doc.istable = d.get("istable")
    doc.autoname = d.get("autoname")
    e = Exporter(doc, py)
    e.export_types()
    n += 1
print("exported", n)
