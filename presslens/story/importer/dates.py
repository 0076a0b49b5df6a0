"""Which date a saved page was published on, and in which time zone its day is counted.

Publication over modification, in order of trust:

1. the page's own declarations of its publication: JSON-LD ``datePublished``, ``article:published_time``
   and its variants, ``itemprop=datePublished``; then the generic ones (``date``, ``dc.date``,
   ``pubdate``, ``sailthru.date`` ...), which some sites fill with the last revision. A declared value
   equal to a declared modification time (``article:modified_time``, ``dateModified`` ...) is a revision
   stamp, passed over for a specific declaration that differs from it;
2. the date shown with the article (its dateline or ``<time>``), else a date in the URL's path (htmldate,
   no extensive search): see :mod:`.page`.

The day is the page's own, not UTC's: an instant written with an offset other than UTC is counted in
that offset (``2023-11-08T22:31-06:00`` is the 8th). An instant written in UTC (``Z``, ``+00:00``) is
moved into the page's zone when the page declares one: an IANA zone name in its configuration
(``"timezone": "America/Chicago"``), else the offset most of the page's other date-times carry
(``<time datetime="...-04:00">``). Without either, the UTC day is kept and the note says so.
:func:`publication` returns the chosen instant too, on the page's own clock when its zone is known
(``2023-11-08T22:31-06:00`` for ``2023-11-09T04:31Z`` on a page in America/Chicago), else as written:
for front matter that keeps times, ``instant.isoformat(timespec="minutes")``.
"""
from __future__ import annotations

import copy
import datetime as dt
import html
import re
from collections import Counter
from dataclasses import dataclass

# the specific declarations of publication, most trusted first (lower-case)
PUBLISHED_FIRST = ("datepublished", "article:published_time", "article:published", "og:article:published_time",
                   "og:published_time", "article:post_date", "parsely-pub-date", "datecreated",
                   "rnews:datepublished", "og:pubdate", "citation_publication_date")
# meta names that declare a modification, never a publication
MODIFIED_META = {"article:modified_time", "article:modified", "og:updated_time", "og:article:modified_time",
                 "datemodified", "date_modified", "last-modified", "lastmod", "dc.date.modified",
                 "dcterms.modified", "article:updated_time"}
ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*"
                 r"(Z{1,2}|[+-]\d{2}:?\d{2})?)?")
ZONE_DECLARED = re.compile(r"""["']?(?:timezone|timeZone|time_zone|tz|timezoneLong|timeZoneId)["']?\s*[:=]\s*"""
                           r"""["']((?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)"""
                           r"""/[A-Za-z_]+(?:/[A-Za-z_]+)?)["']""")


@dataclass(frozen=True)
class When:
    """A date-time as the page wrote it: ``day`` as written, ``instant`` when a time and zone were given."""

    day: dt.date
    instant: dt.datetime | None = None      # aware, in the offset written
    utc: bool = False                       # the zone written is UTC (Z / +00:00)


def parse_when(value: str) -> When | None:
    """An ISO date or date-time (``2020-01-03``, ``2020-01-03T09:48:24Z``, ``...+0100``), or None."""
    m = ISO.match(value or "")
    if not m:
        return None
    y, mo, d, hh, mm, ss, zone = m.groups()
    try:
        day = dt.date(int(y), int(mo), int(d))
        if hh is None or zone is None:
            return When(day)
        if zone.startswith("Z"):
            tz, utc = dt.timezone.utc, True
        else:
            sign = -1 if zone[0] == "-" else 1
            hours, minutes = int(zone[1:3]), int(zone[-2:])
            tz = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
            utc = hours == minutes == 0
        return When(day, dt.datetime(day.year, day.month, day.day, int(hh), int(mm), int(ss or 0), tzinfo=tz), utc)
    except ValueError:
        return None


def page_zone(page_text: str, others: list[When]) -> tuple[dt.tzinfo | None, str | None]:
    """(the page's own time zone, how it is known), from an IANA zone the page declares, else the
    offset most of its other date-times carry; (None, None) when the page says nothing."""
    m = ZONE_DECLARED.search(page_text)
    if m:
        try:
            from zoneinfo import ZoneInfo
            return ZoneInfo(m.group(1)), f"the page declares the time zone {m.group(1)}"
        except (KeyError, ValueError, OSError):
            pass
    offsets = Counter(w.instant.utcoffset() for w in others if w.instant is not None and not w.utc)
    if offsets:
        offset, _ = offsets.most_common(1)[0]
        hours = offset.total_seconds() / 3600
        return dt.timezone(offset), f"the page's other times carry UTC{hours:+g}"
    return None, None


def local_day(when: When, zone: dt.tzinfo | None) -> dt.date:
    """The day of ``when`` in the page's zone: as written unless written in UTC and the zone is known."""
    if when.instant is not None and when.utc and zone is not None:
        return when.instant.astimezone(zone).date()
    return when.day


def source_label(name: str) -> str:
    """A date declaration named for a reader: the name as the page writes it and what it declares
    (``article:published_time (a publication time)``, ``article:modified_time (a modification time)``)."""
    shown = {"datepublished": "datePublished", "datemodified": "dateModified", "datecreated": "dateCreated"}.get(name, name)
    if name in MODIFIED_META:
        return f"{shown} (a modification time)"
    if name in PUBLISHED_FIRST:
        return f"{shown} ({'a creation time' if 'created' in name else 'a publication time'})"
    if name in PUBLISHED_META:
        return f"{shown} (a generic date, which some sites fill with the last revision)"
    return shown


def publication(declared: list[tuple[str, str]], modified: list[str], page_text: str,
                others: list[str] = ()) -> tuple[When | None, dt.date | None, str | None]:
    """(the chosen publication value, its day in the page's zone, a note) from ``declared`` (name,
    value) pairs in page order, the page's declared modification values (values, or (name, value)
    pairs so that the note names them), and the page's other
    date-times (``<time datetime>``); (None, None, None) when nothing declared parses."""
    parsed = [(name, w) for name, value in declared if (w := parse_when(value))]
    if not parsed:
        return None, None, None
    rank = {n: i for i, n in enumerate(PUBLISHED_FIRST)}
    parsed.sort(key=lambda nw: rank.get(nw[0], len(rank)))          # stable: page order within a rank
    pairs = [m if isinstance(m, tuple) else ("a modification declaration", m) for m in modified]
    revised = [(n, w) for n, v in pairs if (w := parse_when(v))]
    instants = {w.instant for _, w in revised if w.instant is not None}
    days = {w.day for _, w in revised}

    def revision(w: When) -> bool:      # the same instant, or the same day when no time is given
        return w.instant in instants if w.instant is not None else w.day in days
    # passed over only for a specific declaration that is not a revision (a generic "date" never wins so)
    kept = [(n, w) for n, w in parsed if not revision(w) and n in rank] or parsed
    name, when = kept[0]
    note = None
    if kept[0] != parsed[0] and revision(parsed[0][1]):  # said only when a revision stamp was passed over
        first = parsed[0][1]
        by = next((n for n, w in revised if (w.instant == first.instant if first.instant is not None
                                                 else w.day == first.day)), "a modification declaration")
        note = (f"published: {first.day} in {source_label(parsed[0][0])} equals the page's modification time "
                f"declared in {source_label(by)}, so it is read as a revision stamp and passed over for "
                f"{source_label(name)}")
    if when.instant is not None and when.utc:
        zone, how = page_zone(page_text, [w for v in others if (w := parse_when(v))])
        day = local_day(when, zone)
        if zone is None:
            note = "; ".join(filter(None, [note, f"published: {when.instant:%H:%M} UTC, the page names no time zone: "
                                           "the UTC day is kept (the local day may differ)"]))
        else:
            if day != when.day:
                note = "; ".join(filter(None, [note, f"published: {when.instant:%Y-%m-%d %H:%M} UTC is {day} in the "
                                               f"page's own time zone ({how})"]))
            when = When(day, when.instant.astimezone(zone), False)     # the same instant, on the page's clock
        return when, day, note
    return when, when.day, note


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
FAST = {"extensive_search": False, "original_date": True}
INVALID = "not a valid date or time"  # said of a declared publication value no reader takes (+25:00): a warning


def date_of(value: str) -> dt.date | None:
    """A date string as a date (ISO directly, anything else through htmldate's parser), or None."""
    import htmldate
    if (w := parse_when(value)) is not None:
        return w.day
    if re.match(r"\s*\d{4}-\d{2}-\d{2}", value):
        return None                 # ISO-shaped but not a date (2024-02-30)
    doc = f'<html><head><meta name="date" content="{html.escape(value)}"></head><body></body></html>'
    found = htmldate.find_date(doc, **FAST)
    return dt.date.fromisoformat(found) if found else None


def published(tree, region, url: str | None, ld: dict, page_text: str
              ) -> tuple[dt.date | None, dt.datetime | None, str | None, str | None]:
    """(day, instant when the page gave a time, where it came from: "metadata", "dateline" or "URL",
    note) for one parsed page; see the module docstring for the order."""
    import htmldate
    from lxml import html as lxml_html

    declared, modified, others = [], [], []
    for el in tree.iter("meta", "time", "span", "div", "p"):
        attrs = {(el.get(a) or "").strip().lower() for a in ("property", "name", "itemprop")}
        value = el.get("content") or el.get("datetime") or (el.text_content() if el.tag != "meta" else "")
        if el.tag == "time" and el.get("datetime"):
            others.append(el.get("datetime"))
        if hit := attrs & MODIFIED_META:
            modified.append((min(hit), value))
        if el.tag != "meta" and not attrs & {"datepublished", "datecreated"}:
            continue             # in the body, only an element marked itemprop=datePublished declares it
        if hit := attrs & PUBLISHED_META:
            declared.append((min(hit, key=lambda n: (n not in PUBLISHED_FIRST, n)), value))
    if isinstance(ld.get("datePublished"), str):
        declared.insert(0, ("datepublished", ld["datePublished"]))
    if isinstance(ld.get("dateModified"), str):
        modified.append(("datemodified", ld["dateModified"]))
    when, day, note = publication(declared, modified, page_text, others)
    if day is not None:
        instant = when.instant
        if instant is None:   # the chosen declaration gives the day alone: a time another declaration gives that day
            timed = [w.instant for _, v in declared if v and (w := parse_when(v)) and w.instant is not None]
            instant = next((i for i in timed if i.date() == day), None) or _naive_time(declared, day)
        return day, instant, "metadata", note
    for _, value in declared:       # declared, but not as an ISO date ("January 16, 2020")
        if value and (day := date_of(value)):
            return day, None, "metadata", None
    bad = next(((n, v) for n, v in declared if v and v.strip()), None)  # declared, but no date (2023-12-15T09:30+25:00)
    bad_note = (f"published: {source_label(bad[0])} is {bad[1].strip()[:60]!r}, {INVALID}, so it is "
                "left null; write the day in the article's published: field if you know it") if bad else None
    if region is not None:
        doc = "<html><body>" + lxml_html.tostring(region, encoding="unicode") + "</body></html>"
        if found := _find_date(doc):
            return dt.date.fromisoformat(found), None, "dateline", bad_note
    if url:
        doc = f'<html><head><link rel="canonical" href="{html.escape(url)}"></head><body></body></html>'
        if found := _find_date(doc, url=url):
            return dt.date.fromisoformat(found), None, "URL", bad_note
    elsewhere = None if bad else _find_date(copy.deepcopy(tree))  # htmldate would read the bad declaration
    note = (f"published: htmldate found {elsewhere} elsewhere in the page, where nothing marks it as the "
            f"publication date, so it is left null") if elsewhere else bad_note
    return None, None, None, note


def _find_date(doc, **kw) -> str | None:
    """htmldate's date of ``doc``, or None; an impossible date it reads (a UTC offset of +25:00) is none."""
    import htmldate
    try:
        return htmldate.find_date(doc, **FAST, **kw)
    except (ValueError, OverflowError):
        return None


def _naive_time(declared: list[tuple[str, str]], day: dt.date) -> dt.datetime | None:
    """A time of day a publication declaration gives on ``day`` without a time zone (``2023-12-15T09:30``):
    kept as written, zone unknown (a naive datetime), never shifted."""
    for _, value in declared:
        m = ISO.match(value or "")
        if m and m.group(4) is not None and m.group(7) is None:
            y, mo, d, hh, mm, ss = (int(g or 0) for g in m.groups()[:6])
            try:
                if dt.date(y, mo, d) == day:
                    return dt.datetime(y, mo, d, hh, mm, ss)
            except ValueError:
                continue
    return None


def front_matter(day: dt.date | None, instant: dt.datetime | None) -> tuple[dt.date | str | None, str | None]:
    """(what ``published`` says in the article's front matter, a note): the day alone, or the date-time
    on the page's own clock (``2023-11-08T22:31-06:00``; a time without a zone is written without an
    offset and read as zone-unknown) when the publication metadata gives a time of day on that day.
    Midnight exactly is what many sites write when they know only the day: it stays the day alone, and
    the note says so."""
    if day is None or instant is None or instant.date() != day:
        return day, None
    if (instant.hour, instant.minute, instant.second) == (0, 0, 0):
        return day, f"published: the page's time 00:00 on {day.isoformat()} is taken for the day alone"
    return instant.isoformat(timespec="seconds" if instant.second else "minutes"), None


def metadata(tree):
    """trafilatura's metadata of ``tree`` (title, author). Its date reading fails on an impossible date
    (a UTC offset of +25:00: a ValueError): then it reads a copy without the date declarations, whose
    value :func:`published` reports."""
    from trafilatura import extract_metadata
    try:
        return extract_metadata(copy.deepcopy(tree), date_config=FAST)
    except (ValueError, OverflowError):
        bare = copy.deepcopy(tree)
        for el in list(bare.iter("meta", "time")):
            attrs = {(el.get(a) or "").strip().lower() for a in ("property", "name", "itemprop")}
            if el.tag == "time" or attrs & (PUBLISHED_META | MODIFIED_META):
                el.getparent().remove(el)
        return extract_metadata(bare, date_config=FAST)
