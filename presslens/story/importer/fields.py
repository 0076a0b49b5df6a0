"""The headline and the byline of a saved page, each from its own evidence.

- **headline**: the page's own ``<h1>`` (what a reader of the page sees) over the social title
  (``og:title``, often shortened or reworded for sharing): the first ``<h1>`` that is not the site's
  name and shares words with the page's titles (a menu's "Sections" does not). Without such an
  ``<h1>``, the title trafilatura reads (``og:title``, JSON-LD headline, ``<title>``) with the site's
  suffix cut: ``Headline | Section | Site`` -> ``Headline``, cut where a segment names the site.
- **byline**: author metadata or a byline element only (:mod:`.page` picks where), then checked: a
  date or time glued to it is cut ("Jane Roe February 24, 2020"), and what is left is rejected when it
  is a placeholder ("No Author", "admin") or the site's own name ("Harbour Herald" on harbourherald.example, the
  source line of a page without a person's name). Of several names, the site's own is dropped.
"""
from __future__ import annotations

import re

from .outlet import letters, names_site

SEPARATORS = re.compile(r"\s+(?:\||-|–|—|/|::|•|·)\s+")
FULL_MONTH = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
SHORT_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
# a date or time glued after a name: a month's name at the end or before a number (May and the
# abbreviations only before a number: "Theresa May", "Lee Jun" are names), a weekday, a numeric date,
# a clock time, a day before a month, or "Updated"/"Published" and what follows
DATE_TAIL = re.compile(rf"[\s,|·•–—-]*(?:\b{FULL_MONTH}(?=\s*\d|\s*$)|\b(?:May|{SHORT_MONTH})\s+\d"
                       r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b,?\s|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}"
                       rf"|\b\d{{1,2}}:\d{{2}}|\b\d{{1,2}}\s+(?:May|{FULL_MONTH}|{SHORT_MONTH})\b"
                       r"|\b(?:updated|published|posted)\b).*$", re.I)
PLACEHOLDER = re.compile(r"(?:no|unknown|anonymous|not available|none|null|n/?a|admin(?:istrator)?|author|"
                         r"editor|webmaster|guest|user|default)\s*(?:author|user)?", re.I)
BYLINE_PREFIX = re.compile(r"^\s*(by|par|por|door|von|di)\s+", re.I)
LIST = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


MAX_HEADLINE = 400   # characters: a headline longer than this is a paragraph (or a page's junk), never taken
MAX_BYLINE = 300     # characters of author evidence: longer is not a list of names

def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[^\W_]{3,}", s.casefold())}


def is_site_name(name: str, outlet: str | None, host: str | None) -> bool:
    """Whether ``name`` is the site's own name: the outlet's letters (with or without "the"), or a
    label of the host (``Harbour Herald`` on harbourherald.example)."""
    got = letters(name)
    if not got:
        return False
    own = set()
    if outlet:
        own |= {letters(outlet), letters(re.sub(r"^the\s+", "", outlet, flags=re.I))}
    if host:
        own |= {letters(label) for label in host.split(".")[:-1]}
        own.add(letters(host))
    return got in own - {""}


def cut_site_suffix(title: str, outlet: str | None, host: str | None) -> str:
    """``title`` without a site suffix: cut before the first segment (after the first) that names the
    site, and before the short segments just before it (sections: ``| Education | The Guardian``)."""
    parts = SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    seps = SEPARATORS.findall(title)

    def site(seg: str) -> bool:
        return (is_site_name(seg, outlet, host) or (host is not None and names_site(seg, host))
                or (outlet is not None and letters(seg) == letters(outlet)))
    cut = next((i for i in range(1, len(parts)) if site(parts[i])), None)
    if cut is None:
        return title
    while cut > 1 and len(parts[cut - 1].split()) <= 2:
        cut -= 1
    return "".join(p + s for p, s in zip(parts[:cut], seps[:cut - 1] + [""])).strip()


def headline(h1s: list[str], titles: list[str], fallback: str | None, outlet: str | None,
             host: str | None) -> tuple[str | None, str]:
    """(the headline, where it came from: "h1" or "metadata"). ``h1s`` are the page's ``<h1>`` texts in
    order, ``titles`` its other titles (og:title, twitter:title, <title>), ``fallback`` trafilatura's
    (JSON-LD headline ...), taken in that order when no ``<h1>`` is the headline."""
    known = set().union(*(_words(t) for t in titles if t and len(t) <= MAX_HEADLINE)) if titles else set()
    for h in h1s:
        h = " ".join(h.split())
        words = _words(h)
        if not words or is_site_name(h, outlet, host) or len(h.split()) < 2 or len(h) > MAX_HEADLINE:
            continue
        if not known or len(words & known) >= max(1, 0.3 * len(words)):
            return h, "h1"
    for title in [*titles, fallback]:
        title = " ".join((title or "").split())
        if title and len(title) <= MAX_HEADLINE and not is_site_name(title, outlet, host):
            return cut_site_suffix(title, outlet, host), "metadata"
    return None, "metadata"


def clean_byline(raw: str | None, outlet: str | None, host: str | None) -> str | None:
    """A byline from byline evidence, or None when what is left is not a person's or agency's name."""
    if not raw or len(raw) > MAX_BYLINE:      # a text that long is not a list of names
        return None
    text = BYLINE_PREFIX.sub("", " ".join(raw.split()))
    text = DATE_TAIL.sub("", text).strip(" ,;|-–—·")
    if not text or re.search(r"\d", text):     # a number left after the date is cut: not a name
        return None
    parts = [p for p in LIST.split(text) if p]
    people = [p for p in parts if not is_site_name(p, outlet, host) and not PLACEHOLDER.fullmatch(p)]
    if not people:
        return None
    return text if len(people) == len(parts) else ", ".join(people)


def wire_credit(text: str, byline: str | None) -> tuple[str, str] | None:
    """(agency, where) when the page credits a news agency (``presslens/data/wire_agencies.yaml``) as its
    article's source the way wire copy does: a byline that is the agency ("By The Associated Press"), a
    dateline "PLACE (AP) -" opening the text, or a closing "Copyright 2023 The Associated Press"; the
    agency is written by its full name. None otherwise (a bare name in a sentence credits nothing)."""
    from presslens import data

    by_name = {n.casefold(): a["name"] for a in data.wire_agencies()["agencies"] for n in a["names"]}
    names = "|".join(re.escape(n) for n in sorted({n for a in data.wire_agencies()["agencies"] for n in a["names"]},
                                                   key=lambda n: (-len(n), n)))
    if isinstance(byline, str) and by_name.get(re.sub(r"^(?:[Bb]y\s+)?(?:[Tt]he\s+)?", "", byline.strip()).casefold()):
        return by_name[re.sub(r"^(?:[Bb]y\s+)?(?:[Tt]he\s+)?", "", byline.strip()).casefold()], f"byline {byline!r}"
    head = (text or "").lstrip()[:200]
    m = re.match(r"[^\n()]{0,80}?\((%s)\)\s*(?:-{1,2}|–|—)" % names, head)
    if m:
        return by_name[m.group(1).casefold()], f"dateline {m.group(0).strip()!r}"
    m = re.search(r"(?m)^\s*(?:Copyright|©|\(c\))\s*(?:©\s*)?\d{4}\s+(?:[Tt]he\s+)?(%s)\b" % names, (text or "")[-600:])
    if m:
        return by_name[m.group(1).casefold()], f"{m.group(0).strip()!r}"
    return None
