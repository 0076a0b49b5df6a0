"""An abbreviation introduced in brackets beside a known name: how news copy defines one on first use
("the Kestrel Weather Bureau (KWB)", "KWB (Kestrel Weather Bureau)"), also when the letters are those of
the name in another language ("the Royal Kestrel Federation (RFK)", the initials of its name in the
source language), which the ``initials`` rule cannot see.

:func:`bracket_abbreviations` proposes the bracketed word (two to ten characters, at least two capitals,
no space) as an alias of the actor whose known form stands right before it (or inside the brackets after
it), with the rule ``abbreviation in brackets``. Only for actors that are not persons: after a person's
name, brackets hold a party, a country or an age ("Lina Okafor (KD)", "Okafor (US)"), not another name.
The abbreviation must start with the name's first letter (the initials of a name in another language
mostly do: "Real ..." / "Royal ..."); a bracketed word that is a known form, or that two actors could
claim, is left out, and so is a stock ticker (a code, a dot and an exchange's one or two letters:
"KWB.O", "KWB.N", "9999.T" in wire copy's "Kestrel Weather (KWB.O)"): a listing, not a name.
"""
from __future__ import annotations

import re

from .romanise import letters

RULE = "abbreviation in brackets"
ABBR = r"[A-Z][A-Za-z&.\-]{1,9}"
MIN_CAPITALS = 2


# a stock ticker as wire copy gives it after a company's name: a code, a dot, the exchange's letters
TICKER = re.compile(r"[A-Z0-9]{1,6}\.[A-Z]{1,2}")


def _abbr(s: str) -> bool:
    return sum(ch.isupper() for ch in s) >= MIN_CAPITALS and not s.isdigit() and not TICKER.fullmatch(s)


def _same_start(abbr: str, form: str) -> bool:
    """The abbreviation starts with the name's first letter (articles left aside): "KWB" for "the Kestrel
    Weather Bureau", never "DRK" beside "Republic of Kestrel" (a slip, or another body's letters)."""
    words = [w for w in form.split() if w.casefold() not in ("the", "a", "an")]
    return bool(words) and abbr[:1].casefold() == letters(words[0])[:1]


def bracket_abbreviations(sentences, known: list, persons: set[str], taken: set[str]) -> list[dict]:
    """Proposals (candidate, actor, rule, known_form, evidence, where: [(article_id, outlet, sent_id, text)]);
    ``known``: variants.Known rows; ``persons``: actors (and speakers) that are persons; ``taken``: the
    :func:`letters` of forms known or already proposed."""
    forms = {}
    for k in known:
        if k.actor not in persons and len(k.form.split()) >= 2:
            forms.setdefault(k.form.casefold(), k)
    if not forms:
        return []
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    after = re.compile(rf"(?<![\w-])({alts})\s?\(\s*({ABBR})\s*\)", re.IGNORECASE)
    before = re.compile(rf"(?<![\w-])({ABBR})\s?\(\s*({alts})\s*\)", re.IGNORECASE)
    found: dict[tuple[str, str], dict] = {}
    for aid, outlet, sid, text in zip(sentences["article_id"], sentences["outlet"], sentences["sent_id"],
                                      sentences["text"]):
        if "(" not in text:
            continue
        pairs = [(m.group(1), m.group(2)) for m in after.finditer(text)]
        pairs += [(m.group(2), m.group(1)) for m in before.finditer(text)]
        for name, abbr in pairs:
            k = forms.get(name.casefold())
            if k is None or not _abbr(abbr) or letters(abbr) in taken or not _same_start(abbr, k.form):
                continue
            hit = found.setdefault((abbr, k.actor), {"candidate": abbr, "actor": k.actor, "rule": RULE,
                                                    "known_form": k.form, "where": [],
                                                    "evidence": f"{abbr} is given in brackets beside {k.form!r}"})
            hit["where"].append((aid, outlet, sid, text))
    claims: dict[str, int] = {}
    for abbr, _ in found:
        claims[abbr] = claims.get(abbr, 0) + 1
    return [h for (abbr, _), h in found.items() if claims[abbr] == 1]
