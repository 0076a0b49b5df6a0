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

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import cache as _cache
from . import furniture, patterns
from .corpus import Story

# ----------------------------------------------------------------------------------------------
# cleaning

QUOTE_NORMALISE = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


def _norm_line(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(QUOTE_NORMALISE)).strip().casefold()


def clean(text: str, title: str | None, rules: list[dict]) -> tuple[str, list[dict]]:
    """Remove what is not the article from ``text``, line by line.

    First :func:`presslens.furniture.hygiene` (invisible characters, HTML left in the capture,
    markdown link syntax). Then ``rules`` (``{"pattern", "note"}`` dicts with optional ``flags``:
    the story's boilerplate, then the web furniture list): each pattern is searched in every line
    (``^`` and ``$`` anchor at the line) and what it matches is cut. A line left blank by a cut is
    dropped, and so is a line that repeats the headline. Returns (clean text, removals), where each
    removal is ``{"line": 1-based line number in the article text, "removed": text, "rule": note}``.
    """
    text, removed = furniture.hygiene(text)
    compiled = [(patterns.compile(r["pattern"], r.get("flags", 0)), r.get("note") or r["pattern"], r.get("field", ""),
                 r.get("guard")) for r in rules]
    title_norm = _norm_line(title) if title else None
    kept: list[str] = []
    for no, line in enumerate(text.split("\n"), start=1):
        new = line
        guarded = None  # whether the line reads as reporting (the furniture prose guard), computed once
        for rx, note, where, guard in compiled:
            if not new.strip():
                break
            if guard is not None:
                if guarded is None:
                    guarded = bool(guard.search(new))
                if guarded:
                    continue
            m = patterns.search(rx, new, where)
            if m and m.group(0):
                removed.append({"line": no, "removed": m.group(0).strip(), "rule": note})
                new = new[: m.start()] + new[m.end():]
        if new.strip() == "" and line.strip() != "":
            continue
        if title_norm and _norm_line(new) == title_norm:
            removed.append({"line": no, "removed": new.strip(), "rule": "repeated headline"})
            continue
        kept.append(new.rstrip())
    removed.sort(key=lambda r: r["line"])
    return "\n".join(kept).strip("\n"), removed


TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")


def paragraphs(text: str) -> list[str]:
    """Paragraphs of cleaned text: one per non-blank line, except that a line ending mid-sentence
    and followed by a line starting in lower case is joined to it (hard-wrapped captures)."""
    out: list[str] = []
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        if out and not TERMINAL.search(out[-1]) and s[0].islower():
            out[-1] = out[-1] + " " + s
        else:
            out.append(s)
    return out


# ----------------------------------------------------------------------------------------------
# quotation marks


@dataclass(frozen=True)
class Quotes:
    spans: list[tuple[int, int]]  # character ranges of quoted text (marks excluded)
    role: dict[int, str]  # position of each quotation mark -> "open" | "close"
    unclosed: int | None = None  # where a quote left open at the paragraph's end starts, if one is


_QUOTE_CHARS = re.compile("[“”\"‘’']")


def quote_spans(par: str) -> Quotes:
    """Find what is inside quotation marks in one paragraph.

    Curly double marks pair by direction, straight double marks alternate; single marks (‘ ’ ')
    open only after a space or the start and close only before a non-letter, so apostrophes
    (ByteDance’s, don't) are never taken for quotes. A quote still open at the paragraph's end runs
    to its end (the news convention for quotes continued in the next paragraph).
    """
    role: dict[int, str] = {}
    spans: list[tuple[int, int]] = []
    dbl: int | None = None  # start of content of the open double quote
    sgl: int | None = None
    n = len(par)
    for m in _QUOTE_CHARS.finditer(par):  # only the quotation marks and apostrophes matter
        i, ch = m.start(), m.group(0)
        prev = par[i - 1] if i > 0 else " "
        nxt = par[i + 1] if i + 1 < n else " "
        if ch == "“" or (ch == '"' and dbl is None):
            if dbl is None:
                dbl = i + 1
                role[i] = "open"
        elif ch == "”" or ch == '"':
            if dbl is not None:
                spans.append((dbl, i))
                role[i] = "close"
                dbl = None
                if sgl is not None:  # a single quote left open inside a double one ends with it
                    sgl = None
        elif ch in "‘'" and sgl is None and (prev.isspace() or prev in "([“\"—-") and (nxt.isalnum() or nxt in "“\""):
            sgl = i + 1
            role[i] = "open"
        elif ch in "’'" and sgl is not None and not nxt.isalnum():
            spans.append((sgl, i))
            role[i] = "close"
            sgl = None
    open_starts = [s for s in (dbl, sgl) if s is not None]
    for start in open_starts:
        spans.append((start, n))
    return Quotes(_merge(spans), role, min(open_starts) if open_starts else None)


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

NEVER_FINAL = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
               "rev", "hon", "messrs", "mt", "ft", "vs", "v", "e.g", "i.e", "cf", "approx", "no", "nos", "vol", "pp", "fig"}
SOMETIMES_FINAL = {"inc", "corp", "ltd", "co", "plc", "llc", "jr", "sr", "st", "etc", "jan", "feb", "mar", "apr",
                   "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave", "blvd", "dept", "est", "a.m", "p.m"}
STARTERS = {"the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those",
            "there", "in", "on", "at", "but", "and", "or", "so", "yet", "if", "when", "while", "as", "after", "before",
            "however", "meanwhile", "his", "her", "their", "our", "my", "what", "why", "how", "who", "for", "to", "by",
            "with", "from", "also", "still", "then", "now", "last", "according"}
BOUNDARY = re.compile(r"[.!?…]+")
CLOSERS = "”)]"
REPORTING = r"(?:said|says|added|adds|told|tells|wrote|writes|noted|notes|stated|states|explained|continued|argued|insisted|claimed)"
ATTRIBUTION = re.compile(r"(?:[A-Z][\w’'.\-]*\s+){1,3}" + REPORTING + r"\b[^.!?]{0,40}[.!?]")


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
        prev = re.search(r"(\S*)$", par[:i]).group(1).lstrip("\"“‘'([")
        prev_l = prev.lower()
        if par[j].isspace():
            k = j
            while k < len(par) and par[k].isspace():
                k += 1
            rest = par[k:]
        else:
            # no space: split only where a lower-case word runs straight into a capital or an opening quote
            opening = quotes.role.get(j) == "open" or par[j] in "“‘"
            if not (re.fullmatch(r"[a-z]{2,}", prev) and (par[j].isupper() or opening)):
                continue
            rest = par[j:]
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


# ----------------------------------------------------------------------------------------------
# tokens

TOKEN = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


def tokenize(s: str) -> list[tuple[str, int, int]]:
    """Word tokens of ``s`` as (lower-cased token, start, end); possessive 's is dropped, apostrophes
    normalised to ', hyphenated compounds and dotted acronyms (u.s) kept whole. URLs and e-mail
    addresses are not words: nothing inside them becomes a token."""
    out = []
    skip = [m.span() for m in furniture.URL.finditer(s)] if ("://" in s or "www." in s or "@" in s) else []
    for m in TOKEN.finditer(s):
        if skip and any(a <= m.start() < b for a, b in skip):
            continue
        tok = m.group(0).replace("’", "'")
        end = m.end()
        if tok.lower().endswith("'s") and len(tok) > 2:
            tok = tok[:-2]
            end -= 2
        out.append((tok.lower(), m.start(), end))
    return out


# ----------------------------------------------------------------------------------------------
# per story


@dataclass
class Processed:
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    removed: pd.DataFrame
    clean_text: dict[str, str]
    languages: pd.DataFrame  # article_id, detected, confidence, n_words (see detect_language)
    tone: pd.DataFrame | None = None  # sent_id, voice and VADER scores per sentence (see tone.score_rows)


PROSE_MIN_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?:\s|$)")


def is_prose(par: str) -> bool:
    """A paragraph of article prose: at least ``PROSE_MIN_WORDS`` words and a sentence end. The lede
    is the first such paragraph, so a dek, a dateline or furniture the lists missed is never the lede."""
    return len(TOKEN.findall(par)) >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(par))


LANGID_MIN_WORDS = 20  # below this a detection is reported but never trusted
LANGID_CHARS = 3000  # the article's opening (title, lede and more) is plenty to tell its language


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(s: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) from py3langid's calibrated model; (None, 0.0) for text with
    fewer than ``LANGID_MIN_WORDS`` words, where the model's answer means little."""
    if len(TOKEN.findall(s[:4000])) < LANGID_MIN_WORDS:
        return None, 0.0
    lang, p = _identifier().classify(s[:LANGID_CHARS])
    return lang, round(float(p), 4)


def process_article(art_id: str, outlet: str, title, raw: str, rules: list[dict]) -> dict:
    """Everything presslens derives from ONE article (a pure function of its inputs): cleaned text,
    removals, language, sentences and tokens, as plain rows. Sentence ids are local (0..n-1);
    :func:`_assemble` makes them global. This is the unit the per-article cache and the parallel
    engine work on."""
    sent_rows, tok_rows, rem_rows = [], [], []
    title = title if isinstance(title, str) and title else None
    if title:
        title = furniture.INVISIBLE.sub("", title)
    body, removed = clean(raw, title, rules)
    for r in removed:
        rem_rows.append((art_id, outlet, r["line"], r["removed"], r["rule"]))
    body_pars = paragraphs(body)
    lang, conf = detect_language(" ".join(([title] if title else []) + body_pars))
    n_words_body = sum(len(TOKEN.findall(p)) for p in body_pars)
    lede_at = next((i for i, p in enumerate(body_pars) if is_prose(p)), 0)
    pars = ([(title, "title")] if title else []) + [(p, "lede" if i == lede_at else "body")
                                                     for i, p in enumerate(body_pars)]
    art_sents = []
    open_words = 0  # words inside a quote opened and never closed (no continuing paragraph)
    for p_idx, (par, kind) in enumerate(pars):
        q = quote_spans(par)
        if q.unclosed is not None:
            nxt = pars[p_idx + 1][0].lstrip() if p_idx + 1 < len(pars) else ""
            if not nxt[:1] in ('"', "“", "‘", "'"):
                open_words += len(TOKEN.findall(par[q.unclosed:]))
        for s, e in split_sentences(par, q):
            spans = tuple((max(a, s) - s, min(b, e) - s) for a, b in q.spans if a < e and b > s)
            art_sents.append((p_idx, kind, par[s:e], spans))
    n_body = sum(1 for x in art_sents if x[1] != "title")
    b_idx = 0
    longest = 0
    for idx, (p_idx, kind, text, spans) in enumerate(art_sents):
        toks = tokenize(text)
        if kind != "title":
            longest = max(longest, len(toks))
        inq = [any(a <= ts and te <= b for a, b in spans) for _, ts, te in toks]
        if kind == "title":
            position = float("nan")
        else:
            position = b_idx / (n_body - 1) if n_body > 1 else 0.0
            b_idx += 1
        sent_rows.append((idx, art_id, outlet, idx, p_idx, kind, position, text, len(toks), sum(inq), spans,
                          _narration(text, spans), " … ".join(text[a:b].strip() for a, b in spans)))
        for t_idx, ((tok, ts, te), q_) in enumerate(zip(toks, inq)):
            tok_rows.append((idx, art_id, outlet, t_idx, tok, ts, te, q_, kind))
    from .tone import score_rows  # VADER per sentence is per-article work too: cached with the rest

    return {"sentences": sent_rows, "tokens": tok_rows, "removed": rem_rows, "clean": body,
            "language": (art_id, lang, conf, n_words_body, open_words, longest),
            "tone": score_rows([(s[7], s[11], s[12]) for s in sent_rows])}


SENT_COLS = ["sent_id", "article_id", "outlet", "sent_idx", "para_idx", "part", "position", "text", "n_words",
             "n_quoted", "quote_spans", "narration", "quoted"]
TOK_COLS = ["sent_id", "article_id", "outlet", "tok_idx", "token", "start", "end", "in_quote", "part"]
REM_COLS = ["article_id", "outlet", "line", "removed", "rule"]
LANG_COLS = ["article_id", "detected", "confidence", "n_words", "unclosed_quote_words", "longest_sentence"]


def _assemble(results: list[dict]) -> Processed:
    """Per-article results, in story order, into the story's tables (global sentence ids)."""
    sent_rows, tok_rows, rem_rows, lang_rows, tone_rows = [], [], [], [], []
    clean_text: dict[str, str] = {}
    offset = 0
    for r in results:
        tone_rows.extend((offset + i,) + t for i, t in enumerate(r["tone"]))
        sent_rows.extend((offset + s[0],) + s[1:] for s in r["sentences"])
        tok_rows.extend((offset + t[0],) + t[1:] for t in r["tokens"])
        rem_rows.extend(r["removed"])
        lang_rows.append(r["language"])
        clean_text[r["language"][0]] = r["clean"]
        offset += len(r["sentences"])
    from .tone import TONE_COLS

    return Processed(pd.DataFrame(sent_rows, columns=SENT_COLS), pd.DataFrame(tok_rows, columns=TOK_COLS),
                     pd.DataFrame(rem_rows, columns=REM_COLS), clean_text, pd.DataFrame(lang_rows, columns=LANG_COLS),
                     pd.DataFrame(tone_rows, columns=["sent_id", *TONE_COLS]))


def _process(story: Story) -> Processed:
    from . import engine

    return _assemble(engine.per_article(story))


def _narration(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        out.append("…")
        last = b
    out.append(text[last:])
    joined = re.sub(r"[“”\"‘’']?…[“”\"‘’']?", "…", "".join(out))
    return re.sub(r"\s+", " ", joined).strip()


_SOURCE_HASH = hashlib.sha256(b"".join(
    Path(f).read_bytes() for f in (__file__, furniture.__file__, Path(furniture.__file__).parent / "data" / "furniture.yaml",
                                   Path(__file__).parent / "tone.py")
)).hexdigest()[:12]
_MEMORY: dict[str, Processed] = {}


cache_dir = _cache.cache_dir  # where every presslens cache lives (see presslens.cache)


def process(story: Story) -> Processed:
    """Clean, split and tokenise every article of ``story`` once; cached in memory and on disk."""
    key = f"{story.slug}-{story.fingerprint}-{_SOURCE_HASH}"
    if key in _MEMORY:
        return _MEMORY[key]
    folder = cache_dir() / "tables" / key
    try:
        result = _from_tables(_cache.load_tables(folder, list(_TABLES)))
    except Exception:  # a foreign or damaged entry: a miss, rebuilt
        result = None
    if result is None:
        result = _process(story)
        _cache.store_tables(folder, _to_tables(result))
    _MEMORY[key] = result
    return result


_TABLES = ("sentences", "tokens", "removed", "languages", "tone", "clean")


def _to_tables(p: Processed) -> dict[str, pd.DataFrame]:
    """The story's tables for Parquet: quote spans as lists, the cleaned texts as a table."""
    sents = p.sentences.assign(quote_spans=[[list(sp) for sp in v] for v in p.sentences["quote_spans"]])
    clean = pd.DataFrame({"article_id": list(p.clean_text), "clean": list(p.clean_text.values())},
                         columns=["article_id", "clean"])
    return {"sentences": sents, "tokens": p.tokens, "removed": p.removed, "languages": p.languages,
            "tone": p.tone, "clean": clean}


def _from_tables(t: dict | None) -> Processed | None:
    """:func:`_to_tables` read back (None stays None): the same Processed as was stored."""
    if t is None:
        return None
    sents = t["sentences"]
    sents["quote_spans"] = [tuple(tuple(int(x) for x in sp) for sp in v) for v in sents["quote_spans"]]
    clean = dict(zip(t["clean"]["article_id"], t["clean"]["clean"]))
    return Processed(sents, t["tokens"], t["removed"], clean, t["languages"], t["tone"])


def sentences(story: Story) -> pd.DataFrame:
    return process(story).sentences


def tokens(story: Story) -> pd.DataFrame:
    return process(story).tokens


def removed(story: Story) -> pd.DataFrame:
    return process(story).removed
