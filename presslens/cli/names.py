"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations

import textwrap

from presslens.analyses.naming import discovery
from presslens.notebook.gate import check_story
from presslens.paths import story_arg
from presslens.errors import ParameterError, Problem


MAX_MENTIONS = 1_000_000  # mentions a candidate needs at most: more than any story holds

def actor_snippet(st, actor: str, rows) -> str:
    """One snippet for ``actor`` holding every proposal of ``rows`` (its aliases line with all the new
    aliases; one renderings list with all the new renderings), so pasting one never undoes another."""
    import yaml

    entry = next((a for a in st.actors if a.name == actor), None)
    aliases = list(entry.aliases) if entry else []
    renderings: list = []
    for r in rows.itertuples(index=False):
        part = discovery.parse_snippet(r.yaml)
        if isinstance(part, dict) and "aliases" in part:
            aliases += [a for a in part["aliases"] if a not in aliases]
        elif isinstance(part, list):
            renderings += [x for x in part if x not in renderings]
    out = []
    if entry is not None and len(aliases) > len(entry.aliases):
        out.append(f"# story.yaml, actor {actor}: replace its aliases line with\n"
                   + yaml.safe_dump({"aliases": aliases}, default_flow_style=None, allow_unicode=True,
                                    sort_keys=False, width=1000).rstrip())
    if renderings:
        head = "add under its renderings" if entry is not None and entry.renderings else "add a renderings list holding"
        out.append(f"# story.yaml, actor {actor}: {head}\n"
                   + yaml.safe_dump(renderings, allow_unicode=True, sort_keys=False, width=1000).rstrip())
    return "\n".join(out)


def cmd_names(args) -> int:

    if not 0 <= args.max_edits <= 3:
        raise ParameterError([Problem("option --max-edits", "max_edits", f"{str(args.max_edits)[:24]} is out of range",
                                  "give a whole number from 0 to 3 (1 finds transpositions such as Duobao)")])
    if not 1 <= args.min_mentions <= MAX_MENTIONS:
        raise ParameterError([Problem("option --min-mentions", "min_mentions", f"{str(args.min_mentions)[:24]} is out of range",
                                  f"give a whole number from 1 to {MAX_MENTIONS:,}")])
    st, sc = check_story(story_arg(args.story))
    full, st = st, st.select(sc.kept_ids)  # the measured articles, as the notebooks see them
    others = full.select(set(full.articles["id"]) - set(sc.kept_ids))  # left out (another language): their Chinese names
    found = discovery.discover(st, max_edits=args.max_edits, min_mentions=args.min_mentions, others=others)
    if found.empty:
        print(f"{st.slug}: no unlisted variant of an actor's name found in {len(st.articles)} measured articles.")
        return 0
    n_var, n_prop = found["candidate"].nunique(), len(found)
    print(f"{st.slug}: {n_var} unlisted variant(s) of actors' names, {n_prop} proposal(s) "
          f"({len(st.articles)} measured articles)"
          + (" (a variant proposed for several actors is listed under each: keep it for one at most)"
             if n_prop > n_var else "") + ". One snippet per actor: paste it in that actor's entry of story.yaml.\n")
    actors_of = found.groupby("candidate")["actor"].nunique()
    for actor in dict.fromkeys(found["actor"]):
        rows = found[found["actor"] == actor]
        print(f"{actor}: {len(rows)} proposal(s)")
        for r in rows.itertuples(index=False):
            shared = int(actors_of.get(r.candidate, 1))
            flag = f"  (AMBIGUOUS: proposed for {shared} actors)" if shared > 1 else ""
            print(f"  {r.candidate!r}  [{r.rule}]  {r.evidence}{flag}")
            print(f"      seen {r.n}x in: {r.outlets}")
            print(f"      first line: {textwrap.shorten(r.first_sentence, 150)}")
        print(textwrap.indent(actor_snippet(st, actor, rows), "    "))
        print()
    return 0
