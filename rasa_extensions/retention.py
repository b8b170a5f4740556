"""Conversations are kept RETENTION_DAYS after their last message, then deleted.

Escalated conversations are kept no longer: operators see the emergency while the
conversation is there, and the statistics that outlive it hold no conversation.

Run inside the Rasa server every hour (RedactingTrackerStore starts the job) and on
demand:

    make delete-old-conversations
    .venv/bin/python -m rasa_extensions.retention [--days N] [--endpoints FILE] [--now DATE]

``--now`` moves the clock (an ISO date or time), to check what a later run would delete.
Works on the SQL tracker store (SQLite and PostgreSQL); SQLite overwrites what it
deletes (secure_delete), so the text is gone from the file too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections.abc import Iterable

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore

DEFAULT_RETENTION_DAYS = 30
SECONDS_PER_DAY = 86_400
CHUNK = 500  # sender ids per DELETE statement


def retention_days(environ: dict[str, str] | os._Environ = os.environ) -> int:
    value = str(environ.get("RETENTION_DAYS", "")).strip()
    if not value:
        return DEFAULT_RETENTION_DAYS
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"RETENTION_DAYS must be a whole number of days, 1 or more, not {value!r}")
    return int(value)


def sql_store(store: TrackerStore | None) -> SQLTrackerStore | None:
    """The SQL store inside Rasa's wrappers (fail-safe, awaitable, redacting), if any."""
    seen = set()
    while store is not None and id(store) not in seen:
        seen.add(id(store))
        if isinstance(store, SQLTrackerStore):
            return store
        # RedactingTrackerStore keeps it as .inner; Rasa's FailSafe and Awaitable wrappers
        # as ._tracker_store.
        store = getattr(store, "inner", None) or getattr(store, "_tracker_store", None)
    return None


def delete_old_conversations(store: SQLTrackerStore, days: int, now: float | None = None) -> int:
    """Deletes every conversation whose last event is more than `days` old; returns how
    many."""
    cutoff = (time.time() if now is None else now) - days * SECONDS_PER_DAY
    event = store.SQLEvent
    with store.session_scope() as session:
        old = (
            sa.select(event.sender_id)
            .group_by(event.sender_id)
            .having(sa.func.max(event.timestamp) < cutoff)
        )
        senders = [row[0] for row in session.execute(old)]
        for chunk in _chunks(senders, CHUNK):
            session.query(event).filter(event.sender_id.in_(chunk)).delete(
                synchronize_session=False
            )
        session.commit()
    return len(senders)


def delete_conversation(store: SQLTrackerStore, sender_id: str) -> int:
    """Deletes one conversation; returns how many events it had."""
    event = store.SQLEvent
    with store.session_scope() as session:
        deleted = (
            session.query(event)
            .filter(event.sender_id == sender_id)
            .delete(synchronize_session=False)
        )
        session.commit()
    return deleted


def overwrite_deleted_rows(store: SQLTrackerStore) -> None:
    """SQLite keeps deleted rows in its file until the space is reused; with
    secure_delete it overwrites them at once."""
    if store.engine.dialect.name == "sqlite":

        @sa.event.listens_for(store.engine, "connect")
        def _secure_delete(connection, _record) -> None:
            connection.execute("PRAGMA secure_delete = ON")

        store.engine.dispose()  # connections opened before get the pragma too


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def main(argv: list[str]) -> int:
    from rasa.core.utils import read_endpoints_from_path

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=None, help="default: RETENTION_DAYS or 30")
    parser.add_argument("--endpoints", default=os.environ.get("RASA_ENDPOINTS", "endpoints.yml"))
    parser.add_argument("--now", default=None, help="an ISO date or time (default: now)")
    args = parser.parse_args(argv)
    try:
        days = args.days if args.days is not None else retention_days()
        if days < 1:
            raise ValueError("--days must be 1 or more")
        now = dt.datetime.fromisoformat(args.now).timestamp() if args.now else None
    except ValueError as problem:
        print(f"delete-old-conversations: {problem}", file=sys.stderr)
        return 2
    endpoints = read_endpoints_from_path(args.endpoints)
    store = sql_store(TrackerStore.create(endpoints.tracker_store))
    if store is None:
        print("delete-old-conversations: the tracker store is not an SQL store", file=sys.stderr)
        return 2
    overwrite_deleted_rows(store)
    deleted = delete_old_conversations(store, days, now)
    print(f"deleted {deleted} conversation(s) whose last message is over {days} days old")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
