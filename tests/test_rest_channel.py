"""The REST channel (rasa_extensions/rest_channel.py): a resent message is answered,
not handled twice; bad requests get a clear answer."""

import json
import sqlite3
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from rasa_extensions.request_guard import sender_of


def post(server, body) -> requests.Response:
    return requests.post(f"{server.url}/webhooks/rest/webhook", json=body, timeout=60)


def user_events(server, sender: str) -> list[dict]:
    """The stored user messages of a conversation, read from the SQLite file."""
    with sqlite3.connect(server.endpoints.parent / "tracker.db") as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
            (sender,),
        ).fetchall()
    return [json.loads(data) for (data,) in rows]


def test_a_resent_message_gets_the_same_answer_and_is_handled_once(rasa_server):
    sender = uuid.uuid4().hex
    hello = {"sender": sender, "message": "hej", "message_id": uuid.uuid4().hex}
    first = post(rasa_server, hello).json()
    assert "Resursguiden" in first[0]["text"] and first[0]["buttons"]

    assert post(rasa_server, hello).json() == first  # the retry after a lost answer
    # A second, new "hej" is handled: had the resend been handled too, Rasa's rules would
    # answer this third user turn differently from a second one. Both greet here.
    again = post(rasa_server, {**hello, "message_id": uuid.uuid4().hex}).json()
    assert again and "Resursguiden" in again[0]["text"]


def test_a_resend_while_the_first_is_being_handled_waits_for_it(rasa_server):
    sender = uuid.uuid4().hex
    body = {"sender": sender, "message": "hej", "message_id": uuid.uuid4().hex}
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda _: post(rasa_server, body).json(), range(2)))
    assert answers[0] == answers[1] and answers[0]


def test_messages_without_an_id_work_as_in_rasa(rasa_server):
    answer = post(rasa_server, {"sender": uuid.uuid4().hex, "message": "hej"})
    assert answer.ok and "Resursguiden" in answer.json()[0]["text"]


URL = "/webhooks/rest/webhook"
JSON = {"Content-Type": "application/json"}


def raw(server, data: bytes | str, headers: dict | None = None) -> requests.Response:
    return requests.post(
        server.url + URL, data=data, headers={**JSON, **(headers or {})}, timeout=30
    )


def body(message="hej", **fields) -> dict:
    return {"sender": uuid.uuid4().hex, "message": message, **fields}


BAD_REQUESTS = [
    ("invalid JSON", b"nonsense", 400, "the body must be JSON"),
    ("invalid UTF-8", b'{"sender": "\xff"}', 400, "the body must be JSON in UTF-8"),
    ("a JSON array", b"[1, 2]", 400, "the body must be a JSON object"),
    ("a JSON number", b"5", 400, "the body must be a JSON object"),
    ("JSON null", b"null", 400, "the body must be a JSON object"),
    ("no sender", {"message": "hej"}, 400, "'sender' must be 32 hexadecimal"),
    ("a short sender", {"sender": "a", "message": "hej"}, 400, "'sender' must be 32"),
    ("a sender in capitals", {"sender": "A" * 32, "message": "hej"}, 400, "'sender' must"),
    ("a number as sender", {"sender": 5, "message": "hej"}, 400, "'sender' must be 32"),
    ("no message", {"sender": "a" * 32}, 400, "'message' must be text"),
    ("a list as message", {"sender": "a" * 32, "message": ["hej"]}, 400, "'message' must"),
    ("an id with spaces", body(message_id="bad id"), 400, "'message_id' must be 8 to 64"),
    ("a number as id", body(message_id=12345678), 400, "'message_id' must be 8 to 64"),
    ("an unknown field", body(metadata={"ip": "1.2.3.4"}), 400, "unknown fields: metadata"),
    ("an empty message", body(""), 400, "'message' is empty"),
    ("only whitespace", body(" \n\t "), 400, "'message' is empty"),
    ("only control characters", body("\x00\x07"), 400, "'message' is empty"),
    ("2,001 characters", body("a" * 2001), 413, "'message' is over 2000 characters"),
    ("100 KB", body("a" * 100_000), 413, "the body is over 8192 bytes"),
]


@pytest.mark.parametrize(
    "what, data, status, error", BAD_REQUESTS, ids=[case[0] for case in BAD_REQUESTS]
)
def test_bad_requests_get_a_clear_answer_before_rasa_runs(rasa_server, what, data, status, error):
    data = data if isinstance(data, bytes) else json.dumps(data)
    reply = raw(rasa_server, data)
    assert reply.status_code == status, what
    assert reply.json()["error"].startswith(error), what
    assert reply.json()["text"], what  # the Swedish line the widget shows


def test_a_body_over_8_kb_is_refused(rasa_server):
    # Under 2,000 characters, over 8 KB: emoji are four bytes each, escaped twelve.
    reply = raw(rasa_server, json.dumps(body("😀" * 1000)))
    assert reply.status_code == 413 and "8192 bytes" in reply.json()["error"]


def test_a_body_that_is_not_json_is_refused(rasa_server):
    # What a cross-site form or a fetch with text/plain sends without asking first.
    for content_type in ("text/plain", "application/x-www-form-urlencoded", ""):
        reply = raw(rasa_server, json.dumps(body()), {"Content-Type": content_type})
        assert reply.status_code == 415, content_type
        assert reply.json()["error"] == "the body must be application/json"


def test_a_foreign_web_site_is_refused_and_listed_or_no_origin_is_not(rasa_server):
    for origin in ("https://evil.example", "http://localhost:8080.evil.example", "null"):
        reply = raw(rasa_server, json.dumps(body()), {"Origin": origin})
        assert reply.status_code == 403, origin
    listed = raw(rasa_server, json.dumps(body()), {"Origin": "http://localhost:8080"})
    assert listed.ok and "Resursguiden" in listed.json()[0]["text"]
    assert raw(rasa_server, json.dumps(body())).ok  # a server or a script: no Origin


def forced(event: dict) -> bool:
    """Whether Rasa took the message as "/intent{entities}" (one intent, no ranking)."""
    parse_data = event["parse_data"]
    return len(parse_data.get("intent_ranking") or []) <= 1 or any(
        entity.get("extractor") == "RegexMessageHandler" for entity in parse_data["entities"]
    )


@pytest.mark.parametrize(
    "text",
    [
        "/emergency",
        '/inform{"place": "08:0880", "age": 16}',
        "/describe_situation",  # a payload, but of no button in the last reply
    ],
)
def test_text_typed_with_a_slash_is_read_as_plain_text(rasa_server, text):
    sender = uuid.uuid4().hex
    said = " ".join(r.get("text", "") for r in post(rasa_server, body_for(sender, text)).json())
    assert "Är du på en säker plats" not in said  # no forced emergency
    event = user_events(rasa_server, sender)[-1]
    assert event["text"] == text[1:]
    assert not forced(event)


def body_for(sender: str, text: str) -> dict:
    return {"sender": sender, "message": text}


def test_a_button_the_bot_offered_keeps_its_payload(rasa_server):
    sender = uuid.uuid4().hex
    greeting = post(rasa_server, body_for(sender, "hej")).json()
    payload = greeting[0]["buttons"][0]["payload"]
    assert payload.startswith("/")
    post(rasa_server, body_for(sender, payload))
    event = user_events(rasa_server, sender)[-1]
    assert event["text"] == payload and forced(event)
    assert event["parse_data"]["intent"]["name"] == payload[1:]


def test_a_conversation_over_its_rate_gets_429_and_others_go_on(rasa_server):
    sender = uuid.uuid4().hex
    statuses = [raw(rasa_server, json.dumps({"sender": sender, "message": "ok"})).status_code
                for _ in range(32)]  # fmt: skip
    assert statuses[:30] == [200] * 30
    assert statuses[30:] == [429, 429]
    other = post(rasa_server, body())
    assert other.ok and other.json()


def forget(server, body, headers=None) -> requests.Response:
    return requests.post(
        f"{server.url}/webhooks/rest/forget", json=body, headers=headers, timeout=30
    )


def test_the_secret_deletes_its_conversation_at_once_and_nothing_else_does(rasa_server):
    secret = uuid.uuid4().hex
    sender = sender_of(secret)
    post(rasa_server, body_for(sender, "jag heter Sara och bor i Malmö"))
    assert user_events(rasa_server, sender)

    # Tried: the sender id itself, another secret, no secret, a foreign web site.
    assert forget(rasa_server, {"secret": sender}).json() == {"deleted": False}
    assert forget(rasa_server, {"secret": uuid.uuid4().hex}).json() == {"deleted": False}
    assert forget(rasa_server, {}).status_code == 400
    foreign = forget(rasa_server, {"secret": secret}, {"Origin": "https://evil.example"})
    assert foreign.status_code == 403
    assert user_events(rasa_server, sender)

    assert forget(rasa_server, {"secret": secret}).json() == {"deleted": True}
    with sqlite3.connect(rasa_server.endpoints.parent / "tracker.db") as connection:
        rows = connection.execute("SELECT count(*) FROM events WHERE sender_id = ?", (sender,))
        assert rows.fetchone() == (0,)


@pytest.mark.parametrize(
    "text",
    [
        "\u202ejag bor i Malmö\u202c",  # right-to-left override
        "jag\u200b bor\u200d i\ufeff Malmö",  # zero-width characters
        "😭😭 hjälp mig 🙏",
        "<script>alert(1)</script><img src=x onerror=alert(1)>",
        "'; DROP TABLE events; -- \" OR 1=1",
        "a" * 2000,  # exactly the limit
        "rad ett\nrad två\ttabb",
    ],
    ids=["right-to-left", "zero-width", "emoji", "html", "sql", "2000 characters", "lines"],
)
def test_odd_but_allowed_text_gets_an_answer_and_is_stored(rasa_server, text):
    sender = uuid.uuid4().hex
    reply = post(rasa_server, body_for(sender, text))
    assert reply.ok and isinstance(reply.json(), list), reply.text
    assert len(user_events(rasa_server, sender)) == 1  # stored (redacted), nothing lost
    with sqlite3.connect(rasa_server.endpoints.parent / "tracker.db") as connection:
        assert connection.execute("SELECT count(*) FROM events").fetchone()[0] > 0  # still there


def test_a_burst_of_1000_messages_is_refused_while_another_conversation_is_answered(
    rasa_server,
):
    flooder, person = uuid.uuid4().hex, uuid.uuid4().hex
    latencies = []

    def flood(_):
        return raw(rasa_server, json.dumps(body_for(flooder, "spam"))).status_code

    def converse():
        for message in ["hej", "mina föräldrar bestämmer allt", "Malmö", "15"]:
            started = time.monotonic()
            reply = post(rasa_server, body_for(person, message))
            latencies.append(time.monotonic() - started)
            assert reply.ok, reply.text

    with ThreadPoolExecutor(9) as pool:
        talk = pool.submit(converse)
        statuses = list(pool.map(flood, range(1000)))
        talk.result()
    print(f"\nburst of 1000: ordinary conversation answered in "
          f"{', '.join(f'{s * 1000:.0f} ms' for s in latencies)}")  # fmt: skip
    assert statuses.count(200) == 30 and statuses.count(429) == 970
    assert len(user_events(rasa_server, person)) == 4  # nothing of the person's lost
    assert len(user_events(rasa_server, flooder)) == 30
