"""A broadcaster's bars above the headline, and lines a page prints twice: furniture a reader tells by
where it stands and by its echo, not by a list of phrases.

- ``station-bar``: above the first paragraph of prose, a short line without a sentence end that carries
  a broadcaster's signs (:func:`station_bars`): what is on air ("On Air Now ...", "Now Playing ...",
  "Listen Live"), a frequency ("92.1 FM"), or a programme's slot (a time range with am/pm, "6:00am -
  10:00am", or a bare range beside the days or part of the day it airs, "Saturdays 10-2", "Nights ...
  6-12"). The line just above the first paragraph (the headline, when nothing else stands between) is
  never taken, nor a line with a quotation or a reporting verb.
- ``doubled-line``: a line that is its own text printed twice ("Boats in the bay,.Boats in the bay,."),
  the single copy of that text within two lines of it, and a caption printed on both sides of its
  credit ("Crews at the pier" / "Harbour FM" / "Crews at the pier") below the headline
  (:func:`doubled_lines`). A headline printed twice at the top stays (the page's title and its heading).
"""
from __future__ import annotations

import re

from .repeats import ANY_END, copy_key, guarded, is_paragraph, n_words

MAX_BAR_WORDS = 16
# what a broadcaster's bar says: on air now, playing now, a live stream
ON_AIR = re.compile(r"\b(?:on[- ]air|now playing|listen live|live radio|live stream)\b", re.I)
# a frequency: "92.1FM", "92.1 FM", "FM 104.5"
FREQUENCY = re.compile(r"\b\d{2,3}\.\d\s?FM\b|\bFM\s?\d{2,3}\.\d\b", re.I)
# a programme's slot as a time range with am/pm: "6:00am - 10:00am", "7-9 p.m."; its first number does not end a date
# or a longer figure ("2024-05-03 PM opens the bridge": a date, then a title in capitals)
SLOT = re.compile(r"\b(?<![\d.:/-])\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*[-–]\s*\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?!\w)", re.I)
# a bare range ("10-2", "10:30-11") counts beside the days or part of the day the programme airs
RANGE = re.compile(r"(?<![\d.:/-])\d{1,2}(?::\d{2})?\s*[-–]\s*\d{1,2}(?::\d{2})?(?![\d.:/-])")
YOU = re.compile(r"\b(?:you|your)\b", re.I)
AIRS = re.compile(r"\b(?:weekdays|weekends|weeknights|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|"
                  r"mornings|afternoons|evenings|nights|overnights|in the (?:morning|afternoon|evening))\b", re.I)


def broadcast_sign(line: str) -> bool:
    """The line carries a broadcaster's sign: on air, a frequency, or a programme's slot."""
    return strong_sign(line) or bool(SLOT.search(line))


def strong_sign(line: str) -> bool:
    """A sign only a broadcaster's bar carries: on air, a frequency, a bare range beside the days it airs. A
    time range alone ("10pm-6am") is also a curfew's or a closure's in a headline: it counts only in a run
    of bars that holds a strong sign or another range."""
    return bool(ON_AIR.search(line) or FREQUENCY.search(line) or (RANGE.search(line) and AIRS.search(line)))


def station_bars(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of a broadcaster's bars and programme taglines above the first paragraph of prose
    (``station-bar``): at most :data:`MAX_BAR_WORDS` words, no sentence end, no prose guard, a
    :func:`broadcast_sign`; the kept line just above the first paragraph stays (the headline). Lines
    already found furniture (``whole``) are left out."""
    text = [s.strip() for s in lines]
    first = next((i for i, s in enumerate(text) if s and i not in whole and is_paragraph(s)), None)
    if first is None:
        return []
    def bar(i: int) -> bool:
        return (bool(text[i]) and i not in whole and n_words(text[i]) <= MAX_BAR_WORDS and not ANY_END.search(text[i])
                and not guarded(text[i]) and broadcast_sign(text[i]))

    kept = [k for k in range(first) if text[k] and k not in whole]
    head = kept[-1] if kept else None     # the headline, unless the bar above it makes it one of a run of bars
    if head is not None and len(kept) > 1 and bar(kept[-2]):
        head = None
    found = [i for i in range(first) if i != head and bar(i)]
    if len(found) == 1 and not strong_sign(text[found[0]]):
        return []     # one time range alone above the story: a headline's hours ("Curfew from 10pm-6am ...")
    return found


def _halves(s: str) -> str | None:
    """The text ``s`` prints twice ("A,.A,." -> "A,."), or None. A sentence said twice with a space between
    ("We will rebuild. We will rebuild.") is a writer's repetition, not a capture's: a page's copy glues
    the second to the first, or the text ends no sentence."""
    mid = len(s) // 2
    for cut in range(max(1, mid - 2), min(len(s), mid + 3)):
        a, b = s[:cut].strip(), s[cut:].strip()
        if a and a == b:
            return None if ANY_END.search(a) and s[len(s[:cut].rstrip()):].startswith((" ", "\t", "\u00a0")) else a
    return None


def doubled_lines(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of lines a page prints twice (``doubled-line``): a line of its own text twice (three
    words or more each), and a line holding that text once within two lines of it; a caption of 4 to 25
    words without a sentence end printed on both sides of one short line (its credit, at most four words),
    when a kept line of prose or a headline stands above the first copy (a headline printed twice at the
    top, around the site's name, stays). The capture's first line printed again on the next, ending a sentence
  and saying "you" or "your" to the reader, is the site's tagline: both copies go. No prose guard may hold on the line."""
    text = [s.strip() for s in lines]
    filled = [i for i, s in enumerate(text) if s]
    out: set[int] = set()
    top = [i for i in filled if i not in whole][:2]
    if (len(top) == 2 and top[1] == top[0] + 1 and text[top[0]] == text[top[1]] and ANY_END.search(text[top[0]])
            and YOU.search(text[top[0]]) and not guarded(text[top[0]])):
        out.update(top)    # the site's tagline to the reader printed twice on the capture's first lines
    for pos, i in enumerate(filled):
        s = text[i]
        if i in whole or guarded(s):
            continue
        half = _halves(s)
        # exactly two copies: a text repeated over and over on one line is no caption printed twice
        if half and n_words(half) >= 3 and not _halves(half):
            out.add(i)
            for k in filled[max(0, pos - 2):pos + 3]:
                if k != i and k not in whole and copy_key(text[k]) == copy_key(half):
                    out.add(k)
            continue
        if pos + 2 >= len(filled) or not 4 <= n_words(s) <= 25 or ANY_END.search(s):
            continue
        mid, j = filled[pos + 1], filled[pos + 2]
        if (mid == i + 1 and j == i + 2 and text[j] == s and j not in whole and n_words(text[mid]) <= 4
                and not is_paragraph(text[mid])
                and any(k not in whole and n_words(text[k]) >= 4 for k in filled[:pos])):
            out.update((i, j))
    return sorted(out)
