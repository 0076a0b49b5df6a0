"""Names: which name each outlet uses for each actor, variants the story does not list yet, and the
signals that an article reads as a (machine) translation.

- :func:`actor_regex` / :func:`resolve`: the one resolver. Every analysis that counts actors (tone
  per actor, the ledger; sources and claims later) finds them through it, so a listed rendering
  ("Duobao") counts as its actor (Doubao) everywhere.
- :func:`mentions` and :func:`ledger`: every mention, then per outlet x actor x form: how often,
  the kind of form (name, alias, rendering), where it is first used (title, lede, body), with the
  sentence behind it.
- :func:`discover`: candidate names from the text (capitalised runs, short phrases in quotation
  marks or parentheses, CJK runs) scored against every known form by named rules (spelling,
  romanisation, calque, dictionary, word order, short form), each with its evidence and a
  ready-to-paste story.yaml snippet. Ordinary words (the CMU dictionary's 126,000 words) are never
  proposed on their own.
- :func:`translation_indicators` and :func:`likely_translations`: named signals per article with the
  sentence behind each.
"""
from __future__ import annotations

import pandas as pd

from presslens.engine import keys, perarticle, store
from presslens.engine import tables
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.text.resolver import actor_regex, form_kinds


_MEMO: dict = store.in_memory({})


@story_table
def mentions(story: Story) -> pd.DataFrame:
    """Every mention of an actor in the story's sentences, through :func:`actor_regex`.

    Columns: sent_id, article_id, outlet, part, sent_idx, actor, form (as listed in story.yaml),
    kind (:func:`form_kinds`), matched (as written), start, end (offsets in the sentence), in_quote,
    text. Ordered by sentence, then position.
    """

    key = keys.story_key(story)  # see presslens.engine.keys
    if key in _MEMO:
        return _MEMO[key].copy()
    cols = ["sent_id", "article_id", "outlet", "part", "sent_idx", "actor", "form", "kind", "matched", "start", "end",
            "in_quote", "text"]
    rx, entries = actor_regex(story.actors)
    kinds = form_kinds(story)
    s = tables.process(story).sentences

    def compute(ids: list[str]) -> pd.DataFrame:  # the mentions of those articles
        sub = s[s["article_id"].isin(set(ids))]
        rows = []
        if entries:
            for sid, aid, outlet, part, idx, txt, spans in zip(sub["sent_id"], sub["article_id"], sub["outlet"],
                                                               sub["part"], sub["sent_idx"], sub["text"],
                                                               sub["quote_spans"]):
                for m in rx.finditer(txt):
                    actor, form = entries[m.lastindex - 1]
                    a, b = m.span()
                    rows.append((sid, aid, outlet, part, idx, actor, form, kinds.get((actor, form), "alias"),
                                 m.group(0), a, b, any(x <= a and b <= y for x, y in spans), txt))
        return pd.DataFrame(rows, columns=cols)

    # per article, cached with it: one new article costs one article's work
    got = perarticle.table(story, "mentions", repr(story.actors), compute, cols, sent_ids=True)
    _MEMO.clear()
    _MEMO[key] = got
    return _MEMO[key].copy()
    rx, entries = actor_regex(story.actors)
    kinds = form_kinds(story)
    s = tables.process(story).sentences
    rows = []
    if entries:
        for sid, aid, outlet, part, idx, txt, spans in zip(s["sent_id"], s["article_id"], s["outlet"], s["part"],
                                                           s["sent_idx"], s["text"], s["quote_spans"]):
            for m in rx.finditer(txt):
                actor, form = entries[m.lastindex - 1]
                a, b = m.span()
                rows.append((sid, aid, outlet, part, idx, actor, form, kinds.get((actor, form), "alias"), m.group(0),
                             a, b, any(x <= a and b <= y for x, y in spans), txt))
    cols = ["sent_id", "article_id", "outlet", "part", "sent_idx", "actor", "form", "kind", "matched", "start", "end",
            "in_quote", "text"]
    _MEMO.clear()
    _MEMO[key] = pd.DataFrame(rows, columns=cols)
    return _MEMO[key].copy()


_PART_ORDER = {"title": 0, "lede": 1, "body": 2}


@story_table
def ledger(story: Story) -> pd.DataFrame:
    """Which name each outlet uses for each actor: one row per outlet x actor x form used.

    Columns: outlet, actor, form, kind, n (mentions), n_articles, share (of the outlet's mentions of
    the actor), first_part (where the outlet first uses this form: title, lede or body, over its
    articles), first_sentence (that sentence), first_sent_id. Ordered by outlet (story order),
    actor (story.yaml order), then most used. The KWIC lines behind every count are
    :func:`mentions` filtered on outlet, actor and form.
    """
    m = mentions(story)
    cols = ["outlet", "actor", "form", "kind", "n", "n_articles", "share", "first_part", "first_sentence",
            "first_sent_id"]
    if m.empty:
        return pd.DataFrame(columns=cols)
    m = m.assign(_p=m["part"].map(_PART_ORDER))
    first = m.sort_values(["_p", "sent_id", "start"], kind="mergesort").drop_duplicates(["outlet", "actor", "form"])
    g = m.groupby(["outlet", "actor", "form"], sort=False)
    out = g.agg(kind=("kind", "first"), n=("sent_id", "size"), n_articles=("article_id", "nunique")).reset_index()
    total = out.groupby(["outlet", "actor"])["n"].transform("sum")
    out["share"] = out["n"] / total
    first = first.set_index(["outlet", "actor", "form"])
    idx = pd.MultiIndex.from_frame(out[["outlet", "actor", "form"]])
    out["first_part"] = first["part"].reindex(idx).to_numpy()
    out["first_sentence"] = first["text"].reindex(idx).to_numpy()
    out["first_sent_id"] = first["sent_id"].reindex(idx).to_numpy()
    o_rank = {o: i for i, o in enumerate(story.outlets)}
    a_rank = {a.name: i for i, a in enumerate(story.actors)}
    out = out.assign(_o=out["outlet"].map(o_rank), _a=out["actor"].map(a_rank))
    out = out.sort_values(["_o", "_a", "n", "form"], ascending=[True, True, False, True], kind="mergesort")
    return out[cols].reset_index(drop=True)


def names_grid(story: Story, led: pd.DataFrame, outlets: list[str] | None = None) -> pd.DataFrame:
    """Actor x outlet: the form each outlet uses most for each actor ('' when it never names it),
    then, after ' / ', any rendering it also uses, so a calque used once beside the usual name is
    never hidden; '+N' counts its other names and aliases. From :func:`ledger`; ``outlets`` limits
    the columns (a figure's outlets), all by default."""
    outlets = list(story.outlets) if outlets is None else list(outlets)
    led = led[led["outlet"].isin(outlets)]
    actors = [a.name for a in story.actors if a.name in set(led["actor"])]
    cells: dict[tuple[str, str], str] = {}
    for (o, a), g in led.groupby(["outlet", "actor"], sort=False):
        forms, kinds = g["form"].tolist(), g["kind"].tolist()
        rend = [f for f, k in zip(forms[1:], kinds[1:]) if k.startswith("rendering")]
        others = len(forms) - 1 - len(rend)
        cells[(a, o)] = " / ".join([forms[0], *rend]) + (f" +{others}" if others else "")
    return pd.DataFrame([[cells.get((a, o), "") for o in outlets] for a in actors], index=actors, columns=outlets)


def cell_kinds(led: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(outlet, actor) -> the kind a names grid cell is coloured by: the first rendering the outlet
    uses for the actor, else the kind of its most used form."""
    out: dict[tuple[str, str], str] = {}
    for o, a, k in zip(led["outlet"], led["actor"], led["kind"]):
        old = out.get((o, a))
        if old is None or (k.startswith("rendering") and not old.startswith("rendering")):
            out[(o, a)] = k
    return out
