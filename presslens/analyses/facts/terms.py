"""A term in quotation marks: the same few words quoted by several articles are one reported statement.

When an agency, an official or a report coins a short phrase ("a technical hitch", "a turning point")
the articles that pass it on put it in quotation marks, and a reader takes every sentence that uses
the phrase for the same statement, whatever the rest of the sentence says: "the operator blamed a
“technical hitch”", "the ferry was held up by a technical hitch, the minister said". Grouping (:mod:`.grouping`)
compares whole clauses, so a short phrase inside longer, differently worded sentences is not found
there. Here a phrase of ``TERM_MIN`` to ``TERM_MAX`` content words (:func:`.normalise.fact_words`, not
all of them names or numbers: a quoted name is no statement) that at least ``QUOTED_MIN`` articles put in
quotation marks, and at least ``ARTICLES_MIN`` articles use (quoted or not), is a fact: every sentence
using it, the words in a row, with the negation of the first sentence that quotes it ("the government
is not helping" and "government help arrived" are two statements). A phrase whose sentences are mostly (``FOUND``) in one discovered fact
already is that fact, and adds nothing.
"""
from __future__ import annotations

import re

import pandas as pd

from presslens.analyses.facts import features, normalise

QUOTED = re.compile(r"[“\"‘«„]((?:[^“”\"‘’«»„]|’(?=\w)){3,120}?)(?:[”\"»“]|’(?!\w))")   # ’ before a letter: an apostrophe
TERM_MIN, TERM_MAX = 2, 6   # content words of a quoted term
QUOTED_MIN = 2              # articles that put the term in quotation marks ...
ARTICLES_MIN = 3            # ... and articles that use it, quoted or not
FOUND = 0.8                 # share of its sentences one discovered fact holds: the term is that fact
TERM_COLS = ["_row", "fact", "clause", "centre"]


def quoted_terms(texts: list[str], articles: list, names: frozenset = frozenset()) -> dict[tuple, list[int]]:
    """{term (its fact words): the sentence rows that use it, in order} for the terms of the module
    doc (``articles``: each sentence's article; ``names``: words that are names, :mod:`.names`)."""
    quoted_in: dict[tuple, set] = {}
    for text, art in zip(texts, articles):
        if not isinstance(text, str) or not QUOTED.search(text):
            continue
        for span in QUOTED.findall(text):
            key = normalise.fact_words(span)
            said = {w for w in key if not w[0].isdigit()}      # "Corvane-7": a name and its number
            if TERM_MIN <= len(key) <= TERM_MAX and said and not said <= names:
                quoted_in.setdefault(key, set()).add(art)
    keys = {k for k, a in quoted_in.items() if len(a) >= QUOTED_MIN}
    if not keys:
        return {}
    sizes = sorted({len(k) for k in keys})
    hint = _forms({k[0] for k in keys})
    rows: dict[tuple, list[int]] = {}
    for r, text in enumerate(texts):
        if not isinstance(text, str) or not hint.search(text):    # a cheap test first: a term's first word
            continue
        words = normalise.fact_words(text)
        for n in sizes:
            for j in range(len(words) - n + 1):
                if words[j:j + n] in keys:
                    rows.setdefault(words[j:j + n], []).append(r)
    out = {}
    for k, rs in rows.items():
        rs = sorted(set(rs))
        if len({articles[r] for r in rs}) >= ARTICLES_MIN:
            out[k] = rs
    return out


def facts(texts: list[str], articles: list, known: pd.DataFrame, names: frozenset = frozenset(),
          terms: dict | None = None) -> pd.DataFrame:
    """The quoted terms (:func:`quoted_terms`, or ``terms`` when the caller has them already) no
    discovered fact holds yet, as new facts numbered
    after those of ``known`` (rows ``_row``, ``fact``: the sentence rows of the discovered facts), one
    row per (sentence, term) (``TERM_COLS``: the sentence as the clause; the centre is the first
    sentence that quotes the term)."""
    terms = quoted_terms(texts, articles, names) if terms is None else terms
    if not terms:
        return pd.DataFrame(columns=TERM_COLS)
    facts_of = known.groupby("_row")["fact"].apply(list).to_dict() if len(known) else {}
    nxt = int(known["fact"].max()) + 1 if len(known) else 0
    out = []
    for key, rs in sorted(terms.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        held: dict[int, int] = {}
        for r in rs:
            for f in set(facts_of.get(r, ())):
                held[f] = held.get(f, 0) + 1
        if held and max(held.values()) >= FOUND * len(rs):
            continue
        centre = next((r for r in rs if _quotes(texts[r], key)), rs[0])
        neg = features.negated(texts[centre])       # "is not helping" is no "help"
        rs = [r for r in rs if features.negated(texts[r]) == neg]
        if len({articles[r] for r in rs}) < ARTICLES_MIN:
            continue
        out.extend({"_row": r, "fact": nxt, "clause": texts[r], "centre": r == centre} for r in rs)
        nxt += 1
    return pd.DataFrame(out, columns=TERM_COLS)


def _forms(heads: set[str]) -> re.Pattern:
    """A pattern finding any word a text writes that :func:`.normalise.fact_words` reads as one of
    ``heads`` (a folded word begins the word as written; a synonym row's words and phrases too)."""
    stems = set(heads) | {w for w, h in normalise.word_map().items() if h in heads and w}
    alts = [re.escape(w) for w in stems] + [r"\s+".join(map(re.escape, p.split()))
                                            for p, h in normalise.phrases()[1].items() if h in heads]
    return re.compile(r"(?<![^\W_])(?:%s)" % "|".join(sorted(alts, key=len, reverse=True)), re.IGNORECASE)


def _quotes(text: str, key: tuple) -> bool:
    return any(normalise.fact_words(s) == key for s in QUOTED.findall(text))
