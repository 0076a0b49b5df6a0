"""Per-article measures cached with the article: the analyses' work that needs one article only
(quote extraction, name mentions, lexicon hits, readability counts, claim hits, the sources an article
names) is computed per article and cached under the article's key, so one new article costs one
article's work for these too, not the whole story's.

:func:`by_article` is the whole mechanism: an analysis gives a measure name, the part of the
story's configuration the measure reads (actors and speakers for quotes, the lexicon for hits...)
and a function computing the measure's rows for a list of article ids at once (vectorised measures
stay vectorised on the articles left to do); :func:`table` is the same for a measure whose rows are
one table (lexicon hits, name mentions), without a table per article. Each article's rows are keyed by
:func:`~presslens.engine.keys.article_key` (its id, outlet, title, text, the cleaning rules, the
per-article stage's code and the libraries' versions) + the measure + that configuration + the
package's code (:func:`~presslens.engine.keys.code_hash`), and the rows one call computes are stored
together, in one pack (:mod:`.packs`) under ``.cache/presslens/measures/``: one file per call, not
one per article.
Sentence ids are stored relative to the article's first sentence, so an article keeps its rows
wherever it sits in a story. The analyses still cache the story-level result (:mod:`.memo`): this
cache is what a story-level miss is rebuilt from.

**Fan-out**: inside :func:`parallel` (the gate, :func:`presslens.notebook.gate.check_story`, which
runs alone before any notebook), the articles left to compute are split into chunks computed on
local worker processes (all cores) when there are at least :data:`PARALLEL_MIN` of them, as the
per-article stage does (:mod:`.fanout`). Elsewhere (a notebook's kernel, which shares the cores with
another notebook) they are computed here: the workers cost CPU time of their own (copied memory
pages, rows sent back), 1.2 to 2 times the serial CPU time, which only pays when cores are idle. The measure's function is the analysis's own (a closure over the story): the
workers are forked, so they inherit it, and the story's tables, without pickling either; only the
article ids go out and the rows come back. An analysis registers nothing: whatever it hands to
:func:`by_article` runs there. Results are identical in any chunking, since each article's rows
depend on that article only (the cache already relies on it). Where processes cannot be forked
(not Linux), inside a worker, or on one core, the function runs here on all the articles at once.
"""
from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable

import numpy as np
import pandas as pd

from presslens import patterns
from presslens.story.model import Story
from . import misslog, packs, store, tables
from .keys import article_key, cleaning_rules, cleaning_rules_key, code_hash
from .fanout import story_templates

# measure -> the article ids its last computation computed (not read from the cache): what a test counts
computed: dict[str, list[str]] = {}


def _offsets(story: Story) -> dict[str, int]:
    s = tables.process(story).sentences
    if s.empty:
        return {}
    first = s.groupby("article_id", sort=False)["sent_id"].min()
    return first.to_dict()


def _shift(obj, delta: int):
    """``obj`` (rows as dicts, or a table) with ``delta`` added to its sentence ids."""
    if not delta:
        return obj
    if isinstance(obj, pd.DataFrame):
        return obj.assign(sent_id=obj["sent_id"] + delta) if len(obj) else obj
    return [{**r, "sent_id": r["sent_id"] + delta} for r in obj]


def _article_keys(story: Story, measure: str, config: str, fields: tuple[str, ...]):
    """The folder of the measure's packs (:mod:`.packs`) and ``{article id: its key}`` in story order."""
    rules = cleaning_rules(story)
    rk = cleaning_rules_key(rules)
    templates = story_templates(story, rules)  # the cleaned text, hence every measure, depends on them
    base = hashlib.sha256("\0".join((measure, config, code_hash())).encode("utf-8", "surrogatepass")).hexdigest()
    folder = store.cache_dir() / "measures" / measure / base[:32]
    key_of: dict[str, str] = {}
    for art in story.articles.itertuples(index=False):
        extra = repr([getattr(art, f) for f in fields]) if fields else ""
        key_of[art.id] = hashlib.sha256((article_key(art, rk, templates.get(art.id, frozenset())) + base + extra)
                                        .encode("utf-8", "surrogatepass")).hexdigest()
    return folder, key_of


def by_article(story: Story, measure: str, config: str, compute: Callable[[list[str]], dict[str, Any]],
               sent_ids: bool = False, fields: tuple[str, ...] = (), use_cache: bool = True) -> dict[str, Any]:
    """``{article id: its rows of measure}`` for every article of ``story``, in story order.

    ``compute(ids)`` returns the rows of each of those articles (a list of dicts or a table; an
    empty one for an article without any) and is called once, with the articles whose rows are not
    cached. ``sent_ids``: the rows hold the story's sentence ids (``sent_id``), stored relative to
    the article's first sentence and put back for this story. ``fields``: other columns of the
    article's row the measure reads (e.g. ``translated_from``), part of its key. The rows computed
    by one call are stored in one pack (:mod:`.packs`)."""
    folder, key_of = _article_keys(story, measure, config, fields)
    offsets = _offsets(story) if sent_ids else {}
    out: dict[str, Any] = {}
    if use_cache:
        aid_of = {k: a for a, k in key_of.items()}
        for keys, values in packs.load(folder, set(aid_of)):
            if not isinstance(values, list):
                continue
            for k, v in zip(keys, values):
                aid = aid_of.get(k)
                if aid is not None and aid not in out and isinstance(v, (list, pd.DataFrame)):
                    out[aid] = _shift(v, offsets.get(aid, 0))
    todo = [aid for aid in key_of if aid not in out]
    if todo:
        computed[measure] = list(todo)
        with misslog.lookup("measure", measure) as seen:
            seen.miss(articles=len(todo))
            new = fan_out(compute, todo)
        for aid in todo:
            out[aid] = new[aid]
        if use_cache:
            packs.write(folder, [key_of[a] for a in todo], [_shift(new[a], -offsets.get(a, 0)) for a in todo])
    return {aid: out[aid] for aid in key_of}


def table(story: Story, measure: str, config: str, compute: Callable[[list[str]], pd.DataFrame],
          columns: list[str], sent_ids: bool = False, fields: tuple[str, ...] = ()) -> pd.DataFrame:
    """:func:`by_article` for a measure whose rows are one table with an ``article_id`` column: the
    rows of every article of ``story`` as one table, the articles in story order, each article's rows
    in the order ``compute`` gave them (what :func:`concat` of :func:`by_article`'s tables gives),
    without a table per article. ``compute(ids)`` returns the rows of those articles as one table;
    they are stored as one table in one pack (:mod:`.packs`). No row at all: an empty table of
    ``columns``."""
    folder, key_of = _article_keys(story, measure, config, fields)
    offsets = _offsets(story) if sent_ids else {}
    pos = {aid: i for i, aid in enumerate(key_of)}
    aid_of = {k: a for a, k in key_of.items()}
    parts: list[pd.DataFrame] = []
    done: set[str] = set()
    for keys, tab in packs.load(folder, set(aid_of)):
        if not isinstance(tab, pd.DataFrame):
            continue
        aids = [aid_of.get(k) for k in keys]
        take = np.array([a is not None and a not in done for a in aids], dtype=bool)
        done.update(a for a, t in zip(aids, take) if t)
        k = tab["_k"].to_numpy()
        rows = tab[take[k]]
        if not len(rows):
            continue
        k = rows["_k"].to_numpy()
        rows = rows.drop(columns="_k")
        if sent_ids:
            delta = np.array([offsets.get(a, 0) if a is not None else 0 for a in aids], dtype=np.int64)[k]
            rows = rows.assign(sent_id=rows["sent_id"].to_numpy() + delta)
        parts.append(rows.assign(_pos=np.array([pos.get(a, -1) for a in aids], dtype=np.int64)[k]))
    todo = [aid for aid in key_of if aid not in done]
    if todo:
        computed[measure] = list(todo)
        with misslog.lookup("measure", measure) as seen:
            seen.miss(articles=len(todo))
            new = fan_out_table(compute, todo)
        at = {a: i for i, a in enumerate(todo)}
        stored = new.assign(_k=new["article_id"].map(at).to_numpy(dtype=np.int64)) if len(new) else new.assign(_k=np.int64(0))
        if sent_ids and len(new):
            stored["sent_id"] = new["sent_id"].to_numpy() - new["article_id"].map(offsets).fillna(0).to_numpy(dtype=np.int64)
        packs.write(folder, [key_of[a] for a in todo], stored.reset_index(drop=True))
        if len(new):
            parts.append(new.assign(_pos=new["article_id"].map(pos).to_numpy(dtype=np.int64)))
    if not parts:
        return pd.DataFrame([], columns=columns)
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return out.sort_values("_pos", kind="mergesort").drop(columns="_pos").reset_index(drop=True)


PARALLEL_MIN = 64  # fewer articles to compute than this are computed in this process
CHUNKS_PER_WORKER = 2  # chunks per worker: fewer chunks cost less; more leave a worker less idle time
_JOB: list = []  # the function the forked workers run (set only while a pool is open)
_IN_WORKER = False  # in a worker: a measure computed inside another one's chunk is computed in place
_PARALLEL: list = []  # non-empty inside parallel()


@contextlib.contextmanager
def parallel():
    """Within the block, :func:`by_article` computes on worker processes (see the module docstring)."""
    _PARALLEL.append(True)
    try:
        yield
    finally:
        _PARALLEL.pop()


def _worker_init() -> None:
    global _IN_WORKER
    _IN_WORKER = True


def _run_chunk(ids: list[str], share: float, total: float) -> dict[str, Any]:
    with patterns.budget(share, total):  # the story's patterns' budget, shared by the chunks by size
        return _JOB[0](ids)


def workers() -> int:
    """Worker processes for a fan-out: the cores, or 1 (compute here) where forking is not available."""
    if _IN_WORKER or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return os.cpu_count() or 1


def _in_workers(compute: Callable, ids: list[str]) -> list | None:
    """``compute`` of chunks of ``ids`` on forked worker processes inside :func:`parallel` when there
    are enough of them (see the module docstring), the chunks' results in order; None: compute here."""
    n = workers()
    if n < 2 or len(ids) < PARALLEL_MIN or _JOB or not _PARALLEL:
        return None
    size = -(-len(ids) // (n * CHUNKS_PER_WORKER))
    chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
    total = patterns.default_budget()
    _JOB.append(compute)
    try:
        with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_worker_init) as pool:
            return list(pool.map(_run_chunk, chunks, [total * len(c) / len(ids) for c in chunks],
                                 [total] * len(chunks)))
    finally:
        _JOB.clear()


def fan_out(compute: Callable[[list[str]], dict[str, Any]], ids: list[str]) -> dict[str, Any]:
    """``compute(ids)``, on forked worker processes in chunks of ids inside :func:`parallel` when there
    are enough of them (see the module docstring); the same ``{id: rows}`` either way."""
    parts = _in_workers(compute, ids)
    if parts is None:
        return compute(ids)
    out: dict[str, Any] = {}
    for part in parts:
        out.update(part)
    return out


def fan_out_table(compute: Callable[[list[str]], pd.DataFrame], ids: list[str]) -> pd.DataFrame:
    """:func:`fan_out` for a ``compute`` returning one table: the chunks' tables concatenated in order."""
    parts = _in_workers(compute, ids)
    if parts is None:
        return compute(ids)
    full = [p for p in parts if len(p)]
    if not full:
        return parts[0]
    return pd.concat(full, ignore_index=True) if len(full) > 1 else full[0]


def split(table: pd.DataFrame, ids: list[str]) -> dict[str, pd.DataFrame]:
    """``table``'s rows per article (an ``article_id`` column), an empty table for an article with none."""
    groups = {k: g.reset_index(drop=True) for k, g in table.groupby("article_id", sort=False)} if len(table) else {}
    return {aid: groups.get(aid, table.iloc[:0]) for aid in ids}


def concat(parts: dict[str, pd.DataFrame], order, columns: list[str]) -> pd.DataFrame:
    """The articles' tables in ``order`` as one (the empty ones left out, so no column changes type)."""
    frames = [parts[a] for a in order if len(parts[a])]
    if not frames:
        return pd.DataFrame([], columns=columns)
    return pd.concat(frames, ignore_index=True)
