"""One run at a time into one reports folder: the lock file ``REPORTS_ROOT/NAME/.presslens-run.lock``.

Two runs writing the same story's reports at once would each build an index and a manifest listing
its own notebooks, and the last one to finish would win. A run therefore takes the lock before it
starts a notebook: the file is created exclusively (``O_EXCL``) and holds the run's PID, host and
process start time. A second run finds it and refuses, naming the lock, the run holding it and the
fix. A lock left by a run that is provably dead (same host; its PID is gone or now belongs to a
process started at another time, :func:`presslens.journals.dead`) is taken over, with a note. The lock
travels with the folder through the swap (:func:`presslens.run.outputs.swap_all`) and is removed when
the run ends, however it ends.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import time
from pathlib import Path
from typing import Callable

from presslens import journals, ownership, paths
from presslens.errors import RunError

LOCK = ownership.LOCK


def _read(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_bytes()[:100_000].decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) and data.get("presslens") == "run lock" else None


def _holder(data: dict | None) -> str:
    if data is None:
        return "a run presslens cannot identify (the lock file is not one presslens wrote, or is unreadable)"
    when = data.get("started_at") or "at an unknown time"
    return f"pid {data.get('pid')} on {data.get('host')}, started {when}"


class RunLock:
    """The lock of one run on ``folder`` (the run's final reports folder)."""

    def __init__(self, folder: Path, created: bool):
        self.folder, self.path, self.created = folder, folder / LOCK, created

    @classmethod
    def acquire(cls, folder: str | Path, log: Callable[[str], object] = print) -> "RunLock":
        """Take the lock on ``folder`` (created when missing), or raise :class:`RunError` naming the lock
        and the fix when another live run holds it. A dead run's lock is taken over, and ``log`` says so."""
        folder = Path(folder)
        created = not os.path.lexists(folder)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOCK
        me = {"presslens": "run lock", "version": 1, "pid": os.getpid(), "host": socket.gethostname(),
              "started": journals.start_time(os.getpid()),
              "started_at": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
              "note": "written by presslens run while it writes this folder; removed when the run ends"}
        for _ in range(3):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                data = _read(path)
                if data is not None and journals.dead(data):
                    stale = path.with_name(f"{LOCK}.stale-{os.getpid()}")
                    try:
                        os.replace(path, stale)   # one run takes it over: the others find it gone, or new
                    except OSError:
                        continue
                    with contextlib.suppress(OSError):
                        stale.unlink()
                    log(f"presslens: took over the lock {paths.display(path)} left by a run that ended without "
                        f"removing it ({_holder(data)}; that process is gone)")
                    continue
                if data is None and _young(path):  # being written by a run starting this instant
                    time.sleep(0.2)
                    data = _read(path)
                raise RunError(f"another presslens run is writing {paths.display(folder)}/ ({_holder(data)}): its lock "
                               f"is {paths.display(path)}. Fix: wait for that run to finish and run again; if no "
                               "presslens run is running (a crash on another machine, a copied folder), delete "
                               "that lock file and run again")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(me, indent=1) + "\n")
            return cls(folder, created)
        raise RunError(f"could not take the lock {paths.display(path)}: other runs keep taking it. Fix: wait for "
                       "them to finish and run again")

    def release(self) -> None:
        """Remove the lock if it is still this run's (and the folder, if this run created it and left it empty)."""
        data = _read(self.path)
        if data is not None and data.get("pid") == os.getpid() and data.get("host") == socket.gethostname():
            with contextlib.suppress(OSError):
                self.path.unlink()
        if self.created:
            with contextlib.suppress(OSError):
                self.folder.rmdir()   # only when empty: a run that failed before writing anything


def _young(path: Path) -> bool:
    try:
        return time.time() - os.lstat(path).st_mtime < 2.0
    except OSError:
        return False
