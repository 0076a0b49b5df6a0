"""Names in fact discovery (presslens.analyses.facts.names): which words a story writes as names, the
story's cast (names most of its articles write), and a fact's core made of the cast alone taking in
nothing (grouping.cores), on hand-checked synthetic sentences."""
from __future__ import annotations

import numpy as np
from scipy import sparse

from presslens.analyses.facts import grouping, names

TEXTS = ["The ferry operator was fined by the Marbury Harbour Commission on Tuesday.",
         "On Tuesday the Marbury Harbour Commission fined the operator of the ferry.",
         "Fishermen said the harbour was closed for a week after the spill.",
         "The old harbour reopened to fishing boats on Friday, officials said.",
         "Marbury Harbour Commission Fines Ferry Operator Over Spill",   # title case: every word capitalised
         "\"Fines are not enough,\" a fisherman said of the spill near Marbury."]


def test_a_word_written_with_a_capital_inside_sentences_is_a_name():
    nw = names.name_words(TEXTS)
    assert {"marbury", "commission", "tuesday", "friday"} <= nw
    # "harbour": capitalised in 2 of its 4 places inside a sentence: a name at CAPITAL_SHARE 0.5, no more
    assert "harbour" in nw
    # a sentence's first word, a word after a quotation mark and a title-case line prove nothing
    assert not {"ferry", "fine", "fishermen", "fisherman", "operator", "spill", "on", "the"} & nw
    assert "harbour" not in names.name_words(TEXTS + ["The harbour master said the harbour was calm."])


def test_the_cast_is_the_names_most_articles_write():
    arts = ["a", "b", "c", "d", "e", "f"]
    # written in: marbury a b e f; harbour a b c d e (lower case too: the word is a name); commission a b e
    assert names.cast(TEXTS, arts, share=0.5) == {"marbury", "harbour", "commission"}
    assert names.cast(TEXTS, arts, share=0.6) == {"marbury", "harbour"}      # 3 of 6 is under 0.6
    # a title's words count as written there (only their capitals prove nothing)
    assert names.cast(TEXTS, arts, parts=["body"] * 4 + ["title", "body"], share=0.6) == {"marbury", "harbour"}
    assert names.cast(TEXTS[:4], arts[:4], share=0.5) == {"marbury", "harbour", "commission"}


def _fact(words_of_versions: list[list[int]], n_words: int):
    rows = [v for v, ws in enumerate(words_of_versions) for _ in ws]
    cols = [w for ws in words_of_versions for w in ws]
    m = sparse.csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(len(words_of_versions), n_words))
    n = len(words_of_versions)
    return np.arange(n), np.zeros(n, dtype=np.int64), m, np.full(n_words, 2.5, dtype=np.float32), np.ones(n)


def test_a_core_of_the_cast_alone_takes_in_nothing():
    """Four versions of "after the Marbury Regatta ..." share only the story's cast (words 0 and 1):
    that core would take in every sentence naming the regatta, so it is no core. A fact whose versions
    also share what happened (word 2) keeps its core."""
    vv, ff, m, idf, weight = _fact([[0, 1, 2, 5], [0, 1, 3], [0, 1, 4], [0, 1, 6]], 7)
    assert [list(c[3]) for c in grouping.cores(vv, ff, m, idf, weight)] == [[0, 1]]
    assert grouping.cores(vv, ff, m, idf, weight, np.array([0, 1])) == []
    vv, ff, m, idf, weight = _fact([[0, 1, 2, 5], [0, 1, 2, 3], [0, 1, 2, 4], [0, 1, 2, 6]], 7)
    assert [sorted(c[3]) for c in grouping.cores(vv, ff, m, idf, weight, np.array([0, 1]))] == [[0, 1, 2]]


def test_a_large_story_is_read_on_every_kth_sentence_and_article(monkeypatch):
    """The cost stays flat as a story grows: past SAMPLE_SENTENCES sentences the names are read on
    every k-th one, past SAMPLE_ARTICLES articles the cast on every k-th article (ids in order)."""
    monkeypatch.setattr(names, "SAMPLE_SENTENCES", 3)   # 6 sentences: every 2nd (rows 0, 2, 4) is read
    assert names.name_words(TEXTS) == names.name_words(TEXTS[::2]) == {"marbury", "harbour", "commission", "tuesday"}
    monkeypatch.setattr(names, "SAMPLE_ARTICLES", 3)    # 6 articles: a, c, e are read
    cast = names.cast(TEXTS, ["a", "b", "c", "d", "e", "f"], share=0.6, names=frozenset({"marbury", "harbour"}))
    assert cast == {"marbury", "harbour"}               # marbury in a and e, harbour in a, c, e: 2 and 3 of 3
