"""Findings of the sources and claims notebooks (05, 07), facts included."""
from __future__ import annotations

import pandas as pd

from .common import all_equal, extremes, join, not_english, plural, tied, unread_line, verb


def _unread(lang: str) -> str:
    return f"quotes were not read in {lang} articles (the attribution rules read English only)"


def _short(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _single_voices(single: list[str], quotes: pd.DataFrame, unattributed: set[str]) -> list[str]:
    """The sentences for outlets whose direct quotes give one voice. "A single voice" is said only after
    every channel that could contradict it was checked: reported speech (another speaker there is
    another voice) and quoted words no speaker was found for (they may be another voice)."""
    voices: dict[tuple[str, str], set[str]] = {}  # (outlet, kind) -> voices: the actor, else the speaker
    for o, k, a, s in zip(quotes["outlet"], quotes["kind"], quotes["actor"], quotes["speaker"]):
        v = a if isinstance(a, str) else (s if isinstance(s, str) else None)
        if v is not None and k in ("direct", "indirect"):
            voices.setdefault((o, k), set()).add(v)
    others = {o: sorted(voices.get((o, "indirect"), set()) - voices.get((o, "direct"), set())) for o in single}
    alone = [o for o in single if not others[o] and o not in unattributed]
    out = [f"{join(alone)} quote{'s' if len(alone) == 1 else ''} a single voice, directly and in reported speech, "
           "every quote attributed (table: voice share, speakers)."] if alone else []
    same: dict[tuple, list[str]] = {}  # outlets whose sentence would be the same, said once (60 outlets: not 20 lines)
    for o in (o for o in single if o not in alone):
        same.setdefault((tuple(others[o]), o in unattributed), []).append(o)
    for (other, unread), names in same.items():
        one = len(names) == 1
        out.append(f"{join(names)} quote{'s' if one else ''} one voice directly"
                   + (f", and report{'s' if one else ''} {join(list(other))} in reported speech" if other else "")
                   + (f"; some of {'its' if one else 'their'} quoted words have no speaker found, so "
                      f"{'it' if one else 'each'} may quote more" if unread else "") + " (table: voice share, speakers).")
    return out


def sources(share: pd.DataFrame, speakers: pd.DataFrame, fidelity: pd.DataFrame, quotes: pd.DataFrame,
            n_outlets: int, responses: pd.DataFrame | None = None, unread: list[str] = ()) -> list[str]:
    """From the voice shares, speakers, fidelity, quote and responses tables (notebook 05). ``unread``: the story's
    outlets none of whose articles is measured (``ctx.unread_outlets()``): every count here is of the others."""
    direct = quotes[quotes["kind"] == "direct"]
    out = [f"{plural(len(direct), 'direct quote')}, {plural(int((quotes['kind'] == 'cited').sum()), 'cited term')} and "
           f"{plural(int((quotes['kind'] == 'indirect').sum()), 'reported statement')} in {plural(n_outlets, 'outlet')} "
           "(table: quotes)."]
    out += unread_line(unread, n_outlets, "who speaks there, a party included,")  # neither silent nor heard: not read
    none = n_outlets - direct["outlet"].nunique()
    lang = not_english(quotes, responses)
    if lang:  # an absence is stated only when every channel was read: here the speakers were not
        out.append(f"Who speaks, and which outlets quote nobody, is unknown: {_unread(lang)}; the counts above are "
                   "the quotation marks found (table: quotes).")
    elif none:
        out.append(f"{plural(none, 'outlet')} {verb(none, 'quotes', 'quote')} nobody directly (table: voice share).")
    if len(share):
        named = share[share["voice"] != "unattributed"]
        several = named[named["outlet"].map(named.groupby("outlet")["voice"].nunique()) >= 2]
        if len(several):  # an outlet quoting one voice has it at 100%: not worth saying
            tops = extremes(several, "share", True, 2)  # as printed, a whole percent
            top = tops.iloc[0]
            out.append(f"Among outlets quoting two voices or more, the largest share is {top['voice']}'s: "
                       f"{top['share']:.0%} of {top['outlet']}'s quoted words (table: voice share)." if len(tops) == 1 else
                       f"Among outlets quoting two voices or more, the largest share, {top['share']:.0%} of an outlet's "
                       "quoted words, is " + tied([f"{x.voice}'s in {x.outlet}" for x in tops.itertuples()])
                       + " (table: voice share).")
        un = share[share["voice"] == "unattributed"]
        out += _single_voices(sorted(set(named["outlet"]) - set(several["outlet"])), quotes, set(un["outlet"]))
        if len(un):
            out.append(f"Quoted words with no speaker found: {int(un['quoted_words'].sum())} in "
                       f"{join(sorted(set(un['outlet'])))} (table: voice share, voice unattributed).")
    anon = speakers[speakers["speaker_kind"] == "anonymous"] if len(speakers) else speakers
    if len(anon):
        out.append(f"Anonymous sources: {join(sorted(set(anon['outlet'])))} (table: speakers, speaker_kind anonymous).")
    if len(fidelity):
        n = fidelity["statement"].nunique()
        changed = fidelity[fidelity["label"].isin(["trimmed", "extended", "reworded"])]
        narr = fidelity[fidelity["label"] == "paraphrased into narration"]
        who = sorted(set(narr["outlet"]))
        out.append(f"{plural(n, 'statement')} {verb(n, 'is', 'are')} quoted by two articles or more; "
                   f"{plural(len(changed), 'version')} {verb(len(changed), 'differs', 'differ')} from the "
                   "reference version, the one closest to all the others (trimmed, extended or reworded)"
                   + (f", and {join(who)} carr{'ies' if len(who) == 1 else 'y'} one in "
                      f"{'its' if len(who) == 1 else 'their'} own narration" if len(narr) else "")
                   + " (table: fidelity).")
        if "found_elsewhere" in fidelity:
            alone = fidelity[fidelity["found_elsewhere"].eq(False)]
            if len(alone):
                x = alone.iloc[0]
                out.append(f"{plural(len(alone), 'version')} {verb(len(alone), 'adds', 'add')} words to a statement that no other article has (found nowhere "
                           f"else), e.g. {x['outlet']}: \"{_short(str(x['added']))}\" (table: fidelity, column added).")
    else:
        out.append("No statement is quoted by two articles or more (table: fidelity).")
    if responses is not None and len(responses):
        for (party, actor), g in responses.groupby(["party", "actor"], sort=False):
            out.append(_balance(party, actor, g, lang))
    return out


def _balance(party: str, actor: str, g: pd.DataFrame, lang: str | None = None) -> str:
    """One party's voice across outlets (rows of the responses table): where it speaks and through
    what, and where nothing of it was found, with what was checked and what could not be. On text in
    ``lang``, a language the attribution rules do not read, where nothing was found is unknown."""
    role = "the accused" if party == "accused" else "an accuser"
    carried = g[g["carried"]]
    silent = sorted(g.loc[~g["carried"], "outlet"])
    if lang and silent:
        unknown = f"{actor} ({role}) speaks in {join(silent)} is unknown: {_unread(lang)} (table: responses)."
        return (f"{actor} ({role}) speaks in {join(sorted(carried['outlet']))}; whether {unknown}" if len(carried)
                else f"Whether {unknown}")
    line = f"{actor} ({role}) speaks in {len(carried)} of {plural(len(g), 'outlet')}"
    only = []
    if "channels" in g:
        only = sorted(carried.loc[~carried["channels"].str.contains("direct quote"), "outlet"])
        if only:
            line += f" ({join(only)} in reported speech only)"
    # an absence ("silent", "reported speech only") is said with the speakers no actor was found for: one may be the party's
    # the responses table's column maybe: per outlet, the speakers tied to no actor who may be this party's voice
    per = {o: [x for x in str(m or "").split("; ") if x] for o, m in zip(g["outlet"], g["maybe"])} if "maybe" in g else {}
    maybe = [f"{sp} ({o})" for o in (*only, *silent) for sp in per.get(o, [])]
    if maybe:
        line += f"; speakers tied to no actor, who may speak for {actor}: {join(maybe)}"
    if silent:
        line += f"; nothing attributable to {actor} was found in {join(silent)}"
        if "checked" in g:
            line += f" (checked: {g['checked'].iloc[0]})"
        n = int(g.loc[~g["carried"], "n_unattributed"].sum()) if "n_unattributed" in g else 0
        # what was not checked, said every time: an absence is what the rules found, not proof
        line += ("; not checked: a statement whose speaker or reporting frame the rules cannot read"
                 + (f" ({plural(n, 'direct quote')} there {verb(n, 'has', 'have')} no readable speaker)" if n else ""))
    return line + " (table: responses)."


def claims(grid: pd.DataFrame, omissions: pd.DataFrame, unmatched: list[str],
           responses: pd.DataFrame | None = None, unread: list[str] = ()) -> list[str]:
    """From the claims grid, the omission table and the claims no article carries (notebook 07). ``unread``: the
    story's outlets none of whose articles is measured (``ctx.unread_outlets()``): "every outlet" is of the others."""
    if grid.empty:
        return ["story.yaml lists no claims, so nothing is measured (add claims with id, text and patterns)."]
    n_claims, n_outlets = grid["claim"].nunique(), grid["outlet"].nunique()
    carried = grid[grid["n_carrying"] > 0]
    per_claim = carried.groupby("claim", sort=False)["outlet"].nunique()
    everywhere = [c for c, n in per_claim.items() if n == n_outlets]
    out = [f"{plural(n_claims, 'claim')} from story.yaml in {n_outlets} outlets; {len(everywhere)} carried by every outlet "
           "(table: claims by outlet)." if n_outlets > 1 else  # one outlet: "every outlet" would compare nothing
           f"{plural(n_claims, 'claim')} from story.yaml in one outlet, {grid['outlet'].iloc[0]}; it carries {len(everywhere)} of "
           f"them: nothing to compare (table: claims by outlet)."]
    out += unread_line(unread, n_outlets, "which claims it carries")
    if unmatched:
        out.append(f"No article carries {join(unmatched)}: check {'its' if len(unmatched) == 1 else 'their'} "
                   "patterns in story.yaml before reading it as an omission (table: unmatched claims).")
    if len(omissions) > 1:
        worst = extremes(omissions, "n_left_out")
        n = int(worst["n_left_out"].iloc[0]) if len(worst) else 0
        if n and all_equal(omissions, "n_left_out"):
            out.append(f"Every outlet leaves out {n} of {plural(n_claims, 'claim')} (table: omissions).")
        elif n:
            out.append(f"{tied(worst['outlet'])} leave{'s' if len(worst) == 1 else ''} out the most: {n} of "
                       f"{plural(n_claims, 'claim')}{' each' if len(worst) > 1 else ''} (table: omissions).")
    attributed = {"quote", "reported speech"}
    split = []

    def named(g: pd.DataFrame) -> list[str]:
        # the voice is the earliest mention's: an outlet with several articles carrying the claim (two
        # different wire stories) may voice it otherwise in another, so its name says it is the first
        return sorted(str(r.outlet) + (f" (first of {int(r.n_carrying)} articles)" if r.n_carrying > 1 else "")
                      for r in g.itertuples(index=False))

    for c, g in carried.groupby("claim", sort=False):
        own = named(g[g["voice"] == "narration"])
        other = named(g[g["voice"].isin(attributed)])
        if own and other:
            split.append(f"{c} (own voice: {join(own, 6)}; attributed: {join(other, 6)})")  # 3 claims: 6 names each
    if split:
        out.append(f"{plural(len(split), 'claim')} {verb(len(split), 'is', 'are')} stated as fact by some outlets and attributed to a speaker by others: "
                   + "; ".join(split[:3]) + ("; …" if len(split) > 3 else "") + " (table: claims by outlet).")
    lead = carried[carried["part"].isin(["title", "lede"])]
    if len(lead):
        top = lead.groupby("claim", sort=False)["outlet"].nunique().sort_values(ascending=False, kind="stable")
        out.append(f"Most often in a title or lede: {tied(top.index[top == top.iloc[0]])} ({int(top.iloc[0])} of "
                   f"{plural(n_outlets, 'outlet')}{' each' if (top == top.iloc[0]).sum() > 1 else ''}) "
                   "(table: claims by outlet).")
    if responses is not None and len(responses):
        accused = responses[responses["party"] == "accused"]
        silent = sorted(set(accused.loc[~accused["carried"], "outlet"]))
        lang = not_english(responses)
        if len(accused) and lang and silent:
            out.append(f"Whether the accused party speaks in {join(silent)} is unknown: {_unread(lang)} "
                       "(table: responses).")
        elif len(accused):
            # an absence is stated with what was checked: a party speaks when quoted, reported, or
            # through a speaker tied to it (a spokesperson, an executive, a lawyer), in any article
            unread = int(accused[accused["outlet"].isin(silent)].drop_duplicates("outlet")["n_unattributed"].sum()) \
                if "n_unattributed" in accused else 0
            out.append(("The accused party speaks in every outlet" if not silent else
                        f"No word of the accused party was found in {join(silent)}: checked its direct quotes, "
                        "its reported speech and every speaker tied to it (story.yaml affiliations, roles such as "
                        "a spokesperson, people the text ties to it), and statements other outlets give it; "
                        "an attribution the rules cannot read is not checked"
                        + (f" ({plural(unread, 'direct quote')} there {verb(unread, 'has', 'have')} no readable speaker)" if unread else ""))
                       + " (table: responses).")
    return out


def facts(summary: pd.DataFrame, grid: pd.DataFrame, left: pd.DataFrame, drift: pd.DataFrame,
          mapped: pd.DataFrame | None = None) -> list[str]:
    """From the discovered facts (notebook 07): how many, the widest, who leaves out a widely told
    fact, the drift found inside facts, and the story.yaml claims the facts match. An absence is
    said only from ``grid``, which groups every sentence of every article (titles, narration, quotes)."""
    if summary.empty:
        return ["No statement is shared by two articles, so no fact was discovered (the story may be too small)."]
    n_outlets = grid["outlet"].nunique() if len(grid) else 0
    widest = extremes(summary, "n_outlets")
    top = widest.iloc[0]
    stated = f"{plural(len(summary), 'fact')} {'is' if len(summary) == 1 else 'are'} stated by two articles or more"
    out = [f"{stated}; the widest, in {int(top['n_outlets'])} of "
           f"{plural(n_outlets, 'outlet')}: \"{top['label']}\" (table: discovered facts)." if len(widest) == 1 else
           f"{stated}; the widest, in {int(top['n_outlets'])} of "
           f"{n_outlets} outlets each, are {len(widest)} (tied), e.g. \"{top['label']}\" (table: discovered facts)."]
    both = summary[(summary["own_voice_outlets"] > 0) & (summary["own_voice_outlets"] < summary["n_outlets"])]
    if len(both):
        out.append(f"{plural(len(both), 'fact')} {verb(len(both), 'is', 'are')} told in {verb(len(both), 'its', 'their')} own voice by some outlets and attributed by others "
                   "(table: facts by outlet).")
    if len(left):
        per = left.groupby("outlet")["fact"].nunique().sort_values(ascending=False, kind="stable")
        worst = list(per.index[per == per.iloc[0]])
        out.append(f"{tied(worst)} leave{'s' if len(worst) == 1 else ''} out {plural(int(per.iloc[0]), 'fact')}"
                   f"{' each' if len(worst) > 1 else ''} that most outlets carry, with no sentence of "
                   f"{'its' if len(worst) == 1 else 'their'} articles (title, narration or quotes) in them "
                   "(table: facts left out).")
    if len(drift):
        kinds = drift.groupby("kind")["fact"].nunique().sort_values(ascending=False, kind="stable")
        out.append("Versions of one fact differ in " + join([f"{k} ({plural(int(n), 'fact')})" for k, n in kinds.items()])
                   + " (table: drift).")
    if mapped is not None and len(mapped):
        out.append(f"{plural(mapped['claim'].nunique(), 'story.yaml claim')} {verb(mapped['claim'].nunique(), 'matches', 'match')} a discovered fact (table: claims to facts).")
    return out
