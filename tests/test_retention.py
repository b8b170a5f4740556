"""Conversations are deleted RETENTION_DAYS after their last message (rasa_extensions/
retention.py): by the command, with a moved clock, against SQLite and PostgreSQL, and
by the running Rasa server itself. Escalated conversations go the same way."""

import asyncio
import os
import sqlite3
import subprocess
import time
import uuid

import pytest
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from rasa_extensions.retention import sql_store
from tests.helpers import (
    QUIET_ENV,
    ROOT,
    VENV_BIN,
    RasaServer,
    endpoints_with,
    settings,
    wait_until,
)
from tests.test_scaled_setup import pg_connect, scaled_env  # noqa: F401 - a fixture

DAY = 86_400
DOMAIN = Domain.load(ROOT / "domain.yml")


def store_conversation(endpoints, days_ago: float, text: str, escalated=False) -> str:
    """A conversation whose last message was `days_ago` days ago, saved as Rasa would."""
    sender = uuid.uuid4().hex
    when = time.time() - days_ago * DAY
    events = [
        ActionExecuted("action_listen", timestamp=when - 60),
        UserUttered(text, {"name": "describe_situation", "confidence": 0.9}, timestamp=when - 30),
        *([SlotSet("escalated", True, timestamp=when - 20)] if escalated else []),
        ActionExecuted("utter_heard_you", timestamp=when - 10),
        ActionExecuted("action_listen", timestamp=when),
    ]
    tracker = DialogueStateTracker.from_events(sender, events, DOMAIN.slots)
    store = TrackerStore.create(read_endpoint_config(str(endpoints), "tracker_store"), DOMAIN)
    asyncio.run(store.save(tracker))
    sql_store(store).engine.dispose()  # no connection left open (PostgreSQL drops the db)
    return sender


def delete_old(endpoints, env=None, *args) -> str:
    result = subprocess.run(
        [str(VENV_BIN / "python"), "-m", "rasa_extensions.retention",
         "--endpoints", str(endpoints), *args],
        cwd=ROOT, env={**os.environ, **QUIET_ENV, **(env or {})}, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def senders_in_sqlite(db) -> set[str]:
    with sqlite3.connect(db) as connection:
        return {row[0] for row in connection.execute("SELECT DISTINCT sender_id FROM events")}


def test_the_command_deletes_what_is_older_than_30_days_in_sqlite(tmp_path):
    db = tmp_path / "tracker.db"
    endpoints = endpoints_with(tmp_path, db=str(db))
    old = store_conversation(endpoints, 31, "min pappa slår mig")
    old_escalated = store_conversation(endpoints, 30.5, "han hotar mig", escalated=True)
    recent = store_conversation(endpoints, 29, "vart kan jag vända mig")

    assert "deleted 2 conversation(s)" in delete_old(endpoints)
    assert senders_in_sqlite(db) == {recent}
    assert old not in senders_in_sqlite(db) and old_escalated not in senders_in_sqlite(db)
    # What was deleted is gone from the file itself, not only from the table.
    assert b"min pappa" not in db.read_bytes() and b"han hotar" not in db.read_bytes()

    # Two days later (the clock moved) the recent one is over 30 days old too.
    later = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(time.time() + 2 * DAY))
    assert "deleted 1 conversation(s)" in delete_old(endpoints, None, "--now", later)
    assert senders_in_sqlite(db) == set()


def test_retention_days_is_a_setting(tmp_path):
    db = tmp_path / "tracker.db"
    endpoints = endpoints_with(tmp_path, db=str(db))
    store_conversation(endpoints, 8, "hej")
    kept = store_conversation(endpoints, 6, "hej igen")
    delete_old(endpoints, {"RETENTION_DAYS": "7"})
    assert senders_in_sqlite(db) == {kept}


@pytest.mark.parametrize("value", ["0", "-1", "trettio", "7.5"])
def test_a_wrong_retention_days_is_refused_with_a_reason(tmp_path, value):
    endpoints = endpoints_with(tmp_path, db=str(tmp_path / "tracker.db"))
    result = subprocess.run(
        [str(VENV_BIN / "python"), "-m", "rasa_extensions.retention",
         "--endpoints", str(endpoints)],
        cwd=ROOT, env={**os.environ, **QUIET_ENV, "RETENTION_DAYS": value},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2 and "RETENTION_DAYS must be a whole number" in result.stderr


def test_the_command_deletes_old_conversations_in_postgresql(
    tmp_path,
    scaled_env,  # noqa: F811
    monkeypatch,
):
    endpoints = endpoints_with(tmp_path, "endpoints.scaled.yml")
    for name, value in scaled_env.items():  # endpoints.scaled.yml reads the environment
        monkeypatch.setenv(name, value)
    old = store_conversation(endpoints, 45, "min bror hotar mig", escalated=True)
    recent = store_conversation(endpoints, 1, "hej")
    assert "deleted 1 conversation(s)" in delete_old(endpoints, scaled_env)
    connection = pg_connect(scaled_env, scaled_env["POSTGRES_DB"])
    cursor = connection.cursor()
    cursor.execute("SELECT DISTINCT sender_id FROM events")
    senders = {row[0] for row in cursor.fetchall()}
    connection.close()
    assert senders == {recent} and old not in senders


def test_the_running_server_deletes_old_conversations_itself(tmp_path):
    db = tmp_path / "tracker.db"
    endpoints = endpoints_with(tmp_path, db=str(db))
    old = store_conversation(endpoints, 40, "gammalt samtal")
    recent = store_conversation(endpoints, 2, "nytt samtal")
    with RasaServer(endpoints, tmp_path / "rasa.log"):
        wait_until(lambda: old not in senders_in_sqlite(db), 60, "the old conversation to go")
        assert recent in senders_in_sqlite(db)


def test_the_answer_to_is_it_stored_says_how_long_as_configured():
    # utter_faq/stored tells people how long; it must say what settings.env does.
    days = settings()["RETENTION_DAYS"]
    answer = DOMAIN.responses["utter_faq/stored"][0]["text"]
    assert f"raderas efter {days} dagar" in answer
