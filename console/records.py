"""What operators add to a conversation: review marks, tags, notes, flagged messages and
the NLU examples proposed from them. Every change is written to the audit log."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from console import audit, conversations
from console.tables import flags, nlu_examples, notes, reviews, tags
from resursguiden.opening_hours import STOCKHOLM

MAX_TAG = 64
MAX_NOTE = 2000
# Everything operators add to a conversation goes with it (proposed examples too: they
# hold the person's words, redacted but theirs).
CONVERSATION_TABLES = (reviews, tags, notes, flags, nlu_examples)


class RecordError(ValueError):
    """Bad input from a form; the message says why, in Swedish."""


@dataclass(frozen=True)
class Note:
    operator: str
    at: datetime
    text: str


@dataclass(frozen=True)
class Example:
    id: int
    intent: str
    text: str
    operator: str
    at: datetime
    conversation_id: str


@dataclass(frozen=True)
class Marks:
    """What operators added to one conversation."""

    reviewed_by: str | None
    tags: tuple[str, ...]
    notes: tuple[Note, ...]
    flagged: frozenset[int]  # event ids
    examples: dict[int, str]  # event id -> intent


def _when(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, STOCKHOLM)


def marks_of(engine: sa.engine.Engine, conversation_id: str) -> Marks:
    with engine.connect() as db:
        review = db.execute(
            sa.select(reviews.c.operator).where(reviews.c.conversation_id == conversation_id)
        ).scalar()
        tag_rows = db.execute(
            sa.select(tags.c.tag)
            .where(tags.c.conversation_id == conversation_id)
            .order_by(tags.c.tag)
        )
        note_rows = db.execute(
            sa.select(notes).where(notes.c.conversation_id == conversation_id).order_by(notes.c.id)
        )
        flag_rows = db.execute(
            sa.select(flags.c.event_id).where(flags.c.conversation_id == conversation_id)
        )
        example_rows = db.execute(
            sa.select(nlu_examples.c.event_id, nlu_examples.c.intent).where(
                nlu_examples.c.conversation_id == conversation_id
            )
        )
        return Marks(
            reviewed_by=review,
            tags=tuple(r.tag for r in tag_rows),
            notes=tuple(Note(r.operator, _when(r.at), r.text) for r in note_rows),
            flagged=frozenset(r.event_id for r in flag_rows),
            examples={r.event_id: r.intent for r in example_rows},
        )


def reviewed_and_tags(engine: sa.engine.Engine) -> tuple[set[str], dict[str, set[str]]]:
    """For the list: which conversations are reviewed, and each one's tags."""
    with engine.connect() as db:
        reviewed = {r[0] for r in db.execute(sa.select(reviews.c.conversation_id))}
        tagged: dict[str, set[str]] = {}
        for r in db.execute(sa.select(tags.c.conversation_id, tags.c.tag)):
            tagged.setdefault(r.conversation_id, set()).add(r.tag)
    return reviewed, tagged


def set_reviewed(
    engine: sa.engine.Engine, conversation_id: str, reviewed: bool, operator: str
) -> None:
    with engine.begin() as db:
        db.execute(reviews.delete().where(reviews.c.conversation_id == conversation_id))
        if reviewed:
            db.execute(
                reviews.insert().values(
                    conversation_id=conversation_id, operator=operator, at=time.time()
                )
            )
        audit.record(db, operator, "granskad" if reviewed else "ogranskad", conversation_id)


def add_tag(engine: sa.engine.Engine, conversation_id: str, tag: str, operator: str) -> None:
    tag = " ".join(tag.split()).lower()
    if not tag or len(tag) > MAX_TAG:
        raise RecordError(f"En tagg ska vara 1–{MAX_TAG} tecken.")
    with engine.begin() as db:
        exists = db.execute(
            sa.select(tags.c.id).where(tags.c.conversation_id == conversation_id, tags.c.tag == tag)
        ).first()
        if not exists:
            db.execute(
                tags.insert().values(conversation_id=conversation_id, tag=tag, operator=operator,
                                     at=time.time())
            )  # fmt: skip
            audit.record(db, operator, "tagg", conversation_id, tag)


def remove_tag(engine: sa.engine.Engine, conversation_id: str, tag: str, operator: str) -> None:
    with engine.begin() as db:
        removed = db.execute(
            tags.delete().where(tags.c.conversation_id == conversation_id, tags.c.tag == tag)
        ).rowcount
        if removed:  # only a tag that was there: the log never holds what was merely typed
            audit.record(db, operator, "tagg borttagen", conversation_id, tag)


def add_note(engine: sa.engine.Engine, conversation_id: str, text: str, operator: str) -> None:
    text = text.strip()
    if not text or len(text) > MAX_NOTE:
        raise RecordError(f"En anteckning ska vara 1–{MAX_NOTE} tecken.")
    with engine.begin() as db:
        db.execute(
            notes.insert().values(conversation_id=conversation_id, text=text, operator=operator,
                                  at=time.time())
        )  # fmt: skip
        audit.record(db, operator, "anteckning", conversation_id)


def set_flag(
    engine: sa.engine.Engine, conversation_id: str, event_id: int, flagged: bool, operator: str
) -> None:
    if conversations.user_text(engine, conversation_id, event_id) is None:
        raise RecordError("Det meddelandet finns inte i samtalet.")
    with engine.begin() as db:
        db.execute(
            flags.delete().where(
                flags.c.conversation_id == conversation_id, flags.c.event_id == event_id
            )
        )
        if flagged:
            db.execute(
                flags.insert().values(conversation_id=conversation_id, event_id=event_id,
                                      operator=operator, at=time.time())
            )  # fmt: skip
        audit.record(
            db, operator, "flaggad" if flagged else "avflaggad", conversation_id, str(event_id)
        )


def propose_example(
    engine: sa.engine.Engine, conversation_id: str, event_id: int, intent: str,
    intents: list[str], operator: str,
) -> None:  # fmt: skip
    """Adds a flagged message, as stored (redacted), to the examples for developers."""
    if intent not in intents:
        raise RecordError("Välj en avsikt (intent) ur listan.")
    text = conversations.user_text(engine, conversation_id, event_id)
    if text is None:
        raise RecordError("Det meddelandet finns inte i samtalet.")
    text = " ".join(text.split())
    if not text or text.startswith("/"):
        raise RecordError("Meddelandet har ingen text att lära av.")
    with engine.begin() as db:
        flagged = db.execute(
            sa.select(flags.c.id).where(
                flags.c.conversation_id == conversation_id, flags.c.event_id == event_id
            )
        ).first()
        if not flagged:
            raise RecordError("Flagga meddelandet först.")
        db.execute(
            nlu_examples.delete().where(nlu_examples.c.event_id == event_id,
                                        nlu_examples.c.conversation_id == conversation_id)
        )  # fmt: skip
        db.execute(
            nlu_examples.insert().values(
                conversation_id=conversation_id, event_id=event_id, intent=intent, text=text,
                operator=operator, at=time.time(),
            )
        )  # fmt: skip
        audit.record(db, operator, "nlu-exempel", conversation_id, intent)


def examples(engine: sa.engine.Engine) -> list[Example]:
    with engine.connect() as db:
        rows = db.execute(
            sa.select(nlu_examples).order_by(nlu_examples.c.intent, nlu_examples.c.id)
        )
        return [
            Example(r.id, r.intent, r.text, r.operator, _when(r.at), r.conversation_id)
            for r in rows
        ]


def remove_example(engine: sa.engine.Engine, example_id: int, operator: str) -> None:
    with engine.begin() as db:
        db.execute(nlu_examples.delete().where(nlu_examples.c.id == example_id))
        audit.record(db, operator, "nlu-exempel borttaget", str(example_id))


def delete_conversation(engine: sa.engine.Engine, conversation_id: str, operator: str) -> int:
    """The conversation's events and everything operators added to it."""
    with engine.begin() as db:
        deleted = conversations.delete(db, conversation_id)
        for table in CONVERSATION_TABLES:
            db.execute(table.delete().where(table.c.conversation_id == conversation_id))
        audit.record(db, operator, "samtal raderat", conversation_id, f"{deleted} händelser")
    return deleted


def forget_deleted(engine: sa.engine.Engine, existing: set[str]) -> None:
    """Operators' marks on conversations the retention job has deleted go too."""
    with engine.begin() as db:
        for table in CONVERSATION_TABLES:
            ids = {r[0] for r in db.execute(sa.select(table.c.conversation_id).distinct())}
            gone = list(ids - existing)
            if gone:
                db.execute(table.delete().where(table.c.conversation_id.in_(gone)))
