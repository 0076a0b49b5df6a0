"""``presslens import STORY PAGES...``: the subcommand's options and exit status (0 all imported
or skipped, 1 a page failed, 2 the story folder is wrong).
"""
from __future__ import annotations

import argparse
import sys
from importlib import resources as ires

from presslens import paths
from presslens.paths import story_arg
from presslens.run.signals import Interrupted, SignalGuard
from presslens.story.importer.write import Stopped, import_pages
from presslens.story.model import StoryError


# ----------------------------------------------------------------------------------------------
# command line


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``presslens import`` on an argparse subparsers object."""
    p = subparsers.add_parser(
        "import", help="turn saved web pages into articles of a story (fields the page does not reveal stay null)",
        description="Turn saved web pages (.html/.htm, as a browser or wget saves them) into STORY/articles/ID.md: "
                    "the main text, one paragraph per line, and the fields the page declares; the rest stay null. "
                    "Prints one line per page. Exit status 1 if any page failed.")
    p.add_argument("story", metavar="STORY", help="story folder (create it with `presslens new SLUG`)")
    p.add_argument("sources", metavar="FILE_OR_FOLDER", nargs="+",
                   help="saved page, or a folder: every *.html and *.htm file in it, sorted")
    p.add_argument("--force", action="store_true", help="replace articles that already exist")
    p.add_argument("--outlet", metavar="NAME", default=None, help="outlet of every page (else from the page)")
    p.set_defaults(func=cmd_import)
    return p


def cmd_import(args) -> int:
    story = story_arg(args.story)
    try:
        with SignalGuard():  # Ctrl-C, a closed terminal, SIGTERM: the pages done are kept, the one being read is not written
            results = import_pages(story, args.sources, force=args.force, outlet=args.outlet)
    except StoryError as exc:
        print(f"presslens: {exc}", file=sys.stderr)
        return 2
    except Stopped as exc:
        done = sum(r.status == "imported" for r in exc.results)
        how = exc.cause.name if isinstance(exc.cause, Interrupted) else "Ctrl-C"
        print(f"presslens: import stopped by {how} while reading {paths.printable(exc.page.name)}: "
              f"{done} page(s) imported before it are kept in {paths.display(story)}/articles/, that page and the "
              "rest were not imported. Fix: run the same command again (pages already imported are skipped)",
              file=sys.stderr)
        return 128 + exc.cause.signum if isinstance(exc.cause, Interrupted) else 130
    counts = {s: sum(r.status == s for r in results) for s in ("imported", "skipped", "failed")}
    print(f"{counts['imported']} imported, {counts['skipped']} skipped, {counts['failed']} failed "
          f"into {paths.display(story)}/articles/")
    example = story / "articles" / "example.md"
    template = ires.files("presslens") / "templates" / "article.md"
    if example.is_file() and example.read_bytes() == template.read_bytes():
        print(f"note: {paths.display(example)} is the template's example: delete it before checking the story")
    if counts["imported"]:
        print(f"next: review the articles (translated_from, derived_from), then  presslens check {paths.display(story)}")
    return 1 if counts["failed"] else 0
