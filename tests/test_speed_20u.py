"""Issue 20, session 20 (helper 20u): per-line memos in the cleaner's caption and broken-sentence rules, and the
group measures computing only the measures a notebook asks for. Each cut must give the same answers as the
code it replaces: the expectations below are hand-checked, and the memoised answers are compared with the
plain computation.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from presslens.analyses import groups, readability, tone
from presslens.story.load import load_story
from presslens.text import captions, joins

FIXTURE = Path(__file__).parent / "fixtures" / "groups-story"
CAPTION = "A crane lifts a boat at the harbour quay on Monday. Photo: Jane Roe/Harbour Wire"


def test_credit_tail_is_kept_per_line_and_answers_as_the_patterns_do():
    captions.credit_tail.cache_clear()
    m = captions.credit_tail(CAPTION)
    # the credit after the full stop (from the space the pattern takes with it), hand-checked
    assert (m.start(), m.group(0)) == (51, " Photo: Jane Roe/Harbour Wire")
    again = captions.credit_tail("".join(list(CAPTION)))  # an equal string, another object: the kept answer
    assert again is m and captions.credit_tail.cache_info().hits == 1
    bracket = captions.credit_tail("Boats at the quay. (Harbour Post/Tom Berg)")
    assert bracket.group(0) == "(Harbour Post/Tom Berg)"       # the photographer's credit in brackets
    assert captions.credit_tail("The council met on Monday and voted to rebuild the pier.") is None
    for line in (CAPTION, "Boats at the quay. (Harbour Post/Tom Berg)", "Storm. Credit: Harbour Maps", "Quay"):
        plain = captions.credit_tail.__wrapped__(line)
        kept = captions.credit_tail(line)
        assert (plain and (plain.span(), plain.group(0))) == (kept and (kept.span(), kept.group(0)))


@pytest.mark.parametrize("lines, joined", [
    # a comma ends the first line: the sentence goes on below
    (["The harbour master said the storm,", "which hit the quay on Monday, destroyed forty boats and two piers."], {0, 1}),
    # a word a sentence cannot end on ("storm" no, "the" yes)
    (["The harbour master said that the", "storm hit the quay on Monday and destroyed forty boats and two piers."], {0, 1}),
    # lower case after a line with no sentence end
    (["The harbour master said the storm", "hit the quay on Monday and destroyed forty boats and two piers."], {0, 1}),
    # a sentence's end: the next line is a line of its own, lower case or not
    (["The harbour master said the storm.", "hit the quay on Monday and destroyed forty boats and two piers."], set()),
])
def test_split_sentence_per_line_answers(lines, joined):
    for _ in range(2):  # the second time from the kept answers
        assert joins.split_sentence(lines) == joined
    assert joins._held_open("The harbour master said the storm,") and not joins._held_open("The storm")
    assert joins._ended("The storm hit.") and not joins._ended("The storm hit the ..") and not joins._ended("The storm")


@pytest.fixture(scope="module")
def story():
    return load_story(FIXTURE)


@pytest.mark.parametrize("by", [None, "kind", "country"])
def test_measures_asked_are_the_whole_tables_rows_bit_for_bit(story, by):
    full = groups.measures.uncached(story, by, n_boot=200, seed=3)
    assert list(full["measure"].unique()) == list(groups.MEASURES)
    for which in [("tone",), ("loaded_per_1000",), ("reading_ease", "words_per_sentence"), ("quote_share",),
                  tuple(groups.MEASURES)]:
        got = groups.measures.uncached(story, by, n_boot=200, seed=3, which=which)
        want = full[full["measure"].isin(which)].reset_index(drop=True)
        assert list(got["measure"].unique()) == list(which)
        assert got.equals(want) and list(got.dtypes) == list(want.dtypes)
        for c in ("value", "ci_low", "ci_high"):
            assert np.array_equal(got[c].to_numpy(float).view(np.int64), want[c].to_numpy(float).view(np.int64))


def test_measures_asked_compute_only_their_inputs(story, monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("computed a measure nobody asked for")
    monkeypatch.setattr(readability, "readability", refuse)
    got = groups.measures.uncached(story, None, n_boot=50, seed=0, which=("tone",))
    assert set(got["measure"]) == {"tone"}
    per = groups.per_article(story, ("tone",))
    assert (per["ease"] == 0).all() and (per["ease_n"] == 0).all() and (per["loaded"] == 0).all()
    assert (per["tone_n"] > 0).any()
    monkeypatch.setattr(tone, "sentence_tone", refuse)
    got = groups.measures.uncached(story, None, n_boot=50, seed=0, which=("words_per_sentence", "quote_share"))
    assert list(got["measure"].unique()) == ["words_per_sentence", "quote_share"]


# -- one computation of a story table when two processes ask for it at once ---------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from presslens.engine import store
path, ready, done = map(Path, sys.argv[1:4])
with store.computing(path):
    ready.write_text("holding")
    time.sleep(float(sys.argv[4]))
    done.write_text("written")
"""


def _holder(tmp_path, seconds: float):
    import os
    import subprocess
    import sys
    import time
    path, ready, done = tmp_path / "results" / "ab" / "ab12.pkl", tmp_path / "ready", tmp_path / "done"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(ready), str(done), str(seconds)], env=env)
    t0 = time.monotonic()
    while not ready.exists():
        assert proc.poll() is None and time.monotonic() - t0 < 60, "the holder never took the lock"
        time.sleep(0.02)
    return proc, path, done


def test_computing_waits_for_the_process_computing_the_same_entry(tmp_path):
    import time
    from presslens.engine import store
    proc, path, done = _holder(tmp_path, 1.5)
    t0 = time.monotonic()
    with store.computing(path) as did_wait:
        waited = time.monotonic() - t0
        assert done.exists() and did_wait   # the other process finished before this one went on
    proc.wait(timeout=60)
    assert waited > 0.5
    with store.computing(path) as did_wait:  # nobody holds it now: no wait
        assert not did_wait


def test_computing_waits_at_most_its_limit(tmp_path):
    import time
    from presslens.engine import store
    proc, path, done = _holder(tmp_path, 5.0)
    t0 = time.monotonic()
    with store.computing(path, wait=0.3):
        waited = time.monotonic() - t0
        assert not done.exists()        # gave up waiting: computes alongside
    proc.wait(timeout=60)
    assert 0.25 < waited < 4.0


def test_negated_is_kept_per_text_and_reads_as_before():
    from presslens.analyses.facts import features
    features.negated.cache_clear()
    cases = {"The council did not close the quay.": True, "The harbour master declined to comment.": True,
             "Shares in Harbour Ferries declined 3% on Monday.": False, "The mayor never visited the pier.": True,
             "The quay reopened on Monday.": False, "The council hasn't decided.": True}
    for _ in range(2):
        assert {t: features.negated(t) for t in cases} == cases
    assert features.negated.cache_info().hits == len(cases)
    assert all(features.negated.__wrapped__(t) == want for t, want in cases.items())


@pytest.mark.parametrize("waited, computed", [(True, False), (False, True)])
def test_story_table_reads_what_another_process_wrote_while_it_waited(tmp_path, monkeypatch, waited, computed):
    import contextlib
    from presslens.engine import memo, store
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("PRESSLENS_NO_RESULT_CACHE", raising=False)
    calls, looks = [], []

    @memo.story_table
    def harbour(x):
        calls.append(x)
        return {"x": x}

    def load(path, *a, **k):  # nothing at the first look; the other process's result once it is done
        looks.append(path)
        return None if len(looks) == 1 else {"x": "written by the other process"}

    @contextlib.contextmanager
    def computing(path, wait=0.0):
        yield waited
    monkeypatch.setattr(store, "load", load)
    monkeypatch.setattr(store, "computing", computing)
    got = harbour(7)
    assert (calls == [7]) == computed
    assert got == ({"x": 7} if computed else {"x": "written by the other process"})
    assert len(looks) == (1 if computed else 2)  # read again only after waiting
