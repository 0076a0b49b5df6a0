"""One cache key scheme (presslens.engine.keys): change any ingredient and the cache misses.

Ingredients: the package's code, its data files, the libraries' versions, the story (every field,
and its articles' content) and the article (id, outlet, title, text), an article edited in memory
included (in place or in a copy)."""
import dataclasses
import shutil

import pandas as pd
import pytest

from presslens import load_story, paths
from presslens.analyses import claims, tone
from presslens.engine import fanout, keys, memo, store, tables

from .conftest import BUNDLED


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    store.clear_memory()
    return tmp_path / "cache"


def _fresh_keys(monkeypatch, **fns):
    for name, fn in fns.items():
        monkeypatch.setattr(keys, name, fn)


# ---------------------------------------------------------------------------------------------
# the code and the data files


def test_the_code_hash_covers_every_source_and_data_file(tmp_path):
    root = tmp_path / "presslens"
    shutil.copytree(paths.PACKAGE, root, ignore=shutil.ignore_patterns("__pycache__"))
    base = keys.tree_hash(root)
    assert keys.tree_hash(root) == base
    (root / "analyses" / "claims.py").write_text((root / "analyses" / "claims.py").read_text() + "\n# edit\n")
    edited_code = keys.tree_hash(root)
    assert edited_code != base
    (root / "data" / "framing.yaml").write_text((root / "data" / "framing.yaml").read_text() + "\n# edit\n")
    assert keys.tree_hash(root) not in (base, edited_code)
    # what draws, sets up notebooks, runs or scores computes no cached result: editing it recomputes nothing
    results = keys.tree_hash(root, exclude=keys.PRESENTATION)
    for layer in keys.PRESENTATION:
        f = next((root / layer).glob("*.py"))
        f.write_text(f.read_text() + "\n# edit\n")
        assert keys.tree_hash(root, exclude=keys.PRESENTATION) == results, layer
    assert keys.tree_hash(root) != edited_code  # (the whole tree sees them)
    (root / "engine" / "memo.py").write_text((root / "engine" / "memo.py").read_text() + "\n# edit\n")
    engine_edit = keys.tree_hash(root, exclude=keys.PRESENTATION)
    (root / "analyses" / "profiles.py").write_text((root / "analyses" / "profiles.py").read_text() + "\n# edit\n")
    assert len({keys.tree_hash(root, exclude=keys.PRESENTATION), engine_edit, results}) == 3
    # the per-article stage keys on its own part: text/ and the data files, not the analyses
    part = keys.tree_hash(root, keys.ARTICLE_CODE)
    (root / "analyses" / "tone.py").write_text("# edit\n")
    assert keys.tree_hash(root, keys.ARTICLE_CODE) == part
    (root / "text" / "segment.py").write_text((root / "text" / "segment.py").read_text() + "\n# edit\n")
    assert keys.tree_hash(root, keys.ARTICLE_CODE) != part
    (root / "data" / "furniture.yaml").write_text("# edit\n")
    assert len({keys.tree_hash(root, keys.ARTICLE_CODE), part}) == 2
    # the test split's figures the findings quote (make eval rewrites them) key no cached result
    whole, article = keys.tree_hash(root, exclude=keys.PRESENTATION), keys.tree_hash(root, keys.ARTICLE_CODE)
    (root / "data" / "measured.yaml").write_text("stories: 9\n")
    assert (keys.tree_hash(root, exclude=keys.PRESENTATION), keys.tree_hash(root, keys.ARTICLE_CODE)) == (whole, article)


def test_the_layers_left_out_of_the_code_hash_are_those_above_the_analyses():
    from tests.test_layers import LAYERS

    assert set(keys.PRESENTATION) == {name for name, level in LAYERS.items() if level > LAYERS["analyses"]}


def test_a_library_data_file_key_misses_when_the_file_changes(tmp_path):
    """The parsed CC-CEDICT is cached under files_key: the code, the libraries' versions and the
    dictionary file's bytes (a dictionary replaced at the same version is parsed again)."""
    data = tmp_path / "cedict.txt.gz"
    data.write_bytes(b"one")
    base = keys.files_key([data])
    assert keys.files_key([data]) == base and len(base) == 24
    data.write_bytes(b"two")
    assert keys.files_key([data]) != base
    data.unlink()
    assert keys.files_key([data]) not in (base, keys.files_key([]))  # a missing file is a key of its own


def test_a_story_result_misses_when_the_code_changes(cache, monkeypatch):
    st = load_story(BUNDLED)
    calls = []
    fn = memo.story_table(lambda story: calls.append(1) or len(story.articles))
    fn(st), fn(st)
    assert len(calls) == 1
    monkeypatch.setattr(memo, "code_hash", lambda: "another-code")
    fn(st)
    assert len(calls) == 2


def test_an_article_result_misses_when_the_per_article_code_changes(cache, monkeypatch):
    st = load_story(BUNDLED)
    fanout.per_article(st)
    done = []
    real = fanout.run_chunk
    monkeypatch.setattr(fanout, "run_chunk", lambda items, rules, *budget: done.extend(items) or real(items, rules, *budget))
    fanout.per_article(st)
    assert done == []
    monkeypatch.setattr(keys, "article_code", lambda: "another-code")
    fanout.per_article(st)
    assert len(done) == len(st.articles)


# ---------------------------------------------------------------------------------------------
# the libraries' versions


def test_library_versions_are_in_every_key(monkeypatch):
    v = keys.library_versions()
    assert "vaderSentiment=" in v and "pandas=" in v and "textstat=" in v
    st = load_story(BUNDLED)
    art = next(st.articles.itertuples(index=False))
    a, c = keys.article_key(art, ""), keys.code_hash()
    keys.code_hash.cache_clear(), keys.article_code.cache_clear()
    monkeypatch.setattr(keys, "library_versions", lambda: v.replace("pandas=", "pandas=0"))
    try:
        assert keys.article_key(art, "") != a and keys.code_hash() != c
    finally:
        keys.code_hash.cache_clear(), keys.article_code.cache_clear()


# ---------------------------------------------------------------------------------------------
# the story


@pytest.mark.parametrize("field,change", [
    ("claims", lambda st: st.claims[:-1]),
    ("actors", lambda st: st.actors[:-1]),
    ("speakers", lambda st: st.speakers[:-1]),
    ("boilerplate", lambda st: [*st.boilerplate, {"pattern": "^Advertisement$"}]),
    ("lexicon", lambda st: {"secrecy_concealment": {"add": ["hush-hush"]}}),
    ("language", lambda st: "fr"),
    ("furniture", lambda st: False),
    ("intended_duplicates", lambda st: (("a", "b"),)),
    ("parties", lambda st: {}),
    ("title", lambda st: st.title + "!"),
])
def test_the_story_key_covers_every_field(field, change):
    st = load_story(BUNDLED)
    assert keys.story_key(dataclasses.replace(st, **{field: change(st)})) != keys.story_key(st)


def test_the_story_key_covers_the_articles_content_and_references():
    st = load_story(BUNDLED)
    base = keys.story_key(st)
    assert keys.story_key(load_story(BUNDLED)) == base  # the same files: the same key
    for col, value in (("title", "Another title"), ("published", pd.Timestamp("2001-01-01")), ("outlet", "X"),
                       ("text", "Another text.")):
        a = st.articles.copy()
        a.loc[0, col] = value
        assert keys.story_key(dataclasses.replace(st, articles=a)) != base, col
    assert keys.story_key(st.subset(st.outlets[:2])) != base


def test_a_story_result_misses_when_claims_change(cache):
    st = load_story(BUNDLED)
    full = claims.grid(st)
    fewer = claims.grid(dataclasses.replace(st, claims=st.claims[:1]))
    assert set(full["claim"]) != set(fewer["claim"]) and set(fewer["claim"]) == {st.claims[0].id}


# ---------------------------------------------------------------------------------------------
# the article, edited in memory


def test_an_article_edited_in_place_in_memory_misses_every_cache(cache):
    st = load_story(BUNDLED)
    before = tables.sentences(st)
    key = keys.story_key(st)
    first = st.articles["id"].iloc[0]
    st.articles.loc[0, "text"] = "An entirely new first paragraph, edited in memory. It has two sentences."
    assert keys.story_key(st) != key
    after = tables.sentences(st)
    mine = after[after["article_id"] == first]
    assert "edited in memory" in " ".join(mine["text"])
    assert not before[before["article_id"] == first]["text"].str.contains("edited in memory").any()
    assert "edited in memory" in " ".join(tone.sentence_tone(st)["text"])


def test_an_article_edited_in_a_copy_misses_and_the_original_still_hits(cache):
    st = load_story(BUNDLED)
    a = st.articles.copy()
    a.loc[0, "title"] = "A headline edited in memory"
    edited = dataclasses.replace(st, articles=a)
    s_edit = tables.sentences(edited)
    assert "A headline edited in memory" in set(s_edit["text"])
    assert "A headline edited in memory" not in set(tables.sentences(st)["text"])


@pytest.mark.parametrize("col", ["id", "outlet", "title", "text"])
def test_the_article_key_covers_each_field(col):
    st = load_story(BUNDLED)
    art = next(st.articles.itertuples(index=False))
    base = keys.article_key(art, "rules")
    assert keys.article_key(art._replace(**{col: "changed"}), "rules") != base
    assert keys.article_key(art, "other rules") != base


def test_a_table_argument_is_keyed_by_its_content_and_again_when_edited_in_place():
    """key_part keys a table by its content: an edit in place (text, a number next to NaN, a date) or
    a new table of other values is a new key; an equal copy has the same key; a column of lists is
    keyed by its values; the same values under another column name or type are another key."""
    df = pd.DataFrame({"fact": [1, 2, 3], "score": [0.5, float("nan"), 1.5], "text": ["a", "b", None],
                       "published": pd.to_datetime(["2023-12-01", None, "2023-12-03"])})
    real = keys.frame_hash
    first = keys.key_part(df)
    assert keys.key_part(df) == first
    assert keys.key_part(df.copy()) == first  # the same content, another table: the same key
    assert keys.key_part(df.rename(columns={"text": "label"})) != first
    assert keys.key_part(df.assign(fact=df["fact"].astype(float))) != first  # 1 and 1.0: another type
    spans = pd.DataFrame({"spans": [[(0, 3)], []]})
    assert keys.key_part(spans) == keys.key_part(spans.copy())
    assert keys.key_part(spans) != keys.key_part(pd.DataFrame({"spans": [[(0, 4)], []]}))
    seen = {first}
    for col, value in (("text", "c"), ("score", 2.5), ("fact", 9), ("published", pd.Timestamp("2024-01-01"))):
        df.loc[1, col] = value
        k = keys.key_part(df)
        assert k not in seen, col  # the edit is seen
        assert k == "frame:" + real(df)
        seen.add(k)


@pytest.mark.parametrize("field,value", [("max_outlets", 3), ("outlets_rule", "words"), ("outlets_pin", ("New York Post",))])
def test_the_figure_cap_is_no_part_of_the_story_key(field, value):
    # a notebook caps the story it draws (max_outlets...): its tables are the loaded story's, computed once
    st = load_story(BUNDLED)
    assert field in keys.FIGURE_ONLY
    assert keys.story_key(dataclasses.replace(st, **{field: value})) == keys.story_key(st)


def test_no_table_reads_the_figure_cap():
    # what keeps the key above right: below the figures and notebooks, nothing but the story model reads the cap
    import re
    names = re.compile(r"\b(?:%s|figure_outlets)\b" % "|".join(keys.FIGURE_ONLY))
    readers = [p.relative_to(paths.PACKAGE).as_posix() for p in sorted(paths.PACKAGE.rglob("*.py"))
               if p.relative_to(paths.PACKAGE).parts[0] not in keys.PRESENTATION
               and p.relative_to(paths.PACKAGE).as_posix() not in ("story/model.py", "engine/keys.py")
               and names.search(p.read_text(encoding="utf-8"))]
    assert readers == []


def test_the_story_key_sees_every_kind_of_column_edited_in_place(monkeypatch):
    """The in-process check before a story's content is hashed again (issue 20: an Arrow string column by its
    immutable array, a date column by its integers, any other by its values' hashes): an edit in place of
    each kind of column changes the story key, and an unchanged table keeps it without hashing again."""
    st = load_story(BUNDLED)
    assert isinstance(st.articles["text"].array, pd.arrays.ArrowExtensionArray)  # what the check relies on
    assert isinstance(st.articles["published"].array, pd.arrays.DatetimeArray)
    assert st.articles["derived_from"].dtype == object
    keys.story_key(st)
    calls = []
    real = keys.frame_hash
    monkeypatch.setattr(keys, "frame_hash", lambda df: calls.append(1) or real(df))
    for col, value in [("text", st.articles.loc[1, "text"] + " One more sentence."),
                       ("published", pd.Timestamp("2031-05-03")), ("derived_from", ("Harbour Wire",))]:
        before = keys.story_key(st)
        assert keys.story_key(st) == before and calls == []  # unchanged: not hashed again
        st.articles.at[1, col] = value
        assert st.articles.at[1, col] == value
        assert keys.story_key(st) != before, col
        assert calls, col  # hashed again
        calls.clear()
