"""Quoted speech laid out over lines, as a reader reads it. In an interview or press-conference
transcript a line that is a person's name and what they are ("Ana Ruiz, harbour master") heads the
answers printed under it, and a line that only says what the next answer is about ("On the new
quay:") asks nothing and names no one, so the answers after it are still the heading's person's. A
paragraph that closes a quote the paragraph before left open, with no opening mark of its own, is
that quote going on. An answer line 'A: "..."' is the one the introduction says the questions were put
to ("exchanges between reporters and the harbour master"). Shape only: no word of a story.
"""
from __future__ import annotations

import functools
import re

import regex as _regex

from presslens import data as data_files
from presslens.text import segment
from presslens.text.captions import CREDIT_WORD

from .wordclasses import FUNCTION, ORG_WORDS, TITLES, key

# "Ana Ruiz, harbour master", "Tom Berg, captain": a name of two to four capitalised words, a comma, a
# description in lower case of one to five words, nothing else (no end mark, no verb after it)
_HEADING = _regex.compile(r"^\W{0,2}(?P<name>\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'.-]*){1,3}),\s+"
                          r"(?P<desc>\p{Ll}[\p{Ll}’'-]*(?:\s+[\p{Ll}\p{Lu}][\p{L}’'-]*){0,4})\s*$")
# a picture's credit line ("Getty Images, file", "AP Photo, file"): a wire or photo agency's name, or a credit word
_CREDIT_WORD = re.compile(rf"^{CREDIT_WORD}$", re.IGNORECASE)
# what a section heading says after its comma, where a speaker line describes a person: a lone participle
# ("Flood defences, explained"), an "as"/"so" clause ("Live updates, as they happen", "Key events, so far"), or
# "in" and one word ("The flood, in pictures")
_SECTION = re.compile(r"^(?:\w+ed|(?:as|so)\b.*|in\s+\w+)$", re.IGNORECASE)
# a topic line: "On the new quay:", "On his future at the club:" (a short phrase after "On", then a colon)
_TOPIC = re.compile(r"^\W{0,2}On\s+[^.!?:“”\"]{2,120}:\s*$")


def speaker_heading(par: str) -> str | None:
    """The name a transcript's speaker line gives ("Ana Ruiz, harbour master" -> "Ana Ruiz"), else None.
    A run naming an organisation, a title or a function word ("Harbour Council, statement"), or a picture's credit
    (an agency's name or a credit word: "Getty Images, file") is no person; nor is a section heading ("Flood
    Defences, explained", "Key Events, so far", "Eastport Floods, in pictures")."""
    m = _HEADING.match(par.strip())
    if m is None:
        return None
    if _SECTION.match(m.group("desc")):
        return None  # a section's heading, not a speaker's line
    words = [key(w) for w in m.group("name").split()]
    if any(w in ORG_WORDS or w in FUNCTION or w in TITLES for w in words):
        return None
    if m.group("name").casefold() in _credit_names() or any(_CREDIT_WORD.match(w) for w in m.group("name").split()):
        return None  # a picture's credit ("Getty Images, file") heads no answers
    return m.group("name")


@functools.lru_cache(maxsize=1)
def _credit_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in data_files.credit_names())


def topic_line(par: str) -> bool:
    """Whether a paragraph only says what the next answer is about ("On the new quay:")."""
    return bool(_TOPIC.match(par.strip()))


def carried_over(par: str, prev: str) -> tuple[int, int] | None:
    """(start, end) of the quoted words of a paragraph that ends, and only ends, a quote the paragraph
    before left open ('"We played well. ¶ It was a great day for the town."'): all its words; None
    for any other paragraph."""
    s = par.rstrip()
    if not s or s[-1] not in "\"”" or any(ch in s[:-1] for ch in "\"“”«»„") or segment.quote_spans(prev).unclosed is None:
        return None
    return len(par) - len(par.lstrip()), len(s) - 1


# an answer line of a Q/A transcript: 'A: "..."'
_ANSWER = re.compile(r"^\W{0,2}A\s*[:.]\s*$")
# who the questions are put to, as the introduction says: "exchanges between reporters and the harbour
# master", "an interview with Ana Ruiz"; the phrase stops at a preposition or a punctuation mark
_ANSWERER = _regex.compile(r"\b(?:between\s+[^.;:!?“”\"]{2,80}?\s+and|(?:interview|conversation|exchange|Q&A)s?\s+with)\s+"
                           r"(?P<who>(?:the\s+)?\p{L}[\p{L}’'-]*(?:\s+\p{L}[\p{L}’'-]*){0,4}?)"
                           r"(?=\s+(?:at|in|on|during|after|before|over|about|from|of|for)\b|\s*[.,;:!?]|\s*$)")


def answerer(before: str, paragraphs: list[str], p_idx: int, back: int = 40) -> str | None:
    """Who answers an 'A: "..."' line of a transcript: the one the introduction says the questions were put
    to ("exchanges between reporters and the harbour master" -> "the harbour master"), the nearest such
    introduction in the ``back`` paragraphs before; None for any other quote or when no introduction says."""
    if not _ANSWER.match(before):
        return None
    for par in reversed(paragraphs[max(0, p_idx - back):p_idx]):
        if segment.quote_spans(par).spans:
            continue  # a question or an answer, not the introduction
        m = _ANSWERER.search(par)
        if m:
            return m.group("who")
    return None
