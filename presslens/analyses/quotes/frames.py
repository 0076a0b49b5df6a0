"""Frames of reported speech that put the source inside or after a passive or a parenthesis, read as a
reader reads them: "This, he said, would put the crews at risk" (a parenthetical "he said" between the
subject and its verb: the words after it are his), "The jury was told by Tom Berg that the boat sank" (the
agent of a passive "told" speaks), "As per witnesses, the boat sank" (as "according to"). Each frame is
tried only on a sentence that holds its cheap marker (", ... said,", " by ", "As per"), so a sentence
without one costs a substring test.
"""
from __future__ import annotations

import functools
import re

from presslens.text import vocabulary

# "This, he said, would ...", "What is needed, she said, is ...", "The cause, Ruiz added, was ...": a short
# opening, the source and a verb of saying between commas, then the sentence goes on in lower case with its
# verb (not with a conjunction or a preposition: "The quay was shut, Ruiz said, and the crews left" is a
# statement before its source, then the writer's own clause). The verbs are the project's reporting verbs
# (presslens/data/reporting_verbs.yaml, :func:`.attribution.verbs`) in their finite forms ("said", "says",
# "cautioned", "pointed out"): not the base form ("the harbour post, was ..."), not the participle in -ing,
# not the partial-only classes ("called", "urged": they frame a word, not a statement)
_PARENTHETICAL_HEAD = (r"^(?P<head>[^,;:\"“”]{2,60}?),\s+(?P<spk>[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he\s+)?[A-Z][\w’'.-]*"
                       r"(?:\s+[A-Z][\w’'.-]*){0,3}|the\s+[a-z]+(?:\s+[a-z]+)?)\s+(?P<verb>")
_PARENTHETICAL_TAIL = (r"))(?:\s+on\s+\w+day|\s+yesterday|\s+today|\s+later)?,"
                       r"\s+(?!(?:and|but|or|nor|so|yet|while|whereas|although|though|because|as|if|when|since|in|on|at|"
                       r"after|before|with|for|to|from|by|of)\b)(?P<clause>[a-z][^\"“”]{7,})$")


def finite_reporting_forms() -> list[str]:
    """The finite forms of the reporting verbs that report a statement (not the partial-only classes), the
    longest first: every inflection but the base form, the participle in -ing and an adverb in -ly ("said",
    "says", "told", "apologized", "pointed out")."""
    from .attribution import verbs

    data = verbs()
    out = set()
    for c in data["classes"].values():
        if c.get("partial_only"):
            continue
        for v in list(c["verbs"]) + list(c.get("phrasal", ())):
            head, _, particle = v.partition(" ")
            if particle and v not in c.get("phrasal", ()):
                continue  # "according to": a preposition, read apart
            for f in vocabulary.inflections(head):
                if f != head and not f.endswith(("ing", "ly")):  # (an adverb: "expressly", "elaborately")
                    out.add(f"{f} {particle}" if particle else f)
    return sorted(out, key=lambda f: (-len(f), f))


@functools.lru_cache(maxsize=1)
def parenthetical_rx() -> re.Pattern:
    """The parenthetical frame, built once from the reporting verbs (:func:`finite_reporting_forms`)."""
    forms = "|".join(r"\s+".join(map(re.escape, f.split(" "))) for f in finite_reporting_forms())
    return re.compile(_PARENTHETICAL_HEAD + "(?:" + forms + _PARENTHETICAL_TAIL)


# "The jury was told by counsel Tom Berg that ...", "Residents were assured by the council that ...": the
# agent of a passive verb of telling speaks; the one told only listens
PASSIVE_TOLD = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:told|informed|assured|reminded|warned)\s+by\s+"
                          r"(?P<spk>[^,;:\"“”]{2,80}?)\s+that\s+(?P<clause>[^\"“”:]{8,})$")
# "As per witnesses, ...", "Per the harbour master, ...": "according to" in other words, opening the sentence
AS_PER = re.compile(r"^(?:As\s+per|Per)\s+")
# a site's label before the frame ("Details: According to ...", "Background: Per ..."): one or two words
# and a colon, the page's layout rather than the sentence; the frame after it opens the sentence
_LABEL = re.compile(r"^[A-Z][a-z]+(?:\s+[a-z]+)?:\s+(?=(?:According\s+to|As\s+per|Per)\s)")


def parenthetical(sent: str) -> re.Match | None:
    """The parenthetical source of a sentence (:func:`parenthetical_rx`), or None; a sentence without ", "
    twice costs nothing more than a count."""
    if sent.count(", ") < 2:
        return None
    return parenthetical_rx().match(sent)


def passive_told(sent: str) -> str | None:
    """The sentence rewritten as its agent's statement ("Tom Berg told that ...") when a passive verb of
    telling with "by" and "that" carries it, else None (a sentence without " by " costs a substring test)."""
    if " by " not in sent:
        return None
    m = PASSIVE_TOLD.search(sent)
    return f"{m.group('spk')} told that {m.group('clause')}" if m else None


# "Ana Ruiz was quoted by Harbour Radio as saying (that) ...": the one quoted speaks, the outlet only carries it
QUOTED_AS = re.compile(r"^(?P<spk>[^,;:\"“”]{2,80}?)\s+(?:was|were|is|are|has\s+been|had\s+been)\s+quoted\s+"
                       r"(?:by\s+[^,;:\"“”]{2,80}?\s+)?as\s+saying\s+(?:that\s+)?(?P<clause>[^\"“”:]{8,})$")


def quoted_as_saying(sent: str) -> str | None:
    """The sentence rewritten as the quoted one's statement ("Ana Ruiz said that ...") when a passive "was quoted
    (by ...) as saying" carries it, else None (a sentence without "quoted" costs a substring test)."""
    if " quoted " not in sent:
        return None
    m = QUOTED_AS.match(sent)
    return f"{m.group('spk')} said that {m.group('clause')}" if m else None


def as_according(sent: str) -> str:
    """The sentence with an opening "As per" or "Per" read as "According to" (same length kept is not
    needed: the caller finds the clause by its words); a label before it ("Details: ") is left out."""
    sent = _LABEL.sub("", sent, count=1) if ":" in sent[:24] else sent
    return AS_PER.sub("According to ", sent, count=1) if sent[:1] in "AP" else sent


# "Tom Berg, the head of the harbour firm Globex said ...", "Ana Lund, CEO of Acme told ...": a name, a comma and
# its description, and the verb with no comma to close the apposition (a missing comma the reader does not
# need): the name speaks. The description is a noun phrase (a determiner, or a title word: the caller
# checks), without a clause of its own ("who", "which", "that") nor a verb before the reporting one
@functools.lru_cache(maxsize=1)
def _open_apposition_rx() -> re.Pattern:
    from .attribution import verbs
    from .wordclasses import NAME_LINK

    return re.compile(rf"^(?P<name>[A-Z][\w’'.-]*(?:\s+(?:{NAME_LINK}\s+){{0,3}}[A-Z][\w’'.-]*){{1,3}}),\s+(?P<desc>(?P<first>[\w’'-]+)\s"
                      rf"[^,;:\"“”()]{{2,90}}?)\s+(?=(?-i:(?:{verbs()['rx']}))\s)(?P<rest>.+)$")


def open_apposition(sent: str, titles: frozenset[str]) -> str | None:
    """The sentence with an unclosed apposition read away ("Tom Berg said ..." from "Tom Berg, the head of
    Globex said ..."), or None: the description opens with a determiner or a word of ``titles``."""
    if ", " not in sent[:60]:
        return None
    m = _open_apposition_rx().match(sent)
    if m is None:
        return None
    first = m.group("first")
    if first.lower() not in ("the", "a", "an", "its", "his", "her", "their") and first.lower() not in titles:
        return None
    if re.search(r"(?i)\b(?:who|whom|whose|which|that|and|or)\b", m.group("desc")):
        return None  # a clause or a second party inside: "Tom Berg, the head of Globex and Acme's lawyer said"
    return f"{m.group('name')} {m.group('rest')}"
