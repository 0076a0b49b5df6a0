"""The on-disk cache shared by the per-article stage, the story tables and the screening.

Entries are pickles under ``.cache/presslens/`` (or ``PRESSLENS_CACHE``), keyed by the caller from
its inputs and code, written atomically; a missing, corrupt or foreign entry reads as None and is
rebuilt, never trusted; a read-only checkout still works, only slower.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

from presslens import paths


def cache_dir() -> Path:
    return Path(os.environ.get("PRESSLENS_CACHE") or paths.REPO_ROOT / ".cache" / "presslens")


def load(path: Path) -> Any:
    """The object stored at ``path``, or None when there is none that can be read."""
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, corrupt or foreign: rebuild, never trust
        return None


def store(path: Path, obj: Any) -> None:
    """Write ``obj`` to ``path`` atomically (temporary file, then rename); silently skipped when the
    cache cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass


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
        os.replace(tmp, folder)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)


def load_tables(folder: Path, names: list[str]) -> dict | None:
    """The tables :func:`store_tables` wrote, or None when any is missing or unreadable."""
    import pandas as pd

    try:
        return {n: pd.read_parquet(folder / f"{n}.parquet", engine="pyarrow") for n in names}
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
