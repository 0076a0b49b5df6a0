"""The publication date (and time) a saved page declares, for ``presslens import``.

In order of trust: the page's publication-date metadata (meta tags such as
``article:published_time``, ``itemprop=datePublished``, JSON-LD ``datePublished``: publication,
never modification), else the date shown with the article (its dateline or ``<time>``, outside the
prose), else a date in the URL's path, via htmldate with ``extensive_search=False`` and
``original_date=True``. A date htmldate finds anywhere else (a related-links list, the footer, a
date mentioned in the text, ``copyrightYear``, a modified time) is not taken: it is named in
``notes``. Never the file's time, never today.

The time of day is taken only from the publication metadata, as the page writes it: an ISO
date-time on the chosen day (``2023-12-15T09:30:00+08:00`` stays in +08:00, a ``Z`` time stays
UTC, a time without an offset is written without one and read as zone-unknown). Midnight exactly
(``T00:00:00``) is what many sites write when they know only the day: it is kept as the day alone.
"""
from __future__ import annotations

import copy
import datetime as dt
import html
import re

from presslens.story import when

# meta names/properties/itemprops that declare the publication date (not modified, not generated)
PUBLISHED_META = {
    "article:published_time", "article:published", "article:post_date", "og:published_time",
    "og:article:published_time", "og:pubdate", "og:publish_date", "datepublished", "date_published",
    "datecreated", "date", "pubdate", "publishdate", "publish_date", "publish-date", "published_date",
    "published-date", "published_time", "publication_date", "publish_time", "dc.date", "dc.date.issued",
    "dc.date.created", "dc.date.publication", "dc.created", "dc:date", "dc:created", "dcterms.date",
    "dcterms.issued", "dcterms.created", "citation_publication_date", "citation_date", "parsely-pub-date",
    "sailthru.date", "article.published", "originalpublicationdate", "rnews:datepublished",
}


def _date_of(value: str) -> str | None:
    """A date string as YYYY-MM-DD (htmldate's parser), or None."""
    import htmldate
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
    if m:
        try:
            return dt.date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            return None
    doc = f'<html><head><meta name="date" content="{html.escape(value)}"></head><body></body></html>'
    return htmldate.find_date(doc, extensive_search=False, original_date=True)


def published_of(tree, region, url: str | None, ld: dict) -> tuple[str | None, str | None, str | None]:
    """(``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[:SS][+HH:MM]``, where it came from, a note about what was
    found and not taken)."""
    import htmldate
    from lxml import html as lxml_html

    fast = {"extensive_search": False, "original_date": True}
    candidates = []
    for el in tree.iter("meta", "time", "span", "div", "p"):
        attrs = {(el.get(a) or "").strip().lower() for a in ("property", "name", "itemprop")}
        if el.tag != "meta" and not attrs & {"datepublished", "datecreated"}:
            continue             # in the body, only an element marked itemprop=datePublished declares it
        if attrs & PUBLISHED_META:
            candidates.append(el.get("content") or el.get("datetime") or el.text_content())
    if isinstance(ld.get("datePublished"), str):
        candidates.append(ld["datePublished"])
    for value in candidates:
        if value and (date := _date_of(value)):
            stamp, note = _with_time(date, candidates)
            return stamp, "metadata", note
    if region is not None:
        doc = "<html><body>" + lxml_html.tostring(region, encoding="unicode") + "</body></html>"
        if date := htmldate.find_date(doc, **fast):
            return date, "dateline", None
    if url:
        doc = f'<html><head><link rel="canonical" href="{html.escape(url)}"></head><body></body></html>'
        if date := htmldate.find_date(doc, url=url, **fast):
            return date, "URL", None
    elsewhere = htmldate.find_date(copy.deepcopy(tree), **fast)
    note = (f"published: htmldate found {elsewhere} elsewhere in the page, where nothing marks it as the "
            f"publication date, so it is left null") if elsewhere else None
    return None, None, note



def _with_time(day: str, values: list[str]) -> tuple[str, str | None]:
    """``day`` with the time of day and zone of the first metadata value that gives one on that day,
    written as the page wrote them (``2023-12-15T09:30+08:00``); and a note when a midnight was passed over."""
    note = None
    for value in values:
        m = when.ISO.match((value or "").strip())
        if not m or m.group(4) is None or m.group(0)[:10] != day:
            continue
        got, _ = when.parse(m.group(0))
        if got is None or got.time is None:
            continue
        if got.time == dt.time(0, 0):
            note = f"published: the page's time 00:00 on {day} is taken for the day alone (sites write midnight when they know only the day)"
            continue
        return f"{day}T{got.clock}{got.zone or ''}", None
    return day, note
