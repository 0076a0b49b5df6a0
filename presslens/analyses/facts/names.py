"""Which of a story's words are names: a name says who or what a sentence is about, not what happened.

A reader decides that two sentences state one fact by what they say happened ("refused to resign",
"fined the ferry operator", "landed near the harbour"), not by the names they share: "during the
Marbury Regatta", "the Harbour Commission chairman" and "Ana Ferreira" recur in nearly every
sentence of a story about them and state nothing of their own. The typography tells a name apart, in any
story: a name is written with a capital inside a sentence (where an ordinary word is not), most of
the times it is written there.

:func:`name_words` reads every sentence of the story once: a word written inside the sentence (not
its first word, nor the first after a quotation mark, colon, dash or bracket, where any word takes a
capital) with a capital in at least ``CAPITAL_SHARE`` of its occurrences is a name.
A whole number right after a capitalised word inside a sentence ("Flight 2041", "Category 5", "Boeing 737")
is a label, part of a name, when it is written so most of the times: it says which flight, not how many.
With ``grouping.WHAT`` (off) two sentences that share only names, labels and 'said' do not link (:func:`what_shared`).
Titles and sentences set in title case or capitals (most of their words capitalised) are not read: there every
word takes a capital. A share needs no census: on a story of more than ``SAMPLE_SENTENCES``
sentences the names are read on every k-th sentence, and the cast on every k-th of more than
``SAMPLE_ARTICLES`` articles (in the order of their ids), so the cost stays flat as a story grows.
"""
from __future__ import annotations

import functools
import re

import numpy as np
from scipy import sparse

from presslens.analyses.facts import features, normalise

CAPITAL_SHARE = 0.5   # share of its occurrences inside sentences a word is written with a capital: a name
TITLE_CASE = 0.5      # a sentence with this share of its words capitalised is in title case: not read
SAMPLE_SENTENCES = 20_000   # a larger story's names are read on every k-th sentence ...
SAMPLE_ARTICLES = 2_000     # ... and its cast on every k-th article (a share needs no more)
LABEL = re.compile(r"\d+")   # a whole number, the kind that labels ("Flight 2041", "Category 5", "Boeing 737")
OPENER = re.compile(r"[\"“”‘’'«»:(\[—–-]\s*$")


def cast(texts, articles, parts=None, share: float = 0.5, names: frozenset | None = None) -> frozenset[str]:
    """The story's *cast*: the names (``names``, else :func:`name_words`) that at least ``share`` of
    its articles write (``articles``: each sentence's article): who the whole story is about."""
    nw = name_words(texts, parts) if names is None else names
    every = sorted(set(articles), key=str)
    kept = set(every[::_step(len(every), SAMPLE_ARTICLES)])
    where: dict[str, set] = {}
    for text, a in zip(texts, articles):
        if a in kept and isinstance(text, str):
            for w in nw.intersection(words(text)):
                where.setdefault(w, set()).add(a)
    n = len(kept) or 1
    return frozenset(w for w, a in where.items() if len(a) >= share * n)


def _step(n: int, cap: int) -> int:
    """Every how many items to read so that at most ``cap`` of ``n`` are read."""
    return max(1, -(-n // cap))


def words(text: str) -> set[str]:
    """The words of ``text`` as :func:`.normalise.fact_words` writes them, read without rewriting its
    figures and phrases first (names are neither): a cheap pass for a story's every sentence."""
    stop, syn = features.cues()["stop"], normalise.word_map()
    out = set()
    for t in features.WORD.findall(text):
        low = t.lower()
        if low[0].isdigit() and LABEL.fullmatch(low):     # a figure that may be a label ("Flight 2041")
            out.add(features.figure(low))
            continue
        if low in stop or len(low) < 3 or not low[0].isalpha():
            continue
        w = features.fold(low)
        w = syn.get(w, w)
        if w:
            out.add(w)
    return out


def name_words(texts, parts=None) -> frozenset[str]:
    """The words (as :func:`.normalise.fact_words` writes them) that the story's sentences ``texts``
    write with a capital inside a sentence at least ``CAPITAL_SHARE`` of the times (see the module
    doc); ``parts``: each sentence's part (a ``title`` is not read)."""
    syn = normalise.word_map()
    capital: dict[str, int] = {}
    seen: dict[str, int] = {}
    parts = parts if parts is not None else [None] * len(texts)
    step = _step(len(texts), SAMPLE_SENTENCES)
    for text, part in zip(texts[::step], parts[::step]):
        if part == "title" or not isinstance(text, str):
            continue
        every = [(m.group(0), m.start(), m.end()) for m in features.WORD.finditer(text)]
        toks = [(t, start) for t, start, _ in every if t[0].isalpha()]
        if len(toks) < 4 or sum(t[0].isupper() for t, _ in toks) >= TITLE_CASE * len(toks):
            continue
        for k in range(1, len(every)):   # a label: a whole number right after a capitalised word inside the sentence
            t, start, _ = every[k]
            if not LABEL.fullmatch(t):
                continue
            p, p_start, p_end = every[k - 1]
            w = features.figure(t)
            seen[w] = seen.get(w, 0) + 1
            if (p[0].isupper() and p.isalpha() and p.lower() not in features.MONTHS and text[p_end:start] == " "
                    and k - 1 > 0 and not OPENER.search(text[max(0, p_start - 3):p_start])):
                capital[w] = capital.get(w, 0) + 1
        for k, (t, start) in enumerate(toks):
            if k == 0 or OPENER.search(text[max(0, start - 3):start]) or (t.isupper() and len(t) < 2):
                continue
            w = features.fold(t)
            w = syn.get(w, w)
            if not w:
                continue
            seen[w] = seen.get(w, 0) + 1
            if t[0].isupper():
                capital[w] = capital.get(w, 0) + 1
    return frozenset(w for w, n in seen.items() if capital.get(w, 0) >= CAPITAL_SHARE * n)


@functools.lru_cache(maxsize=1)
def saying() -> frozenset[str]:
    """"said", "says", "told" as :func:`.normalise.fact_words` writes them: the attribution, not the statement
    (the wider list of reporting verbs holds statements too: "ordered", "urged", "denied")."""
    return frozenset(normalise.fact_words("said says told"))


def what_shared(m: sparse.csr_matrix, pairs: np.ndarray, who: np.ndarray) -> np.ndarray:
    """How many words each pair shares besides ``who`` (word ids: the story's cast, its labels such as
    "Flight 2041", and :func:`saying`). A reader takes two sentences for one statement by what they
    say, not by whom they name: "the jet that flew Flight 2041 was delivered to Harbour Air" and "Harbour
    Air has cancelled dozens of flights since Flight 2041" share four words, all of them who."""
    if not len(pairs):
        return np.zeros(0, dtype=np.int64)
    mask = np.ones(m.shape[1], dtype=np.float32)
    mask[who] = 0
    said = m @ sparse.diags(mask)
    return np.asarray(said[pairs[:, 0]].multiply(said[pairs[:, 1]]).sum(axis=1)).ravel()
