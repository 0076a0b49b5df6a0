"""``presslens eval [STORY...] [--split dev|test|all] [--show-errors] [--summary] [--speakers rules|parse-fill]``: the scoreboard
(the work is :func:`presslens.evaluation.command.cmd_eval`)."""
from __future__ import annotations

import argparse

from presslens.evaluation.command import cmd_eval


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``presslens eval`` on an argparse subparsers object."""
    p = subparsers.add_parser(
        "eval", help="score every analysis against the evaluation corpora's truth files (data/eval/)",
        description="Score every analysis against the hand-labelled truth files of data/eval/ and print the "
                    "scoreboard (precision, recall, F1 or accuracy with 95% bootstrap intervals, per analysis, "
                    "split and story). Writes reports/eval/; a run over every story also rewrites docs/accuracy.md "
                    "and the README's Accuracy section.")
    p.add_argument("stories", metavar="STORY", nargs="*", help="evaluation story (slug under data/eval/, or a folder); "
                   "default: every story with a truth.yaml")
    p.add_argument("--split", choices=("dev", "test", "all"), default="all", help="score only this split (default: all)")
    p.add_argument("--show-errors", action="store_true", help="list every miss with its sentence")
    p.add_argument("--summary", action="store_true", help="print the corpora's label counts (no scoring)")
    p.add_argument("--speakers", choices=("rules", "parse-fill"), default=None,
                   help="where the quotes' speakers come from for this run: rules, or parse-fill (the rules, with a "
                   "dependency parse's speaker where they name nobody, a pronoun or a fragment); default: as each "
                   "story.yaml says (quotes: {speakers: ...}). A run with --speakers never publishes")
    p.add_argument("--out", default=None, help="where the CSV and Markdown go, relative to the working directory "
                   "(default: the repo's reports/eval)")
    p.set_defaults(func=cmd_eval)
    return p
