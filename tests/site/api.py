"""Calling the site's REST API in-process, as a given user, through Frappe's WSGI app.

Each request runs in its own thread with its own database connection (as a real request would),
so the data it should see must be committed first.
"""

import json
from threading import Thread
from unittest.mock import patch

import frappe
from frappe.utils import get_test_client


def api_credentials(user: str) -> str:
	"""An API key and secret for ``user`` (committed), as the Authorization header value."""
	doc = frappe.get_doc("User", user)
	secret = frappe.generate_hash(length=15)
	doc.api_key = doc.api_key or frappe.generate_hash(length=15)
	doc.api_secret = secret
	doc.save(ignore_permissions=True)
	frappe.db.commit()
	return f"token {doc.api_key}:{secret}"


def api_get(path: str, authorization: str):
	"""GET ``path`` as the user of ``authorization``; returns (status code, decoded JSON body)."""
	site = frappe.local.site
	result = {}

	def call():
		with patch("frappe.app.get_site_name", return_value=site):
			response = get_test_client().get(path, headers={"Authorization": authorization})
			result["status"] = response.status_code
			result["body"] = json.loads(response.get_data(as_text=True) or "{}")

	thread = Thread(target=call)
	thread.start()
	thread.join()
	return result["status"], result["body"]


def api_send(method: str, path: str, authorization: str, data: dict | None = None):
	"""POST/PUT/DELETE ``path`` with a JSON body as the user of ``authorization``; returns (status, text)."""
	site = frappe.local.site
	result = {}

	def call():
		with patch("frappe.app.get_site_name", return_value=site):
			response = get_test_client().open(
				path, method=method, headers={"Authorization": authorization}, json=data if data is not None else None
			)
			result["status"] = response.status_code
			result["body"] = response.get_data(as_text=True)

	thread = Thread(target=call)
	thread.start()
	thread.join()
	return result["status"], result["body"]
