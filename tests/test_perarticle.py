"""Per-article measures cached with the article (presslens.engine.perarticle): quote extraction, name
mentions, lexicon hits, readability counts and claim hits. For each: a story with one more article
costs that one article's work, and the result equals computing the whole story afresh."""
import dataclasses

import pandas as pd
import pytest

from presslens import load_story
from presslens.analyses import claims, readability, wires
from presslens.analyses.naming import names
from presslens.analyses.quotes import extract
from presslens.analyses.wordchoice import lexicon, matching
from presslens.engine import perarticle, store, tables

from .conftest import BUNDLED

MEASURES = {
    "quotes": lambda st: extract.quotes(st),
    "mentions": lambda st: names.mentions(st),
    "lexicon-hits": lambda st: matching.match(st, lexicon.lexicon_for(st)),
    "readability": lambda st: readability.readability(st),
    "claim-hits": lambda st: claims.hits(st),
    "wire-sources": lambda st: wires.sources(st),  # the credits, tells and photo credits each article names
}


def _fresh(monkeypatch, folder):
    monkeypatch.setenv("PRESSLENS_CACHE", str(folder))
    store.clear_memory()
    perarticle.computed.clear()


@pytest.mark.parametrize("measure", sorted(MEASURES))
def test_one_new_article_costs_one_articles_work(measure, tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path / "cache")
    st = load_story(BUNDLED)
    fewer = dataclasses.replace(st, articles=st.articles.iloc[:-1].reset_index(drop=True))
    MEASURES[measure](fewer)
    assert sorted(perarticle.computed[measure]) == sorted(fewer.articles["id"])
    perarticle.computed.clear()
    incremental = MEASURES[measure](st)
    new = st.articles["id"].iloc[-1]
    assert perarticle.computed[measure] == [new]           # the new article only
    if measure in ("quotes", "claim-hits"):                  # claim hits read quotes: the new article's only
        assert perarticle.computed.get("quotes", [new]) == [new]
    # the same table as computing the whole story with nothing cached
    _fresh(monkeypatch, tmp_path / "other-cache")
    afresh = MEASURES[measure](load_story(BUNDLED))
    assert len(perarticle.computed[measure]) == len(st.articles)
    pd.testing.assert_frame_equal(incremental, afresh)


def test_an_article_moved_in_the_story_keeps_its_rows_and_sentence_ids_follow(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path / "cache")
    st = load_story(BUNDLED)
    lex = lexicon.lexicon_for(st)
    hits = matching.match(st, lex)
    rev = dataclasses.replace(st, articles=st.articles.iloc[::-1].reset_index(drop=True))
    perarticle.computed.clear()
    rhits = matching.match(rev, lex)
    assert "lexicon-hits" not in perarticle.computed            # every article read from the cache
    s = tables.sentences(rev).set_index("sent_id")
    # each hit's sentence id points at its own sentence in the reordered story
    assert (s.loc[rhits["sent_id"], "article_id"].to_numpy() == rhits["article_id"].to_numpy()).all()
    assert sorted(zip(hits["article_id"], hits["term"])) == sorted(zip(rhits["article_id"], rhits["term"]))


def test_a_changed_configuration_recomputes_every_article(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path / "cache")
    st = load_story(BUNDLED)
    names.mentions(st)
    perarticle.computed.clear()
    store.clear_memory()
    names.mentions(dataclasses.replace(st, actors=st.actors[:-1]))
    assert len(perarticle.computed["mentions"]) == len(st.articles)
