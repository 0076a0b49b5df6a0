"""When an undated page was written, as a reader dates it: by the dates its own text names.

A page captured without its publication date still says when it was written: "on March 26, 2024, the ship
struck the bridge". A reader who must tell which of two texts copied the other and finds one undated reads
the dates it names: a text cannot report a day before that day came, so the latest full date it names
(:func:`latest`: a day, a month and a year, "March 26, 2024", "26 March 2024", "2024-03-26") is a lower bound of
when it was written, and a news text is written within days of the latest thing it reports.

:func:`order` orders two articles, one of them or both undated, by those dates, and says so:

- an undated text naming a date :data:`~presslens.analyses.pair_evidence.APART_DAYS` or more days after the
  other's publication (or after every date the other, undated too, names) is the later: the lower bound alone
  says it;
- an undated text whose latest named date is :data:`GAP_DAYS` or more before the other's publication (or the
  other's latest named date) is the earlier: a text that names nothing of the month before the other appeared was
  written before it (a retrospective written long after the day it reports is what this reading gets wrong,
  which is why a month, not a day or two, is asked);
- otherwise, or when a side names no full date, or when both are dated (their dates say what they say), None.

The dates are read from the article's text as the cleaner leaves it (:meth:`~presslens.analyses.pair_evidence.
Evidence.own_text`: a list of related stories and their dates is page furniture, not what the article says), else
from the page as captured; a date set in the future ("the hearing is set for June 3, 2025")
reads as a date the text names, so the order is said with its evidence and never alone decides that a copy
was made: :mod:`presslens.analyses.verdicts` reads it only to give a direction to a pair already called copied
without credit whose dates do not order it.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from .pair_evidence import APART_DAYS

GAP_DAYS = 30  # an undated text whose latest named date is this many days before the other's date is the earlier
_MONTHS = {m: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for m in names}
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_FULL = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"  # March 26, 2024
                   rf"|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+((?:19|20)\d\d)\b"  # 26 March 2024
                   r"|\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b", re.I)  # 2024-03-26


def named_dates(text: str) -> list[dt.date]:
    """Every full date (day, month, year) the text names, in order; impossible days left out."""
    out = []
    for m in _FULL.finditer(text or ""):
        g = m.groups()
        if g[0]:
            y, mo, d = int(g[2]), _MONTHS[g[0].lower()], int(g[1])
        elif g[4]:
            y, mo, d = int(g[5]), _MONTHS[g[4].lower()], int(g[3])
        else:
            y, mo, d = int(g[6]), int(g[7]), int(g[8])
        try:
            out.append(dt.date(y, mo, d))
        except ValueError:
            continue
    return out


@functools.lru_cache(maxsize=4096)
def latest(text: str) -> dt.date | None:
    """The latest full date the text names (:func:`named_dates`), else None (kept per text: an article is read once
    however many pairs it is in)."""
    return max(named_dates(text), default=None)


def order(day_x: dt.date | None, text_x: str, day_y: dt.date | None, text_y: str) -> tuple[int | None, str]:
    """(1 when x came after y, -1 when before, None when the texts' dates do not say; how) for two articles of
    publication days ``day_x``, ``day_y`` (None: undated) and texts ``text_x``, ``text_y`` (module docstring)."""
    if day_x is not None and day_y is not None:
        return None, "both dated"
    if day_x is None and day_y is None:
        lx, ly = latest(text_x), latest(text_y)
        if lx is None or ly is None:
            return None, "an undated text names no full date"
        gap = (lx - ly).days
        if abs(gap) < GAP_DAYS:
            return None, f"both undated; the latest dates their texts name ({lx}, {ly}) are under {GAP_DAYS} days apart"
        return (1 if gap > 0 else -1), f"both undated: the latest dates their texts name are {lx} and {ly}"
    flip = day_x is not None  # read from the undated side u against the dated side's day
    u_text, day = (text_y, day_x) if flip else (text_x, day_y)
    lu = latest(u_text)
    if lu is None:
        return None, "the undated text names no full date"
    gap = (lu - day).days
    if gap >= APART_DAYS:
        sign, how = 1, f"the undated text names {lu}, after the other's date {day}"
    elif gap <= -GAP_DAYS:
        sign, how = -1, f"the latest date the undated text names is {lu}, {-gap} days before the other's date {day}"
    else:
        return None, f"the latest date the undated text names ({lu}) is close to the other's date ({day})"
    return (-sign if flip else sign), how
