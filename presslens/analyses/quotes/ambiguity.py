"""When "he" or "she" has no single antecedent a reader could name (issue 24, precision on stories the
rules were not written on): the speaker is left unknown rather than guessed, because on a new story a
wrong speaker is a wrong number a researcher quotes, and an unknown one only a smaller count.

A reader reads "he said" as the person last named who can be a "he". They hesitate, and so do we, when:

- the person the nearest-mention rule picks has no gender the text gives, while someone else named in
  the same stretch is a man (for "he") or a woman (for "she"): "Ana Lee met the coach Tom Hart. The
  47-year-old ... He said" must not go to Lee just because her gender was never written;
- the sentence that holds the antecedent names two people of the pronoun's gender, neither of them an
  object of a preposition: "Hart asked whether Lee had spoken to the board. He replied: ..." could be
  either, and only the question-and-answer reading (:func:`reply_to_question`) settles it.

And for the other carry-overs a reader checks the same way:

- "It said" right after a sentence that opens with a named reporter ("Harbour Daily also reported
  that ...") is that reporter (:func:`reporter_before`), not the story's organisation named earlier;
- a bare quote does not carry over the last speaker's voice once another named person has become a
  sentence's subject since that speaker's sentence (:func:`someone_else_between`);
- a speaker phrase that names two people or more ("Ruiz, Berg and Jones said", "both Ruiz and Berg
  said") is nobody alone (:func:`several_people`), and the subject of a passive verb of asking ("Ruiz
  was asked:") is spoken to, not speaking (:data:`ADDRESSED`).

All read :attr:`People.mentions` (paragraph, start, end, person, role) and the paragraphs, nothing else.
Each was checked on the development stories (``python -m presslens.evaluation.speakers_loso``): none
takes away a right speaker there; what each fixed is in docs/accuracy.md's issue 24 notes.
"""
from __future__ import annotations

import bisect
import functools
import re

import regex as _regex

from .attribution import verbs
from .people import SENT_END, People, Person
from .resolve import trim_speaker, without_name_ands
from .wordclasses import organisation_name

# a reply verb: its subject answers the question just asked, so it is not the one who asked it
REPLY = re.compile(r"(?i)^(?:replied|replies|reply|answered|answers|responded|responds|retorted|retorts)$")
_ASKED = re.compile(r"(?i)\b(?:asked|asks|questioned|pressed|quizzed|wanted\s+to\s+know|inquired|enquired)\b")


def _window(people: People, p_idx: int, pos: int, back: int) -> list[tuple]:
    return [m for m in people.mentions
            if m[3].name and (p_idx - back <= m[0] < p_idx or (m[0] == p_idx and m[1] < pos))]


def _sentence(par: str, at: int) -> tuple[int, int]:
    """(start, end) of the sentence of ``par`` that holds offset ``at``."""
    start, end = 0, len(par)
    for m in SENT_END.finditer(par):
        if m.end() <= at:
            start = m.end()
        else:
            end = m.end()
            break
    return start, end


def rivalled(people: People, paragraphs: list[str], p_idx: int, pos: int, gender: str, chosen: Person,
             back: int = 3) -> bool:
    """Whether "he" (gender "m") or "she" ("f") at (paragraph, position), resolved to ``chosen``, could
    as well be someone else (see the module docstring); then the speaker is left unknown."""
    window = _window(people, p_idx, pos, back)
    mine = [m for m in window if m[3] is chosen]
    if not mine:
        return False
    last = mine[-1]
    if chosen.gender != gender:  # a guess from position alone: any named person of that gender nearby beats it
        if any(m[3] is not chosen and m[3].gender == gender for m in window):
            return True
    par = paragraphs[last[0]]
    s, e = _sentence(par, last[1])
    same = {m[3].name for m in window if m[0] == last[0] and s <= m[1] < e and m[4] not in ("oblique", "coord", "reported")
            and m[3].could_be(gender) and (m[3] is chosen or m[3].gender == gender or (chosen.gender is None and last[4] is not True))}
    return len(same) > 1


def reply_to_question(people: People, paragraphs: list[str], p_idx: int, pos: int, gender: str,
                      verb: str | None) -> Person | None:
    """For "he replied" / "she answered" right after a sentence in which one person asked another a
    question: the other one, when exactly one person of that gender (or none given) other than the asker
    is named in that sentence; None otherwise (then the usual rules apply)."""
    if not verb or not REPLY.match(verb.strip()):
        return None
    par = paragraphs[p_idx]
    s, _ = _sentence(par, pos)
    if s > 0:
        ps, pe = _sentence(par, s - 1)
        q_idx = p_idx
    elif p_idx > 0 and paragraphs[p_idx - 1].strip():
        q_idx = p_idx - 1
        ps, pe = _sentence(paragraphs[q_idx], max(0, len(paragraphs[q_idx].rstrip()) - 1))
    else:
        return None
    qsent = paragraphs[q_idx][ps:pe]
    ask = _ASKED.search(qsent)
    if not ask:
        return None
    inside = [m for m in people.mentions if m[0] == q_idx and ps <= m[1] < pe and m[3].name]
    askers = {m[3].name for m in inside if m[1] < ps + ask.start()}
    if len(askers) != 1:
        return None
    others = {m[3].name: m[3] for m in inside if m[1] > ps + ask.start() and m[3].name not in askers
              and m[3].gender in (None, gender)}
    return next(iter(others.values())) if len(others) == 1 else None


@functools.lru_cache(maxsize=4)
def _named_reporter(verbs_rx: str):
    # a sentence that opens with a capitalised name and a reporting verb: "Harbour Daily (also) reported that"
    return _regex.compile(rf"^\W*(?P<subj>(?:\p{{Lu}}[\w.&’'-]*\s+){{0,5}}\p{{Lu}}[\w.&’'-]*)\s+(?:also\s+|later\s+|"
                      rf"earlier\s+|then\s+|first\s+)?(?:{verbs_rx})\b")


def reporter_before(paragraphs: list[str], p_idx: int, pos: int) -> str | None:
    """Who "it" at (paragraph, position) is when the sentence just before names its subject and has it
    report ("Harbour Daily reported that ... It said ..."): that subject as written; None when the
    sentence before does not open that way (then "it" is the organisation named last, as before)."""
    par = paragraphs[p_idx]
    s, _ = _sentence(par, pos)
    if s > 0:
        prev = par[_sentence(par, s - 1)[0]:s]
    elif p_idx > 0:
        prev = re.split(r"(?<=[.!?])\s+", paragraphs[p_idx - 1].strip())[-1]
    else:
        return None
    m = _named_reporter(verbs()["rx"]).match(prev)
    if m is None:  # "Harbour's prison agency said that ... It said ...", "The ministry said ...": a body by its noun
        m = _body_reporter(verbs()["rx"]).match(prev)
        m = m if m and organisation_name(m.group("subj")) else None
    return m.group("subj") if m else None


@functools.lru_cache(maxsize=4)
def _body_reporter(verbs_rx: str):
    return _regex.compile(rf"^\W*(?P<subj>(?:[Tt]he\s+|\p{{Lu}}[\w.-]*(?:\s+\p{{Lu}}[\w.-]*){{0,2}}[’']s\s+)"
                          rf"(?:[\w-]+\s+){{0,3}}?[a-z]+)\s+(?:also\s+|later\s+|earlier\s+|then\s+|first\s+)?(?:{verbs_rx})\b")


def someone_else_between(people: People, paragraphs: list[str], since: tuple[int, int], until: tuple[int, int],
                         name: str | None) -> bool:
    """Whether the narration after the sentence that holds ``since`` and before ``until`` (each (paragraph,
    offset)) names as a subject a person other than ``name``: then a quote after it does not carry over
    ``name``'s voice ('“...,” Berg said. Ana Ruiz disagreed. “...”' is not Berg's), it is left unknown."""
    since = (since[0], _sentence(paragraphs[since[0]], since[1])[1])
    ms = people.mentions  # in text order: only the stretch is read (a long article costs no square)
    lo, hi = (bisect.bisect_left(ms, at, key=lambda m: (m[0], m[1])) for at in (since, until))
    return any(m[3].name and m[3].name != name and m[4] is True and not re.search(r"['’]s?$", m[3].name)
               for m in ms[lo:hi])


# two people named together: "Ruiz and Jones", "Ana Ruiz and Mary Jones"
TWO_NAMES = _regex.compile(r"\p{Lu}[\p{L}’'-]+,?\s+(?:and|&)\s+(?:\p{Lu}[\p{L}’'.-]*\s+){0,2}\p{Lu}[\p{L}’'-]+$")


def several_people(phrase: str) -> bool:
    """Whether a speaker phrase names two people or more together ("Ruiz and Jones", "both Ana Ruiz and
    Tom Berg", "Ruiz, Berg and Jones", "Ruiz, Berg, and Jones"): then nobody alone is the speaker."""
    phrase = without_name_ands(trim_speaker(phrase))  # "the Harbour Safety and Rescue Board" is one
    both = TWO_NAMES.search(phrase)
    # "Ana Ruiz of the Institute for Harbour and Coastal Studies": one organisation's name
    return bool(both) and not _OF_ORG.search(phrase[:both.start()])


# a preposition that opens an organisation's name right before the conjunction ("of the Center for Strategic")
_OF_ORG = re.compile(r"\b(?:of|for|at|from)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,4}$")


# a passive verb of asking or telling: its subject is spoken to, not speaking ('Ruiz was asked: "..."');
# 'was quoted as saying' is not one: its subject is the speaker
ADDRESSED = re.compile(r"(?i)\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?(?:asked|told|questioned|pressed|"
                       r"quizzed|reminded|warned|informed)\b")
