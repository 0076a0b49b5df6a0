"""The sentences table read back from Parquet (presslens.engine.tables.process, warm): quote spans come
back as tuples of (start, end) int tuples, read with pyarrow, only the sentences holding a quote built
one by one; the table equals the one computed, column order included."""
import pandas as pd

from presslens import load_story
from presslens.engine import store, tables

from .conftest import BUNDLED


def test_quote_spans_read_back_are_the_tuples_computed(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    store.clear_memory()
    st = load_story(BUNDLED)
    first = tables.process(st).sentences.copy()
    assert (first["quote_spans"].map(len) > 1).any()           # some sentence holds two quotes
    assert (first["quote_spans"].map(len) == 0).any()
    store.clear_memory()
    again = tables.process(st).sentences
    pd.testing.assert_frame_equal(again, first)
    spans = [sp for v in again["quote_spans"] for sp in v]
    assert all(type(v) is tuple for v in again["quote_spans"])
    assert spans and all(type(sp) is tuple and len(sp) == 2 and all(type(x) is int for x in sp) for sp in spans)



def test_stored_spans_that_do_not_fit_the_sentences_are_a_miss_rebuilt(tmp_path, monkeypatch):
    """A damaged entry (the sentences read back one row short of their stored quote spans) is never used: the
    tables are computed again, with no error raised (no bare ValueError reaches a user)."""
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    store.clear_memory()
    st = load_story(BUNDLED)
    first = tables.process(st).sentences.copy()
    store.clear_memory()
    real = store.load_tables

    def short(folder, names, **kw):
        got = real(folder, names, **kw)
        if got is not None and "sentences" in got:
            got["sentences"] = got["sentences"].iloc[:-1]
        return got

    monkeypatch.setattr(store, "load_tables", short)
    again = tables.process(st).sentences
    assert len(again) == len(first)
    pd.testing.assert_frame_equal(again, first)
