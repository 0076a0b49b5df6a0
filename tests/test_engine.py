"""The per-article stage: pure per article, cached by content, the same tables serially or in parallel."""
import shutil

from presslens import engine, load_story, text

from .conftest import BUNDLED


def test_adding_one_article_processes_only_that_one(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    story = tmp_path / "story"
    shutil.copytree(BUNDLED, story)
    engine.per_article(load_story(story))
    calls = []
    real = engine._run_chunk
    monkeypatch.setattr(engine, "_run_chunk", lambda items, rules: calls.extend(i[0] for i in items) or real(items, rules))
    src = story / "articles" / "000_c5df8febf7aeb489.md"
    (story / "articles" / "zz_new.md").write_text(src.read_text().replace("ticker.tv", "Another Outlet"))
    engine.per_article(load_story(story))
    assert calls == ["zz_new"]
    # a change in the cleaning rules changes every key: everything is processed again
    y = story / "story.yaml"
    y.write_text(y.read_text() + "\nfurniture: false\n")
    calls.clear()
    engine.per_article(load_story(story))
    assert len(calls) == 6


def test_parallel_and_serial_give_the_same_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story(BUNDLED)
    serial = text._assemble(engine.per_article(st, use_cache=False))
    monkeypatch.setattr(engine, "PARALLEL_MIN", 1)
    monkeypatch.setattr(engine, "CHUNK", 2)
    rules = engine._rules(st)
    items = [(a.id, a.outlet, a.title, a.text) for a in st.articles.itertuples(index=False)]
    parallel = text._assemble(engine._fan_out(items, rules, workers=2))
    assert serial.sentences.equals(parallel.sentences) and serial.tokens.equals(parallel.tokens)
    assert serial.removed.equals(parallel.removed) and serial.languages.equals(parallel.languages)
