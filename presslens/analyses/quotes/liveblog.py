"""A live blog's entries, as a reader sees them: a paragraph that opens with a time ("14:05 GMT:",
"2:05 p.m.", "Updated 14:05") starts an entry, and the entries run newest first, so a "he" or "she"
at the head of one has no antecedent in the entry above it (that was written later, about something
else). Only an article with two such time lines or more is a live blog; one "Updated 14:05" line
changes nothing.
"""
from __future__ import annotations

import re

from presslens.text import datelines

# a time at a paragraph's head, alone or before the entry's words: "14:05", "14:05 GMT:", "2:05 p.m. -",
# "Updated 10.30am", "[14:05]"
_ENTRY_TIME = re.compile(r"^\W{0,3}(?:(?:updated?|posted|published)\s*:?\s+(?:at\s+)?)?\d{1,2}[:.h]\d{2}"
                         r"(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|IST|JST|KST|MSK|local time))?"
                         r"\W{0,3}(?:\s*(?:[–—:|-]|\.-)|\s*$)", re.IGNORECASE)


def entry_starts(paragraphs: list[str]) -> list[int] | None:
    """Per paragraph, the index of the paragraph its live-blog entry starts at; None when the article
    is no live blog (fewer than two paragraphs open with a time)."""
    timed = [bool(_ENTRY_TIME.match(p.strip())) for p in paragraphs]
    if sum(timed) < 2:
        return None
    out, start = [], 0
    for i, t in enumerate(timed):
        start = i if t else start
        out.append(start)
    return out


# a line that opens with a clock time and goes on, if at all, after a dash or a bar: a live blog's entry heading
_ENTRY_LINE = re.compile(r"(?i)^\W*(?:(?:updated|posted|published)\s+(?:at\s+)?)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"
                         r"\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)?\s*(?:[—–|-]|$)")


def new_entry(par: str) -> bool:
    """Whether a paragraph without quotes is a live blog's time line ("10:42 GMT", "Updated 11:20 a.m.",
    "11:05 GMT — Globex responds") or a date line on its own ("Monday, 12 May 2024"): an entry starts."""
    return bool(_ENTRY_LINE.match(par)) or datelines.is_timestamp(par.strip())
