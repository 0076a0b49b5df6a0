"""Frames of reported speech that put the source inside or after a passive or a parenthesis, read as a
reader reads them: "This, he said, would put the crews at risk" (a parenthetical "he said" between the
subject and its verb: the words after it are his), "The jury was told by Tom Berg that the boat sank" (the
agent of a passive "told" speaks), "As per witnesses, the boat sank" (as "according to"). Each frame is
tried only on a sentence that holds its cheap marker (", ... said,", " by ", "As per"), so a sentence
without one costs a substring test.
"""
from __future__ import annotations

import re

# "This, he said, would ...", "What is needed, she said, is ...", "The cause, Ruiz added, was ...": a short
# opening, the source and a verb of saying between commas, then the sentence goes on in lower case with its
# verb (not with a conjunction or a preposition: "The quay was shut, Ruiz said, and the crews left" is a
# statement before its source, then the writer's own clause)
PARENTHETICAL = re.compile(r"^(?P<head>[^,;:\"“”]{2,60}?),\s+(?P<spk>[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he\s+)?[A-Z][\w’'.-]*"
                           r"(?:\s+[A-Z][\w’'.-]*){0,3}|the\s+[a-z]+(?:\s+[a-z]+)?)\s+(?P<verb>said|says|added|adds|"
                           r"argued|argues|insisted|insists|noted|notes|explained|explains|believes|believed|claimed|"
                           r"claims|stressed|stresses|warned|warns)(?:\s+on\s+\w+day|\s+yesterday|\s+today|\s+later)?,"
                           r"\s+(?!(?:and|but|or|nor|so|yet|while|whereas|although|though|because|as|if|when|since|in|on|at|"
                           r"after|before|with|for|to|from|by|of)\b)(?P<clause>[a-z][^\"“”]{7,})$")
# "The jury was told by counsel Tom Berg that ...", "Residents were assured by the council that ...": the
# agent of a passive verb of telling speaks; the one told only listens
PASSIVE_TOLD = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:told|informed|assured|reminded|warned)\s+by\s+"
                          r"(?P<spk>[^,;:\"“”]{2,80}?)\s+that\s+(?P<clause>[^\"“”:]{8,})$")
# "As per witnesses, ...", "Per the harbour master, ...": "according to" in other words, opening the sentence
AS_PER = re.compile(r"^(?:As\s+per|Per)\s+")


def parenthetical(sent: str) -> re.Match | None:
    """The parenthetical source of a sentence (:data:`PARENTHETICAL`), or None; a sentence without ", "
    twice costs nothing more than a count."""
    if sent.count(", ") < 2:
        return None
    return PARENTHETICAL.match(sent)


def passive_told(sent: str) -> str | None:
    """The sentence rewritten as its agent's statement ("Tom Berg told that ...") when a passive verb of
    telling with "by" and "that" carries it, else None (a sentence without " by " costs a substring test)."""
    if " by " not in sent:
        return None
    m = PASSIVE_TOLD.search(sent)
    return f"{m.group('spk')} told that {m.group('clause')}" if m else None


def as_according(sent: str) -> str:
    """The sentence with an opening "As per" or "Per" read as "According to" (same length kept is not
    needed: the caller finds the clause by its words)."""
    return AS_PER.sub("According to ", sent, count=1) if sent[:1] in "AP" else sent
