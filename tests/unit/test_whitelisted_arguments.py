"""Every whitelisted method annotates its arguments (issue 23): the platform checks a request's
values against them. A guest method and a platform door's override take ``Any`` (their own checks,
or the platform's method, judge the values)."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "sanshu_app"


def whitelisted():
	for path in sorted(APP.rglob("*.py")):
		for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
			if isinstance(node, ast.FunctionDef) and any("whitelist" in ast.unparse(d) or "guest_door" in ast.unparse(d) for d in node.decorator_list):
				yield path, node


def test_every_whitelisted_method_annotates_its_arguments():
	bare = []
	for path, node in whitelisted():
		a = node.args
		for arg in [*a.posonlyargs, *a.args, *a.kwonlyargs, *(x for x in (a.vararg, a.kwarg) if x)]:
			if arg.arg != "self" and arg.annotation is None:
				bare.append(f"{path.relative_to(APP.parent)}:{node.lineno} {node.name}({arg.arg})")
	assert not bare, "\n".join(bare)


def test_there_are_whitelisted_methods_to_check():
	assert sum(1 for _ in whitelisted()) > 50
