"""Photo credits of the shapes :data:`.captions.CREDIT_TAIL` does not read, as a reader tells them: a
credit is names, not a sentence, and stands where a sentence cannot go on (issue 25).

- a credit line alone: capitalised names apart by "/" or ";", "via" or "Image via" before them, no
  sentence end ("Jane Roe/Harbour Images; Stockfoto", "Image via Getty/Jane Roe/Stringer", "via FAA/X");
- after a caption's full stop, a source and its distributor apart by "/" with no sentence end after
  them ("... evacuate. Harbour TV/north2south news"; the space after the full stop may be lost);
- a credit in brackets opening with a name, holding a comma and a slash and ending on an agency, an
  agency's capitals or "Photo" ("(Jane Roe, Harbour Pool Photo/AP Photo)", "(Jane Roe, Harbour Wire/HNS)");
  a bracketed photo label ("[Photo/Agencies]");
- "©" and a name at the end of a line ("... on fire © Jane Roe; Harbour News");
- an agency's name in capitals closing a line with no sentence end at all ("... causing it to
  collapse AFP").

:func:`credited` says which lines are a caption with such a credit (rule ``credit-caption``: the credit
alone, or one sentence before it, at most sixty words, and not reading as reporting: the prose guard)
and which paragraphs only carry one glued to their end (cut off, the paragraph kept: ``glued-credit``,
also for a line that reads as reporting).
"""
from __future__ import annotations

import re

from presslens import data as data_files

from .captions import AGENCY, sentence_ends
from .repeats import ANY_END, guarded, n_words

NAME = r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}"
CREDIT_LINE = re.compile(r"^\s*(?P<via>(?i:(?:image|photo|picture|video)\s+)?(?i:via)\s+)?%s(?:\s*[/;]\s*%s){1,3}\s*$" % (NAME, NAME))
AGENCY_NAME = re.compile(r"(?<!\w)%s(?!\w)" % AGENCY)
# an agency in capitals (AFP, AP, EPA, REUTERS): what an unended caption may close on
CAPS_AGENCY = "(?-i:" + "|".join(re.escape(n) for n in data_files.credit_names() if n.isupper() and len(n) >= 2) + ")"
TAILS = (
    # source/distributor after a full stop: "... evacuate. Harbour TV/north2south news"
    r"(?<=[a-z\d)][.…])\s?(?!(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|in|on|at|for|and|but)\b)"
    r"(?-i:[A-Z])[\w.'’&-]*(?:\s+[\w.'’&-]+){0,2}\s*/\s*[\w.'’&-]+(?:\s+[\w.'’&-]+){0,1}",
    # bracketed credit with a comma and a slash, ending on an agency or Photo
    r"\((?-i:[A-Z])[\w.'’-]*(?:\s+[\w.'’-]+){0,3},[^()]{1,80}/\s*(?:(?:%s)(?:\s+Photo)?|(?-i:[A-Z]{2,6})|[\w.'’&-]+\s+Photo)\)" % AGENCY,
    # bracketed photo label
    r"\[\s*(?:photo|image|picture|video)s?\s*(?:/\s*[^\]]{1,40})?\]",
    # copyright sign and a name
    r"(?<=\S)\s+©\s*(?-i:[A-Z])[^©.!?():]{1,60}",
)
CREDIT_END = re.compile(r"(?:%s)\s*$" % "|".join(TAILS), re.I)
# words after which an agency's name belongs to the sentence
GRAMMAR = frozenset("the a an to with by from at of for and or told tells said says via on in as".split())
CAPS_END = re.compile(r"(?<=[a-z,])\s+%s\s*$" % CAPS_AGENCY)


def credited(lines: list[str], whole: dict[int, str]) -> tuple[dict[int, str], dict[int, str]]:
    """({line index: "credit-caption"} for captions and credit lines, {line index: credit to cut} for
    paragraphs with a credit glued to their end), among the lines not in ``whole``."""
    out: dict[int, str] = {}
    cuts: dict[int, str] = {}
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or i in whole or n_words(s) > 150:
            continue
        line_m = CREDIT_LINE.match(s)
        if line_m and (line_m.group("via") or AGENCY_NAME.search(s)) and not guarded(s) and n_words(s) <= 10:
            out[i] = "credit-caption"
            continue
        m = CREDIT_END.search(s)
        if m is None and not ANY_END.search(s):
            m = CAPS_END.search(s)
            before = s[:m.start()].split()[-1:] if m else []
            if before and before[0].casefold().strip(",") in GRAMMAR:
                m = None    # "... told AFP", "... at the AFP": the agency is the sentence's, not a credit
        if m is None:
            continue
        head = s[:m.start()].rstrip()
        if head and (n_words(head) < 3 or not head[:1].isupper()):
            continue    # a list's item ("1. Pharmacy/Retail", "- Contents: 0.75 l"), not a caption
        if not head:
            out[i] = "credit-caption"
        elif not guarded(head) and len(sentence_ends(head)) <= 1 and n_words(head) <= 60:
            out[i] = "credit-caption"
        elif len(sentence_ends(head)) >= 1:
            cuts[i] = s[m.start():].strip()
    return out, cuts


MEDIA_KINDS = ("(photo)", "(image)", "(video)")


def caption_above(lines: list[str], whole: dict[int, str], media_below: set[int], open_above: set[int],
                  opening: int) -> dict[int, str]:
    """{line index: "caption-above"}: the caption or video title printed just above its picture's credit
    or its video's running time, as a reader pairs them ("Travellers wait at the harbour" over "Image via
    Harbour Images/Jane Roe"). ``media_below``: the indices of lines whose next line (no blank line
    between) was removed as a photo credit, caption or video card; ``open_above``: the indices of lines
    with a blank line, removed furniture or nothing just above. The line has 2 to 15 words, at most one
    sentence end (at its end), no prose guard, stands below a blank line or removed furniture (in a
    capture without blank lines a short paragraph may stand above a credit), and is not the text's first
    line ``opening`` (a headline above its picture's credit)."""
    out: dict[int, str] = {}
    for i in sorted(media_below):
        s = lines[i].strip() if 0 <= i < len(lines) else ""
        if not s or i in whole or i == opening or not 2 <= n_words(s) <= 15 or guarded(s):
            continue
        ends = sentence_ends(s)
        if len(ends) > 1 or (ends and ends[0] < len(s.rstrip()) - 3):
            continue
        if i not in open_above and (i - 1) not in whole:
            continue
        out[i] = "caption-above"
    return out
