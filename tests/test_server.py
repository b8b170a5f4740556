"""The Rasa server as a browser or a client reaches it: channels, CORS and logs."""

import asyncio
import uuid

import requests
import socketio

from tests.helpers import ALLOWED_ORIGIN, chat, texts


def test_rest_channel_answers_hej_in_swedish(rasa_server):
    replies = chat(rasa_server.url, f"t-{uuid.uuid4().hex}", "hej")

    answer = texts(replies)
    assert "Hej" in answer
    assert "Resursguiden" in answer
    assert "112" in answer


def test_bot_says_it_is_not_a_human(rasa_server):
    replies = chat(rasa_server.url, f"t-{uuid.uuid4().hex}", "är du en människa?")

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


async def socketio_exchange(url: str, origin: str, message: str) -> list[dict]:
    client = socketio.AsyncClient(reconnection=False)
    received: list[dict] = []
    answered = asyncio.Event()

    @client.on("bot_uttered")
    async def on_bot_uttered(data):
        received.append(data)
        answered.set()

    await client.connect(url, headers={"Origin": origin}, transports=["websocket"])
    try:
        session_id = uuid.uuid4().hex
        await client.emit("session_request", {"session_id": session_id})
        await client.emit("user_uttered", {"message": message, "session_id": session_id})
        await asyncio.wait_for(answered.wait(), timeout=30)
    finally:
        await client.disconnect()
    return received


def test_socketio_channel_answers_a_listed_origin(rasa_server):
    received = asyncio.run(socketio_exchange(rasa_server.url, ALLOWED_ORIGIN, "hej"))

    assert "Resursguiden" in received[0]["text"]


def test_socketio_channel_refuses_other_origins(rasa_server):
    try:
        asyncio.run(socketio_exchange(rasa_server.url, "https://evil.example", "hej"))
    except socketio.exceptions.ConnectionError:
        return
    raise AssertionError("a WebSocket from an origin not in ALLOWED_ORIGINS was accepted")


def test_logs_hold_no_message_text_and_no_sender_id(rasa_server):
    secret = f"hemlighet{uuid.uuid4().hex[:8]}"
    sender = f"sender{uuid.uuid4().hex[:8]}"
    chat(rasa_server.url, sender, f"jag heter {secret}")

    logs = rasa_server.logs()
    assert "Rasa server is up and running" in logs  # the log is the right one
    assert secret not in logs
    assert sender not in logs
