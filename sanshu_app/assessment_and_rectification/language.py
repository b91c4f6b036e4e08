"""Texts stored in a document (and printed on its letter) are written in the office's language,
whoever's action created them."""

from contextlib import contextmanager

import frappe


@contextmanager
def office_language():
	previous = frappe.local.lang
	frappe.local.lang = frappe.db.get_default("lang") or frappe.get_system_settings("language") or previous
	try:
		yield
	finally:
		frappe.local.lang = previous
