"""Cleaning one article: hygiene and furniture (:mod:`.furniture`), then the story's boilerplate
patterns line by line, every removal reported with its rule.
"""
from __future__ import annotations

import re

from presslens import patterns
from . import furniture


# ----------------------------------------------------------------------------------------------
# cleaning

QUOTE_NORMALISE = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


def _norm_line(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(QUOTE_NORMALISE)).strip().casefold()


def clean(text: str, title: str | None, rules: list[dict]) -> tuple[str, list[dict]]:
    """Remove what is not the article from ``text``, line by line.

    First :func:`presslens.text.furniture.hygiene` (invisible characters, HTML left in the capture,
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
