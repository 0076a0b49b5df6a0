"""Boundaries of the figures the boundary passes had not reached (issue 20): tone by outlet and by actor,
word choice (heatmap scale, distinctive words' pages), voices, the corpus overview, readability, profiles
and framing similarity. Crafted tables for an invented Harbour story; a stand-in story with only what the
figures read (outlets, labels, colours, translations, actors, articles); every expected value worked out
by hand from the figure's rule."""
from types import SimpleNamespace

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from presslens.figures import corpus as fcorpus
from presslens.figures import profiles as fprofiles
from presslens.figures import readability as freadability
from presslens.figures import sources as fsources
from presslens.figures import style
from presslens.figures import tone as ftone
from presslens.figures import wordchoice as fwordchoice

matplotlib.use("Agg")


def _story(outlets, actors=(), translations=(), articles=None):
    outlets = list(outlets)
    arts = articles if articles is not None else pd.DataFrame({"id": [f"a{i}" for i in range(len(outlets))],
                                                               "outlet": outlets})
    return SimpleNamespace(outlets=outlets, color_order=outlets, all_outlets=outlets,
                           figure_outlets=lambda every: list(every), translations=set(translations),
                           actors=[SimpleNamespace(name=a) for a in actors], articles=arts,
                           labels={a: f"{o} ({a})" for a, o in zip(arts["id"], arts["outlet"])},
                           title="Harbour bridge")


def _texts(fig):
    return [t.get_text() for t in fig.texts] + [t.get_text() for ax in fig.axes for t in ax.texts]


# ---- tone ---------------------------------------------------------------------------------------------------

def test_tone_by_actor_needs_min_outlets_outlets_with_sentences():
    story = _story(["Harbour Post", "Quay Times", "Pier Daily"], actors=["Mayor Lind", "Port Board", "Dock Union"])
    table = pd.DataFrame({
        "outlet": ["Harbour Post", "Quay Times", "Harbour Post", "Harbour Post", "Quay Times", "Pier Daily"],
        "actor": ["Mayor Lind", "Mayor Lind", "Port Board", "Dock Union", "Dock Union", "Dock Union"],
        "mean": [0.1, -0.2, 0.3, 0.0, 0.05, 0.2],
        "n_sentences": [2, 1, 4, 3, 0, 1],  # Dock Union: two outlets with a sentence (Quay Times has none)
    })
    fig, data = ftone.tone_by_actor(story, table)
    try:
        assert sorted(set(data["actor"])) == ["Dock Union", "Mayor Lind"]  # Port Board: one outlet only
        assert 0 not in set(data["n_sentences"])
    finally:
        plt.close(fig)
    fig, data = ftone.tone_by_actor(story, table, min_outlets=3)
    try:
        assert data.empty  # none in three outlets with a sentence
    finally:
        plt.close(fig)
    fig, data = ftone.tone_by_actor(story, table, min_outlets=1)
    try:
        assert sorted(set(data["actor"])) == ["Dock Union", "Mayor Lind", "Port Board"]
    finally:
        plt.close(fig)


def test_tone_by_actor_no_sentence_is_a_note():
    story = _story(["Harbour Post"], actors=["Mayor Lind"])
    table = pd.DataFrame({"outlet": ["Harbour Post"], "actor": ["Mayor Lind"], "mean": [0.0], "n_sentences": [0]})
    fig, data = ftone.tone_by_actor(story, table)
    try:
        assert any(t.startswith("No sentence mentions an actor") for t in _texts(fig))
        assert data is table
    finally:
        plt.close(fig)


def test_tone_by_outlet_skips_a_voice_without_sentences():
    story = _story(["Harbour Post", "Quay Times"])
    sentences = pd.DataFrame({"outlet": ["Harbour Post"] * 2 + ["Quay Times"], "compound": [0.2, -0.4, 0.1]})
    table = pd.DataFrame({
        "outlet": ["Harbour Post", "Quay Times", "Harbour Post", "Quay Times"],
        "voice": ["narration", "narration", "quote", "quote"],
        "n_sentences": [2, 1, 1, 0], "mean": [-0.1, 0.1, 0.3, 0.0],
        "ci_low": [-0.4, 0.1, 0.3, 0.0], "ci_high": [0.2, 0.1, 0.3, 0.0],
    })
    fig, data = ftone.tone_by_outlet(story, table, sentences)
    try:
        right = fig.axes[1]
        assert sorted(t.get_text() for t in right.texts) == ["n=1", "n=1", "n=2"]  # Quay Times' quotes: none drawn
        assert len(data) == 4  # the CSV keeps the empty row
        assert sorted(h.get_label() for h in right.get_legend_handles_labels()[0]) == ["narration", "quote"]
    finally:
        plt.close(fig)


# ---- word choice --------------------------------------------------------------------------------------------

def _rates(few):
    return pd.DataFrame({
        "outlet": ["Harbour Post", "Harbour Post", "Quay Times", "Quay Times"],
        "voice": ["narration", "quote", "narration", "quote"],
        "category": ["blame"] * 4, "label": ["Blame"] * 4,
        "rate_per_1000": [4.0, 9.0, 2.0, 6.0], "hits": [4, 1, 2, 3], "few_words": few,
    })


def test_wordchoice_scale_tops_at_the_largest_rate_on_enough_words():
    story = _story(["Harbour Post", "Quay Times"])
    lex = SimpleNamespace(names=["blame"])
    fig, data = fwordchoice.wordchoice_heatmap(story, _rates([False, True, False, False]), lex)
    try:
        assert fig.axes[0].images[0].get_clim() == (0, 6.0)  # 9.0 rests on few words: not the top
        cell = {t.get_text(): t.get_color() for t in fig.axes[1].texts}
        assert cell["9.0\nn=1"] == "0.55"  # greyed: few words
        assert cell["6.0\nn=3"] == "white"  # 6.0 > 0.6 * 6.0
        left = {t.get_text(): t.get_color() for t in fig.axes[0].texts}
        assert left["4.0\nn=4"] == "white" and left["2.0\nn=2"] == "black"  # 3.6 < 4.0; 2.0 < 3.6
    finally:
        plt.close(fig)
    fig, _ = fwordchoice.wordchoice_heatmap(story, _rates([True] * 4), lex)
    try:
        assert fig.axes[0].images[0].get_clim() == (0, 1.0)  # every rate on few words: the scale is 0 to 1
    finally:
        plt.close(fig)


def _top(outlets, n=2):
    rows = [{"outlet": o, "term": f"quay{k}", "count_outlet": 5, "count_rest": 1, "z": 3.0 - k}
            for o in outlets for k in range(n)]
    return pd.DataFrame(rows)


@pytest.mark.parametrize("k, sizes", [(21, [21]), (22, [11, 11]), (3, [3]), (1, [1])])
def test_distinctive_terms_pages_hold_21_outlets(k, sizes):
    outlets = [f"Harbour {i:02d}" for i in range(k)]
    story = _story(outlets if k > 1 else outlets + ["Quay Times"])
    fig, data = fwordchoice.distinctive_terms(story, _top(outlets))
    pages = style.pages_of(fig)
    try:
        assert [sum(ax.get_visible() for ax in p.axes) for p in pages] == sizes
        cols = min(3, k)
        for p, size in zip(pages, sizes):
            assert len(p.axes) == cols * -(-size // cols)  # whole rows of `cols` panels
        title = pages[0]._suptitle.get_text()
        assert ("Page 1 of 2: outlets 1-11 of 22 drawn" in title) == (k == 22)
        assert ("Page" in title) == (k == 22)  # one page: no page note
        if k == 22:
            assert "Page 2 of 2: outlets 12-22 of 22 drawn" in pages[1]._suptitle.get_text()
        assert len(data) == 2 * k
    finally:
        for p in pages:
            plt.close(p)


def test_distinctive_terms_a_page_holds_one_row_at_least():
    """130 words a panel: a row is 0.28 * 130 + 1.2 = 37.6 inches, past the page's 36, yet a page holds one row
    (three outlets): four outlets make two pages of two."""
    outlets = [f"Harbour {i:02d}" for i in range(4)]
    fig, _ = fwordchoice.distinctive_terms(_story(outlets), _top(outlets), n=130)
    pages = style.pages_of(fig)
    try:
        assert [sum(ax.get_visible() for ax in p.axes) for p in pages] == [2, 2]
    finally:
        for p in pages:
            plt.close(p)


def test_distinctive_terms_one_outlet_and_no_word_are_notes():
    story = _story(["Harbour Post"])
    fig, data = fwordchoice.distinctive_terms(story, None)
    try:
        assert "this selection has one outlet (Harbour Post)" in data.attrs["note"]
    finally:
        plt.close(fig)
    story = _story(["Harbour Post", "Quay Times"])
    fig, data = fwordchoice.distinctive_terms(story, _top([]).reindex(columns=["outlet", "term", "z"]), min_count=4,
                                              voice="quote")
    try:
        assert data.attrs["note"].startswith("No word is seen 4 times or more in the outlets' quote (min_count=4)")
    finally:
        plt.close(fig)


# ---- voices -------------------------------------------------------------------------------------------------

def test_voice_share_labels_shares_from_8_percent_and_counts_words():
    story = _story(["Harbour Post", "Quay Times"])
    table = pd.DataFrame({
        "outlet": ["Harbour Post", "Harbour Post", "Harbour Post", "Quay Times", "Quay Times"],
        "voice": ["Mayor Lind", "Port Board", "unattributed", "Mayor Lind", "Port Board"],
        "quoted_words": [92, 7, 1, 1, 0], "share": [0.92, 0.07, 0.01, 1.0, 0.0],
    })
    fig, data = fsources.voice_share(story, table)
    try:
        ax = fig.axes[0]
        assert [round(p.get_width(), 2) for p in ax.patches] == [0.92, 0.07, 0.01, 1.0]  # a 0 share: no bar
        texts = [t.get_text() for t in ax.texts]
        assert sorted(t for t in texts if t.endswith("%")) == ["100%", "92%"]  # 7% and 1%: no label
        assert "100 words" in texts and "1 word" in texts
        assert ax.get_legend_handles_labels() is not None
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Mayor Lind", "Port Board", "unattributed"]
    finally:
        plt.close(fig)
    table8 = table.assign(share=[0.91, 0.08, 0.01, 1.0, 0.0])
    fig, _ = fsources.voice_share(story, table8)
    try:
        assert "8%" in [t.get_text() for t in fig.axes[0].texts]
    finally:
        plt.close(fig)


def test_voice_share_keeps_top_voices_and_groups_the_rest():
    story = _story(["Harbour Post"])
    table = pd.DataFrame({"outlet": ["Harbour Post"] * 3, "voice": ["Mayor Lind", "Port Board", "Dock Union"],
                          "quoted_words": [50, 30, 20], "share": [0.5, 0.3, 0.2]})
    fig, _ = fsources.voice_share(story, table, top=2)
    try:
        assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["Mayor Lind", "Port Board",
                                                                               "other voices"]
    finally:
        plt.close(fig)
    fig, data = fsources.voice_share(story, table.iloc[:0])
    try:
        assert any(t.startswith("No direct quote was found") for t in _texts(fig))
    finally:
        plt.close(fig)


# ---- corpus overview ----------------------------------------------------------------------------------------

def _overview(n, dates=None, measured=None, credits=()):
    ids = [f"a{i:02d}" for i in range(n)]
    outlets = [f"Harbour {i:02d}" for i in range(n)]
    table = pd.DataFrame({
        "outlet": outlets, "article_id": ids,
        "published": dates or ["2024-05-03"] * n, "words": [100] * n, "sentences": [5] * n,
        "quoted_share": [0.25] * n, "language": ["en"] * n, "detected": ["en"] * n, "translated_from": [None] * n,
        "derived_from": [None] * n, "measured": measured or [True] * n,
    })
    prov = pd.DataFrame({"article_id": [c[0] for c in credits], "credits": [c[1] for c in credits]})
    story = _story(outlets, articles=pd.DataFrame({"id": ids, "outlet": outlets}))
    return story, table, prov


@pytest.mark.parametrize("n, rows", [(40, 40), (41, 40)])
def test_overview_draws_max_rows_articles(n, rows):
    story, table, prov = _overview(n)
    fig, data = fcorpus.plot_overview(story, table, prov)
    try:
        assert len(fig.axes[0].get_yticks()) == rows and len(data) == n
        notes = _texts(fig)
        assert any(t.startswith(f"Showing 40 of {n} articles: the first 40 rows") for t in notes) == (n > 40)
        assert "no article\ncredits a source" in notes
        assert not any(t.startswith("✕ left out") for t in notes)
    finally:
        plt.close(fig)


def test_overview_quoted_words_undated_and_credits():
    story, table, prov = _overview(3, dates=["2024-05-03", "unknown", "2024-05-05"], measured=[True, False, True],
                                   credits=[("a00", "Harbour Wire")])
    table["words"] = [101, 7, 40]
    table["quoted_share"] = [0.5, 0.0, 1.0]
    fig, data = fcorpus.plot_overview(story, table, prov)
    try:
        ax0, ax1, ax2 = fig.axes[:3]
        assert [t.get_text() for t in ax0.get_xticklabels()] == ["2024-05-03", "2024-05-05", "undated"]
        # span two days: the pad is one day (10% of two days is less), undated two pads past the last date
        lo, hi = ax0.get_xlim()
        assert hi - lo == pytest.approx(6.0)
        bars = [round(p.get_width()) for p in ax1.patches]
        assert bars == [51, 7, 0, 50, 0, 40]  # quoted round(50.5) = 50 (half to even), narration 101 - 50 = 51
        assert [t.get_text() for t in ax2.get_xticklabels()] == ["Harbour Wire"]
        assert any(t.startswith("✕ left out of the measures") for t in _texts(fig))
        assert "Harbour 01 (a01) ✕" in [t.get_text() for t in ax0.get_yticklabels()]
    finally:
        plt.close(fig)


@pytest.mark.parametrize("days, shown", [(6, 6), (7, 4)])
def test_overview_date_ticks_thinned_past_six(days, shown):
    dates = [f"2024-05-{d + 1:02d}" for d in range(days)]
    story, table, prov = _overview(days, dates=dates)
    fig, _ = fcorpus.plot_overview(story, table, prov)
    try:
        labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
        assert labels[-1] == "undated" and len(labels) - 1 == shown  # 7 dates: every second (7 // 6 + 1)
        assert labels[0] == "2024-05-01"
    finally:
        plt.close(fig)


# ---- readability --------------------------------------------------------------------------------------------

def _measures(n_words, translated=(None, None)):
    return pd.DataFrame({
        "outlet": ["Harbour Post", "Quay Times"], "article_id": ["a0", "a1"], "n_words": n_words,
        "translated_from": list(translated), "consensus_grade": [9.0, np.nan], "flesch_reading_ease": [55.0, 60.0],
        "sentence_len_mean": [20.0, 15.0], "sentence_len_std": [4.0, np.nan], "mtld": [70.0, 80.0],
    })


def test_readability_short_mark_under_100_words():
    story = _story(["Harbour Post", "Quay Times"])
    fig, data = freadability.readability_panels(story, _measures([100, 99]))
    try:
        assert list(data["label"]) == ["Harbour Post (a0)", "Quay Times (a1) ‡"]
        notes = "\n".join(t.get_text() for t in fig.texts)
        assert "‡ fewer than 100 words" in notes and "† translated" not in notes
        grade = [t.get_text() for t in fig.axes[0].texts]
        assert grade == [" 9.0", " n/a"]
        length = [t.get_text() for t in fig.axes[2].texts]
        assert length == [" 20.0", " 15.0"]
        assert fig.axes[2].texts[0].get_position()[0] == 24.0  # the label past the sd bar: 20 + 4
        assert fig.axes[2].get_xlim()[1] == pytest.approx(24.0 * 1.2)
    finally:
        plt.close(fig)
    fig, data = freadability.readability_panels(story, _measures([100, 100], translated=("fr", "")))
    try:
        assert list(data["label"]) == ["Harbour Post (a0) †", "Quay Times (a1)"]
        notes = "\n".join(t.get_text() for t in fig.texts)
        assert "† translated (from fr)" in notes and "‡" not in notes
    finally:
        plt.close(fig)


# ---- profiles -----------------------------------------------------------------------------------------------

def _profiles(outlets, tone):
    k = len(outlets)
    return pd.DataFrame({"outlet": outlets, "words_per_article": [500.0] * k, "reading_ease": [50.0] * k,
                         "narration_tone": tone, "loaded_per_1000": [np.nan] * k, "n_voices": [3] * k,
                         "anonymous_sources": [0] * k, "reuse_share": [0.006] * k, "claims_share": [0.5] * k})


def test_profile_panels_drop_empty_measures_and_centre_tone():
    outlets = ["Harbour Post", "Quay Times"]
    fig, _ = fprofiles.profile_panels(_story(outlets), _profiles(outlets, [0.2, -0.1]))
    try:
        visible = [ax for ax in fig.axes if ax.axison]
        assert [ax.get_title() for ax in visible] == ["words per article", "Flesch reading ease",
                                                      "tone of its narration (VADER)", "voices quoted",
                                                      "anonymous sources", "narration found in another outlet",
                                                      "share of the claims carried"]
        assert len(fig.axes) == 8  # seven panels on two rows of four
        assert visible[2].get_xlim() == pytest.approx((-0.23, 0.23))  # 0.2 * 1.15
        assert visible[5].get_xlim() == (0, 1)
    finally:
        plt.close(fig)
    fig, _ = fprofiles.profile_panels(_story(outlets), _profiles(outlets, [0.01, -0.02]))
    try:
        assert fig.axes[2].get_xlim() == pytest.approx((-0.05, 0.05))  # 0.023 is under the floor
    finally:
        plt.close(fig)


def test_profile_five_panels_take_two_rows():
    outlets = ["Harbour Post", "Quay Times"]
    fig, _ = fprofiles.profile_panels(_story(outlets), _profiles(outlets, [0.1, 0.2]).assign(
        words_per_article=np.nan, reading_ease=np.nan))  # five measures with a value
    try:
        assert len(fig.axes) == 8 and sum(ax.axison for ax in fig.axes) == 5
    finally:
        plt.close(fig)


@pytest.mark.parametrize("k, bar", [(40, 0.32), (41, 0.32 * 40 / 41), (80, 0.2)])
def test_profile_bars_narrow_past_40_outlets(k, bar):
    outlets = [f"Harbour {i:02d}" for i in range(k)]
    fig, _ = fprofiles.profile_panels(_story(outlets), _profiles(outlets, [0.1] * k).assign(
        words_per_article=np.nan, reading_ease=np.nan, n_voices=np.nan))  # four panels: one row
    try:
        assert fig.get_figheight() == pytest.approx(bar * k + 1.3)
    finally:
        plt.close(fig)


def _sim(outlets):
    rows = [{"outlet_a": a, "outlet_b": b, "framing": 1.0 if a == b else 0.4} for a in outlets for b in outlets]
    groups = pd.DataFrame({"outlet": outlets, "order": range(len(outlets)), "cluster": [1] * len(outlets)})
    return pd.DataFrame(rows), groups


def test_framing_similarity_needs_two_outlets():
    sim, groups = _sim(["Harbour Post"])
    fig, data = fprofiles.framing_similarity(_story(["Harbour Post"]), sim, groups)
    try:
        assert any(t.startswith("Framing similarity compares outlets") for t in _texts(fig))
    finally:
        plt.close(fig)
    sim, groups = _sim(["Harbour Post", "Quay Times"])
    fig, data = fprofiles.framing_similarity(_story(["Harbour Post", "Quay Times"]), sim, groups)
    try:
        assert fig.get_figwidth() == pytest.approx(0.6 * 2 + 3.5)
        assert sorted(t.get_text() for t in fig.axes[0].texts) == ["0.40", "0.40", "1.00", "1.00"]
        assert len(data) == 4
    finally:
        plt.close(fig)


@pytest.mark.parametrize("k, cell", [(40, 0.6), (41, max(0.42, 24 / 41)), (60, 0.42)])
def test_framing_cells_narrow_past_40_outlets(k, cell):
    outlets = [f"Harbour {i:02d}" for i in range(k)]
    sim, groups = _sim(outlets)
    fig, _ = fprofiles.framing_similarity(_story(outlets), sim, groups)
    try:
        assert fig.get_figwidth() == pytest.approx(cell * k + 3.5)
    finally:
        plt.close(fig)
