"""Findings written from the data: the sentences a notebook ends with.

Each function takes the tables the notebook already computed and returns short sentences, every
one carrying the number behind it and naming the table it comes from, so the prose is true of
whatever story the notebook runs on (hand-written prose about the bundled story would be wrong on
every other). Small samples are said out loud.
"""
from __future__ import annotations

import pandas as pd

from presslens.story.model import Story


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _article(row, table: pd.DataFrame, labels: dict[str, str] | None = None) -> str:
    """Who a per-article fact is about: the outlet when it has one article in ``table``, else that
    article (its label, or its id): an outlet-level sentence must not state one article's fact."""
    if (table["outlet"] == row["outlet"]).sum() <= 1:
        return str(row["outlet"])
    aid = row.get("article_id") if hasattr(row, "get") else None
    name = (labels or {}).get(aid) if aid is not None else None
    return name or (f"{row['outlet']}, article {aid}" if aid is not None else f"one article of {row['outlet']}")


def render(lines: list[str]) -> str:
    """The findings as a bulleted block to print."""
    return "Findings (from the tables above):\n" + "\n".join(f"  - {s}" for s in lines)


def corpus(story: Story, articles: pd.DataFrame) -> list[str]:
    """From the article table (notebook 00)."""
    out = []
    dated = articles[articles["published"] != "unknown"]
    out.append(f"{len(articles)} articles from {articles['outlet'].nunique()} outlets; "
               f"{len(dated)} reveal a publication date"
               + (f" ({dated['published'].min()} to {dated['published'].max()})" if len(dated) else "")
               + " (table: articles).")
    longest = articles.loc[articles["words"].idxmax()]
    shortest = articles.loc[articles["words"].idxmin()]
    if len(articles) > 1:
        out.append(f"Longest: {_article(longest, articles, story.labels)} ({longest['words']} words); shortest: "
                   f"{_article(shortest, articles, story.labels)} ({shortest['words']} words) (table: articles, column words).")
    q = articles.sort_values("quoted_share", ascending=False, kind="stable")
    top = q.iloc[0]
    # an absence is said of an outlet only when it holds for every one of its articles; an outlet with
    # quote-free articles beside quoted ones is named with the count, never as quoting nobody
    zero = q["quoted_share"] == 0
    per = q.assign(_zero=zero).groupby("outlet")["_zero"].agg(["sum", "size"])
    none = sorted(per.index[per["sum"] == per["size"]])
    some = [f"{o} ({int(r['sum'])} of {int(r['size'])} articles)" for o, r in per.iterrows() if 0 < r["sum"] < r["size"]]
    out.append(f"Largest share of words inside quotation marks: {_article(top, articles, story.labels)} "
               f"({top['quoted_share']:.0%})"
               + (f"; no words in quotes in any article: {_join(none)}" if none else "")
               + (f"; articles without quotes: {_join(sorted(some))}" if some else "") + " (column quoted_share).")
    tr = articles[articles["translated_from"] != "—"]
    if len(tr):
        # a translation is an article's fact: an outlet with other articles is named by the translated one
        out.append(f"Declared translations: {_join([f'{_article(r, articles, story.labels)} (from {r.translated_from})' for _, r in tr.iterrows()])}: "
                   "their wording is the translator's (column translated_from).")
    credits = articles[articles["derived_from"] != "—"]
    out.append(f"{len(credits)} of {len(articles)} articles credit a source of their own (column derived_from).")
    left = articles[~articles["measured"]]
    if len(left):
        out.append(f"{len(left)} article(s) are left out of the measures in notebooks 01-03 (table: screening.languages "
                   "and screening.duplicates say why).")
    return out


def wordchoice(rates: pd.DataFrame, key_top: pd.DataFrame, min_words: int) -> list[str]:
    """From the lexicon rates and the keyness table (notebook 01)."""
    out = []
    narr = rates[(rates["voice"] == "narration") & ~rates["few_words"] & (rates["hits"] > 0)]
    if narr.empty:
        out.append(f"No outlet's own narration has a framing-lexicon hit on {min_words}+ words (table: rates).")
    else:
        r = narr.sort_values(["rate_per_1000", "hits"], ascending=False, kind="stable").iloc[0]
        out.append(f"Highest rate of loaded words in an outlet's own narration: {r['outlet']}, {r['label']} "
                   f"({r['rate_per_1000']:.1f} per 1,000 words, {int(r['hits'])} hits, 95% interval "
                   f"{r['ci_low']:.1f}-{r['ci_high']:.1f}) (table: rates).")
    q = rates[(rates["voice"] == "quote") & (rates["hits"] > 0)]
    if len(q):
        by = q.groupby("outlet")["hits"].sum().sort_values(ascending=False, kind="stable")
        out.append(f"Loaded words inside quotation marks (the speakers' words, not the outlet's): "
                   f"{_join([f'{o} {n}' for o, n in by.items()])} hits (table: rates, voice quote).")
    if key_top.attrs.get("note"):
        out.append(key_top.attrs["note"])
    elif len(key_top):
        strong = key_top[key_top["z"] >= 1.96]
        if strong.empty:
            out.append("No word clears z = 1.96 in any outlet: keyness points at what to read, not at proof "
                       "(table: key_top).")
        else:
            items = [f"{r.outlet} \"{r.term}\" (z = {r.z:.2f}, {r.count_outlet}/{r.count_rest})"
                     for r in strong.sort_values("z", ascending=False, kind="stable").head(5).itertuples()]
            out.append(f"{len(strong)} word(s) clear z = 1.96; the strongest: {_join(items)} (table: key_top).")
    return out


def tone(by_outlet: pd.DataFrame) -> list[str]:
    """From :func:`presslens.analyses.tone.outlet_tone_by_voice` (notebook 02)."""
    out = []
    narr = by_outlet[(by_outlet["voice"] == "narration") & (by_outlet["n_sentences"] > 0)]
    if narr.empty:
        return ["No outlet has sentences of its own narration to score (table: by_outlet)."]
    lo = narr.sort_values("mean", kind="stable").iloc[0]
    hi = narr.sort_values("mean", ascending=False, kind="stable").iloc[0]
    out.append(f"Most negative narration: {lo['outlet']} (mean {lo['mean']:+.3f}, 95% interval {lo['ci_low']:+.3f} to "
               f"{lo['ci_high']:+.3f}, {int(lo['n_sentences'])} sentences); least negative: {hi['outlet']} "
               f"(mean {hi['mean']:+.3f}) (table: by_outlet, voice narration).")
    below = narr[narr["ci_high"] < 0]["outlet"].tolist()
    above = narr[narr["ci_low"] > 0]["outlet"].tolist()
    out.append("Narration interval wholly below zero: " + (_join(below) if below else "no outlet")
               + "; wholly above zero: " + (_join(above) if above else "no outlet") + ".")
    small = narr[narr["small_sample"]]["outlet"].tolist()
    if small:
        out.append(f"Fewer than 10 sentences behind: {_join(small)}: read those intervals as anecdotes (column small_sample).")
    return out


def readability(measures: pd.DataFrame, labels: dict[str, str] | None = None) -> list[str]:
    """From :func:`presslens.analyses.readability.readability` (notebook 03); ``labels``: the story's
    article labels (``story.labels``), to name an article of an outlet that has several."""
    m = measures.dropna(subset=["consensus_grade"])
    if m.empty:
        return ["No article has sentences the formulas can use (table: measures)."]
    hard = m.sort_values("consensus_grade", ascending=False, kind="stable").iloc[0]
    easy = m.sort_values("consensus_grade", kind="stable").iloc[0]
    # the measures are per article: an outlet with several articles is named by the article meant
    out = [f"Consensus grades run from {easy['consensus_grade']:.1f} ({_article(easy, m, labels)}) to "
           f"{hard['consensus_grade']:.1f} ({_article(hard, m, labels)}) (table: measures, row consensus_grade)."]
    longest = m.sort_values("sentence_len_mean", ascending=False, kind="stable").iloc[0]
    out.append(f"Longest sentences on average: {_article(longest, m, labels)} ({longest['sentence_len_mean']:.1f} words; "
               f"row sentence_len_mean).")
    tr = m[m["translated_from"].map(lambda x: isinstance(x, str) and bool(x))]
    if len(tr):
        names = list(dict.fromkeys(_article(r, m, labels) for _, r in tr.iterrows()))
        out.append(f"Translated ({_join(names)}): their scores measure the translation.")
    return out


def naming(ledger: pd.DataFrame, found: pd.DataFrame, verdicts: pd.DataFrame, n_outlets: int) -> list[str]:
    """From the naming ledger, the discovered candidates and the translation verdicts (notebook 04);
    ``n_outlets``: the outlets measured (an outlet that names no actor counts too)."""
    out = []
    if ledger.empty:
        out.append(f"None of the {n_outlets} outlets names an actor of story.yaml (table: ledger).")
    else:
        per = ledger.groupby("actor")["outlet"].nunique()
        top = per[per == per.max()].index.tolist()
        who = _join(sorted(top)) if len(top) <= 4 else f"{len(top)} actors"
        out.append(f"{ledger['actor'].nunique()} actors are named; the most widely named "
                   f"{'is' if len(top) == 1 else 'are'} {who} ({per.max()} of {n_outlets} outlets) (table: ledger).")
        rend = ledger[ledger["kind"].str.startswith("rendering")]
        if len(rend):
            items = [f"{r.form!r} for {r.actor} ({r.outlet}, {r.n}x, {r.kind.split(': ')[-1]})"
                     for r in rend.head(6).itertuples()]
            more = f" and {len(rend) - 6} more" if len(rend) > 6 else ""
            out.append(f"Renderings in use: {_join(items)}{more} (table: ledger, kind rendering).")
        else:
            out.append("No outlet uses a listed rendering; every name is a name or alias (table: ledger).")
    if len(found):
        top5 = found.head(5)
        items = [f"{r.candidate!r} for {r.actor} ({r.rule}, {r.n}x)" for r in top5.itertuples()]
        out.append(f"{found['candidate'].nunique()} unlisted variant(s) found: {_join(items)}"
                   f"{' and more' if len(found) > 5 else ''} (table: discovered; paste the yaml column into story.yaml "
                   "to count them).")
    else:
        out.append("No unlisted variant of an actor's name was found (table: discovered).")
    likely = verdicts[verdicts["verdict"] == "likely undeclared translation"]
    declared = verdicts[verdicts["verdict"] == "declared translation"]
    isolated = verdicts[verdicts["verdict"] == "isolated signals"]
    none = ("" if len(likely) else ": no undeclared article reaches the translation score on any kind of evidence "
            "(calques, MT formulas, other scripts, locale formats, untranslated words, MT grammar, glued sentences)")
    out.append(f"{len(declared)} declared translation(s); {len(likely)} article(s) read as undeclared translations"
               f"{none} (table: translation verdicts; the indicators table has every line behind them).")
    for r in likely.sort_values("score", ascending=False, kind="stable").head(8).itertuples():
        note = str(getattr(r, "language_note", "") or "")
        lang = f"from {r.source_language}" if isinstance(r.source_language, str) and r.source_language else \
            (f"source language {note}" if note.startswith("unknown") else "source language unclear")
        first = str(r.evidence).split("; ")[0]
        out.append(f"{r.article_id} ({r.outlet}) reads as an undeclared translation, {lang}: score {r.score} "
                   f"({r.kinds}); strongest signal: {first}.")
    if len(likely) > 8:
        out.append(f"... and {len(likely) - 8} more (table: translation verdicts).")
    if len(isolated):
        out.append(f"{len(isolated)} other article(s) show isolated signals only, too weak for a verdict "
                   "(table: translation verdicts, verdict 'isolated signals').")
    return out


def _short(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def sources(share: pd.DataFrame, speakers: pd.DataFrame, fidelity: pd.DataFrame, quotes: pd.DataFrame,
            n_outlets: int, responses: pd.DataFrame | None = None) -> list[str]:
    """From the voice shares, speakers, fidelity, quote and responses tables (notebook 05)."""
    direct = quotes[quotes["kind"] == "direct"]
    out = [f"{len(direct)} direct quotes, {int((quotes['kind'] == 'cited').sum())} cited terms and "
           f"{int((quotes['kind'] == 'indirect').sum())} reported statements in {n_outlets} outlets (table: quotes)."]
    none = n_outlets - direct["outlet"].nunique()
    if none:
        out.append(f"{none} outlet(s) quote nobody directly (table: voice share).")
    if len(share):
        named = share[share["voice"] != "unattributed"]
        several = named[named["outlet"].map(named.groupby("outlet")["voice"].nunique()) >= 2]
        if len(several):  # an outlet quoting one voice has it at 100%: not worth saying
            top = several.sort_values(["share", "quoted_words"], ascending=False, kind="stable").iloc[0]
            out.append(f"Among outlets quoting two voices or more, the largest share is {top['voice']}'s: "
                       f"{top['share']:.0%} of {top['outlet']}'s quoted words (table: voice share).")
        single = sorted(set(named["outlet"]) - set(several["outlet"]))
        if single:
            out.append(f"{_join(single)} quote{'s' if len(single) == 1 else ''} a single voice (table: voice share).")
        un = share[share["voice"] == "unattributed"]
        if len(un):
            out.append(f"Quoted words with no speaker found: {int(un['quoted_words'].sum())} in "
                       f"{_join(sorted(set(un['outlet'])))} (table: voice share, voice unattributed).")
    anon = speakers[speakers["speaker_kind"] == "anonymous"] if len(speakers) else speakers
    if len(anon):
        out.append(f"Anonymous sources: {_join(sorted(set(anon['outlet'])))} (table: speakers, speaker_kind anonymous).")
    if len(fidelity):
        n = fidelity["statement"].nunique()
        changed = fidelity[fidelity["label"].isin(["trimmed", "extended", "reworded"])]
        narr = fidelity[fidelity["label"] == "paraphrased into narration"]
        who = sorted(set(narr["outlet"]))
        out.append(f"{n} statement(s) are quoted by two articles or more; {len(changed)} version(s) differ from the "
                   "reference version, the one closest to all the others (trimmed, extended or reworded)"
                   + (f", and {_join(who)} carr{'ies' if len(who) == 1 else 'y'} one in "
                      f"{'its' if len(who) == 1 else 'their'} own narration" if len(narr) else "")
                   + " (table: fidelity).")
        if "found_elsewhere" in fidelity:
            alone = fidelity[fidelity["found_elsewhere"].eq(False)]
            if len(alone):
                x = alone.iloc[0]
                out.append(f"{len(alone)} version(s) add words to a statement that no other article has (found nowhere "
                           f"else), e.g. {x['outlet']}: \"{_short(str(x['added']))}\" (table: fidelity, column added).")
    else:
        out.append("No statement is quoted by two articles or more (table: fidelity).")
    if responses is not None and len(responses):
        for (party, actor), g in responses.groupby(["party", "actor"], sort=False):
            out.append(_balance(party, actor, g))
    return out


def _balance(party: str, actor: str, g: pd.DataFrame) -> str:
    """One party's voice across outlets (rows of the responses table): where it speaks and through
    what, and where nothing of it was found, with what was checked and what could not be."""
    role = "the accused" if party == "accused" else "an accuser"
    carried = g[g["carried"]]
    silent = sorted(g.loc[~g["carried"], "outlet"])
    line = f"{actor} ({role}) speaks in {len(carried)} of {len(g)} outlets"
    if "channels" in g:
        only = sorted(carried.loc[~carried["channels"].str.contains("direct quote"), "outlet"])
        if only:
            line += f" ({_join(only)} in reported speech only)"
    if silent:
        line += f"; nothing attributable to {actor} was found in {_join(silent)}"
        if "checked" in g:
            line += f" (checked: {g['checked'].iloc[0]})"
        n = int(g.loc[~g["carried"], "n_unattributed"].sum()) if "n_unattributed" in g else 0
        # what was not checked, said every time: an absence is what the rules found, not proof
        line += ("; not checked: a statement whose speaker or reporting frame the rules cannot read"
                 + (f" ({n} direct quote(s) there have no readable speaker)" if n else ""))
    return line + " (table: responses)."


def claims(grid: pd.DataFrame, omissions: pd.DataFrame, unmatched: list[str],
           responses: pd.DataFrame | None = None) -> list[str]:
    """From the claims grid, the omission table and the claims no article carries (notebook 07)."""
    if grid.empty:
        return ["story.yaml lists no claims, so nothing is measured (add claims with id, text and patterns)."]
    n_claims, n_outlets = grid["claim"].nunique(), grid["outlet"].nunique()
    carried = grid[grid["n_carrying"] > 0]
    per_claim = carried.groupby("claim", sort=False)["outlet"].nunique()
    everywhere = [c for c, n in per_claim.items() if n == n_outlets]
    out = [f"{n_claims} claims from story.yaml in {n_outlets} outlets; {len(everywhere)} carried by every outlet "
           "(table: claims by outlet)."]
    if unmatched:
        out.append(f"No article carries {_join(unmatched)}: check {'its' if len(unmatched) == 1 else 'their'} "
                   "patterns in story.yaml before reading it as an omission (table: unmatched claims).")
    if len(omissions) > 1:
        worst = omissions.sort_values(["n_left_out", "outlet"], ascending=[False, True], kind="stable").iloc[0]
        if worst["n_left_out"]:
            out.append(f"{worst['outlet']} leaves out the most: {int(worst['n_left_out'])} of {n_claims} claims "
                       "(table: omissions).")
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
            split.append(f"{c} (own voice: {_join(own)}; attributed: {_join(other)})")
    if split:
        out.append(f"{len(split)} claim(s) are stated as fact by some outlets and attributed to a speaker by others: "
                   + "; ".join(split[:3]) + ("; …" if len(split) > 3 else "") + " (table: claims by outlet).")
    lead = carried[carried["part"].isin(["title", "lede"])]
    if len(lead):
        top = lead.groupby("claim", sort=False)["outlet"].nunique().sort_values(ascending=False, kind="stable")
        out.append(f"Most often in a title or lede: {top.index[0]} ({int(top.iloc[0])} of {n_outlets} outlets) "
                   "(table: claims by outlet).")
    if responses is not None and len(responses):
        accused = responses[responses["party"] == "accused"]
        silent = sorted(set(accused.loc[~accused["carried"], "outlet"]))
        if len(accused):
            # an absence is stated with what was checked: a party speaks when quoted, reported, or
            # through a speaker tied to it (a spokesperson, an executive, a lawyer), in any article
            unread = int(accused[accused["outlet"].isin(silent)].drop_duplicates("outlet")["n_unattributed"].sum()) \
                if "n_unattributed" in accused else 0
            out.append(("The accused party speaks in every outlet" if not silent else
                        f"No word of the accused party was found in {_join(silent)}: checked its direct quotes, "
                        "its reported speech and every speaker tied to it (story.yaml affiliations, roles such as "
                        "a spokesperson, people the text ties to it), and statements other outlets give it; "
                        "an attribution the rules cannot read is not checked"
                        + (f" ({unread} direct quote(s) there have no readable speaker)" if unread else ""))
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
    top = summary.iloc[0]
    out = [f"{len(summary)} facts are stated by two articles or more; the widest, in {int(top['n_outlets'])} of "
           f"{n_outlets} outlets: \"{top['label']}\" (table: discovered facts)."]
    both = summary[(summary["own_voice_outlets"] > 0) & (summary["own_voice_outlets"] < summary["n_outlets"])]
    if len(both):
        out.append(f"{len(both)} fact(s) are told in their own voice by some outlets and attributed by others "
                   "(table: facts by outlet).")
    if len(left):
        worst = left.groupby("outlet")["fact"].nunique().sort_values(ascending=False, kind="stable")
        out.append(f"{worst.index[0]} leaves out {int(worst.iloc[0])} fact(s) that most outlets carry, with no "
                   "sentence of its articles (title, narration or quotes) in them (table: facts left out).")
    if len(drift):
        kinds = drift.groupby("kind")["fact"].nunique().sort_values(ascending=False, kind="stable")
        out.append("Versions of one fact differ in " + _join([f"{k} ({int(n)} fact(s))" for k, n in kinds.items()])
                   + " (table: drift).")
    if mapped is not None and len(mapped):
        out.append(f"{mapped['claim'].nunique()} story.yaml claim(s) match a discovered fact (table: claims to facts).")
    return out


def profiles(table: pd.DataFrame, sim: pd.DataFrame, groups: pd.DataFrame) -> list[str]:
    """From the profile table, the framing similarity and its groups (notebook 08)."""
    if table.empty:
        return ["No outlet to profile."]
    out = []
    for col, what, fmt in (("words_per_article", "the longest articles", "{:.0f} words"),
                           ("loaded_per_1000", "the most loaded narration", "{:.1f} loaded words per 1,000"),
                           ("claims_share", "the most claims", "{:.0%} of the claims")):
        t = table.dropna(subset=[col])
        if len(t) > 1:
            top = t.sort_values([col, "outlet"], ascending=[False, True], kind="stable").iloc[0]
            out.append(f"{top['outlet']} has {what}: {fmt.format(top[col])} (table: profiles, {col}).")
    t = table.dropna(subset=["narration_tone"])
    if len(t) > 1:
        lo = t.sort_values(["narration_tone", "outlet"], kind="stable").iloc[0]
        out.append((f"The most negative narration is {lo['outlet']}'s: mean compound {lo['narration_tone']:+.2f}"
                    if lo["narration_tone"] < 0 else
                    f"No outlet's narration is negative on average; the lowest is {lo['outlet']}'s, "
                    f"{lo['narration_tone']:+.2f}") + " (table: profiles, narration_tone).")
    pairs = sim[sim["outlet_a"] < sim["outlet_b"]].dropna(subset=["framing"])
    if len(pairs):
        hi = pairs.sort_values(["framing", "outlet_a", "outlet_b"], ascending=[False, True, True], kind="stable").iloc[0]
        lo = pairs.sort_values(["framing", "outlet_a", "outlet_b"], kind="stable").iloc[0]
        out.append(f"Told most alike: {hi['outlet_a']} and {hi['outlet_b']} (framing similarity {hi['framing']:.2f}); "
                   f"least alike: {lo['outlet_a']} and {lo['outlet_b']} ({lo['framing']:.2f}) (table: similarity).")
    multi = groups.groupby("cluster")["outlet"].apply(list)
    multi = [m for m in multi if len(m) > 1]
    if multi:
        out.append(f"{len(multi)} group(s) of outlets that framed it alike: "
                   + "; ".join(_join(sorted(m)) for m in multi) + " (table: groups).")
    return out


def _verdict_lines(ver: pd.DataFrame, evidence_words: int | None) -> list[str]:
    """Pair verdicts counted apart: copied without credit, common source, undetermined (and the rest)."""
    v = ver["verdict"].astype(str)
    groups = [("copied without credit", v.eq("copied without credit")),
              ("copied from a named source", ~v.eq("copied without credit") & ver["direction"].isin(["a_from_b", "b_from_a"])),
              ("common source", v.str.startswith("common source")),
              ("undetermined", v.str.startswith("undetermined")),
              ("too little shared to decide", v.str.startswith("too little")),
              ("same page or same outlet", v.str.startswith(("same page", "same outlet"))),
              ("quotation only", v.str.startswith("quotation only"))]
    out = ["Pair verdicts: " + _join([f"{int(m.sum())} {k}" for k, m in groups if m.any()]) + " (table: verdicts)."]
    if evidence_words:
        out.append(f"Evidence threshold: no pair is called copied without credit on less than {evidence_words} words "
                   "of shared narration (about two sentences; quotation never counts), nor when the shared text is "
                   "a wire's or another text's that holds it; the direction comes from the dates (table: verdicts, "
                   "columns evidence and candidates).")
    wire = ver[v.str.startswith("common source") & ver["relation"].eq("common_wire")]
    if len(wire):
        out.append(f"{len(wire)} pair(s) share text from a common wire, release or reference ("
                   + _join(sorted(set(wire["source"].astype(str)))[:6]) + "): common source, never copying (table: verdicts).")
    und = ver[v.str.startswith("undetermined")]
    if len(und):
        x = und.iloc[0]
        out.append(f"{len(und)} pair(s) of articles are undetermined, each with its candidates, e.g. {x['outlet_a']} "
                   f"({x['article_a']}) / {x['outlet_b']} ({x['article_b']}): "
                   f"{x['candidates']} (table: verdicts).")
    return out


def reuse(r, prov: pd.DataFrame, refs: pd.DataFrame, ver: pd.DataFrame | None = None,
          evidence_words: int | None = None) -> list[str]:
    """From :func:`presslens.analyses.reuse.analyse` (``r``), the provenance and reference tables and the pair
    verdicts (``ver``, :func:`presslens.analyses.verdicts.verdicts`) (notebook 06)."""
    s = r.stats
    p = r.passages[~r.passages["reference"]]
    out = [f"The 5-gram index proposed {s['candidate_pairs']:,} of the {s['all_pairs']:,} pairs of the {s['articles']} "
           f"articles compared" + (f" (and {s['reference_pairs']:,} article-reference pair(s))" if s.get("reference_pairs") else "")
           + f"; {len(p)} shared passage(s) of {s['min_words']}+ words were aligned (table: passages)."]
    if s.get("common_shingles"):
        out.append(f"{s['common_shingles']:,} 5-word sequence(s) found in more than {s['max_df']} articles were set aside as "
                   "common phrasing (a wire text many outlets ran whole is among them): raise max_df to align them.")
    if len(p):
        v = p["voice"].value_counts()
        out.append(f"Of those passages, {v.get('quotation', 0)} are quotation on both sides (expected), "
                   f"{v.get('narration', 0)} are narration on both (copying or a common source) and "
                   f"{v.get('quote on one side', 0)} are quoted on one side only (table: passages, column voice).")
    pairs = r.pairs
    if len(pairs):
        k = pairs["kind"].value_counts()
        out.append("Pairs of articles by kind: " + _join([f"{n} {kind}" for kind, n in k.items()]) + " (table: pairs).")
    else:
        out.append("No two articles share a passage or a reworded sentence (table: pairs).")
    c = r.containment[~r.containment["reference"]]
    c = c[c["shared_narration"] >= s["min_words"]]  # a quote's edges spilling into narration are not reuse
    if len(c):
        top = c.sort_values(["containment_narration", "shared_narration"], ascending=False, kind="stable").iloc[0]
        out.append(f"Largest share of one article's narration found in another: {top['containment_narration']:.0%} of "
                   f"{top['outlet']} ({top['article']}) is in {top['other_outlet']} ({top['other']}), "
                   f"{int(top['shared_narration'])} words (table: containment).")
    if len(r.reworded):
        sw = r.swaps[r.swaps["change"] == "swapped"]
        common = sw.groupby(["from", "to"]).size().sort_values(ascending=False, kind="stable").head(3)
        out.append(f"{len(r.reworded)} reworded sentence pair(s) with {len(r.swaps)} word change(s)"
                   + (": most frequent swaps " + _join([f'"{a}" → "{b}" ({n}x)' for (a, b), n in common.items()])
                      if len(common) else "") + " (table: swaps).")
    else:
        out.append(f"No sentence pair matches at {s['match']}+ similarity without being identical: no reworded copying "
                   "found (table: reworded).")
    if len(prov):
        st = prov["status"].value_counts()
        out.append("Provenance rows by status: " + _join([f"{n} {k}" for k, n in st.items()]) + " (table: provenance).")
        unc = prov[prov["status"] == "copied without credit"]
        if len(unc):
            # an article's fact: each side named by its article (an outlet may run two different wire stories)
            items = [f"{x.outlet} ({x.article}) from {x.source_outlet} ({x.source_article})" for x in unc.head(5).itertuples()]
            out.append(f"Copied without credit (source earlier, not in derived_from): {_join(items)}"
                       + (f" and {len(unc) - 5} more" if len(unc) > 5 else "") + " (table: provenance).")
        unknown = prov[prov["direction"].str.startswith("unknown")]
        if len(unknown):
            out.append(f"{len(unknown)} row(s) have no direction because a date is missing or the same: not guessed "
                       "(table: provenance, column direction).")
    if ver is not None and len(ver):
        out.extend(_verdict_lines(ver, evidence_words))
    dup = pairs[pairs["kind"] == "duplicate capture"] if len(pairs) else pairs
    if len(dup):
        out.append(f"{len(dup)} pair(s) are the same page captured twice: duplicates, not copying (table: pairs).")
    if len(refs):
        best = refs.sort_values("share", ascending=False, kind="stable").iloc[0]
        out.append(f"Most taken from a reference document: {best['outlet']} ({best['article']}), {best['share']:.0%} of "
                   f"its words in {best['reference']} ({best['kind']}, {best['source']}) (table: references).")
    return out
