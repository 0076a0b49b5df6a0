"""Lines that belong together: a sentence its links broke across lines, as a reader joins them (see
:func:`split_sentence`), and the words a sentence cannot end on; short lines that are prose by where they
stand (:func:`prose_lines`: a dateline above the lede, a line introducing a quotation) and a last line the
capture cut inside a word (:func:`cut_mid_word`). Split from :mod:`.shape`, which uses and
re-exports every name here.
"""
from __future__ import annotations

import functools
import re

from .mtsignals import zipf
from .repeats import LINE_MEMO, SENT_END, is_paragraph, n_words
from .vocabulary import PAGE_LABELS, SAYING_VERBS
# OPEN_END: a line that stops on a word a sentence cannot end on (a paragraph split mid-sentence); _wrapped:
# the lines a fixed-width wrap broke; both read by segment's paragraph joiner too (wraps.py)
from .wraps import OPEN_END, wrapped_lines as _wrapped  # noqa: F401

# a line ending in a comma, a word or more before it: the sentence goes on below ("From our correspondent in
# Port Selby," above the paragraph it opens); a list's item or a menu ends on no comma
COMMA_END = re.compile(r"[^\W\d_][\w'’)]*\s*,\s*$")


def comma_end(line: str) -> bool:
    """:data:`COMMA_END`, searched only in a line that ends on a comma (the search alone takes time growing with the
    square of a long run of letters: a 200 KB paragraph of Chinese, or any text without spaces, took minutes)."""
    return line.rstrip().endswith(",") and bool(COMMA_END.search(line))
TRUNCATED = re.compile(r"\s(?:\.{2,}|…)\s*$")   # a link's title cut short with " .." or " …"
TRAILING_SYMBOLS = re.compile(r"[\s\u2600-\u27bf\U0001F000-\U0001FAFF\ufe0f]+$")    # emoji after a full stop
# a line that goes on from the line above: lower case, or a comma, full stop, closing bracket or "'s" first,
# or a closing quotation mark and then a comma or a lower-case word ("”, is a call that circulated ...": the
# quotation above it, set on a line of its own, is part of this sentence)
GOES_ON = re.compile(r"^\s*(?:[a-z]|[,;:.)\]]|['’]s\b|[”»]\s*(?:[,;:.]|[a-z])|\"\s*[,;:.])")


def split_sentence(text: list[str]) -> set[int]:
    """The lines of a sentence broken across lines by its links ("In the first" / "damage report" / "on" /
    "Harbourland" / "'s northern coast ..." / ", officials said ..."), as a reader joins them: each line
    goes on into the next (the line has no sentence end and the next starts in lower case or with a
    comma, a full stop, a closing bracket, "'s" or a closing quotation mark and a comma; or the line stops on a word a sentence cannot end on,
    "on", "the", or on a comma), and the run holds a paragraph of prose. A line after a sentence's end starts a line of
    its own ("storm", a tag; "ePaper"). A run whose lines, joined, make a paragraph is one too (a release
    wrapped at a fixed width, "Harbour Police are" / "appealing for" / "a" / "witness ... last" / "night.").
    A line a fixed-width wrap broke goes on into the next too (:func:`_wrapped`). Such lines are prose: the
    rules by position and length leave them."""
    idx = [i for i, s in enumerate(text) if s]
    out: set[int] = set()
    wrapped = _wrapped(text)
    run = idx[:1]
    for a, b in zip(idx, idx[1:] + [None]):
        ended = _ended(text[a])
        if b is not None and ((GOES_ON.match(text[b]) and not ended) or _held_open(text[a])
                              or (a in wrapped and b == a + 1 and not ended)):
            run.append(b)
            continue
        if len(run) >= 2 and (any(is_paragraph(text[k]) for k in run) or is_paragraph(" ".join(text[k] for k in run))):
            out.update(run)
        run = [b] if b is not None else []
    return out | first_word_lines(text)


# the fewest words of the line below that a paragraph's first word, set on a line of its own, opens
OPENED_WORDS = 6


def first_word_lines(text: list[str]) -> set[int]:
    """A paragraph's first word set on a line of its own ("The" / "execution of any sentence shall not be
    ..."; a styled first word or a drop cap's word in a capture): a line that is one word a sentence cannot
    end on (:data:`OPEN_END`, any case), the line just below it starting in lower case with at least
    ``OPENED_WORDS`` words. A reader reads the two as one sentence: both lines are prose, even where the
    sentence runs on past the capture's end (no sentence end for :func:`split_sentence` to find)."""
    out: set[int] = set()
    for i in range(len(text) - 1):
        s, nxt = text[i], text[i + 1]
        if s and " " not in s.strip() and OPEN_END.search(s) and nxt[:1].islower() and len(nxt.split()) >= OPENED_WORDS:
            out.update((i, i + 1))
    return out


# what :func:`split_sentence` asks of each line are pure functions of its text: the last lines' answers are kept
# (a site's template lines and a wire's paragraphs come back article after article; issue 20)
@functools.lru_cache(maxsize=LINE_MEMO)
def _ended(line: str) -> bool:
    """The line ends a sentence (not a link's title cut short with " .." or " …")."""
    return bool(SENT_END.search(line)) and not TRUNCATED.search(line)


@functools.lru_cache(maxsize=LINE_MEMO)
def _held_open(line: str) -> bool:
    """The line stops on a word a sentence cannot end on (:data:`OPEN_END`) or on a comma (:func:`comma_end`)."""
    return bool(OPEN_END.search(line)) or comma_end(line)


# an agency's sign-off in capitals after a paragraph's last sentence: "... at the port. -HNA", "... on Monday. – HNA"
SIGN_OFF = re.compile(r"(?<=[.!?”\"’])\s+[-–—]\s?[A-Z]{2,8}\s*$")


def is_sentence_line(line: str) -> bool:
    """Ends like a sentence, emoji after its full stop allowed ("... reach for the stars. 🌟"), or an agency's
    sign-off after it (:data:`SIGN_OFF`); a link's
    title cut short with " .." or " …" does not."""
    line = TRAILING_SYMBOLS.sub("", line) if line[-1:] > "\u2600" else line
    line = SIGN_OFF.sub("", line)     # an agency's sign-off after the last sentence ("... at Matungu. -HNA")
    return bool(SENT_END.search(line)) and not TRUNCATED.search(line)


# a subhead asked as a question without its mark ("What is known about the closures"): a caption never opens so
QUESTION_HEAD = re.compile(r"^(?:what|how|why|who|where|when|which|whose)\s", re.I)
# a dateline alone on a line, in capitals ("PORT SELBY", "ST. SELBY -"); a line introducing what it quotes ("... reports:")
DATELINE = re.compile(r"^(?-i:[A-Z][A-Z'’.-]+(?:[ ,]+[A-Z][A-Z'’.-]*){0,2})\s*[-–—:]?$")
QUOTE_INTRO = re.compile(r"^(?:\S+\s+){1,6}(\w+)\s*:$")


def prose_lines(text: list[str], first: int) -> set[int]:
    """Short lines a reader takes as prose by where they stand: the lede's dateline alone on the line
    above it, in capitals ("GENEVA" above "The Harbour Port Authority said ..."; not a page's label in
    capitals, "WORLD", "BREAKING", :data:`.vocabulary.PAGE_LABELS`), and a line ending in a colon whose last
    word is a saying verb ("The Harbour Post reports:"), which introduces the paragraph it quotes."""
    out: set[int] = set()
    above = next((k for k in range(first - 1, -1, -1) if text[k]), None)
    if above is not None and DATELINE.match(text[above]) and n_words(text[above]) <= 3:
        words = re.findall(r"[^\W\d_][\w'’-]*", text[above].casefold())
        if words and not any(w in PAGE_LABELS for w in words):
            out.add(above)
    for k, s in enumerate(text):
        m = QUOTE_INTRO.match(s) if s.endswith(":") else None
        if m and m.group(1).casefold() in SAYING_VERBS and n_words(s) >= 3:
            out.add(k)
    return out


def cut_mid_word(line: str) -> bool:
    """The capture's last line stops inside a word ("... the detention and interro"): its last word, in
    lower case, is no English word (wordfreq), or a single letter other than "a" and "i" after six
    words or more ("... Tuesday, Delta h"), so the capture cut a paragraph short, which is prose."""
    if re.search(r"[\w,;]\s+[b-hj-z]\s*$", line) and len(line.split()) >= 6:
        return True    # a single letter left of the last word ("... Tuesday, Delta h"): no word but "a" and "I"
    m = re.search(r"(?<![\w'’-])([a-z]{3,})\s*$", line)
    return bool(m) and zipf(m.group(1), "en") < 1.0
