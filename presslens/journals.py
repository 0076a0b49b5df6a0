"""Which leftovers of killed runs presslens may remove: the journals of runs.

A run writes ``ROOT/.presslens-run-SLUG-PID-TOKEN.json`` in each output root *before* it creates a
folder there, naming every folder it may create (its staging folder, ``.SLUG.new-PID``,
``.SLUG.old-PID``), its host, PID and process start time, and removes the journal when it ends. The
clean-up of killed runs (:func:`clean_dead`) touches only folders named by a journal whose run is
provably dead (same host; the PID is gone, or now belongs to a process started at another time).
A folder that merely looks like a leftover (``.SLUG.old-20231215``, a user's backup) is never
touched. (The marker of presslens's output folders is :mod:`presslens.ownership`.)

Layer 0: no presslens imports.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import stat
import time
from pathlib import Path

_SAFE_NAME = re.compile(r"^[^/\\\0]+$")


JOURNAL = re.compile(r"^\.presslens-run-(.+)-(\d+)-([0-9a-f]{8})\.json$")


def _start_time(pid: int) -> float | None:
    try:
        import psutil
        return round(psutil.Process(pid).create_time(), 2)
    except Exception:  # psutil missing, process gone, access denied
        return None


def start_time(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch, as psutil gives it), or None when unknown."""
    return _start_time(pid)


class Journal:
    """The folders one run may create in one output root (see the module docstring)."""

    def __init__(self, root: Path, slug: str, token: str | None = None):
        self.root, self.slug = Path(root), slug
        self.token = token or secrets.token_hex(4)
        self.path = self.root / f".presslens-run-{slug}-{os.getpid()}-{self.token}.json"
        self.folders: list[str] = []

    def add(self, *names: str) -> None:
        """Name folders this run may create, before it creates them (the journal is rewritten atomically)."""
        self.folders += [n for n in names if n not in self.folders]
        data = {"presslens": "run journal", "version": 1, "slug": self.slug, "pid": os.getpid(),
                "host": socket.gethostname(), "started": _start_time(os.getpid()), "written": time.time(),
                "folders": self.folders}
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()


def _alive(pid: int) -> bool:
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


def dead(journal: dict) -> bool:
    """Whether the run a journal describes is provably dead: written on this host, and its PID is
    gone or now belongs to a process started at another time. Anything uncertain counts as alive."""
    pid = journal.get("pid")
    if not isinstance(pid, int) or journal.get("host") != socket.gethostname():
        return False
    if pid == os.getpid():
        return False
    if not _alive(pid):
        return True
    started = journal.get("started")
    now = _start_time(pid)
    return isinstance(started, (int, float)) and now is not None and abs(now - started) > 1.0


def _read_journal(path: Path) -> dict | None:
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode) or os.lstat(path).st_size > 100_000:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if (isinstance(data, dict) and data.get("presslens") == "run journal" and isinstance(data.get("folders"), list)
            and all(isinstance(f, str) and _SAFE_NAME.match(f) and f.startswith(".") and f not in (".", "..")
                    for f in data["folders"])):
        return data
    return None


def clean_dead(roots: list[Path], slug: str, display=str) -> list[str]:
    """Remove what runs of ``slug`` that were killed left in ``roots``: only the folders their journals
    name, and only when the run is provably dead (:func:`dead`). A swap's old folder whose live
    folder is missing is put back instead. Returns what was done, for the log."""
    done = []
    for root in dict.fromkeys(Path(r) for r in roots):
        try:
            entries = sorted(root.iterdir()) if root.is_dir() else []
        except OSError:
            continue
        for entry in entries:
            m = JOURNAL.match(entry.name)
            if not m or m.group(1) != slug:
                continue
            data = _read_journal(entry)
            if data is None or data.get("slug") != slug or not dead(data):
                continue
            ok = True
            for name in data["folders"]:
                folder = root / name
                if not os.path.lexists(folder):
                    continue
                if folder.is_symlink() or not folder.is_dir():
                    ok = False  # not what the run made: leave it
                    continue
                live = root / slug
                if name == f".{slug}.old-{data['pid']}" and not os.path.lexists(live):
                    try:
                        os.replace(folder, live)
                        done.append(f"put {display(live)} back")
                    except OSError:
                        ok = False
                    continue
                shutil.rmtree(folder, ignore_errors=True)
                if os.path.lexists(folder):
                    ok = False
                else:
                    done.append(f"removed {display(folder)}")
            if ok:
                with contextlib.suppress(OSError):
                    entry.unlink()
    return done
