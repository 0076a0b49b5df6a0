"""Findings are written from the tables: each sentence's number is the table's."""
import pandas as pd

from presslens.analyses import findings


def test_tone_findings_from_a_table():
    t = pd.DataFrame([
        {"outlet": "A", "voice": "narration", "n_sentences": 12, "mean": -0.2, "ci_low": -0.3, "ci_high": -0.1, "small_sample": False},
        {"outlet": "B", "voice": "narration", "n_sentences": 4, "mean": 0.1, "ci_low": -0.05, "ci_high": 0.3, "small_sample": True},
        {"outlet": "A", "voice": "quote", "n_sentences": 3, "mean": 0.9, "ci_low": 0.8, "ci_high": 1.0, "small_sample": True},
    ])
    lines = findings.tone(t)
    assert lines[0] == ("Most negative narration: A (mean -0.200, 95% interval -0.300 to -0.100, 12 sentences); "
                        "least negative: B (mean +0.100) (table: by_outlet, voice narration).")
    assert lines[1] == "Narration interval wholly below zero: A; wholly above zero: no outlet."
    assert "Fewer than 10 sentences behind: B" in lines[2]


def test_readability_findings_name_the_extremes_and_translations():
    m = pd.DataFrame([
        {"outlet": "A", "consensus_grade": 12.0, "sentence_len_mean": 20.0, "translated_from": None},
        {"outlet": "B", "consensus_grade": 15.5, "sentence_len_mean": 25.5, "translated_from": "zh"},
    ])
    lines = findings.readability(m)
    assert lines[0] == "Consensus grades run from 12.0 (A) to 15.5 (B) (table: measures, row consensus_grade)."
    assert lines[1] == "Longest sentences on average: B (25.5 words; row sentence_len_mean)."
    assert lines[2] == "Translated (B): their scores measure the translation."


def test_wordchoice_findings_say_when_nothing_is_significant():
    rates = pd.DataFrame([{"outlet": "A", "voice": "narration", "few_words": False, "hits": 2, "label": "Secrecy",
                           "rate_per_1000": 4.0, "ci_low": 0.0, "ci_high": 9.0}])
    key = pd.DataFrame([{"outlet": "A", "term": "x", "z": 1.5, "count_outlet": 3, "count_rest": 0}])
    lines = findings.wordchoice(rates, key, 100)
    assert lines[0].startswith("Highest rate of loaded words in an outlet's own narration: A, Secrecy (4.0 per 1,000 words, 2 hits")
    assert lines[-1].startswith("No word clears z = 1.96 in any outlet")


def test_naming_findings_count_every_outlet_say_ties_and_keep_the_verdicts():
    import pandas as pd


    ledger = pd.DataFrame({"outlet": ["A", "B", "A"], "actor": ["X", "Y", "Y"], "form": ["X", "Y", "Ypsilon"],
                           "kind": ["name", "name", "rendering: calque"], "n": [1, 2, 1]})
    found = pd.DataFrame(columns=["candidate", "actor", "rule", "n"])
    verdicts = pd.DataFrame({"article_id": ["c1", "d1"], "outlet": ["C", "D"], "score": [5, 1],
                             "kinds": ["MT phrase 3, locale format 2", "glued sentences 1"], "source_language": ["pt", None],
                             "evidence": ["MT phrase: 'this Monday (12)' (nesta segunda-feira (12), pt); locale format: x",
                                          "glued sentences: a.B"],
                             "verdict": ["likely undeclared translation", "isolated signals"]})
    lines = findings.naming(ledger, found, verdicts, n_outlets=3)
    assert lines[0] == "2 actors are named; the most widely named is Y (2 of 3 outlets) (table: ledger)."
    assert "'Ypsilon' for Y (A, 1x, calque)" in lines[1]
    assert lines[-3].startswith("0 declared translations; 1 article read as an undeclared translation (table: ")
    assert lines[-2] == ("c1 (C) reads as an undeclared translation, from pt: score 5 (MT phrase 3, locale format 2); "
                         "strongest signal: MT phrase: 'this Monday (12)' (nesta segunda-feira (12), pt).")
    assert lines[-1].startswith("1 other article shows isolated signals only")
    # with the indicators: the isolated article named with its heaviest signal and the sentence it was found in
    ind = pd.DataFrame({"article_id": ["d1", "d1", "c1"], "outlet": ["D", "D", "C"],
                        "kind": ["rare word", "glued sentences", "MT phrase"], "detail": ["'zorbic'", "a.B", "x"],
                        "weight": [0, 1, 3], "sentence": ["Harbour zorbic.", "The Harbour ferry ran late a.B  said.", "y"]})
    with_sent = findings.naming(ledger, found, verdicts, n_outlets=3, indicators=ind)
    assert with_sent[:-1] == lines
    assert with_sent[-1] == ("d1 (D): isolated signals, score 1 (glued sentences 1); glued sentences: a.B in "
                             "\"The Harbour ferry ran late a.B said.\"")
    assert findings.naming(ledger, found, verdicts.assign(score=[5, 0]), n_outlets=3, indicators=ind) == lines
    tie = findings.naming(ledger.iloc[[0, 1]], found, verdicts.iloc[:0], n_outlets=3)
    assert tie[0] == "2 actors are named; the most widely named are X and Y (1 of 3 outlets) (table: ledger)."
    assert "no undeclared article reaches the translation score on any kind of evidence" in tie[-1]
    empty = findings.naming(ledger.iloc[:0], found, verdicts, n_outlets=4)
    assert empty[0] == "None of the 4 outlets names an actor of story.yaml (table: ledger)."
    assert any(x.startswith("c1 (C) reads as") for x in empty)  # the verdicts are never dropped



def _corpus_table(rows):
    base = {"published": "2023-12-15", "words": 100, "translated_from": "—", "derived_from": "—", "measured": True}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_corpus_no_quotes_is_said_of_an_outlet_only_when_none_of_its_articles_quotes():
    """The contradicting case: an outlet with a quote-free article beside its most-quoted one."""
    from types import SimpleNamespace

    arts = _corpus_table([
        {"outlet": "en.5iter.com", "article_id": "a1", "quoted_share": 0.38, "words": 300},
        {"outlet": "en.5iter.com", "article_id": "a2", "quoted_share": 0.0, "words": 50},
        {"outlet": "Wire", "article_id": "w1", "quoted_share": 0.0},
        {"outlet": "Daily", "article_id": "d1", "quoted_share": 0.1},
    ])
    story = SimpleNamespace(labels={"a1": "en.5iter.com · Dec 15", "a2": "en.5iter.com · Dec 16"})
    lines = findings.corpus(story, arts)
    assert lines[1] == ("Longest: en.5iter.com · Dec 15 (300 words); shortest: en.5iter.com · Dec 16 (50 words) "
                        "(table: articles, column words).")  # one outlet both longest and shortest: its articles named
    line = [s for s in lines if s.startswith("Largest share")][0]
    assert line == ("Largest share of words inside quotation marks: en.5iter.com · Dec 15 (38%); no words in quotes "
                    "in any article: Wire; articles without quotes: en.5iter.com (1 of 2 articles) (column quoted_share).")


def test_readability_names_the_article_when_its_outlet_has_several():
    m = pd.DataFrame([
        {"article_id": "a1", "outlet": "A", "consensus_grade": 9.0, "sentence_len_mean": 20.0, "translated_from": "zh"},
        {"article_id": "a2", "outlet": "A", "consensus_grade": 16.0, "sentence_len_mean": 18.0, "translated_from": None},
        {"article_id": "b1", "outlet": "B", "consensus_grade": 12.0, "sentence_len_mean": 30.0, "translated_from": None},
    ])
    lines = findings.readability(m, {"a1": "A · Dec 15", "a2": "A · Dec 16"})
    assert lines[0] == "Consensus grades run from 9.0 (A · Dec 15) to 16.0 (A · Dec 16) (table: measures, row consensus_grade)."
    assert lines[1].startswith("Longest sentences on average: B (30.0 words")  # one article: the outlet is the article
    assert lines[2] == "Translated (A · Dec 15): their scores measure the translation."  # not all of A
    assert findings.readability(m)[2] == "Translated (A, article a1): their scores measure the translation."


def test_naming_findings_say_why_a_translations_language_is_unknown():
    import pandas as pd

    verdicts = pd.DataFrame({"article_id": ["c1"], "outlet": ["C"], "score": [6], "kinds": ["MT phrase 6"],
                             "source_language": [None], "evidence": ["MT phrase: a; MT phrase: b"],
                             "verdict": ["likely undeclared translation"],
                             "language_note": ["unknown: the evidence points to zh and to es"]})
    lines = findings.naming(pd.DataFrame(columns=["outlet", "actor", "form", "kind", "n"]),
                            pd.DataFrame(columns=["candidate", "actor", "rule", "n"]), verdicts, n_outlets=1)
    assert ("c1 (C) reads as an undeclared translation, source language unknown: the evidence points to zh and "
            "to es: score 6 (MT phrase 6); strongest signal: MT phrase: a.") in lines


def _quote(outlet, kind, actor=None, speaker=None, text="We did nothing wrong."):
    return {"outlet": outlet, "kind": kind, "actor": actor, "speaker": speaker, "quote": text}


def test_a_single_voice_is_said_only_after_reported_speech_and_unattributed_quotes_are_checked():
    """A quotes one voice directly and reports another: not "a single voice". B quotes one voice and has
    quoted words no speaker was found for: it may quote more. C quotes one voice, in every channel."""
    share = pd.DataFrame([
        {"outlet": "A", "voice": "Acme", "quoted_words": 10, "n_quotes": 2, "share": 1.0},
        {"outlet": "B", "voice": "Acme", "quoted_words": 6, "n_quotes": 1, "share": 0.6},
        {"outlet": "B", "voice": "unattributed", "quoted_words": 4, "n_quotes": 1, "share": 0.4},
        {"outlet": "C", "voice": "Regulator", "quoted_words": 8, "n_quotes": 1, "share": 1.0},
    ])
    q = pd.DataFrame([_quote("A", "direct", "Acme", "Mary Jones"), _quote("A", "direct", "Acme", "Mary Jones"),
                      _quote("A", "indirect", "Regulator", "Tom Reed"),
                      _quote("B", "direct", "Acme", "Mary Jones"), _quote("B", "direct"),
                      _quote("C", "direct", "Regulator", "Tom Reed"), _quote("C", "indirect", "Regulator", "Tom Reed"),
                      _quote("C", "cited", None, None)])
    speakers = pd.DataFrame(columns=["outlet", "speaker", "speaker_kind"])
    fidelity = pd.DataFrame(columns=["statement", "label", "outlet"])
    lines = findings.sources(share, speakers, fidelity, q, 3)
    said = "\n".join(lines)
    assert "C quotes a single voice, directly and in reported speech, every quote attributed" in said
    assert "A quotes one voice directly, and reports Regulator in reported speech" in said
    assert "B quotes one voice directly; some of its quoted words have no speaker found, so it may quote more" in said
    assert not any(("A " in l or "B " in l) and "a single voice" in l for l in lines)


def test_profile_findings_say_when_an_outlet_figure_is_taken_over_several_articles():
    """An outlet with two articles (two wire stories) is named for a figure over both, and says so."""
    table = pd.DataFrame([
        {"outlet": "Wire Daily", "n_articles": 2, "words_per_article": 900.0, "loaded_per_1000": 3.0,
         "claims_share": 0.8, "narration_tone": -0.3},
        {"outlet": "Solo Times", "n_articles": 1, "words_per_article": 400.0, "loaded_per_1000": 9.0,
         "claims_share": 0.4, "narration_tone": 0.1},
    ])
    sim = pd.DataFrame(columns=["outlet_a", "outlet_b", "framing"])
    lines = findings.profiles(table, sim, pd.DataFrame(columns=["cluster", "outlet"]))
    assert "Wire Daily has the longest articles: 900 words, over its 2 articles (table: profiles" in lines[0]
    assert "Solo Times has the most loaded narration: 9.0 loaded words per 1,000 (table" in lines[1]
    assert "Wire Daily has the most claims: 80% of the claims, over its 2 articles" in lines[2]
    assert "mean compound -0.30, over its 2 articles" in lines[3]


def test_corpus_translation_is_said_of_the_translated_article_not_its_outlet():
    """The contradicting case: an outlet with a translated article beside one written in English."""
    from types import SimpleNamespace

    arts = _corpus_table([
        {"outlet": "Portal", "article_id": "p1", "quoted_share": 0.1, "translated_from": "zh"},
        {"outlet": "Portal", "article_id": "p2", "quoted_share": 0.2},
        {"outlet": "Mono", "article_id": "m1", "quoted_share": 0.0, "translated_from": "de"},
    ])
    lines = findings.corpus(SimpleNamespace(labels={"p1": "Portal · Dec 15", "p2": "Portal · Dec 16"}), arts)
    line = [s for s in lines if s.startswith("Declared translations")][0]
    assert line.startswith("Declared translations: Portal · Dec 15 (from zh) and Mono (from de): ")


def _reuse_result(prov_rows):
    from types import SimpleNamespace

    cols = ["reference", "voice", "kind", "shared_narration", "containment_narration", "outlet", "article",
            "other_outlet", "other", "change", "from", "to"]
    empty = pd.DataFrame({c: pd.Series(dtype=bool if c == "reference" else object) for c in cols})
    r = SimpleNamespace(stats={"candidate_pairs": 1, "all_pairs": 3, "articles": 3, "min_words": 8, "match": 0.8},
                        passages=empty, pairs=pd.DataFrame(columns=["kind"]), containment=empty, reworded=empty, swaps=empty)
    return r, pd.DataFrame(prov_rows)


def test_reuse_copying_is_said_of_articles_when_an_outlet_ran_two_wire_stories():
    """The contradicting case: one outlet ran two different wire stories, one copied without credit, the other
    credited: the provenance line names the article, so it is not read as the outlet's whole coverage."""
    r, prov = _reuse_result([
        {"article": "hub-1", "outlet": "Hub", "source_outlet": "Wire A", "source_article": "wa-1",
         "status": "copied without credit", "direction": "b_from_a"},
        {"article": "hub-2", "outlet": "Hub", "source_outlet": "Wire B", "source_article": "wb-1",
         "status": "credited", "direction": "b_from_a"},
    ])
    lines = findings.reuse(r, prov, pd.DataFrame())
    line = [s for s in lines if s.startswith("Copied without credit")][0]
    assert line == ("Copied without credit (source earlier, not in derived_from): Hub (hub-1) from Wire A (wa-1) "
                    "(table: provenance).")


def test_undetermined_pair_example_names_its_articles():
    ver = pd.DataFrame([{"article_a": "hub-1", "outlet_a": "Hub", "article_b": "x-1", "outlet_b": "X",
                         "verdict": "undetermined", "direction": "", "relation": "", "source": "", "candidates": "Wire A"}])
    lines = findings.reuse(*_reuse_result([]), pd.DataFrame(), ver=ver)
    assert "e.g. Hub (hub-1) / X (x-1): Wire A (table: verdicts)." in [s for s in lines if "undetermined" in s][-1]


def test_claims_voice_split_says_an_outlets_voice_is_its_first_articles():
    """The contradicting case: an outlet ran two wire stories, the first narrating a claim as fact, the other
    attributing it; the outlet's voice is its earliest mention's, and the sentence says so."""
    grid = pd.DataFrame([
        {"claim": "ban", "outlet": "Hub", "n_articles": 2, "n_carrying": 2, "share": 1.0, "voice": "narration", "part": "body"},
        {"claim": "ban", "outlet": "Daily", "n_articles": 1, "n_carrying": 1, "share": 1.0, "voice": "quote", "part": "lede"},
    ])
    lines = findings.claims(grid, pd.DataFrame(), [])
    line = [s for s in lines if "stated as fact" in s][0]
    assert "ban (own voice: Hub (first of 2 articles); attributed: Daily)" in line


def test_sixty_outlets_are_listed_as_ten_and_how_many_more():
    """A story of 60 outlets (issue 27): a finding names the first ten, then says how many more, never 60 names."""
    outlets = [f"Outlet {i:02d}" for i in range(60)]
    t = pd.DataFrame([{"outlet": o, "voice": "narration", "n_sentences": 20, "mean": -0.3 + i / 1000, "ci_low": -0.4,
                       "ci_high": -0.2, "small_sample": False} for i, o in enumerate(outlets)])
    below = findings.tone(t)[1]
    assert below == ("Narration interval wholly below zero: " + ", ".join(outlets[:10]) + " and 50 more; "
                     "wholly above zero: no outlet.")
    rates = pd.DataFrame([{"outlet": o, "voice": v, "category": "c", "label": "C", "rate_per_1000": 1.0, "hits": 60 - i,
                           "ci_low": 0.5, "ci_high": 2.0, "few_words": False}
                          for i, o in enumerate(outlets) for v in ("narration", "quote")])
    quoted = [x for x in findings.wordchoice(rates, pd.DataFrame(columns=["z"]), 50) if "quotation marks" in x][0]
    assert quoted.endswith("most in Outlet 00 60 hits, Outlet 01 59 hits, Outlet 02 58 hits, Outlet 03 57 hits, Outlet 04 "
                           "56 hits, Outlet 05 55 hits, Outlet 06 54 hits, Outlet 07 53 hits, Outlet 08 52 hits and Outlet "
                           "09 51 hits; 50 more outlets quote some (table: rates, voice quote).")
    assert "Outlet 10" not in quoted
