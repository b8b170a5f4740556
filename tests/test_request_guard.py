"""The REST channel's limits (rasa_extensions/request_guard.py), with a clock the test
moves: per conversation, per client address, and X-Forwarded-For only from a proxy."""

import json
import uuid

from rasa_extensions.request_guard import Accepted, Refusal, RequestGuard

HEADERS = {"content-type": "application/json"}


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def request(sender: str | None = None) -> bytes:
    return json.dumps({"sender": sender or uuid.uuid4().hex, "message": "hej"}).encode()


def test_a_conversation_gets_its_limit_a_minute_and_then_more_again():
    clock = Clock()
    guard = RequestGuard((), rate_per_sender=3, rate_per_client=100, clock=clock)
    sender = uuid.uuid4().hex
    results = [guard.check(HEADERS, request(sender), "10.0.0.1") for _ in range(4)]
    assert [type(r) for r in results] == [Accepted, Accepted, Accepted, Refusal]
    assert results[-1].status == 429 and "Vänta" in results[-1].text
    assert isinstance(guard.check(HEADERS, request(), "10.0.0.1"), Accepted)  # others go on
    clock.now += 61
    assert isinstance(guard.check(HEADERS, request(sender), "10.0.0.1"), Accepted)


def test_an_address_gets_its_limit_and_a_proxy_is_believed_only_when_trusted():
    clock = Clock()
    guard = RequestGuard((), 100, rate_per_client=2, trusted_proxies=frozenset({"10.0.0.9"}),
                         clock=clock)  # fmt: skip
    behind = {**HEADERS, "x-forwarded-for": "198.51.100.1"}
    # Through the trusted proxy: each forwarded address has its own budget.
    for _ in range(2):
        assert isinstance(guard.check(behind, request(), "10.0.0.9"), Accepted)
    assert guard.check(behind, request(), "10.0.0.9").status == 429
    other = {**HEADERS, "x-forwarded-for": "198.51.100.2"}
    assert isinstance(guard.check(other, request(), "10.0.0.9"), Accepted)
    # Not from the proxy: X-Forwarded-For is the client's own claim and changes nothing.
    claims = ["198.51.100.3", "198.51.100.4", "198.51.100.5"]
    results = [
        guard.check({**HEADERS, "x-forwarded-for": claim}, request(), "192.0.2.7")
        for claim in claims
    ]
    assert [type(r) for r in results] == [Accepted, Accepted, Refusal]


def test_a_forged_hop_before_the_proxy_does_not_hide_the_client():
    guard = RequestGuard((), 100, rate_per_client=1, trusted_proxies=frozenset({"10.0.0.9"}))
    # The client wrote its own X-Forwarded-For; the proxy appended the real address.
    first = {**HEADERS, "x-forwarded-for": "1.1.1.1, 198.51.100.1"}
    second = {**HEADERS, "x-forwarded-for": "2.2.2.2, 198.51.100.1"}
    assert isinstance(guard.check(first, request(), "10.0.0.9"), Accepted)
    assert guard.check(second, request(), "10.0.0.9").status == 429


def test_a_refused_request_uses_no_budget():
    guard = RequestGuard(("https://ok.example",), 1, 1)
    assert guard.check({**HEADERS, "origin": "https://evil.example"}, request(), "x").status == 403
    assert guard.check({"content-type": "text/plain"}, request(), "x").status == 415
    assert isinstance(guard.check(HEADERS, request(), "x"), Accepted)
