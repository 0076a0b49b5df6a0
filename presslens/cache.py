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

from . import paths


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
