"""Cache keys: what a cached result depends on, as one hash. The code of the per-article stage
(``TEXT_CODE``), of the whole package and its data files (:func:`code_hash`), the story
(:func:`story_key`), an article (:func:`article_key`) and the cleaning rules.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
import functools
import pandas as pd

from presslens.story.model import Story
from presslens.text import furniture


def cleaning_rules(story: Story) -> list[dict]:

    return list(story.boilerplate) + furniture.rules_for(story.furniture)


def cleaning_rules_key(rules: list[dict]) -> str:
    return repr([(r["pattern"], r.get("flags", 0), r.get("note"), r.get("field", ""), r.get("guard") is not None)
                 for r in rules])


def article_key(art, rules_key: str) -> str:

    h = hashlib.sha256()
    for part in (TEXT_CODE, rules_key, art.id, art.outlet, art.title if isinstance(art.title, str) else "",
                 art.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def code_hash() -> str:
    """A hash of every source and data file of the package."""
    root = Path(__file__).resolve().parent.parent  # the package
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


def key_part(x) -> str | None:
    if isinstance(x, Story):
        return "story:" + story_key(x)
    if isinstance(x, pd.DataFrame):
        return "frame:" + _frame_hash(x)
    r = repr(x)
    return None if " at 0x" in r else r


# the code of the per-article stage (presslens/text/) and the furniture list it cleans with
_PKG = Path(__file__).resolve().parent.parent
TEXT_CODE = hashlib.sha256(b"".join(
    p.relative_to(_PKG).as_posix().encode() + b"\0" + p.read_bytes()
    for p in [*sorted((_PKG / "text").glob("*.py")), _PKG / "data" / "furniture.yaml"]
)).hexdigest()[:12]
