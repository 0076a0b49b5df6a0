"""Loading a story with its articles' parsed front matter kept on disk.

Each of the nine notebooks' kernels loads the story; at 10,000 articles, parsing every front matter
with the strict YAML reader took seconds per kernel. :func:`load_story` is
:func:`presslens.story.load.load_story` with the parsed front matters kept under
``.cache/presslens/frontmatter/`` (one file per story folder, :func:`~.keys.front_matter_key`), each
keyed by the SHA-256 of its text: an edited file misses and is parsed again; a file that does not
parse is never kept, so its errors are the same every time. Only the entries of the last load are
written back (an edited file's old entry goes).

Each article's row (its fields, its text normalised, its notices) is kept too, under
``.cache/presslens/articles/`` (:func:`~.keys.article_rows_key`: the loader's code, the libraries' and
Python's versions, the folder), each keyed by the file's path and the SHA-256 of its bytes: a warm
kernel reads the files and hashes them, and parses none. A file with problems is never kept.
"""
from __future__ import annotations

from pathlib import Path

from presslens import paths
from presslens.story.load import load_story as _load_uncached
from presslens.story.model import Story

from . import keys, store


class _Kept:
    """The front matters known from disk, recording those this load uses or adds."""

    def __init__(self, known: dict):
        self.known, self.used = known, {}

    def get(self, key: str):
        got = self.known.get(key)
        if got is not None:
            self.used[key] = got
        return got

    def __setitem__(self, key: str, value: dict) -> None:
        self.used[key] = value


def load_story(path: str | Path = paths.DEFAULT_STORY) -> Story:
    """:func:`presslens.story.load.load_story`, each article's row read from the cache when the file's
    bytes are unchanged, else its front matter when that is (the same Story, the same errors)."""
    folder = paths.resolve(path)
    file = store.cache_dir() / "frontmatter" / f"{keys.front_matter_key(folder)}.pkl"
    rows_file = store.cache_dir() / "articles" / f"{keys.article_rows_key(folder)}.pkl"
    kept = _Kept(store.load(file, valid=lambda v: isinstance(v, dict)) or {})
    rows = _Kept(store.load(rows_file, valid=lambda v: isinstance(v, dict)) or {})
    story = _load_uncached(path, front_matter=kept, articles=rows)
    if kept.used.keys() != kept.known.keys():  # (an article whose row is kept does not ask for its front matter)
        store.store(file, kept.used)
    if rows.used.keys() != rows.known.keys():
        store.store(rows_file, rows.used)
    return story
