"""A saved figure is shown in a kernel from its PNG file (not drawn again); elsewhere nothing changes."""
import base64

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from presslens.figures import style
from presslens.notebook import shown


def make(title="one"):
    style.use_style()
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.bar(["a", "b"], [1, 2])
    ax.set_title(title)
    return fig, pd.DataFrame({"outlet": ["a", "b"], "value": [1, 2]})


class FakeShell:
    """What show_saved uses of an IPython shell: its events."""

    def __init__(self):
        self.callbacks = []
        self.events = self

    def register(self, event, fn):
        assert event == "post_execute"
        self.callbacks.append(fn)

    def end_cell(self):
        for fn in self.callbacks:
            fn()


@pytest.fixture
def kernel(monkeypatch):
    sh = FakeShell()
    shown_list = []
    monkeypatch.setattr(shown, "_shell", lambda: sh)
    monkeypatch.setattr(shown, "inline_backend", lambda: True)
    monkeypatch.setattr(shown, "_hooked", set())
    monkeypatch.setattr(shown, "_pending", [])
    import IPython.display
    monkeypatch.setattr(IPython.display, "display", lambda data, raw, metadata: shown_list.append((data, metadata)))
    return sh, shown_list


def test_png_size_reads_the_header(tmp_path):
    fig, data = make()
    png = style.save(fig, data, "demo", tmp_path)["png"].read_bytes()
    plt.close(fig)
    w, h = shown.png_size(png)
    assert (w, h) == (round(w), round(h)) and 300 < w < 500 and 150 < h < 300  # 4 x 2 in at 110 dpi, tight
    with pytest.raises(ValueError):
        shown.png_size(b"GIF89a" + bytes(30))


def test_a_saved_figure_is_closed_and_its_file_shown_when_the_cell_ends(kernel, tmp_path):
    sh, displayed = kernel
    figs = [make("one"), make("two")]
    files = []
    for k, (fig, data) in enumerate(figs):
        written = style.save(fig, data, f"demo{k}", tmp_path)
        files.append(written["png"])
        assert shown.show_saved([fig], [written["png"]]) is True
        assert fig.number not in plt.get_fignums()  # closed: neither pyplot nor the inline backend draws it again
    assert displayed == []  # not before the cell's printed lines
    sh.end_cell()
    assert len(sh.callbacks) == 1  # one hook, however many figures
    assert [base64.b64decode(d["image/png"]) for d, _ in displayed] == [f.read_bytes() for f in files]  # in order
    data, meta = displayed[0]
    assert data["text/plain"] == repr(figs[0][0]) and data["text/plain"].startswith("<Figure size 400x200")
    w, h = shown.png_size(files[0].read_bytes())
    assert meta == {"image/png": {"width": round(w * 100 / 110), "height": round(h * 100 / 110)}}  # the figure's dpi
    sh.end_cell()
    assert len(displayed) == 2  # shown once


def test_a_figure_of_several_pages_shows_each_page(kernel, tmp_path):
    sh, displayed = kernel
    (f1, data), (f2, _) = make("p1"), make("p2")
    fig = style.paged([f1, f2])
    written = style.save(fig, data, "paged", tmp_path)
    shown.show_saved(style.pages_of(fig), [written["png"], written["png-p2"]])
    sh.end_cell()
    assert [base64.b64decode(d["image/png"]) for d, _ in displayed] == [written["png"].read_bytes(),
                                                                       written["png-p2"].read_bytes()]
    assert not {f1.number, f2.number} & set(plt.get_fignums())


def test_outside_a_kernel_the_figure_stays_open(monkeypatch, tmp_path):
    monkeypatch.setattr(shown, "_shell", lambda: None)
    fig, data = make()
    written = style.save(fig, data, "demo", tmp_path)
    assert shown.show_saved([fig], [written["png"]]) is False
    assert fig.number in plt.get_fignums()
    plt.close(fig)
