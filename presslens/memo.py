"""Story-level tables cached on disk, so a warm run draws figures instead of recomputing.

The per-article stage (:mod:`presslens.engine`) caches what comes from one article; the analyses
then aggregate over the whole story (rates with bootstrap intervals per outlet, keyness, tone per
actor, the naming ledger...). :func:`story_table` caches those results too, under
``.cache/presslens/results/``, keyed by everything they are computed from:

- the function and the code of the whole package and its data files (any edit recomputes);
- for a :class:`~presslens.corpus.Story`: its fingerprint (story.yaml and every article's hash),
  every metadata column of its articles (so a subset or an edited copy in memory is a different
  key) and its configuration (actors, speakers, claims, lexicon overrides, cleaning rules);
- for a table: a hash of its contents; for anything else: its ``repr``. An argument whose ``repr``
  names a memory address cannot be keyed, and the call is simply computed.

Adding one article changes the story's key, so every aggregate is recomputed (the per-article work
is not). ``PRESSLENS_NO_RESULT_CACHE=1`` turns this cache off.
"""
from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import pandas as pd

from . import cache
from .corpus import Story


@functools.lru_cache(maxsize=1)
def code_hash() -> str:
    """A hash of every source and data file of the package."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for p in sorted([*root.rglob("*.py"), *root.rglob("*.yaml")]):
        h.update(p.relative_to(root).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _frame_hash(df: pd.DataFrame) -> str:
    h = hashlib.sha256(repr(list(df.columns)).encode())
    h.update(pd.util.hash_pandas_object(df.astype(str), index=False).to_numpy().tobytes())
    return h.hexdigest()


def story_key(story: Story) -> str:
    """What a story-level result depends on, as one hash (see the module docstring)."""
    h = hashlib.sha256(story.fingerprint.encode())
    # the articles' metadata, hashed once per articles table (every cached call keys on it)
    h.update(story._memo("frame_hash", lambda: _frame_hash(story.articles.drop(columns=["text"], errors="ignore")))
             .encode())
    config = (story.slug, story.actors, story.speakers, story.claims, story.boilerplate, story.lexicon,
              story.language, story.furniture, story.intended_duplicates, story.parties, story.all_outlets)
    h.update(repr(config).encode())
    return h.hexdigest()


def _part(x) -> str | None:
    if isinstance(x, Story):
        return "story:" + story_key(x)
    if isinstance(x, pd.DataFrame):
        return "frame:" + _frame_hash(x)
    r = repr(x)
    return None if " at 0x" in r else r


def story_table(fn):
    """Cache ``fn``'s result on disk under a key of its arguments and the package's code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if os.environ.get("PRESSLENS_NO_RESULT_CACHE"):
            return fn(*args, **kwargs)
        parts = [fn.__module__, fn.__qualname__, code_hash()]
        for name, value in [(None, a) for a in args] + sorted(kwargs.items()):
            p = _part(value)
            if p is None:
                return fn(*args, **kwargs)
            parts.append(p if name is None else f"{name}={p}")
        key = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
        path = cache.cache_dir() / "results" / key[:2] / f"{key}.pkl"
        got = cache.load(path)
        if got is not None:
            return got
        out = fn(*args, **kwargs)
        cache.store(path, out)
        return out

    wrapper.uncached = fn
    return wrapper
