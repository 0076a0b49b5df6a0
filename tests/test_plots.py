"""The figure helper: PNG + SVG + CSV, byte-identical on a re-run, no dates or versions inside."""
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from presslens import plots


def make():
    plots.use_style()
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [1.5, 2.25], color=list(plots.outlet_colors(["a", "b"]).values()))
    return fig, pd.DataFrame({"outlet": ["a", "b"], "value": [1.5, 2.25]})


def test_save_writes_three_files_byte_identical_on_rerun(tmp_path):
    fig, data = make()
    first = plots.save(fig, data, "demo", tmp_path / "one")
    plt.close(fig)
    fig, data = make()
    second = plots.save(fig, data, "demo", tmp_path / "two")
    plt.close(fig)
    assert sorted(first) == ["csv", "png", "svg"]
    for ext in first:
        assert first[ext].read_bytes() == second[ext].read_bytes(), ext
    assert first["csv"].read_text() == "outlet,value\na,1.5\nb,2.25\n"
    svg = first["svg"].read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in first["png"].read_bytes()
    assert not list((tmp_path / "one").glob(".*tmp"))  # no temporary files left behind


def test_outlet_colours_are_stable_and_distinct():
    outs = ["Hindustan Times", "ticker.tv", "en.5iter.com", "New York Post", "tech360.tv"]
    c = plots.outlet_colors(outs)
    assert c == plots.outlet_colors(list(outs))
    assert c["Hindustan Times"] == "#0072B2" and len(set(c.values())) == 5


def test_bad_figure_name_and_data_are_refused(tmp_path):
    fig, data = make()
    with pytest.raises(ValueError, match="figure name 'Tone by outlet'"):
        plots.save(fig, data, "Tone by outlet", tmp_path)
    with pytest.raises(TypeError, match="pass the data behind the figure as a DataFrame"):
        plots.save(fig, [1, 2], "demo", tmp_path)
    plt.close(fig)
