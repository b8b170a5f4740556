"""The conversation list's filters, read from the query string. Every value is matched in
Python against the summaries: nothing a filter holds reaches SQL."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from resursguiden.conversation_log import NOT_SAID, Summary

PAGE_SIZE = 25
NOT_SAID_ROLE = "okand"
MAX_TEXT = 200


@dataclass(frozen=True)
class Filters:
    fran: str = ""  # first day, YYYY-MM-DD
    till: str = ""  # last day
    county: str = ""
    role: str = ""
    age_band: str = ""
    outcome: str = ""  # "centre:origo", "line:bris" or "ingen"
    escalated: str = ""  # "ja" | "nej"
    fallbacks: str = ""  # "ja" | "nej"
    reviewed: str = ""  # "ja" | "nej"
    tag: str = ""
    text: str = ""
    page: int = 1

    @classmethod
    def from_query(cls, args: Any) -> Filters:
        values = {}
        for field in fields(cls):
            if field.name == "page":
                continue
            values[field.name] = str(args.get(field.name, "") or "")[:MAX_TEXT].strip()
        page = str(args.get("sida", "1"))
        values["page"] = int(page) if re.fullmatch(r"[0-9]{1,6}", page) else 1
        for name in ("fran", "till"):
            if values[name] and _day(values[name]) is None:
                values[name] = ""
        return cls(**values)

    def query(self) -> dict[str, str]:
        """The filters as query parameters (for paging links), without the page."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name != "page" and getattr(self, f.name)
        }

    def apply(
        self,
        everything: dict[str, list],
        summaries: dict[str, Summary],
        reviewed: set[str],
        tagged: dict[str, set[str]],
    ) -> list[Summary]:
        first, last = _day(self.fran), _day(self.till)
        needle = self.text.casefold()
        found = []
        for conversation_id, events in everything.items():
            summary = summaries[conversation_id]
            checks = [
                first is None or summary.day >= first,
                last is None or summary.day <= last,
                not self.county or (summary.county or NOT_SAID) == self.county,
                not self.role or (summary.role or NOT_SAID_ROLE) == self.role,
                not self.age_band or (summary.age_band or NOT_SAID) == self.age_band,
                not self.outcome or _has_outcome(summary, self.outcome),
                not self.escalated or summary.escalated == (self.escalated == "ja"),
                not self.fallbacks or (summary.fallbacks > 0) == (self.fallbacks == "ja"),
                not self.reviewed or (conversation_id in reviewed) == (self.reviewed == "ja"),
                not self.tag or self.tag in tagged.get(conversation_id, set()),
                not needle or any(
                    needle in str(event.get("text") or "").casefold()
                    for _, event in events if event.get("event") in ("user", "bot")
                ),
            ]  # fmt: skip
            if all(checks):
                found.append(summary)
        return sorted(found, key=lambda s: s.last, reverse=True)


def page_of(rows: list, page: int) -> tuple[int, int, list]:
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page = min(max(1, page), pages)
    return page, pages, rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]


def _has_outcome(summary: Summary, outcome: str) -> bool:
    return not summary.outcomes if outcome == "ingen" else outcome in summary.outcomes


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
