"""Story-level tables cached on disk, so a warm run draws figures instead of recomputing.

The per-article stage (:mod:`presslens.engine.fanout`) caches what comes from one article; the analyses
then aggregate over the whole story (rates with bootstrap intervals per outlet, keyness, tone per
actor, the naming ledger...). :func:`story_table` caches those results too, under
``.cache/presslens/results/``, keyed by everything they are computed from:

- the function, the code of the whole package and its data files, and the libraries' versions
  (:func:`~presslens.engine.keys.code_hash`: any edit or upgrade recomputes);
- for a :class:`~presslens.story.model.Story`: :func:`~presslens.engine.keys.story_key` (every field,
  and the content of its articles and references, text included: a subset or an article edited in
  memory is a different key);
- for a table: a hash of its contents; for anything else: its ``repr``. An argument whose ``repr``
  names a memory address cannot be keyed, and the call is simply computed.

Adding one article changes the story's key, so every aggregate is recomputed (the per-article work
is not). ``PRESSLENS_NO_RESULT_CACHE=1`` turns this cache off.
"""
from __future__ import annotations

import functools
import hashlib
import os

from . import store
from .keys import code_hash, key_part


def story_table(fn):
    """Cache ``fn``'s result on disk under a key of its arguments and the package's code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if os.environ.get("PRESSLENS_NO_RESULT_CACHE"):
            return fn(*args, **kwargs)
        parts = [fn.__module__, fn.__qualname__, code_hash()]
        for name, value in [(None, a) for a in args] + sorted(kwargs.items()):
            p = key_part(value)
            if p is None:
                return fn(*args, **kwargs)
            parts.append(p if name is None else f"{name}={p}")
        key = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
        path = store.cache_dir() / "results" / key[:2] / f"{key}.pkl"
        got = store.load(path)
        if got is not None:
            return got
        out = fn(*args, **kwargs)
        store.store(path, out)
        return out

    wrapper.uncached = fn
    return wrapper
