"""Who speaks, from the extracted quotes: voice share per actor and outlet, the speakers with
their kinds and verbs, and whether each outlet lets each party (accused, accusers) respond.
"""
from __future__ import annotations

import pandas as pd

from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.text import segment
from .extract import quotes


# ----------------------------------------------------------------------------------------------
# per outlet


@story_table
def voice_share(story: Story) -> pd.DataFrame:
    """Whose words each outlet quotes: words inside direct quotes per outlet and speaking actor (a
    speaker without an actor counts under their own name; 'unattributed' when no speaker is found).
    Columns: outlet, voice, quoted_words, n_quotes, share (of the outlet's quoted words)."""
    q = quotes(story)
    q = q[q["kind"] == "direct"].copy()
    cols = ["outlet", "voice", "quoted_words", "n_quotes", "share"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    q["voice"] = [a if isinstance(a, str) else (s if isinstance(s, str) else "unattributed")
                  for a, s in zip(q["actor"], q["speaker"])]
    q["quoted_words"] = [len(segment.TOKEN.findall(t)) for t in q["quote"]]
    g = q.groupby(["outlet", "voice"], sort=False).agg(quoted_words=("quoted_words", "sum"),
                                                       n_quotes=("quote", "size")).reset_index()
    g["share"] = g["quoted_words"] / g.groupby("outlet")["quoted_words"].transform("sum")
    rank = {o: i for i, o in enumerate(story.outlets)}
    g = g.assign(_o=g["outlet"].map(rank)).sort_values(["_o", "quoted_words", "voice"], ascending=[True, False, True],
                                                        kind="mergesort")
    return g[cols].reset_index(drop=True)


@story_table
def speakers(story: Story) -> pd.DataFrame:
    """Who speaks in each outlet, in order: one row per outlet x speaker of direct or indirect
    quotes with speaker_kind, actor, n_direct, n_indirect, quoted_words, verbs (as written, most
    used first), verb_classes, first (speaks first in one of the outlet's articles), last."""
    q = quotes(story)
    q = q[q["kind"].isin(["direct", "indirect"]) & q["speaker"].notna()].copy()
    cols = ["outlet", "speaker", "speaker_kind", "actor", "n_direct", "n_indirect", "quoted_words", "verbs",
            "verb_classes", "first", "last"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    recs = q[["article_id", "outlet", "speaker", "speaker_kind", "actor", "kind", "quote", "verb", "verb_class"]] \
        .astype(object).where(q.notna(), None).to_dict("records")  # plain rows: no per-group frame slicing
    firsts, lasts, seen = set(), set(), {}
    for r in recs:
        key = (r["outlet"], r["speaker"])
        if r["article_id"] not in seen:
            firsts.add(key)
        seen[r["article_id"]] = key
    lasts.update(seen.values())
    agg: dict[tuple, dict] = {}
    for r in recs:
        key = (r["outlet"], r["speaker"])
        a = agg.setdefault(key, {"speaker_kind": r["speaker_kind"], "actor": None, "n_direct": 0, "n_indirect": 0,
                                 "quoted_words": 0, "verbs": {}, "classes": {}})
        a["actor"] = a["actor"] or r["actor"]
        if r["kind"] == "direct":
            a["n_direct"] += 1
            a["quoted_words"] += len(segment.TOKEN.findall(r["quote"]))
        else:
            a["n_indirect"] += 1
        if r["verb"]:
            a["verbs"][r["verb"].lower()] = a["verbs"].get(r["verb"].lower(), 0) + 1
        if r["verb_class"]:
            a["classes"][r["verb_class"]] = a["classes"].get(r["verb_class"], 0) + 1
    rows = []
    for (outlet, spk), a in agg.items():
        by_count = lambda d: ", ".join(sorted(d, key=lambda k: (-d[k], k)))  # noqa: E731
        rows.append({"outlet": outlet, "speaker": spk, "speaker_kind": a["speaker_kind"], "actor": a["actor"],
                     "n_direct": a["n_direct"], "n_indirect": a["n_indirect"], "quoted_words": a["quoted_words"],
                     "verbs": by_count(a["verbs"]), "verb_classes": by_count(a["classes"]),
                     "first": (outlet, spk) in firsts, "last": (outlet, spk) in lasts})
    out = pd.DataFrame(rows, columns=cols)
    rank = {o: i for i, o in enumerate(story.outlets)}
    return out.assign(_o=out["outlet"].map(rank)).sort_values(["_o", "quoted_words", "speaker"],
                                                              ascending=[True, False, True], kind="mergesort") \
        .drop(columns="_o").reset_index(drop=True)


RESPONSE_COLS = ["outlet", "party", "actor", "carried", "n_direct", "n_indirect", "first_para", "first_quote",
                 "speakers"]


@story_table
def responses(story: Story) -> pd.DataFrame:
    """Balance: for each outlet and each party of the story (story.yaml ``parties``: accused,
    accusers), whether the outlet lets that actor speak, in direct or reported speech, through any of
    its speakers (a spokesperson, an executive, the company itself). One row per outlet x party x
    actor: carried, n_direct, n_indirect, first_para (the paragraph of the first such quote in the
    outlet's first article that has one), first_quote and speakers. Empty when story.yaml names no
    parties (the notebook says how to add them)."""
    rows = []
    q = quotes(story)
    q = q[q["kind"].isin(["direct", "indirect"])]
    by = {(o, a): g for (o, a), g in q.groupby(["outlet", "actor"], sort=False)} if not q.empty else {}
    for role in ("accused", "accusers"):
        for actor in story.parties.get(role, ()):
            for outlet in story.outlets:
                g = by.get((outlet, actor))
                if g is None:
                    rows.append({"outlet": outlet, "party": role, "actor": actor, "carried": False, "n_direct": 0,
                                 "n_indirect": 0, "first_para": None, "first_quote": None, "speakers": ""})
                    continue
                first = g.iloc[0]
                rows.append({"outlet": outlet, "party": role, "actor": actor, "carried": True,
                             "n_direct": int((g["kind"] == "direct").sum()),
                             "n_indirect": int((g["kind"] == "indirect").sum()),
                             "first_para": int(first["para_idx"]), "first_quote": first["quote"],
                             "speakers": ", ".join(dict.fromkeys(str(s) for s in g["speaker"] if isinstance(s, str)))})
    return pd.DataFrame(rows, columns=RESPONSE_COLS)


def parties_summary(story: Story) -> str:
    """One line on the story's parties (story.yaml ``parties``), or how to add them."""
    if not story.parties:
        return ("story.yaml names no parties, so balance is not measured: add e.g. "
                "`parties: {accused: [ActorName], accusers: [OtherActor]}` (actor names) and re-run.")
    return "Parties (story.yaml): " + "; ".join(f"{role} {', '.join(names)}" for role, names in story.parties.items()
                                                 if names) + "."
