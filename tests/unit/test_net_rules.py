"""Whose request it is (issue 18): the peer address, X-Forwarded-For only through trusted proxies."""

from sanshu_app.rules.net import client_address, is_trusted


def test_the_peer_address_counts_and_a_client_sent_header_changes_nothing():
	assert client_address("203.0.113.7") == "203.0.113.7"
	# no trusted proxies (the default): the header is ignored, however it is spelled
	assert client_address("203.0.113.7", "1.2.3.4") == "203.0.113.7"
	assert client_address("203.0.113.7", "1.2.3.4", []) == "203.0.113.7"
	assert client_address("203.0.113.7", "1.2.3.4", None) == "203.0.113.7"
	assert client_address(None) == "unknown"


def test_a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_it_forwards():
	assert client_address("203.0.113.7", "10.0.0.9", ["127.0.0.1"]) == "203.0.113.7"


def test_behind_a_trusted_proxy_the_rightmost_untrusted_forwarded_address_counts():
	trusted = ["127.0.0.1", "10.0.0.0/8"]
	# the client claimed 1.2.3.4; nginx appended the address it saw, 198.51.100.20
	assert client_address("127.0.0.1", "1.2.3.4, 198.51.100.20", trusted) == "198.51.100.20"
	# through two proxies of the site: skip them both
	assert client_address("127.0.0.1", "1.2.3.4, 198.51.100.20, 10.1.2.3", trusted) == "198.51.100.20"
	# a new claimed value does not change the address counted
	assert client_address("127.0.0.1", "9.9.9.9, 198.51.100.20", trusted) == "198.51.100.20"
	# every hop a trusted proxy: the request came from inside
	assert client_address("127.0.0.1", "10.0.0.5", trusted) == "127.0.0.1"
	# garbage where the proxy writes: the proxy itself is counted, not a free new identity
	assert client_address("127.0.0.1", "1.2.3.4, not-an-ip", trusted) == "127.0.0.1"
	assert client_address("::1", "2001:db8::1", "::1") == "2001:db8::1"  # a string setting and IPv6


def test_trusted_proxies_accept_addresses_and_networks_and_ignore_typos():
	assert is_trusted("10.2.3.4", ["10.0.0.0/8"])
	assert is_trusted("127.0.0.1", "127.0.0.1, 10.0.0.0/8")
	assert not is_trusted("11.0.0.1", ["10.0.0.0/8", "nonsense"])
	assert not is_trusted("not-an-ip", ["0.0.0.0/0"])
	assert not is_trusted("::1", ["127.0.0.1"])
