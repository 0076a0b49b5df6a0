"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations

import sys

from presslens import paths
from presslens.story.scaffold import new_story


def cmd_new(args) -> int:
    try:
        dest = new_story(args.slug, args.root, args.title)
    except (ValueError, FileExistsError) as exc:
        print(f"presslens: {exc}", file=sys.stderr)
        return 2
    shown = paths.display(dest)
    print(f"created {shown}/story.yaml and {shown}/articles/example.md\n"
          f"next: edit story.yaml, add one articles/ID.md per article (replace example.md), then\n"
          f"  presslens check {shown}\n  presslens run {shown}      (or: make run STORY={shown})")
    return 0
