"""The one module that knows the tracker store's table: reads conversations (already
redacted by the Rasa server's store) and deletes them. Views never build SQL."""

from __future__ import annotations

import json
from itertools import groupby
from typing import Any

import sqlalchemy as sa

from console.tables import events
from resursguiden.conversation_log import Summary, summarize

Events = list[tuple[int, dict[str, Any]]]


def _has_events_table(db: sa.engine.Connection) -> bool:
    # The Rasa server creates it on its first start; the console may start first.
    return sa.inspect(db).has_table("events")


def _decoded(data: str | None) -> dict[str, Any]:
    try:
        value = json.loads(data or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def all_events(engine: sa.engine.Engine) -> dict[str, Events]:
    """Every conversation's events, in order (bot messages included)."""
    with engine.connect() as db:
        if not _has_events_table(db):
            return {}
        rows = db.execute(
            sa.select(events.c.id, events.c.sender_id, events.c.data).order_by(
                events.c.sender_id, events.c.id
            )
        )
        return {
            sender: [(row.id, _decoded(row.data)) for row in group]
            for sender, group in groupby(rows, key=lambda row: row.sender_id)
        }


def conversation_ids(engine: sa.engine.Engine) -> set[str]:
    with engine.connect() as db:
        if not _has_events_table(db):
            return set()
        return {row[0] for row in db.execute(sa.select(events.c.sender_id).distinct())}


def summaries(engine: sa.engine.Engine) -> list[Summary]:
    """Every conversation's summary, newest first."""
    found = [summarize(sender, evts) for sender, evts in all_events(engine).items()]
    return sorted(found, key=lambda s: s.last, reverse=True)


def events_of(engine: sa.engine.Engine, conversation_id: str) -> Events:
    with engine.connect() as db:
        if not _has_events_table(db):
            return []
        rows = db.execute(
            sa.select(events.c.id, events.c.data)
            .where(events.c.sender_id == conversation_id)
            .order_by(events.c.id)
        )
        return [(row.id, _decoded(row.data)) for row in rows]


def exists(engine: sa.engine.Engine, conversation_id: str) -> bool:
    with engine.connect() as db:
        if not _has_events_table(db):
            return False
        found = db.execute(
            sa.select(events.c.id).where(events.c.sender_id == conversation_id).limit(1)
        ).first()
    return found is not None


def user_text(engine: sa.engine.Engine, conversation_id: str, event_id: int) -> str | None:
    """The (redacted) text of one message the person sent, or None."""
    with engine.connect() as db:
        row = db.execute(
            sa.select(events.c.data).where(
                events.c.id == event_id,
                events.c.sender_id == conversation_id,
                events.c.type_name == "user",
            )
        ).first()
    return _decoded(row.data).get("text") if row else None


def delete(db: sa.engine.Connection, conversation_id: str) -> int:
    """Deletes the conversation's events in the caller's transaction; returns how many."""
    if not _has_events_table(db):
        return 0
    return db.execute(events.delete().where(events.c.sender_id == conversation_id)).rowcount
