"""keys.share_content_key: copies of a story with the same tables reuse its content hash, never a wrong one."""
import dataclasses

from presslens import load_story
from presslens.engine import keys

from .conftest import BUNDLED


def _counting(monkeypatch):
    calls = []
    real = keys.frame_hash

    def counted(df):
        calls.append(len(df))
        return real(df)
    monkeypatch.setattr(keys, "frame_hash", counted)
    return calls


def test_a_copy_with_every_article_takes_the_hash_without_hashing_again(monkeypatch):
    st = load_story(BUNDLED)
    expected = keys.story_key(load_story(BUNDLED))
    kept = st.select(st.articles["id"])  # a new table, the same values
    capped = dataclasses.replace(st, max_outlets=3)
    calls = _counting(monkeypatch)
    keys.share_content_key(st, kept, capped)
    hashed = len(calls)
    assert keys.story_key(kept) == keys.story_key(capped) == expected
    assert len(calls) == hashed  # the copies' keys came from the share, not from hashing their tables


def test_a_subset_or_an_edit_is_hashed_again(monkeypatch):
    st = load_story(BUNDLED)
    fewer = st.select(st.articles["id"][1:])
    edited = st.select(st.articles["id"])
    edited.articles.loc[0, "text"] = edited.articles.loc[0, "text"] + " Harbour Council met again."
    keys.share_content_key(st, fewer, edited)
    assert keys.story_key(fewer) == keys.story_key(load_story(BUNDLED).select(st.articles["id"][1:]))
    assert keys.story_key(fewer) != keys.story_key(st)
    assert keys.story_key(edited) != keys.story_key(st)
    same = st.select(st.articles["id"])
    keys.share_content_key(st, same)
    same.articles.loc[0, "title"] = "Harbour Council"  # edited in place after the share: caught
    assert keys.story_key(same) != keys.story_key(st)
