"""``presslens export STORY [--out DIR]``: every analysis table as Parquet and CSV with a data
dictionary (see :mod:`presslens.run.export`). Exit status 0 when written, 2 when the story or the
folder is wrong (nothing written)."""
from __future__ import annotations

import argparse
import sys

from presslens import paths
from presslens.paths import story_arg
from presslens.run.export import export
from presslens.run.signals import Interrupted

UNCHANGED = "nothing was replaced (the earlier export, if any, is as it was)"


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``presslens export`` on an argparse subparsers object."""
    p = subparsers.add_parser(
        "export", help="write every analysis table as Parquet and CSV, with a data dictionary (exports/SLUG/)",
        description="Write every table the notebooks show, plus the articles and sentences with their attributes, "
                    "as Parquet and CSV, with data_dictionary.csv (one row per table and column) and metadata.json "
                    "(presslens version, git commit, input hashes). The folder is replaced only when presslens "
                    "wrote it; files of your own in it are kept.")
    p.add_argument("story", metavar="STORY", nargs="?", default=paths.DEFAULT_STORY,
                   help="story folder (default: the bundled story)")
    p.add_argument("--out", metavar="DIR", default=None,
                   help="the folder to write (relative to the current directory, as every path typed on the "
                        "command line; default: exports/SLUG in the repo)")
    p.add_argument("--group-by", metavar="NAME", default=None,
                   help="also write the grouped tables (group measures, voices, blind spots, timeline and claim "
                        "spread by group) for this outlets.yaml attribute or meta.KEY, as the notebooks' group_by")
    p.set_defaults(func=cmd_export)
    return p


def cmd_export(args) -> int:
    try:
        export(story_arg(args.story), paths.cli_path(args.out) if args.out else None, group_by=args.group_by)
    except Interrupted as exc:  # SIGTERM or a closed terminal (SIGHUP): the staging folder is gone
        print(f"presslens: stopped by {exc.name}; {UNCHANGED}", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt:
        print(f"presslens: interrupted; {UNCHANGED}", file=sys.stderr)
        return 130
    return 0
