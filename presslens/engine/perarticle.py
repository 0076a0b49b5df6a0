"""Per-article measures cached with the article: the analyses' work that needs one article only
(quote extraction, name mentions, lexicon hits, readability counts, claim hits, the sources an article
names) is computed per article and cached under the article's key, so one new article costs one
article's work for these too, not the whole story's.

:func:`by_article` is the whole mechanism: an analysis gives a measure name, the part of the
story's configuration the measure reads (actors and speakers for quotes, the lexicon for hits...)
and a function computing the measure's rows for a list of article ids at once (vectorised measures
stay vectorised on the articles left to do). Each article's rows are stored under
:func:`~presslens.engine.keys.article_key` (its id, outlet, title, text, the cleaning rules, the
per-article stage's code and the libraries' versions) + the measure + that configuration + the
package's code (:func:`~presslens.engine.keys.code_hash`), in ``.cache/presslens/measures/``.
Sentence ids are stored relative to the article's first sentence, so an article keeps its rows
wherever it sits in a story. The analyses still cache the story-level result (:mod:`.memo`): this
cache is what a story-level miss is rebuilt from.
"""
from __future__ import annotations

import hashlib
from typing import Any, Callable

import pandas as pd

from presslens.story.model import Story
from . import store, tables
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


def by_article(story: Story, measure: str, config: str, compute: Callable[[list[str]], dict[str, Any]],
               sent_ids: bool = False, fields: tuple[str, ...] = (), use_cache: bool = True) -> dict[str, Any]:
    """``{article id: its rows of measure}`` for every article of ``story``, in story order.

    ``compute(ids)`` returns the rows of each of those articles (a list of dicts or a table; an
    empty one for an article without any) and is called once, with the articles whose rows are not
    cached. ``sent_ids``: the rows hold the story's sentence ids (``sent_id``), stored relative to
    the article's first sentence and put back for this story. ``fields``: other columns of the
    article's row the measure reads (e.g. ``translated_from``), part of its key."""
    rules = cleaning_rules(story)
    rk = cleaning_rules_key(rules)
    templates = story_templates(story, rules)  # the cleaned text, hence every measure, depends on them
    base = hashlib.sha256("\0".join((measure, config, code_hash())).encode("utf-8", "surrogatepass")).hexdigest()
    root = store.cache_dir() / "measures" / measure
    offsets = _offsets(story) if sent_ids else {}
    out: dict[str, Any] = {}
    todo: list[str] = []
    path_of = {}
    for art in story.articles.itertuples(index=False):
        extra = repr([getattr(art, f) for f in fields]) if fields else ""
        key = hashlib.sha256((article_key(art, rk, templates.get(art.id, frozenset())) + base + extra).encode("utf-8", "surrogatepass")).hexdigest()
        path_of[art.id] = root / key[:2] / f"{key}.pkl"
        got = store.load(path_of[art.id]) if use_cache else None
        if isinstance(got, (list, pd.DataFrame)):
            out[art.id] = _shift(got, offsets.get(art.id, 0))
        else:
            out[art.id] = None
            todo.append(art.id)
    if todo:
        computed[measure] = list(todo)
        new = compute(todo)
        for aid in todo:
            rows = new[aid]
            out[aid] = rows
            if use_cache:
                store.store(path_of[aid], _shift(rows, -offsets.get(aid, 0)))
    return out


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
