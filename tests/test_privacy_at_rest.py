"""What a conversation leaves in the database: no names, numbers or addresses.

Conversations with every kind of personal data go through the running Rasa server; the
test then reads the database itself (the SQLite file; PostgreSQL in the scaled set-up),
every column of every row, and finds none of it, while the conversation still got its
answer and the placeholders tell an operator what was there."""

import contextlib
import json
import sqlite3
import uuid

from tests.helpers import ActionServer, RasaServer, chat, endpoints_with, texts
from tests.test_scaled_setup import pg_connect, scaled_env  # noqa: F401 - a fixture

MESSAGES = [
    "jag heter Amina Yusuf och min pappa bestämmer allt",
    "jag bor på Storgatan 12B lgh 1102, 753 20 Uppsala",
    "jag e 16, mitt personnummer e 20090312-2389",
    "kan ni ringa mej på 070-123 45 67 eller mamma på 018-55 44 33?",
    "mejla mej på amina.y@example.se, min insta e instagram.com/amina.y08",
    "min kompis rojin och hennes bror Hassan vet, han har nr +46 73 555 12 34",
]
# As typed, and the parts someone could search for.
PERSONAL = [
    "Amina", "Yusuf", "Storgatan", "12B", "1102", "753 20", "20090312", "2389",
    "070-123 45 67", "018-55 44 33", "amina.y", "example.se", "instagram.com", "rojin",
    "Hassan", "73 555 12 34",
]  # fmt: skip
PLACEHOLDERS = ["[namn]", "[adress]", "[postnummer]", "[personnummer]", "[telefonnummer]",
                "[e-post]", "[länk]"]  # fmt: skip


def converse(server: RasaServer) -> str:
    sender = uuid.uuid4().hex
    replies = [texts(chat(server.url, sender, message)) for message in MESSAGES]
    # The NLU and the actions read the original text: Uppsala and 16 get Uppsala's answer.
    assert "Uppsala" in replies[2], replies
    return sender


def stored_text(rows: list[tuple]) -> str:
    """Every column of every row, and the JSON in them decoded (ä is stored as \\u00e4)."""
    parts = []
    for row in rows:
        for value in row:
            parts.append(str(value))
            with contextlib.suppress(TypeError, ValueError):
                parts.append(json.dumps(json.loads(value), ensure_ascii=False))
    return "\n".join(parts)


def assert_nothing_personal(stored: str) -> None:
    found = [item for item in PERSONAL if item.lower() in stored.lower()]
    assert not found, f"stored: {found}"
    for placeholder in PLACEHOLDERS:
        assert placeholder in stored, placeholder


def test_the_sqlite_file_holds_no_personal_data(tmp_path):
    db = tmp_path / "tracker.db"
    with ActionServer(tmp_path / "actions.log") as actions:
        endpoints = endpoints_with(tmp_path, action_url=actions.webhook, db=str(db))
        with RasaServer(endpoints, tmp_path / "rasa.log") as server:
            sender = converse(server)
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT * FROM events WHERE sender_id = ?", (sender,)).fetchall()
    assert len(rows) > 10
    assert_nothing_personal(stored_text(rows))


def test_postgresql_holds_no_personal_data(tmp_path, scaled_env):  # noqa: F811
    with ActionServer(tmp_path / "actions.log") as actions:
        endpoints = endpoints_with(tmp_path, "endpoints.scaled.yml", action_url=actions.webhook)
        with RasaServer(endpoints, tmp_path / "rasa.log", env=scaled_env) as server:
            sender = converse(server)
    connection = pg_connect(scaled_env, scaled_env["POSTGRES_DB"])
    cursor = connection.cursor()
    cursor.execute("SELECT * FROM events WHERE sender_id = %s", (sender,))
    rows = cursor.fetchall()
    connection.close()
    assert len(rows) > 10
    assert_nothing_personal(stored_text(rows))
