"""Who is writing? From the answer to "Vem skriver du som?" to an audience.

Only for that answer: in free text the intent classifier decides (a message about
"min syster" may well be about the writer's own family).
"""

from __future__ import annotations

import re

from resursguiden.danger import normalise
from resursguiden.registry import Audience

# Words as normalise() leaves them (lower case, å/ä/ö folded, repeated letters once),
# matched as word starts. Checked in this order: the first audience with a hit wins.
ROLE_WORDS: tuple[tuple[Audience, tuple[str, ...]], ...] = (
    (
        Audience.PROFESSIONALS,
        (
            "yrkesverksam", "lärare", "larare", "mentor", "rektor", "kurator", "skolkurator",
            "skolsköterska", "sjuksköterska", "läkare", "barnmorska", "psykolog",
            "socialsekreterare", "socionom", "handläggare", "socialtjänst", "polis",
            "fritidsledare", "förskollärare", "pedagog", "specialpedagog", "elevhälsa",
            "tolk", "behandlare", "jobbar som", "jobbar på", "mitt jobb", "jobbet",
            "arbetar som", "mitt arbete", "min elev", "mina elever", "eleven", "patient",
            "klient", "brukare",
        ),
    ),
    (
        Audience.CIVIL_SOCIETY,
        (
            "ideel", "volontär", "frivilig", "förening", "civilsamhälle", "tjejjour",
            "kvinnojour", "församling", "moské", "kyrka",
        ),
    ),
    (
        Audience.CLOSE,
        (
            "kompis", "vän", "väninna", "syster", "syrra", "bror", "brorsa", "kusin",
            "flickvän", "pojkvän", "klasskompis", "granne", "någon annan", "orolig för",
            "närstående", "anhörig",
        ),
    ),
    (
        Audience.AFFECTED,
        ("mig själv", "mig", "jag själv", "själv", "utsatt", "det gäller mig"),
    ),
)  # fmt: skip

_PATTERNS = tuple(
    (
        audience,
        re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalise(w)) for w in words) + r")"),
    )
    for audience, words in ROLE_WORDS
)


def detect_role(answer: str) -> Audience | None:
    """The audience an answer to "Vem skriver du som?" names, or None."""
    text = normalise(answer)
    for audience, pattern in _PATTERNS:
        if pattern.search(text):
            return audience
    return None
