"""Per-article results packed: one file per computation, not one file per article.

:func:`presslens.engine.perarticle.by_article` keys each article's rows by the article (its key,
:func:`~presslens.engine.keys.article_key`, + the measure + its configuration + the code). Writing
each article's rows to a file of its own cost one small file per article and measure: 60,000 writes
(35 s) for notebook 01 on a cold 10,000-article story. Here the rows of all the articles one call
computed go to ONE pack (``NAME.pack.pkl``), and the article keys it holds to a small index beside it
(``NAME.keys.pkl``, written after the pack: an index names a whole pack). A later call reads the
indexes, then only the packs holding articles it wants, and takes each wanted article's rows from
the first pack holding it. So one new article still costs one article's work, and one small pack.

A pack is a list of each article's rows (in the order of its keys), or one table of every article's
rows with a ``_k`` column (the position of the row's article in the keys): see
:func:`presslens.engine.perarticle.table`. When a folder holds more than :data:`MAX_PACKS` packs
(many one-article additions), they are merged into one, each article once, and the ones read are
removed. Entries are written through :mod:`.store` (signed, atomic): a pack removed or written by
another process meanwhile reads as a miss, and its articles are computed again, never wrong.
"""
from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import store

MAX_PACKS = 16  # packs in one folder before they are merged into one
INDEX, PACK = ".keys.pkl", ".pack.pkl"


def names(folder: Path) -> list[str]:
    """The packs of ``folder`` whose index is written, in name order."""
    try:
        return sorted(p.name[:-len(INDEX)] for p in folder.iterdir() if p.name.endswith(INDEX))
    except OSError:
        return []


def _keys(folder: Path, name: str) -> list[str] | None:
    return store.load(folder / f"{name}{INDEX}", valid=lambda v: isinstance(v, list))


def _content(folder: Path, name: str, n: int) -> list | pd.DataFrame | None:
    def valid(v) -> bool:
        if isinstance(v, list):
            return len(v) == n
        return isinstance(v, pd.DataFrame) and "_k" in v.columns
    return store.load(folder / f"{name}{PACK}", valid=valid)


def load(folder: Path, want: set[str]) -> list[tuple[list[str], list | pd.DataFrame]]:
    """``(keys, content)`` of each pack holding a key of ``want`` that no earlier pack held (packs that
    cannot be read are skipped: their articles are misses)."""
    out = []
    left = set(want)
    for name in names(folder):
        if not left:
            break
        keys = _keys(folder, name)
        if keys is None or left.isdisjoint(keys):
            continue
        content = _content(folder, name, len(keys))
        if content is None:
            continue
        out.append((keys, content))
        left.difference_update(keys)
    return out


def pack_name(keys: list[str]) -> str:
    return hashlib.sha256("\0".join(keys).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def write(folder: Path, keys: list[str], content: list | pd.DataFrame) -> None:
    """Store ``content`` (each article's rows, or one table with ``_k``) for the articles ``keys``; merge
    the folder's packs when there are more than :data:`MAX_PACKS`."""
    if not keys:
        return
    name = pack_name(keys)
    store.store(folder / f"{name}{PACK}", content)
    store.store(folder / f"{name}{INDEX}", list(keys))
    there = names(folder)
    if len(there) > MAX_PACKS:
        compact(folder, there)


def compact(folder: Path, there: list[str]) -> None:
    """Merge the packs ``there`` into one (each article once, from the first pack holding it) and remove
    them; left as they are when they cannot all be read or are not of one kind."""
    read = []
    for name in there:
        keys = _keys(folder, name)
        content = _content(folder, name, len(keys)) if keys is not None else None
        if content is None:
            return
        read.append((name, keys, content))
    seen: dict[str, int] = {}
    if all(isinstance(c, list) for _, _, c in read):
        values = []
        for _, keys, content in read:
            for k, v in zip(keys, content):
                if k not in seen:
                    seen[k] = len(seen)
                    values.append(v)
        merged: Any = values
    elif all(isinstance(c, pd.DataFrame) for _, _, c in read):
        parts = []
        for _, keys, content in read:
            new_pos = np.full(len(keys), -1, dtype=np.int64)
            for i, k in enumerate(keys):
                if k not in seen:
                    seen[k] = len(seen)
                    new_pos[i] = seen[k]
            if len(content):
                at = new_pos[content["_k"].to_numpy()]
                rows = content[at >= 0]
                if len(rows):
                    parts.append(rows.assign(_k=at[at >= 0]))
        merged = pd.concat(parts, ignore_index=True) if parts else read[0][2].iloc[:0]
    else:
        return
    keys = list(seen)
    name = pack_name(keys)
    store.store(folder / f"{name}{PACK}", merged)
    store.store(folder / f"{name}{INDEX}", keys)
    if _keys(folder, name) != keys:  # not written (a read-only or full disk): keep the packs there are
        return
    for old, _, _ in read:
        if old != name:
            for suffix in (INDEX, PACK):  # the index first: a pack without one is never read
                with contextlib.suppress(OSError):
                    (folder / f"{old}{suffix}").unlink()
