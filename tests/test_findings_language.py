"""Findings on a story in another language than English (hostile round 10, cases 201/202): the
English-built measures (VADER, textstat, the framing lexicon, quote attribution) are not compared,
and an absence the attribution rules could not have seen ("speaks in 0 of N outlets", "no word of
the accused party") is said to be unknown."""
import pandas as pd

from presslens.analyses import findings
from presslens.engine import sanity


def _lang(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    df.attrs["language"] = lang
    return df


def _responses(lang: str) -> pd.DataFrame:
    rows = [{"outlet": o, "party": "accused", "actor": "Veltra", "carried": o == "B", "channels": "direct quote" if o == "B" else "",
             "n_unattributed": 1, "checked": "direct quotes, reported speech"} for o in ("A", "B", "C")]
    return _lang(pd.DataFrame(rows), lang)


def _quotes(lang: str) -> pd.DataFrame:
    q = pd.DataFrame([{"outlet": "A", "kind": "direct", "actor": None, "speaker": None, "quote": "x"},
                      {"outlet": "B", "kind": "direct", "actor": "Veltra", "speaker": "Brandt", "quote": "y"}])
    return _lang(q, lang)


def test_english_covers_regional_tags_and_the_default():
    assert sanity.english(None) and sanity.english("en") and sanity.english("EN-gb")
    assert not sanity.english("es") and not sanity.english("zh-Hans")


def test_absence_of_a_party_is_unknown_when_its_articles_were_not_read():
    share = pd.DataFrame(columns=["outlet", "voice", "quoted_words", "n_quotes", "share"])
    empty = pd.DataFrame(columns=["outlet", "fidelity"])
    lines = findings.sources(share, pd.DataFrame(), empty.assign(statement=[], label=[]), _quotes("es"), 3, _responses("es"))
    text = " ".join(lines)
    assert "speaks in 1 of 3" not in text and "nothing attributable" not in text and "quote nobody directly" not in text
    assert ("Veltra (the accused) speaks in B; whether Veltra (the accused) speaks in A and C is unknown: quotes were "
            "not read in es articles (the attribution rules read English only) (table: responses).") in lines
    assert any(s.startswith("Who speaks, and which outlets quote nobody, is unknown: quotes were not read in es") for s in lines)
    alone = findings.sources(share, pd.DataFrame(), empty.assign(statement=[], label=[]), _quotes("es"), 3,
                             _responses("es").assign(carried=False))
    assert "Whether Veltra (the accused) speaks in A, B and C is unknown: quotes were not read in es articles" in " ".join(alone)
    # the same tables in English: the absence is stated, with what was checked
    en = " ".join(findings.sources(share, pd.DataFrame(), empty.assign(statement=[], label=[]), _quotes("en"), 3, _responses("en")))
    assert "Veltra (the accused) speaks in 1 of 3 outlets; nothing attributable to Veltra was found in A and C" in en
    assert "1 outlet quotes nobody directly" in en


def test_claims_say_the_accused_partys_absence_is_unknown_on_unread_text():
    grid = pd.DataFrame([{"claim": "c1", "outlet": o, "n_carrying": 1, "voice": "narration", "part": "body"} for o in "ABC"])
    omissions = pd.DataFrame([{"outlet": o, "n_left_out": 0} for o in "ABC"])
    zh = findings.claims(grid, omissions, [], _responses("zh"))
    assert zh[-1] == ("Whether the accused party speaks in A and C is unknown: quotes were not read in zh articles "
                      "(the attribution rules read English only) (table: responses).")
    en = findings.claims(grid, omissions, [], _responses("en"))
    assert en[-1].startswith("No word of the accused party was found in A and C: checked")


def test_english_only_measures_are_not_compared_on_another_language():
    tone = pd.DataFrame([{"outlet": o, "voice": "narration", "n_sentences": 3, "mean": m, "ci_low": m, "ci_high": m,
                          "small_sample": True} for o, m in (("A", 0.0), ("B", 0.1))])
    assert findings.tone(tone)[0].startswith("No outlet's narration is negative on average; the lowest: A")
    lines = findings.tone(_lang(tone, "es"))
    assert lines == ["Tone (VADER): not compared between outlets, since it is built for English and this story's text "
                     "is 'es': its numbers there are not meaningful (table: by_outlet, for reference only)."]
    m = _lang(pd.DataFrame([{"outlet": "A", "consensus_grade": 10.3, "sentence_len_mean": 19.0, "translated_from": None},
                            {"outlet": "B", "consensus_grade": 13.4, "sentence_len_mean": 12.0, "translated_from": None}]), "es")
    assert "grades run from" not in " ".join(findings.readability(m))
    assert findings.readability(m)[0].startswith("Readability grades (textstat's formulas): not compared")
    rates = _lang(pd.DataFrame([{"outlet": "A", "voice": "narration", "few_words": False, "hits": 0, "label": "Secrecy",
                                 "rate_per_1000": 0.0, "ci_low": 0.0, "ci_high": 0.0}]), "zh")
    key = pd.DataFrame([{"outlet": "A", "term": "x", "z": 1.5, "count_outlet": 3, "count_rest": 0}])
    w = findings.wordchoice(rates, key, 100)
    assert not any(s.startswith("No outlet's own narration has a framing-lexicon hit") for s in w)
    assert w[0].startswith("Loaded-language rates (the framing lexicon, a list of English words): not compared")
    assert w[-1].startswith("Caveat: keyness leaves out English function words only, so zh function words")


def test_profiles_leave_out_the_english_only_columns_on_another_language():
    table = pd.DataFrame([{"outlet": o, "words_per_article": w, "loaded_per_1000": 0.0, "claims_share": 1.0,
                           "narration_tone": 0.0, "n_articles": 1} for o, w in (("A", 58), ("B", 42))])
    sim = pd.DataFrame([{"outlet_a": "A", "outlet_b": "B", "framing": 1.0}])
    groups = pd.DataFrame([{"outlet": "A", "cluster": 1}, {"outlet": "B", "cluster": 1}])
    en = " ".join(findings.profiles(table, sim, groups))
    assert "most loaded narration" in en and "One pair of outlets has a framing similarity: A and B, 1.00" in en
    es = findings.profiles(_lang(table, "es"), _lang(sim, "es"), groups)
    text = " ".join(es)
    assert "loaded narration" not in text and "alike" not in text and "negative" not in text
    assert es[-1].startswith("Loaded words, narration tone and framing similarity (the lexicon, VADER and the quote "
                             "attribution): not compared between outlets")
    assert es[0].startswith("A has the longest articles: 58 words")


def test_translation_absence_is_not_stated_from_english_tells_on_other_text():
    ledger = pd.DataFrame(columns=["outlet", "actor", "form", "kind", "n"])
    found = pd.DataFrame(columns=["candidate", "actor", "rule", "n"])
    verdicts = _lang(pd.DataFrame(columns=["article_id", "outlet", "score", "kinds", "source_language", "evidence",
                                           "verdict"]), "es")
    line = [s for s in findings.naming(ledger, found, verdicts, 2) if s.startswith("0 declared")][0]
    assert "no undeclared article reaches" not in line
    assert "built for English, so on es text finding none does not show an article is not a translation" in line


def test_the_tables_carry_the_story_language(tmp_path):
    """The producers tag their tables (kept through the result cache) so the findings can read it."""
    from presslens import load_story
    from presslens.analyses import profiles, quotes, readability, tone
    from presslens.analyses.wordchoice import matching

    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text(
        "title: T\nquestion: Q\nlanguage: es\nactors:\n  - name: Veltra Mining\n    kind: company\n"
        "    aliases: [Veltra]\nspeakers:\n  - name: Tomas Brandt\n    affiliation: Veltra Mining\n"
        "parties:\n  accused: [Veltra Mining]\n", encoding="utf-8")
    bodies = ["Veltra Mining deberá pagar 4 millones de euros por el derrame del río. «Recurriremos esta "
              "decisión», dijo Tomas Brandt a los periodistas. Los grupos ecologistas celebraron la decisión del regulador.",
              "Un regulador ha multado a Veltra Mining después de que residuos tóxicos llegaran al río Lessa. La empresa "
              "sostiene que las lluvias, y no su presa, causaron el derrame. Los vecinos dicen que llevaban años avisando."]
    for i, b in enumerate(bodies):
        (d / "articles" / f"a{i}.md").write_text(f"---\noutlet: Diario {'AB'[i]}\ntitle: null\nurl: https://x.example/{i}\n"
                                                 f"published: 2024-03-05\nlanguage: es\n---\n{b}\n", encoding="utf-8")
    st = load_story(d)
    for _ in range(2):  # computed, then read back from the cache
        for t in (quotes.responses(st), quotes.quotes(st), tone.outlet_tone_by_voice(st, n_boot=10),
                  readability.readability(st), matching.rates(st, n_boot=10), profiles.profiles(st), profiles.similarity(st)):
            assert t.attrs.get("language") == "es"
    lines = findings.claims(pd.DataFrame([{"claim": "c", "outlet": "Diario A", "n_carrying": 1, "voice": "narration",
                                           "part": "body"}]), pd.DataFrame(), [], quotes.responses(st))
    assert "is unknown: quotes were not read in es articles" in lines[-1]
