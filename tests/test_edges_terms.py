"""Boundaries of facts/terms pinned on both sides (issue 20): a term quoted by two articles (one is not
enough) and used by three (two are not), of two to six content words, a fact that already holds four
fifths of its sentences. An invented Harbour Council levy."""
import pandas as pd

from presslens.analyses.facts import terms

Q = "The council called it a “harbour levy” on Monday."
U = "Critics said the harbour levy would hurt fishers."


def test_a_term_is_quoted_by_two_articles_and_used_by_three():
    assert (terms.QUOTED_MIN, terms.ARTICLES_MIN) == (2, 3)
    got = terms.quoted_terms([Q, Q, U], ["a", "b", "c"])
    assert got == {("harbour", "levy"): [0, 1, 2]}
    assert terms.quoted_terms([Q, U, U], ["a", "b", "c"]) == {}  # quoted by one article only
    assert terms.quoted_terms([Q, Q, U], ["a", "b", "b"]) == {}  # used by two articles only
    assert terms.quoted_terms([Q, Q, U, U], ["a", "a", "b", "c"]) == {}  # two quotes, one article
    assert terms.quoted_terms([Q, Q, U], ["a", "b", "c"], names=frozenset({"harbour", "levy"})) == {}  # all names


def test_a_term_has_two_to_six_content_words():
    one = "They called it “levy” again."
    assert terms.quoted_terms([one, one, "A levy came."], ["a", "b", "c"]) == {}  # one word
    six = "They called it “north harbour levy scheme deal plan” again."
    assert list(terms.quoted_terms([six, six, six], ["a", "b", "c"])) == [("north", "harbour", "levy", "scheme", "deal", "plan")]
    seven = "They called it “north harbour levy scheme deal plan vote” again."
    assert terms.quoted_terms([seven, seven, seven], ["a", "b", "c"]) == {}


def test_a_term_a_known_fact_holds_in_four_fifths_of_its_sentences_is_no_new_fact():
    texts, arts = [Q, Q, U, U, U], ["a", "b", "c", "d", "e"]
    assert terms.FOUND == 0.8
    new = terms.facts(texts, arts, pd.DataFrame({"_row": [0, 1, 2, 3], "fact": [7] * 4}))
    assert new.empty  # 4 of 5: held
    new = terms.facts(texts, arts, pd.DataFrame({"_row": [0, 1, 2], "fact": [7] * 3}))  # 3 of 5: not held
    assert new["_row"].tolist() == [0, 1, 2, 3, 4] and set(new["fact"]) == {8}
    assert new.loc[new["centre"], "_row"].tolist() == [0]  # the first sentence that quotes it
    none = terms.facts(texts, arts, pd.DataFrame(columns=["_row", "fact"]))
    assert set(none["fact"]) == {0}


def test_a_new_fact_keeps_the_centre_s_polarity_and_needs_three_articles_after():
    neg = "Critics said the harbour levy would not help anyone."
    got = terms.facts([Q, Q, U, neg], ["a", "b", "c", "d"], pd.DataFrame(columns=["_row", "fact"]))
    assert got["_row"].tolist() == [0, 1, 2]  # the negated use left out; three articles remain: a fact
    assert terms.facts([Q, Q, neg, neg], ["a", "b", "c", "d"], pd.DataFrame(columns=["_row", "fact"])).empty
