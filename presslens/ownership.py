"""Which files presslens owns: the marker of its output folders.

**Marker.** A folder presslens writes (``REPORTS_ROOT/SLUG``, ``FIGURES_ROOT/SLUG``) holds a marker,
``.presslens``: JSON written by presslens naming the folder's kind and story, the run that wrote it,
and every file presslens wrote there with its SHA-256. A file is presslens's only when the marker
lists it **and** its bytes still have the listed hash (a regular file, not a link): a file the user
put in the folder, or a presslens file the user has since edited, is the user's. A run (and a
notebook saving a figure outside the runner) replaces or deletes only presslens's files; it keeps
every other file, and refuses, naming the file, when it would have to overwrite one. A folder
without a valid marker is presslens's only when it is empty. A marker is valid for the folder it
names (its ``slug``), and only while it lists at least one file in the folder as presslens wrote it: a
marker copied from another story's folder, or copied alone, proves nothing. A file merely *named* like a marker
(``manifest.json``, an empty ``.presslens``) proves nothing; the only older markers still read are
the exact text older versions wrote (figures) and an older presslens manifest (reports), and then
only the files they describe count as presslens's.

The journals of runs, and the clean-up of what killed runs left, are :mod:`presslens.journals`.

Layer 0: no presslens imports.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
from pathlib import Path

MARKER = ".presslens"
SCHEMA = "presslens output folder"
VERSION = 1
KINDS = ("reports", "figures")
LEGACY_FIGURES_TEXT = ("This folder is written by presslens (presslens run), which may replace it as a whole: "
                       "keep files of your own elsewhere.\n")
_LEGACY_FIGURE = re.compile(r"^[a-z0-9][a-z0-9_-]*\.(png|svg|csv)$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_SAFE_NAME = re.compile(r"^[^/\\\0]+$")
MAX_MARKER = 5_000_000  # bytes; a marker lists file names and hashes
LOCK = ".presslens-run.lock"  # a run writing the folder (presslens.run.lock): never a user's file, never listed
IGNORED = {MARKER, LOCK}  # presslens's own bookkeeping in the folder: never a user's file, never listed


class OwnershipError(ValueError):
    """A file or folder that is not presslens's stands where presslens would write; ``str()`` names it
    and the fix. Raised before anything is written."""


def sha256_file(path: Path) -> str | None:
    """The SHA-256 of the regular file at ``path`` (not following a link), of a folder presslens wrote
    (its files' relative paths and contents: the report's copy of its figures), or None otherwise."""
    try:
        st = os.lstat(path)
        if stat.S_ISDIR(st.st_mode):
            h = hashlib.sha256()
            for sub in sorted(Path(path).rglob("*")):
                if sub.is_symlink():
                    return None  # a link inside is not ours to vouch for
                if sub.is_file():
                    h.update(sub.relative_to(path).as_posix().encode("utf-8", "surrogatepass") + b"\0")
                    h.update((sha256_file(sub) or "").encode() + b"\0")
            return h.hexdigest()
        if not stat.S_ISREG(st.st_mode):
            return None
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


def _valid_files(files) -> bool:
    return (isinstance(files, dict) and len(files) < 100_000
            and all(isinstance(k, str) and _SAFE_NAME.match(k) and k not in (".", "..") and isinstance(v, str)
                    and _HEX64.match(v) for k, v in files.items()))


def read_marker(folder: Path, kind: str) -> dict | None:
    """The folder's marker as a dict (``files``: name -> sha256, ``run``), or None when it has none
    that is valid for ``kind``. Older markers are read as described in the module docstring."""
    folder = Path(folder)
    path = folder / MARKER
    try:
        st = os.lstat(path)
        if stat.S_ISREG(st.st_mode) and st.st_size <= MAX_MARKER:
            raw = path.read_bytes()
        else:
            raw = None
    except OSError:
        raw = None
    if raw is not None:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            data = None
        if (isinstance(data, dict) and data.get("presslens") == SCHEMA and data.get("version") == VERSION
                and data.get("kind") == kind and _valid_files(data.get("files")) and _names_folder(data, folder)):
            return {"files": dict(data["files"]), "run": data.get("run") if isinstance(data.get("run"), dict) else {},
                    "slug": data.get("slug")}
        if kind == "figures" and raw == LEGACY_FIGURES_TEXT.encode():
            return _legacy(folder, [e for e in _names(folder) if _LEGACY_FIGURE.match(e)])
        return None
    if kind == "reports":
        return _legacy_reports(folder)
    return None


def _names_folder(data: dict, folder: Path) -> bool:
    """Whether the marker was written for this folder: its slug is the folder's name (or the name of
    the swap's ``.NAME.new-PID``, where versions before 2026-12 wrote it). A marker copied from another
    story's folder, or from a folder of another name, names that one and vouches for nothing here."""
    slug = data.get("slug")
    return isinstance(slug, str) and (slug == folder.name or re.fullmatch(
        re.escape(f".{folder.name}.new-") + r"\d+", slug) is not None)


def why_not_owned(folder: Path, kind: str) -> str | None:
    """Why presslens may not write into the existing ``folder`` (None: it may): it holds entries and no
    valid marker for it (none, one of another kind, or one naming another folder: copied), or a
    marker that lists none of the files now in it (a marker copied alone vouches for nothing)."""
    folder = Path(folder)
    names = [n for n in _names(folder) if n not in IGNORED] if os.path.lexists(folder) else []
    if not names:
        return None
    marker = read_marker(folder, kind)
    if marker is None:
        try:
            other = json.loads((folder / MARKER).read_bytes()[:MAX_MARKER].decode("utf-8")).get("slug")
        except (OSError, ValueError, UnicodeDecodeError, AttributeError):
            other = None
        if isinstance(other, str) and other != folder.name:
            return (f"its presslens marker {MARKER} names another folder ({other!r}): it was copied from there, "
                    "and proves nothing here")
        return f"no valid presslens marker {MARKER} in it"
    if marker["files"] and not any(sha256_file(folder / n) == h for n, h in marker["files"].items() if n in names):
        return f"its presslens marker {MARKER} lists none of the files in it (a marker copied alone proves nothing)"
    return None


def _names(folder: Path) -> list[str]:
    try:
        return sorted(e.name for e in os.scandir(folder))
    except OSError:
        return []


def _legacy(folder: Path, names: list[str]) -> dict:
    files = {}
    for n in names:
        digest = sha256_file(folder / n)
        if digest:
            files[n] = digest
    return {"files": files, "run": {"by": "an earlier presslens version"}, "slug": folder.name, "legacy": True}


def _legacy_reports(folder: Path) -> dict | None:
    """An older presslens manifest.json (no marker yet): the files it describes are presslens's."""
    path = folder / "manifest.json"
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode) or os.lstat(path).st_size > MAX_MARKER:
            return None
        m = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not (isinstance(m, dict) and isinstance(m.get("story"), str) and isinstance(m.get("inputs_sha256"), dict)
            and isinstance(m.get("notebooks"), list) and all(isinstance(n, str) for n in m["notebooks"])):
        return None
    names = ["manifest.json", "index.html"]
    for nb in m["notebooks"]:
        if re.fullmatch(r"[0-9][0-9]-[\w-]+\.ipynb", nb):
            names += [nb, nb[:-len(".ipynb")] + ".html"]
    return _legacy(folder, [n for n in names if os.path.lexists(folder / n)])


def classify(folder: Path, kind: str) -> tuple[dict | None, dict[str, str], list[str]]:
    """``(marker, ours, foreign)`` for an existing folder: ``ours`` maps presslens's files (listed in
    the marker with the hash they still have) to their hash; ``foreign`` lists every other entry
    (files the user put there or edited, links, sub-folders). ``marker`` is None without a valid one."""
    marker = read_marker(folder, kind)
    listed = marker["files"] if marker else {}
    ours, foreign = {}, []
    for name in _names(folder):
        if name in IGNORED:
            continue
        digest = sha256_file(folder / name) if name in listed else None
        if digest is not None and digest == listed[name]:
            ours[name] = digest
        else:
            foreign.append(name)
    return marker, ours, foreign


def owned(folder: Path, kind: str) -> bool:
    """Whether presslens may write into ``folder``: it does not exist, is empty, or holds a valid marker
    for it (see :func:`why_not_owned`)."""
    return why_not_owned(folder, kind) is None


def write_marker(folder: Path, kind: str, files: dict[str, str], run: dict | None = None,
                 name: str | None = None) -> None:
    """Write ``folder/.presslens`` (atomically) listing ``files`` (name -> sha256) and the ``run``, for
    the folder named ``name`` (default: ``folder``'s own name; the swap prepares a folder under another)."""
    folder = Path(folder)
    data = {"presslens": SCHEMA, "version": VERSION, "kind": kind, "slug": name or folder.name,
            "note": "written by presslens: it lists the files presslens wrote here, and replaces only those; "
                    "files of your own are kept",
            "run": run or {}, "files": dict(sorted(files.items()))}
    tmp = folder / f".presslens.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, folder / MARKER)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def _locked(folder: Path):
    """An advisory lock on ``folder`` (POSIX ``flock`` on the folder itself; nothing elsewhere)."""
    try:
        import fcntl
        fd = os.open(folder, os.O_RDONLY)
    except (ImportError, OSError):
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def claim(folder: Path, kind: str, names: list[str], what: str = "figures folder") -> None:
    """Check that presslens may write ``names`` into ``folder`` (outside a batch run: a notebook saving
    figures): the folder is presslens's (see :func:`owned`) and none of ``names`` is a file that is
    not presslens's. Raises :class:`OwnershipError` naming the folder or the file, and the fix."""
    folder = Path(folder)
    if os.path.lexists(folder) and (folder.is_symlink() or not folder.is_dir()):
        raise OwnershipError(f"the {what} {folder} is not a folder presslens wrote (a file or a link): "
                             "choose another figures_dir, or move it away")
    why = why_not_owned(folder, kind)
    if why:
        raise OwnershipError(f"the {what} {folder} holds files presslens did not write ({why}): "
                             "choose another figures_dir, or move your files elsewhere")
    marker = read_marker(folder, kind) if os.path.lexists(folder) else None
    listed = marker["files"] if marker else {}
    for n in names:
        p = folder / n
        if not os.path.lexists(p):
            continue
        if n in listed and sha256_file(p) == listed[n]:
            continue
        why = "has been changed since presslens wrote it" if n in listed else "was not written by presslens"
        raise OwnershipError(f"{p} {why}, and presslens will not overwrite it: move or rename it, "
                             f"or choose another figures_dir")


def record(folder: Path, kind: str, written: dict[str, str], run: dict | None = None) -> None:
    """Add ``written`` (name -> sha256) to ``folder``'s marker (created when missing), under a lock.
    Listed files that are gone are dropped from the marker."""
    folder = Path(folder)
    with _locked(folder):
        marker = read_marker(folder, kind) or {"files": {}, "run": {}}
        files = {n: h for n, h in marker["files"].items() if os.path.lexists(folder / n)}
        files.update(written)
        write_marker(folder, kind, files, run or marker.get("run") or {"by": "a notebook (outside presslens run)"})


# A figure drawn on several pages is several files: NAME.png / .svg (page 1, and the one CSV), NAME-p2.png /
# .svg, NAME-p3 ... A figure's name never ends in -pN (see presslens.figures.style.save), so a page file names
# its figure and its page.
_PAGE = re.compile(r"^(?P<base>[a-z0-9][a-z0-9_-]*?)-p(?P<k>[0-9]+)\.(?:png|svg)$")


def page_file(name: str) -> tuple[str, int] | None:
    """``(figure name, page number)`` of a page file ``NAME-pK.png`` / ``.svg`` (K >= 2), else None."""
    m = _PAGE.match(name)
    return (m["base"], int(m["k"])) if m and int(m["k"]) >= 2 else None


def superseded(name: str, made: set[str]) -> bool:
    """Whether ``name`` is a page of a figure this run drew again (its ``NAME.png`` is in ``made``) that the
    new drawing no longer has: a figure of 3 pages redrawn on 2 leaves its ``-p3`` files stale."""
    page = page_file(name)
    return bool(page) and f"{page[0]}.png" in made and name not in made


def discard(folder: Path, kind: str, names: list[str]) -> list[str]:
    """Delete those of ``names`` in ``folder`` that are presslens's (listed in the marker with the hash
    they still have); a user's file, or one changed since presslens wrote it, stays. Returns the deleted."""
    folder = Path(folder)
    if not os.path.isdir(folder):
        return []
    gone = []
    with _locked(folder):
        marker = read_marker(folder, kind)
        listed = marker["files"] if marker else {}
        for n in names:
            if n in listed and sha256_file(folder / n) == listed[n]:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(folder / n)
                gone.append(n)
        if gone:
            write_marker(folder, kind, {n: h for n, h in listed.items() if n not in gone},
                         marker.get("run") or {"by": "a notebook (outside presslens run)"})
    return gone


def link_or_copy(src: str, dst: str) -> str:
    """A hard link (the same file, nothing copied), or a copy with its metadata where links fail."""
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)
    return dst


def carry(src: Path, dst: Path, name: str) -> None:
    """Put ``src/name`` (a user's file, link or folder) at ``dst/name`` unchanged, leaving ``src`` as it is."""
    s, d = src / name, dst / name
    if s.is_symlink():
        os.symlink(os.readlink(s), d)
    elif s.is_dir():
        shutil.copytree(s, d, symlinks=True, copy_function=link_or_copy)
    else:
        link_or_copy(str(s), str(d))
