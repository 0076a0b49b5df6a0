"""Output safety for batch runs: the checks before a run, the all-or-nothing swap with rollback,
and the clean-up of what killed runs left behind.

A folder presslens did not write is never replaced or deleted: ownership is proven by a marker
(``manifest.json`` in ``REPORTS_ROOT/SLUG``, ``.presslens`` in ``FIGURES_ROOT/SLUG``). Used by
:mod:`presslens.run.runner`; see its docstring for the whole story.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from presslens.errors import OutputError, RunError  # noqa: F401 (re-exported)
from presslens import paths


MARKER = ".presslens"  # in FIGURES_ROOT/SLUG: proves presslens wrote the folder (reports: manifest.json)
MARKER_TEXT = ("This folder is written by presslens (presslens run), which may replace it as a whole: "
               "keep files of your own elsewhere.\n")
MANIFEST = "manifest.json"

# ---------------------------------------------------------------------------------------------
# Output safety: the checks before a run, the all-or-nothing swap, leftovers of killed runs
# ---------------------------------------------------------------------------------------------

def _writable(folder: Path) -> bool:
    """Whether files can be created in ``folder``: its permissions say so and a probe file can be made
    (and is removed again); the probe catches read-only file systems and ACLs that ``os.access`` misses."""
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    try:
        fd, probe = tempfile.mkstemp(prefix=".presslens-probe-", dir=folder)
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return True


def _check_root(root: Path, what: str, flag: str) -> None:
    """The reports or figures root is a folder, or can be created, and is writable."""
    shown = paths.display(root)
    if root.is_symlink() and not root.exists():
        raise OutputError(f"the {what} root {shown} is a broken link: choose another {flag} root, or fix the link")
    if root.exists() and not root.is_dir():
        raise OutputError(f"the {what} root {shown} is a file, not a folder: choose another {flag} root (a folder)")
    existing = root
    while not os.path.lexists(existing):
        existing = existing.parent
    if existing != root and not existing.is_dir():
        raise OutputError(f"the {what} root {shown} cannot be created ({paths.display(existing)} is a file): "
                          f"choose another {flag} root")
    if not _writable(existing):
        if existing == root:
            raise OutputError(f"the {what} root {shown} is not writable: choose another {flag} root, or make it writable")
        raise OutputError(f"the {what} root {shown} cannot be created ({paths.display(existing)} is not writable): "
                          f"choose another {flag} root")


def _holds_story(folder: Path) -> Path | None:
    """A story folder (one holding ``story.yaml``) at or under ``folder``, or None."""
    for here, dirs, files in os.walk(folder):
        if "story.yaml" in files:
            return Path(here)
        dirs.sort()
    return None


def _check_target(final: Path, what: str, flag: str, marker: str, story_real: Path) -> None:
    """``ROOT/SLUG`` may be replaced by this run: it is not, inside or around the story folder or any
    folder holding a ``story.yaml``, and if it exists it is a folder presslens wrote (``marker`` in it)
    or an empty one."""
    shown = paths.display(final)
    real = Path(os.path.realpath(final))
    fix = f"choose another {flag} root"
    if real == story_real:
        raise OutputError(f"the {what} folder {shown} is the story folder itself, which the run would replace: {fix}")
    if story_real in real.parents:
        raise OutputError(f"the {what} folder {shown} is inside the story folder {paths.display(story_real)}: {fix}")
    if real in story_real.parents:
        raise OutputError(f"the {what} folder {shown} holds the story folder {paths.display(story_real)}, "
                          f"which the run would replace: {fix}")
    for folder in (real, *real.parents):
        if (folder / "story.yaml").is_file():
            where = "is a story folder" if folder == real else f"is inside the story folder {paths.display(folder)}"
            raise OutputError(f"the {what} folder {shown} {where} (it holds story.yaml): {fix}")
    if not os.path.lexists(final):
        return
    if final.is_symlink():
        raise OutputError(f"the {what} folder {shown} is a symbolic link, which presslens will not replace: "
                          f"{fix}, or remove the link yourself")
    if not final.is_dir():
        raise OutputError(f"the {what} folder {shown} is a file, not a folder presslens wrote: {fix}, "
                          "or remove the file yourself")
    try:
        entries = [e.name for e in os.scandir(final)]
    except OSError as exc:
        raise OutputError(f"the {what} folder {shown} cannot be read ({exc.strerror or exc}): {fix}") from None
    if entries and marker not in entries:
        raise OutputError(f"the {what} folder {shown} already exists and was not written by presslens "
                          f"(no {marker} in it): {fix}, or remove the folder yourself")
    if not os.access(final, os.W_OK | os.X_OK):
        raise OutputError(f"the {what} folder {shown} is not writable: {fix}, or make it writable")
    inner = _holds_story(final) if entries else None
    if inner is not None:
        raise OutputError(f"the {what} folder {shown} holds the story folder {paths.display(inner)}, "
                          f"which the run would replace: {fix}")


def check_outputs(story_path: Path, reports_root: Path, figures_root: Path, slug: str) -> None:
    """Every check of the output folders, before anything is written; raises :class:`OutputError`."""
    _check_root(reports_root, "reports", "--reports")
    _check_root(figures_root, "figures", "--figures")
    check_targets(story_path, reports_root / slug, figures_root / slug)


def check_targets(story_path: Path, final_reports: Path, final_figs: Path) -> None:
    story_real = Path(os.path.realpath(story_path))
    rr, fr = Path(os.path.realpath(final_reports)), Path(os.path.realpath(final_figs))
    if rr == fr or rr in fr.parents or fr in rr.parents:  # one swap would replace the other's folder
        raise OutputError(f"the reports folder {paths.display(final_reports)} and the figures folder "
                          f"{paths.display(final_figs)} overlap: give --reports and --figures different roots")
    _check_target(final_reports, "reports", "--reports", MANIFEST, story_real)
    _check_target(final_figs, "figures", "--figures", MARKER, story_real)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (one of another user's counts; a reused PID errs on the safe side)."""
    if pid <= 0:
        return True
    if os.name != "posix":  # on Windows os.kill(pid, 0) would terminate the process
        try:
            import psutil
            return psutil.pid_exists(pid)
        except ImportError:  # pragma: no cover
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


_STAGING_NAME = re.compile(r"^\.staging-(.+)-pid(\d+)-[^-]*$")
_SWAP_NAME = re.compile(r"^\.(.+)\.(old|new)-(\d+)$")


def _ours(folder: Path) -> bool:
    """True when ``folder`` carries presslens's mark: a manifest (reports) or the figures marker."""
    return (folder / "manifest.json").is_file() or (folder / MARKER).is_file()


def clean_stale(roots: list[Path], slug: str) -> list[str]:
    """Remove what runs killed without their clean-up left in ``roots``: staging folders and the swap's
    ``.SLUG.new-PID`` / ``.SLUG.old-PID`` folders of THIS story whose process is gone and which carry
    presslens's mark (anything else, e.g. a user's ``.notes.old-2024``, is never touched). An old folder
    whose live folder is missing (the swap was cut between its moves) is put back. Returns what was
    done, for the log."""
    done = []
    for root in dict.fromkeys(roots):
        try:
            entries = sorted(root.iterdir()) if root.is_dir() else []
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink() or not entry.is_dir():
                continue
            m = _STAGING_NAME.match(entry.name)
            if (m and not _alive(int(m.group(2)))
                    and {p.name for p in entry.iterdir()} <= {"reports", "figures", "logs"}):
                shutil.rmtree(entry, ignore_errors=True)
                done.append(f"removed {paths.display(entry)}")
                continue
            m = _SWAP_NAME.match(entry.name)
            if not m or m.group(1) != slug or _alive(int(m.group(3))) or not _ours(entry):
                continue
            live = entry.with_name(m.group(1))
            if m.group(2) == "old" and not os.path.lexists(live):
                try:
                    os.replace(entry, live)
                    done.append(f"put {paths.display(live)} back")
                except OSError:
                    pass
            else:
                shutil.rmtree(entry, ignore_errors=True)
                done.append(f"removed {paths.display(entry)}")
    return done


def _rename(src: Path, dst: Path) -> None:
    """One step of the swap: an atomic rename within one folder."""
    os.replace(src, dst)


def swap_all(moves: list[tuple[Path, Path, bool]], done: Callable[[], None] = lambda: None) -> list[Path]:
    """Put each staged folder at its final place, all or nothing: ``moves`` holds ``(staged, final,
    replace_all)``; with replace_all the final folder is replaced as a whole, else the staged files are
    laid over a copy of it. First every new folder is prepared beside its final place (``.NAME.new-PID``),
    then every old folder is renamed aside (``.NAME.old-PID``), then every new one renamed in. If any
    step fails, or an interrupt arrives, what was moved in is taken out and the old folders are put
    back. ``done()`` is called once everything is in place. Returns the old folders, to be deleted."""
    pid = os.getpid()
    ready: list[tuple[Path, Path]] = []
    aside: list[tuple[Path, Path]] = []
    placed: list[tuple[Path, Path]] = []
    try:
        for staged, final, replace_all in moves:
            final.parent.mkdir(parents=True, exist_ok=True)
            new = final.with_name(f".{final.name}.new-{pid}")
            shutil.rmtree(new, ignore_errors=True)
            ready.append((new, final))
            if not replace_all and final.is_dir():
                shutil.copytree(final, new, symlinks=True)
                for f in sorted(staged.rglob("*")):
                    if f.is_file():
                        dest = new / f.relative_to(staged)
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        shutil.move(str(f), str(dest))
            else:
                shutil.move(str(staged), str(new))  # a rename when on the same file system, else a copy
        for new, final in ready:
            if os.path.lexists(final):
                old = final.with_name(f".{final.name}.old-{pid}")
                shutil.rmtree(old, ignore_errors=True)
                _rename(final, old)
                aside.append((old, final))
        for new, final in ready:
            _rename(new, final)
            placed.append((new, final))
        done()
    except BaseException as exc:
        lost = []
        for new, final in reversed(placed):
            with contextlib.suppress(OSError):
                os.replace(final, new)
        for old, final in reversed(aside):
            try:
                os.replace(old, final)
            except OSError as err:
                lost.append(f"{paths.display(old)} could not be put back at {paths.display(final)} ({err})")
        for new, _ in ready:
            shutil.rmtree(new, ignore_errors=True)
        if lost and isinstance(exc, Exception):
            raise RunError("moving the new reports and figures into place failed "
                           f"({type(exc).__name__}: {exc}), and " + "; ".join(lost)
                           + ": move them back by hand") from exc
        raise
    return [old for old, _ in aside]
