"""Statements restated: the words fact discovery compares once numbers, units, dates and a few
reporting words are written one way.

Two articles report one fact in their own forms: "$600 billion" and "600bn dollars", "16.86%" and
"nearly 17 percent", "died" and "was killed". Before
grouping (:mod:`.grouping`), :func:`fact_words` rewrites a sentence so that these meet:

* **amounts**: a number with a scale word or abbreviation (million, bn, trillion, ...) becomes one
  token of the number and the scale (``600bn``, ``1tn``, ``12m``), with or without a currency sign
  or name (the currency is dropped: a story's amounts are in one currency nearly always);
* **percentages**: ``%``, "percent" and "per cent" become ``<n>pct``, the number rounded to a whole
  one, so a precise figure meets its rounded retelling (16.86% = 17 percent; 3.1% = 3%), while
  two different figures (17% vs 12%) stay apart and show as drift;
* **measures**: a mass, length, speed or temperature in any unit becomes one token in the metric
  unit, rounded to two significant figures (``1,935.3 grams`` = ``1.9 kilograms`` = ``1p9kg``;
  ``165 mph`` = ``270 km/h``; °F read as °C), so a conversion a reader would call the same figure
  meets, and a text that gives both units ("130 miles (209 km)") states one figure;
* **figures**: :func:`figures` reads the figures a statement gives by kind (a unit or scale, a date,
  a year, else the word after: ``27 people``), and :func:`disagree` tells grouping that two
  statements give different figures of one kind (27 vs 43 people): two facts, however alike the rest;
* **synonyms**: each row of ``fact_cues.yaml`` ``synonyms`` reads as its first word, a phrase of
  the row as well ("stepped down" = "quit" = "resigned": the same event verb, which a reader reads
  as one fact whatever the subject is called), and the words that round a figure (``approximate``:
  "nearly", "at least") are left out.

Tried and left out (development stories, claims matched 0.53 with neither): number words read as
digits (0.49: "two" and "three" are mostly not the story's figures, and as digits they link
unrelated sentences) and day numbers dropped from dates (0.51: "June 2" and "June 25" are a
landing and a return, and the day is what tells them apart).

The rest is :func:`.features.content` (content words, light stems). :func:`.features.content`
itself is unchanged: it is also what the evaluation compares a claim's words with.
"""
from __future__ import annotations

import functools
import math
import re

from presslens import data
from presslens.analyses.facts import features

SCALES = {"thousand": "k", "k": "k", "million": "m", "millions": "m", "mn": "m", "mln": "m", "m": "m",
          "billion": "bn", "billions": "bn", "bn": "bn", "b": "bn", "trillion": "tn", "trillions": "tn", "tn": "tn",
          "trn": "tn"}
CURRENCY = r"(?:[$€£¥]|(?:us|u\.s\.|a|c|hk)\$|usd|eur|gbp)"
NUM = r"\d+(?:,\d\d(?=(?:,\d\d)*,\d{3}(?!\d)))*(?:[,\u00a0\u202f\u2009]\d{3}(?!\d))*(?:[.,]\d+)?"   # thousands apart by a comma or a no-break space (or grouped in lakhs, "12,34,567"); a decimal point or comma
AMOUNT = re.compile(rf"(?<![\w.]){CURRENCY}?\s?({NUM})(?:\s?(thousand|millions?|billions?|trillions?|mn|mln|bn|trn|tn)|(k|m|b))\b"
                    rf"(?:\s+(?:(?:us|u\.s\.)\s+)?(?:dollars?|euros?|pounds?|yuan|yen|usd|eur|gbp))?", re.IGNORECASE)
PERCENT = re.compile(rf"(?<![\w.])({NUM})\s?(?:%|\s?per\s?cent\b|\s?percent\b|\s?pct\b)", re.IGNORECASE)


# unit words -> (canonical unit, factor to it, offset): a measure in any unit becomes one token in the
# metric unit, rounded to two significant figures, so "1,935.3 grams" = "1.9 kilograms" and
# "165 mph" = "270 km/h" (a text that gives both meets itself); "9.5 km" and "13 km" stay apart
UNITS = {"kg": ("kg", 1.0, 0.0), "kgs": ("kg", 1.0, 0.0), "kilogram": ("kg", 1.0, 0.0), "kilograms": ("kg", 1.0, 0.0),
         "kilo": ("kg", 1.0, 0.0), "kilos": ("kg", 1.0, 0.0), "gram": ("kg", 0.001, 0.0),
         "grams": ("kg", 0.001, 0.0), "lb": ("kg", 0.4536, 0.0), "lbs": ("kg", 0.4536, 0.0),
         "pound": ("kg", 0.4536, 0.0), "pounds": ("kg", 0.4536, 0.0), "tonne": ("t", 1.0, 0.0), "tonnes": ("t", 1.0, 0.0),
         "km": ("km", 1.0, 0.0), "kms": ("km", 1.0, 0.0), "kilometre": ("km", 1.0, 0.0), "kilometres": ("km", 1.0, 0.0),
         "kilometer": ("km", 1.0, 0.0), "kilometers": ("km", 1.0, 0.0), "mile": ("km", 1.609, 0.0),
         "miles": ("km", 1.609, 0.0), "metre": ("mtr", 1.0, 0.0), "metres": ("mtr", 1.0, 0.0), "meter": ("mtr", 1.0, 0.0),
         "meters": ("mtr", 1.0, 0.0), "foot": ("mtr", 0.3048, 0.0), "feet": ("mtr", 0.3048, 0.0), "ft": ("mtr", 0.3048, 0.0),
         "km/h": ("kmh", 1.0, 0.0), "kph": ("kmh", 1.0, 0.0), "kmh": ("kmh", 1.0, 0.0), "mph": ("kmh", 1.609, 0.0),
         "°c": ("degc", 1.0, 0.0), "degrees celsius": ("degc", 1.0, 0.0), "celsius": ("degc", 1.0, 0.0),
         "°f": ("degc", 5 / 9, -32.0), "degrees fahrenheit": ("degc", 5 / 9, -32.0), "fahrenheit": ("degc", 5 / 9, -32.0)}
MEASURE = re.compile(rf"(?<![\w.])({NUM})(?:\s?|-)(%s)(?![\w/])" % "|".join(
    re.escape(u) for u in sorted(UNITS, key=len, reverse=True)), re.IGNORECASE)


def _measure(m: re.Match) -> str:
    unit, factor, offset = UNITS[m.group(2).lower()]
    v = (features.value(m.group(1)) + offset) * factor
    if v:
        v = round(v, 1 - int(math.floor(math.log10(abs(v)))))
    return f" {v:g}{unit} ".replace(".", "p").replace("-", "minus")


@functools.lru_cache(maxsize=1)
def word_map() -> dict:
    """Folded word -> the folded first word of its synonym row, or "" for a word that rounds a
    figure (``fact_cues.yaml``; a row's phrases are read by :func:`phrases`)."""
    c = data.fact_cues()
    syn = {features.fold(w): features.fold(row[0]) for row in c["synonyms"] for w in row if " " not in w}
    syn.update({features.fold(w): "" for w in c["approximate"]})
    return syn


def _amount(m: re.Match) -> str:
    n = features.value(m.group(1))
    return f" {n:g}{SCALES[(m.group(2) or m.group(3)).lower()]} ".replace(".", "p")   # 1.5tn: one token 1p5tn


def _percent(m: re.Match) -> str:
    return f" {int(features.value(m.group(1)) + 0.5)}pct "


@functools.lru_cache(maxsize=1)
def phrases() -> tuple[re.Pattern | None, dict]:
    """The synonym rows' phrases of several words ("stepped down" in the row of "resign"): a pattern
    finding any of them (words apart by any space, any case) and phrase -> its row's first word."""
    to = {" ".join(w.split()): row[0] for row in data.fact_cues()["synonyms"] for w in row if " " in w.strip()}
    if not to:
        return None, {}
    alt = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(to, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alt})(?![\w'’-])", re.IGNORECASE), to


def _phrase(m: re.Match) -> str:
    return phrases()[1][" ".join(m.group(0).lower().split())]


@functools.lru_cache(maxsize=1 << 16)
def canonical(text: str) -> str:
    """``text`` with its amounts and percentages written one way and a synonym row's phrases written
    as its first word (see the module doc); the other words as written."""
    pat = phrases()[0]
    if pat is not None:
        text = pat.sub(_phrase, text)
    if not DIGIT.search(text):        # most sentences give no figure: skip the three patterns
        return text
    return MEASURE.sub(_measure, PERCENT.sub(_percent, AMOUNT.sub(_amount, text)))


FIGURE = re.compile(r"(?<![\w'’.:-])(" + features.FIGURE + r")(?:p(\d+))?([a-z]*)(?![\w:-]|[.,]\d)(?:\s+([^\W\d_]+))?")
DIGIT = re.compile(r"\d")
YEAR = re.compile(r"(?:1[89]|20)\d\d")
MONTH_BEFORE = re.compile(r"\b(?:%s)\.?\s*$" % "|".join(features.MONTHS[:12] + tuple(m[:3] for m in features.MONTHS[:12])),
                          re.IGNORECASE)




@functools.lru_cache(maxsize=1 << 16)
def quantities(text: str) -> frozenset[tuple[str, str]]:
    """The figures of ``text`` that count or measure something, as (kind, value) (:func:`figures`' kinds):
    a figure with a unit or scale, or with a word after it, not a date, a year or a bare number, and not a
    label written after a name ("Category 5", "Clade 1b", "Flight 370": the name's number, not a
    quantity). Two statements giving the same quantity of the same kind say the same thing far more
    often than two sharing a label do."""
    if not DIGIT.search(text):
        return frozenset()
    c = canonical(text)
    out = set()
    for m, (kind, num) in zip(FIGURE.finditer(c), _kinds(c)):
        if kind not in ("date", "year", "n") and not _label(_last_words(c, m.start())):
            out.add((kind, num))
    return frozenset(out)


def _label(before: list[str]) -> bool:
    """Whether a figure after the words ``before`` is a name's number: the word right before it is
    written with a capital ("Category 5", "S&P 500"), and is not a possessive ("Nvidia's 17% slump") nor,
    first in its sentence, a word of the stop list or one that rounds a figure ("Nearly 17 percent")."""
    if not before or not before[-1][:1].isupper() or before[-1].replace("’", "'").endswith("'s"):
        return False
    if len(before) < 2 or before[-2][-1:] in ".!?:":
        low = before[-1].lower()
        return low not in features.cues()["stop"] and word_map().get(features.fold(low)) != ""
    return True


def _last_words(c: str, at: int) -> list[str]:
    """The last two words of ``c[:at]`` (all of them when fewer), read from a window before ``at`` rather than by
    splitting the whole prefix: a sentence of thousands of figures is read in time growing with its length, not its
    square."""
    lo = max(0, at - 300)
    words = c[lo:at].split()
    if lo > 0 and len(words) <= 2:    # a word longer than the window: the window may cut it
        words = c[:at].split()
    return words[-2:]


def _near(c: str, at: int) -> int:
    """Where :data:`MONTH_BEFORE` need start looking for a month ending at ``at`` (the spaces before ``at`` and
    the longest month name with its full stop): the same answer as searching the whole prefix."""
    lo = at
    while lo > 0 and c[lo - 1].isspace():
        lo -= 1
    return max(0, lo - 12)


def _kinds(c: str):
    """Each figure of canonical text ``c`` as (kind, value), in order (see :func:`figures`)."""
    stop = features.cues()["stop"]
    for m in FIGURE.finditer(c):
        num = features.figure(m.group(1)) + (f"p{m.group(2)}" if m.group(2) else "")
        if m.group(3):
            kind = m.group(3)
        elif MONTH_BEFORE.search(c, _near(c, m.start()), m.start()):
            kind = "date"
        elif YEAR.fullmatch(num):
            kind = "year"
        else:
            nxt = (m.group(4) or "").lower()
            kind = features.fold(nxt) if nxt and nxt not in stop else "n"
        yield kind, num


@functools.lru_cache(maxsize=1 << 16)
def figures(text: str) -> dict[str, frozenset]:
    """The figures a statement gives, by the kind of quantity a reader takes them for: the unit or
    scale written with it (``pct``, ``bn``, ...), ``date`` for a day after a month, ``year``, else
    the word that follows (``27 people``: ``people``). A number inside a name or a time (``H800``,
    ``Covid-19``, ``2:07``) is no figure. {kind: values}."""
    if not DIGIT.search(text):
        return {}
    out: dict[str, set] = {}
    for kind, num in _kinds(canonical(text)):
        out.setdefault(kind, set()).add(num)
    return {k: frozenset(v) for k, v in out.items()}


def disagree(a: dict, b: dict) -> bool:
    """Do two statements give different figures for the same kind of quantity (43 dead vs 48 dead,
    4% vs 9%), with no figure of that kind in common? A reader calls those two facts, not one, even
    when every other word is shared; a figure only one of them gives is no disagreement."""
    return any(k in b and not (v & b[k]) for k, v in a.items())


@functools.lru_cache(maxsize=1 << 16)
def fact_words(text: str) -> tuple[str, ...]:
    """The words fact discovery compares: :func:`.features.content` of :func:`canonical` text, each
    synonym read as its row's first word (folded the same way)."""
    syn = word_map()
    out = (syn.get(w, w) for w in features.content(canonical(text)))
    return tuple(w for w in out if w)
