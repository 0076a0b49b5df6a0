"""The per-article function: everything presslens derives from ONE article (cleaned text,
removals, language, sentences with their quote spans, tokens, VADER tone per sentence) as plain
rows; a pure function of the article, the story's cleaning rules and the code, so the engine can
cache it by content and run it anywhere.
"""
from __future__ import annotations

import bisect
import functools
import re

from . import furniture
from .clean import clean
from .language import detect_language
from .segment import TOKEN, Quotes, is_prose, paragraph_blocks, quote_spans, split_sentences, tokenize, windows
from .sentiment import score_rows


def process_article(art_id: str, outlet: str, title, raw: str, rules: list[dict],
                    template: frozenset[str] = frozenset()) -> dict:
    """Everything presslens derives from ONE article (a pure function of its inputs, ``template``
    being the shapes of its lines that recur across the story's pages): cleaned text,
    removals, language, sentences and tokens, as plain rows. Sentence ids are local (0..n-1);
    :func:`_assemble` makes them global. This is the unit the per-article cache and the parallel
    engine work on."""
    sent_rows, tok_rows, rem_rows = [], [], []
    title = title if isinstance(title, str) and title else None
    if title:
        title = furniture.INVISIBLE.sub("", title)
    body, removed = clean(raw, title, rules, template)
    for r in removed:
        rem_rows.append((art_id, outlet, r["line"], r["removed"], r["rule"], r["rule_id"]))
    blocks = paragraph_blocks(body)
    body_pars = [p for p, _ in blocks]
    set_apart = [b for _, b in blocks]
    lang, conf = detect_language(" ".join(([title] if title else []) + body_pars))
    n_words_body = sum(len(TOKEN.findall(p)) for p in body_pars)
    lede_at = next((i for i, p in enumerate(body_pars) if is_prose(p)), 0)
    pars = ([(title, "title")] if title else []) + [(p, "lede" if i == lede_at else "body")
                                                     for i, p in enumerate(body_pars)]
    art_sents = []
    longest_run = 0  # words of the longest text with no sentence end (measured in pieces: the check says so)
    open_words = 0  # words inside a quote opened and never closed (no continuing paragraph)
    for p_idx, (par, kind) in enumerate(pars):
        q = quote_spans(par)
        if kind != "title" and set_apart[p_idx - (1 if title else 0)]:
            q = Quotes([(0, len(par))], q.role, None)  # a block quotation: all of it is the quoted party's
        if q.unclosed is not None:
            nxt = pars[p_idx + 1][0].lstrip() if p_idx + 1 < len(pars) else ""
            if not nxt[:1] in ('"', "“", "‘", "'"):
                open_words += len(TOKEN.findall(par[q.unclosed:]))
        ends = [b for _, b in q.spans]  # sorted and apart (merged): a binary search, never every span per sentence
        for s0, e0 in split_sentences(par, q):
            pieces = windows(par, s0, e0)  # text with no sentence end: 200-word pieces (bounded measures)
            if len(pieces) > 1 and kind != "title":
                longest_run = max(longest_run, len(tokenize(par[s0:e0])))
            for s, e in pieces:
                k, found = bisect.bisect_right(ends, s), []
                while k < len(q.spans) and q.spans[k][0] < e:
                    found.append((max(q.spans[k][0], s) - s, min(q.spans[k][1], e) - s))
                    k += 1
                art_sents.append((p_idx, kind, par[s:e], tuple(found)))
    n_body = sum(1 for x in art_sents if x[1] != "title")
    b_idx = 0
    longest = longest_run
    for idx, (p_idx, kind, text, spans) in enumerate(art_sents):
        toks = _tokens(text)
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

    return {"sentences": sent_rows, "tokens": tok_rows, "removed": rem_rows, "clean": body,
            "language": (art_id, lang, conf, n_words_body, open_words, longest),
            "tone": score_rows([(s[7], s[11], s[12]) for s in sent_rows])}


# sentence text -> its tokens (read only): a sentence repeated across articles (a wire's paragraph, the
# scaled benchmark's resampled ones) is tokenised once per process; the least recently used go first when
# full (bounded memory)
TOKEN_MEMO = 16384


@functools.lru_cache(maxsize=TOKEN_MEMO)
def _tokens(text: str) -> list[tuple[str, int, int]]:
    """:func:`~.segment.tokenize` of ``text``, the last :data:`TOKEN_MEMO` texts' memoised."""
    return tokenize(text)


SENT_COLS = ["sent_id", "article_id", "outlet", "sent_idx", "para_idx", "part", "position", "text", "n_words",
             "n_quoted", "quote_spans", "narration", "quoted"]
TOK_COLS = ["sent_id", "article_id", "outlet", "tok_idx", "token", "start", "end", "in_quote", "part"]
REM_COLS = ["article_id", "outlet", "line", "removed", "rule", "rule_id"]
LANG_COLS = ["article_id", "detected", "confidence", "n_words", "unclosed_quote_words", "longest_sentence"]


def _narration(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        out.append("…")
        last = b
    out.append(text[last:])
    joined = re.sub(r"[“”\"‘’']?…[“”\"‘’']?", "…", "".join(out))
    return re.sub(r"\s+", " ", joined).strip()
