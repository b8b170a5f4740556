"""The time routing answers are given for; tests set it, the product reads the clock."""

from __future__ import annotations

from datetime import datetime

from resursguiden.opening_hours import STOCKHOLM

_fixed: datetime | None = None


def now() -> datetime:
    return _fixed or datetime.now(STOCKHOLM)


def fix(moment: datetime | None) -> None:
    """Answers as if it were `moment` (None: the real time again)."""
    global _fixed
    _fixed = moment
