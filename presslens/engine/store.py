"""The on-disk cache shared by the per-article stage, the story tables and the screening.

Entries are pickles under ``.cache/presslens/`` (or ``PRESSLENS_CACHE``), keyed by the caller from
its inputs and code, written atomically; a missing, corrupt or foreign entry reads as None and is
rebuilt, never trusted; a read-only checkout still works, only slower. Each entry is wrapped in an
envelope naming presslens, the format and its own file name, and the caller may check the value's
shape: a valid pickle of anything else at that place (another tool's, another version's, a copy of
another entry) is a miss, not a crash. A write that fails (a full disk) leaves no partial file.

Unpickling runs code, so no file is unpickled unless it is signed: each entry starts with an HMAC-SHA256
of its bytes and its file name, keyed by a random secret made once per cache folder (``cache-key`` in
its root, readable by its owner only, mode 0600). An entry planted or copied in by anyone who cannot
read that key (another tool, a cache restored from elsewhere, a hostile file) is a miss, said once on
stderr, and is never unpickled. Whoever can read the key can sign entries: keep the cache folder
as private as the code.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import io
import json
import os
import pickle
import secrets
import sys
import time
from pathlib import Path
from typing import Any, Callable

FORMAT = "presslens cache entry"
VERSION = 1
MAGIC = b"presslens-cache-signed-1\n"  # then 32 bytes of HMAC-SHA256, then the pickle
KEY_FILE = "cache-key"

from presslens import paths


def cache_dir() -> Path:
    return Path(os.environ.get("PRESSLENS_CACHE") or paths.REPO_ROOT / ".cache" / "presslens")


def _real(p: str | Path) -> Path:
    return Path(os.path.realpath(os.path.expanduser(str(p))))


def check_cache_apart(folder: str | Path, what: str) -> None:
    """Refuse, before anything is read or written, a PRESSLENS_CACHE that is ``folder`` or lies inside
    it (the story folder: its cache folders and entries would land among the user's files; export's
    --out: it would fill the folder export must own), or, for an output folder (``what`` not "story"),
    one that holds ``folder``. Raises :class:`~presslens.errors.StoryError` naming the variable and the fix."""
    from presslens.errors import Problem, StoryError

    given = os.environ.get("PRESSLENS_CACHE")
    if not given:
        return
    cache, there = _real(given), _real(folder)
    inside = cache == there or there in cache.parents
    holds = what != "story" and cache in there.parents
    if inside or holds:
        where = ("is the " if cache == there else "is inside the " if inside else "holds the ") + \
            (f"story folder {paths.display(there)}" if what == "story" else f"{what} folder {paths.display(there)}")
        raise StoryError([Problem("PRESSLENS_CACHE", "PRESSLENS_CACHE",
                                  f"{paths.printable(given)} {where}: the cache's folders and files would be written "
                                  "there, among " + ("your story's files" if what == "story" else "the output"),
                                  "point PRESSLENS_CACHE at a folder of its own outside the story and the output "
                                  "folders (e.g. export PRESSLENS_CACHE=~/.cache/presslens), or unset it for the default")])


_KEYS: dict[str, bytes | None] = {}
_WARNED: set[str] = set()


def _key(create: bool) -> bytes | None:
    """This cache folder's secret (made, mode 0600, the first time ``create`` is true), or None when it
    cannot be read or made (every entry is then a miss). A read-only checkout's default folder is
    silent; a PRESSLENS_CACHE that cannot be used, or a key file that is a folder or too short, is
    said once (:func:`_off`)."""
    root = cache_dir()
    got = _KEYS.get(str(root))
    if got is not None:
        return got
    file = root / KEY_FILE
    try:
        got = file.read_bytes()
    except IsADirectoryError:
        return _off(file, "is a folder, not the cache's key file", f"remove that folder (rm -r {file}); the next "
                    "run makes a new key")
    except OSError:
        if not create:
            return None
        try:  # made beside it and linked into place: two processes starting at once agree on one key
            root.mkdir(parents=True, exist_ok=True)
            tmp = root / f"{KEY_FILE}.{os.getpid()}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(secrets.token_bytes(32))
            with contextlib.suppress(FileExistsError):
                os.link(tmp, file)
            tmp.unlink()
            got = file.read_bytes()
        except OSError as exc:
            if os.environ.get("PRESSLENS_CACHE"):  # asked for, and unusable: said (the default folder is not)
                why = "it is a file, not a folder" if root.is_file() else (exc.strerror or str(exc))
                return _off(root, f"named by PRESSLENS_CACHE, cannot be used as the cache folder ({why})",
                            "point PRESSLENS_CACHE at a folder you can write, or unset it")
            return None
    if len(got) < 32:  # emptied or cut: every entry would be a miss, for good
        return _off(file, f"holds {len(got)} bytes, not the cache's 32-byte key (emptied or cut short)",
                    f"delete it (rm {file}); the next run makes a new key")
    _KEYS[str(root)] = got
    return got


def _off(path: Path, problem: str, fix: str) -> None:
    """Say once (in this process and the workers it starts) that the cache is off, and why; None."""
    said = f"{path}|{problem}"
    if said not in _WARNED and os.environ.get(_SAID) != said:
        _WARNED.add(said)
        os.environ[_SAID] = said  # worker processes inherit it: one notice per run, not one per worker
        print(f"presslens: {path}: {problem}, so the cache is off: every result is computed again (slower, "
              f"never wrong). Fix: {fix}.", file=sys.stderr)
    return None


_SAID = "PRESSLENS_CACHE_OFF_SAID"


def _mac(key: bytes, name: str, payload: bytes) -> bytes:
    return hmac.new(key, name.encode("utf-8", "surrogatepass") + b"\0" + payload, hashlib.sha256).digest()


def _unsigned(path: Path) -> None:
    """Say once per cache folder that an entry was not signed; an entry older than the key (written
    before entries were signed) is a miss without a word."""
    root = str(cache_dir())
    try:
        if path.stat().st_mtime < (Path(root) / KEY_FILE).stat().st_mtime:
            return
    except OSError:
        return
    if root not in _WARNED:
        _WARNED.add(root)
        print(f"presslens: {path}: a cache entry not signed with this cache's key ({Path(root) / KEY_FILE}) "
              "was ignored and will be rebuilt, never unpickled. Fix: nothing to do; if you did not copy "
              "entries in, check who else can write to this cache folder.", file=sys.stderr)


def load(path: Path, valid: Callable[[Any], bool] | None = None) -> Any:
    """The object :func:`store` wrote at ``path``, or None when there is none that can be read, the
    entry is not signed with this cache's key (it is then never unpickled), it is not presslens's own
    (no envelope naming this file), or ``valid(value)`` says it is of a foreign shape."""
    try:
        if not path.is_file():
            return None
        data = path.read_bytes()
        key = _key(create=False)
        head = len(MAGIC) + 32
        if (key is None or not data.startswith(MAGIC)
                or not hmac.compare_digest(data[len(MAGIC):head], _mac(key, path.name, data[head:]))):
            _unsigned(path)
            return None
        env = pickle.loads(data[head:])
        if not (isinstance(env, dict) and env.get("format") == FORMAT and env.get("version") == VERSION
                and env.get("name") == path.name):
            return None
        value = env.get("value")
        if value is None or (valid is not None and not valid(value)):
            return None
        return value
    except Exception:  # missing, corrupt or foreign: rebuild, never trust
        return None


def store(path: Path, obj: Any) -> None:
    """Write ``obj`` to ``path`` atomically (temporary file, then rename); silently skipped when the
    cache cannot be written."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        key = _key(create=True)
        if key is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        pickle.dump({"format": FORMAT, "version": VERSION, "name": path.name, "value": obj}, buf,
                    protocol=pickle.HIGHEST_PROTOCOL)
        payload = buf.getvalue()
        with tmp.open("wb") as fh:
            fh.write(MAGIC + _mac(key, path.name, payload) + payload)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        with contextlib.suppress(OSError):  # a full disk: no partial file is left behind
            tmp.unlink()


WAIT = 900.0  # seconds a process waits for another computing the same entry before computing it alongside


@contextlib.contextmanager
def computing(path: Path, wait: float = WAIT):
    """Held while this process computes the entry at ``path``: another process asking for the same entry
    waits here until it is written (then reads it: one computation instead of two, e.g. two notebooks'
    kernels asking for one story table at once), at most ``wait`` seconds. A POSIX record lock on
    ``path``'s ``.lock`` file beside it: held by this process only (a worker it forks holds nothing),
    let go when the process ends. Where no lock can be taken (a read-only cache, a system without
    ``fcntl``), nothing waits. Yields whether it waited (only then can the entry have been written meanwhile)."""
    fd = None
    waited = False
    try:
        import fcntl
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EACCES, errno.EAGAIN) or time.monotonic() >= deadline:
                    break  # no lock to be had here, or waited long enough: compute alongside, as without one
                waited = True
                time.sleep(0.05)
    except (ImportError, OSError):
        pass
    try:
        yield waited
    finally:
        if fd is not None:
            os.close(fd)  # lets the lock go


def store_tables(folder: Path, tables: dict) -> None:
    """Write each DataFrame of ``tables`` to ``folder/NAME.parquet`` (Apache Parquet, via pyarrow), so
    the story's tables are read back fast and by any tool (pandas, DuckDB, R's arrow). The folder
    appears whole or not at all: written beside it, then renamed. Skipped when it exists (its name
    is the key of its inputs) or cannot be written."""
    import shutil

    if folder.exists():
        return
    tmp = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        for name, df in tables.items():
            df.to_parquet(tmp / f"{name}.parquet", engine="pyarrow", index=False)
        schema = {"format": FORMAT, "version": VERSION, "tables": {n: [str(c) for c in df.columns] for n, df in tables.items()}}
        (tmp / SCHEMA).write_text(json.dumps(schema), encoding="utf-8")
        os.replace(tmp, folder)
    except Exception:  # a full disk, a table pyarrow cannot write: no partial folder is left behind
        shutil.rmtree(tmp, ignore_errors=True)


def load_tables(folder: Path, names: list[str], leave_out: dict[str, list[str]] | None = None) -> dict | None:
    """The tables :func:`store_tables` wrote, or None when any is missing, unreadable or of another shape
    than the one it recorded (a foreign folder at that place). ``leave_out``: columns of a table not to
    read (the caller reads them its own way)."""
    import pandas as pd

    leave_out = leave_out or {}
    try:
        schema = json.loads((folder / SCHEMA).read_text(encoding="utf-8"))
        if schema.get("format") != FORMAT or schema.get("version") != VERSION:
            return None
        want = {n: [c for c in schema["tables"].get(n) or [] if c not in leave_out.get(n, ())] for n in names}
        out = {n: pd.read_parquet(folder / f"{n}.parquet", engine="pyarrow", columns=want[n] if n in leave_out else None)
               for n in names}
        if any([str(c) for c in out[n].columns] != want[n] for n in names):
            return None
        return out
    except Exception:  # missing, corrupt or foreign: rebuild, never trust
        return None


_MEMORIES: list[dict] = []


def in_memory(memo: dict) -> dict:
    """Register a module's in-memory cache (its keys come from :mod:`presslens.engine.keys`), so
    :func:`clear_memory` can empty it: what a new kernel starts with."""
    _MEMORIES.append(memo)
    return memo


def clear_memory() -> None:
    """Empty every in-memory cache (the disk caches stay): as in a new kernel."""
    for memo in _MEMORIES:
        memo.clear()


SCHEMA = "presslens-tables.json"
