"""Which publisher an article is from, as provenance and duplicate screening compare it: "one outlet" means one
publisher, not one host.

A reader takes an article's publisher from the name the page gives, not from the address bar: an aggregator's host
(``presslens/data/aggregators.yaml``: MSN, Google News, Flipboard...) carries many publishers' articles, each page
naming its own. So:

- an article's publisher is its ``outlet:`` (compared ignoring case, a leading "the" and punctuation), unless that
  names an aggregator (its listed names, or the host of an aggregator's page): then the first source ``derived_from``
  names, when there is one (else the aggregator: its publisher is not known, and two such pages count as one outlet,
  which accuses no one);
- two articles with different publishers are one outlet only when they share a host that is one publisher's: not a
  listed aggregator, and named by one of the two outlets (``harbourtimes.example`` and ``Harbour Times``, the importer's
  fallback and the site's name). Two outlets on one host neither of which names it (``Harbour Times`` and ``Bay
  Courier`` on a portal no list knows) are two publishers.

Layer 1 (the story room): reads the package's data file and the importer's site-name test only.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlparse

from presslens import data
from .importer.outlet import names_site


def key(name) -> str:
    """A publisher's name as compared: case, a leading "the" and punctuation ignored."""
    s = re.sub(r"^the\s+", "", str(name or "").casefold().strip())
    return re.sub(r"[^\w]+", "", s)


def host_of(url) -> str:
    """The host of an address without ``www.``, "" for none."""
    if not isinstance(url, str) or not url:
        return ""
    try:
        h = (urlparse(url if "://" in url else f"http://{url}").hostname or "").casefold()
    except ValueError:
        return ""
    return h[4:] if h.startswith("www.") else h


@functools.lru_cache(maxsize=1)
def _listed() -> tuple[dict[str, str], dict[str, str]]:
    """(host -> aggregator id, name key -> aggregator id) from ``aggregators.yaml``."""
    hosts, names = {}, {}
    for a in data.aggregators()["aggregators"]:
        hosts.update({str(h).casefold(): a["id"] for h in a.get("hosts") or ()})
        names.update({key(n): a["id"] for n in [a["name"], *(a.get("names") or ())]})
    return hosts, names


def aggregator(host: str = "", outlet=None) -> str | None:
    """The listed aggregator whose host (or a subdomain of it) ``host`` is, or whose name ``outlet`` is, else None."""
    hosts, names = _listed()
    h = host.casefold()
    for cut in (h, *(h.split(".", i)[-1] for i in range(1, h.count(".")))):
        if cut in hosts:
            return hosts[cut]
    return names.get(key(outlet)) if outlet is not None else None


def publisher(outlet, url=None, derived_from=()) -> str:
    """The key of the publisher of an article with this ``outlet``, ``url`` and ``derived_from`` (module docstring)."""
    host = host_of(url)
    own = aggregator(outlet=outlet) or (aggregator(host) and names_site(str(outlet or ""), host))
    if own and derived_from:
        return key(list(derived_from)[0])
    return key(outlet)


def same_publisher(a: tuple, b: tuple) -> bool:
    """Whether two articles, each ``(outlet, url, derived_from)``, are one publisher's (module docstring)."""
    if publisher(*a) == publisher(*b):
        return True
    host = host_of(a[1])
    if not host or host != host_of(b[1]) or aggregator(host):
        return False
    return names_site(str(a[0] or ""), host) or names_site(str(b[0] or ""), host)
