"""ALLOWED_ORIGINS: the web sites whose pages may talk to the chat, exactly as browsers
name them ("https://www.example.se", "http://localhost:8080").

Only exact origins: a wildcard or a pattern would let pages the operator never listed
use the chat (Sanic-CORS, behind Rasa's --cors, reads "*" and regular expressions as
patterns), so they are refused at start with what to write instead.

    python -m resursguiden.web_origins "$ALLOWED_ORIGINS"    (exit 2 and why, if unusable)
"""

from __future__ import annotations

import re
import sys

ORIGIN = re.compile(
    r"^https?://"
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*"
    r"|\[[0-9a-f:]+\])"
    r"(?::[0-9]{1,5})?$"
)


def parse_allowed_origins(value: str) -> tuple[str, ...]:
    """The origins in a space- or comma-separated list. Raises ValueError for anything
    that is not an exact origin."""
    origins = []
    for item in value.replace(",", " ").split():
        if not ORIGIN.match(item):
            raise ValueError(
                f"ALLOWED_ORIGINS: {item!r} is not an exact web site origin. Write each site "
                f"as the browser names it, scheme, host and port only, in lower case, for "
                f"example https://www.example.se or http://localhost:8080; wildcards ('*') "
                f"and patterns are not accepted."
            )
        origins.append(item)
    return tuple(origins)


def main(argv: list[str]) -> int:
    try:
        parse_allowed_origins(" ".join(argv))
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
