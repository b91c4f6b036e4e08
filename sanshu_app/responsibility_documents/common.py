"""What the three responsibility documents share: who the user is as a cadre, telling signers
their turn has come, titles, and the guard that keeps signatures out of ordinary edits."""

import frappe
from frappe import _
from frappe.utils import cstr, get_url_to_form

from sanshu_app.utils import current_cadre, office_language, refuse  # noqa: F401  (importable from here, as before)


def users_of(cadres) -> list[str]:
	cadres = [c for c in cadres if c]
	if not cadres:
		return []
	return [u for u in frappe.get_all("Sanshu Cadre", filters={"name": ("in", cadres)}, pluck="user") if u]


def notify_signers(doc, cadres, subject: str):
	"""Tell the users of ``cadres`` that ``doc`` awaits them: a desk notification and an email."""
	users = users_of(cadres)
	if not users:
		return
	from frappe.desk.doctype.notification_log.notification_log import enqueue_create_notification

	enqueue_create_notification(
		users,
		{
			"type": "Alert",
			"document_type": doc.doctype,
			"document_name": doc.name,
			"subject": subject,
			"from_user": frappe.session.user,
		},
	)
	emails = [e for e in frappe.get_all("User", filters={"name": ("in", users), "enabled": 1}, pluck="email") if e]
	if not emails or not outgoing_mail_is_set_up():
		return  # the desk notification above still tells them
	try:
		frappe.sendmail(
			recipients=emails,
			subject=subject,
			message=f'<p>{subject}</p><p><a href="{get_url_to_form(doc.doctype, doc.name)}">{doc.name}</a></p>',
			reference_doctype=doc.doctype,
			reference_name=doc.name,
		)
	except frappe.OutgoingEmailError:
		# No outgoing mail set up: the desk notification still tells them; signing goes on.
		frappe.log_error(title=_("Signing notice not emailed"), reference_doctype=doc.doctype, reference_name=doc.name)


def default_title(doc, type_field: str) -> str:
	"""'2026年度 党风廉政建设责任书' style title: the year and the document type, in the office's language."""
	with office_language():
		label = _(doc.get(type_field) or "")
		year = doc.get("year")
		return _("Year {0}: {1}").format(year, label) if year else label



def guard_signature_fields(doc, table: str | None, fields: tuple[str, ...]):
	"""Signatures and opinions change only through the signing methods, never by editing."""
	if doc.flags.signing or doc.is_new():
		return
	before = doc.get_doc_before_save()
	if not before:
		return
	if table:
		old = {row.name: row for row in before.get(table)}
		for row in doc.get(table):
			previous = old.get(row.name)
			for field in fields:
				if cstr(previous.get(field) if previous else None) != cstr(row.get(field)):
					refuse("Signatures and opinions are given by the signers themselves, not by editing the document.")
	else:
		for field in fields:
			if cstr(before.get(field)) != cstr(doc.get(field)):
				refuse("Signatures and opinions are given by the signers themselves, not by editing the document.")


def outgoing_mail_is_set_up() -> bool:
	"""Whether the site can send mail: a default outgoing account, or a mail server in the site config.

	Asked first because, with emails muted and no account, Frappe's stand-in account fails to send."""
	from frappe.email.doctype.email_account.email_account import EmailAccount

	return bool(EmailAccount.find_one_by_filters(enable_outgoing=1, default_outgoing=1) or EmailAccount.find_from_config())
