"""A learned line classifier over shallow text features: the furniture the rules keep (issue 25).

The method is boilerpipe's: Christian Kohlschütter, Peter Fankhauser and Wolfgang Nejdl, "Boilerplate
detection using shallow text features", WSDM 2010. Each line of a capture is described by what a
reader sees without reading it: how many words it has and how long they are, how many start with a
capital or are digits, whether it ends like a sentence, whether it holds a finite verb, a reporting
verb or a function word, where it stands in the capture, and the same measures of the lines above
and below it (boilerpipe's neighbour features: furniture comes in runs). A logistic regression over
these features gives the probability that the line is furniture. No feature names a site or a
string of one page.

The weights are fitted by ``scripts/fit_line_model.py`` on the labelled lines of the development
stories and stored in ``presslens/data/line_model.yaml`` (versioned, written byte for byte the same
by the script). :func:`presslens.text.clean.clean` applies the model (shape id ``line-model``) to the
lines the rules keep, never to a line the prose guard protects, and only at the file's threshold; a
``threshold`` of null leaves the model off. Each removal is listed with its probability.
"""
from __future__ import annotations

import functools
import re

import numpy as np

from presslens.data import STOPWORDS, line_model_data, reporting_verb_forms

from .furniture import URL
from .joins import cut_mid_word, prose_lines, split_sentence
from .repeats import ANY_END, SENT_END, guarded, is_paragraph, line_key, n_words
from .segment import TOKEN

# the measures of one line (a row of :func:`line_measures`)
OWN = ("log_words", "mean_word_len", "cap_share", "digit_share", "sent_end", "log_ends", "finite_verb",
       "reporting_verb", "stop_share", "lower_start", "first_stop", "cut_word", "separator", "url", "paragraph",
       "copies", "template")
# the features of a line: its own measures, its position, its neighbours' words, ends and paragraphs
FEATURES = OWN + ("title_words", "rel_pos", "first3", "last3", "before_first_par", "after_last_par",
                  "between_pars", "log_run", "log_par_dist", "blank_above", "blank_below",
                  "prev_log_words", "prev_sent_end", "prev_paragraph", "prev_removed",
                  "next_log_words", "next_sent_end", "next_paragraph", "next_removed", "next_lower_start")

# the finite forms of the auxiliaries and modals (presslens.data.STOPWORDS lists them among the function words)
AUXILIARIES = frozenset(w for w in STOPWORDS if w in {
    "am", "is", "are", "was", "were", "has", "have", "had", "does", "did", "do", "will", "would", "can",
    "could", "should", "shall", "may", "might", "must", "isn't", "aren't", "wasn't", "weren't", "hasn't",
    "haven't", "hadn't", "doesn't", "didn't", "don't", "won't", "wouldn't", "can't", "couldn't", "shouldn't"})
SEPARATOR = re.compile(r"[|•·»›►▶]|\s[-–—]\s*$")
WORD = re.compile(r"[^\W\d_][\w'’-]*")


@functools.lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """The reporting verbs of ``presslens/data/reporting_verbs.yaml`` in their finite forms."""
    from .vocabulary import inflections

    out: set[str] = set()
    for v in reporting_verb_forms():
        out |= {f.lower() for f in inflections(v) if not f.endswith("ing")} | {v}
    return frozenset(out)


@functools.lru_cache(maxsize=8192)
def line_measures(line: str, in_template: bool = False) -> tuple[float, ...]:
    """The :data:`OWN` measures of one line (``copies`` is filled by :func:`features`)."""
    s = line.strip()
    words = WORD.findall(s)
    low = [w.lower() for w in words]
    n = n_words(s)
    chars = [c for c in s if not c.isspace()]
    verbs = _verbs()
    return (float(np.log1p(n)),
            float(np.mean([len(w) for w in words])) / 10 if words else 0.0,
            sum(w[0].isupper() for w in words) / len(words) if words else 0.0,
            sum(c.isdigit() for c in chars) / len(chars) if chars else 0.0,
            float(bool(SENT_END.search(s))),
            float(np.log1p(len(ANY_END.findall(s)))),
            float(any(w in AUXILIARIES or (len(w) > 4 and w.endswith("ed")) for w in low)),
            float(any(w in verbs for w in low)),
            sum(w in STOPWORDS for w in low) / len(low) if low else 0.0,
            float(s[:1].islower()),
            float(bool(low) and low[0] in STOPWORDS),
            float(cut_mid_word(s) or bool(re.search(r"(?:^|\s)[^\W\d_]{1,3}$", s) and low and low[-1] not in STOPWORDS)),
            float(bool(SEPARATOR.search(s))),
            float(bool(URL.search(s))),
            float(is_paragraph(s)),
            0.0,
            float(in_template))


def features(lines: list[str], removed: set[int] = frozenset(), template: frozenset[str] = frozenset(),
             title: str | None = None) -> tuple[np.ndarray, list[int]]:
    """The :data:`FEATURES` of every line of ``lines`` that holds text (the capture's lines after
    hygiene), as a matrix with one row per such line, and the indices of those lines. ``removed``:
    the indices of lines the rules removed (a neighbour's feature); ``template``: the story's template
    shapes (:func:`presslens.text.repeats.template_keys`); ``title``: the article's title (the share of
    a line's content words it holds)."""
    idx = [i for i, s in enumerate(lines) if s.strip()]
    n = len(idx)
    if not n:
        return np.zeros((0, len(FEATURES))), idx
    keys = [line_key(lines[i].strip()) for i in idx]
    own = np.array([line_measures(lines[i], k in template) for i, k in zip(idx, keys)], dtype=float)
    count: dict[str, int] = {}
    for k in keys:
        count[k] = count.get(k, 0) + 1
    own[:, OWN.index("copies")] = [float(np.log(count[k])) for k in keys]
    par = own[:, OWN.index("paragraph")] > 0
    pos = np.arange(n, dtype=float)
    first = int(np.argmax(par)) if par.any() else n
    last = int(n - 1 - np.argmax(par[::-1])) if par.any() else -1
    gone = np.array([i in removed for i in idx], dtype=float)
    lw, se, pa = own[:, 0], own[:, OWN.index("sent_end")], par.astype(float)

    def shift(a: np.ndarray, k: int) -> np.ndarray:
        out = np.zeros_like(a)
        if k > 0:
            out[k:] = a[:-k]
        else:
            out[:k] = a[-k:]
        return out

    heads = {w.lower() for w in WORD.findall(title or "")} - STOPWORDS
    shared = [_shared(lines[i], heads) for i in idx]
    # the run of lines that are no paragraph around each line, and the distance to the nearest paragraph
    run, dist = np.zeros(n), np.full(n, float(n))
    k = 0
    while k < n:
        j = k
        while j < n and not par[j]:
            j += 1
        run[k:j] = j - k
        k = j + 1 if j == k else j
    at = np.flatnonzero(par)
    if len(at):
        dist = np.abs(pos[:, None] - at[None, :]).min(axis=1)
    gap = np.diff(np.asarray(idx, dtype=float))
    blank_above = np.concatenate([[1.0], gap > 1])
    blank_below = np.concatenate([gap > 1, [1.0]])
    low = own[:, OWN.index("lower_start")]
    rest = np.column_stack([shared, pos / (n - 1) if n > 1 else np.zeros(n), pos < 3, pos >= n - 3, pos < first, pos > last,
                            (shift(pa, 1) > 0) & (shift(pa, -1) > 0), np.log1p(run), np.log1p(dist), blank_above, blank_below,
                            shift(lw, 1), shift(se, 1), shift(pa, 1), shift(gone, 1),
                            shift(lw, -1), shift(se, -1), shift(pa, -1), shift(gone, -1), shift(low, -1)]).astype(float)
    return np.hstack([own, rest]), idx


def _shared(line: str, heads: set[str]) -> float:
    """The share of a line's content words that the title holds."""
    words = {w.lower() for w in WORD.findall(line)} - STOPWORDS
    return len(words & heads) / len(words) if words and heads else 0.0


def candidates(lines: list[str], kept: set[int], title: str | None = None) -> list[int]:
    """The indices of ``kept`` the model may remove: lines with text the prose guard does not protect,
    nor what the shape rules read as prose (:func:`.joins.split_sentence`: a sentence its links broke
    across lines; :func:`.joins.prose_lines`: the lede's dateline, a quotation's introduction), nor a
    line closing on a colon (a transcript's speaker, an introduction), nor the headline (the first line
    of four words or more above the first paragraph, or a line most of whose words the title holds)."""
    view = [s.strip() if i in kept else "" for i, s in enumerate(lines)]
    first = next((i for i, s in enumerate(view) if s and is_paragraph(s)), len(view))
    safe = split_sentence(view) | prose_lines(view, first)
    head = next((i for i in range(first) if view[i] and n_words(view[i]) >= 4), None)
    heads = {w.lower() for w in WORD.findall(title or "")} - STOPWORDS
    return [i for i in sorted(kept) if view[i] and i not in safe and i != head and not view[i].endswith(":")
            and not guarded(view[i]) and not (heads and _shared(view[i], heads) >= 0.5)]


def probabilities(x: np.ndarray, model: dict) -> np.ndarray:
    """The model's probability that each row of ``x`` is furniture."""
    z = (x - np.asarray(model["mean"])) / np.asarray(model["scale"])
    return 1.0 / (1.0 + np.exp(-(z @ np.asarray(model["weights"]) + float(model["bias"]))))


def model(threshold: float | None = None) -> dict | None:
    """The shipped model (``line_model.yaml``) with its threshold, or None when it is off (a null
    threshold); ``threshold`` in place of the file's."""
    data = line_model_data()
    t = data.get("threshold") if threshold is None else threshold
    if t is None or list(data.get("features") or []) != list(FEATURES):
        return None
    return {**data, "threshold": float(t)}


def furniture_lines(lines: list[str], kept: set[int], removed: set[int], template: frozenset[str],
                    fitted: dict, title: str | None = None) -> dict[int, float]:
    """{line index: probability} of the lines of ``kept`` (indices into ``lines``) the model reads as
    furniture at its threshold; a line the prose guard protects is never one."""
    cand = candidates(lines, kept, title)
    if not cand:
        return {}
    x, idx = features(lines, removed, template, title)
    p = probabilities(x, fitted)
    at = {i: k for k, i in enumerate(idx)}
    return {i: float(p[at[i]]) for i in sorted(cand) if i in at and p[at[i]] >= fitted["threshold"]}
