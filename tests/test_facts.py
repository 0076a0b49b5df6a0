"""Fact discovery (presslens.analyses.facts) on small crafted stories: paraphrases grouped, a negated
sentence and a second fact sharing words kept apart; drift names a changed number, a dropped hedge
and a dropped attribution; claims map to facts and are scored by article-level F1."""
from __future__ import annotations

import pandas as pd

from presslens.analyses import facts


def sentences(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """(article_id, outlet, text) rows -> a sentence table as the engine makes it."""
    out = []
    for aid, outlet, text in rows:
        idx = sum(1 for r in out if r["article_id"] == aid)
        out.append({"article_id": aid, "outlet": outlet, "sent_idx": idx, "part": "lede" if idx == 0 else "body",
                    "position": 0.0 if idx == 0 else 0.5, "text": text})
    return pd.DataFrame(out)


STORY = sentences([
    ("a1", "Alpha", "Hurricane Otis made landfall near Acapulco as a Category 5 storm."),
    ("a1", "Alpha", "The storm killed 27 people in Acapulco and the nearby towns."),
    ("a2", "Beta", "Otis made landfall close to Acapulco as a powerful Category 5 hurricane."),
    ("a2", "Beta", "Rubiales said Hermoso consented to the kiss after the final."),
    ("a3", "Gamma", "The Category 5 hurricane Otis made landfall near the resort of Acapulco."),
    ("a3", "Gamma", "Hermoso said she did not consent to the kiss after the final."),
    ("a4", "Delta", "At least 27 people were killed by the storm in Acapulco and nearby towns."),
    ("a4", "Delta", "Rubiales said that Hermoso consented to the kiss after the final whistle."),
])


def fact_of(m: pd.DataFrame, text: str) -> set[int]:
    return set(m.loc[m["text"] == text, "fact"])


def common_fact(m: pd.DataFrame, rows: pd.DataFrame, *which: int) -> set[int]:
    """The facts that the sentences ``which`` (positions in ``rows``) all state."""
    return set.intersection(*(fact_of(m, rows.text[i]) for i in which))


def test_paraphrases_share_a_fact():
    m = facts.from_sentences(STORY)
    a = fact_of(m, STORY.text[0])
    assert a & fact_of(m, STORY.text[2]) & fact_of(m, STORY.text[4])


def test_negated_sentence_apart_from_its_positive():
    m = facts.from_sentences(STORY)
    pos, neg = fact_of(m, STORY.text[3]), fact_of(m, STORY.text[5])
    assert pos & fact_of(m, STORY.text[7])          # the two positive versions meet
    assert not (pos & neg)                          # the denial is a fact of its own


def test_two_facts_sharing_words_apart():
    m = facts.from_sentences(STORY)
    landfall, deaths = fact_of(m, STORY.text[0]), fact_of(m, STORY.text[1])
    assert not (landfall & deaths)                  # "Otis", "Acapulco", "storm" shared; the facts differ
    assert deaths & fact_of(m, STORY.text[6])


def test_summary_and_omission_map():
    m = facts.from_sentences(STORY)
    s = facts.summarise(m)
    landfall = next(iter(fact_of(m, STORY.text[0]) & fact_of(m, STORY.text[2])))
    row = s.set_index("fact").loc[landfall]
    assert (row["n_outlets"], row["n_articles"]) == (3, 3)
    g = facts.grid(m, s, ["Alpha", "Beta", "Gamma", "Delta"], {o: 1 for o in ["Alpha", "Beta", "Gamma", "Delta"]})
    cell = g[(g["fact"] == landfall) & (g["outlet"] == "Delta")].iloc[0]
    assert cell["voice"] == "absent" and pd.isna(cell["sentence"])
    carried = g[(g["fact"] == landfall) & (g["outlet"] == "Alpha")].iloc[0]
    assert carried["voice"] == "own voice" and carried["sentence"] == STORY.text[0]
    left = facts.left_out(m, s, ["Alpha", "Beta", "Gamma", "Delta"])
    assert ((left["fact"] == landfall) & (left["outlet"] == "Delta")).any()


def test_drift_changed_number():
    d = facts.compare("the storm killed 27 people", "The storm killed 27 people.",
                      "the storm killed 43 people", "The storm killed 43 people.")
    assert {"kind": "number", "change": "changed", "centre_value": "27", "value": "43"} in d


def test_drift_dropped_hedge():
    d = facts.compare("OpenAI reportedly suspended the account", "OpenAI reportedly suspended the account.",
                      "OpenAI suspended the account", "OpenAI suspended the account.")
    assert [(x["kind"], x["change"], x["centre_value"]) for x in d] == [("hedge", "dropped", "reportedly")]


def test_drift_dropped_attribution():
    d = facts.compare("the storm killed 27 people", "The storm killed 27 people, officials said.",
                      "the storm killed 27 people", "The storm killed 27 people.")
    assert [(x["kind"], x["change"]) for x in d] == [("attribution", "dropped")]


def test_drift_table_over_a_fact():
    # a figure rounded in the retelling (16.86% -> nearly 17 percent) is one fact whose number drifted
    rows = sentences([("a1", "A", "The storm destroyed 16.86% of the homes in Acapulco, officials said."),
                      ("a2", "B", "The storm destroyed 16.86% of the homes in Acapulco, officials said."),
                      ("a3", "C", "The storm destroyed nearly 17 percent of the homes in Acapulco.")])
    d = facts.drift(facts.from_sentences(rows))
    assert set(zip(d["kind"], d["change"])) >= {("number", "changed"), ("attribution", "dropped")}
    assert (d["outlet"] == "C").all()


def test_two_different_tolls_are_two_facts():
    """An earlier and a later death toll share every other word, but a reader counts two facts: a
    figure that differs (not by rounding) keeps them apart; a sentence without the figure is no
    disagreement."""
    rows = sentences([("a1", "A", "The storm killed 27 people in the coastal city of Marbury, officials said."),
                      ("a2", "B", "The storm killed 27 people in the coastal city of Marbury, the governor said."),
                      ("a3", "C", "The storm killed 43 people in the coastal city of Marbury, officials said."),
                      ("a4", "D", "The storm killed 43 people in the coastal city of Marbury, the mayor said.")])
    m = facts.from_sentences(rows)
    f27, f43 = fact_of(m, rows.text[0]) | fact_of(m, rows.text[1]), fact_of(m, rows.text[2]) | fact_of(m, rows.text[3])
    assert fact_of(m, rows.text[0]) & fact_of(m, rows.text[1]) and fact_of(m, rows.text[2]) & fact_of(m, rows.text[3])
    assert not (f27 & f43)


def test_claim_scoring():
    m = facts.from_sentences(STORY)
    truth = [{"id": "landfall", "text": "Otis made landfall near Acapulco as a Category 5 hurricane",
              "articles": ["a1", "a2", "a3"]}]
    sc = facts.score(m, truth)
    assert sc.loc[0, "best_f1"] == 1.0 and sc.loc[0, "mapped_f1"] == 1.0
    assert facts.share_matched(sc) == 1.0
    assert "patterns:" in facts.snippets(facts.summarise(m), m, 1)


def test_embedding_model_ships_in_the_package():
    """The static embeddings load from the installed wheel with downloads forbidden."""
    assert facts.embedder() is not None
    import numpy as np
    from presslens.analyses.facts import features
    e = features.embed(["Otis made landfall as a Category 5 hurricane", "The storm hit the coast as a Category 5 hurricane",
                        "Stores were looted in the city"])
    assert e.shape == (3, 256) and np.allclose(np.linalg.norm(e, axis=1), 1, atol=1e-3)
    assert e[0] @ e[1] > e[0] @ e[2]


def test_clauses_keep_their_punctuation():
    assert facts.clauses("ByteDance, the parent company of TikTok, was suspended by OpenAI on Friday, the company said.") == [
        "ByteDance, the parent company of TikTok", "was suspended by OpenAI on Friday, the company said."]


def test_refusing_is_a_negation():
    """"refused to sign" entails "did not sign" (Karttunen's implicative verbs): it is grouped with
    "would not sign", and kept apart from "signed", though all four sentences share their words."""
    rows = sentences([("b1", "North", "The mayor refused to sign the new harbour budget on Monday."),
                      ("b2", "South", "The mayor would not sign the new harbour budget on Monday."),
                      ("b3", "East", "The mayor signed the new harbour budget on Monday."),
                      ("b4", "West", "On Monday the mayor signed the new harbour budget into law.")])
    m = facts.from_sentences(rows)
    refused, wont = fact_of(m, rows.text[0]), fact_of(m, rows.text[1])
    signed, into_law = fact_of(m, rows.text[2]), fact_of(m, rows.text[3])
    assert refused & wont and signed & into_law
    assert not (refused & signed) and not (wont & into_law)


TREES = ["alder", "birch", "cedar", "dogwood", "elm", "fir", "ginkgo", "hazel", "ivy", "juniper", "larch", "maple"]
FILLER = [(f"f{i}", f"Other {i}", f"Volunteers planted {i + 3} {t} saplings beside the {p} school")
          for i, (t, p) in enumerate((t, p) for t in TREES for p in ("north", "south", "east", "west"))]


def test_a_fact_does_not_take_in_a_sentence_for_its_two_rarest_words_alone():
    """A fact takes in a clause that holds its two rarest core words when it holds half its core too.
    Here the fact (three articles: the commission fined the operator over the spill) has seven core
    words; "harbour" and "commission" are its rarest (the others are said again in e5-e8; 48 unrelated
    sentences make every one of them rare). "The harbour commission met grieving families" holds
    those two and nothing else of the fact: another fact, kept apart. "The harbour commission fined
    the operator" holds four of seven (more than half the core's weight): the same fact."""
    rows = sentences([("e1", "A", "The harbour commission fined the ferry operator over the oil spill."),
                      ("e2", "B", "The ferry operator was fined by the harbour commission over the oil spill."),
                      ("e3", "C", "The harbour commission has fined the ferry operator for the oil spill."),
                      ("e4", "D", "The harbour commission met grieving families at the town hall on Friday."),
                      ("e5", "E", "Ferry operators were fined across the region this year, analysts noted."),
                      ("e6", "F", "Oil spill cleanup crews worked along the beaches this week."),
                      ("e7", "G", "Another ferry operator was fined last spring, analysts recalled."),
                      ("e8", "H", "A second oil spill was reported near the cape on Sunday."),
                      ("e9", "I", "In a terse statement the harbour commission fined the operator, whose boats stay docked."),
                      *FILLER])
    m = facts.from_sentences(rows)
    fined = fact_of(m, rows.text[0]) & fact_of(m, rows.text[1]) & fact_of(m, rows.text[2])
    assert fined
    assert not (fined & fact_of(m, rows.text[3]))
    assert fined & fact_of(m, rows.text[8])


def test_left_out_only_after_the_outlets_own_words_were_checked():
    """An outlet whose clause holds most of a fact's central words (grouped elsewhere, say inside a
    longer statement) may have told it in its own words: it is not listed as leaving the fact out.
    A clause that denies the fact, or gives another figure, is no telling: that outlet is listed, with
    the clause the absence was checked on."""
    label = "The harbour commission approved 3 seawalls for Marbury on Tuesday."
    rows = [(0, "Alpha", label), (0, "Beta", label), (0, "Gamma", label),
            (7, "Delta", "on Tuesday the harbour commission, after years of storms, approved 3 seawalls for Marbury"),
            (8, "Epsilon", "The harbour commission has not approved 3 seawalls for Marbury, officials said on Tuesday."),
            (9, "Zeta", "The harbour commission approved 5 seawalls for Marbury on Tuesday."),
            (10, "Eta", "Fishermen in Marbury protested about the price of diesel.")]
    m = pd.DataFrame([{"fact": f, "article_id": o.lower(), "outlet": o, "sent_idx": 0, "part": "body", "position": 0.5,
                       "voice": "own voice", "fact_score": 1.0, "centre": o == "Alpha", "clause": t, "text": t}
                      for f, o, t in rows])
    s = pd.DataFrame({"fact": [0], "label": [label]})
    outlets = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta"]
    left = facts.left_out(m, s, outlets, min_share=0.4).set_index("outlet")
    assert set(left.index) == {"Epsilon", "Zeta", "Eta"}
    assert left.loc["Epsilon", "closest_clause"] == rows[4][2] and left.loc["Eta", "closest_share"] < 0.3


def test_a_fact_told_across_clauses_is_found_in_the_whole_sentence():
    """One outlet puts the fact's name in one clause and what happened in another: neither clause holds
    the core ("harbour commission" | "fined the ferry operator over the oil spill"), the sentence
    does, so the sentence states the fact (analyses.facts.window). The same sentence denying it
    ("has not fined"), or with another figure (5 seawalls, not 3), is kept apart."""
    rows = sentences([("w1", "A", "The harbour commission fined the ferry operator 3 times over the oil spill."),
                      ("w2", "B", "The ferry operator was fined 3 times by the harbour commission over the oil spill."),
                      ("w3", "C", "The harbour commission has fined the ferry operator 3 times for the oil spill."),
                      ("w4", "D", "The harbour commission, which met for six hours behind closed doors, "
                                  "fined the ferry operator over the oil spill."),
                      ("w5", "E", "The harbour commission, which met for six hours behind closed doors, "
                                  "has not fined the ferry operator over the oil spill."),
                      ("w6", "F", "The harbour commission, which met for six hours behind closed doors, "
                                  "fined the ferry operator 5 times over the oil spill."),
                      *FILLER])
    split = facts.clauses(rows.text[3])
    assert len(split) == 2 and not any("harbour" in c and "fined" in c for c in split)
    m = facts.from_sentences(rows)
    fined = fact_of(m, rows.text[0]) & fact_of(m, rows.text[1]) & fact_of(m, rows.text[2])
    assert fined
    assert fined & fact_of(m, rows.text[3])
    assert not (fined & fact_of(m, rows.text[4]))
    assert not (fined & fact_of(m, rows.text[5]))


def test_left_out_reads_the_whole_sentence_not_only_its_clauses():
    """An outlet's sentence that tells a fact across two clauses ("The harbour commission, which met
    for six hours, for Marbury" | "approved 3 seawalls on Tuesday") has no clause holding most of the
    fact's words; the sentence does, so the outlet is not listed as leaving the fact out."""
    label = "The harbour commission approved 3 seawalls for Marbury on Tuesday."
    told = "The harbour commission, which met for six hours behind closed doors for Marbury, approved 3 seawalls on Tuesday."
    rows = [(0, "Alpha", label, label), (0, "Beta", label, label), (0, "Gamma", label, label),
            (7, "Theta", "The harbour commission, which met for six hours behind closed doors for Marbury,", told),
            (8, "Theta", "approved 3 seawalls on Tuesday.", told),
            (9, "Eta", "Fishermen in Marbury protested about the price of diesel.",
             "Fishermen in Marbury protested about the price of diesel.")]
    m = pd.DataFrame([{"fact": f, "article_id": o.lower(), "outlet": o, "sent_idx": 0, "part": "body", "position": 0.5,
                       "voice": "own voice", "fact_score": 1.0, "centre": o == "Alpha", "clause": c, "text": t}
                      for f, o, c, t in rows])
    s = pd.DataFrame({"fact": [0], "label": [label]})
    left = facts.left_out(m, s, ["Alpha", "Beta", "Gamma", "Theta", "Eta"], min_share=0.4).set_index("outlet")
    assert set(left.index) == {"Eta"}


def test_two_tolls_stay_apart_when_a_version_without_a_figure_links_both():
    """27 dead and 43 dead never link, but both link to "the storm killed people in Marbury", and
    when that version is the fact's centre both tolls would be one fact. The toll most of the fact's
    articles give stays (27: three articles); the other (43) is a fact of its own."""
    said = ["officials said", "the governor said", "the mayor said", "police said"]
    told = [f"The storm killed {n}people in the coastal city of Marbury on Tuesday, {who}."
            for n, who in [("", w) for w in said] + [("27 ", "a report said"), ("27 ", "police said"),
                                                     ("27 ", "the mayor said"), ("43 ", "a report said")]]
    rows = sentences([(f"t{i}", f"Outlet {i}", t) for i, t in enumerate(told)] + FILLER)
    m = facts.from_sentences(rows)
    f27 = common_fact(m, rows, 4, 5, 6)
    assert common_fact(m, rows, 0, 4, 5, 6)              # the toll belongs with the statement without one
    assert fact_of(m, rows.text[7]) and not (f27 & fact_of(m, rows.text[7]))   # 43 is another fact


def test_left_out_takes_the_story_and_leaves_out_an_outlet_cut_short_at_a_paywall(tmp_path):
    """Notebook 07's one call: ``facts.left_out(story)`` reads the members, the facts, the outlets and
    the outlets whose every article stops at a paywall from the story, as ``claims.omissions`` does;
    the paywalled outlet is never listed as leaving a fact out and the note names its file. The old
    call with every table given still gives the same rows."""
    from presslens.errors import ParameterError
    from presslens.story import capture

    from .conftest import write_story

    told = ["The harbour commission fined the ferry operator over the oil spill in Marbury on Tuesday.",
            "On Tuesday the harbour commission fined the ferry operator over the Marbury oil spill.",
            "The ferry operator was fined by the harbour commission over the oil spill in Marbury on Tuesday."]
    other = "Fishermen in the bay protested about the price of diesel at the town hall."
    teaser = ("Fishermen in the bay protested again about the price of diesel, and the town council promised "
              "to meet their union next week to discuss a winter subsidy for the fleet.\n\n"
              "Subscribe to continue reading. Already a subscriber? Log in.")
    st = write_story(tmp_path, "  - name: Harbour Commission\n    kind: government\n",
                     [("Alpha", told[0]), ("Beta", told[1]), ("Gamma", told[2]), ("Delta", other), ("Teaser", teaser)])
    assert set(capture.cut_short(st.articles)) == {"Teaser"}
    left = facts.left_out(st)
    fined = left[left["label"].str.contains("fined")]
    assert set(fined["outlet"]) == {"Delta"}
    assert "Teaser (" in left.attrs["note"] and "paywall" in left.attrs["note"]
    m = facts.members(st)
    old = facts.left_out(m, facts.summarise(m), st.outlets, cut_short=capture.cut_short(st.articles))
    pd.testing.assert_frame_equal(left, old)
    assert old.attrs["note"] == left.attrs["note"]
    try:
        facts.left_out(m)
    except ParameterError as e:
        assert "facts.left_out" in str(e) and "facts.left_out(story)" in str(e)
    else:
        raise AssertionError("a member table without its facts and outlets must be refused with the fix")


def test_a_claim_maps_to_the_facts_most_of_whose_sentences_state_it():
    """A claim is the fact most of whose sentences say it, not every fact one clause of which does: a
    fact about the storm that took in one sentence also naming the fine (a sentence can state two facts)
    is not the claim's fact; the fine's fact is, with the share of its clauses that match."""
    fine = ["The harbour commission fined the ferry operator over the oil spill.",
            "The ferry operator was fined by the harbour commission over the spill.",
            "The harbour commission has fined the ferry operator for the oil spill."]
    storm = ["Storms battered the coast of Marbury for a third night.",
             "A third night of storms battered the Marbury coast.",
             "Fishing boats stayed in port as storms battered the coast.",
             "The harbour commission fined the ferry operator over the oil spill as storms battered the coast."]
    m = pd.DataFrame([{"fact": f, "article_id": f"{f}{i}", "clause": t, "text": t, "centre": i == 0}
                      for f, ts in ((0, fine), (1, storm)) for i, t in enumerate(ts)])
    got = facts.matches(m, [("fined", "The harbour commission fined the ferry operator over the oil spill")])
    assert got["fact"].tolist() == [0] and got.loc[0, "share"] == 1.0
    assert got.loc[0, "sentence"] == fine[0] and got.loc[0, "score"] > 0.9
    truth = [{"id": "fined", "text": "The harbour commission fined the ferry operator over the oil spill",
              "articles": ["00", "01", "02"]}]
    assert facts.score(m, truth).loc[0, "mapped_f1"] == 1.0     # the storm's 4 articles are not added


def test_only_one_puts_title_and_lede_first_then_the_facts_in_most_of_the_outlets_articles():
    # Alpha alone carries four facts: one in its title (one article), three in the body of 1, 3 and 2 of
    # its articles; the top three are the title's, then the body facts repeated most (3, then 2 articles)
    rows = [(1, "a1", "title", 0.0, "Harbour closes."), (2, "a1", "body", 0.5, "Piers were wrecked."),
            (3, "a1", "body", 0.6, "The depot burned."), (4, "a2", "body", 0.4, "Ferries stopped.")]
    m = pd.DataFrame([{"fact": f, "outlet": "Alpha", "article_id": a, "sent_idx": 0, "part": p, "position": pos,
                       "voice": "own voice", "text": t} for f, a, p, pos, t in rows])
    s = pd.DataFrame({"fact": [1, 2, 3, 4], "label": ["closes", "piers", "depot", "ferries"],
                      "n_articles": [1, 1, 3, 2], "n_outlets": [1, 1, 1, 1]})
    top = facts.only_one(m, s, top=3)
    assert top["fact"].tolist() == [1, 3, 4]
    assert top["sentence"].tolist() == ["Harbour closes.", "The depot burned.", "Ferries stopped."]


def test_a_clause_that_states_two_facts_joins_both_though_one_scores_below_link():
    # one clause, two facts: it scores best with the cracks, and with the closure only below LINK
    # (0.5); with MULTI below LINK it states the closure too (each claim's articles: 60 -> 67 of 87
    # development claims matched), while a fact sharing none of it stays apart
    both = "The council shut the old ferry pier as divers found deep cracks in the wooden pilings."
    rows = [("a1", "Alpha", "The Harbour Council closed the old ferry pier on Monday."),
            ("a2", "Beta", "On Monday the Harbour Council closed the old ferry pier."),
            ("a3", "Gamma", "The old ferry pier was closed by the Harbour Council on Monday."),
            ("a4", "Delta", "Divers found deep cracks in the wooden pilings of the pier."),
            ("a5", "Eta", "Deep cracks were found by divers in the pier's wooden pilings."),
            ("a6", "Theta", "Divers discovered deep cracks in the wooden pilings."),
            ("a7", "Iota", both),
            ("a8", "Kappa", "The regatta drew three thousand visitors to the marina last summer.")]
    m = facts.from_sentences(sentences(rows))
    assert fact_of(m, rows[3][2]) & fact_of(m, both)      # its best fact
    assert fact_of(m, rows[0][2]) & fact_of(m, both)      # and the second one it states
    assert not (fact_of(m, rows[7][2]) & fact_of(m, both))
    assert not (fact_of(m, rows[0][2]) & fact_of(m, rows[3][2]))   # the two facts stay two


GALE = [("a1", "Alpha", "Storm Alba hit Marbury as a force 12 gale."),
        ("a2", "Beta", "Storm Alba struck Marbury as a force 12 gale."),
        ("a3", "Gamma", "Storm Alba battered Marbury as a force 12 gale."),
        ("a4", "Delta", "Storm Alba lashed Marbury as a force 12 gale."),
        ("a8", "Kappa", "Storm Alba was a force 12 gale.")]


def test_versions_that_agree_on_two_words_the_rest_of_the_fact_lacks_are_a_fact_apart():
    """Every sentence says Storm Alba was a force 12 gale, so all link; three of them also say it grew
    from a summer squall (two rare words the other versions never hold, held together by all three):
    a reader takes that for another fact, and it is one (development claims matched 67 -> 69 of 87)."""
    grew = [("a5", "Eta", "Storm Alba grew from a summer squall to a force 12 gale."),
            ("a6", "Theta", "Storm Alba grew from a summer squall into a force 12 gale."),
            ("a7", "Iota", "Storm Alba had grown from a summer squall to a force 12 gale.")]
    rows = sentences(GALE + grew + FILLER)
    for embedding in (True, False):
        m = facts.from_sentences(rows, use_embedding=embedding)
        growth = common_fact(m, rows, 5, 6, 7)
        assert growth                                        # the growth is one fact ...
        assert not (growth & fact_of(m, rows.text[0]))       # ... apart from the landfall
        assert common_fact(m, rows, 0, 1, 2, 3, 4)           # which keeps its versions


def test_versions_adding_details_of_their_own_stay_one_fact():
    """Extra words that do not agree (each said by one article, or a pair of words one version holds
    without the other) split nothing: the same fact, told with a detail."""
    extra = [("a5", "Eta", "Storm Alba hit Marbury as a force 12 gale at dawn on Tuesday."),
             ("a6", "Theta", "Storm Alba struck Marbury as a force 12 gale, flooding the old harbour."),
             ("a7", "Iota", "Storm Alba battered the Marbury pier as a force 12 gale.")]
    rows = sentences(GALE + extra + FILLER)
    m = facts.from_sentences(rows)
    assert common_fact(m, rows, 0, 1, 2, 3, 4, 5, 6, 7)
