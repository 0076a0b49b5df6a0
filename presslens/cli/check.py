"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations


from presslens.engine import tables
from presslens.notebook.gate import check_story
from presslens.paths import display, story_arg
from presslens.story import outlets
from presslens.story.scaffold import untouched_examples


def cmd_check(args) -> int:
    st, sc = check_story(story_arg(args.story))
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
    if outlets.summary(st):
        print(f"  {outlets.summary(st)}")
    for r in sc.left_out.itertuples(index=False):
        print(f"  left out of the measures: {r.file} ({r.outlet}): {r.reason}")
    if sc.warnings:
        print(f"{len(sc.warnings)} warning(s):")
        for w in sc.warnings:
            print(f"  - {w}")
    return 0
