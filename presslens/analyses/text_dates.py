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

from presslens.text.vocabulary import MONTHS

from .pair_evidence import APART_DAYS

GAP_DAYS = 30  # an undated text whose latest named date is this many days before the other's date is the earlier
# month names (text.vocabulary.MONTHS) and their abbreviations, to the month's number
_ABBREVIATIONS = {"september": ("sep", "sept")}
_MONTHS = {form: n for n, month in enumerate(MONTHS, start=1)
           for form in (month, *_ABBREVIATIONS.get(month, (month[:3],) if len(month) > 3 else ()))}
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_FULL = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"  # March 26, 2024
                   rf"|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+((?:19|20)\d\d)\b"  # 26 March 2024
                   r"|(?<![\w/.-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\w/-])", re.I)  # 2024-03-26 (not in a link or a file name)


def _read(m: re.Match) -> dt.date | None:
    g = m.groups()
    if g[0]:
        y, mo, d = int(g[2]), _MONTHS[g[0].lower()], int(g[1])
    elif g[4]:
        y, mo, d = int(g[5]), _MONTHS[g[4].lower()], int(g[3])
    else:
        y, mo, d = int(g[6]), int(g[7]), int(g[8])
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def named_dates(text: str) -> list[dt.date]:
    """Every full date (day, month, year) the text names, in order; impossible days left out."""
    return [d for m in _FULL.finditer(text or "") if (d := _read(m)) is not None]


# a date that is no lower bound of when the words were written: one the sentence looks forward to ("will reopen
# on", "is set for", "due", "until"), or a page's update stamp (the copied words may be older than the update)
_AHEAD = re.compile(r"\b(?:will|shall|would|due|set|scheduled|expected|planned|plans?|until|till|deadline|next|"
                    r"upcoming|updated|modified)\b|(?:['’]ll)\b|\bby\s*$", re.I)
# a sentence that tells its date as past from a "now" it does not date: a text naming it need not be written near it
_LOOKS_BACK = re.compile(r"\b(?:ago|anniversary|since|remember\w*|recall\w*|(?:years?|months?|weeks?|decades?)\s+"
                         r"(?:after|later|on|since|before))\b", re.I)
_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d-])")
# a day and a month with no year ("On June 12th the council met", "on 12 June"): a reader reads it in the year
# the text is in; one after the latest full date says the text was written after that date
_NO_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)(?!\d)"
                      rf"|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!,?\s+(?:19|20)\d\d)\b", re.I)
_NUMERIC = re.compile(r"(?<![\w/.-])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?![\w/-])")  # 12/06/2024: June 12 or December 6


def _sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence around text[start:end]: (its part before, its part after)."""
    b = max(text.rfind(c, 0, start) for c in ".!?;\n")
    a = min((i for c in ".!?;\n" if (i := text.find(c, end)) != -1), default=len(text))
    return text[b + 1:start], text[end:a]


def _quoted(text: str, start: int) -> bool:
    """Whether position ``start`` is inside a quotation (more “ than ” before it, or an odd count of straight ")."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    return line.count("“") > line.count("”") or line.count('"') % 2 == 1


def _prose(line: str) -> bool:
    """A line of the article's prose ends a sentence; a stamp or a teaser ("Updated 12 June 2031", "Related:
    Harbour floods again, 3 July 2031") does not."""
    return line.rstrip().endswith((".", "!", "?", "”", '"', "’", "'", ")"))


def _dated(text: str) -> tuple[dt.date | None, bool]:
    """(the latest date the text names as past, whether that date dates the writing): dates in a line of prose
    only (:func:`_prose`), none the sentence looks forward to (:data:`_AHEAD`); a numeric date (12/06/2024) read
    by its earlier reading. The latest dates the writing unless it is named in a quotation or in a sentence that
    looks back at it (:data:`_LOOKS_BACK`), or the text names a later year ("© 2031", "in 2025") or a later day without its year ("on June 12th")."""
    best, dates_writing, years = None, False, set()
    pos = 0
    for line in (text or "").split("\n"):
        off, pos = pos, pos + len(line) + 1
        years |= {int(y) for y in _YEAR.findall(line)}
        if not _prose(line):
            continue
        found = [(m, d) for m in _FULL.finditer(line) if (d := _read(m)) is not None]
        for m in _NUMERIC.finditer(line):
            reads = [d for a, b in ((1, 2), (2, 1)) for d in [_try(int(m.group(3)), int(m.group(b)), int(m.group(a)))] if d]
            if reads:
                found.append((m, min(reads)))
        for m, d in found:
            before, after = _sentence(line, m.start(), m.end())
            if _AHEAD.search(before) or _AHEAD.search(after):
                continue
            if best is None or d > best:
                best = d
                dates_writing = not (_quoted(line, m.start()) or _LOOKS_BACK.search(before + after))
    if best is not None and any(y > best.year for y in years):
        dates_writing = False
    for m in _NO_YEAR.finditer(text or "") if best is not None and dates_writing else ():
        g = m.groups()
        d = _try(best.year, _MONTHS[(g[0] or g[3]).lower()], int(g[1] or g[2]))
        if d is not None and d > best and not _AHEAD.search(_sentence(text, m.start(), m.end())[0]):
            dates_writing = False
    return best, dates_writing


def _try(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def latest(text: str) -> dt.date | None:
    """The latest date the text names as past (:func:`_dated`), else None (kept per text: an article is read once
    however many pairs it is in)."""
    return _dated(text)[0]


@functools.lru_cache(maxsize=4096)
def _written_near(text: str) -> bool:
    return _dated(text)[1]


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
        if not _written_near(text_y if gap > 0 else text_x):
            return None, "both undated; the earlier text's latest date need not be when it was written"
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
    elif gap <= -GAP_DAYS and not _written_near(u_text):
        return None, f"the undated text's latest date ({lu}) need not be when it was written (quoted, looked back at, or a later day or year named)"
    elif gap <= -GAP_DAYS:
        sign, how = -1, f"the latest date the undated text names is {lu}, {-gap} days before the other's date {day}"
    else:
        return None, f"the latest date the undated text names ({lu}) is close to the other's date ({day})"
    return (-sign if flip else sign), how
