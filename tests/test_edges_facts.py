"""Boundary tests for fact discovery's small functions (presslens.analyses.facts: features, drift, names,
table, grouping.versions, window), on crafted Harbour sentences: thresholds at their exact value (>= vs >),
empty and one-item input, ties and order. Expected values worked out by hand from each docstring."""
from __future__ import annotations

import re
import sys

import numpy as np
import pandas as pd

import presslens.analyses.facts.drift
import presslens.analyses.facts.features
import presslens.analyses.facts.grouping
import presslens.analyses.facts.table
import presslens.analyses.facts.window
from presslens.analyses.facts import names

features = sys.modules["presslens.analyses.facts.features"]
drift = sys.modules["presslens.analyses.facts.drift"]
grouping = sys.modules["presslens.analyses.facts.grouping"]
table = sys.modules["presslens.analyses.facts.table"]
window = sys.modules["presslens.analyses.facts.window"]


def test_fold_keeps_four_letters_and_double_s():
    # "loots" - "s" leaves exactly four letters: folded; "rated" - "ed" leaves three: kept whole
    assert features.fold("loots") == "loot"
    assert features.fold("looted") == "loot"
    assert features.fold("rated") == "rated"
    assert features.fold("press") == "press"          # a double s is no plural
    assert features.fold("bosses") == "boss"
    assert features.fold("Harbour's") == "harbour"


def test_content_words_drop_short_words_but_keep_numbers():
    # "gas" (three letters) is a content word; "go" (two) is not; "7" is kept as a number
    got = features.content("The Harbour gas line at 7, go")
    assert got == ["harbour", "gas", "line", "7"]
    assert features.content("") == []


def test_a_clause_of_exactly_four_content_words_stands_alone():
    # "Ferry crews blocked gates" holds four content words (ferry, crew, block, gate): CLAUSE_MIN
    assert features.clauses("Ferry crews blocked gates, while tug pilots waited offshore overnight") == [
        "Ferry crews blocked gates", "while tug pilots waited offshore overnight"]
    # a last short piece ("while tug pilots waited": three) joins the clause before it
    assert features.clauses("Ferry crews blocked harbour gates, while tug pilots waited") == [
        "Ferry crews blocked harbour gates, while tug pilots waited"]
    assert features.clauses("") == [""]


def test_negation_before_to_needs_a_word_after_to():
    assert features.negated("The council declined to sign the harbour lease")
    assert not features.negated("The council declined to")          # the sentence ends at "to"
    assert not features.negated("The council declined to 5 votes")  # a number after "to": a fall
    assert not features.negated("Ferry fares declined 3%")
    assert features.negated("The pier didn't open")


def test_may_the_month_is_no_hedge():
    m = features.marks("The mayor may speak in May about 1,200 homes in 2024, officials said.")
    assert m["hedges"] == ["may"]
    assert m["numbers"] == ["1200"]                 # the year is a date, not a number
    assert m["dates"] == ["may", "may", "2024"]
    assert m["attributed"] is True
    assert features.marks("In May the mayor spoke")["hedges"] == []


def test_compare_changes_a_number_only_when_both_give_one():
    d = drift.compare("the storm sank 12 boats", "x", "the storm sank 14 boats", "x")
    assert d == [{"kind": "number", "change": "changed", "centre_value": "12", "value": "14"}]
    assert drift.compare("the storm sank 12 boats", "x", "the storm sank 12 boats", "x") == []
    assert drift.compare("the storm sank 12 boats", "x", "the storm sank boats", "x") == []
    # a hedge dropped; a date in the version where the centre has none is no change of date
    d = drift.compare("the storm reportedly sank 12 boats", "x", "the storm sank 12 boats in May", "x")
    assert [(x["kind"], x["change"]) for x in d] == [("hedge", "dropped")]


def _members(rows):
    """(fact, article_id, outlet, centre, clause) -> a member table as table.from_sentences makes it."""
    out = []
    for i, (f, aid, outlet, centre, clause) in enumerate(rows):
        out.append({"fact": f, "article_id": aid, "outlet": outlet, "published": "2024-05-0%d" % (i % 9 + 1),
                    "published_utc": pd.NaT, "sent_idx": i, "part": "body", "position": 0.5, "voice": "own voice",
                    "fact_score": 1.0, "centre": centre, "clause": clause, "text": clause + "."})
    return pd.DataFrame(out, columns=table.MEMBER_COLS)


def test_drift_reads_facts_of_exactly_two_articles():
    m = _members([(0, "a1", "Tide", True, "the storm sank 12 boats"),
                  (0, "a2", "Quay", False, "the storm sank 14 boats"),
                  (1, "a3", "Tide", True, "the pier lost 3 cranes"),
                  (1, "a3", "Tide", False, "the pier lost 4 cranes")])   # one article: no drift read
    d = drift.drift(m)
    assert d["fact"].tolist() == [0]
    assert (d["centre_value"].tolist(), d["value"].tolist()) == (["12"], ["14"])
    assert drift.drift(m, facts=[1])["value"].tolist() == ["4"]


def test_summarise_keeps_facts_of_exactly_min_articles():
    m = _members([(0, "a1", "Tide", True, "the storm sank 12 boats"),
                  (0, "a2", "Quay", False, "the storm sank 12 boats"),
                  (1, "a3", "Tide", True, "the pier lost 3 cranes")])
    s = table.summarise(m)
    assert s["fact"].tolist() == [0]
    assert s.iloc[0][["n_outlets", "n_articles", "n_sentences", "first_article"]].tolist() == [2, 2, 2, "a1"]
    assert table.summarise(m, min_articles=1)["fact"].tolist() == [0, 1]
    assert table.summarise(m.iloc[:0]).empty


def test_summarise_labels_a_question_fact_by_its_commonest_statement():
    m = _members([(0, "a1", "Tide", True, "did the storm sink 12 boats?"),
                  (0, "a2", "Quay", False, "the storm sank 12 boats"),
                  (0, "a3", "Reef", False, "the storm sank a dozen boats"),
                  (0, "a4", "Moor", False, "the storm sank 12 boats")])
    assert table.summarise(m).iloc[0]["label"] == "the storm sank 12 boats"


def test_voice_at_half_quoted():
    assert table.voice("The pier closed.", 0.5) == "quote"
    assert table.voice("The pier closed.", 0.49) == "own voice"
    assert table.voice("The pier closed, officials said.", 0.2) == "attributed"


def test_names_words_keep_three_letter_words():
    # "ox" is too short, "9am" begins with a digit, "and"/"the"/"at" are stop words; "tug" (three) stays
    assert names.words("An ox and the Harbour tug pilots at 9am") == {"harbour", "tug", "pilot"}


def test_cast_takes_names_of_exactly_the_share_of_articles():
    texts = ["Harbour pilots", "Harbour tugs", "pilots", "Quayside"]
    got = names.cast(texts, ["a1", "a2", "a3", "a4"], names=frozenset({"harbour", "pilot", "quayside"}))
    assert got == frozenset({"harbour", "pilot"})      # two of four articles each: share 0.5; quayside one
    assert names.cast([], [], names=frozenset({"harbour"})) == frozenset()


def test_versions_need_three_content_words_and_split_on_negation():
    idx, toks, neg, rep = grouping.versions(["Tugs towed barges", "Tugs towed", "Tugs towed barges",
                                             "Tugs did not tow barges"])
    assert idx.tolist() == [0, -1, 0, 1]
    assert neg.tolist() == [False, True]
    assert rep == ["Tugs towed barges", "Tugs did not tow barges"]


def test_windows_pair_only_consecutive_sentences_of_one_article():
    s = pd.DataFrame({"article_id": ["a", "a", "b"], "sent_idx": [0, 1, 0], "text": ["One.", "Two.", "Three."]})
    first, second, texts = window.windows(s)
    assert (first.tolist(), second.tolist()) == ([0, 1, 2, 0], [-1, -1, -1, 1])
    assert texts[-1] == "One. Two."
    first, second, texts = window.windows(s.iloc[:2])              # two sentences: one pair
    assert (first.tolist(), second.tolist(), texts[-1]) == ([0, 1, 0], [-1, -1, 1], "One. Two.")
    first, second, texts = window.windows(s.iloc[:1])              # one sentence: no pair
    assert (first.tolist(), second.tolist(), texts) == ([0], [-1], ["One."])
    gap = pd.DataFrame({"article_id": ["a", "a"], "sent_idx": [0, 2], "text": ["One.", "Two."]})
    assert window.windows(gap)[1].tolist() == [-1, -1]               # sentence 1 missing: not consecutive


def test_holds_needs_every_top_word_and_the_mass():
    from scipy import sparse
    m = sparse.csr_matrix(np.array([[1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 1, 1], [1, 1, 0, 1]], dtype=np.float32))
    mc = m.tocsc()
    mc.sort_indices()
    idf = np.array([1.0, 1.0, 1.0, 1.0])
    top, full = np.array([0, 1]), np.array([0, 1, 2, 3])
    # rows 0, 1 and 3 hold both top words; row 1 holds 2 of 4 = 0.5 of the full core's mass
    assert window.holds(m, mc, top, full, idf, 0.5).tolist() == [0, 1, 3]
    assert window.holds(m, mc, top, full, idf, 0.6).tolist() == [0, 3]
    assert window.holds(m, mc, top, full, idf, 0.0).tolist() == [0, 1, 3]


def test_left_out_at_min_outlets_and_half_the_outlets():
    import presslens.analyses.facts.omission
    omission = sys.modules["presslens.analyses.facts.omission"]
    rows = [(0, f"a{i}", o, i == 0, "the storm sank twelve fishing boats in the harbour")
            for i, o in enumerate(["Tide", "Quay", "Moor"])]
    rows += [(1, f"a{i}", o, i == 0, "the ferry pier stayed closed for repairs") for i, o in enumerate(["Tide", "Quay"])]
    rows += [(2, f"a{i}", o, i == 0, "the mayor visited the flooded quay")
             for i, o in enumerate(["Tide", "Quay", "Moor", "Reef"])]
    rows += [(3, "a3", "Reef", True, "volunteers cooked soup for stranded sailors")]
    m = _members([(f, a, o, c, t) for f, a, o, c, t in rows])
    s = table.summarise(m, min_articles=1)
    four = ["Tide", "Quay", "Moor", "Reef"]
    out = omission.left_out(m, s, four)
    # fact 0: three outlets (min_outlets 3) of four; fact 1: two; fact 2: every outlet, so nobody leaves it out
    assert out[["outlet", "fact", "n_outlets", "share_outlets", "example_outlet"]].values.tolist() == [
        ["Reef", 0, 3, 0.75, "Tide"]]
    assert out.iloc[0]["example_sentence"] == "the storm sank twelve fishing boats in the harbour."
    six = four + ["Buoy", "Pier"]
    got = omission.left_out(m, s, six)                  # fact 0: 3 of 6 outlets, exactly min_share 0.5
    assert list(zip(got["outlet"], got["fact"])) == [("Buoy", 2), ("Pier", 2), ("Reef", 0), ("Buoy", 0), ("Pier", 0)]
    assert omission.left_out(m, s, four, min_outlets=4).empty


def test_snippets_for_the_n_largest_facts():
    import presslens.analyses.facts.claims_map
    claims_map = sys.modules["presslens.analyses.facts.claims_map"]
    m = _members([(0, "a1", "Tide", True, "the harbour pilot boarded the ship")])
    s = pd.DataFrame([{"fact": i, "label": f"harbour pilot number {i} boarded ship"} for i in range(7)])
    assert claims_map.snippets(s, m).count("- id:") == 5            # n = 5 by default
    # fact 0's one sentence has no "number": the pattern takes two words that sentence has (ties: the first)
    assert claims_map.snippets(s, m, 1) == ("claims:\n  - id: harbour-pilot-number\n    text: \"harbour pilot "
                                            "number 0 boarded ship\"\n    patterns: ['harbour\\w*.{0,80}pilot\\w*']")
    # facts 1-6 have no sentence in m: the label's rarest words, as before
    assert "patterns: ['number\\w*.{0,80}board\\w*']" in claims_map.snippets(s.iloc[1:], m, 1)
    assert claims_map.snippets(s.iloc[:0], m) == ""


def test_a_snippets_pattern_finds_the_fact_as_the_other_outlets_word_it():
    """Attack session 17: the pattern was the label's two rarest words, found in the label's own sentence
    only (a fact of 7 outlets suggested a claim that matched 1). It is now the pair that finds most of
    the fact's sentences and fewest of other facts'."""
    import presslens.analyses.facts.claims_map
    claims_map = sys.modules["presslens.analyses.facts.claims_map"]
    m = _members([(0, "a1", "Tide", True, "the ferry hull cracked in the middle of the crossing"),
                  (0, "a2", "Quay", False, "the ferry hull cracked off Harbour point"),
                  (0, "a3", "Moor", False, "a ferry whose hull cracked was towed back"),
                  (1, "a4", "Reef", True, "the ferry timetable was cut for the week")])
    s = table.summarise(m, min_articles=1)
    got = claims_map.snippets(s[s["fact"] == 0], m, 1)
    pattern = got.split("patterns: ['")[1].split("']")[0]
    assert pattern == "hull\\w*.{0,80}crack\\w*"          # in all three of fact 0's sentences, none of fact 1's
    assert sum(bool(re.search(pattern, t, re.I)) for t in m.loc[m["fact"] == 0, "text"]) == 3


def test_reference_figure_needs_two_values_and_breaks_ties_small():
    from presslens.analyses.facts import split
    fig = [{"deaths": frozenset({"12"})}, {"deaths": frozenset({"14"})}, {"deaths": frozenset({"12"})}, {},
           {"deaths": frozenset({"14"})}]
    w = np.ones(5)
    assert split._reference(np.array([0, 1, 2, 3]), fig, w, {}) == {"deaths": frozenset({"12"})}   # two to one
    assert split._reference(np.array([1, 2]), fig, w, {}) == {"deaths": frozenset({"12"})}         # a tie: smallest
    assert split._reference(np.array([1, 4]), fig, w, {}) == {}        # one value only: nothing disagrees
    assert split._reference(np.array([0, 1, 4]), fig, np.array([3.0, 1, 1, 1, 1]), {}) == {"deaths": frozenset({"12"})}
    assert split._reference(np.array([0, 1, 2]), fig, w, {"deaths": frozenset({"14"})}) == {"deaths": frozenset({"14"})}
