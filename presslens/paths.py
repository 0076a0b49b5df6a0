"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations

from pathlib import Path


def story_arg(value: str) -> Path:
    """A story folder given on the command line: relative to the working directory, else to the repo."""
    p = Path(value).expanduser()
    if p.is_absolute() or p.exists():
        return p.resolve()
    return resolve(p)

PACKAGE = Path(__file__).resolve().parent
PACKAGE_DATA = PACKAGE / "data"  # the data files shipped in the package (lexicon, furniture, verbs...)
REPO_ROOT = PACKAGE.parent
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
