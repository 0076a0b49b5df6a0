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

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from presslens.story.model import Story
from presslens.text import shape
from presslens.text.article import process_article
from . import store
from .keys import article_key, cleaning_rules, cleaning_rules_key


PARALLEL_MIN = 64  # fewer uncached articles than this are processed in this process
CHUNK = 32


def _cache_root() -> Path:
    return store.cache_dir() / "articles"


def run_chunk(items: list[tuple], rules: list[dict]) -> list[dict]:

    return [process_article(*it[:4], rules, *it[4:]) for it in items]


def story_templates(story: Story, rules: list[dict]) -> dict[str, frozenset[str]]:
    """The template lines of each article (lines that recur across the story's pages, see
    :func:`presslens.text.shape.template_keys`); none when the story switched the rule off."""
    if not any(r.get("shape") == "template-line" for r in rules):
        return {}
    arts = story.articles
    urls = arts["url"] if "url" in arts else [None] * len(arts)
    docs = [(a, shape.site_of(u, o), t) for a, u, o, t in zip(arts["id"], urls, arts["outlet"], arts["text"])]
    sig = (id(arts), len(arts), cleaning_rules_key(rules))
    if _TEMPLATES.get("sig") == sig and _TEMPLATES.get("docs") == docs:  # the stage and each measure ask in turn
        return _TEMPLATES["value"]
    value = shape.template_keys(docs)
    _TEMPLATES.update(sig=sig, docs=docs, value=value)
    return value


_TEMPLATES: dict = {}  # the last story's template lines (one story at a time is the common case)


def scheduler_address() -> str | None:
    return os.environ.get("PRESSLENS_SCHEDULER") or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


def fan_out(items: list[tuple], rules: list[dict], workers: int | None = None) -> list[dict]:
    chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    address = scheduler_address()
    if address:
        from distributed import Client  # optional: pip install "dask[distributed]"

        with Client(address) as client:
            # positional: passed as a keyword, a long rules list became a task of its own the scheduler tripped on
            futures = client.map(run_chunk, chunks, [rules] * len(chunks), pure=False)
            parts = client.gather(futures)
    else:
        workers = workers or os.cpu_count() or 1
        if workers < 2 or len(items) < PARALLEL_MIN:
            return run_chunk(items, rules)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(run_chunk, chunks, [rules] * len(chunks)))
    return [r for part in parts for r in part]


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
        got = store.load(root / key[:2] / f"{key}.pkl") if use_cache else None
        results.append(got)
        if got is None:
            todo.append(i)
    if todo:
        arts = story.articles.iloc[todo]
        items = [(a.id, a.outlet, a.title, a.text, templates.get(a.id, frozenset())) for a in arts.itertuples(index=False)]
        for i, res in zip(todo, fan_out(items, rules)):
            results[i] = res
            if use_cache:
                store.store(root / keys[i][:2] / f"{keys[i]}.pkl", res)
    return results  # type: ignore[return-value]
