"""The story's tables: the per-article results (:mod:`.fanout`) assembled in story order with
global sentence ids (sentences, tokens, removed lines, languages, tone, cleaned texts), cached in
memory and as Parquet under ``.cache/presslens/tables/``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.story.model import Story
from presslens.text.article import LANG_COLS, REM_COLS, SENT_COLS, TOK_COLS
from presslens.text.sentiment import TONE_COLS
from . import fanout, store
from .keys import tables_key


# ----------------------------------------------------------------------------------------------
# per story


class Processed:
    """The story's tables. ``tokens`` may be given as a function that reads them: a warm notebook that
    never looks at the tokens (4 million rows at 10,000 articles, the largest table) does not read them."""

    def __init__(self, sentences: pd.DataFrame, tokens, removed: pd.DataFrame, clean_text: dict[str, str],
                 languages: pd.DataFrame, tone: pd.DataFrame | None = None):
        self.sentences = sentences
        self._tokens = tokens
        self.removed = removed
        self.clean_text = clean_text
        self.languages = languages  # article_id, detected, confidence, n_words (see detect_language)
        self.tone = tone  # sent_id, voice and VADER scores per sentence (see tone.score_rows)

    @property
    def tokens(self) -> pd.DataFrame:
        if callable(self._tokens):
            self._tokens = self._tokens()
        return self._tokens

    @tokens.setter
    def tokens(self, value: pd.DataFrame) -> None:
        self._tokens = value


def assemble(results: list[dict]) -> Processed:
    """Per-article results, in story order, into the story's tables (global sentence ids)."""
    sent_rows, tok_rows, rem_rows, lang_rows, tone_rows = [], [], [], [], []
    clean_text: dict[str, str] = {}
    offset = 0
    for r in results:
        tone_rows.extend((offset + i,) + t for i, t in enumerate(r["tone"]))
        sent_rows.extend((offset + s[0],) + s[1:] for s in r["sentences"])
        tok_rows.extend((offset + t[0],) + t[1:] for t in r["tokens"])
        rem_rows.extend(r["removed"])
        lang_rows.append(r["language"])
        clean_text[r["language"][0]] = r["clean"]
        offset += len(r["sentences"])

    return Processed(pd.DataFrame(sent_rows, columns=SENT_COLS), pd.DataFrame(tok_rows, columns=TOK_COLS),
                     pd.DataFrame(rem_rows, columns=REM_COLS), clean_text, pd.DataFrame(lang_rows, columns=LANG_COLS),
                     pd.DataFrame(tone_rows, columns=["sent_id", *TONE_COLS]))


def _process(story: Story) -> Processed:

    return assemble(fanout.per_article(story))
_MEMORY: dict[str, Processed] = store.in_memory({})


cache_dir = store.cache_dir  # where every presslens cache lives (see presslens.engine.store)


def process(story: Story) -> Processed:
    """Clean, split and tokenise every article of ``story`` once; cached in memory and on disk."""
    key = f"{story.slug}-{tables_key(story)}"  # see presslens.engine.keys
    if key in _MEMORY:
        return _MEMORY[key]
    folder = cache_dir() / "tables" / key
    try:
        got = store.load_tables(folder, [t for t in _TABLES if t != "tokens"], leave_out={"sentences": ["quote_spans"]})
        if got is not None:
            sents = _with_spans(got["sentences"], folder)
            got = None if sents is None else {**got, "sentences": sents}  # spans that do not fit: a miss
        result = _from_tables(got, lambda: _tokens_of(folder, story))
    except Exception:  # a foreign or damaged entry: a miss, rebuilt
        result = None
    if result is None:
        result = _process(story)
        store.store_tables(folder, _to_tables(result))
    _MEMORY[key] = result
    return result


_TABLES = ("sentences", "tokens", "removed", "languages", "tone", "clean")


def _to_tables(p: Processed) -> dict[str, pd.DataFrame]:
    """The story's tables for Parquet: quote spans as lists, the cleaned texts as a table."""
    sents = p.sentences.assign(quote_spans=[[list(sp) for sp in v] for v in p.sentences["quote_spans"]])
    clean = pd.DataFrame({"article_id": list(p.clean_text), "clean": list(p.clean_text.values())},
                         columns=["article_id", "clean"])
    return {"sentences": sents, "tokens": p.tokens, "removed": p.removed, "languages": p.languages,
            "tone": p.tone, "clean": clean}


def _tokens_of(folder, story: Story) -> pd.DataFrame:
    """The token table stored in ``folder`` (read when first asked for), or, when it can no longer be read
    (the cache emptied meanwhile, a damaged file), computed again."""
    t = store.load_tables(folder, ["tokens"])
    return t["tokens"] if t is not None else _process(story).tokens


def _with_spans(sents: pd.DataFrame, folder) -> pd.DataFrame:
    """``sents`` (read without its quote spans) with them, as tuples of (start, end) tuples of ints, read
    from ``folder``'s sentences with pyarrow: only the sentences that hold a quote are built one by one
    (at 10,000 articles, turning every stored list back into tuples took 2.5 s). None when the stored spans
    are not one per sentence (a damaged entry: the caller rebuilds it)."""
    import pyarrow.parquet as pq

    col = pq.read_table(folder / "sentences.parquet", columns=["quote_spans"]).column(0).combine_chunks()
    outer = col.offsets.to_numpy()
    inner = col.values.offsets.to_numpy()
    values = col.values.values.to_numpy().tolist()
    spans = [tuple(values[a:b]) for a, b in zip(inner[:-1].tolist(), inner[1:].tolist())]
    out = [()] * (len(outer) - 1)
    for i in np.flatnonzero(np.diff(outer)).tolist():
        out[i] = tuple(spans[outer[i]:outer[i + 1]])
    if len(out) != len(sents):
        return None
    sents.insert(SENT_COLS.index("quote_spans"), "quote_spans", out)  # where it was stored
    return sents


def _from_tables(t: dict | None, tokens) -> Processed | None:
    """:func:`_to_tables` read back (None stays None): the same Processed as was stored, its token table
    read by the function ``tokens`` when first asked for."""
    if t is None:
        return None
    sents = t["sentences"]
    clean = dict(zip(t["clean"]["article_id"], t["clean"]["clean"]))
    return Processed(sents, tokens, t["removed"], clean, t["languages"], t["tone"])


def sentences(story: Story) -> pd.DataFrame:
    return process(story).sentences


def tokens(story: Story) -> pd.DataFrame:
    return process(story).tokens


def removed(story: Story) -> pd.DataFrame:
    return process(story).removed
