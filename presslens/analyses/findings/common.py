"""Findings: what every group of findings shares (joining names, who a per-article fact is about, the printed block)."""
from __future__ import annotations

import pandas as pd

from presslens.engine import sanity


MAX_NAMES = 10  # names a finding lists; past it, how many more (a 60-outlet story's list is in its table)


def join(items: list[str], limit: int = MAX_NAMES) -> str:
    """``items`` as a sentence's list ("A, B and C"): the first ``limit``, then "and N more"."""
    items = list(items)
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def article_of(row, table: pd.DataFrame, labels: dict[str, str] | None = None) -> str:
    """Who a per-article fact is about: the outlet when it has one article in ``table``, else that
    article (its label, or its id): an outlet-level sentence must not state one article's fact."""
    if (table["outlet"] == row["outlet"]).sum() <= 1:
        return str(row["outlet"])
    aid = row.get("article_id") if hasattr(row, "get") else None
    name = (labels or {}).get(aid) if aid is not None else None
    return name or (f"{row['outlet']}, article {aid}" if aid is not None else f"one article of {row['outlet']}")


def render(lines: list[str]) -> str:
    """The findings as a bulleted block to print."""
    return "Findings (from the tables above):\n" + "\n".join(f"  - {s}" for s in lines)


def not_english(*tables) -> str | None:
    """The language of the text behind ``tables`` (``attrs["language"]``, set by
    :func:`presslens.engine.sanity.tag_language`) when the English-built rules do not read it, else None
    (English, or a table that does not say)."""
    for t in tables:
        lang = getattr(t, "attrs", {}).get("language") if t is not None else None
        if lang is not None and not sanity.english(lang):
            return str(lang)
    return None


def english_only(what: str, lang: str, table: str) -> str:
    """The finding that stands in for an English-only measure's on text in ``lang``: not compared."""
    return (f"{what}: not compared between outlets, since it is built for English and this story's text is "
            f"{lang!r}: its numbers there are not meaningful (table: {table}, for reference only).")
