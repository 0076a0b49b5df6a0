"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations

import sys

from presslens.engine import tables
from presslens.errors import GROUP_OVER, ParameterError, Problem, StoryError, grouped
from presslens.evaluation.truth import load_truth
from presslens.notebook.gate import check_story
from presslens.paths import display, story_arg
from presslens.story import grouping
from presslens.story.scaffold import untouched_examples


def cmd_check(args) -> int:
    try:
        st, sc = check_story(story_arg(args.story))
        if (st.path / "truth.yaml").is_file():  # an evaluation story: its hand labels are checked too
            load_truth(st.path, story=st)
    except StoryError as exc:
        if not getattr(args, "all", False) or isinstance(exc, ParameterError):
            raise
        print(f"presslens: {exc.report(show_all=True)}", file=sys.stderr)  # --all: every problem, one per line
        return 2
    examples = untouched_examples(st.path)
    if examples:  # the template's example article would be counted as an outlet ("Example News")
        names = ", ".join(f"articles/{f.name}" for f in examples)
        print(f"{st.slug}: not ready: {names} {'is' if len(examples) == 1 else 'are'} still the example article "
              f"`presslens new` wrote (outlet Example News): replace it with your articles, one file each, in "
              f"{display(st.path / 'articles')}/, then check again.")
        return 2
    p = tables.process(st)
    kept = len(sc.kept_ids)
    furn = p.removed["rule"].str.startswith("furniture").sum()
    print(f"{st.slug}: ok. {len(st.articles)} articles from {len(st.outlets)} outlets, "
          f"{len(p.sentences)} sentences, {len(st.actors)} actors, {len(st.speakers)} speakers, "
          f"{len(st.claims)} claims; the cleaner removed {len(p.removed)} line(s) or fragment(s), "
          f"{furn} of them web furniture. Measured: {kept} of {len(st.articles)} articles.")
    if grouping.summary(st):
        print(f"  {grouping.summary(st)}")
    left = [Problem(f"{r.file} ({r.outlet})", "", r.reason, "") for r in sc.left_out.itertuples(index=False)]
    lines, cut = grouped(left, args.all, "left out of the measures: ")
    if sc.warnings:
        more, cut_w = grouped(sc.warnings, args.all, "- ")
        lines += [f"{len(sc.warnings)} warning(s):", *more]
        cut = cut or cut_w
    if cut:
        lines.append(f"(warnings repeated over {GROUP_OVER} files are grouped: `presslens check "
                     f"{display(st.path)} --all` lists every one)")
    if lines:
        print("\n".join(lines))
    return 0
