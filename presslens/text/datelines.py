"""Date and metadata lines of a page, by their shape: a date or time with at most three other words
("Updated 2024.03.12 08:15 GMT+8", "Jane Roe Published May 03, 2024 | 09:49 PM"), and a metadata line of
fields apart by "|" or "•", one a date. Split from :mod:`.shape` (rule ``timestamp-line``), which
re-exports every name here.
"""
from __future__ import annotations

import re

from .captions import MONTH, WEEKDAY
from .repeats import ANY_END, n_words

# the words a date and time line is made of: "Updated 2024.03.12 08:15 GMT+8", "Tuesday, March 12, 2024"
DATE_WORD = re.compile(r"^(?:%s|%s|mon|tue|wed|thu|fri|sat|sun|\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ap]\.?m\.?)?|[ap]\.?m\.?|"
                       r"gmt|utc|est|edt|pst|pdt|cet|cest|bst|ist|jst|hkt|aest|aedt|awst|nzst|nzdt|et|pt|published|updated|posted|modified|"
                       r"release|date|last|first|on|at|time|ago|just|now|today|yesterday|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?|[mhd]|"
                       r"\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})$" % (MONTH, WEEKDAY), re.I)
# a time zone after a time: "15.12 EST" (a time written with a dot reads as one only beside its zone or "am"/"pm")
ZONE = r"(?:GMT|UTC|EST|EDT|PST|PDT|CET|CEST|BST|IST|JST|HKT|AEST|AEDT|AWST|NZST|NZDT)"
# a time given as how long ago: "Updated 3 hours ago", "5 mins ago", "2h ago"
AGO = r"(?:\d{1,3}|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\s+ago\b"
HAS_DATE = re.compile(AGO + r"|\b(?:%s\W+(?:%s\W+)?\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}(?:st|nd|rd|th)?\s+%s|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}:\d{2}|\d{1,2}\.\d{2}\s?(?:[ap]\.?m\b|%s\b))" % (MONTH, WEEKDAY, MONTH, ZONE), re.I)
# a metadata line's fields and what they hold (see is_meta_line)
META_SPLIT = re.compile(r"\s*[|•·]\s*")
DASH_SPLIT = re.compile(r"\s[-–—]\s")     # fields apart by a dash, when one of them is labelled ("Credit: X - Duration: 0:55")
GLUED_TIME = re.compile(r"(?<=\d)(?=[A-Z][a-z])")   # a time run into the field after it ("13:16Harbour Wire")
CJK_DATE = re.compile(r"\d{1,4}\s*[年月]\s*\d{1,2}\s*[月日]")
DATE_FREE = re.compile(r"\d{1,4}\s*[年月日]|\d{1,4}[./:-]\d{1,2}(?:[./:-]\d{1,4})*|%s|%s|\b\d{1,4}\b" % (MONTH, WEEKDAY), re.I)
LABELLED = re.compile(r"^[^\W\d_][^:：]{0,15}[:：]\s*[^.!?]{0,60}$")
# where a labelled field opens: a capitalised label of one or two words and a colon ("News date : ")
FIELD_START = re.compile(r"(?:^|(?<=\s))[A-Z][^\W\d_]{1,15}(?:\s[a-z][^\W\d_]{1,15})?\s?[:：]\s")
NAMES = re.compile(r"^(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:\s*,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})*$")


def is_meta_line(line: str) -> bool:
    """A page's metadata line: fields apart by "|" or "•" (or labelled fields one after the other,
    "Date : 04/21/2031 Category : Press Releases", a date or time before them, "2031-04-21 13:16 Harbour
    Wire Editor: Li Wei", or fields apart by dashes when one is labelled, "Video Credit: Harbour TV -
    Duration: 00:55s - Published"), one a date or time, every other a labelled
    field ("Source: Harbour Post", "Editor:") or a list of names ("Jane Roe, Li Wei"):
    "Published: 2024-06-26 09:00 | Source: Harbour Post | Author: | Editor: Li Wei"."""
    line = GLUED_TIME.sub(" ", line)
    parts = [p.strip() for p in META_SPLIT.split(line) if p.strip()]
    if len(parts) == 1 and ":" in line and len(dashed := [p.strip() for p in DASH_SPLIT.split(line) if p.strip()]) > 1 \
            and any(LABELLED.match(p) for p in dashed):
        parts = dashed       # fields apart by dashes, one of them labelled
    if len(parts) == 1 and FIELD_START.search(line):   # labelled fields one after the other, no bar between
        starts = [m.start() for m in FIELD_START.finditer(line)]
        starts = ([0] if starts[0] > 0 else []) + starts    # a date or time before the first label
        parts = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)])]
    if len(parts) < 2 or n_words(line) > 40 or ANY_END.search(line):
        return False
    dated = [p for p in parts if HAS_DATE.search(p) or CJK_DATE.search(p)]
    if not dated:
        return False
    for p in parts:
        if p in dated and n_words(DATE_FREE.sub(" ", p)) <= 3:
            continue
        if not (LABELLED.match(p) or NAMES.match(p)):
            return False
    return True


def is_timestamp(line: str) -> bool:
    """A date or time line, with at most three other words (a name, "Release", a source):
    "12 March 2024 Tuesday 08:15", "Jane Roe Published May 03, 2024 | 09:49 PM"."""
    if not HAS_DATE.search(line) or n_words(line) > 20:
        return False
    words = re.findall(r"[^\s,|•·()\[\]–—-]+", line.replace("+", " "))
    other = [w for w in words if not DATE_WORD.match(w.strip(".:")) and any(ch.isalnum() for ch in w)]
    return len(other) <= 3 and len(other) < len(words) / 2
