"""Layer 0: where things are, and how a path is read and shown.

- The repo's folders (``REPO_ROOT``, ``STORIES_DIR``...): the defaults, and where a notebook's or a
  library call's relative path is taken from (:func:`resolve`), whatever the working directory.
- A path the user typed on the command line is relative to the working directory, as with every
  shell command (:func:`cli_path`); only an option the user did not give falls back to the repo's
  default (:func:`story_arg` with ``None``).
- A path is shown to a user by :func:`display`: relative to the repo root when inside it, and with
  the bytes of a file name that are not UTF-8 written as ``\\xNN`` escapes (:func:`printable`), so
  no message, JSON, HTML or CSV ever meets a character it cannot encode. :func:`undecodable` tells
  such a path, so that readers refuse it by name, with the fix (rename it).

No presslens imports.
"""
from __future__ import annotations

import os
from pathlib import Path

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


def cli_path(value: str | Path) -> Path:
    """A path typed on the command line, made absolute: relative to the working directory (as for any
    shell command), ``~`` expanded, ``..`` folded, links kept."""
    return Path(os.path.abspath(Path(value).expanduser()))


def story_arg(value: str | Path | None) -> Path:
    """A story folder given on the command line, relative to the working directory; ``None`` (not
    given) is the bundled story, in the repo."""
    if value is None:
        return resolve(DEFAULT_STORY)
    return cli_path(value)


def printable(text: str | Path) -> str:
    """``text`` (a path or a file name) as it can be printed and stored: the bytes of a file name that
    are not UTF-8 (Python holds them as lone surrogates) are written as ``\\xNN`` escapes."""
    s = os.fspath(text) if isinstance(text, Path) else str(text)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def undecodable(path: str | Path) -> bool:
    """Whether ``path`` holds bytes that are not UTF-8 text (as a file name can on Linux)."""
    try:
        os.fspath(path).encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def umask() -> int:
    """The process's umask (read by setting it and putting it back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def give_usual_mode(path: str | Path, folder: bool = False) -> None:
    """Give ``path`` the mode a file (or folder) the user creates gets: 0666 (0777) less the umask,
    0644 (0755) typically. ``tempfile`` makes its files 0600 and folders 0700, which is right while
    they are private and wrong once they are the user's articles or shared data."""
    os.chmod(path, (0o777 if folder else 0o666) & ~umask())


def display(path: str | Path) -> str:
    """``path`` as a user should read it: relative to the repo root when inside it, else as it is;
    bytes that are not UTF-8 shown as ``\\xNN`` (:func:`printable`)."""
    p = Path(path)
    try:
        return printable(p.resolve().relative_to(REPO_ROOT).as_posix())
    except ValueError:
        return printable(p.as_posix())
