"""The desk in a real browser: Debian's headless Chromium, driven by selenium, against the
throwaway site served by Frappe's own WSGI app on a local port.

The server runs in a thread of the test process; every request opens its own database
connection, as a real one would, so what the browser should see must be committed first.
"""

import shutil
import tempfile
import threading
import time
from pathlib import Path

import frappe
from frappe.utils.password import update_password

PASSWORD = "Sanshu@Browser1"
CHROMIUM_FLAGS = (
	"--headless=new",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--disable-dev-shm-usage",
	"--window-size=1400,1000",
	"--lang=zh-CN",
)
WAIT = 30  # seconds a page or a dialog may take on two shared cores; not a timed assertion

_server = None
# user (None for a guest page) -> the whitelisted methods their pages called, over the whole run
CALLED: dict[str | None, set[str]] = {}


class DeskServer:
	"""Frappe's WSGI app (with /assets and /files) for one site on 127.0.0.1:<free port>."""

	def __init__(self, site: str, sites_path: str):
		import logging

		import frappe.app
		from werkzeug.serving import make_server

		logging.getLogger("werkzeug").setLevel(logging.ERROR)

		frappe.app._site = site
		frappe.app._sites_path = sites_path
		app = frappe.app.application_with_statics()
		self.httpd = make_server("127.0.0.1", 0, app, threaded=True)
		self.url = f"http://127.0.0.1:{self.httpd.server_port}"
		self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
		self.thread.start()

	def stop(self):
		self.httpd.shutdown()


def desk_server() -> DeskServer:
	global _server
	if _server is None:
		_server = DeskServer(frappe.local.site, str(Path(frappe.local.sites_path).resolve()))
	return _server


def chromium_found() -> bool:
	return bool(shutil.which("chromium") and shutil.which("chromedriver"))


def give_password(user: str):
	update_password(user, PASSWORD)
	frappe.db.commit()


class Browser:
	"""One user's browser session: logged in once, reused by every test that acts as them."""

	def __init__(self, user: str):
		from selenium import webdriver
		from selenium.webdriver.chrome.service import Service

		self.user = user
		self.server = desk_server()
		self.profile = tempfile.mkdtemp(prefix="sanshu-desk-browser-")
		options = webdriver.ChromeOptions()
		options.binary_location = shutil.which("chromium")
		for flag in CHROMIUM_FLAGS:
			options.add_argument(flag)
		options.add_argument(f"--user-data-dir={self.profile}")
		record_network(options)
		self.driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
		self.driver.set_page_load_timeout(120)
		self.landing = None

	def close(self):
		try:
			self.driver.quit()
		finally:
			shutil.rmtree(self.profile, ignore_errors=True)

	# logging in ---------------------------------------------------------------------------------
	def log_in(self):
		"""Fill and send the login form; remember where the desk took the user."""
		give_password(self.user)
		self.driver.get(self.server.url + "/login")
		self.wait_for_css("#login_email")
		self.driver.find_element("css selector", "#login_email").send_keys(self.user)
		self.driver.find_element("css selector", "#login_password").send_keys(PASSWORD)
		self.driver.find_element("css selector", ".form-login .btn-login").click()
		self.wait_until(lambda: "/app" in self.driver.current_url, "the desk after logging in")
		self.settle()
		self.landing = self.driver.current_url
		return self.landing

	# waiting --------------------------------------------------------------------------------------
	def wait_until(self, condition, what: str, seconds=WAIT):
		deadline = time.monotonic() + seconds
		while True:
			try:
				value = condition()
			except Exception:  # the page is between two states (stale element, script not loaded yet)
				value = None
			if value:
				return value
			if time.monotonic() > deadline:
				raise AssertionError(f"{self.user}: waited in vain for {what}; at {self.driver.current_url}\n{self.page_text()[:1500]}")
			time.sleep(0.2)

	def wait_for_css(self, css: str, seconds=WAIT):
		return self.wait_until(lambda: self.visible(css), f"'{css}'", seconds)

	def settle(self):
		"""Until the desk has booted, the route is rendered, and no request or freeze is pending."""
		self.wait_until(
			lambda: self.js(
				"return !!(window.frappe && frappe.request && frappe.router && frappe.container"
				" && frappe.request.ajax_count === 0 && !$('.freeze').is(':visible')"
				" && !$('#freeze').hasClass('in') && document.readyState === 'complete')"
			),
			"the desk to settle",
		)
		time.sleep(0.3)  # let a click handler's promise chain start its next request
		self.wait_until(lambda: self.js("return frappe.request.ajax_count === 0"), "pending requests")

	# reading and acting -------------------------------------------------------------------------
	def js(self, script: str, *args):
		return self.driver.execute_script(script, *args)

	def visible(self, css: str):
		elements = [e for e in self.driver.find_elements("css selector", css) if e.is_displayed()]
		return elements[0] if elements else None

	def page_text(self) -> str:
		try:
			return self.driver.find_element("tag name", "body").text
		except Exception:
			return ""

	def go(self, path: str):
		"""Open a desk route (``/app/...``) or any page of the site, and wait until it has loaded."""
		self.driver.get(self.server.url + path)
		self.settle()

	def route_to(self, *route):
		"""Move within the already booted desk, as a click on a link does."""
		self.js("frappe.set_route(...arguments)", *route)
		self.settle()

	def button(self, label: str, scope: str = "body"):
		"""The visible button (or menu item) whose text is ``label``."""
		xpath = (
			f"//*[self::button or self::a or contains(@class,'dropdown-item')]"
			f"[normalize-space(.)='{label}' or .//span[normalize-space(.)='{label}']]"
		)

		def find():
			for element in self.driver.find_elements("xpath", xpath):
				if element.is_displayed() and element.is_enabled():
					return element

		return self.wait_until(find, f"the button '{label}'")

	def click(self, label: str):
		self.button(label).click()
		self.settle()

	def has_button(self, label: str) -> bool:
		xpath = f"//button[normalize-space(.)='{label}'] | //button[.//span[normalize-space(.)='{label}']]"
		return any(e.is_displayed() for e in self.driver.find_elements("xpath", xpath))

	def workflow_action(self, label: str):
		"""Open the form's Actions (操作) menu and choose ``label``."""
		self.wait_for_css(".page-actions .actions-btn-group > button").click()

		def item():
			for element in self.driver.find_elements("css selector", ".page-actions .actions-btn-group .dropdown-menu a, .page-actions .actions-btn-group .dropdown-menu li"):
				if element.is_displayed() and element.text.strip() == label:
					return element

		self.wait_until(item, f"the action '{label}'").click()
		time.sleep(0.3)
		self.settle()

	def dialog(self):
		return self.wait_for_css(".modal.show .modal-dialog")

	def fill_dialog(self, value: str):
		"""Type ``value`` into the open dialog's first input and press its primary button."""
		dialog = self.dialog()
		field = dialog.find_element("css selector", "textarea, input:not([type=checkbox]), .ql-editor")
		field.send_keys(value)
		dialog.find_element("css selector", ".btn-modal-primary, .modal-footer .btn-primary").click()
		self.settle()

	def confirm(self):
		"""Answer 是 (Yes) in the confirmation dialog."""
		dialog = self.dialog()
		dialog.find_element("css selector", ".btn-modal-primary, .modal-footer .btn-primary").click()
		self.settle()

	def alert_text(self):
		"""The text of the alerts (show_alert) and message dialogs (msgprint) now on screen."""
		return self.wait_until(
			lambda: " ".join(e.text for e in self.driver.find_elements("css selector", "#alert-container .alert, .desk-alert, .msgprint") if e.is_displayed()).strip(),
			"a confirmation message",
		)

	def methods_called(self) -> set[str]:
		"""Every whitelisted method this browser's pages have called so far (see ``methods_in_log``)."""
		return methods_in_log(self.driver, self.user)

	def errors_in_console(self):
		"""Uncaught script errors the page logged (e.g. a rejected promise nobody handled)."""
		return [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE" and "Uncaught" in e["message"]]



# --- which methods the pages call ----------------------------------------------------------------
def record_network(options):
	"""Have Chromium log its network requests (read by ``methods_in_log``), and its console."""
	options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
	options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})


def methods_in_log(driver, user) -> set[str]:
	"""Drain the browser's network log into ``CALLED[user]``; the methods the pages called.

	A method is named by ``/api/method/<m>``, ``/api/v2/method/<m>`` or a ``cmd`` form field, as
	the allow-list gate reads it (sanshu_app/permissions/allow_list.py)."""
	import json
	from urllib.parse import parse_qs, unquote, urlparse

	found = CALLED.setdefault(user, set())
	for entry in driver.get_log("performance"):
		message = json.loads(entry["message"])["message"]
		if message.get("method") != "Network.requestWillBeSent":
			continue
		request = message["params"]["request"]
		path = urlparse(request["url"]).path
		for prefix in ("/api/method/", "/api/v1/method/", "/api/v2/method/"):
			if path.startswith(prefix):
				found.add(unquote(path[len(prefix) :]).strip("/"))
		body = request.get("postData") or ""
		if "cmd=" in body:
			found.update(parse_qs(body).get("cmd", []))
	return found


def assert_guest_methods_allowed(driver):
	"""A public page's calls, as a guest: each on the allow-list (sanshu_app/permissions/allow_list.py)."""
	from sanshu_app.permissions.allow_list import ALLOWED_METHODS

	called = methods_in_log(driver, None)
	missing = sorted(called - set(ALLOWED_METHODS))
	assert not missing, f"public pages called methods that are not on the allow-list: {missing}"
	return called


def logged_in_browsers(width=None):
	"""The body of a module fixture ``browsers``: ``browsers(user)`` is that user's browser, logged
	in once (at ``width`` px when given) and shared by the module's tests, all closed at the end."""
	opened = {}

	def browser(user):
		if user not in opened:
			b = Browser(user)
			if width:
				b.driver.set_window_size(width, 900)
			b.log_in()
			opened[user] = b
		return opened[user]

	browser.opened = opened
	try:
		yield browser
	finally:
		for b in opened.values():
			b.close()


def stored(doctype, name, field):
	"""A stored value as the browser's requests committed it."""
	frappe.db.rollback()
	return frappe.db.get_value(doctype, name, field)
