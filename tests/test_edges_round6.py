"""Tests for the survivors of the sixth seeded-bug round (docs/seeded-bugs.md, "Sixth round"), each checked
in a scratch copy to fail on its round-6 mutant and pass on the real code. Crafted Harbour values."""
from __future__ import annotations

from types import SimpleNamespace

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

matplotlib.use("Agg")


def test_a_one_outlet_ledger_has_room_for_one_column():
    """000 (`figures/naming.names_by_outlet`, `max(2, ...)`): the columns are as wide as the first row's
    outlets; one outlet gets one column of room (x from -0.5 to 0.5), not an empty second one."""
    from presslens.figures import naming as naming_fig
    story = SimpleNamespace(outlets=["Tide"], figure_outlets=lambda every: every, color_order=["Tide"],
                            translations=set(), labels={}, max_outlets=None)
    ledger = pd.DataFrame({"outlet": ["Tide"], "actor": ["Harbour Council"], "form": ["Harbour Council"]})
    grid = pd.DataFrame({"Tide": {"Harbour Council": "Harbour Council"}})
    fig, _ = naming_fig.names_by_outlet(story, ledger, grid, {("Tide", "Harbour Council"): "name"})
    try:
        assert [tuple(ax.get_xlim()) for ax in fig.axes] == [(-0.5, 0.5)]
    finally:
        plt.close(fig)


def test_an_embedded_posts_text_on_the_first_line():
    """001 (`text/widgets.embed_text`, `0 < i`): a post's text on line 0 is the post's text like any other
    line; an index outside the lines, a removed line, an introduction (colon) and an overlong line are not."""
    from presslens.text import widgets
    lines = ["The east pier is closed until further notice. https://t.co/abc123", "Read the notice:",
             "x" * widgets.POST_MAX + " https://t.co/abc", "y" * (widgets.POST_MAX + 1), "Ferries use the west quay."]
    assert widgets.embed_text(lines, {0, 1, 2, 3, 4, 5, -1}, {4: "removed"}) == [0, 2]
    assert widgets.embed_text(lines, set(), {}) == []


def test_wire_sources_named_six_at_most_in_order():
    """007 (`findings/outlets._verdict_lines`, `[:7]`): the common-wire line names the first six sources
    in alphabetical order, and says how many more there are (a seventh is never dropped silently)."""
    from presslens.analyses.findings.outlets import _verdict_lines
    ver = pd.DataFrame({"verdict": ["common source"] * 7, "direction": ["unknown"] * 7,
                        "relation": ["common_wire"] * 7, "source": [f"Wire {c}" for c in "GFEDCBA"],
                        "outlet_a": ["Tide"] * 7, "outlet_b": ["Quay"] * 7})
    assert _verdict_lines(ver, None)[1] == (
        "7 pairs share text from a common wire, release or reference (Wire A, Wire B, Wire C, Wire D, Wire E, "
        "Wire F and 1 more): common source, never copying (table: verdicts).")


def test_corpus_counts_the_dated_articles():
    """008 (`findings/text.corpus`, `== "unknown"`): the articles that reveal a date, and their range."""
    from presslens.analyses.findings import text
    arts = pd.DataFrame({"outlet": ["Tide", "Quay", "Reef"], "article_id": ["a", "b", "c"], "words": [50, 40, 30],
                         "published": ["2031-05-03", "unknown", "2031-05-01"], "quoted_share": [0.1, 0.0, 0.2],
                         "translated_from": ["—"] * 3, "derived_from": ["—"] * 3, "measured": [True] * 3})
    assert text.corpus(SimpleNamespace(labels={}), arts)[0] == (
        "3 articles from 3 outlets; 2 reveal a publication date (2031-05-01 to 2031-05-03) (table: articles).")
    none = arts.assign(published="unknown")
    assert text.corpus(SimpleNamespace(labels={}), none)[0] == (
        "3 articles from 3 outlets; 0 reveal a publication date (table: articles).")


def test_a_persons_initials_are_no_name_tokens():
    """013 (`quotes/people.Person.__init__`, `>= 1`): a one-letter initial ("J.") is no token of the name."""
    from presslens.analyses.quotes.people import Person
    assert Person("Ana J. Ruiz").tokens == {"ana", "ruiz"}
    assert Person("A. B. Ruiz").tokens == {"ruiz"}
    assert Person("Jo Ruiz").tokens == {"jo", "ruiz"}  # two letters are a name


def test_score_quotes_skips_unlabelled_and_unmeasured_articles():
    """016 (`evaluation/score_text.score_quotes`, `and` for `or`): an article without quote labels, or one
    left out of the measured articles, is not scored; the measured labelled one is."""
    from presslens.evaluation.score_text import score_quotes
    q = pd.DataFrame({"article_id": ["a1"], "quote": ["The pier is unsafe"], "kind": ["direct"],
                      "speaker": ["Harbour Council"], "speaker_text": ["the council"], "speaker_kind": ["org"],
                      "actor": ["Harbour Council"], "paragraph": [0]})
    def gold(text):
        return {"kind": "direct", "text": text, "actor": "Harbour Council", "unsure": False}
    truth = SimpleNamespace(articles={"a1": {"quotes": [gold("The pier is unsafe")]}, "a2": {"quotes": None},
                                      "a3": {"quotes": [gold("Ferries run late")]}})
    r = score_quotes(q, truth, measured=["a1", "a2"])
    assert r[["measure", "unit", "outcome"]].values.tolist() == [
        ["direct quotes: spans", "a1", "tp"], ["direct quotes: speakers", "a1", "tp"]]
    r = score_quotes(q, truth)  # every article measured: a3's quote is a miss; a2 still unlabelled
    assert sorted(set(zip(r["unit"], r["outcome"]))) == [("a1", "tp"), ("a3", "fn")]


def test_word_diff_keeps_the_equal_words():
    """019 (`text/diff.word_diff`, `!=` for `==`): the words both share stay as they are, between the marks."""
    from presslens.text.diff import word_diff
    assert word_diff("The council shut the pier", "The council closed the pier") == \
        "The council {+closed+} [-shut-] the pier"
    assert word_diff("The pier", "The pier") == "The pier"
    assert word_diff("", "Harbour") == "{+Harbour+}" and word_diff("Harbour", "") == "[-Harbour-]"


def test_a_language_menu_of_300_characters_is_one_and_301_is_not():
    """020 (`text/widgets.language_menu`, `>= 300`): a line of language names up to 300 characters is a
    switcher; one character more is not read as one."""
    from presslens.text import widgets
    base = "English Español " * 18  # 288 characters
    at, over = base + "Polski Dansk", base + "Dansk Svenska"
    assert (len(at), len(over)) == (300, 301)
    assert widgets.language_menu([at, over, "English", "Polski Dansk"], {}) == [0, 3]
    assert widgets.language_menu([at], {0: "removed"}) == []


def test_blind_spots_need_two_groups_not_three():
    """021 (`analyses/blindspots.findings`, `n_groups <= 2`): two groups can leave out what the other
    carries; one group cannot."""
    from presslens.analyses import blindspots
    t = pd.DataFrame(columns=["kind", "item", "missing_in"])
    two = blindspots.findings(t, n_groups=2)
    assert [x.split(" is carried")[0] for x in two] == ["No claim", "No speaker", "No passage"]
    assert blindspots.findings(t, n_groups=1) == [
        "1 group(s) only: no group can carry what another leaves out (table: blind_spots)."]
    assert len(blindspots.findings(t)) == 3  # not said: no count given


def test_a_teaser_of_250_words_with_the_prompt_at_the_tails_first_character():
    """022 (`story/capture._paywall_prompt`, `>= TEASER_WORDS` in the quick check): 250 words before a prompt
    that starts exactly TAIL_CHARS (400) characters from the end are a teaser; 251 are an article."""
    from presslens.story import capture
    prompt = "Subscribe to continue reading."
    tail = prompt + "x" * (capture.TAIL_CHARS - len(prompt))  # 400 characters: the prompt opens the tail
    teaser = " ".join(["pier"] * 250) + "\n" + tail
    assert capture._paywall_prompt(teaser) == tail[:160]
    assert capture._paywall_prompt(" ".join(["pier"] * 251) + "\n" + tail) is None


def test_two_sentence_wordings_are_enough_for_a_paraphrase(tmp_path):
    """029 (`analyses/reuse/paraphrase.paraphrases`, `len(keys) <= 2`): two articles of one sentence each,
    the same news reworded, are a paraphrase of one sentence at ``min_chain=1``."""
    from presslens.analyses.reuse.core import doc_list
    from presslens.analyses.reuse.paraphrase import paraphrases
    from .conftest import write_story
    st = write_story(tmp_path, "  - name: Harbour Council\n    kind: organisation\n",
                     [("Tide", "The Harbour Council closed the eastern pier after storm damage on Tuesday."),
                      ("Quay", "After storm damage on Tuesday, the eastern pier was closed by the Harbour Council.")])
    docs = doc_list(st, list(st.articles["id"]))
    got = paraphrases(docs, min_chain=1)
    assert [(r["outlet_a"], r["outlet_b"], r["sentences"], r["words_a"], r["words_b"], r["share_a"]) for r in got] == [
        ("Tide", "Quay", 1, 12, 14, 1.0)]
    assert paraphrases(docs, min_chain=2) == [] and paraphrases(docs[:1], min_chain=1) == []
