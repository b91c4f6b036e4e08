"""Whose request is it: the address the app's throttles and failure counters key on.

The platform's ``request_ip`` is the first ``X-Forwarded-For`` value, which any client can set, so
a new header value would reset every counter. The app keys on the TCP peer (the WSGI
``REMOTE_ADDR``) instead. Only when the site names its reverse proxies (site config
``sanshu_trusted_proxies``, off by default) and the peer is one of them does ``X-Forwarded-For``
count: the rightmost address in it that is not itself a trusted proxy is the client (a proxy
appends the address it saw; everything left of that is what the client claimed)."""

import ipaddress


def _parse(address):
	try:
		return ipaddress.ip_address(str(address).strip().strip("[]"))
	except ValueError:
		return None


def _networks(trusted) -> list:
	if isinstance(trusted, str):
		trusted = [part for part in trusted.replace(";", ",").split(",")]
	networks = []
	for entry in trusted or ():
		try:
			networks.append(ipaddress.ip_network(str(entry).strip(), strict=False))
		except ValueError:
			continue  # a typo in the site config trusts nothing more
	return networks


def is_trusted(address, trusted) -> bool:
	ip = _parse(address)
	return bool(ip) and any(ip.version == net.version and ip in net for net in _networks(trusted))


def client_address(remote_addr, forwarded_for=None, trusted_proxies=None) -> str:
	"""The address to count a request against.

	``remote_addr``: the TCP peer; ``forwarded_for``: the ``X-Forwarded-For`` header or None;
	``trusted_proxies``: addresses or networks (CIDR) of the site's own reverse proxies."""
	peer = (str(remote_addr).strip() if remote_addr else "") or "unknown"
	if not forwarded_for or not trusted_proxies or not is_trusted(peer, trusted_proxies):
		return peer
	hops = [hop.strip() for hop in str(forwarded_for).split(",") if hop.strip()]
	for hop in reversed(hops):
		if _parse(hop) is None:
			return peer  # garbage a proxy would not write: count the proxy itself
		if not is_trusted(hop, trusted_proxies):
			return str(_parse(hop))
	return peer  # every hop a trusted proxy: the request came from inside
