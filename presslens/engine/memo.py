"""Story-level tables cached on disk, so a warm run draws figures instead of recomputing.

The per-article stage (:mod:`presslens.engine.fanout`) caches what comes from one article; the analyses
then aggregate over the whole story (rates with bootstrap intervals per outlet, keyness, tone per
actor, the naming ledger...). :func:`story_table` caches those results too, under
``.cache/presslens/results/``, keyed by everything they are computed from:

- the function, the package's code and data files, and the libraries' versions
  (:func:`~presslens.engine.keys.code_hash`: any edit or upgrade recomputes, but an edit of the layers
  above the analyses, which compute no result: figures, notebook set-up, runs, scoring, commands);
- for a :class:`~presslens.story.model.Story`: :func:`~presslens.engine.keys.story_key` (every field,
  and the content of its articles and references, text included: a subset or an article edited in
  memory is a different key);
- for a table: a hash of its contents; for anything else: its ``repr``. An argument whose ``repr``
  names a memory address cannot be keyed, and the call is simply computed.

Two processes asking for one table at once (two notebooks' kernels of a batch run) compute it once: the
second waits for the first's result (:func:`~presslens.engine.store.computing`).

Adding one article changes the story's key, so every aggregate is recomputed (the per-article work
is not). ``PRESSLENS_NO_RESULT_CACHE=1`` turns this cache off. ``story_table(memory=N)`` also keeps
the last N results in memory (a function called several times in one notebook).
"""
from __future__ import annotations

import copy
import functools
import hashlib
import os

from presslens.errors import ParameterError
from . import misslog, store
from .keys import code_hash, key_part


_OFF, _ON = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")


def result_cache_off() -> bool:
    """Whether ``PRESSLENS_NO_RESULT_CACHE`` turns the result cache off (1, true, yes, on) or not
    (unset, empty, 0, false, no, off; any case). Another value is a
    :class:`~presslens.errors.ParameterError` naming the variable and the values it takes, raised on
    every cached call, whether its result is cached or not."""
    raw = os.environ.get("PRESSLENS_NO_RESULT_CACHE")
    if raw is None:
        return False
    value = raw.strip().lower()
    if value in _OFF or value in _ON:
        return value in _OFF
    raise ParameterError.bad("environment", "PRESSLENS_NO_RESULT_CACHE", f"{raw[:40]!r} is neither yes nor no",
                             "set PRESSLENS_NO_RESULT_CACHE=1 (or true, yes, on) to compute every result afresh, "
                             "or 0 (false, no, off) or unset it to use the cache")


def story_table(fn=None, *, memory: int = 0):
    """Cache ``fn``'s result on disk under a key of its arguments and the package's code.
    ``memory``: also keep the last ``memory`` results in this process (a function a notebook calls
    several times), each call given its own copy, so a caller that edits its table in place does not
    change the next caller's; :func:`~presslens.engine.store.clear_memory` empties it."""
    if fn is None:
        return functools.partial(story_table, memory=memory)
    kept: dict[str, object] = store.in_memory({})

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if result_cache_off():
            return fn(*args, **kwargs)
        with misslog.lookup("story", f"{fn.__module__}.{fn.__qualname__}") as seen:
            return _cached(args, kwargs, seen)

    def _cached(args, kwargs, seen):
        parts = [fn.__module__, fn.__qualname__, code_hash()]
        for name, value in [(None, a) for a in args] + sorted(kwargs.items()):
            p = key_part(value)
            if p is None:
                seen.miss(uncacheable=True)
                return fn(*args, **kwargs)
            parts.append(p if name is None else f"{name}={p}")
        key = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
        path = store.cache_dir() / "results" / key[:2] / f"{key}.pkl"
        mkey = f"{store.cache_dir()}\0{key}"  # another cache folder (a test's, a benchmark's) is another memory
        if memory and mkey in kept:
            return copy.deepcopy(kept[mkey])
        got = store.load(path)
        if got is None:
            # another process (a notebook's kernel beside this one) computing the same table: wait for its result
            with store.computing(path) as waited:
                got = store.load(path) if waited else None
                if got is None:
                    seen.miss()
                    got = fn(*args, **kwargs)
                    store.store(path, got)
        if memory:
            kept[mkey] = copy.deepcopy(got)
            while len(kept) > memory:
                kept.pop(next(iter(kept)))
        return got

    wrapper.uncached = fn
    return wrapper
