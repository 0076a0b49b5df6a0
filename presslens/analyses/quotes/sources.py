"""Who speaks, from the extracted quotes: voice share per actor and outlet, the speakers with
their kinds and verbs, and whether each outlet lets each party (accused, accusers) respond.
"""
from __future__ import annotations

import pandas as pd

from presslens.engine import sanity
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.text import resolver, segment
from . import may_speak, redundancy
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


RESPONSE_COLS = ["outlet", "party", "actor", "carried", "n_direct", "n_indirect", "n_through", "first_para",
                 "first_quote", "speakers", "channels", "n_unattributed", "checked", "maybe"]
VOICE_COLS = ["article_id", "outlet", "party", "actor", "kind", "channel", "speaker", "para_idx", "quote"]
# every channel through which a party can speak in an article, as the balance tables and findings say it
CHECKED = ("direct quotes, reported speech, speakers tied to the party (story.yaml affiliations, a spokesperson, "
           "lawyer or official of it, people the text ties to it) and the same words quoted by other outlets")


def party_rule(story: Story):
    """``parties_of(speaker, actor)``: the story's party actors a quote's speaker or actor stands for
    (the actor itself, a speaker of it by name, or a story.yaml speaker affiliated with it)."""
    parties = {a for names in story.parties.values() for a in names}
    affiliation = {sp.name: (resolver.resolve(story, sp.affiliation) or sp.affiliation)
                   for sp in story.speakers if sp.affiliation}

    def parties_of(speaker, actor) -> set[str]:
        said = {x for x in (speaker, actor) if isinstance(x, str) and x}
        return {p for p in parties if p in said or p in {affiliation.get(x) for x in said}}

    return parties_of


def party_voices(story: Story, q: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every direct or reported quote in which a party of the story (story.yaml ``parties``) speaks,
    one row per quote and party (columns ``VOICE_COLS``): ``channel`` is "itself" (the party by its
    own name), "representative" (a spokesperson, lawyer, official or listed speaker of it) or "other
    outlets" (the words other outlets give it, see :mod:`.redundancy`)."""
    q = quotes(story) if q is None else q
    parties_of = party_rule(story)
    rows = []
    for r in q[q["kind"].isin(["direct", "indirect"]) & q["speaker"].notna()].itertuples(index=False):
        for party in sorted(parties_of(r.speaker, r.actor)):
            channel = ("other outlets" if r.attribution == "other outlets" else
                       "itself" if r.speaker == party else "representative")
            rows.append({"article_id": r.article_id, "outlet": r.outlet, "party": party, "actor": r.actor,
                         "kind": r.kind, "channel": channel, "speaker": r.speaker, "para_idx": int(r.para_idx),
                         "quote": r.quote})
    return pd.DataFrame(rows, columns=VOICE_COLS)


@story_table
def responses(story: Story) -> pd.DataFrame:
    """Balance: for each outlet and each party of the story (story.yaml ``parties``: accused,
    accusers), whether the outlet lets that actor speak, through every channel (:data:`CHECKED`):
    quoted directly, in reported speech, through a speaker tied to it (a spokesperson, an executive,
    a lawyer), or with words other outlets give it. One row per outlet x party x actor: carried,
    n_direct, n_indirect, n_through (quotes of a representative), first_para (the paragraph of the
    first such quote in the outlet's first article that has one), first_quote, speakers, channels
    (the channels it speaks through), n_unattributed (the outlet's direct quotes without a speaker:
    not checked, so an absence is only as sure as they are few), checked (what was looked at) and maybe (the
    outlet's speakers tied to no actor who may speak for the party, "; "-joined: :mod:`.may_speak`).
    Empty when story.yaml names no parties (the notebook says how to add them)."""
    rows = []
    q = quotes(story)
    voices = party_voices(story, q)
    by = {k: g for k, g in voices.groupby(["outlet", "party"], sort=False)} if len(voices) else {}
    direct = q[q["kind"] == "direct"]
    unattributed = direct[direct["speaker"].isna()].groupby("outlet").size().to_dict() if len(direct) else {}
    maybe = may_speak.possible_voices(story, q)  # untied spokespeople whose words do not rule the party out
    for role in ("accused", "accusers"):
        for actor in story.parties.get(role, ()):
            for outlet in story.outlets:
                g = by.get((outlet, actor))
                base = {"outlet": outlet, "party": role, "actor": actor,
                        "n_unattributed": int(unattributed.get(outlet, 0)), "checked": CHECKED,
                        "maybe": "; ".join(maybe.get((outlet, actor), []))}
                if g is None:
                    rows.append(base | {"carried": False, "n_direct": 0, "n_indirect": 0, "n_through": 0,
                                        "first_para": None, "first_quote": None, "speakers": "", "channels": ""})
                    continue
                first = g.iloc[0]
                kinds = {"direct": "direct quote", "indirect": "reported speech"}
                channels = [kinds[k] for k in ("direct", "indirect") if (g["kind"] == k).any()]
                channels += [c if c == "other outlets" else f"through {c}" for c in ("representative", "other outlets")
                             if (g["channel"] == c).any()]
                rows.append(base | {"carried": True, "n_direct": int((g["kind"] == "direct").sum()),
                                    "n_indirect": int((g["kind"] == "indirect").sum()),
                                    "n_through": int((g["channel"] == "representative").sum()),
                                    "first_para": int(first["para_idx"]), "first_quote": first["quote"],
                                    "speakers": ", ".join(dict.fromkeys(str(x) for x in g["speaker"])),
                                    "channels": ", ".join(channels)})
    return sanity.tag_language(pd.DataFrame(rows, columns=RESPONSE_COLS), story)


@story_table
def speaker_disagreements(story: Story) -> pd.DataFrame:
    """The statements several outlets quote (the same words) that one outlet gives to another speaker
    than the majority of those that attribute it (columns ``redundancy.DISAGREEMENT_COLS``: quote,
    outlet, article_id, speaker, majority_speaker, n_majority, n_attributed, outlets_majority). Read
    :func:`redundancy.disagreement_sentences` for one line each."""
    return redundancy.disagreements(quotes(story))


def parties_summary(story: Story) -> str:
    """One line on the story's parties (story.yaml ``parties``), or how to add them."""
    if not story.parties:
        return ("story.yaml names no parties, so balance is not measured: add e.g. "
                "`parties: {accused: [ActorName], accusers: [OtherActor]}` (actor names) and re-run.")
    return "Parties (story.yaml): " + "; ".join(f"{role} {', '.join(names)}" for role, names in story.parties.items()
                                                 if names) + "."
