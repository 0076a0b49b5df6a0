"""Rendered figures kept on disk: a warm run writes a figure's PNG and SVG bytes instead of drawing them.

Laying out and rendering the figures (PNG, then SVG) was about 40% of a warm run's CPU. A figure page
that was rendered before is found by what it *is*, not by the call that built it: :func:`page_key` hashes
the page's whole state as pickled (every artist, text, colour, transform and size; matplotlib rebuilds an
identical figure from it), made canonical (a transform's ``_parents``, back-references keyed by memory
address that rendering never reads, and a figure's pyplot number are left out; a grouper's sets are put in
its recorded order), with
the one key scheme's other ingredients (:mod:`.keys`): the code that saves (``figures/style.py``), the
libraries' versions and those that render (matplotlib, Pillow, FreeType), every rcParam in force while
saving, and the fonts matplotlib can choose from. A page that cannot be pickled is not cached.
``PRESSLENS_NO_RESULT_CACHE=1`` turns this cache off too. Entries go through :mod:`.store` (signed, atomic).
"""
from __future__ import annotations

import functools
import hashlib
import io
import pickle
from pathlib import Path

from presslens import paths
from . import keys, memo, store

SAVE_CODE = ("figures/style.py",)  # how a page is written (formats, metadata, the tight box)


@functools.lru_cache(maxsize=1)
def _renderer() -> str:
    """The versions of what renders (matplotlib, Pillow, FreeType) and the fonts matplotlib can choose
    from (their files and names), with the saving code and the libraries of :mod:`.keys`."""
    from importlib import metadata

    import matplotlib
    from matplotlib import font_manager, ft2font

    fonts = sorted((f.fname, f.name, f.style, f.variant, str(f.weight), f.stretch)
                   for f in font_manager.fontManager.ttflist + font_manager.fontManager.afmlist)
    versions = [matplotlib.__version__, ft2font.__freetype_version__]
    for name in ("pillow", "fonttools", "contourpy", "kiwisolver"):
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=absent")
    return keys.digest(keys.tree_hash(paths.PACKAGE, SAVE_CODE), keys.library_versions(), repr(versions), repr(fonts))


def _canonical_pickler():
    import matplotlib.transforms as mtransforms
    from matplotlib import cbook
    from matplotlib.figure import Figure

    class Canonical(pickle.Pickler):
        def reducer_override(self, obj):
            if isinstance(obj, mtransforms.TransformNode):  # its parents are keyed by id(): left out
                state = obj.__getstate__()
                state.pop("_parents", None)
                return type(obj), (), state
            if isinstance(obj, cbook.Grouper):  # sets of artists (hashed by id): in the grouper's order
                state = obj.__getstate__()
                order = state.get("_ordering", {})
                state["_mapping"] = [(k, sorted(v, key=order.__getitem__))
                                     for k, v in sorted(state["_mapping"].items(), key=lambda kv: order[kv[0]])]
                state["_ordering"] = sorted(order.values())
                return type(obj), (), state
            if isinstance(obj, Figure):  # pyplot's number for it, and whether pyplot holds it: not drawn
                state = obj.__getstate__()
                state.pop("_number", None)
                state.pop("_restore_to_pylab", None)
                return type(obj), (), state
            return NotImplemented

    return Canonical


def page_key(page) -> str | None:
    """The key of one figure page's rendered files (see the module's note), or None when the page cannot
    be pickled (it is then rendered every time)."""
    import matplotlib

    buf = io.BytesIO()
    try:
        _canonical_pickler()(buf, protocol=5).dump(page)
    except Exception:  # an artist that does not pickle (a lambda, an open file): not cached
        return None
    rc = repr(sorted((k, repr(v)) for k, v in matplotlib.rcParams.items()))
    return keys.digest("figure-page", _renderer(), rc, hashlib.sha256(buf.getvalue()).hexdigest())[:40]


def _path(key: str) -> Path:
    return store.cache_dir() / "figures" / key[:2] / f"{key}.pkl"


def _valid(v) -> bool:
    return isinstance(v, dict) and set(v) == {"png", "svg"} and all(isinstance(b, bytes) for b in v.values())


def load(key: str | None) -> dict[str, bytes] | None:
    """The ``{"png": bytes, "svg": bytes}`` kept under ``key``, or None (no key, none kept, cache off)."""
    if key is None or memo.result_cache_off():
        return None
    return store.load(_path(key), valid=_valid)


def keep(key: str | None, files: dict[str, bytes]) -> None:
    """Keep a page's rendered ``files`` (``png`` and ``svg`` bytes) under ``key``."""
    if key is None or memo.result_cache_off() or not _valid(files):
        return
    store.store(_path(key), dict(files))
