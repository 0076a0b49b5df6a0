"""Where things live. Every path is resolved from the repository root, never the working directory."""
from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
STORIES_DIR = REPO_ROOT / "data" / "stories"
FIGURES_DIR = REPO_ROOT / "figures"
REPORTS_DIR = REPO_ROOT / "reports"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
DEFAULT_STORY = "data/stories/bytedance-openai-2023"


def resolve(path: str | Path) -> Path:
    """An absolute path for ``path``: absolute paths are kept, relative ones are taken from the repo root."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else (REPO_ROOT / p)


def display(path: str | Path) -> str:
    """``path`` as a user should read it: relative to the repo root when inside it, else as it is."""
    p = Path(path)
    try:
        return p.resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return p.as_posix()
