"""Boundary tests for the quote readers' small functions (presslens.analyses.quotes: wordclasses,
liveblog, similar, extract._a_term, news_source, resolve, subject, ambiguity, trailing, lead_in): exact
thresholds, empty and one-item input, case and order, on crafted Harbour sentences. Expected values
worked out by hand from each docstring."""
from __future__ import annotations

import sys

import presslens.analyses.quotes.extract
from presslens.analyses.quotes import (ambiguity, gold, lead_in, liveblog, news_source, resolve, similar, sources, subject,
                                       trailing, wordclasses)

from .conftest import write_story

extract = sys.modules["presslens.analyses.quotes.extract"]


def _long_headline(n: int) -> str:
    """A title-cased line of exactly ``n`` characters and at most 25 words."""
    s = "Harbourmasterships " * 20
    return s + "Q" * (n - len(s))


def test_title_cased_counts_capitals_at_their_limits():
    assert wordclasses.title_cased("Quay Closes After Storm Hits Selby Harbour")
    assert not wordclasses.title_cased("Quay closes after storm hits Selby Harbour")
    assert not wordclasses.title_cased("Quay Closes After Storm.")            # a full stop: a sentence
    assert wordclasses.title_cased("Quay Closes Gates Tonight")              # three capitals after the first word
    assert not wordclasses.title_cased("Quay Closes Gates tonight")          # two
    assert wordclasses.title_cased("Quay Closes Gates Tonight Despite warnings")   # four in five exactly
    assert not wordclasses.title_cased("")
    # a paragraph of 400 characters is no headline; 399 may be
    assert wordclasses.title_cased(_long_headline(399))
    assert not wordclasses.title_cased(_long_headline(400))


def test_live_blog_needs_two_timed_entries():
    pars = ["14:05 - Harbour closes", "Tugs wait", "14:30 - Gates open", "More"]
    assert liveblog.entry_starts(pars) == [0, 0, 2, 2]
    assert liveblog.entry_starts(pars[:2]) is None            # one timed paragraph
    assert liveblog.entry_starts([]) is None


def test_similar_pairs_exhaustive_up_to_exact_max():
    texts = ["ab cd ef", "ab cd eg", "zz yy xx"]
    # three texts, exact_max 3: every pair compared; no word of three letters to block on otherwise
    assert similar.similar_pairs(texts, 80, exact_max=3) == [(0, 1)]
    assert similar.similar_pairs(texts, 80, exact_max=2) == []
    assert similar.similar_pairs([], 80) == []


def test_a_term_in_quotation_marks():
    assert extract._a_term("Harbour Safety Plan", "")
    assert extract._a_term("Harbour Plan", "")                               # two major words
    assert not extract._a_term("Plan", "")
    assert not extract._a_term("harbour safety plan", "")
    assert not extract._a_term("the Harbour Plan", "")                       # the first word in lower case
    assert extract._a_term("One Two Three Four Five Six Seven Eight Nine Ten", "")          # ten words
    assert not extract._a_term("One Two Three Four Five Six Seven Eight Nine Ten Eleven", "")
    assert not extract._a_term("", "")


def test_fallback_source_newsrooms_and_descriptions():
    assert news_source.fallback_source("The Harbour Gazette newspaper", "reported") == (
        "the Harbour Gazette newspaper", "role", None)                        # "The" read mid-sentence
    assert news_source.fallback_source("The HNN", "reported") == ("the HNN", "role", None)
    assert news_source.fallback_source("Harbourwire", "reported") == ("Harbourwire", "role", None)
    assert news_source.fallback_source("the harbour master", "said") == ("the harbour master", "role", None)
    assert news_source.fallback_source("the hurricane", "said") is None     # a thing does not speak
    assert news_source.fallback_source("", "said") is None


def test_described_speaker_role_or_anonymous():
    assert resolve.described_speaker("the harbour master") == ("the harbour master", "role", None)
    assert resolve.described_speaker("The harbour master") == ("the harbour master", "role", None)
    assert resolve.described_speaker("a tug pilot") == ("a tug pilot", "anonymous", None)
    assert resolve.described_speaker("one witness") == ("one witness", "anonymous", None)
    assert resolve.described_speaker("the other") is None
    assert resolve.described_speaker("the early") is None                    # an adverb's -ly head
    assert resolve.described_speaker("Lina Okafor") is None


def test_merge_case_prefers_the_lower_case_form():
    rows = [{"speaker": "Harbour staff", "speaker_kind": "role"}, {"speaker": "harbour staff", "speaker_kind": "role"},
            {"speaker": "HARBOUR STAFF", "speaker_kind": "anonymous"}, {"speaker": "Lina Okafor", "speaker_kind": "person"},
            {"speaker": None, "speaker_kind": None}]
    resolve.merge_case(rows)
    assert [r["speaker"] for r in rows] == ["harbour staff", "harbour staff", "harbour staff", "Lina Okafor", None]
    rows = [{"speaker": "Harbour staff", "speaker_kind": "role"}, {"speaker": "HARBOUR staff", "speaker_kind": "role"}]
    resolve.merge_case(rows)                                                   # no lower-case form: the first seen
    assert [r["speaker"] for r in rows] == ["Harbour staff", "Harbour staff"]
    rows = [{"speaker": "EBay staff", "speaker_kind": "role"}, {"speaker": "eBay staff", "speaker_kind": "role"}]
    resolve.merge_case(rows)                                                   # the first letter decides, not two
    assert [r["speaker"] for r in rows] == ["eBay staff", "eBay staff"]


def test_finite_verb_and_the_plural_noun_before_a_verb():
    assert not subject._finite(["teams", "said"], 0)          # a noun, then the verb
    assert not subject._finite(["Harbour", "crews", "said"], 1)
    assert subject._finite(["it", "reports"], 1)              # the last word: nothing after it
    assert subject._finite(["the", "pilot", "reports"], 2)
    assert subject._finite(["he", "is"], 1)
    assert not subject._finite(["Said"], 0)                  # a capital: no finite verb


def test_main_subject_of_a_sentence():
    assert subject.main_subject("The harbour master said the gates would open.") == ("The harbour master", 19, False)
    assert subject.main_subject("Ana Ruiz, who runs the port, said the gates would open.") == ("Ana Ruiz", 29, True)
    assert subject.main_subject("If the gates open") is None
    assert subject.main_subject("") is None


def test_sentence_of_an_offset_at_the_boundary():
    par = "Gates open. Tugs wait! Crews rest"
    # offset 12 is the first character of the second sentence (the first ends with its space)
    assert [ambiguity._sentence(par, a) for a in [0, 11, 12, 22, 23, 40]] == [
        (0, 12), (0, 12), (12, 23), (12, 23), (23, 33), (23, 33)]
    assert ambiguity._sentence("", 0) == (0, 0)


def test_trailing_source_after_the_words():
    assert trailing.trailing("The gates will open at noon, the harbour master said.") == [
        ("The gates will open at noon", "the harbour master", "said")]
    assert trailing.trailing("The gates will open at noon, said Ana Ruiz.") == [
        ("The gates will open at noon", "Ana Ruiz", "said")]
    assert trailing.trailing("The gates will open at noon, said Wednesday.") == []    # when, not who
    assert trailing.trailing("“Gates open,” she said.") == []                          # opens with a quote
    assert trailing.trailing("No comma here.") == []


def test_title_case_verb_lowers_a_final_verb_of_saying():
    head = "Quay Closes After Storm, Mayor Ana Ruiz Says"
    assert lead_in.title_case_verb(head, ", Mayor Ana Ruiz Says") == ", Mayor Ana Ruiz says."
    assert lead_in.title_case_verb("Quay closes after storm, mayor says", ", Mayor Ana Ruiz Says") == ", Mayor Ana Ruiz Says"
    assert lead_in.title_case_verb("Quay Closes After Storm, Mayor Ana Ruiz Sails", ", Mayor Ana Ruiz Sails") == \
        ", Mayor Ana Ruiz Sails"                                                      # no verb of saying


HARBOUR_ACTORS = ("  - name: Harbour Council\n    kind: organisation\n  - name: Lina Okafor\n    kind: person\n"
                  "    aliases: [Okafor]\nparties:\n  accused: [Harbour Council]\n  accusers: [Lina Okafor]\n")
HARBOUR_ARTICLES = [
    ("Tide", "The storm closed the pier on Monday.\n\n\"The gates stay shut until the crane is safe,\" Lina Okafor said."
             "\n\n\"We lost three boats,\" Okafor told reporters.\n\n\"Repairs start in May,\" the harbour master said."),
    ("Quay", "\"Repairs start in May,\" the harbour master said.\n\nOkafor said the council had ignored warnings."
             "\n\n\"Nobody warned the crews.\""),
]


def test_speakers_and_responses_of_a_small_story(tmp_path):
    st = write_story(tmp_path, HARBOUR_ACTORS, HARBOUR_ARTICLES)
    sp = sources.speakers(st)
    got = sp[["outlet", "speaker", "speaker_kind", "n_direct", "n_indirect", "quoted_words", "verbs", "first", "last"]]
    assert got.values.tolist() == [
        ["Tide", "Lina Okafor", "named", 2, 0, 13, "said, told", True, False],     # 9 + 4 quoted words; a tie: a-z
        ["Tide", "the harbour master", "role", 1, 0, 4, "said", False, True],
        ["Quay", "the harbour master", "role", 1, 0, 4, "said", True, False],
        ["Quay", "Lina Okafor", "named", 0, 1, 0, "said", False, True]]
    r = sources.responses(st)
    got = r[["outlet", "party", "actor", "carried", "n_direct", "n_indirect", "channels", "n_unattributed"]]
    assert got.values.tolist() == [
        ["Tide", "accused", "Harbour Council", False, 0, 0, "", 0],
        ["Quay", "accused", "Harbour Council", False, 0, 0, "", 1],              # one direct quote without a speaker
        ["Tide", "accusers", "Lina Okafor", True, 2, 0, "direct quote", 0],
        ["Quay", "accusers", "Lina Okafor", True, 0, 1, "reported speech", 1]]


def test_rejoined_fragments_of_one_statement():
    import pandas as pd
    import presslens.analyses.quotes.alignment
    alignment = sys.modules["presslens.analyses.quotes.alignment"]
    q = pd.DataFrame([("a1", "Tide", "The sale was legal,", "Lina Okafor", 1), ("a1", "Tide", "We will appeal.", "Lina Okafor", 1),
                      ("a1", "Tide", "The decision,", "Lina Okafor", 2), ("a1", "Tide", "was final.", "Lina Okafor", 2),
                      ("a1", "Tide", "Gates shut.", None, 2), ("a1", "Tide", "Open soon.", None, 2),
                      ("a2", "Quay", "We will appeal.", "Lina Okafor", 2), ("a2", "Quay", "Crews wait.", "Lina Okafor", 3)],
                     columns=["article_id", "outlet", "quote", "speaker", "para_idx"])
    assert alignment._rejoined(q) == [
        ("a1", "Tide", "The sale was legal. We will appeal.", "Lina Okafor"),     # the comma becomes a full stop
        ("a1", "Tide", "The decision was final.", "Lina Okafor"),                 # the sentence goes on: it goes
        ("a1", "Tide", "Gates shut.", None), ("a1", "Tide", "Open soon.", None),  # nobody named: never joined
        ("a2", "Quay", "We will appeal.", "Lina Okafor"),                         # another article
        ("a2", "Quay", "Crews wait.", "Lina Okafor")]                             # another paragraph
    assert alignment._rejoined(q.iloc[:0]) == []


def _two_quotes(par: str) -> list[dict]:
    import re
    spans = [(m.start(), m.end(), m.group(1)) for m in re.finditer(r"“([^”]*)”", par)]
    base = dict(kind="direct", para_idx=1, paragraph=par, speaker_kind=None, actor=None, speaker_text=None, verb=None,
                verb_class=None, attribution=None)
    return [dict(base, start=spans[0][0], end=spans[0][1], quote=spans[0][2], speaker=None),
            dict(base, start=spans[1][0], end=spans[1][1], quote=spans[1][2], speaker="the agency", speaker_kind="role",
                 verb="said", verb_class="neutral", attribution="after")]


def test_share_forward_one_sentence_one_speaker():
    rows = _two_quotes("“A person seeking care” in the city “has been diagnosed,” the agency said.")
    extract._share_forward(rows)
    assert (rows[0]["speaker"], rows[0]["attribution"]) == ("the agency", "partial")
    for par in ["“A person seeking care.” In the city “has been diagnosed,” the agency said.",   # the quote ends a sentence
                "“A person seeking care” in the city. Then “has been diagnosed,” the agency said."]:  # a sentence between
        rows = _two_quotes(par)
        extract._share_forward(rows)
        assert rows[0]["speaker"] is None


def test_share_back_a_quote_left_open_at_the_paragraph_end():
    from presslens.text import segment
    pars = ["The pier shut. “We will rebuild.", "“The work starts in May,” Lina Okafor said."]

    def rows(start=0, kind="direct"):
        base = dict(speaker_kind=None, actor=None, speaker_text=None, verb=None, verb_class=None, attribution=None)
        return [dict(base, kind="direct", para_idx=0, start=segment.quote_spans(pars[0]).unclosed, speaker=None),
                dict(base, kind=kind, para_idx=1, start=start, speaker="Lina Okafor", speaker_kind="named",
                     actor="Lina Okafor", verb="said", verb_class="neutral", attribution="after")]
    for start in (0, 1):                          # the next paragraph's quote opens it (one character of slack)
        rs = rows(start)
        extract._share_back(rs, pars)
        assert (rs[0]["speaker"], rs[0]["attribution"]) == ("Lina Okafor", "continues")
    rs = rows(2)
    extract._share_back(rs, pars)
    assert rs[0]["speaker"] is None
    rs = rows(kind="indirect")
    extract._share_back(rs, pars)
    assert rs[0]["speaker"] is None
    rs = rows()
    extract._share_back(rs, ["The pier shut. “We will rebuild.”", pars[1]])   # closed: nothing goes on
    assert rs[0]["speaker"] is None


def test_gold_evaluation_matches_spans_within_one_article(tmp_path):
    st = write_story(tmp_path, HARBOUR_ACTORS, HARBOUR_ARTICLES)
    (tmp_path / "gold.yaml").write_text(
        "articles:\n  a0.md:\n"
        "    - {kind: direct, text: \"We lost three boats,\", speaker: Lina Okafor}\n"
        "    - {kind: direct, text: \"Repairs start in May,\", speaker: Ana Ruiz}\n"
        "  a1.md:\n"
        "    - {kind: direct, text: \"Repairs start in May,\", speaker: the harbour master, speaker_kind: role}\n"
        "    - {kind: direct, text: \"The gates stay shut until the crane is safe,\", speaker: Lina Okafor}\n",
        encoding="utf-8")
    out = gold.evaluate(st, tmp_path / "gold.yaml")
    # six quotes found (three in a0; in a1 two direct, one reported); the last gold quote is in a0's text, not a1's
    assert out["spans"] == {"precision": 0.5, "recall": 0.75, "found": 6, "gold": 4, "matched": 3}
    assert out["kind_accuracy"] == 1.0
    assert out["speakers"] == {"precision": 0.4, "recall": 0.5, "found": 5, "gold": 4, "right": 2}
    assert [g["text"] for g in out["missed"]] == ["The gates stay shut until the crane is safe,"]
    assert [(r["speaker"], g["speaker"]) for r, g in out["wrong_speaker"]] == [("the harbour master", "Ana Ruiz")]
