"""The per-article stage: pure per article, cached by content, the same tables serially or in parallel."""
import shutil

from presslens import load_story
from presslens.analyses import tone
from presslens.engine import fanout, keys, store, tables
from presslens.text import sentiment

from .conftest import BUNDLED


def test_adding_one_article_processes_only_that_one(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    story = tmp_path / "story"
    shutil.copytree(BUNDLED, story)
    fanout.per_article(load_story(story))
    calls = []
    real = fanout.run_chunk
    monkeypatch.setattr(fanout, "run_chunk", lambda items, rules, *budget: calls.extend(i[0] for i in items) or real(items, rules, *budget))
    src = story / "articles" / "000_c5df8febf7aeb489.md"
    (story / "articles" / "zz_new.md").write_text(src.read_text().replace("ticker.tv", "Another Outlet"))
    fanout.per_article(load_story(story))
    assert calls == ["zz_new"]
    # a change in the cleaning rules changes every key: everything is processed again
    y = story / "story.yaml"
    y.write_text(y.read_text() + "\nfurniture: false\n")
    calls.clear()
    fanout.per_article(load_story(story))
    assert len(calls) == 6


def test_parallel_and_serial_give_the_same_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story(BUNDLED)
    serial = tables.assemble(fanout.per_article(st, use_cache=False))
    monkeypatch.setattr(fanout, "PARALLEL_MIN", 1)
    monkeypatch.setattr(fanout, "CHUNK", 2)
    rules = keys.cleaning_rules(st)
    items = [(a.id, a.outlet, a.title, a.text) for a in st.articles.itertuples(index=False)]
    parallel = tables.assemble(fanout.fan_out(items, rules, workers=2))
    assert serial.sentences.equals(parallel.sentences) and serial.tokens.equals(parallel.tokens)
    assert serial.removed.equals(parallel.removed) and serial.languages.equals(parallel.languages)


def test_a_dask_cluster_gives_the_same_tables_byte_for_byte(tmp_path, monkeypatch):
    distributed = __import__("pytest").importorskip("distributed")
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story(BUNDLED)
    default = tables.assemble(fanout.per_article(st, use_cache=False))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        monkeypatch.setenv("PRESSLENS_SCHEDULER", cluster.scheduler_address)
        monkeypatch.setattr(fanout, "CHUNK", 2)
        on_dask = tables.assemble(fanout.per_article(st, use_cache=False))
    import pandas as pd

    for a, b in ((default.sentences, on_dask.sentences), (default.tokens, on_dask.tokens),
                 (default.removed, on_dask.removed), (default.languages, on_dask.languages)):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
        assert a.to_csv().encode() == b.to_csv().encode()  # the same bytes once written
    assert default.clean_text == on_dask.clean_text


def test_tone_scored_in_the_per_article_stage_equals_scoring_the_table(tmp_path, monkeypatch):
    import pandas as pd


    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story(BUNDLED)
    cached = tone.sentence_tone(st)
    direct = sentiment.score_sentences(tables.process(st).sentences)
    for col in sentiment.TONE_COLS:
        pd.testing.assert_series_equal(cached[col].reset_index(drop=True), direct[col].reset_index(drop=True),
                                       check_exact=True, check_dtype=False)


def test_story_tables_are_parquet_that_read_back_identical(tmp_path, monkeypatch):
    import pandas as pd

    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story("tests/fixtures/web-captures")
    store.clear_memory()
    first = tables.process(st)  # computed, then written as Parquet
    folders = list((tmp_path / "cache" / "tables").iterdir())
    assert len(folders) == 1 and folders[0].name.startswith("web-captures-")
    assert sorted(f.name for f in folders[0].iterdir()) == sorted(
        [f"{n}.parquet" for n in ("sentences", "tokens", "removed", "languages", "tone", "clean")]
        + ["presslens-tables.json"])  # the tables' columns: a folder of other tables at that place is a miss
    # readable by plain pandas, with the quote spans as lists of [start, end]
    raw = pd.read_parquet(folders[0] / "sentences.parquet")
    quoted = raw[raw["n_quoted"] > 0].iloc[0]
    a, b = quoted["quote_spans"][0]
    assert quoted["text"][a - 1] in "\"“‘'" and b > a  # the span is inside the marks
    store.clear_memory()
    again = tables.process(st)  # read from Parquet this time
    assert again is not first
    for name in ("sentences", "tokens", "removed", "languages", "tone"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(again, name))
    assert again.clean_text == first.clean_text
    assert isinstance(again.sentences["quote_spans"].iloc[0], tuple)


def test_a_corrupt_parquet_table_is_rebuilt_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story("tests/fixtures/mini-story")
    store.clear_memory()
    first = tables.process(st)
    folder = next((tmp_path / "cache" / "tables").iterdir())
    (folder / "tokens.parquet").write_bytes(b"not parquet")
    store.clear_memory()
    again = tables.process(st)
    assert again.tokens.equals(first.tokens)


def test_a_warm_story_reads_its_tokens_only_when_asked_and_computes_them_when_they_are_gone(tmp_path, monkeypatch):
    import pandas as pd

    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story("tests/fixtures/web-captures")
    store.clear_memory()
    first = tables.process(st)
    read = []
    real = store.load_tables
    monkeypatch.setattr(store, "load_tables", lambda folder, names, **kw: read.append(list(names)) or real(folder, names, **kw))
    store.clear_memory()
    again = tables.process(st)
    assert read and all("tokens" not in names for names in read)  # the largest table is not read yet
    pd.testing.assert_frame_equal(again.tokens, first.tokens)  # read when asked, the same table
    assert read[-1] == ["tokens"]
    # the token file gone meanwhile (a cache emptied by hand): computed again, the same table
    store.clear_memory()
    later = tables.process(st)
    folder = next((tmp_path / "cache" / "tables").iterdir())
    (folder / "tokens.parquet").unlink()
    pd.testing.assert_frame_equal(later.tokens, first.tokens)
