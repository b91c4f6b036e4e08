"""Install / migrate for the Integrity Archive module: the opinion settings' shipped rules."""

import frappe

from sanshu_app.integrity_archive.opinion import DEFAULT_WORDING, SETTINGS


def after_migrate():
	ensure_opinion_settings()


def ensure_opinion_settings():
	"""Fill the settings once with the shipped defaults; an office's own edits are kept."""
	settings = frappe.get_single(SETTINGS)
	if settings.rules:
		return
	meta = frappe.get_meta(SETTINGS)
	for df in meta.fields:
		if df.default and not settings.get(df.fieldname):
			settings.set(df.fieldname, df.default)
	for kind, wording in DEFAULT_WORDING:
		settings.append("rules", {"fact_kind": kind, "wording": wording})
	settings.save(ignore_permissions=True)
