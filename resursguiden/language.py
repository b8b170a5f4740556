"""Is a message written in English? The chat is in Swedish; someone writing English gets
the emergency answer in English, and outside emergencies an honest English reply.

Counts the everyday little words of each language. Swedish with an English word or two
("asså he's so mad") stays Swedish; a message needs at least two English function words
and more than twice as many as Swedish ones.
"""

from __future__ import annotations

from resursguiden.danger.text import is_boundary, tokenize

# Read as resursguiden.danger.text reads them. Words both languages use ("i", "in", "a",
# "hej/hey") are in neither.
ENGLISH = frozenset(
    token
    for word in """me my you your he she her him his they them their we our us it its the an
    is are am
    was were be been being to of and or but not no yes with for at on from this that these
    those what how why when where who can could would should will shall do does did dont
    doesnt didnt cant wont isnt arent im ive youre hes shes theyre have has had want wants
    need help please going gonna get got know think if so just about hello hi there here
    now tonight tomorrow today someone somebody anyone nobody because really very my mom
    dad brother sister family kill scared afraid home school""".split()
    for token in tokenize(word).words
)
SWEDISH = frozenset(
    token
    for word in """jag mig mej du dig dej det är e och o att en ett på med för som inte int har vill
    kan min mitt mina din hej vad va hur till av om så men de dom han hon ska mamma pappa
    ja nej jo bror syster familj hemma nu idag ikväll hjälp snälla rädd vi oss var när
    här där någon nån något nåt ingen aldrig alltid också bara typ asså eller skulle kommer
    får fick går gör säger""".split()
    for token in tokenize(word).words
)


def is_english(text: str) -> bool:
    words = [w for w in tokenize(text).words if not is_boundary(w)]
    english = sum(w in ENGLISH for w in words)
    swedish = sum(w in SWEDISH for w in words)
    return english >= 2 and english > 2 * swedish
