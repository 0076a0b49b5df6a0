"""``presslens import``: saved web pages (as a browser or ``wget`` saves them) -> articles of a story.

Each page becomes ``STORY/articles/ID.md``: YAML front matter, then the main text (trafilatura), one
paragraph per line. A field is filled only from what the page itself declares, never guessed:

- ``outlet``: ``og:site_name``, else the JSON-LD publisher's name, else ``application-name``, else the
  URL's host without ``www.`` (or ``--outlet NAME``). trafilatura's own site name is not used: it takes
  a JSON-LD WebPage's ``name`` (the headline) for the site and title-cases lower-case names.
- ``title``: trafilatura (og:title, JSON-LD headline, the single ``<h1>``, ``<title>``).
- ``url``: ``<link rel=canonical>``, else ``og:url``, else the "saved from" comment a browser writes;
  a site's root is not an article's URL. (trafilatura would also take ``<base href>``, and join a
  relative canonical link with the host of ``og:image``.)
- ``published``: the page's publication-date metadata (meta tags, ``itemprop=datePublished``, JSON-LD
  ``datePublished``), else the date shown with the article (its dateline or ``<time>``, outside the
  prose), else a date in the URL's path, via htmldate with ``extensive_search=False`` and
  ``original_date=True``. A date htmldate finds anywhere else (a related-links list, the footer, a
  date mentioned in the text, ``copyrightYear``, a modified time) is not taken: it is named in
  ``notes``. Never the file's time, never today.
- ``language``: ``<html lang>``, else ``content-language``, else ``og:locale``: the primary subtag,
  lower-case (``en-GB`` -> ``en``, ``zh_CN`` -> ``zh``).
- ``byline``: the page's author metadata (``<meta name=author>`` as written, else trafilatura's
  reading of author meta tags and JSON-LD), else a byline element inside the article.
- ``translated_from: null`` and ``derived_from: []``: a page never declares them; ``notes`` says so.

The text is trafilatura's main text (``favor_precision``, no comments, no tables), one paragraph per
line; ``<time>`` elements keep their words (trafilatura deletes them, leaving "renewal in ."). Fewer
than 10 words is a failure (trafilatura returns a menu's "Home" rather than nothing), fewer than 50 a
warning. The ID is a slug of the file's stem, with -2, -3 ... when another page of the same import, or
a different article (another URL), holds it. An existing article is never overwritten without
``force``, the same text is never imported twice, and every write is atomic (tmp file + os.replace).
One line is printed per page: what was found, and what the page does not reveal.
"""
from __future__ import annotations

import argparse
import sys
from importlib import resources as ires

from presslens import paths
from presslens.paths import story_arg
from presslens.story.importer.write import import_pages
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
        results = import_pages(story, args.sources, force=args.force, outlet=args.outlet)
    except StoryError as exc:
        print(f"presslens: {exc}", file=sys.stderr)
        return 2
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
