"""Whose spokesperson: the actor a role noun's bare modifier or possessor names through the actor's definite alias.

A story lists an actor by a description as well as its name ("Harbour Council", alias "the council"); a reader takes
"council spokesperson Lena Crane", "a council spokeswoman" and "the council's lawyer" to speak for that actor, though the
text never writes "the council" before the role noun. :func:`described_actor` finds such a modifier: the alias without
its "the" (lower-case words only: "the council", "the harbour board"), right before a role noun (possessive "'s"
allowed), and not closing a name of its own ("Selby City Council spokesperson" is another council: a capitalised word
before the modifier, other than a determiner opening the phrase, makes it part of that name).
"""
from __future__ import annotations

import functools
import re

from presslens.story.model import Story

ROLE_NOUN = (r"(?:spokes(?:person|man|woman|people)|representatives?|officials?|lawyers?|attorneys?|executives?|"
             r"press\s+(?:officer|office|secretary)|director|chief|leader|chair(?:man|woman|person)?|boss|head)")
_DETERMINER = re.compile(r"^(?:the|a|an|one|another|its|their)$", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _patterns(forms: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern, str], ...]:
    out = []
    for actor, form in forms:
        m = re.fullmatch(r"(?i:the)\s+([a-z][a-z’'-]*(?:\s+[a-z][a-z’'-]*){0,2})", form.strip())
        if m:
            noun = r"\s+".join(re.escape(w) for w in m.group(1).split())
            out.append((re.compile(rf"(?i)(?<![\w’'-])(?P<noun>{noun})(?:['’]s)?\s+(?:[a-z][\w-]*\s+)?{ROLE_NOUN}(?![\w-])"), actor))
    return tuple(out)


def described_actor(story: Story, text: str) -> str | None:
    """The one actor whose definite alias, "the" dropped, modifies or possesses a role noun in ``text`` (the module
    docstring); None when none does or two different actors do."""
    forms = tuple((a.name, f) for a in story.actors for f in a.forms if f and f[:4].casefold() == "the ")
    hits = set()
    for rx, actor in _patterns(forms) if forms else ():
        for m in rx.finditer(text):
            before = text[:m.start("noun")].split()
            if before and before[-1][:1].isupper() and not _DETERMINER.match(before[-1]):
                continue  # "Selby City Council spokesperson": the end of another name
            hits.add(actor)
    return next(iter(hits)) if len(hits) == 1 else None


# nouns that name a company by what it does ("the ferry operator", "the airline"): an actor of a company's kind is one
COMPANY_HEADS = frozenset("company firm group business operator carrier airline insurer lender retailer manufacturer "
                          "maker contractor provider supplier developer startup".split())
COMPANY_KINDS = ("company", "business", "firm", "corporation")
# a modifier that makes a definite description another body than the one named before: "the parent company"
_ANOTHER = frozenset("parent rival sister holding partner subsidiary other another former competing".split())


def another_body(phrase: str) -> bool:
    """Whether a definite description names a body other than the one named before it ("the parent company", "the
    rival operator"): never resolved to that one."""
    return bool(_ANOTHER & {w.casefold() for w in phrase.split()[1:-1]})


_COMPANY_ROLE = re.compile(rf"(?i)\b(?P<head>{'|'.join(sorted(COMPANY_HEADS))})(?:['’]s)?\s+(?:[a-z][\w-]*\s+)?{ROLE_NOUN}(?![\w-])")


def company_role(text: str, before_name: bool = False) -> str | None:
    """The company noun a role noun is modified by in ``text`` ("company" of "ferry company chief", "the airline's
    spokesman"), else None: such a person speaks for the company the article named before (resolved by the caller).
    ``before_name``: ``text`` is what stands just before a name, and the role must end it (a comma between allowed)."""
    m = next((m for m in _COMPANY_ROLE.finditer(text) if not before_name or not text[m.end():].strip(" ,")), None)
    return m.group("head").casefold() if m else None

