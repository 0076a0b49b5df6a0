"""When an article was published: a day, and where the article or page gives them, a time of day and
its time zone; and which of two articles came first, saying on what evidence.

Front matter ``published`` is an ISO date (``2023-12-15``) or an ISO date-time with its offset
(``2023-12-15T09:30+08:00``, ``2023-12-15T01:30:00Z``). A time without an offset
(``2023-12-15T09:30``) is kept as written and marked zone-unknown: it is never shifted to another
zone. The day is always the page's own local day as written, never the UTC day.

The articles table carries, beside ``published`` (the day, a timestamp at midnight, as before):

- ``published_time``: the local time of day as written (``"09:30"`` or ``"09:30:15"``), else None;
- ``published_offset``: the time zone's offset (``"+08:00"``; ``Z`` is ``"+00:00"``), else None
  (no time, or a time whose zone the article does not give);
- ``published_precision``: ``"day"``, ``"minute"`` or ``"second"`` (None when undated);
- ``published_utc``: the instant in UTC when time and zone are both known, else NaT.

:func:`order` compares two publication times: by their instants when both are known (time and zone,
compared in UTC, whatever the local days); otherwise by date when the days differ (a zoned time on its
UTC day, :attr:`When.order_day`; a date alone as written); otherwise the order within the day is
unknown and it says why (a date alone and a time on the same day: "same day", no order invented). A time whose zone is unknown never orders two articles of the same day:
offsets span 26 hours, so two local clock times of one day can come in either order.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

PRECISIONS = ("day", "minute", "second")
COLUMNS = ("published_time", "published_offset", "published_precision", "published_utc")
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?")
ZONE_NAME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*\(?([A-Za-z][A-Za-z/_+-]*)\)?")
FORMS = ("YYYY-MM-DD, or a date-time with its time zone's offset such as 2023-12-15T09:30+08:00 "
         "(Z for UTC; without an offset the time is kept as zone-unknown)")


@dataclass(frozen=True)
class When:
    """A publication time: the local ``day``, the local ``time`` of day or None, the zone's ``offset``
    from UTC or None (no time, or a time whose zone is unknown)."""

    day: dt.date
    time: dt.time | None = None
    offset: dt.timedelta | None = None

    @property
    def precision(self) -> str:
        if self.time is None:
            return "day"
        return "second" if self.time.second or self.time.microsecond else "minute"

    @property
    def instant(self) -> pd.Timestamp | None:
        """The moment in UTC, when time and zone are both known."""
        if self.time is None or self.offset is None:
            return None
        local = dt.datetime.combine(self.day, self.time, tzinfo=dt.timezone(self.offset))
        return pd.Timestamp(local.astimezone(dt.timezone.utc))  # in Python first: pandas wraps year 0 round

    @property
    def order_day(self) -> dt.date:
        """The day articles are ordered by: the UTC day of the instant when time and zone are known (23:30
        in New York on the 15th is 04:30 on the 16th in UTC, after 01:00 UTC on the 16th), else the day as
        written (a date alone, or a time whose zone is unknown, is never shifted)."""
        inst = self.instant
        return inst.date() if inst is not None else self.day

    @property
    def clock(self) -> str | None:
        """The local time of day as written: ``09:30`` (or ``09:30:15``)."""
        if self.time is None:
            return None
        return self.time.strftime("%H:%M:%S" if self.precision == "second" else "%H:%M")

    @property
    def zone(self) -> str | None:
        """The offset as ``+08:00`` (None without one)."""
        if self.offset is None:
            return None
        minutes = int(self.offset.total_seconds() // 60)
        sign = "-" if minutes < 0 else "+"
        return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"

    @property
    def label(self) -> str:
        """``2023-12-15``, ``2023-12-15 09:30 +08:00`` or ``2023-12-15 09:30 (time zone unknown)``."""
        out = self.day.isoformat()
        if self.time is None:
            return out
        return f"{out} {self.clock} " + (self.zone if self.offset is not None else "(time zone unknown)")

    def fields(self) -> dict:
        """The articles table's columns for this time (see the module docstring)."""
        return {"published": pd.Timestamp(self.day), "published_time": self.clock, "published_offset": self.zone,
                "published_precision": self.precision, "published_utc": self.instant}


def _offset(text: str | None) -> dt.timedelta | None | bool:
    """The offset of ``Z``, ``+08``, ``+0800`` or ``+08:00``; None when absent; False when impossible."""
    if not text:
        return None
    if text in ("Z", "z"):
        return dt.timedelta(0)
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if minutes >= 60 or hours * 60 + minutes > 14 * 60:
        return False
    return sign * dt.timedelta(hours=hours, minutes=minutes)


def parse(value: Any) -> tuple[When | None, str | None]:
    """``(When or None, None)`` for a valid ``published`` value (None, a date, a date-time, or their ISO
    text), else ``(None, what is wrong)``."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        off = value.utcoffset()
        return When(value.date(), value.time().replace(tzinfo=None), off), None
    if isinstance(value, dt.date):
        return When(value), None
    if not isinstance(value, str):
        return None, f"is {type(value).__name__}, not a date"
    m = ISO.fullmatch(value.strip())
    if not m:
        named = ZONE_NAME.fullmatch(value.strip())
        if named:  # EST, CET, IST (India, Israel or Ireland?), Europe/Paris: names are ambiguous or change with the season
            return None, (f"gives its time zone by name ({named.group(1)}), which presslens does not read "
                          "(names are ambiguous: IST is India, Israel or Ireland; summer time moves them); "
                          "write the offset the name stood for that day, e.g. 2023-12-15T09:30-05:00 for EST")
        return None, "is not a date"
    y, mo, d, hh, mi, ss, zone = m.groups()
    try:
        day = dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None, "is not a date (no such day)"
    if hh is None:
        return When(day), None
    if int(hh) > 23 or int(mi) > 59 or int(ss or 0) > 59:
        return None, "has no such time of day (hours 00-23, minutes and seconds 00-59)"
    off = _offset(zone)
    if off is False:
        return None, "has an impossible time zone offset (offsets run from -12:00 to +14:00)"
    w = When(day, dt.time(int(hh), int(mi), int(ss or 0)), off)
    if off is not None:
        try:
            dt.datetime.combine(day, w.time, tzinfo=dt.timezone(off)).astimezone(dt.timezone.utc)
        except OverflowError:  # 0001-01-01T00:00+14:00 is in year 0 in UTC, 9999-12-31T23:00-12:00 in year 10000
            return None, "falls outside the years 1 to 9999 once set to UTC"
    return w, None


def published_columns(value: Any) -> tuple[dict, str | None]:
    """The articles table's ``published*`` columns for a front-matter value, and the problem (or None)."""
    w, problem = parse(value)
    if w is None:
        return {"published": None, "published_time": None, "published_offset": None, "published_precision": None,
                "published_utc": None}, problem
    return w.fields(), None


def of_row(published, time=None, offset=None) -> When | None:
    """The :class:`When` of an articles-table row (its ``published``, ``published_time``, ``published_offset``)."""
    if published is None or pd.isna(published):
        return None
    day = pd.Timestamp(published).date()
    if not isinstance(time, str) or not time:
        return When(day)
    hh, mm, *ss = (int(x) for x in time.split(":"))
    off = _offset(offset) if isinstance(offset, str) and offset else None
    return When(day, dt.time(hh, mm, ss[0] if ss else 0), off if off is not False else None)


def of_articles(articles: pd.DataFrame, key: str = "id") -> dict:
    """``{article id: When or None}`` from an articles table (a table without the time columns: days only)."""
    n = len(articles)
    times = articles["published_time"] if "published_time" in articles else [None] * n
    offsets = articles["published_offset"] if "published_offset" in articles else [None] * n
    return {a: of_row(p, t, o) for a, p, t, o in zip(articles[key], articles["published"], times, offsets)}


def order(a: When | None, b: When | None) -> tuple[int | None, str]:
    """Which of two publication times is first: ``(-1, how)`` when ``a`` is, ``(1, how)`` when ``b`` is,
    ``(None, why unknown)`` otherwise. ``how`` is ``"by date"`` or ``"by time of day"``."""
    if a is None or b is None:
        return None, "a date is missing"
    ia, ib = a.instant, b.instant
    if ia is not None and ib is not None:
        if ia == ib:
            return None, f"both published at the same moment ({a.label}); order unknown"
        sign = -1 if ia < ib else 1
        by_day = a.day != b.day and (a.day < b.day) == (sign < 0)
        return sign, "by date" if by_day else "by time of day"
    da, db = a.order_day, b.order_day  # a zoned time by its UTC day; a date alone as written
    if da != db:
        return (-1 if da < db else 1), "by date"
    if a.time is None or b.time is None:
        return None, f"both published {da.isoformat()}; order within the day unknown (a time of day is missing)"
    return None, (f"both published {da.isoformat()}; order within the day unknown "
                  "(a time is given without its time zone)")


def label(w: When | None) -> str:
    """``w.label``, or ``no date``."""
    return w.label if w is not None else "no date"
