"""Which outlet a saved page is from, from the page's publisher evidence in order of trust.

1. the JSON-LD ``publisher`` name (a site declares its publisher there for search engines);
2. ``og:site_name``, when it names the site: its letters share a run of four with the host's name,
   or its initials are the host's name (``Harbour Courier`` / hcourier.example, ``KHRB`` /
   khrb.example, ``Associated Wire Service`` / awsnews.example). A section (``U.S.`` on a wire agency's page) or a tagline
   (``Your Local News Leader``) does not, and is passed over;
3. ``application-name``, checked the same way;
4. the site's name as the ``<title>`` ends (``Headline - The Harbour Courier`` on harbourcourier.example), checked
   the same way: the last segment that names the site;
5. the URL's host without ``www.``.

A declared name written in a script the host's letters cannot show (Chinese, Japanese, Cyrillic,
Arabic ...) cannot be checked against it: it is taken when the page's ``<title>`` ends with it too.

A declared name with separators (``WSVN 7News | Miami News, Weather, Sports``) gives its first segment
that names the site. A name is checked against every host the page gives for itself (canonical link,
og:url, the "saved from" comment): a syndicated page's canonical link may point to another site.
Without a URL, og:site_name and application-name are taken as written (nothing to check them against).
"""
from __future__ import annotations

import re
import unicodedata

# labels of a host that are not the site's own name
NOT_NAME = {"www", "com", "co", "org", "net", "gov", "ac", "edu", "news", "edition", "en", "english", "m", "amp",
            "mobile", "web", "online", "int", "info", "tv"}


MAX_NAME = 120      # characters: a declared site name longer than this is not a name (the loader refuses over 200)

def letters(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z0-9]", "", "".join(ch for ch in s if not unicodedata.combining(ch)).casefold())


def host_names(host: str) -> list[str]:
    """The labels of ``host`` that may be the site's name (``edition.cnn.com`` -> ``["cnn"]``)."""
    labels = [x for x in host.casefold().split(".") if x]
    return [x for x in labels[:-1] if x not in NOT_NAME and len(x) >= 2] or labels[:1]


def names_site(name: str, host: str | None) -> bool:
    """Whether ``name`` names the site at ``host`` (see the module docstring); True without a host."""
    if not host:
        return True
    got = letters(name)
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKD", name).casefold())
    initials = "".join(w[0] for w in words if w not in ("the", "of", "and"))
    for label in host_names(host):
        lab = re.sub(r"[^a-z0-9]", "", label)
        if not lab or not got:
            continue
        if lab in got or (len(got) >= 3 and got in lab) or (len(initials) >= 2 and initials in lab):
            return True
        if any(lab[i:i + 4] in got for i in range(len(lab) - 3)):
            return True
    return False


SEGMENTS = re.compile(r"\s+(?:\||-|–|—|/|::|•|·)\s+")


def _naming(value: str, hosts: list[str], norm) -> str | None:
    """``value`` (or its first segment) when it names one of ``hosts``, else None."""
    for cand in [norm(value), *[norm(p) for p in SEGMENTS.split(value)[:1]]][::-1]:
        if cand and (not hosts or any(names_site(cand, h) for h in hosts)):
            return cand
    return None


def outlet_of(publisher: str | None, site_name: str | None, app_name: str | None, host: str | None,
              norm=lambda s: " ".join(s.split()), title: str | None = None,
              hosts: tuple[str, ...] = ()) -> tuple[str | None, str | None]:
    """(outlet, where it came from: None for the page's own declaration, "URL host", or the reason a
    declared name was passed over followed by "; URL host"). ``host`` is the article URL's host,
    ``hosts`` any other host the page gives for itself (og:url, "saved from")."""
    passed = []
    every = [h for h in dict.fromkeys([host, *hosts]) if h]
    for value, what in ((publisher, "the JSON-LD publisher"), (site_name, "og:site_name"), (app_name, "application-name")):
        if value and len(norm(value)) > MAX_NAME:   # a paragraph (or a page's junk), not a name
            passed.append(f"{what} is {len(norm(value)):,} characters long, not a name")
    publisher, site_name, app_name = (v if v and len(norm(v)) <= MAX_NAME else None for v in (publisher, site_name, app_name))
    if publisher and norm(publisher):
        return norm(publisher), None
    for value, what in ((site_name, "og:site_name"), (app_name, "application-name")):
        if value and norm(value):
            if (named := _naming(value, every, norm)) is not None:
                return named, None
            if not letters(value) and title and norm(value) in SEGMENTS.split(norm(title))[1:]:
                return norm(value), None  # a name in a script the host cannot spell (海湾日报), that the title ends with
            passed.append(f"{what} {norm(value)!r} does not name {host} (a section or tagline)")
    if title and every:
        for seg in SEGMENTS.split(norm(title))[1:][::-1]:
            if len(seg.split()) <= 6 and any(names_site(seg, h) for h in every):
                return seg, None
    if host:
        return host, "; ".join([*passed, "URL host"])
    return None, "; ".join(passed) or None  # no outlet: why a declared name was passed over
