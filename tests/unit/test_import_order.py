"""The house's import order (issue 23), read from the source with ``ast`` (no Frappe, nothing run).

    rules < utils < permissions < the stage and capability modules < www, api (and the demo, the
    patches, the desk config)

- ``rules`` imports nothing of the app outside itself; ``utils`` only ``rules``; ``permissions``
  only ``rules`` and ``utils``.
- A module may import ``rules``, ``utils``, ``permissions`` and, of the other modules, only those
  ``MAY_USE`` names for it (the same list its ``__init__`` docstring gives after "May use:"). The
  map has no cycle, so two modules never import each other, not even through a third.
- ``www``, ``api``, ``demo``, ``patches``, ``config`` and ``templates`` (Jinja pages) are the top:
  they may import anything.
- ``hooks.py`` is plain data: it imports nothing at all.

Every import that runs counts, also one inside a function (a late import is still an arrow) and a
relative one; the type-only imports of the controllers' generated types (``if TYPE_CHECKING:``)
never run and are not counted (a meeting's table of evaluators is typed with the Reporting and
Evaluation controller). A new folder
under sanshu_app/ fails here until it is given its place below.
"""

import ast
import re
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "sanshu_app"

LAYERS = {"rules": 0, "utils": 1, "permissions": 2}
# record_scopes: the scope table's old path, kept for the hooks older sites pickled in Redis.
TOP = {"www", "api", "demo", "patches", "config", "templates", "record_scopes"}
# module -> the other modules it may import (besides rules, utils and permissions)
MAY_USE = {
	"sanshu_setup": {"setup", "official_documents", "integrity_archive"},
	"responsibility_documents": {"setup", "official_documents"},
	"reporting_and_evaluation": {"setup", "ballot_box"},
	"meeting_day": {"ballot_box"},
	"assessment_and_rectification": {"setup", "integrity_archive"},
	"integrity_archive": set(),
	"official_documents": {"setup"},
	"public_disclosure": set(),
	"supervision": {"setup"},
	"sanshu_desk": set(),
	"work_plan": {"official_documents", "responsibility_documents"},
	"setup": {"ballot_box", "meeting_day"},
	"ballot_box": set(),
}
# Folders and files under sanshu_app/ that hold no Python of the app's layers.
NOT_CODE = {"public", "templates", "translations", "fixtures", "__pycache__"}


def part_of(dotted: str) -> str | None:
	"""The top-level part of the app a dotted module name belongs to (None: not the app)."""
	parts = dotted.split(".")
	if parts[0] != "sanshu_app":
		return None
	return parts[1] if len(parts) > 1 else "sanshu_app"


def source_part(path: Path) -> str:
	rel = path.relative_to(APP)
	return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 else rel.stem


def imports_of(path: Path):
	"""(line, imported part of the app) for every import in ``path``."""
	tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
	type_only = set()  # imports under ``if TYPE_CHECKING:`` (the controllers' generated types) never run
	for node in ast.walk(tree):
		if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
			type_only.update(id(n) for statement in node.body for n in ast.walk(statement))
	for node in ast.walk(tree):
		if id(node) in type_only:
			continue
		if isinstance(node, ast.Import):
			for alias in node.names:
				if part := part_of(alias.name):
					yield node.lineno, part
		elif isinstance(node, ast.ImportFrom):
			module = node.module or ""
			if node.level:  # relative: from the package the file is in
				package = path.relative_to(APP.parent).with_suffix("").parts[:-1]
				base = package[: len(package) - (node.level - 1)]
				module = ".".join([*base, module] if module else base)
			if not module:
				continue
			part = part_of(module)
			if part == "sanshu_app":  # from sanshu_app import ballot_box, utils …
				for alias in node.names:
					yield node.lineno, alias.name
			elif part:
				yield node.lineno, part


def allowed(source: str, target: str) -> bool:
	if source == target or source in TOP:
		return True
	if source in LAYERS:
		return target in LAYERS and LAYERS[target] < LAYERS[source]
	if source in MAY_USE:
		return target in LAYERS or target in MAY_USE[source]
	return False


def python_files():
	return sorted(p for p in APP.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_part_of_the_app_has_its_place():
	parts = {source_part(p) for p in python_files()} - {"hooks", "__init__"}
	folders = {p.name for p in APP.iterdir() if p.is_dir()} - NOT_CODE
	unplaced = sorted((parts | folders) - set(LAYERS) - TOP - set(MAY_USE))
	assert not unplaced, f"give these a place in tests/unit/test_import_order.py: {unplaced}"


def test_no_import_runs_against_the_order():
	wrong = []
	for path in python_files():
		source = source_part(path)
		if source == "__init__":
			continue
		for line, target in imports_of(path):
			if source == "hooks":
				wrong.append(f"{path.relative_to(APP.parent)}:{line}: hooks.py imports {target} (hooks are plain data)")
			elif not allowed(source, target):
				wrong.append(f"{path.relative_to(APP.parent)}:{line}: {source} imports {target}")
	assert not wrong, "imports against the order (see this test's docstring):\n" + "\n".join(wrong)


def test_hooks_import_nothing():
	tree = ast.parse((APP / "hooks.py").read_text(encoding="utf-8"))
	assert not [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]


def test_the_modules_may_use_map_has_no_cycle():
	state = {}

	def visit(module, trail):
		if state.get(module) == "done":
			return
		assert state.get(module) != "open", f"a cycle: {' -> '.join(trail + [module])}"
		state[module] = "open"
		for other in MAY_USE.get(module, ()):
			visit(other, trail + [module])
		state[module] = "done"

	for module in MAY_USE:
		visit(module, [])


def docstring_of(module: str) -> str:
	path = APP / module / "__init__.py"
	if not path.exists():
		path = APP / f"{module}.py"
	return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


@pytest.mark.parametrize("module", sorted(MAY_USE))
def test_each_module_says_what_it_holds_and_what_it_may_use(module):
	doc = docstring_of(module)
	assert doc, f"sanshu_app/{module}: its docstring says what it holds and which modules it may use"
	said = re.search(r"May use:(.*?)(?:\n\n|\Z)", doc, re.S)
	assert said, f"sanshu_app/{module}: its docstring has no 'May use:' paragraph"
	named = set(re.findall(r"[a-z_]+", said.group(1))) & set(MAY_USE)
	assert named == MAY_USE[module], f"sanshu_app/{module}: its docstring names {sorted(named)}, the map {sorted(MAY_USE[module])}"


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_each_layer_says_what_it_may_use(layer):
	assert "May use:" in docstring_of(layer)
