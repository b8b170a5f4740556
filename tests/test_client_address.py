"""Whose address a request is: X-Forwarded-For is believed only from our own proxies."""

from resursguiden.client_address import client_address, trusted_proxies

PROXIES = frozenset({"10.0.0.2", "10.0.0.3"})


def test_without_a_trusted_proxy_the_connection_counts_and_forged_hops_are_ignored():
    assert client_address("203.0.113.9", "198.51.100.1", PROXIES) == "203.0.113.9"
    assert client_address("203.0.113.9", None, frozenset()) == "203.0.113.9"
    assert client_address(None, "198.51.100.1", PROXIES) == ""


def test_behind_our_proxies_the_nearest_address_they_did_not_add_counts():
    # The client may send its own X-Forwarded-For: only the hops after it are ours.
    forged = "1.2.3.4, 198.51.100.7, 10.0.0.3"
    assert client_address("10.0.0.2", forged, PROXIES) == "198.51.100.7"
    assert client_address("10.0.0.2", "", PROXIES) == "10.0.0.2"
    assert client_address("10.0.0.2", "10.0.0.3", PROXIES) == "10.0.0.3"


def test_trusted_proxies_are_read_from_the_setting():
    assert trusted_proxies({"TRUSTED_PROXIES": "10.0.0.2, 10.0.0.3"}) == PROXIES
    assert trusted_proxies({}) == frozenset()
