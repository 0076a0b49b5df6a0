"""How far to trust a notebook's findings: one sentence with the figures measured on real coverage presslens's rules
were never tuned on (the evaluation's test stories, ``presslens/data/measured.yaml`` written by ``make eval``), so a
reader sees beside the findings how often the analysis behind them was right. A figure from few items says so."""
from __future__ import annotations

import math

from presslens import data
from .common import join, not_english, plural

FEW = 30  # items scored under this: the figure is called rough beside it
# per notebook topic, the measures quoted: (analysis, measure, how the sentence names it), and those measured with
# rules that read English only (ENGLISH: quote attribution, machine-translation tells), which say nothing of text in
# another language
ENGLISH = {("quotes", "direct quotes: speakers"), ("quotes", "reported speech: speakers"),
           ("quotes", "parties: speaks in article"), ("translation", "machine translation"),
           ("translation", "source language")}
TOPICS = {
    "corpus": [("furniture", "furniture lines removed", "page furniture removed"),
               ("furniture", "measured sentences that are furniture", "measured sentences that were still furniture")],
    "naming": [("translation", "machine translation", "undeclared machine translations called"),
               ("translation", "source language", "source language right"),
               ("names", "name variants proposed", "name variants proposed"),
               ("names", "false proposals", "proposals that were false")],
    "sources": [("quotes", "direct quotes: speakers", "speakers of direct quotes"),
                ("quotes", "reported speech: speakers", "speakers of reported speech"),
                ("quotes", "parties: speaks in article", "whether a party speaks in an article (balance)")],
    "reuse": [("pairs", "relation", "relation of two articles right"),
              ("pairs", "credit status", "credit status right"),
              ("pairs", "direction", "which article came first right"),
              ("pairs", "common wire called copied without credit", "common wire copy called copied")],
    "claims": [("claims", "articles carrying a claim", "articles carrying a claim"),
               ("facts", "claims matched by a discovered fact", "labelled claims matched by a discovered fact")],
}


def _count(v) -> int | None:
    """A count read from the file: a whole number of zero or more (``26`` or ``26.0``), else None (a boolean,
    text, a fraction or a negative number is no count)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0 or v != int(v):
        return None
    return int(v)


def _rate(v) -> float | None:
    """A figure read from the file: a number from 0 to 1, else None (text, NaN, out of range: not quoted)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1:
        return None
    return float(v)


def _prf(m: dict) -> str | None:
    """Precision and recall, each said rough when it rests on fewer than ``FEW`` items: precision on what was
    found (tp + fp), recall on what was labelled (tp + fn); without those counts, on all the items scored."""
    p, r = _rate(m.get("precision")), _rate(m.get("recall"))
    if p is None or r is None:
        return None
    tp, fp, fn, items = (_count(m.get(k)) for k in ("tp", "fp", "fn", "items"))
    if None not in (tp, fp, fn):
        found, labelled = tp + fp, tp + fn
        if not found or not labelled:  # a figure of nothing: 0 of 0 is no precision
            return None
        few = [x for x, n in ((f"precision on only {found} found", found), (f"recall on only {labelled} labelled",
                                                                           labelled)) if n < FEW]
        note = f" ({' and '.join(few)}: {'rough figures' if len(few) > 1 else 'a rough figure'})" if few else ""
    elif items is not None:
        if not items:
            return None
        note = f" (only {plural(items, 'item')}: a rough figure)" if items < FEW else ""
    else:
        note = " (how many items were scored is not recorded)"
    return f"precision {p:.2f}, recall {r:.2f}{note}"


def _share(m: dict) -> str | None:
    s, items, right = _rate(m.get("share")), _count(m.get("items")), _count(m.get("n_yes"))
    if s is None or items == 0:
        return None
    count = f"{right} of {items}" if m.get("kind") == "share" and right is not None and items is not None else ""
    if items is None:
        return f"{s:.2f} (how many items were scored is not recorded)"
    if items < FEW:
        return f"{s:.2f} (only {count or plural(items, 'item')}: a rough figure)"
    return f"{s:.2f}" + (f" ({count})" if count else "")


def _figure(m: dict) -> str | None:
    if m.get("kind") == "prf":
        return _prf(m)
    return _share(m)


def caveat(topic: str, measured: dict | None = None, language: str | None = None) -> str | None:
    """The sentence for ``topic`` (a key of ``TOPICS``), or ``None`` when nothing was measured for it. A file that is
    missing, empty or partial says what it holds and no more: a measure without a usable figure is left out, a
    figure of no items is none, and the stories and articles are counted only when the file counts them. On a story
    whose text is in ``language``, not English, a figure of rules that read English only (:data:`ENGLISH`) is not
    quoted: the sentence says it was measured on English text and does not apply."""
    measured = data.measured() if measured is None else measured
    found = measured.get("measures") if isinstance(measured, dict) else None
    if not isinstance(found, dict):
        return None
    parts, english = [], []
    for analysis, measure, label in TOPICS[topic]:
        m = found.get(f"{analysis}: {measure}")
        fig = _figure(m) if isinstance(m, dict) else None
        if fig and language and (analysis, measure) in ENGLISH:
            english.append(label)
        elif fig:
            parts.append(f"{label} {fig}")
    moot = (f"figures for {join(english)} were measured on English text and do not apply to this story's text "
            f"({language!r}), which those rules do not read") if english else ""
    if not parts:
        return f"How far to trust these findings: presslens's {moot} (docs/accuracy.md)." if moot else None
    stories, articles = _count(measured.get("stories")), _count(measured.get("articles"))
    where = ("test stories of real coverage" if not stories else
             f"{stories} test stor{'y' if stories == 1 else 'ies'} of real coverage"
             + (f" ({articles} article{'' if articles == 1 else 's'})" if articles else ""))
    return (f"How far to trust these findings: on {where} that presslens's rules were never tuned on, "
            + "; ".join(parts) + (f"; the {moot}" if moot else "")
            + " (docs/accuracy.md, `make eval`). Check the rows behind a number before quoting it.")


def caveat_lines(topic: str, *tables) -> list[str]:
    """The topic's sentence as a findings list (empty when nothing was measured): a notebook adds it to its findings.
    ``tables``: the notebook's tables, whose language (:func:`.common.not_english`) says whether figures of rules
    that read English only apply."""
    c = caveat(topic, language=not_english(*tables))
    return [c] if c else []
