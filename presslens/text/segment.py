"""Text processing, done once per story and cached: cleaning, paragraphs, quote spans, sentences, tokens.

``process(story)`` returns a :class:`Processed` holding three tidy tables:

- ``sentences``: one row per sentence (article, outlet, part = title/lede/body, position, text, quote spans)
- ``tokens``: one row per word token (sentence, lower-cased token, character offsets, inside quotes or not)
- ``removed``: what the cleaner removed, line by line, with the rule that removed it

Quotation marks are resolved per paragraph, before sentences are split, so that a quote running over
several sentences is still a quote and a sentence ending inside a quote ("... for good.”) ends after
the closing mark. Results are cached in memory and on disk (``.cache/presslens``), keyed by the
story's input hashes and this module's source, so every notebook of a run reuses the same tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from presslens import words

from . import furniture
from .vocabulary import TITLE_ABBREVIATIONS
from .wraps import reads_through, wrapped_lines


TERMINAL = re.compile(r"[.!?…:;\"”’')\]。！？．」』）]\s*$")


def paragraphs(text: str) -> list[str]:
    """Paragraphs of cleaned text: one per non-blank line, except that a line ending mid-sentence is
    joined to the next when that line starts in lower case, or when the break is a hard wrap a reader
    reads through (hard-wrapped captures, see :func:`paragraph_blocks`)."""
    return [p for p, _ in paragraph_blocks(text)]


BLOCK_MARK = re.compile(r"^\s*>\s?")  # a markdown block quote
INDENT = re.compile(r"^(?: {4,}|\t)\S")  # an indented paragraph (set apart as a quotation)
STATEMENT_INTRO = re.compile(r"\b(?:said|says|statement|wrote|writes|read|reads|added|announced|posted|tweeted|"
                             r"declared|explained|stated)\b[^.!?\"“”]{0,80}:\s*$", re.I)


def paragraph_blocks(text: str) -> list[tuple[str, bool]]:
    """:func:`paragraphs`, each with whether it is a block quotation: a markdown ``>`` paragraph, an
    indented one, or a paragraph without quotation marks set apart after an introduction ending in a
    colon ("... said in a statement:"). A block quotation is the quoted party's words, not narration."""
    out: list[list] = []
    every = text.split("\n")
    lines = [ln for ln in every if ln.strip()]
    indented = sum(1 for ln in lines if INDENT.match(ln)) * 2 < len(lines)  # a capture indented throughout sets nothing apart
    wrapped = wrapped_lines([ln.strip() for ln in every])
    above = -2     # the index of the last line kept, -2 before the first
    for i, line in enumerate(every):
        s = line.strip()
        if not s:
            continue
        block = bool(BLOCK_MARK.match(line) or (indented and INDENT.match(line)))
        if block and BLOCK_MARK.match(line):
            s = BLOCK_MARK.sub("", line).strip()
            if not s:
                continue
        through = above == i - 1 and reads_through(every[above].strip(), above, wrapped)
        above = i
        if out and not TERMINAL.search(out[-1][0]) and (s[0].islower() or through) and out[-1][1] == block:
            out[-1][0] = out[-1][0] + " " + s
            continue
        intro = bool(out) and STATEMENT_INTRO.search(out[-1][0]) is not None
        if intro and not any(ch in s for ch in '"“”'):
            block = True
        out.append([s, block])
    return [(p, b) for p, b in out]


# ----------------------------------------------------------------------------------------------
# quotation marks


@dataclass(frozen=True)
class Quotes:
    spans: list[tuple[int, int]]  # character ranges of quoted text (marks excluded)
    role: dict[int, str]  # position of each quotation mark -> "open" | "close"
    unclosed: int | None = None  # where a quote left open at the paragraph's end starts, if one is
    nested: tuple = ()  # quotes inside a quoted stretch ('“She told me, ‘We will not sell,’ and left.”'): theirs


_QUOTE_CHARS = re.compile("[“”\"‘’'„«»「」『』]")
_OPENERS = "“„«「『"  # double marks that open a quote (« » and 「 」 of French, Russian and East Asian text)
_CLOSERS = "”»」』"
# an attribution ending the text of a quote whose closing mark is missing ('“We were lucky, Ruiz said. “...'):
# the quote ended at its comma
_LOST_CLOSE = re.compile(r",\s+(?:[^,.!?“”\"]{1,60}\s+)?(?:said|says|added|adds|told|tells|wrote|stated|noted|explained)"
                         r"(?:\s+[^,.!?“”\"]{1,40})?[.,]\s*$")


def quote_spans(par: str) -> Quotes:
    """Find what is inside quotation marks in one paragraph.

    Curly double marks pair by direction (and so do « », 「 」, 『 』, and „ with the “ or ” that closes
    it), straight double marks alternate; single marks (‘ ’ ') open only after a space or the start
    and close only before a non-letter, so apostrophes (ByteDance’s, don't) are never taken for
    quotes. A “ glued to the end of a word and followed by no letter closes ("resign“."). An opening
    mark while a quote is open after a sentence's end is a new quote: the one before lost its closing
    mark (at the comma before its attribution when it has one: '“We were lucky, Ruiz said. “We ...').
    A ” with no quote open, after a space or at the start and before a word, opens (”...”: one shape for
    both ends, as Swedish and Finnish print it); "'s" or "'t" after a space is the end of a word cut
    off its start, never an opening mark; nor are the elisions "'80s" and "rock 'n' roll", nor a " after a
    digit (inches, seconds). A quote of another family inside the open one is nested, its closing mark
    ends only it (« ... “...” ... », ‘ ... “...” ... ’: New Hart's Rules and the European pages); »...« pairs
    as German and Danish pages print it. A closing mark with no quote open, the paragraph's first mark,
    followed by an attribution, closes a quote whose opening mark was lost ('We will rebuild,” Ruiz said.'):
    it ran from the paragraph's start. A quote still open at the paragraph's end runs to its end (the news
    convention for quotes continued in the next paragraph), unless its text ends with an attribution
    ('“We will rebuild, Ruiz said.'): then it lost its closing mark at that comma.
    """
    role: dict[int, str] = {}
    spans: list[tuple[int, int]] = []
    dbl: int | None = None  # start of content of the open double quote
    sgl: int | None = None
    inner: str | None = None  # the closing marks of a quote of another family nested in the open double one
    inner_at = 0  # where its text starts
    n = len(par)
    for m in _QUOTE_CHARS.finditer(par):  # only the quotation marks and apostrophes matter
        i, ch = m.start(), m.group(0)
        prev = par[i - 1] if i > 0 else " "
        nxt = par[i + 1] if i + 1 < n else " "
        if ch == "“" and dbl is not None and par[dbl - 1:dbl] == "„":
            ch = "”"  # „...“: the German and Polish pair
        elif ch == "«" and dbl is not None and par[dbl - 1:dbl] == "»":
            ch = "»"  # »...«: the German, Danish and Swedish pair closes with «
        elif ch == "»" and dbl is None and (prev.isspace() or prev in ":([—–-") and nxt.isalnum() and \
                "«" in par[i + 1:i + 600]:
            ch = "«"  # '»We will rebuild«, Ruiz said': » opens when a « closes it later
        elif ch == "“" and not prev.isspace() and i > 0 and not nxt.isalnum():
            if dbl is None:
                continue  # 'resign“.' with no quote open here: a closing mark of the wrong shape, closing nothing
            ch = "”"  # 'I will not resign“.': a closing mark of the wrong shape
        elif ch == "”" and dbl is None and (prev.isspace() or prev in ":([—–-") and (nxt.isalnum() or nxt in "‘'"):
            ch = "“"  # '”We will rebuild,” Ruiz said': one shape for both marks (as Swedish and Finnish print them)
        elif ch == "”" and dbl is None and prev.isspace() and nxt == " " and par[i + 2:i + 3].isupper() and \
                re.search(r"[.!?]\S?\s*$", par[max(0, i - 4):i]) and "”" in par[i + 2:i + 400]:
            ch = "“"  # 'Ruiz said. ” The quay will reopen.”': after a sentence, a closing mark opens the next quote
        if ch in '”"' and dbl is None and not role and prev in ",.!?" and _TAG_AFTER.match(par, i + 1) and \
                par.rfind('"') <= i:
            spans.append((len(par) - len(par.lstrip()), i))  # 'We will rebuild,” Ruiz said.': the opening mark
            role[i] = "close"  # was lost, the quote ran from the paragraph's start to its closing mark
            continue
        if ch == '"' and dbl is None and prev.isdigit():
            continue  # '14" wide', '6" thick': an inch or seconds mark after a digit, never an opening quotation mark
        if ch in _OPENERS or (ch == '"' and dbl is None):
            if dbl is None:
                dbl = i + 1
                role[i] = "open"
            elif ch != '"' and prev.isspace() and re.search(r"[.!?…][”\"’']?\s*$",
                                                            par[max(dbl, _text_end(par, i) - 2):i]):
                lost = _LOST_CLOSE.search(par, dbl, i)
                end = lost.start() + 1 if lost else _text_end(par, i)
                spans.append((dbl, end))  # the quote before lost its closing mark
                dbl = i + 1
                role[i] = "open"
                sgl = inner = None
            elif inner is None and ch in _INNER and _INNER[ch] != _INNER.get(par[dbl - 1]):
                inner, inner_at = _INNER[ch], i + 1  # '« He said “never” and left »': another family's quote
                role[i] = "open"  # inside the open one
        elif ch in _CLOSERS or ch == '"':
            if inner is not None and ch in inner:
                spans.append((inner_at, i))  # the nested quote closes (listed in .nested), the outer one stays open
                inner = None
                role[i] = "close"
            elif dbl is not None:
                spans.append((dbl, i))
                role[i] = "close"
                if sgl is not None and (sgl > dbl or not _SINGLE_CLOSE.search(par, i + 1, i + LOOK_AHEAD)):
                    sgl = None  # a single quote left open inside a double one ends with it
                dbl = inner = None  # (a single one around it, '‘He called it “a disgrace”, and ...’', goes on)
        elif ch in "‘'" and sgl is None and (prev.isspace() or prev in "([“\"—-") and (nxt.isalnum() or nxt in "“\"") \
                and not _CLITIC.match(par, i + 1):
            sgl = i + 1
            role[i] = "open"
        elif ch in "’'" and sgl is not None and not nxt.isalnum():
            spans.append((sgl, i))
            role[i] = "close"
            sgl = None
    lost = _LOST_CLOSE.search(par, dbl) if dbl is not None else None
    if lost:  # '“We will rebuild the pier, Ruiz said.' ending the paragraph: the quote ended at its comma
        spans.append((dbl, lost.start() + 1))
        dbl = None
    open_starts = [s for s in (dbl, sgl) if s is not None]
    for start in open_starts:
        spans.append((start, n))
    return Quotes(_merge(spans), role, min(open_starts) if open_starts else None, _nested(spans))


# the marks that close a quote each double opening mark opens: a quote of another family inside an open one is
# nested (New Hart's Rules and the European pages: « ... “...” ... », „ ... »...« ... “)
_INNER = {"“": "”", "„": "“”", "«": "»", "「": "」", "『": "』"}
# a single mark that can close a quote: after a word or a mark, before no letter
_SINGLE_CLOSE = re.compile(r"(?<=[^\s‘'])[’'](?![^\W\d_])")


# an attribution right after a closing mark: "Ruiz said", "said Ana Ruiz", "she added"
_TAG_AFTER = re.compile(r"\s+(?:(?:[A-Z][\w’'.-]*\s+){1,4}|(?:he|she|they|it)\s+)?(?:said|says|added|adds|told|tells|wrote|"
                        r"stated|noted|explained)\b")


# the end of a word cut from its start ("'s report on ...", a line broken after a linked name; "'t", "'ll"),
# and the elisions that open a word: a decade ("the '80s", "’90s") and rock 'n' roll
_CLITIC = re.compile(r"(?:s|t|d|ll|re|ve|m|\d0s|n['’])(?![\w’'-])")


def _text_end(par: str, i: int) -> int:
    """Where ``par[:i]`` ends without its trailing spaces (``len(par[:i].rstrip())``, without the copy)."""
    while i > 0 and par[i - 1].isspace():
        i -= 1
    return i


def _nested(spans: list[tuple[int, int]]) -> tuple:
    """The spans inside another one (one sweep over the sorted spans: linear after the sort)."""
    out, reach = [], -1
    for s, e in sorted(set(spans), key=lambda t: (t[0], -t[1])):
        if e <= reach and e > s:
            out.append((s, e))
        reach = max(reach, e)
    return tuple(out)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        elif e > s:
            out.append((s, e))
    return out


# ----------------------------------------------------------------------------------------------
# sentences

NEVER_FINAL = {"messrs", "mt", "ft", "vs", "v", "e.g", "i.e", "cf", "approx", "no", "nos", "vol", "pp", "fig"} | \
    {t.lower() for t in TITLE_ABBREVIATIONS if t != "St"}
SOMETIMES_FINAL = {"inc", "corp", "ltd", "co", "plc", "llc", "jr", "sr", "st", "etc", "jan", "feb", "mar", "apr",
                   "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave", "blvd", "dept", "est", "a.m", "p.m"}
STARTERS = {"the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those",
            "there", "in", "on", "at", "but", "and", "or", "so", "yet", "if", "when", "while", "as", "after", "before",
            "however", "meanwhile", "his", "her", "their", "our", "my", "what", "why", "how", "who", "for", "to", "by",
            "with", "from", "also", "still", "then", "now", "last", "according"}
BOUNDARY = re.compile(r"[.!?…]+|[。！？．]+")
CJK_END = "。！？．"      # full-width sentence ends (Chinese, Japanese): a sentence ends there, no space follows
CLOSERS = "”)]」』）】"
REPORTING = r"(?:said|says|added|adds|told|tells|wrote|writes|noted|notes|stated|states|explained|continued|argued|insisted|claimed)"
ATTRIBUTION = re.compile(r"(?:[A-Z][\w’'.\-]*\s+){1,3}" + REPORTING + r"\b[^.!?]{0,40}[.!?]")


LOOK_AHEAD = 400  # characters read after a sentence end (the next word, an attribution): never the whole rest


def _word_before(par: str, i: int) -> str:
    """The run of non-space characters ending at ``i`` (``par[:i]``'s last word), read backwards from ``i``
    so that a paragraph of a million characters costs its sentences, not their square."""
    k = i
    while k > 0 and not par[k - 1].isspace():
        k -= 1
    return par[k:i]


def _next_word(s: str) -> str:
    m = re.match(r"[\"“‘'(\[]*([^\W_]+)", s)
    return m.group(1) if m else ""


def split_sentences(par: str, quotes: Quotes | None = None) -> list[tuple[int, int]]:
    """Character ranges of the sentences of one paragraph.

    Handles abbreviations (Mr., Dr., Dec. 19, U.S. ban), quotes that end with the punctuation inside
    the marks (“... for good.” An OpenAI ...), a missing space after a full stop in machine-translated
    text (service.OpenAI's), and domain names or versioned names (tech360.tv, 01.AI) that are not ends.
    """
    quotes = quotes or quote_spans(par)
    bounds: list[int] = []
    for m in BOUNDARY.finditer(par):
        i, j = m.start(), m.end()
        # absorb closing marks after the punctuation
        while j < len(par) and (par[j] in CLOSERS or (par[j] in "\"'’" and quotes.role.get(j) == "close")):
            j += 1
        if j >= len(par):
            continue
        if m.group(0)[0] in CJK_END:
            if m.group(0) == "．" and i > 0 and par[i - 1].isdigit() and par[j].isdigit():
                continue  # ３．５: a full-width decimal point
            bounds.append(j)
            continue
        prev = _word_before(par, i).lstrip("\"“‘'([")
        prev_l = prev.lower()
        if par[j].isspace():
            k = j
            while k < len(par) and par[k].isspace():
                k += 1
            rest = par[k:k + LOOK_AHEAD]
        else:
            # no space: split only where a lower-case word runs straight into a capital or an opening quote
            opening = quotes.role.get(j) == "open" or par[j] in "“‘"
            # (or a capitalised name, "Tom Berg.The court said", when a word that opens sentences follows as
            # a whole word: "Berg.The court", never "Node.Js" nor "01.AI")
            glued_name = (m.group(0) == "." and re.fullmatch(r"[A-Z][a-z]{2,}", prev) is not None and
                          re.match(r"[A-Z][a-z]*\s", par[j:j + 12]) is not None and
                          _next_word(par[j:j + 12]).lower() in STARTERS)
            if not ((re.fullmatch(r"[a-z]{2,}", prev) and (par[j].isupper() or opening)) or glued_name):
                continue
            rest = par[j:j + LOOK_AHEAD]
            k = j
        word = _next_word(rest)
        if not word:
            continue
        if j > m.end() and ATTRIBUTION.match(rest):  # “... their accounts.” Felix said.
            continue
        punct = m.group(0)
        if word[0].islower():
            continue
        if punct == ".":
            if prev_l in NEVER_FINAL:
                continue
            if re.fullmatch(r"[A-Z]", prev):  # an initial: J. Smith
                continue
            is_acronym = re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", prev) is not None
            if (is_acronym or prev_l in SOMETIMES_FINAL) and (word[0].isdigit() or word.lower() not in STARTERS):
                continue
        bounds.append(j)
    out, start = [], 0
    for b in bounds + [len(par)]:
        seg = par[start:b]
        lead = len(seg) - len(seg.lstrip())
        s, e = start + lead, start + len(seg.rstrip())
        if e > s:
            out.append((s, e))
        start = b
    return out


MAX_SENTENCE_WORDS = 200  # the longest sentence of the bundled and evaluation stories has 93 words


def windows(par: str, s: int, e: int) -> list[tuple[int, int]]:
    """The range ``s:e`` of ``par`` (a sentence of :func:`split_sentences`), cut after every ``MAX_SENTENCE_WORDS`` words when it is longer: text
    with no sentence end (a table, a transcript, a capture without punctuation) is not one sentence of
    thousands of words, and the measures that compare a sentence's words with each other stay bounded."""
    ends = [m.end() for m in TOKEN.finditer(par, s, e)]
    if len(ends) <= MAX_SENTENCE_WORDS:
        return [(s, e)]
    out, a = [], s
    for k in range(MAX_SENTENCE_WORDS - 1, len(ends) - 1, MAX_SENTENCE_WORDS):
        out.append((a, ends[k]))
        a = ends[k]
        while a < e and par[a].isspace():
            a += 1
    if a < e:
        out.append((a, e))
    return out


# ----------------------------------------------------------------------------------------------
# tokens

TOKEN = words.WORD  # a word, or one Chinese / Japanese character (written without spaces: presslens.words)


def tokenize(s: str) -> list[tuple[str, int, int]]:
    """Word tokens of ``s`` as (lower-cased token, start, end); possessive 's is dropped, apostrophes
    normalised to ', hyphenated compounds and dotted acronyms (u.s) kept whole. URLs and e-mail
    addresses are not words: nothing inside them becomes a token, nor does a "word" longer than
    :data:`presslens.words.MAX_WORD` characters (a capture's fault: ``presslens check`` names it)."""
    out = []
    skip = [m.span() for m in furniture.URL.finditer(s)] if ("://" in s or "www." in s or "@" in s) else []
    for m in TOKEN.finditer(s):
        if skip and any(a <= m.start() < b for a, b in skip) or m.end() - m.start() > words.MAX_WORD:
            continue
        tok = m.group(0).replace("’", "'")
        end = m.end()
        if tok.lower().endswith("'s") and len(tok) > 2:
            tok = tok[:-2]
            end -= 2
        out.append((tok.lower(), m.start(), end))
    return out


PROSE_MIN_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?:\s|$)|[。！？．]")


def is_prose(par: str) -> bool:
    """A paragraph of article prose: at least ``PROSE_MIN_WORDS`` words and a sentence end. The lede
    is the first such paragraph, so a dek, a dateline or furniture the lists missed is never the lede."""
    return len(TOKEN.findall(par)) >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(par))
