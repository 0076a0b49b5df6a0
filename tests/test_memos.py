"""In-memory memos that speed up a notebook's calls stay correct: the story's template lines
(engine.fanout.story_templates) and the actor resolver's pattern (text.resolver.actor_regex) are
keyed by what they are computed from, so alternating stories reuse them and an edit in place is seen."""
import dataclasses

import pandas as pd
import pytest

from presslens import load_story
from presslens.engine import fanout, keys, store
from presslens.story.model import Actor
from presslens.text import resolver, shape

from .conftest import BUNDLED


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    store.clear_memory()
    return tmp_path / "cache"


def _counting(monkeypatch) -> list:
    calls = []
    real = shape.template_keys

    def counted(docs, *a, **kw):
        calls.append(len(docs))
        return real(docs, *a, **kw)

    monkeypatch.setattr(fanout.shape, "template_keys", counted)
    return calls


REAL = shape.template_keys


def _direct(story) -> dict:
    a = story.articles
    return REAL([(i, shape.site_of(u, o), t) for i, u, o, t in zip(a["id"], a["url"], a["outlet"], a["text"])])


def test_template_lines_are_computed_once_per_story_even_when_two_stories_alternate(cache, monkeypatch):
    calls = _counting(monkeypatch)
    st = load_story(BUNDLED)
    part = dataclasses.replace(st, articles=st.articles.iloc[: len(st.articles) // 2].reset_index(drop=True))
    rules = keys.cleaning_rules(st)
    assert any(r.get("shape") == "template-line" for r in rules)  # the bundled story keeps the rule on
    whole = fanout.story_templates(st, rules)
    half = fanout.story_templates(part, rules)
    for _ in range(3):  # a notebook asks for the whole story and its measured subset in turn
        assert fanout.story_templates(st, rules) == whole
        assert fanout.story_templates(part, rules) == half
    assert calls == [len(st.articles), len(part.articles)]
    assert whole == _direct(st) and half == _direct(part)
    # a new kernel (memory emptied) reads them from the disk cache
    store.clear_memory()
    assert fanout.story_templates(load_story(BUNDLED), rules) == whole
    assert len(calls) == 2


def test_template_lines_follow_an_article_edited_in_place(cache, monkeypatch):
    calls = _counting(monkeypatch)
    st = load_story(BUNDLED)
    rules = keys.cleaning_rules(st)
    before = fanout.story_templates(st, rules)
    # a short unguarded line in unrelated articles of three sites or more is a template line
    rows = st.articles.index
    assert st.articles["url"].map(lambda u: shape.site_of(u, None)).nunique() >= 3
    for r in rows:
        st.articles.loc[r, "text"] = st.articles.loc[r, "text"] + "\n\nSubscribe to the harbour bulletin\n"
    after = fanout.story_templates(st, rules)
    assert len(calls) == 2 and after == _direct(st) and after != before
    assert all("subscribe to the harbour bulletin" in after[st.articles.loc[r, "id"]] for r in rows)
    # the URLs are part of the key (an article's site is its host): a change recomputes
    st.articles["url"] = "https://one.example/page"
    moved = fanout.story_templates(st, rules)
    assert len(calls) == 3 and moved == _direct(st)


def test_actor_pattern_follows_a_list_changed_in_place():
    actors = [Actor("Harbour Board", "organisation", ("the Board",))]
    rx, entries = resolver.actor_regex(actors)
    assert not rx.search("Mayor Quill spoke")
    actors.append(Actor("Mayor Quill", "person", ()))  # the same list object, one more actor
    rx, entries = resolver.actor_regex(actors)
    assert rx.search("Mayor Quill spoke") and ("Mayor Quill", "Mayor Quill") in entries
    actors[0] = Actor("Harbour Board", "organisation", ("the Board", "HB Authority"))  # a new alias in place
    rx, entries = resolver.actor_regex(actors)
    m = rx.search("said the HB Authority")
    assert m and entries[m.lastindex - 1] == ("Harbour Board", "HB Authority")
    # and the same forms again give the very same compiled pattern (built once)
    assert resolver.actor_regex(list(actors))[0] is rx


def test_fact_summary_is_read_back_from_the_cache_unchanged(cache):
    from presslens.analyses import facts

    m = facts.members(load_story(BUNDLED))
    results = cache / "results"
    n = len(list(results.rglob("*.pkl")))
    first = facts.summarise(m)
    assert len(list(results.rglob("*.pkl"))) == n + 1  # stored once under the table's content
    pd.testing.assert_frame_equal(facts.summarise(m), first)
    pd.testing.assert_frame_equal(facts.summarise.uncached(m), first)
    assert len(list(results.rglob("*.pkl"))) == n + 1
    # another table (or another threshold) is another entry, never the cached one
    other = facts.summarise(m[m["fact"] != m["fact"].iloc[0]])
    assert len(other) < len(first) and len(list(results.rglob("*.pkl"))) == n + 2
    facts.summarise(m, min_articles=1)
    assert len(list(results.rglob("*.pkl"))) == n + 3


def test_claim_spread_fact_drift_and_claim_matches_are_read_back_and_follow_their_inputs(cache):
    """Notebook 07's warm kernel reads the claims' spread and the facts' drift (cached by the story,
    the table's content and the arguments); another hits table or member table is computed."""
    from presslens.analyses import claims, facts, spread

    st = load_story(BUNDLED)
    h, m = claims.hits(st), facts.members(st)
    pairs = [(c.id, c.text) for c in st.claims]
    for fn, args, smaller in ((spread.claim_spread, (st, h), (st, h[h["claim"] != h["claim"].iloc[0]])),
                              (facts.drift, (m,), (m[m["fact"] != m["fact"].iloc[0]],)),
                              (facts.matches, (m, pairs), (m, pairs[1:]))):
        first = fn(*args)
        pd.testing.assert_frame_equal(first, fn.uncached(*args))
        pd.testing.assert_frame_equal(fn(*args), first)
        pd.testing.assert_frame_equal(fn(*smaller), fn.uncached(*smaller))
        assert not fn(*smaller).equals(first)
    h.loc[h.index[0], "outlet"] = "An outlet edited in place"
    pd.testing.assert_frame_equal(spread.claim_spread(st, h), spread.claim_spread.uncached(st, h))


def test_profile_fact_rows_are_read_back_and_follow_the_story(cache):
    from presslens.analyses import profiles

    st = load_story(BUNDLED)
    first = profiles.fact_rows(st)
    pd.testing.assert_frame_equal(profiles.fact_rows(st), first)
    pd.testing.assert_frame_equal(first, profiles.fact_rows.uncached(st))
    st.articles.loc[0, "text"] = "A text edited in place. It says nothing the others say."
    pd.testing.assert_frame_equal(profiles.fact_rows(st), profiles.fact_rows.uncached(st))
