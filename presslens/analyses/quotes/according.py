"""The "According to X, ..." frame of reported speech: the source, its description in commas, the clause
("According to Ana Ruiz, the head of the port, the quay will reopen"), a name in apposition after a title
("According to the port's director, Ana Ruiz, ..."), and "according to him / her", which continues the
person who spoke last and names nobody when the pronoun would point at someone only mentioned. Read by
:mod:`.reported`, which resolves the source and cuts the clause.
"""
from __future__ import annotations

import functools
import re

from .attribution import verbs
from .subject import has_finite_verb
from .wordclasses import key

# "According to Ana Ruiz, the agency's head, ..." / "..., who led the study, ...": the description in
# commas belongs to the source, not to the reported clause
ACCORDING = re.compile(r"^According\s+to\s+(?P<spk>[^,\"“”]{2,80})(?:,\s+(?P<desc>(?:the|a|an|who|whose|its|his|her|their)\s"
                       r"[^,\"“”]{2,120})(?=,))?,\s+(?P<clause>[^\"“”]{8,})$")
# the same without a description: "According to Ruiz, the harbour is shut, so ..." has no description in
# commas but the clause (a finite verb outside a relative clause), and a pronoun takes none
_PLAIN = re.compile(r"^According\s+to\s+(?P<spk>[^,\"“”]{2,80}),\s+(?P<clause>[^\"“”]{8,})$")
# "According to the port's director, Ana Ruiz, ...": a name in apposition after a title
ACCORDING_NAMED = re.compile(r"^According\s+to\s+(?P<spk>[^,\"“”]{2,80}),\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)"
                             r"{0,4}),\s+(?P<clause>[^\"“”]{8,})$")
# a clause that opens with a verb of saying in the past: the words before it were the statement, this its second
# source ("According to X, the harbour was shut, stated Y.": two sources, neither alone)
REPORTING_OPEN = re.compile(r"(?:said|stated|reported|told|added|wrote|announced|confirmed)\b")
# "according to him / her": the person a "he" / "she" at that place would be
OBJECT_PRONOUN = {"him": "he", "her": "she"}


def according(sent: str) -> re.Match | None:
    """The "According to X, ..." frame of a sentence (:data:`ACCORDING`), its source's description in
    commas read as the clause when it is one ("the mother went to ...") or when the source is a pronoun."""
    m = ACCORDING.match(sent)
    if m and m.group("desc") and not REPORTING_OPEN.match(m.group("clause")) and (
            m.group("spk").strip().lower() in OBJECT_PRONOUN or (
            not m.group("desc").startswith(("who ", "whose ")) and has_finite_verb(m.group("desc")))):
        return _PLAIN.match(sent)
    return m


@functools.lru_cache(maxsize=1)
def _saying_verb() -> re.Pattern:
    return re.compile(rf"\b(?:{verbs()['rx']})\b")


def pronoun_source(pron: str, resolve, people, paragraphs: list[str], p_idx: int, at: int) -> tuple:
    """(speaker, kind, actor) of "according to him / her" (``pron`` is "he" / "she"; ``resolve`` reads a
    source phrase at this place): the person the pronoun would be, when that person is who spoke last
    before it (the name nearest before the last verb of saying of this paragraph or the two before: "Ruiz
    said ... According to her, ..."); a person only mentioned ("the spokeswoman for Omar Lund, Ana Ruiz,
    said ... According to her": Ruiz spoke, Lund did not) is not guessed, nor is one of two people the pronoun
    could be when the text never gave the speaker's gender ("Ana Ruiz said ... Omar Lund said ... According to
    her": which of them is "her" only a reader's knowledge of names tells)."""
    spoke = {n for n, p in people.people.items() if p.spoke}
    chain = dict(people.chain)
    pronouns = {n: p.pronoun for n, p in people.people.items()}  # what the text had said of each before this
    who = resolve(pron)
    person = people.find(who[0]) if who[0] else None
    before = "\n".join(paragraphs[max(0, p_idx - 2):p_idx] + [paragraphs[p_idx][:at]])
    said = list(_saying_verb().finditer(before))
    known = {t for p in people.people.values() for t in p.tokens}  # the words of the article's people's names
    names = [w for w in re.findall(r"[A-Z][\w’'-]+", before[max(0, said[-1].start() - 120):said[-1].start()])
             if key(w) in known] if said else []
    if person is not None and names and key(names[-1]) in person.tokens and not _another_fits(person, pron, people, before, pronouns):
        return who
    for n, p in people.people.items():  # undo what the resolution recorded: nobody was named
        p.spoke = p.spoke and n in spoke
        p.pronoun = pronouns.get(n)  # nor read as "he" / "she"
    people.chain.clear()
    people.chain.update(chain)
    return None, None, None


def _another_fits(person, pron: str, people, before: str, pronouns: dict) -> bool:
    """Whether someone other than ``person``, named in ``before``, could be "he" / "she" (``pron``) as well,
    while the text never gave ``person`` that gender (an honorific, a role noun, a pronoun read as them before
    this one: ``pronouns``)."""
    gender = "m" if pron == "he" else "f"
    if (person.gender or pronouns.get(person.name)) == gender:
        return False
    named = {key(w) for w in re.findall(r"[A-Z][\w’'-]+", before)}
    return any(p is not person and (p.gender or pronouns.get(p.name)) in (None, gender) and not p.tokens <= person.tokens and p.tokens & named
               for p in people.people.values())
