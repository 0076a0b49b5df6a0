"""Findings of the reuse and profiles notebooks (06, 08): outlets compared."""
from __future__ import annotations

import pandas as pd

from .common import all_equal, english_only, extremes, join, not_english, plural, tied, unread_line, verb

FEW_WORDS = 300  # an outlet with fewer words in all: its framing similarity rests on a handful of hits and quotes


def _over(row) -> str:
    """", over its N articles" for an outlet with several (two wire stories, say): the figure is the
    outlet's, taken over all of them, and may be true of one article only."""
    n = pd.to_numeric(row.get("n_articles"), errors="coerce")
    return f", over its {int(n)} articles" if pd.notna(n) and n > 1 else ""


def _pairs(rows: pd.DataFrame) -> str:
    """The pairs holding a superlative: "A and B", or for a tie the count and the first three."""
    items = [f"{a} and {b}" for a, b in zip(rows["outlet_a"], rows["outlet_b"])]
    if len(items) == 1:
        return items[0]
    return f"{len(items)} pairs (tied): " + "; ".join(items[:3]) + ("; …" if len(items) > 3 else "")


def _few(table: pd.DataFrame, outlets: set) -> str:
    """A caution when an outlet named has fewer than :data:`FEW_WORDS` words in all: its similarity rests
    on a handful of lexicon hits, claims and quotes."""
    if not {"words_per_article", "outlet"} <= set(table.columns):
        return ""
    n = pd.to_numeric(table["n_articles"], errors="coerce").fillna(1) if "n_articles" in table else 1
    words = pd.to_numeric(table["words_per_article"], errors="coerce") * n
    few = sorted(o for o, w in zip(table["outlet"], words) if o in outlets and pd.notna(w) and w < FEW_WORDS)
    return (f"; few words behind ({join(few)}: under {FEW_WORDS} words{' each' if len(few) > 1 else ''}): weak evidence"
            if few else "")


def profiles(table: pd.DataFrame, sim: pd.DataFrame, groups: pd.DataFrame, unread: list[str] = ()) -> list[str]:
    """From the profile table, the framing similarity and its groups (notebook 08). ``unread``: the story's outlets
    none of whose articles is measured (``ctx.unread_outlets()``): "most", "least" and "all" are of the others."""
    n_read = table["outlet"].nunique() if len(table) else 0
    unread_said = unread_line(unread, n_read, "how it compares with the others (length, loaded words, claims, tone, framing)")
    if table.empty:
        return ["No outlet to profile."] + unread_said
    if n_read == 1:  # every sentence below compares outlets
        return [f"One outlet only ({table['outlet'].iloc[0]}): a profile compares outlets, so nothing is compared "
                "(table: profiles)."] + unread_said
    out = list(unread_said)
    lang = not_english(table, sim)  # loaded words, tone and framing similarity are English-built: left out
    def names(rows: pd.DataFrame) -> str:  # every outlet tied for it, each with its articles when several
        return tied([f"{r['outlet']}{_over(r)}" for _, r in rows.iterrows()] if len(rows) > 1 else [rows.iloc[0]["outlet"]])

    for col, what, same, fmt, digits in (("words_per_article", "the longest articles", "articles of one length", "{:.0f} words", 0),
                                         ("loaded_per_1000", "the most loaded narration", "one rate of loaded words",
                                          "{:.1f} loaded words per 1,000", 1),
                                         ("claims_share", "the most claims", "one share of the claims", "{:.0%} of the claims", 2)):
        if lang and col == "loaded_per_1000":
            continue
        t = table.dropna(subset=[col])
        if all_equal(t, col, digits):  # compared as printed
            out.append(f"All {len(t)} outlets have {same}: {fmt.format(t[col].iloc[0])}, so none has {what} "
                       f"(table: profiles, {col}).")
        elif len(t) > 1:
            top = extremes(t, col, True, digits)
            few = _few(table, set(top["outlet"])) if col == "loaded_per_1000" else ""  # a rate of a few words is weak
            out.append(f"{names(top)} {'has' if len(top) == 1 else 'have'} {what}: {fmt.format(top[col].iloc[0])}"
                       f"{_over(top.iloc[0]) if len(top) == 1 else ''}{few} (table: profiles, {col}).")
    if lang:
        out.append(english_only("Loaded words, narration tone and framing similarity (the lexicon, VADER and the "
                                "quote attribution)", lang, "profiles, similarity"))
        return out
    t = table.dropna(subset=["narration_tone"])
    if all_equal(t, "narration_tone", 2):
        out.append(f"All {len(t)} outlets' narration has one mean compound, {t['narration_tone'].iloc[0]:+.2f}: none is "
                   "more negative (table: profiles, narration_tone).")
    elif len(t) > 1:
        low = extremes(t, "narration_tone", False, 2)
        lo = low.iloc[0]
        whose = f"{names(low)}'s" if len(low) == 1 else f"that of {names(low)}"  # not "A and B (tied)'s"
        out.append((f"The most negative narration is {whose}: mean compound {lo['narration_tone']:+.2f}"
                    if round(float(lo["narration_tone"]), 2) < 0 else  # -0.004 prints -0.00: negative in no sense
                    f"No outlet's narration is negative on average; the lowest is {whose}, "
                    f"{lo['narration_tone']:+.2f}") + f"{_over(lo) if len(low) == 1 else ''}{_few(table, set(low['outlet']))} "
                   "(table: profiles, narration_tone).")
    pairs = sim[sim["outlet_a"] < sim["outlet_b"]].dropna(subset=["framing"])
    if len(pairs) == 1:  # one pair is neither the most nor the least alike of anything
        x = pairs.iloc[0]
        out.append(f"One pair of outlets has a framing similarity: {x['outlet_a']} and {x['outlet_b']}, {x['framing']:.2f}"
                   f"{_few(table, {x['outlet_a'], x['outlet_b']})} (table: similarity).")
    elif all_equal(pairs, "framing"):
        out.append(f"Every pair of outlets has one framing similarity, {pairs['framing'].iloc[0]:.2f}: none is told more "
                   f"alike than another{_few(table, set(pairs['outlet_a']) | set(pairs['outlet_b']))} (table: similarity).")
    elif len(pairs):
        # the extremes' ties only are sorted by name (sorting all 2 million pairs of 2,000 outlets takes seconds)
        hi = extremes(pairs, "framing").sort_values(["outlet_a", "outlet_b"], kind="stable")
        lo = extremes(pairs, "framing", largest=False).sort_values(["outlet_a", "outlet_b"], kind="stable")
        named = set(hi["outlet_a"].head(3)) | set(hi["outlet_b"].head(3)) | set(lo["outlet_a"].head(3)) | set(lo["outlet_b"].head(3))
        out.append(f"Told most alike: {_pairs(hi)} (framing similarity {hi['framing'].iloc[0]:.2f}); "
                   f"least alike: {_pairs(lo)} ({lo['framing'].iloc[0]:.2f}){_few(table, named)} (table: similarity).")
    unmeasured = sorted(set(table["outlet"]) - set(pairs["outlet_a"]) - set(pairs["outlet_b"]))
    if unmeasured and len(pairs):  # left out of "most" and "least alike": said, not dropped in silence
        out.append(f"No framing similarity for {join(unmeasured)}: fewer than two of the measures behind it (claims "
                   "carried, voices quoted, loaded words in narration) exist there (table: similarity).")
    elif unmeasured:
        out.append("No pair of outlets has a framing similarity: fewer than two of the measures behind it (claims carried, "
                   "voices quoted, loaded words in narration) exist for each pair (table: similarity).")
    multi = groups.groupby("cluster")["outlet"].apply(list)
    multi = [m for m in multi if len(m) > 1]
    if multi:
        out.append(f"{plural(len(multi), 'group')} of outlets that framed it alike: "
                   + "; ".join(join(sorted(m)) for m in multi) + " (table: groups).")
    return out


def _why_unknown(direction: pd.Series) -> pd.Series:
    """Why each provenance row has no direction (its ``direction`` text, :func:`presslens.analyses.provenance._status`),
    counted: a date missing, both of one day, dates a day apart (too close to order without times and zones), or
    another reason; most first. Dates a day apart are neither missing nor the same, and a sentence must not say so."""
    d = direction.astype(str)
    why = pd.Series("for another reason (see the column)", index=d.index)
    why[d.str.contains("a day apart", regex=False)] = "dated a day apart (too close to order without times and zones)"
    why[d.str.contains("both published", regex=False)] = "published the same day"
    why[d.str.contains("no date", regex=False) | d.str.contains("a date is missing", regex=False)] = "with a date missing"
    return why.value_counts(sort=True).sort_index(kind="stable").sort_values(ascending=False, kind="stable")


def _verdict_lines(ver: pd.DataFrame, evidence_words: int | None) -> list[str]:
    """Pair verdicts counted apart: copied without credit, common source, undetermined (and the rest)."""
    v = ver["verdict"].astype(str)
    groups = [("copied without credit", v.eq("copied without credit")),
              ("copied without credit, direction unknown", v.str.startswith("copied without credit, direction unknown")),
              ("copied from a named source", ~v.eq("copied without credit") & ver["direction"].isin(["a_from_b", "b_from_a"])),
              ("common source", v.str.startswith("common source")),
              ("undetermined", v.str.startswith("undetermined")),
              ("too little shared to decide", v.str.startswith("too little")),
              ("same page or same outlet", v.str.startswith(("same page", "same outlet"))),
              ("quotation only", v.str.startswith("quotation only"))]
    out = ["Pair verdicts: " + join([f"{int(m.sum())} {k}" for k, m in groups if m.any()]) + " (table: verdicts)."]
    if evidence_words:
        out.append(f"Evidence threshold: no pair is called copied without credit on less than {evidence_words} words "
                   "of shared narration (about two sentences; quotation never counts), nor when the shared text is "
                   "a wire's or another text's that holds it; the direction comes from the dates (table: verdicts, "
                   "columns evidence and candidates).")
    common = v.str.startswith("common source") & ver["relation"].eq("common_wire")
    wire = ver[common & ver["source"].notna()]
    unnamed = ver[common & ver["source"].isna()]
    if len(unnamed):
        out.append(f"{plural(len(unnamed), 'pair')} {verb(len(unnamed), 'shares', 'share')} passages though neither holds most of the other's narration: a likely "
                   "common source outside the corpus, not named (one taking a passage of the other is not excluded; "
                   "table: verdicts, column candidates).")
    if len(wire):
        out.append(f"{plural(len(wire), 'pair')} {verb(len(wire), 'shares', 'share')} text from a common wire, release or reference ("
                   + join(sorted(set(wire["source"].astype(str))), limit=6) + "): common source, never copying (table: verdicts).")
    und = ver[v.str.startswith("undetermined")]
    if len(und):
        x = und.iloc[0]
        out.append(f"{plural(len(und), 'pair')} of articles {verb(len(und), 'is', 'are')} undetermined, each with its candidates, e.g. {x['outlet_a']} "
                   f"({x['article_a']}) / {x['outlet_b']} ({x['article_b']}): "
                   f"{x['candidates']} (table: verdicts).")
    return out


def reuse(r, prov: pd.DataFrame, refs: pd.DataFrame, ver: pd.DataFrame | None = None,
          evidence_words: int | None = None, unread: list[str] = ()) -> list[str]:
    """From :func:`presslens.analyses.reuse.analyse` (``r``), the provenance and reference tables and the pair
    verdicts (``ver``, :func:`presslens.analyses.verdicts.verdicts`) (notebook 06). ``unread``: the story's outlets
    none of whose articles is read (``ctx.unread_outlets()``): every pair counted is of the others' articles."""
    s = r.stats
    p = r.passages[~r.passages["reference"]]
    pairs_of = f"{s['all_pairs']:,} {verb(s['all_pairs'], 'pair', 'pairs')}"  # two articles: "of the 1 pair"
    out = [f"The 5-gram index proposed {s['candidate_pairs']:,} of the {pairs_of} of the {plural(s['articles'], 'article')} "
           f"compared" + (f" (and {s['reference_pairs']:,} article-reference {verb(s['reference_pairs'], 'pair', 'pairs')})" if s.get("reference_pairs") else "")
           + f"; {plural(len(p), 'shared passage')} of {s['min_words']}+ words {verb(len(p), 'was', 'were')} aligned "
           "(table: passages)."]
    out += unread_line(unread, s["articles"], "which text it shares with the other outlets", unit="article")
    if s.get("common_shingles"):
        out.append(f"{s['common_shingles']:,} 5-word {verb(s['common_shingles'], 'sequence', 'sequences')} found in more than "
                   f"{s['max_df']} articles {verb(s['common_shingles'], 'was', 'were')} set aside as "
                   "common phrasing (a wire text many outlets ran whole is among them): raise max_df to align them.")
    if s.get("carried_texts"):
        out.append(f"{plural(s['carried_texts'], 'text')} of two sentences or more {verb(s['carried_texts'], 'is', 'are')} carried by more than {s['max_df']} articles "
                   f"({s['carried_articles']:,} articles in all): each is one story sent to many (a wire), so its articles "
                   "are grouped as one common source, never as copies of one another (provenance: 'common source likely "
                   "(a text carried by ...)'; table: the reuse result's carried).")
    if len(p):
        v = p["voice"].value_counts()
        out.append(f"Of those passages, {v.get('quotation', 0)} are quotation on both sides (expected), "
                   f"{v.get('narration', 0)} are narration on both (copying or a common source) and "
                   f"{v.get('quote on one side', 0)} are quoted on one side only (table: passages, column voice).")
    pairs = r.pairs
    if len(pairs):
        k = pairs["kind"].value_counts()
        out.append("Pairs of articles by kind: " + join([f"{n} {kind}" for kind, n in k.items()]) + " (table: pairs).")
    else:
        out.append("No two articles share a passage or a reworded sentence (table: pairs).")
    c = r.containment[~r.containment["reference"]]
    c = c[c["shared_narration"] >= s["min_words"]].dropna(subset=["containment_narration"])  # a quote's edges spilling into narration are not reuse
    if len(c):
        tops = extremes(c, "containment_narration", True, 2).sort_values("shared_narration", ascending=False, kind="stable")
        top = tops.iloc[0]
        where = (f"{top['outlet']} ({top['article']}) is in {top['other_outlet']} ({top['other']}), "
                 f"{int(top['shared_narration'])} words")
        out.append(f"Largest share of one article's narration found in another: {top['containment_narration']:.0%} of "
                   + (where if len(tops) == 1 else f"one article's in another for {len(tops)} pairs (tied), e.g. {where}")
                   + " (table: containment).")
    if len(r.reworded):
        sw = r.swaps[r.swaps["change"] == "swapped"]
        common = sw.groupby(["from", "to"]).size().sort_values(ascending=False, kind="stable").head(3)
        out.append(f"{plural(len(r.reworded), 'reworded sentence pair')} with {plural(len(r.swaps), 'word change')}"
                   + (": most frequent swaps " + join([f'"{a}" → "{b}" ({n}x)' for (a, b), n in common.items()])
                      if len(common) else "") + " (table: swaps).")
    else:
        out.append(f"No sentence pair matches at {s['match']}+ similarity without being identical: no reworded copying "
                   "found (table: reworded).")
    if len(prov):
        st = prov["status"].value_counts()
        out.append("Provenance rows by status: " + join([f"{n} {k}" for k, n in st.items()]) + " (table: provenance).")
        unc = prov[prov["status"] == "copied without credit"]
        if len(unc):
            # an article's fact: each side named by its article (an outlet may run two different wire stories)
            items = [f"{x.outlet} ({x.article}) from {x.source_outlet} ({x.source_article})" for x in unc.head(5).itertuples()]
            out.append(f"Copied without credit (source earlier, not in derived_from): {join(items)}"
                       + (f" and {len(unc) - 5} more" if len(unc) > 5 else "") + " (table: provenance).")
        unknown = prov[prov["direction"].str.startswith("unknown")]
        if len(unknown):
            out.append(f"{plural(len(unknown), 'row')} {verb(len(unknown), 'has', 'have')} no direction from the dates, not guessed: "
                       + join([f"{n} {why}" for why, n in _why_unknown(unknown["direction"]).items()])
                       + " (table: provenance, column direction).")
    if ver is not None and len(ver):
        out.extend(_verdict_lines(ver, evidence_words))
    dup = pairs[pairs["kind"] == "duplicate capture"] if len(pairs) else pairs
    if len(dup):
        out.append(f"{plural(len(dup), 'pair')} {verb(len(dup), 'is', 'are')} the same page captured twice: duplicates, not copying (table: pairs).")
    if len(refs) and refs["share"].notna().any():
        bests = extremes(refs, "share", True, 2)
        best = bests.iloc[0]
        who = (f"{best['outlet']} ({best['article']}), {best['share']:.0%} of its words in {best['reference']} "
               f"({best['kind']}, {best['source']})")
        out.append("Most taken from a reference document: " + (who if len(bests) == 1 else
                   f"{len(bests)} articles (tied), {best['share']:.0%} of their words each, e.g. {who}") + " (table: references).")
    return out
