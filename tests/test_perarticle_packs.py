"""Per-article results packed (presslens.engine.packs): the rows one call computes go to one file, not
one file per article; one new article still costs one article's work and one small pack; many packs
are merged into one; a pack that cannot be read is a miss, computed again."""
import dataclasses

import pandas as pd

from presslens import load_story
from presslens.analyses import readability
from presslens.analyses.wordchoice import lexicon, matching
from presslens.engine import packs, perarticle, store

from .conftest import BUNDLED
from .test_perarticle import _fresh


def _hits(st):
    return matching.match(st, lexicon.lexicon_for(st))


def _files(folder):
    return sorted(p.name for p in (folder / "measures" / "lexicon-hits").rglob("*.pkl"))


def test_a_cold_story_writes_one_pack_not_one_file_per_article(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path / "c")
    st = load_story(BUNDLED)
    assert len(st.articles) > 2
    _hits(st)
    files = _files(tmp_path / "c")
    assert len(files) == 2                                   # one pack and its index
    assert sum(f.endswith(packs.PACK) for f in files) == 1


def test_articles_added_one_by_one_cost_one_article_each_and_packs_are_merged(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path / "c")
    monkeypatch.setattr(packs, "MAX_PACKS", 2)
    st = load_story(BUNDLED)
    n = len(st.articles)
    first = n - 3
    for upto in range(first, n + 1):
        store.clear_memory()
        perarticle.computed.clear()
        sub = dataclasses.replace(st, articles=st.articles.iloc[:upto].reset_index(drop=True))
        got = _hits(sub)
        want = list(sub.articles["id"]) if upto == first else [sub.articles["id"].iloc[-1]]
        assert perarticle.computed["lexicon-hits"] == want
    folder = next((tmp_path / "c" / "measures" / "lexicon-hits").iterdir())
    assert len(packs.names(folder)) <= 2                     # 4 packs written, merged past 2
    # everything read back from the merged packs, equal to computing afresh
    store.clear_memory()
    perarticle.computed.clear()
    again = _hits(st)
    assert "lexicon-hits" not in perarticle.computed
    pd.testing.assert_frame_equal(again, got)
    _fresh(monkeypatch, tmp_path / "afresh")
    pd.testing.assert_frame_equal(_hits(load_story(BUNDLED)), got)


def test_a_pack_that_cannot_be_read_is_computed_again(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path / "c")
    st = load_story(BUNDLED)
    before = readability.readability(st)
    pack = next((tmp_path / "c" / "measures" / "readability").rglob(f"*{packs.PACK}"))
    pack.write_bytes(b"not a pack")
    store.clear_memory()
    perarticle.computed.clear()
    after = readability.readability.uncached(load_story(BUNDLED))
    assert sorted(perarticle.computed["readability"]) == sorted(st.articles["id"])
    pd.testing.assert_frame_equal(after, before)
