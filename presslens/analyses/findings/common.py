"""Findings: what every group of findings shares (joining names, who a per-article fact is about, the printed block)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.engine import sanity


MAX_NAMES = 10  # names a finding lists; past it, how many more (a 60-outlet story's list is in its table)


def join(items: list[str], limit: int = MAX_NAMES) -> str:
    """``items`` as a sentence's list ("A, B and C"): the first ``limit``, then "and N more"."""
    items = list(items)
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _values(table: pd.DataFrame, col: str, digits: int | None) -> np.ndarray:
    v = pd.to_numeric(table[col], errors="coerce").to_numpy(dtype=float)
    # as the sentence prints it (Python's formatting, which np.round does not match at halves: 7.45 is "7.5")
    return v if digits is None else np.array([float(f"{x:.{digits}f}") for x in v], dtype=float)


def extremes(table: pd.DataFrame, col: str, largest: bool = True, digits: int | None = None) -> pd.DataFrame:
    """Every row of ``table`` at the largest (``largest``) or smallest value of ``col``, in the table's
    order: a superlative names all that tie for it, never the first of them only (NaN never counts).
    ``digits``: the decimals the finding prints the value with; values equal as printed tie (7.46 and 7.54
    are both "7.5": neither is the larger in the sentence a reader sees)."""
    v = _values(table, col, digits)
    ok = ~np.isnan(v)
    if not ok.any():
        return table.iloc[:0]
    target = v[ok].max() if largest else v[ok].min()
    return table[ok & np.isclose(v, target, rtol=1e-9, atol=1e-12)]


def all_equal(table: pd.DataFrame, col: str, digits: int | None = None) -> bool:
    """Whether two rows or more of ``table`` all have one value of ``col`` (NaN left out; ``digits``: as
    printed, see :func:`extremes`): then there is no most or least, and a finding says they are all the same."""
    v = _values(table, col, digits)
    v = v[~np.isnan(v)]
    return len(v) > 1 and bool(np.isclose(v.min(), v.max(), rtol=1e-9, atol=1e-12))


def tied(names, limit: int = MAX_NAMES, sep: str | None = None) -> str:
    """The names holding a superlative: "A" alone, "A and B (tied)" for a tie (each name once). ``sep``
    joins them instead of commas and "and" (a table cell of names that hold both: "Rules, legality and
    enforcement / Compliance and defence (tied)")."""
    names = list(dict.fromkeys(names))
    text = join(names, limit) if sep is None else sep.join(names[:limit]) + (sep + "…" if len(names) > limit else "")
    return text + (" (tied)" if len(names) > 1 else "")


def article_of(row, table: pd.DataFrame, labels: dict[str, str] | None = None) -> str:
    """Who a per-article fact is about: the outlet when it has one article in ``table``, else that
    article (its label, or its id): an outlet-level sentence must not state one article's fact."""
    if (table["outlet"] == row["outlet"]).sum() <= 1:
        return str(row["outlet"])
    aid = row.get("article_id") if hasattr(row, "get") else None
    name = (labels or {}).get(aid) if aid is not None else None
    return name or (f"{row['outlet']}, article {aid}" if aid is not None else f"one article of {row['outlet']}")


def render(lines: list[str]) -> str:
    """The findings as a bulleted block to print (an empty sentence makes no bullet)."""
    return "Findings (from the tables above):\n" + "\n".join(f"  - {s}" for s in lines if s and s.strip())


def not_english(*tables) -> str | None:
    """The language of the text behind ``tables`` (``attrs["language"]``, set by
    :func:`presslens.engine.sanity.tag_language`) when the English-built rules do not read it, else None
    (English, or a table that does not say)."""
    for t in tables:
        lang = getattr(t, "attrs", {}).get("language") if t is not None else None
        if lang is not None and not sanity.english(lang):
            return str(lang)
    return None


def plural(n, noun: str, many: str | None = None) -> str:
    """A count and its noun in agreement: "1 hit", "2 hits", "0 hits" (``many``: the plural when it is not the noun
    + "s": "1 country", "3 countries"). Every count a finding prints with a noun goes through it."""
    return f"{n} {noun if n == 1 else (many or noun + 's')}"


def verb(n, one: str, many: str) -> str:
    """The verb that agrees with a count: ``one`` for 1 ("1 pair is"), ``many`` otherwise ("0 pairs are")."""
    return one if n == 1 else many


def unread_line(unread, n_read: int, what: str, unit: str = "outlet") -> list[str]:
    """The sentence naming the outlets none of whose articles was read (``ctx.unread_outlets()``: every article left
    out), saying that ``what`` is unknown there and that the counts are of the ``n_read`` ``unit`` read (outlets;
    articles where the counts are of articles); none when all were read."""
    if not len(unread):
        return []
    return [f"Not read: {join(list(unread))} (every article left out: another language or a duplicate capture, see the "
            f"list above): {what} is unknown, and the counts here are of the {plural(n_read, unit)} read."]


def english_only(what: str, lang: str, table: str) -> str:
    """The finding that stands in for an English-only measure's on text in ``lang``: not compared."""
    return (f"{what}: not compared between outlets, since it is built for English and this story's text is "
            f"{lang!r}: its numbers there are not meaningful (table: {table}, for reference only).")
