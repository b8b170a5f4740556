"""The Rasa server as a browser or a client reaches it: the channel, CORS and logs."""

import uuid

import requests

from tests.helpers import ALLOWED_ORIGIN, chat, texts


def test_rest_channel_answers_hej_in_swedish(rasa_server):
    replies = chat(rasa_server.url, uuid.uuid4().hex, "hej")

    answer = texts(replies)
    assert "Hej" in answer
    assert "Resursguiden" in answer
    assert "112" in answer


def test_bot_says_it_is_not_a_human(rasa_server):
    replies = chat(rasa_server.url, uuid.uuid4().hex, "är du en människa?")

    assert "ingen människa" in texts(replies)


def test_http_api_is_not_exposed(rasa_server):
    # Without --enable-api nobody can read or change conversations over HTTP.
    response = requests.get(f"{rasa_server.url}/conversations/x/tracker", timeout=5)

    assert response.status_code == 404


def preflight(url: str, origin: str) -> requests.Response:
    return requests.options(
        f"{url}/webhooks/rest/webhook",
        headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
        timeout=5,
    )


def test_cors_allows_a_listed_origin(rasa_server):
    response = preflight(rasa_server.url, ALLOWED_ORIGIN)

    assert response.headers.get("Access-Control-Allow-Origin") == ALLOWED_ORIGIN


def test_cors_refuses_other_origins(rasa_server):
    response = preflight(rasa_server.url, "https://evil.example")

    assert "Access-Control-Allow-Origin" not in response.headers


def test_socketio_is_not_served(rasa_server):
    # The widget uses REST; the socket.io channel is off (issue 11: it let a client
    # without an Origin join any session it learnt the id of).
    response = requests.get(f"{rasa_server.url}/socket.io/?EIO=4&transport=polling", timeout=5)
    assert response.status_code == 404


def test_logs_hold_no_message_text_and_no_sender_id(rasa_server):
    secret = f"hemlighet{uuid.uuid4().hex[:8]}"
    sender = uuid.uuid4().hex
    chat(rasa_server.url, sender, f"jag heter {secret}")

    logs = rasa_server.logs()
    assert "Rasa server is up and running" in logs  # the log is the right one
    assert secret not in logs
    assert sender not in logs
