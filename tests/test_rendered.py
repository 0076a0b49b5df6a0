"""Rendered figures kept on disk (presslens.engine.rendered): a page saved again with the same state, code,
libraries, rcParams and fonts writes the kept bytes, identical to rendering it; change any ingredient and it
is rendered again."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from presslens.engine import keys, rendered, store  # noqa: E402
from presslens.figures import style  # noqa: E402

DATA = pd.DataFrame({"outlet": ["Harbour Gazette", "Quay Times"], "n": [3, 5]})


@pytest.fixture(autouse=True)
def _closed():
    yield
    plt.close("all")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("PRESSLENS_NO_RESULT_CACHE", raising=False)
    store.clear_memory()
    return tmp_path / "cache"


def _figure(title="Harbour coverage", pages=1):
    figs = []
    for k in range(pages):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.barh(DATA["outlet"], DATA["n"] + k)
        ax.set_title(title)
        fig.align_labels()  # a grouper of artists (sets hashed by id)
        figs.append(fig)
    return style.paged(figs)


@pytest.fixture
def renders(monkeypatch):
    """How many pages were rendered (a PNG laid out with its tight box)."""
    calls = []
    real = style._tight_save

    def spy(*a, **k):
        calls.append(1)
        return real(*a, **k)
    monkeypatch.setattr(style, "_tight_save", spy)
    return calls


def _bytes(out, name, pages=1):
    return {f"{style.page_name(name, k)}.{ext}": (out / f"{style.page_name(name, k)}.{ext}").read_bytes()
            for k in range(1, pages + 1) for ext in ("png", "svg")}


def test_a_page_saved_again_is_not_rendered_and_its_files_are_identical(cache, tmp_path, renders):
    style.save(_figure(pages=2), DATA, "harbour", tmp_path / "a")
    assert len(renders) == 2
    style.save(_figure(pages=2), DATA, "harbour", tmp_path / "b")  # a new figure, the same state
    assert len(renders) == 2
    assert _bytes(tmp_path / "a", "harbour", 2) == _bytes(tmp_path / "b", "harbour", 2)
    assert (tmp_path / "b" / "harbour.csv").read_bytes() == (tmp_path / "a" / "harbour.csv").read_bytes()


def test_the_key_is_the_same_for_the_same_figure_built_twice():
    assert rendered.page_key(_figure()) == rendered.page_key(_figure()) is not None


def test_a_changed_figure_is_rendered_again(cache, tmp_path, renders):
    style.save(_figure(), DATA, "harbour", tmp_path / "a")
    style.save(_figure(title="Quay coverage"), DATA, "harbour", tmp_path / "b")
    assert len(renders) == 2
    assert _bytes(tmp_path / "a", "harbour") != _bytes(tmp_path / "b", "harbour")


def test_an_rcparam_changed_renders_again(cache, tmp_path, renders):
    style.save(_figure(), DATA, "harbour", tmp_path / "a")
    with plt.rc_context({"savefig.dpi": 50}):
        style.save(_figure(), DATA, "harbour", tmp_path / "b")
    assert len(renders) == 2
    assert _bytes(tmp_path / "a", "harbour") != _bytes(tmp_path / "b", "harbour")


@pytest.mark.parametrize("ingredient", ["save code", "libraries", "renderer"])
def test_the_code_the_libraries_or_the_renderer_changed_renders_again(cache, tmp_path, renders, monkeypatch, ingredient):
    style.save(_figure(), DATA, "harbour", tmp_path / "a")
    rendered._renderer.cache_clear()
    if ingredient == "save code":
        real = keys.tree_hash
        monkeypatch.setattr(keys, "tree_hash", lambda root, pats=("**/*.py",), **kw:
                            real(root, pats, **kw) + ("edited" if pats == rendered.SAVE_CODE else ""))
    elif ingredient == "libraries":
        monkeypatch.setattr(keys, "library_versions", lambda: "matplotlib=99")
    else:
        import matplotlib as mpl
        monkeypatch.setattr(mpl, "__version__", "99.0")
    try:
        style.save(_figure(), DATA, "harbour", tmp_path / "b")
    finally:
        rendered._renderer.cache_clear()
    assert len(renders) == 2


def test_the_fonts_are_in_the_key(monkeypatch):
    from matplotlib import font_manager

    rendered._renderer.cache_clear()
    before = rendered.page_key(_figure())
    rendered._renderer.cache_clear()
    monkeypatch.setattr(font_manager.fontManager, "ttflist", font_manager.fontManager.ttflist[1:])
    try:
        assert rendered.page_key(_figure()) != before
    finally:
        rendered._renderer.cache_clear()


def test_no_result_cache_renders_every_time(cache, tmp_path, renders, monkeypatch):
    monkeypatch.setenv("PRESSLENS_NO_RESULT_CACHE", "1")
    style.save(_figure(), DATA, "harbour", tmp_path / "a")
    style.save(_figure(), DATA, "harbour", tmp_path / "b")
    assert len(renders) == 2
    assert not (cache / "figures").exists()


def test_a_foreign_or_broken_entry_is_a_miss(cache, tmp_path, renders):
    key = rendered.page_key(_figure())
    rendered.keep(key, {"png": b"not a png"})  # not both formats: never kept
    assert rendered.load(key) is None
    store.store(rendered._path(key), {"png": 1, "svg": 2})  # signed, but of a foreign shape
    style.save(_figure(), DATA, "harbour", tmp_path / "a")
    assert len(renders) == 1
    assert (tmp_path / "a" / "harbour.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_page_that_cannot_be_pickled_is_rendered_every_time(cache, tmp_path, renders):
    fig = _figure()
    fig.presslens_unpicklable = lambda: None  # noqa: E731  (a lambda does not pickle)
    assert rendered.page_key(fig) is None
    style.save(fig, DATA, "harbour", tmp_path / "a")
    fig2 = _figure()
    fig2.presslens_unpicklable = lambda: None  # noqa: E731
    style.save(fig2, DATA, "harbour", tmp_path / "b")
    assert len(renders) == 2
