"""The figure helper: PNG + SVG + CSV, byte-identical on a re-run, no dates or versions inside."""
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from presslens.errors import ParameterError
from presslens import load_story
from presslens.analyses import readability, tone
from presslens.analyses.wordchoice import lexicon, matching
from presslens.figures import readability as figures_readability, style, tone as figures_tone, wordchoice
from presslens.story import model


def make():
    style.use_style()
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [1.5, 2.25], color=list(style.outlet_colors(["a", "b"]).values()))
    return fig, pd.DataFrame({"outlet": ["a", "b"], "value": [1.5, 2.25]})


def test_save_writes_three_files_byte_identical_on_rerun(tmp_path):
    fig, data = make()
    first = style.save(fig, data, "demo", tmp_path / "one")
    plt.close(fig)
    fig, data = make()
    second = style.save(fig, data, "demo", tmp_path / "two")
    plt.close(fig)
    assert sorted(first) == ["csv", "png", "svg"]
    for ext in first:
        assert first[ext].read_bytes() == second[ext].read_bytes(), ext
    assert first["csv"].read_text() == "outlet,value\na,1.5\nb,2.25\n"
    svg = first["svg"].read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in first["png"].read_bytes()
    assert not list((tmp_path / "one").glob(".*tmp"))  # no temporary files left behind


def test_outlet_colours_follow_the_palette_and_stay_distinct_past_it():
    outs = ["Hindustan Times", "ticker.tv", "en.5iter.com", "New York Post", "tech360.tv"]
    c = style.outlet_colors(outs)
    assert list(c.values()) == ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"]  # Okabe-Ito, in order
    many = style.outlet_colors([f"outlet {i}" for i in range(60)])
    assert len(set(many.values())) == 60  # 60 outlets, 60 colours: the 17-colour palette never repeats


def test_an_outlet_keeps_its_colour_in_any_subset():
    from matplotlib.colors import to_hex


    from .conftest import BUNDLED

    import dataclasses

    import pandas as pd

    full = load_story(BUNDLED)
    a = full.articles  # the tone arc draws outlets of 3+ articles (figures.tone.ARC_MIN_ARTICLES): give it 3
    nyp = a[a["outlet"] == "New York Post"]
    copies = [nyp.assign(id=f"nyp-copy-{k}", file=f"articles/nyp-copy-{k}.md") for k in (1, 2)]
    full = dataclasses.replace(full, articles=pd.concat([a, *copies], ignore_index=True))
    sub = full.subset(["New York Post"])
    colours = {}
    for st in (full, sub):
        fig, _ = figures_tone.tone_arc(st, tone.tone_arc(st, n_boot=100))
        line = [ln for ln in fig.axes[0].get_lines() if ln.get_label() == "New York Post"][0]
        colours[len(st.outlets)] = to_hex(line.get_color())
        plt.close(fig)
    assert colours[1] == colours[5] == "#cc79a7"  # its colour in the whole story (4th outlet)


def test_figure_labels_survive_any_outlet_name():
    assert model.short("x" * 300) == "x" * 39 + "…" and model.short("ticker.tv") == "ticker.tv"
    assert plt.rcParams["text.parse_math"] is False or style.STYLE["text.parse_math"] is False


def test_bad_figure_name_and_data_are_refused(tmp_path):
    fig, data = make()
    with pytest.raises(ValueError, match="figure name 'Tone by outlet'"):
        style.save(fig, data, "Tone by outlet", tmp_path)
    with pytest.raises(ParameterError, match="pass the data behind the figure as a DataFrame"):
        style.save(fig, [1, 2], "demo", tmp_path)
    plt.close(fig)


def test_charts_draw_the_tables_they_are_given_and_recompute_nothing(monkeypatch):

    from .conftest import BUNDLED

    st = load_story(BUNDLED)
    lex = lexicon.lexicon_for(st)
    by_outlet = tone.outlet_tone_by_voice(st, n_boot=100)
    by_actor = tone.actor_tone(st, n_boot=100)
    arc = tone.tone_arc(st, n_boot=100)
    rates = matching.rates(st, lex, n_boot=100)
    measures = readability.readability(st)
    sentences = tone.sentence_tone(st)

    def recomputed(*a, **k):
        raise AssertionError("a chart recomputed an analysis the notebook had already computed")

    for mod, name in ((tone, "outlet_tone"), (tone, "actor_tone"), (tone, "tone_arc"), (matching, "rates"),
                      (matching, "match"), (readability, "readability")):
        monkeypatch.setattr(mod, name, recomputed)
    for fig, _ in (figures_tone.tone_by_outlet(st, by_outlet, sentences), figures_tone.tone_by_actor(st, by_actor), figures_tone.tone_arc(st, arc),
                   wordchoice.wordchoice_heatmap(st, rates, lex), figures_readability.readability_panels(st, measures)):
        plt.close(fig)


def test_the_svg_is_cut_to_the_box_measured_for_the_png(tmp_path):
    """The tight box is measured once (laying the figure out for the PNG) and both formats are cut to it:
    the SVG's size in inches is the PNG's, to the pixel."""
    import re

    from presslens.notebook import shown

    style.use_style()
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.barh([f"an outlet with a long name {i}" for i in range(12)], range(12))
    ax.set_title("A title long enough to reach the edge of the figure, or nearly")
    written = style.save(fig, pd.DataFrame({"a": [1]}), "boxed", tmp_path)
    plt.close(fig)
    px_w, px_h = shown.png_size(written["png"].read_bytes())
    pt_w, pt_h = map(float, re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', written["svg"].read_text()).groups())
    dpi = plt.rcParams["savefig.dpi"]
    assert abs(pt_w / 72 * dpi - px_w) < 1 and abs(pt_h / 72 * dpi - px_h) < 1
