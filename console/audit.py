"""The audit log: who did what, when. Written in the same transaction as what it records."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from console.tables import audit_log
from resursguiden.opening_hours import STOCKHOLM


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    operator: str
    action: str
    target: str | None
    detail: str | None


def record(
    db: sa.engine.Connection, operator: str, action: str, target: str | None = None,
    detail: str | None = None,
) -> None:  # fmt: skip
    db.execute(
        audit_log.insert().values(
            at=time.time(), operator=operator[:64], action=action[:32],
            target=None if target is None else target[:255], detail=detail,
        )
    )  # fmt: skip


def entries(
    engine: sa.engine.Engine, operator: str = "", action: str = "", limit: int = 500
) -> list[AuditEntry]:
    query = sa.select(audit_log).order_by(audit_log.c.at.desc(), audit_log.c.id.desc()).limit(limit)
    if operator:
        query = query.where(audit_log.c.operator == operator)
    if action:
        query = query.where(audit_log.c.action == action)
    with engine.connect() as db:
        return [
            AuditEntry(
                datetime.fromtimestamp(r.at, STOCKHOLM), r.operator, r.action, r.target, r.detail
            )
            for r in db.execute(query)
        ]


def prune(engine: sa.engine.Engine, days: int) -> int:
    """Deletes entries older than `days`; returns how many."""
    with engine.begin() as db:
        cutoff = time.time() - days * 86_400
        return db.execute(audit_log.delete().where(audit_log.c.at < cutoff)).rowcount


def actions(engine: sa.engine.Engine) -> list[str]:
    with engine.connect() as db:
        return sorted(r[0] for r in db.execute(sa.select(audit_log.c.action).distinct()))
