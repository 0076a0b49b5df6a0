"""The per-article stage: every article processed once, in parallel, and cached by content.

:func:`presslens.text.article.process_article` is a pure function of one article (its text, title, outlet,
the story's cleaning rules and the code). :func:`per_article` runs it for every article of a story:

- **Cache**: each result is stored under a key hashing exactly those inputs
  (``.cache/presslens/articles/``, one small pickle each), so adding one article to ten thousand processes one, and editing
  the boilerplate patterns or the code reprocesses everything (the key changes).
- **Fan-out**: uncached articles are processed in chunks on local processes (all cores) when there
  are enough of them to pay for the start-up; with ``PRESSLENS_SCHEDULER`` (or
  ``DASK_SCHEDULER_ADDRESS``) set to a Dask distributed scheduler's address, and the ``distributed``
  package installed, the chunks run on that cluster instead. Results are identical either way: the
  function is pure and the order is the story's.
"""
from __future__ import annotations

import contextlib
import logging
import os
import time
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from presslens import patterns
from presslens.errors import ParameterError
from presslens.story.model import Story
from presslens.text import shape
from presslens.text.article import process_article
from . import misslog, store
from .keys import article_key, cleaning_rules, cleaning_rules_key, templates_key


PARALLEL_MIN = 64  # fewer uncached articles than this are processed in this process
CHUNK = 32


def _cache_root() -> Path:
    return store.cache_dir() / "articles"


def run_chunk(items: list[tuple], rules: list[dict], budget: float | None = None) -> list[dict]:
    """``process_article`` over ``items``; the story's own patterns may take ``budget`` seconds in all
    (this chunk's share of the story's budget, see :mod:`presslens.patterns`)."""

    with patterns.budget(budget, patterns.default_budget()):
        return [process_article(*it[:4], rules, *it[4:]) for it in items]


def story_templates(story: Story, rules: list[dict]) -> dict[str, frozenset[str]]:
    """The template lines of each article (lines that recur across the story's pages, see
    :func:`presslens.text.shape.template_keys`); none when the story switched the rule off.

    Cached by :func:`~presslens.engine.keys.templates_key` (the articles' ids, URLs, outlets and texts,
    the cleaning rules and the per-article stage's code): in memory for the last few stories (a
    notebook asks for the whole story and its measured subset in turn, once per measure) and on disk,
    so each notebook's kernel reads them instead of recomputing them over every article."""
    if not any(r.get("shape") == "template-line" for r in rules):
        return {}
    key = templates_key(story, rules)
    if key in _TEMPLATES:
        return _TEMPLATES[key]
    path = store.cache_dir() / "templates" / key[:2] / f"{key}.pkl"
    value = store.load(path, _is_templates)
    if value is None:
        arts = story.articles
        urls = arts["url"] if "url" in arts else [None] * len(arts)
        docs = [(a, shape.site_of(u, o), t) for a, u, o, t in zip(arts["id"], urls, arts["outlet"], arts["text"])]
        value = shape.template_keys(docs)
        store.store(path, value)
    if len(_TEMPLATES) >= 8:
        _TEMPLATES.pop(next(iter(_TEMPLATES)))
    _TEMPLATES[key] = value
    return value


def _is_templates(value) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, frozenset) for k, v in value.items())


_TEMPLATES: dict[str, dict[str, frozenset[str]]] = store.in_memory({})  # templates_key -> template lines


def scheduler_address() -> str | None:
    return os.environ.get("PRESSLENS_SCHEDULER") or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


SCHEDULER_TIMEOUT = 3  # seconds to reach a Dask scheduler before processing locally instead
_WARNED: set[str] = set()


def _scheduler_variable() -> str:
    return "PRESSLENS_SCHEDULER" if os.environ.get("PRESSLENS_SCHEDULER") else "DASK_SCHEDULER_ADDRESS"


def _say_fallback(address: str, why: str) -> None:
    """One line on stderr (once per scheduler and reason): the scheduler cannot be used, work stays local."""
    line = (f"presslens: the Dask scheduler {address[:100]!r} ({_scheduler_variable()}) cannot be used ({why}); "
            f"processing on this machine instead. Fix: start the scheduler and its workers (dask worker ADDRESS), "
            f"correct the address "
            f"(e.g. tcp://HOST:8786), or unset {_scheduler_variable()}")
    if line not in _WARNED:
        _WARNED.add(line)
        print(line, file=sys.stderr)


_ADDRESS = re.compile(r"(?:(?:tcp|tls|inproc|ucx|ws|wss)://)?[\w.\-\[\]:%]+(?::\d{1,5})?/?")


def check_scheduler() -> None:
    """A scheduler variable set to something that is not an address is a
    :class:`~presslens.errors.ParameterError` naming it, said up front (the gate calls this), even
    when every article comes from the cache and no scheduler would be asked. A well-formed address no
    scheduler answers at is not an error: the fan-out says so and works locally."""
    address = scheduler_address()
    if address and not _ADDRESS.fullmatch(address.strip()):
        var = _scheduler_variable()
        raise ParameterError.bad("environment", var, f"{address[:60]!r} is not a Dask scheduler's address",
                                 f"set {var} to an address such as tcp://HOST:8786 (schemes: tcp, tls, inproc, ucx, "
                                 f"ws, wss), or unset it to process on this machine")


def _dask_client(address: str):
    """A connected ``distributed.Client``, or None (after one line saying why) when the address is not
    usable: ``distributed`` not installed, an address that is not one, or no scheduler answering within
    :data:`SCHEDULER_TIMEOUT` seconds."""
    if not _ADDRESS.fullmatch(address.strip()):
        _say_fallback(address, "not an address such as tcp://HOST:8786")
        return None
    try:
        from distributed import Client  # optional: pip install "dask[distributed]"
    except ImportError:
        _say_fallback(address, "the distributed package is not installed: pip install 'dask[distributed]'")
        return None
    quiet = [logging.getLogger(n) for n in ("distributed", "tornado", "asyncio")]
    levels = [lg.level for lg in quiet]
    for lg in quiet:
        lg.setLevel(logging.CRITICAL + 1)
    made = []

    class _Client(Client):  # keeps hold of a client whose start failed, to close it at once
        def __init__(self, *args, **kwargs):
            made.append(self)
            super().__init__(*args, **kwargs)

    try:
        return _Client(address.strip(), timeout=SCHEDULER_TIMEOUT, set_as_default=False)
    except Exception as exc:  # OSError, TimeoutError, ValueError, garbage answers: whatever the address says
        for c in made:  # else its clean-up waits seconds, then prints a traceback when Python exits
            with contextlib.suppress(Exception):
                c.close(timeout=1)
            with contextlib.suppress(Exception):
                c.status = "closed"
        _say_fallback(address, f"{type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else 'no answer'}")
        return None
    finally:
        for lg, lv in zip(quiet, levels):
            lg.setLevel(lv)


def fan_out(items: list[tuple], rules: list[dict], workers: int | None = None) -> list[dict]:
    chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    total = patterns.default_budget()  # the story's patterns' budget, shared by the chunks by size
    shares = [total * len(c) / max(1, len(items)) for c in chunks]
    address = scheduler_address()
    client = _dask_client(address) if address else None
    parts: list[list[dict] | None] = [None] * len(chunks)
    if client is not None:
        with client:
            _on_cluster(client, address, chunks, rules, shares, parts)
    left = [i for i, part in enumerate(parts) if part is None]  # all of them, unless a cluster did some
    if left:
        workers = workers or os.cpu_count() or 1
        if workers < 2 or sum(len(chunks[i]) for i in left) < PARALLEL_MIN:
            for i in left:
                parts[i] = run_chunk(chunks[i], rules, shares[i])
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                for i, part in zip(left, pool.map(run_chunk, [chunks[i] for i in left], [rules] * len(left),
                                                  [shares[i] for i in left])):
                    parts[i] = part
    return [r for part in parts for r in part]  # type: ignore[union-attr]


WORKER_TIMEOUT = 10.0  # seconds a scheduler may go without any worker (none joined, or all left) before work stays here
_POLL = 2.0  # seconds between looks at a cluster that has finished nothing since


def _on_cluster(client, address: str, chunks: list, rules: list[dict], shares: list[float], parts: list) -> None:
    """Run ``chunks`` on the cluster into ``parts``; chunks it cannot finish stay None (run here). A
    scheduler without workers never makes the run wait for ever: when no worker has joined within
    :data:`WORKER_TIMEOUT` seconds, or every worker has left for that long with work pending, one line
    says so and the rest of the work runs on this machine."""
    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
    except Exception:  # distributed's TimeoutError, or a scheduler gone meanwhile
        _say_fallback(address, f"no worker has joined it within {WORKER_TIMEOUT:g} s")
        return
    futures = client.map(run_chunk, chunks, [rules] * len(chunks), shares, pure=False)
    index = {f.key: i for i, f in enumerate(futures)}
    pending = list(futures)
    idle, last_look = 0.0, time.monotonic()
    while pending:  # polled (Future.done() is local): distributed.wait() wants a default client, this one is not
        finished = [f for f in pending if f.done()]
        for f in finished:
            parts[index[f.key]] = f.result()  # an error in a chunk (a pattern past its time) is raised here
        if finished:
            done_keys = {f.key for f in finished}
            pending = [f for f in pending if f.key not in done_keys]
            idle, last_look = 0.0, time.monotonic()
            continue
        time.sleep(0.05)
        if time.monotonic() - last_look < _POLL:
            continue
        try:  # nothing finished for _POLL seconds: is anyone working on it?
            n_workers = len(client.scheduler_info().get("workers", {}))
        except (OSError, TimeoutError, RuntimeError):
            n_workers = 0
        idle = idle + (time.monotonic() - last_look) if n_workers == 0 else 0.0
        last_look = time.monotonic()
        if idle >= WORKER_TIMEOUT:
            client.cancel(pending)
            _say_fallback(address, f"its workers left, and none has come back within {WORKER_TIMEOUT:g} s; "
                                   f"{sum(len(chunks[index[f.key]]) for f in pending)} article(s) left to do")
            return


_RESULT_KEYS = {"sentences", "tokens", "removed", "clean", "language", "tone"}


def _is_result(value) -> bool:
    """The shape :func:`presslens.text.process_article` returns (a cache entry of another shape is a miss)."""
    return (isinstance(value, dict) and set(value) == _RESULT_KEYS and isinstance(value["clean"], str)
            and all(isinstance(value[k], list) for k in ("sentences", "tokens", "removed"))
            and isinstance(value["language"], tuple) and len(value["language"]) == 6)


def per_article(story: Story, use_cache: bool = True) -> list[dict]:
    """Every article's :func:`presslens.text.article.process_article` result, in the story's order."""
    rules = cleaning_rules(story)
    rk = cleaning_rules_key(rules)
    templates = story_templates(story, rules)
    root = _cache_root()
    results: list[dict | None] = []
    todo: list[int] = []
    keys: list[str] = []
    for i, art in enumerate(story.articles.itertuples(index=False)):
        key = article_key(art, rk, templates.get(art.id, frozenset()))
        keys.append(key)
        got = store.load(root / key[:2] / f"{key}.pkl", _is_result) if use_cache else None
        results.append(got)
        if got is None:
            todo.append(i)
    if todo:
        arts = story.articles.iloc[todo]
        items = [(a.id, a.outlet, a.title, a.text, templates.get(a.id, frozenset())) for a in arts.itertuples(index=False)]
        with misslog.lookup("stage", "per_article") as seen:
            seen.miss(articles=len(todo))
            done = fan_out(items, rules)
        for i, res in zip(todo, done):
            results[i] = res
            if use_cache:
                store.store(root / keys[i][:2] / f"{keys[i]}.pkl", res)
    return results  # type: ignore[return-value]
