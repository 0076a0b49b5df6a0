"""Figures drawn on pages (issue 27): a figure too wide or tall for one page is several files, NAME.png /
.svg, NAME-p2.png / .svg, ..., with one CSV. Saving, the run's swap and manifest, and the report index
treat the pages as one figure; a figure redrawn on fewer pages leaves no stale page presslens wrote,
and never deletes a user's file."""
import json

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from presslens import ownership
from presslens.errors import ParameterError
from presslens.figures import style
from presslens.run import outputs, report_index

from . import figure_check


def _pages(n: int):
    figs = []
    for k in range(1, n + 1):
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.plot([0, k], [0, k])
        figs.append(fig)
    return style.paged(figs)


def _close(fig):
    for page in style.pages_of(fig):
        plt.close(page)


DATA = pd.DataFrame({"outlet": ["A", "B"], "x": [1, 2]})


def test_split_balances_pages_in_order():
    assert [len(p) for p in style.split(list(range(60)), 24)] == [20, 20, 20]
    assert [len(p) for p in style.split(list(range(61)), 30)] == [21, 21, 19]
    assert style.split(list(range(5)), 24) == [[0, 1, 2, 3, 4]]
    assert style.split([], 24) == [[]]
    assert [x for p in style.split(list(range(61)), 7) for x in p] == list(range(61))
    assert style.page_note(2, 3, 21, [f"Outlet {i}" for i in range(21, 41)], 60) == \
        "Page 2 of 3: outlets 21-40 of 60 drawn (Outlet 21 to Outlet 40)."


def test_a_figure_of_three_pages_is_three_files_each_and_one_csv(tmp_path):
    fig = _pages(3)
    written = style.save(fig, DATA, "wide", tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert names == ["wide-p2.png", "wide-p2.svg", "wide-p3.png", "wide-p3.svg", "wide.csv", "wide.png", "wide.svg"]
    assert set(written) == {"png", "svg", "png-p2", "svg-p2", "png-p3", "svg-p3", "csv"}
    marker = ownership.read_marker(tmp_path, "figures")
    assert set(marker["files"]) == set(names)  # every page is presslens's: a later run may replace it
    _close(fig)
    one = _pages(1)
    assert style.pages_of(one) == [one] and not hasattr(one, "presslens_pages")
    plt.close(one)


def test_redrawn_on_fewer_pages_the_stale_pages_go_but_a_users_file_stays(tmp_path):
    fig = _pages(3)
    style.save(fig, DATA, "wide", tmp_path)
    _close(fig)
    (tmp_path / "wide-p3.svg").write_text("<svg>edited by the user</svg>")  # changed since presslens wrote it
    (tmp_path / "wide-p4.png").write_bytes(b"the user's own file")  # never presslens's
    fig = _pages(1)
    style.save(fig, DATA, "wide", tmp_path)
    plt.close(fig)
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert names == ["wide-p3.svg", "wide-p4.png", "wide.csv", "wide.png", "wide.svg"]
    assert (tmp_path / "wide-p4.png").read_bytes() == b"the user's own file"
    _, ours, foreign = ownership.classify(tmp_path, "figures")
    assert set(ours) == {"wide.csv", "wide.png", "wide.svg"} and foreign == ["wide-p3.svg", "wide-p4.png"]
    # another figure's pages are not this one's: 'wide-angle' keeps its page 2
    fig = _pages(2)
    style.save(fig, DATA, "wide-angle", tmp_path)
    _close(fig)
    fig = _pages(1)
    style.save(fig, DATA, "wide", tmp_path)
    plt.close(fig)
    assert (tmp_path / "wide-angle-p2.png").exists()


def test_a_figure_name_that_ends_like_a_page_is_refused(tmp_path):
    fig = _pages(1)
    with pytest.raises(ParameterError, match="ends like a page"):
        style.save(fig, DATA, "wide-p2", tmp_path)
    plt.close(fig)
    assert ownership.page_file("wide-p2.png") == ("wide", 2)
    assert ownership.page_file("wide-angle-p12.svg") == ("wide-angle", 12)
    assert ownership.page_file("wide-p1.png") is None and ownership.page_file("wide.png") is None
    assert ownership.page_file("wide-p2.csv") is None  # one CSV per figure, never per page
    assert ownership.superseded("wide-p3.png", {"wide.png", "wide-p2.png"})
    assert not ownership.superseded("wide-p2.png", {"wide.png", "wide-p2.png"})
    assert not ownership.superseded("other-p3.png", {"wide.png"})  # a figure this run did not draw keeps its pages


def test_a_partial_runs_swap_drops_the_pages_a_redrawn_figure_no_longer_has(tmp_path):
    final, staged = tmp_path / "figures" / "story", tmp_path / "staging" / "story"
    final.mkdir(parents=True)
    staged.mkdir(parents=True)
    for n in ("wide.png", "wide-p2.png", "wide-p3.png", "other.png", "other-p2.png"):
        (final / n).write_text(f"earlier {n}\n")
    ownership.write_marker(final, "figures", {n: ownership.sha256_file(final / n) for n in
                                              ("wide.png", "wide-p2.png", "wide-p3.png", "other.png", "other-p2.png")})
    (final / "wide-p4.png").write_text("the user's\n")
    for n in ("wide.png", "wide-p2.png", "wide.csv"):
        (staged / n).write_text(f"new {n}\n")
    olds = outputs.swap_all([(staged, final, False, "figures")])
    names = sorted(p.name for p in final.iterdir() if p.name != ownership.MARKER)
    assert names == ["other-p2.png", "other.png", "wide-p2.png", "wide-p4.png", "wide.csv", "wide.png"]
    assert (final / "wide-p2.png").read_text() == "new wide-p2.png\n"
    assert (final / "wide-p4.png").read_text() == "the user's\n"
    assert "wide-p3.png" not in json.loads((final / ownership.MARKER).read_text())["files"]
    assert olds


def test_the_report_index_shows_every_page_under_one_caption(tmp_path):
    manifest = {"story": "s", "notebooks": ["01-x.ipynb"], "run": {"complete": True},
                "reports": {"01-x.ipynb": {"figures": ["wide-p2.png", "wide-p2.svg", "wide.csv", "wide.png", "wide.svg",
                                                       "narrow.csv", "narrow.png", "narrow.svg"]}}}
    (tmp_path / "figures").mkdir()
    page = report_index.render(manifest, tmp_path, tmp_path / "figures", {})
    assert page.count("<figure ") == 2 and "fig-wide-p2" not in page
    wide = page[page.index("<figure id='fig-wide'>"):]
    wide = wide[:wide.index("</figure>")]
    assert wide.index("figures/wide.png") < wide.index("figures/wide-p2.png")
    assert "(2 pages)" in wide and "wide (page 2 of 2)" in wide and "figures/wide-p2.svg" in wide
    assert "wide-p2.csv" not in page
    narrow = page[page.index("<figure id='fig-narrow'>"):]
    assert "pages" not in narrow[:narrow.index("</figure>")]


def test_the_check_finds_a_page_that_does_not_say_which_it_is():
    figs = []
    for k in (1, 2):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.set_title(f"Page {k} of 2: outlets 1-2 of 4 drawn (A to B)." if k == 1 else "no page line")
        figs.append(fig)
    fig = style.paged(figs)
    probs = figure_check.page_problems("wide", fig, None)
    assert probs == ["wide-p2: page 2 of 2 does not say so (and which outlets it holds)"]
    _close(fig)


def test_the_notebooks_save_line_names_every_page(tmp_path):
    """What a notebook prints after saving (the report index reads its 'saved NAME.png' for the caption)."""
    from types import SimpleNamespace

    from presslens.notebook import setup

    fig = _pages(3)
    line = setup.Context.save(SimpleNamespace(figures=tmp_path), fig, DATA, "wide")
    assert line == ("saved wide.png, wide.svg and wide.csv (2 data rows) in the story's figures folder; drawn on 3 pages, "
                    "the others in wide-p2, wide-p3 (.png and .svg)")
    assert line.startswith("saved wide.png") and "saved wide-p" not in line  # one caption: the figure, not its pages
    _close(fig)
    one = _pages(1)
    assert setup.Context.save(SimpleNamespace(figures=tmp_path), one, DATA, "narrow").endswith("figures folder")
    plt.close(one)
