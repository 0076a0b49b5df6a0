"""``presslens new SLUG [--root FOLDER] [--title TEXT]``: a story folder from the template, and the
next steps, written as commands this user can type (see :func:`presslens.cli.args.command`)."""
from __future__ import annotations

from presslens import paths
from presslens.story.scaffold import new_story
from .args import command, shown_from_cwd


def cmd_new(args) -> int:
    root = paths.cli_path(args.root) if args.root is not None else paths.STORIES_DIR
    dest = new_story(args.slug, root, args.title)  # a bad name, root or title: main() prints the one line
    shown = shown_from_cwd(dest)
    cmd = command()
    make = (f"      (or: make run STORY={shown})"
            if paths.cli_path(".") == paths.REPO_ROOT and (paths.REPO_ROOT / "Makefile").is_file() else "")
    print(f"created {shown}/story.yaml and {shown}/articles/example.md\n"
          f"next: edit story.yaml, add one articles/ID.md per article (replace example.md), then\n"
          f"  {cmd} check {shown}\n  {cmd} run {shown}{make}")
    return 0
