"""Conversations are kept in the tracker store, so a restart loses nothing."""

import sqlite3
import uuid

import pytest
import requests

from tests.helpers import RasaServer, chat, endpoints_with, texts

TOKEN = "test-only-token"


def tracker_events(server: RasaServer, sender: str) -> list[dict]:
    response = requests.get(
        f"{server.url}/conversations/{sender}/tracker", params={"token": TOKEN}, timeout=10
    )
    response.raise_for_status()
    return response.json()["events"]


@pytest.fixture
def sqlite_endpoints(tmp_path):
    return endpoints_with(tmp_path, db=str(tmp_path / "tracker.db"))


def test_sqlite_tracker_store_keeps_a_conversation_across_a_restart(tmp_path, sqlite_endpoints):
    sender = uuid.uuid4().hex
    # The HTTP API (token-protected) is on only here, to read the tracker back.
    api = ("--enable-api", "--auth-token", TOKEN)

    with RasaServer(sqlite_endpoints, tmp_path / "first.log", extra_args=api) as server:
        assert "Resursguiden" in texts(chat(server.url, sender, "hej"))
        before = tracker_events(server, sender)

    with RasaServer(sqlite_endpoints, tmp_path / "second.log", extra_args=api) as server:
        after_restart = tracker_events(server, sender)
        chat(server.url, sender, "tack")
        continued = tracker_events(server, sender)

    said = [event.get("text") for event in after_restart if event["event"] == "user"]
    assert said == ["hej"]
    assert after_restart == before
    assert [e.get("text") for e in continued if e["event"] == "user"] == ["hej", "tack"]


def test_conversations_are_written_to_the_configured_sqlite_file(rasa_server, tmp_path):
    sender = uuid.uuid4().hex
    chat(rasa_server.url, sender, "hej")

    db = rasa_server.endpoints.parent / "tracker.db"
    with sqlite3.connect(db) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM events WHERE sender_id = ?", (sender,)
        ).fetchone()
    assert count > 0
