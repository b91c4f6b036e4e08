"""scripts/missing_translations.py: the app has no English left for the desk, and the checker
catches the kinds of English that once reached users (workflow states, an English app title, a
report column of raw doctype names)."""

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "missing_translations.py"


def load_checker():
	spec = importlib.util.spec_from_file_location("missing_translations", SCRIPT)
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return module


def test_the_app_has_nothing_missing():
	checker = load_checker()
	assert checker.missing_texts() == []
	assert list(checker.problems()) == []


@pytest.fixture
def toy_app(tmp_path, monkeypatch):
	app = tmp_path / "sanshu_app"
	(app / "translations").mkdir(parents=True)
	(app / "translations" / "zh.csv").write_text("Draft,草稿\nSubmit,提交\n")
	(app / "hooks.py").write_text('app_title = "Sanshu"\nadd_to_apps_screen = [{"name": "x", "title": "Sanshu"}]\n')
	(app / "mod" / "report" / "archive").mkdir(parents=True)
	(app / "mod" / "report" / "archive" / "archive.py").write_text(
		'def columns():\n\treturn [{"fieldname": "document_type", "fieldtype": "Link", "options": "DocType"}]\n'
	)
	(app / "mod" / "setup.py").write_text(
		'ensure_workflow("Letter", "Letter", states=[("Draft", 0, "M"), ("Awaiting Signature", 0, "M")],\n'
		'\ttransitions=[("Draft", "Submit", "Awaiting Signature", "M", "doc.ready")])\n'
	)
	(app / "mod" / "page.json").write_text(json.dumps({"doctype": "Page", "title": "My Desk"}))
	checker = load_checker()
	monkeypatch.setattr(checker, "APP", app)
	return checker


def test_untranslated_workflow_states_and_page_titles_are_listed(toy_app):
	missing = toy_app.missing_texts()
	assert "Awaiting Signature" in missing and "My Desk" in missing
	assert "Draft" not in missing and "Submit" not in missing
	assert "M" in missing  # the role: roles are texts too
	assert not any(t.startswith("doc.") for t in missing)  # a transition's condition is code


def test_an_english_app_title_and_a_doctype_link_column_are_problems(toy_app):
	found = "\n".join(toy_app.problems())
	assert "app title 'Sanshu'" in found
	assert "'document_type' links to DocType" in found


def test_texts_of_web_and_print_templates_are_listed(toy_app):
	"""A page's _("...") in a Jinja template (the public pages, the not-found page) reaches users too."""
	www = toy_app.APP / "www"
	www.mkdir()
	(www / "404.html").write_text(
		'{% block title %}{{ _("Page Not Found") }}{% endblock %}\n<p>{{ _(\'Draft\') }}</p>\n'
		'<p>{{ frappe.format_value(x) }} {{ _(doc.status) }}</p>\n<script>__("Sent")</script>\n'
	)
	missing = toy_app.missing_texts()
	assert "Page Not Found" in missing and "Sent" in missing
	assert "Draft" not in missing  # translated
	assert not any("doc.status" in t for t in missing)  # a variable, not a text


def test_select_options_of_child_tables_are_listed(toy_app):
	"""Option values the desk shows (a unit type under each unit in a link search) need Chinese."""
	folder = toy_app.APP / "mod" / "doctype" / "unit"
	folder.mkdir(parents=True)
	(folder / "unit.json").write_text(
		json.dumps({"doctype": "DocType", "name": "Unit", "istable": 1, "search_fields": "unit_type", "fields": [{"fieldname": "unit_type", "fieldtype": "Select", "label": "Draft", "options": "Township\nIndustrial Park"}]})
	)
	missing = toy_app.missing_texts()
	assert "Township" in missing and "Industrial Park" in missing and "Unit" in missing
