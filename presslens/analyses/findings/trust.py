"""How far to trust a notebook's findings: one sentence with the figures measured on real coverage presslens's rules
were never tuned on (the evaluation's test stories, ``presslens/data/measured.yaml`` written by ``make eval``), so a
reader sees beside the findings how often the analysis behind them was right. A figure from few items says so."""
from __future__ import annotations

from presslens import data

FEW = 30  # items scored under this: the figure is called rough beside it
# per notebook topic, the measures quoted: (analysis, measure, how the sentence names it)
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


def _figure(m: dict) -> str | None:
    items = m.get("items")
    few = isinstance(items, int) and items < FEW
    if m.get("kind") == "prf" and m.get("precision") is not None and m.get("recall") is not None:
        return (f"precision {m['precision']:.2f}, recall {m['recall']:.2f}"
                + (f" (only {items} items: a rough figure)" if few else ""))
    if m.get("share") is not None:
        right = m.get("n_yes")
        count = f"{right} of {items}" if m.get("kind") == "share" and isinstance(right, int) and isinstance(items, int) else ""
        if few:
            return f"{m['share']:.2f} (only {count or f'{items} items'}: a rough figure)"
        return f"{m['share']:.2f}" + (f" ({count})" if count else "")
    return None


def caveat(topic: str, measured: dict | None = None) -> str | None:
    """The sentence for ``topic`` (a key of ``TOPICS``), or ``None`` when nothing was measured for it."""
    measured = data.measured() if measured is None else measured
    found = measured.get("measures") or {}
    parts = []
    for analysis, measure, label in TOPICS[topic]:
        m = found.get(f"{analysis}: {measure}")
        fig = _figure(m) if isinstance(m, dict) else None
        if fig:
            parts.append(f"{label} {fig}")
    if not parts:
        return None
    return (f"How far to trust these findings: on {measured.get('stories')} test stories of real coverage "
            f"({measured.get('articles')} articles) that presslens's rules were never tuned on, " + "; ".join(parts)
            + " (docs/accuracy.md, `make eval`). Check the rows behind a number before quoting it.")


def caveat_lines(topic: str) -> list[str]:
    """The topic's sentence as a findings list (empty when nothing was measured): a notebook adds it to its findings."""
    c = caveat(topic)
    return [c] if c else []
