"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations

import textwrap

from presslens.analyses.naming import variants
from presslens.notebook.gate import check_story
from presslens.paths import story_arg
from presslens.errors import ParameterError, Problem


def cmd_names(args) -> int:

    if not 0 <= args.max_edits <= 3:
        raise ParameterError([Problem("option --max-edits", "max_edits", f"{args.max_edits} is out of range",
                                  "give a whole number from 0 to 3 (1 finds transpositions such as Duobao)")])
    if args.min_mentions < 1:
        raise ParameterError([Problem("option --min-mentions", "min_mentions", f"{args.min_mentions} is below 1",
                                  "give a whole number >= 1")])
    st, sc = check_story(story_arg(args.story))
    st = st.select(sc.kept_ids)  # the measured articles, as the notebooks see them
    found = variants.discover(st, max_edits=args.max_edits, min_mentions=args.min_mentions)
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
