"""Output safety for batch runs: the checks before a run, the all-or-nothing swap with rollback,
and the clean-up of what killed runs left behind.

A file presslens did not write is never replaced or deleted: ownership is proven by presslens's
marker (``.presslens`` in ``REPORTS_ROOT/SLUG`` and ``FIGURES_ROOT/SLUG``, listing the files presslens
wrote with their hashes; see :mod:`presslens.ownership`). Used by :mod:`presslens.run.runner`; see its
docstring for the whole story.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from presslens.errors import OutputError, RunError  # noqa: F401 (re-exported)
from presslens import journals, limits, ownership, paths


MARKER = ownership.MARKER  # in REPORTS_ROOT/SLUG and FIGURES_ROOT/SLUG: the files presslens wrote there
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
    if paths.undecodable(root):  # the manifest, the marker and the reports record it: it must be text
        raise OutputError(f"the {what} root {shown} is not valid UTF-8 text (the bytes that are not are shown as "
                          f"\\xNN): choose another {flag} root, or rename the folder with letters, digits and '-'")
    if limits.dangling(root):
        raise OutputError(f"the {what} root {shown} is {limits.dangling(root)}: choose another {flag} root, "
                          "or fix the link")
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


def _check_target(final: Path, what: str, flag: str, story_real: Path) -> None:
    """``ROOT/SLUG`` may be written by this run: it is not, inside or around the story folder or any
    folder holding a ``story.yaml``, and if it exists it is a folder presslens wrote (a valid marker in
    it) or an empty one."""
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
    why = ownership.why_not_owned(final, what) if entries else None
    if why:
        raise OutputError(f"the {what} folder {shown} already exists and was not written by presslens "
                          f"({why}): {fix}, or move the folder away yourself")
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
    _check_target(final_reports, "reports", "--reports", story_real)
    _check_target(final_figs, "figures", "--figures", story_real)


def check_export_target(story_path: Path, final: Path) -> None:
    """``presslens export``'s folder may be written: its parent can hold it, it is not (in, or around) a
    story folder, and if it exists it is a folder presslens wrote (a valid marker) or an empty one.
    Raises :class:`OutputError` naming it and the fix (--out) before anything is written."""
    _check_root(final.parent, "exports", "--out")
    _check_target(final, "exports", "--out", Path(os.path.realpath(story_path)))


def clean_stale(roots: list[Path], slug: str) -> list[str]:
    """Remove what killed runs of this story left in ``roots``: only folders named by the journal of a
    run that is provably dead (:func:`presslens.journals.clean_dead`); a folder that merely looks like
    a leftover (a user's ``.SLUG.old-2024`` backup) is never touched. Returns what was done, for the log."""
    return journals.clean_dead(roots, slug, paths.display)


def conflicts(moves: list[tuple[Path, Path, bool, str]]) -> list[str]:
    """Files of the user's (not presslens's, see :mod:`presslens.ownership`) that this run's staged
    files would overwrite, as ``folder/name`` lines; empty when the swap loses nothing. A folder
    presslens writes as a whole (the report's ``figures/``) that the user changed is named by the
    files in it that presslens did not write, not by the folder."""
    figures: dict[str, str] = {}  # the figures presslens wrote: the report's copies of them are presslens's too
    for _, final, _, kind in moves:
        if kind == "figures" and final.is_dir():
            figures.update(ownership.classify(final, kind)[1])
    out = []
    for staged, final, _, kind in moves:
        if not final.is_dir():
            continue
        _, ours, foreign = ownership.classify(final, kind)
        for name in sorted(set(foreign) & {p.name for p in staged.iterdir()}):
            inner = _not_ours_inside(final / name, staged / name, figures)
            out.extend(paths.display(final / name / rel) for rel in inner) if inner else \
                out.append(paths.display(final / name))
    return out


def _not_ours_inside(folder: Path, staged: Path, known: dict[str, str]) -> list[str]:
    """The files in a folder of presslens's (``folder``, not a link) that presslens did not write: neither
    this run's copy (``staged``) nor a figure presslens wrote (``known``: name -> sha256) has their bytes."""
    if folder.is_symlink() or not folder.is_dir() or not staged.is_dir():
        return []
    out = []
    for sub in sorted(folder.rglob("*")):
        if sub.is_dir() and not sub.is_symlink():
            continue
        rel = sub.relative_to(folder)
        digest = ownership.sha256_file(sub)
        if digest is None or digest not in (ownership.sha256_file(staged / rel), known.get(sub.name)):
            out.append(rel.as_posix())
    return out


def _rename(src: Path, dst: Path) -> None:
    """One step of the swap: an atomic rename within one folder."""
    os.replace(src, dst)


def swap_all(moves: list[tuple[Path, Path, bool, str]], done: Callable[[], None] = lambda: None,
              run: dict | None = None) -> list[Path]:
    """Put each staged folder at its final place, all or nothing: ``moves`` holds ``(staged, final,
    replace_all, kind)``. The new folder holds the staged files, every file of the final folder that is
    not presslens's (the user's: kept as it is, hard-linked), and, without replace_all, presslens's
    earlier files that this run did not make (but the pages of a figure it drew again on fewer pages,
    :func:`presslens.ownership.superseded`); with replace_all presslens's earlier files go. Its marker
    lists presslens's files. Call :func:`conflicts` first: a staged file never overwrites a user's.
    First every new folder is prepared beside its final place (``.NAME.new-PID``), then every old
    folder is renamed aside (``.NAME.old-PID``), then every new one renamed in. If any step fails, or
    an interrupt arrives, what was moved in is taken out and the old folders are put back. ``done()``
    is called once everything is in place. Returns the old folders, to be deleted."""
    pid = os.getpid()
    ready: list[tuple[Path, Path]] = []
    aside: list[tuple[Path, Path]] = []
    placed: list[tuple[Path, Path]] = []
    try:
        for staged, final, replace_all, kind in moves:
            final.parent.mkdir(parents=True, exist_ok=True)
            new = final.with_name(f".{final.name}.new-{pid}")
            shutil.rmtree(new, ignore_errors=True)
            ready.append((new, final))
            _, ours, foreign = ownership.classify(final, kind) if final.is_dir() else (None, {}, [])
            staged_names = {p.name for p in staged.iterdir()} - ownership.IGNORED
            clash = sorted(set(foreign) & staged_names)
            if clash:  # conflicts() said so before; the folder changed since
                raise OutputError(f"{paths.display(final / clash[0])} is not presslens's, and this run would "
                                  "overwrite it: move or rename it, then run again")
            with contextlib.suppress(FileNotFoundError):
                (staged / ownership.MARKER).unlink()
            shutil.move(str(staged), str(new))  # a rename when on the same file system, else a copy
            files = {n: ownership.sha256_file(new / n) for n in staged_names}
            for name in foreign:  # the user's files stay, unchanged
                ownership.carry(final, new, name)
            if os.path.lexists(final / ownership.LOCK):  # the run's lock stays with the folder until the run ends
                ownership.carry(final, new, ownership.LOCK)
            if not replace_all:  # presslens's earlier files stay, but for pages a redrawn figure no longer has
                for name, digest in ours.items():
                    if name not in staged_names and not ownership.superseded(name, staged_names):
                        ownership.link_or_copy(str(final / name), str(new / name))
                        files[name] = digest
            ownership.write_marker(new, kind, {n: h for n, h in files.items() if h}, run, name=final.name)
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
