"""A tracker store that writes conversations without personal data.

Wraps the store that holds the conversations (SQL for SQLite and PostgreSQL, or any
other Rasa tracker store), configured under ``store`` in endpoints.yml:

    tracker_store:
      type: rasa_extensions.redacting_tracker_store.RedactingTrackerStore
      store:
        type: SQL
        dialect: sqlite
        db: var/tracker.db

Every save hands the wrapped store a copy of the conversation in which each user message
(its text, the text and entities in its parse data), entity and slot value has been
through resursguiden.redaction: names, personnummer, phone numbers, e-mail and street
addresses, postcodes and links become "[namn]", "[telefonnummer]" … The tracker Rasa is
working with keeps the original text, so the NLU and the actions of the message being
handled read what the person wrote; the next message reads the stored, redacted history.

Bot messages are stored as they are: they hold only the registry's public numbers and
places the product itself names (no reply repeats what the person typed).

With an SQL store it also deletes conversations RETENTION_DAYS after their last message,
at start and every hour (rasa_extensions/retention.py), and has SQLite overwrite what is
deleted.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import TrackerStore, create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import EntitiesAdded, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from rasa_extensions.retention import (
    delete_old_conversations,
    overwrite_deleted_rows,
    retention_days,
    sql_store,
)
from resursguiden.redaction import redact

logger = logging.getLogger(__name__)
RETENTION_CHECK_SECONDS = 3600


class RedactingTrackerStore(TrackerStore):
    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        store: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        if not store or "type" not in store:
            raise ValueError(
                "RedactingTrackerStore needs 'store': the tracker store that holds the "
                "conversations, for example {type: SQL, dialect: sqlite, db: var/tracker.db}"
            )
        super().__init__(domain, event_broker)
        self.retention_days = retention_days()  # a wrong RETENTION_DAYS stops the start
        self.inner = create_tracker_store(EndpointConfig.from_dict(store), domain, event_broker)
        self.sql = sql_store(self.inner)
        self._retention_job: asyncio.Task | None = None
        if self.sql is not None:
            overwrite_deleted_rows(self.sql)
            self._start_retention_job()

    def _start_retention_job(self) -> None:
        # Rasa creates the store once its server is running; a command line has no loop
        # running and no job.
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._retention_job = loop.create_task(self._delete_old_conversations_hourly())
        # Load the name finder's spaCy pipeline and word lists now, not on the first save.
        loop.run_in_executor(None, redact, "Jag heter Sara")

    async def _delete_old_conversations_hourly(self) -> None:
        while True:
            try:
                deleted = await asyncio.get_running_loop().run_in_executor(
                    None, delete_old_conversations, self.sql, self.retention_days
                )
                if deleted:
                    logger.info(f"retention: deleted {deleted} old conversation(s)")
            except Exception:
                logger.exception("retention: deleting old conversations failed")
            await asyncio.sleep(RETENTION_CHECK_SECONDS)

    @property
    def domain(self) -> Domain:
        return self.inner.domain if hasattr(self, "inner") else self._domain

    @domain.setter
    def domain(self, domain: Domain | None) -> None:
        self._domain = domain or Domain.empty()
        if hasattr(self, "inner"):
            self.inner.domain = domain

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.inner.save(redacted_tracker(tracker, self.domain))

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return await self.inner.retrieve(sender_id)

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        return await self.inner.retrieve_full_tracker(conversation_id)

    async def exists(self, conversation_id: str) -> bool:
        return await self.inner.exists(conversation_id)

    async def keys(self) -> Any:
        return await self.inner.keys()


def redacted_tracker(tracker: DialogueStateTracker, domain: Domain) -> DialogueStateTracker:
    """A copy of `tracker` whose events hold no personal data (same events, same order)."""
    return DialogueStateTracker.from_events(
        tracker.sender_id,
        [redacted_event(event) for event in tracker.events],
        slots=domain.slots,
        max_event_history=tracker._max_event_history,
    )


def redacted_event(event: Event) -> Event:
    if isinstance(event, UserUttered):
        return _redacted_user_message(event)
    if isinstance(event, SlotSet):
        return SlotSet(event.key, _redacted_value(event.value), event.timestamp, event.metadata)
    if isinstance(event, EntitiesAdded):
        return EntitiesAdded(
            [_redacted_entity(entity, None) for entity in event.entities],
            event.timestamp,
            event.metadata,
        )
    return event


def _redacted_user_message(event: UserUttered) -> UserUttered:
    data = event.as_dict()
    text = data.get("text")
    redacted = redact(text) if isinstance(text, str) else None
    new_text = redacted.text if redacted else text
    parse_data = dict(data.get("parse_data") or {})
    if "text" in parse_data:
        parse_data["text"] = new_text
    # Offsets into the original text would point into the wrong words: they go where the
    # text changed.
    kept_offsets = redacted is None or not redacted.changed
    parse_data["entities"] = [
        _redacted_entity(entity, kept_offsets) for entity in parse_data.get("entities") or []
    ]
    data["text"] = new_text
    data["parse_data"] = parse_data
    return Event.from_parameters(data)


def _redacted_entity(entity: dict[str, Any], kept_offsets: bool | None) -> dict[str, Any]:
    # "value" and "text" hold what the person wrote; the other keys are the NLU's own.
    entity = {
        key: _redacted_value(value) if key in ("value", "text") else value
        for key, value in entity.items()
    }
    if kept_offsets is False:
        entity.pop("start", None)
        entity.pop("end", None)
    return entity


def _redacted_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value).text
    if isinstance(value, list):
        return [_redacted_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _redacted_value(item) for key, item in value.items()}
    return value
