"""What a sentence's own words say about its reported speech, before any story or article is asked:
the subject-and-verb readings of a candidate (:func:`subject_verbs`), a paragraph's sentences, a sentence's
trailing sources and participle statements, a direct quote's attribution in the text around it
(:func:`attribution`), each a pure function of its strings and kept for the last
:data:`MEMO` strings (issue 20: a wire's paragraph republished by many outlets, or the scaled
benchmark's resampled ones, is read once a process; the story's speakers are asked per article by
:mod:`.reported`).
"""
from __future__ import annotations

import functools
import re

import regex as _regex

from presslens.text import segment
from .attribution import find_attribution, indirect_rx, indirect_rx_lazy, verb_class, verbs
from .documents import UNNAMED_REPORTS
from .news_source import HEADED
from .resolve import trim_speaker, without_name_ands
from .subject import NOT_A_SUBJECT, framed_candidates, introduced_name, participle_statement
from .trailing import trailing

# strings whose readings are kept (each a sentence or a part of one)
MEMO = 8192

_POSSESSIVE_END = re.compile(r"\w[’']s$")
# a group speaking as one: "Ruiz and her teammates", "the mayor and his deputies"
GROUP = re.compile(r"(?i)^[^,]{2,80}\s+and\s+(?:his|her|their|its)\s+[\w’'-]+$")


@functools.lru_cache(maxsize=1)
def _base_verbs() -> frozenset[str]:
    """The base forms of the reporting verbs of one word ("say", "state", "report")."""
    return frozenset(v.lower() for c in verbs()["classes"].values() for v in c["verbs"] if " " not in v)


# a name of two capitalised words, then "of" / "from" and the body or place the person belongs to
_NAME_OF = _regex.compile(r"\p{Lu}[\p{L}’'-]+\s+\p{Lu}[\p{L}’'-]+(?P<of>\s+(?:of|from)\s)[^,]{2,60}$")


@functools.lru_cache(maxsize=MEMO)
def subject_verbs(cand: str) -> tuple[tuple[re.Match, str], ...]:
    """(match, trimmed subject) of each reading of ``cand`` as a subject and a reporting verb opening it
    (:func:`.attribution.indirect_rx_lazy`, then :func:`.attribution.indirect_rx`) that its words allow,
    in that order; whether the subject resolves is the story's question."""
    out = []
    if verbs()["heads"].isdisjoint(cand.split()):
        return ()  # no verb of saying among its words (both readings need one, in lower case, between white space)
    for rx in (indirect_rx_lazy(), indirect_rx()):
        m = rx.match(cand)
        subj = trim_speaker(m.group("spk")) if m else ""
        head = re.sub(r"(?i)\s+and\s+(?:his|her|their|its)\s+[\w’'-]+$", "", subj)  # "... Tom Berg and his deputy"
        # "Sgt. Tom Berg of Harbour City police": a name and where the person is from; the name is the subject
        named = _NAME_OF.search(head)
        if len(head[:named.start("of")].split() if named else head.split()) > 6 and \
                not _regex.search(r"\p{Lu}[\p{L}’'-]+\s+\p{Lu}[\p{L}’'-]+$", head) and not HEADED.match(head):
            continue  # a long subject is a title and a name ("WHO Regional Director for Harbour Ana Ruiz"), or none
            # (or a description whose head comes before "of"/"in": "The operator of the Harbour gas terminal")
        if m and m.group("verb").lower() in _base_verbs() and re.search(r"(?<![’'])\b[A-Z][\w’'.-]*[^s\W]$", subj):
            continue  # "Harbour state governor Tom Berg said": a name's singular takes no base form, "state"
            # is a noun of the subject there (the greedy reading goes on to "said")
        if m and (_POSSESSIVE_END.search(subj) or UNNAMED_REPORTS.fullmatch(subj)):
            continue  # "Globex's claim that ...": a noun, not a verb; "reports suggest ...": nobody named
        # "and" inside one organisation's name joins nothing ("the Harbour Safety and Rescue Board said")
        if m and verb_class(m.group("verb")) is not None and (not NOT_A_SUBJECT.search(without_name_ands(subj))
                                                              or GROUP.match(subj)):
            out.append((m, subj))
    return tuple(out)


@functools.lru_cache(maxsize=MEMO)
def sentences(par: str) -> tuple[tuple[int, int], ...]:
    """:func:`presslens.text.segment.split_sentences` of a paragraph."""
    return tuple(segment.split_sentences(par))


@functools.lru_cache(maxsize=MEMO)
def trailing_sources(sent: str) -> tuple[tuple[str, str, str], ...]:
    """:func:`.trailing.trailing` of a sentence."""
    return tuple(trailing(sent))


@functools.lru_cache(maxsize=MEMO)
def framed(sent: str) -> tuple[tuple[str, ...], str | None]:
    """:func:`.subject.framed_candidates` and :func:`.subject.introduced_name` of a sentence."""
    return tuple(framed_candidates(sent)), introduced_name(sent)


@functools.lru_cache(maxsize=MEMO)
def participle(sent: str):
    """:func:`.subject.participle_statement` of a sentence."""
    return participle_statement(sent)


@functools.lru_cache(maxsize=MEMO)
def attribution(before: str, after: str, n_words: int, quote: str):
    """:func:`.attribution.find_attribution` of a quote: a function of the text around it and its words."""
    return find_attribution(before, after, n_words, quote)


def clear() -> None:
    """Forget every kept reading (tests that count what is read)."""
    for f in (subject_verbs, sentences, trailing_sources, framed, participle, attribution):
        f.cache_clear()
