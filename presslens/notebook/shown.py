"""Show a saved figure in the notebook from its PNG file instead of drawing it again.

In a Jupyter kernel with the inline backend, a figure left open after :func:`presslens.figures.style.save`
is drawn twice more when its cell ends: pyplot redraws every changed figure on its canvas, then the
inline backend renders it once more as a PNG with a tight bounding box (text layout each time, the
largest part of a warm notebook's time). The figure was just written as ``NAME.png``, so
:func:`show_saved` closes it and, when the cell ends (after its printed lines, where the inline
backend shows figures), displays that file's bytes: the notebook shows exactly the committed figure,
at the size the inline backend would have given it (the figure's ``dpi``; the file has
``savefig.dpi``), with the figure's own text (``<Figure size ... with N Axes>``) as the plain-text
form, so notebook outputs compare as before.

Outside IPython or with another backend (a script, ``%matplotlib widget``) nothing changes: the
figure stays open and is shown as the backend shows it.
"""
from __future__ import annotations

import base64
import struct
import sys
from pathlib import Path

from presslens.errors import OutputError

_pending: list[tuple[dict, dict]] = []  # (bundle, metadata) to display when the cell ends
_hooked: set[int] = set()  # shells whose post_execute event runs _flush


def _shell():
    """The running IPython shell, or None (IPython not imported: not in a kernel)."""
    ipython = sys.modules.get("IPython")
    get = getattr(ipython, "get_ipython", None)
    return get() if get else None


def inline_backend() -> bool:
    """Whether matplotlib draws through the inline backend (Jupyter's default)."""
    import matplotlib

    return "inline" in str(matplotlib.get_backend()).lower()


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels of a PNG file's bytes (its IHDR chunk)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise OutputError("the figure file presslens just saved is not a PNG (another program replaced it?): "
                          "run the cell again")
    return struct.unpack(">II", data[16:24])


def bundle(fig, png: bytes, file_dpi: float) -> tuple[dict, dict]:
    """The display bundle of a figure saved as ``png`` at ``file_dpi``: the PNG, the figure's text,
    and the width and height the inline backend would show (the figure's dpi, not the file's)."""
    w, h = png_size(png)
    scale = float(fig.dpi) / float(file_dpi)
    meta = {"image/png": {"width": max(1, round(w * scale)), "height": max(1, round(h * scale))}}
    return {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": repr(fig)}, meta


def show_saved(pages: list, pngs: list[Path]) -> bool:
    """Close ``pages`` (the figures just saved as ``pngs``, one per page, at ``savefig.dpi``) and display
    those files when the cell ends, in a kernel with the inline backend; elsewhere do nothing. True when
    they will be shown."""
    ip = _shell()
    if ip is None or not inline_backend():
        return False
    import matplotlib.pyplot as plt

    dpi = plt.rcParams["savefig.dpi"]
    for fig, png in zip(pages, pngs):
        _pending.append(bundle(fig, Path(png).read_bytes(), fig.dpi if dpi == "figure" else dpi))
        plt.close(fig)
    if id(ip) not in _hooked:
        ip.events.register("post_execute", _flush)
        _hooked.add(id(ip))
    return True


def _flush() -> None:
    """Display the figures saved in the cell that has just run, in the order saved."""
    if not _pending:
        return
    from IPython.display import display

    while _pending:
        data, meta = _pending.pop(0)
        display(data, raw=True, metadata=meta)
