"""The request's address and the app's throttles keyed on it (issue 18).

Every throttle and failure counter of the app keys on ``peer_address()``: the TCP peer of the
request (WSGI ``REMOTE_ADDR``), never the platform's ``frappe.local.request_ip``, which is the first
``X-Forwarded-For`` value any client may send. Behind a reverse proxy the site names its proxies in
site config (``"sanshu_trusted_proxies": ["127.0.0.1", "10.0.0.0/8"]``, off by default); then, for a
request whose peer is one of them, the rightmost ``X-Forwarded-For`` address that is not a trusted
proxy counts (``sanshu_app.rules.net.client_address``).

A post from a public page that is refused (``refuse_post``) stores nothing but one number, the
count of refused posts (``refused_posts``)."""

import frappe
from frappe import _
from frappe.utils import cint

from sanshu_app.rules.net import client_address

TRUSTED_PROXIES_KEY = "sanshu_trusted_proxies"
REFUSED_COUNTER = "sanshu_public_refused_posts"


def trusted_proxies():
	"""The site's own reverse proxies (site config ``sanshu_trusted_proxies``), or None."""
	return frappe.conf.get(TRUSTED_PROXIES_KEY)


def peer_address() -> str:
	"""The address a request is counted against ("local" outside a web request)."""
	request = getattr(frappe.local, "request", None)
	if request is None:
		return "local"
	environ = getattr(request, "environ", None) or {}
	remote = environ.get("REMOTE_ADDR") or getattr(request, "remote_addr", None)
	trusted = trusted_proxies()
	forwarded = request.headers.get("X-Forwarded-For") if trusted else None
	return client_address(remote, forwarded, trusted)


def _key(kind: str, name: str, address: str | None = None) -> str:
	return frappe.cache.make_key(f"sanshu-throttle:{kind}:{name}:{address or peer_address()}")


def forget_failures(name: str, address: str | None = None):
	"""Clear the failures of ``name`` counted against ``address`` (this request's by default)."""
	frappe.cache.delete(_key("failed", name, address))


def forget_calls(name: str, address: str | None = None):
	"""Clear the calls to ``name`` counted against ``address`` (this request's by default)."""
	frappe.cache.delete(_key("calls", name, address))


def count_call(name: str, limit: int, seconds: int):
	"""Count one call to ``name`` from this address; refuse when more than ``limit`` in ``seconds``.
	Only web requests are counted (as ``frappe.rate_limiter`` does): code on the server is not a visitor."""
	if getattr(frappe.local, "request", None) is None:
		return
	key = _key("calls", name)
	if not frappe.cache.get(key):
		frappe.cache.setex(key, seconds, 0)
	if cint(frappe.cache.incrby(key, 1)) > cint(limit):
		frappe.throw(_("Too many requests from this network. Please wait a while and try again."), frappe.RateLimitExceededError, title=_("Please Wait"))


def failures(name: str) -> int:
	return cint(frappe.cache.get(_key("failed", name)))


def count_failure(name: str, seconds: int):
	"""One more failure (a wrong code) from this address, remembered for ``seconds``."""
	key = _key("failed", name)
	if not frappe.cache.get(key):
		frappe.cache.setex(key, seconds, 0)
	frappe.cache.incrby(key, 1)


def refuse_if_failing(name: str, limit: int, message: str):
	"""Refuse at once when this address has ``limit`` or more recent failures of ``name``."""
	if failures(name) >= cint(limit):
		frappe.throw(message, frappe.RateLimitExceededError, title=_("Please Wait"))


def refused_posts() -> int:
	"""How many posts from the public pages were refused."""
	return int(frappe.cache.get(frappe.cache.make_key(REFUSED_COUNTER)) or 0)


def refuse_post(message):
	"""Refuse a post from a public page, counting it (nothing else of it is stored)."""
	frappe.cache.incrby(frappe.cache.make_key(REFUSED_COUNTER), 1)  # atomic, straight in Redis
	frappe.throw(message, title=_("Not Accepted"))
