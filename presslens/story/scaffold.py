"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations

import os
import re
import shutil
from importlib import resources as ires
from pathlib import Path

from presslens.errors import ParameterError
from presslens import paths


def new_story(slug: str, root: str | Path = paths.STORIES_DIR, title: str | None = None) -> Path:
    """Write ``ROOT/SLUG/story.yaml`` (commented template) and ``articles/example.md``. Never overwrites."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise ParameterError.bad("presslens new", "name", f"story name {slug!r} is not a folder name",
                                 "use lower-case letters, digits and '-', e.g. 'acme-fine-2024'")
    root_path = paths.resolve(root)
    dest = root_path / slug
    if os.path.lexists(dest):
        raise FileExistsError(f"{paths.display(dest)} already exists: choose another name or edit it directly")
    for p in (root_path, *root_path.parents):
        if os.path.lexists(p) and not p.is_dir():
            raise ParameterError.bad("presslens new", "--root", f"{paths.display(p)} is a file, not a folder",
                                     "give a folder where story folders live (default: data/stories)")
    tpl = ires.files("presslens") / "templates"
    try:
        (dest / "articles").mkdir(parents=True)
    except OSError as exc:
        raise ParameterError.bad("presslens new", "--root", f"cannot create {paths.display(dest)} ({exc.strerror or exc})",
                                 "give a folder you can write to, or make it writable") from None
    story_text = tpl.joinpath("story.yaml").read_text(encoding="utf-8")
    story_text = story_text.replace("{title}", title or slug.replace("-", " ").capitalize())
    story_text = story_text.replace("{path}", paths.display(dest))
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
