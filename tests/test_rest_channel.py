"""The REST channel (rasa_extensions/rest_channel.py): a resent message is answered,
not handled twice; bad requests get a clear answer."""

import uuid
from concurrent.futures import ThreadPoolExecutor

import requests


def post(server, body) -> requests.Response:
    return requests.post(f"{server.url}/webhooks/rest/webhook", json=body, timeout=60)


def test_a_resent_message_gets_the_same_answer_and_is_handled_once(rasa_server):
    sender = f"resend-{uuid.uuid4().hex}"
    hello = {"sender": sender, "message": "hej", "message_id": uuid.uuid4().hex}
    first = post(rasa_server, hello).json()
    assert "Resursguiden" in first[0]["text"] and first[0]["buttons"]

    assert post(rasa_server, hello).json() == first  # the retry after a lost answer
    # A second, new "hej" is handled: had the resend been handled too, Rasa's rules would
    # answer this third user turn differently from a second one. Both greet here.
    again = post(rasa_server, {**hello, "message_id": uuid.uuid4().hex}).json()
    assert again and "Resursguiden" in again[0]["text"]


def test_a_resend_while_the_first_is_being_handled_waits_for_it(rasa_server):
    sender = f"resend-{uuid.uuid4().hex}"
    body = {"sender": sender, "message": "hej", "message_id": uuid.uuid4().hex}
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda _: post(rasa_server, body).json(), range(2)))
    assert answers[0] == answers[1] and answers[0]


def test_messages_without_an_id_work_as_in_rasa(rasa_server):
    answer = post(rasa_server, {"sender": f"plain-{uuid.uuid4().hex}", "message": "hej"})
    assert answer.ok and "Resursguiden" in answer.json()[0]["text"]


def test_bad_requests_get_a_clear_answer(rasa_server):
    tried = {
        "not JSON": ("nonsense", "the body must be a JSON object"),
        "a list": ([1, 2], "the body must be a JSON object"),
        "no message": ({"sender": "a"}, "'message' must be text"),
        "a number as sender": ({"sender": 5, "message": "hej"}, "'sender' must be text"),
        "an id with spaces": (
            {"sender": "a", "message": "hej", "message_id": "bad id"},
            "'message_id' must be 8 to 64",
        ),
    }
    for what, (body, error) in tried.items():
        data = body if isinstance(body, str) else None
        reply = requests.post(
            f"{rasa_server.url}/webhooks/rest/webhook",
            data=data, json=None if data else body, timeout=30,
        )  # fmt: skip
        assert reply.status_code == 400, what
        assert reply.json()["error"].startswith(error), what
