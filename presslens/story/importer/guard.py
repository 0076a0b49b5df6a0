"""Reading a saved page under a time limit: no page makes ``presslens import`` run for minutes.

trafilatura's extraction grows faster than the page (measured on pages of plain paragraphs: 1 MB
0.8 s, 4 MB 4.6 s and 290 MB of memory, 19 MB 390 s and 1.1 GB), and a page can be made of whatever a
site or a saving tool writes. So each page is read in a child process (forked where the system can:
the parent has trafilatura imported already, so a page costs milliseconds more) which is stopped
after :data:`PAGE_SECONDS` (``PRESSLENS_PAGE_SECONDS`` to change it). The page then fails with its
name, the time and the fix; its memory goes back to the system with the child. Nothing is written
by the child: the article is written by the parent, from what the child sent back.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

from presslens.errors import PageError, ParameterError
from . import page as page_module

PAGE_SECONDS = 30.0     # a real article page takes under 2 s; a 4 MB wall of text about 5 s
MAX_PAGE_SECONDS = 3600.0


def page_seconds() -> float:
    """Seconds one page may take: ``PRESSLENS_PAGE_SECONDS`` (above 0, at most an hour), else
    :data:`PAGE_SECONDS`; anything else (abc, 0, nan, inf) is an error naming the variable."""
    raw = (os.environ.get("PRESSLENS_PAGE_SECONDS") or "").strip()
    try:
        seconds = float(raw) if raw else PAGE_SECONDS
    except ValueError:
        seconds = float("nan")
    if 0 < seconds <= MAX_PAGE_SECONDS:   # nan fails both comparisons
        return seconds
    raise ParameterError.bad("environment", "PRESSLENS_PAGE_SECONDS",
                             f"{raw[:40]!r} is not a time limit for one page: it must be a number of seconds above 0 "
                             f"and at most {MAX_PAGE_SECONDS:,.0f}",
                             f"set it to seconds, e.g. PRESSLENS_PAGE_SECONDS=60, or unset it for the default ({PAGE_SECONDS:g} s)")


def _child(path: Path, conn) -> None:
    """Read one page and send back ("ok", result), ("page", reason, fix) or ("bug", type, message)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C and a closed terminal are the parent's to handle:
    if hasattr(signal, "SIGHUP"):                  # it stops this child (and a child orphaned by a parent
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # killed outright gives up at the time limit)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handlers (its clean stop) are not this child's
    _die_with_parent()
    try:
        out = ("ok", page_module.read_page(path))
    except PageError as exc:
        out = ("page", exc.reason, exc.fix)
    except MemoryError:
        out = ("page", "needs more memory than this computer has to extract", _SMALLER)
    except RecursionError:
        out = ("page", "is nested too deeply to extract", _SMALLER)
    except Exception as exc:  # noqa: BLE001 - sent to the parent, which reports it as one line
        out = ("bug", type(exc).__name__, str(exc)[:120])
    try:
        conn.send(out)
    except OSError:  # the parent is gone (killed, or it stopped waiting): nobody to tell
        pass
    finally:
        conn.close()


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this child when the parent dies (even by SIGKILL)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):
        pass


_SMALLER = ("save only the article (the browser's Reader view, then File > Save Page As), or split the page; "
            "PRESSLENS_PAGE_SECONDS=SECONDS allows a page more time")


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def read_page(path: Path, seconds: float | None = None) -> dict:
    """:func:`.page.read_page` in a child process stopped after ``seconds`` (default :func:`page_seconds`).

    Raises :class:`PageError` for the page's own problems, for a page that takes too long (naming the
    limit and the fix) and for a child that dies (out of memory, a crash in the HTML parser)."""
    limit = page_seconds() if seconds is None else seconds
    import trafilatura  # noqa: F401  (imported once here, so a forked child starts with it)
    from lxml import html  # noqa: F401
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(Path(path), child), daemon=True)
    start = time.monotonic()
    proc.start()
    child.close()
    try:
        if not parent.poll(limit):
            size = os.path.getsize(path) / 1e6 if os.path.isfile(path) else 0
            raise PageError(f"took more than {limit:g} s to extract (a page of {size:.1f} MB); stopped",
                            _SMALLER)
        try:
            out = parent.recv()
        except (EOFError, OSError):
            proc.join(5)
            code = proc.exitcode
            how = (f"was killed by signal {-code}" if code is not None and code < 0 else f"exited ({code})")
            raise PageError(f"could not be extracted: the extracting process {how}, probably out of memory "
                            f"after {time.monotonic() - start:.0f} s", _SMALLER) from None
    finally:
        parent.close()
        if proc.is_alive():
            proc.kill()
        proc.join(5)
    if out[0] == "ok":
        return out[1]
    if out[0] == "page":
        raise PageError(out[1], out[2])
    raise PageError(f"could not be read as a web page ({out[1]}: {out[2]})",  # a bug of the HTML tools or ours
                    "save the page again (File > Save Page As, 'Web Page, HTML only')")
