"""Hostile input, seventh round (issue 21): memory that grows faster than the text (cases named in
each test). A text a reader can open must be measured in memory that grows with its length, not its
square: a phrase repeated thousands of times inside one article (f32, d07), thousands of aliases (y12).
"""
import tracemalloc

import pytest

from presslens.analyses import reuse
from presslens.errors import StoryError

from .conftest import write_story


def _doc(i, words):
    return reuse.Doc(f"a{i}", f"Outlet {i}", words, [False] * len(words), [0] * len(words))


def _peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_f32_a_phrase_repeated_inside_one_article_costs_its_repeats_not_their_square():
    """f32: "Yes." 100,000 times in one article made one 5-gram of 100,000 occurrences in ONE article
    (so not common phrasing), and every two occurrences were paired (a 9 GB index). Pairs are of
    articles now: tripling the repeats must not multiply the memory by nine."""
    shared = "the council voted to close the old bridge on the river road for repairs".split()

    def docs(n):
        return [_doc(0, ["yes"] * n + shared), _doc(1, ["intro", "yes", "yes", "yes", "yes", "yes"] + shared)]

    small = _peak(lambda: reuse.candidate_pairs(docs(1000)))
    big = _peak(lambda: reuse.candidate_pairs(docs(3000)))
    assert big < 4.5 * small, (small, big)  # linear: ~3x; pairing occurrences: ~9x
    pairs, common = reuse.candidate_pairs(docs(3000))
    assert common == 0 and list(pairs) == [(0, 1)]
    # the real shared passage is still found whole (a repeat's last places are kept): 5 repeats + 14 words,
    # from word 2995 of a0 and word 1 of a1: a run of 15 shingles
    assert max(reuse.align.runs(pairs[(0, 1)]), key=lambda r: r[2]) == (2995, 1, 15)


def test_a_repeated_phrase_in_two_articles_is_matched_at_a_bounded_number_of_places():
    """Both articles repeat one phrase 2,000 times: the points are capped per article (MAX_REPEAT
    positions of one 5-gram in one article), not 2,000 x 2,000."""
    docs = [_doc(0, ["no"] * 2000), _doc(1, ["no"] * 2000)]
    pairs, _ = reuse.candidate_pairs(docs)
    assert len(pairs[(0, 1)]) == reuse.MAX_REPEAT ** 2


def test_y12_ten_thousand_aliases_are_refused_by_check_naming_the_actor_and_the_fix(tmp_path):
    """y12: 10,000 aliases on one actor passed check, then export passed 4.7 GB (every form is an
    alternative of one pattern tried at every word). Check refuses over 1,000 forms per actor, naming
    story.yaml, the actor and what to do; 1,000 still load."""
    arts = [("Daily One", "Microsoft said the deal was done."), ("Daily Two", "Microsoft agreed.")]
    many = ", ".join(f"Alias{i}x" for i in range(999))
    st = write_story(tmp_path / "ok", f"  - name: Microsoft\n    aliases: [{many}]\n", arts)  # 1,000 forms: fine
    assert len(st.actors[0].forms) == 1000
    with pytest.raises(StoryError) as e:
        write_story(tmp_path / "big", "  - name: Microsoft\n    aliases: ["
                    + ", ".join(f"Alias{i}x" for i in range(10000)) + "]\n", arts)
    msg = str(e.value)
    assert "story.yaml [actors[0].aliases]: actor 'Microsoft' has 10,001 names and aliases: at most 1,000" in msg
    assert "remove the others from actor 'Microsoft'" in msg


def test_a_quotation_repeated_inside_two_articles_costs_its_repeats_not_their_product():
    """The short-quotation index paired every occurrence of a quoted 3-gram with every other: two
    articles each quoting one chant n times made n x n points. Per article at most MAX_REPEAT places."""
    chant = ["we", "want", "answers"]

    def quoted_doc(i, n):
        words = ["intro"] + chant * n
        return reuse.Doc(f"a{i}", f"Outlet {i}", words, [False] + [True] * (len(words) - 1), [0] * len(words))

    def run(n):
        return reuse.shared_quotations([quoted_doc(0, n), quoted_doc(1, n)])

    small = _peak(lambda: run(300))
    big = _peak(lambda: run(900))
    assert big < 4.5 * small, (small, big)  # linear: ~3x; every occurrence with every other: ~9x
    words, text = run(900)[(0, 1)]
    assert words >= 3 and text.startswith("we want answers")


def test_d07_an_article_longer_than_ten_features_is_named_by_check(tmp_path, monkeypatch):
    """d07/f32: a 40,000-paragraph article passed check with no word about its size. Its measures are
    linear in its length now, but take minutes: check names the file and what to do. (The limit is
    lowered here so that a small article shows it.)"""
    from presslens.engine import screening

    monkeypatch.setattr(screening, "LONG_ARTICLE", 40)
    body = " ".join(f"The council met on day {i} and voted on item {i} of the plan." for i in range(5))
    st = write_story(tmp_path, "  - name: Council\n", [("Daily One", body), ("Daily Two", "The council met.")])
    got = [(w.file, w.message) for w in screening.screen(st).warnings if "words long" in w.message]
    assert len(got) == 1 and got[0][0].endswith("a0.md"), got
    assert got[0][1].startswith("is 70 words long (a long feature is 5,000)")  # 5 sentences of 14 words
