"""``presslens new``: a story folder from the commented template (story.yaml and one example article)."""
from __future__ import annotations

import os
import re
import shutil
from importlib import resources as ires
from pathlib import Path

import yaml

from presslens.errors import ParameterError
from presslens import limits, paths


def _title_line(title: str | None, slug: str) -> str:
    """The template's ``title:`` line for ``title``, YAML-escaped (quotes, ``: ``, ``#``, a leading ``-``
    or ``{`` load back as the same text); control characters and line breaks are refused."""
    if title is None:
        title = slug.replace("-", " ").capitalize()
    if not isinstance(title, str):
        raise ParameterError.bad("presslens new", "--title", f"the title must be text, got {type(title).__name__}",
                                 "give the title as text, e.g. --title 'Regulator fines Acme'")
    shown = limits.line_breaks(title)
    if shown:
        raise ParameterError.bad("presslens new", "--title", f"the title holds control characters or line breaks ({shown})",
                                 "give the title on one line, without control characters")
    title = limits.normalise(title).strip()
    if not title:
        raise ParameterError.bad("presslens new", "--title", "the title is empty",
                                 "give the story's title, e.g. --title 'Regulator fines Acme', or leave the option out")
    return yaml.safe_dump({"title": title}, allow_unicode=True, default_flow_style=False, width=1_000_000).rstrip("\n")


SLUG_MAX = 80  # a story's name is a folder name and part of every output path: keep it short
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # words of lower-case letters and digits, single dashes


def is_slug(name) -> bool:
    """True when ``name`` is a story name ``presslens new`` accepts."""
    return isinstance(name, str) and len(name) <= SLUG_MAX and SLUG_RE.fullmatch(name) is not None


def new_story(slug: str, root: str | Path = paths.STORIES_DIR, title: str | None = None) -> Path:
    """Write ``ROOT/SLUG/story.yaml`` (commented template) and ``articles/example.md``. Never overwrites.
    A relative ``root`` is taken from the repo root (the command line gives an absolute one, see
    :func:`presslens.paths.cli_path`)."""
    if not is_slug(slug):
        raise ParameterError.bad("presslens new", "name", f"story name {slug!r} is not a folder name",
                                 f"use words of lower-case letters and digits joined by single '-' (at most {SLUG_MAX} "
                                 "characters), e.g. 'acme-fine-2024'")
    title_line = _title_line(title, slug)
    root_path = paths.resolve(root)
    dest = root_path / slug
    if paths.undecodable(root_path):
        raise ParameterError.bad("presslens new", "--root", f"{paths.display(root_path)} is not valid UTF-8 text "
                                 "(the bytes that are not are shown as \\xNN)",
                                 "give a folder whose name is text, or rename it")
    for p in (root_path, *root_path.parents):
        if os.path.lexists(p) and not p.is_dir():
            raise ParameterError.bad("presslens new", "--root", f"{paths.display(p)} is {limits.kind_of(p)}, not a folder",
                                     "give a folder where story folders live (default: data/stories)")
    if os.path.lexists(dest):
        what = "a story folder" if (dest / "story.yaml").is_file() else limits.kind_of(dest)
        raise ParameterError.bad("presslens new", "name", f"{paths.display(dest)} already exists ({what})",
                                 "choose another name, or edit the story that is there")
    tpl = ires.files("presslens") / "templates"
    try:
        (dest / "articles").mkdir(parents=True)
    except OSError as exc:
        raise ParameterError.bad("presslens new", "--root", f"cannot create {paths.display(dest)} ({exc.strerror or exc})",
                                 "give a folder you can write to, or make it writable") from None
    story_text = tpl.joinpath("story.yaml").read_text(encoding="utf-8")
    story_text = story_text.replace("title: {title}", title_line)
    shown = paths.display(dest)
    story_text = story_text.replace("{path}", shown if shown.isprintable() else "STORY_FOLDER")  # a comment: one line
    try:
        (dest / "story.yaml").write_text(story_text, encoding="utf-8")
        (dest / "articles" / "example.md").write_text(tpl.joinpath("article.md").read_text(encoding="utf-8"),
                                                      encoding="utf-8")
    except OSError as exc:  # a full disk: take back what this call made, nothing else
        shutil.rmtree(dest, ignore_errors=True)
        raise ParameterError.bad("presslens new", "--root", f"cannot write {paths.display(dest)} ({exc.strerror or exc})",
                                 "free some space, or give another --root") from None
    return dest


def untouched_examples(story_dir: str | Path) -> list[Path]:
    """The article files of ``story_dir`` that are still the example ``presslens new`` wrote (same
    text): a story holding one is not ready, whatever else passes."""
    example = (ires.files("presslens") / "templates").joinpath("article.md").read_text(encoding="utf-8")
    folder = Path(story_dir) / "articles"
    if not folder.is_dir():
        return []
    return sorted(f for f in folder.glob("*.md") if f.is_file() and f.read_text(encoding="utf-8", errors="replace") == example)
