"""Findings of the corpus, word choice, tone, readability and naming notebooks (00-04)."""
from __future__ import annotations

import pandas as pd

from presslens.story.model import Story
from .common import MAX_NAMES, all_equal, article_of, english_only, extremes, join, not_english, plural, tied, unread_line, verb


def corpus(story: Story, articles: pd.DataFrame) -> list[str]:
    """From the article table (notebook 00)."""
    out = []
    dated = articles[articles["published"] != "unknown"]
    n, k = len(articles), articles["outlet"].nunique()
    first, last = (dated["published"].min(), dated["published"].max()) if len(dated) else (None, None)
    out.append(f"{n} article{'s' if n != 1 else ''} from {k} outlet{'s' if k != 1 else ''}; "
               f"{len(dated)} reveal{'s' if len(dated) == 1 else ''} a publication date"
               + ("" if first is None else f" ({first})" if first == last else f" ({first} to {last})")
               + " (table: articles).")
    def names(rows: pd.DataFrame) -> str:  # every article that ties for a superlative
        return tied([article_of(r, articles, story.labels) for _, r in rows.iterrows()])

    if all_equal(articles, "words"):
        out.append(f"Every article has {plural(articles['words'].iloc[0], 'word')} (table: articles, column words).")
    elif len(articles) > 1:
        out.append(f"Longest: {names(extremes(articles, 'words'))} ({articles['words'].max()} words); shortest: "
                   f"{names(extremes(articles, 'words', largest=False))} ({articles['words'].min()} words) "
                   "(table: articles, column words).")
    q = articles.sort_values("quoted_share", ascending=False, kind="stable")
    # an absence is said of an outlet only when it holds for every one of its articles; an outlet with
    # quote-free articles beside quoted ones is named with the count, never as quoting nobody
    zero = q["quoted_share"] == 0
    per = q.assign(_zero=zero).groupby("outlet")["_zero"].agg(["sum", "size"])
    none = sorted(per.index[per["sum"] == per["size"]])
    some = [f"{o} ({int(r['sum'])} of {int(r['size'])} articles)" for o, r in per.iterrows() if 0 < r["sum"] < r["size"]]
    out.append(f"Largest share of words inside quotation marks: {names(extremes(q, 'quoted_share', True, 2))} "
               f"({q['quoted_share'].max():.0%})"
               + (f"; no words in quotes in any article: {join(none)}" if none else "")
               + (f"; articles without quotes: {join(sorted(some))}" if some else "") + " (column quoted_share).")
    tr = articles[articles["translated_from"] != "—"]
    if len(tr):
        # a translation is an article's fact: an outlet with other articles is named by the translated one
        out.append(f"Declared translations: {join([f'{article_of(r, articles, story.labels)} (from {r.translated_from})' for _, r in tr.iterrows()])}: "
                   "their wording is the translator's (column translated_from).")
    credits = articles[articles["derived_from"] != "—"]
    # derived_from is what the story's files declare; a credit in the text (a wire's dateline, a byline, "X reported")
    # is read by the reuse notebook, not here: the sentence says which it counts
    out.append(f"{len(credits)} of {len(articles)} articles declare a source in their front matter (column derived_from); "
               "credits written in the text (a wire's dateline or byline, \"X reported\") are read in notebook 06.")
    left = articles[~articles["measured"]]
    if len(left):
        # every notebook measures the screened story (04 reads articles in other languages only as possible originals)
        out.append(f"{plural(len(left), 'article')} {verb(len(left), 'is', 'are')} left out of every notebook's measures: "
                   f"{join([article_of(r, articles, story.labels) for _, r in left.iterrows()])} "
                   "(another language or a duplicate capture; notebook 04 reads articles in other languages only as "
                   "possible originals of translations) (table: screening.languages and screening.duplicates say why).")
    return out


def wordchoice(rates: pd.DataFrame, key_top: pd.DataFrame, min_words: int) -> list[str]:
    """From the lexicon rates and the keyness table (notebook 01). On a story in another language than
    English the lexicon's rates are not compared (an English word list finds nothing there, and that
    absence means nothing), and keyness carries the caveat of its English stop-word lists."""
    out = []
    lang = not_english(rates, key_top)
    measured = rates[(rates["voice"] == "narration") & ~rates["few_words"]]
    narr = measured[measured["hits"] > 0]
    short = sorted(set(rates.loc[rates["voice"] == "narration", "outlet"]) - set(measured["outlet"]))
    if lang:
        out.append(english_only("Loaded-language rates (the framing lexicon, a list of English words)", lang, "rates"))
    elif measured.empty:  # no hit on no text is no finding: said as what it is
        out.append(f"No outlet has {min_words}+ words of its own narration, so no rate of loaded words is measured or "
                   "compared (table: rates, column few_words).")
    elif narr.empty:
        n = measured["outlet"].nunique()
        out.append(f"No outlet's own narration has a framing-lexicon hit ({n} outlet{'s' if n != 1 else ''} with "
                   f"{min_words}+ words of narration read"
                   + (f"; not measured, under {min_words} words: {join(short)}" if short else "") + ") (table: rates).")
    else:
        top = extremes(narr, "rate_per_1000", True, 1)  # as printed
        r = top.iloc[0]
        if len(top) == 1:
            out.append(f"Highest rate of loaded words in an outlet's own narration: {r['outlet']}, {r['label']} "
                       f"({r['rate_per_1000']:.1f} per 1,000 words, {plural(int(r['hits']), 'hit')}, 95% interval "
                       f"{r['ci_low']:.1f}-{r['ci_high']:.1f}) (table: rates).")
        else:
            out.append(f"Highest rate of loaded words in an outlet's own narration, {r['rate_per_1000']:.1f} per 1,000 "
                       f"words: {tied([x.outlet + ', ' + x.label + ' (' + plural(int(x.hits), 'hit') + ')' for x in top.itertuples()])} "
                       "(table: rates).")
        if short:  # left out of "highest": said, not dropped in silence
            out.append(f"Not ranked, under {min_words} words of their own narration: {join(short)} (table: rates, "
                       "column few_words).")
    q = rates[(rates["voice"] == "quote") & (rates["hits"] > 0)]
    if len(q) and not lang:
        by = q.groupby("outlet")["hits"].sum().sort_values(ascending=False, kind="stable")
        items = [f'{o} {plural(int(n), "hit")}' for o, n in by.items()]
        more = len(items) - MAX_NAMES
        out.append("Loaded words inside quotation marks (the speakers' words, not the outlet's): "
                   + (join(items) if more <= 0 else f"most in {join(items[:MAX_NAMES])}; "
                      f"{plural(more, 'more outlet', 'more outlets')} quote{'s' if more == 1 else ''} some")
                   + " (table: rates, voice quote).")
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
            out.append(f"{plural(len(strong), 'word')} clear{'s' if len(strong) == 1 else ''} z = 1.96; the strongest: {join(items)} (table: key_top).")
    if lang and len(key_top):
        out.append(f"Caveat: keyness leaves out English function words only, so {lang} function words may rank "
                   "among an outlet's distinctive words (table: key_top).")
    return out


def tone(by_outlet: pd.DataFrame) -> list[str]:
    """From :func:`presslens.analyses.tone.outlet_tone_by_voice` (notebook 02)."""
    out = []
    lang = not_english(by_outlet)
    if lang:  # VADER scores English words: other text is near 0 whatever it says
        return [english_only("Tone (VADER)", lang, "by_outlet")]
    narr = by_outlet[(by_outlet["voice"] == "narration") & (by_outlet["n_sentences"] > 0)].dropna(subset=["mean"])
    if narr.empty:
        return ["No outlet has sentences of its own narration to score (table: by_outlet)."]
    low, high = extremes(narr, "mean", False, 3), extremes(narr, "mean", True, 3)  # as printed, 3 decimals
    lo, hi = low.iloc[0], high.iloc[0]
    if all_equal(narr, "mean", 3):
        out.append(f"Every outlet's narration has the same mean tone, {lo['mean']:+.3f}: none is more negative "
                   "(table: by_outlet, voice narration).")
    elif len(narr) > 1:
        detail = (f", 95% interval {lo['ci_low']:+.3f} to {lo['ci_high']:+.3f}, {plural(int(lo['n_sentences']), 'sentence')}"
                  if len(low) == 1 else "")
        # "most negative" only of a mean below zero as printed: a lowest mean of +0.000 is negative in no sense
        out.append((f"Most negative narration: {tied(low['outlet'])} (mean {lo['mean']:+.3f}{detail}); least negative: "
                    if round(float(lo["mean"]), 3) < 0 else
                    f"No outlet's narration is negative on average; the lowest: {tied(low['outlet'])} (mean "
                    f"{lo['mean']:+.3f}{detail}); the highest: ")
                   + f"{tied(high['outlet'])} (mean {hi['mean']:+.3f}) (table: by_outlet, voice narration).")
    else:
        out.append(f"One outlet's narration only: {lo['outlet']}, mean {lo['mean']:+.3f} (95% interval {lo['ci_low']:+.3f} "
                   f"to {lo['ci_high']:+.3f}, {plural(int(lo['n_sentences']), 'sentence')}) (table: by_outlet, voice narration).")
    below = narr[narr["ci_high"] < 0]["outlet"].tolist()
    above = narr[narr["ci_low"] > 0]["outlet"].tolist()
    out.append("Narration interval wholly below zero: " + (join(below) if below else "no outlet")
               + "; wholly above zero: " + (join(above) if above else "no outlet") + ".")
    small = narr[narr["small_sample"]]["outlet"].tolist()
    if small:
        out.append(f"Fewer than 10 sentences behind: {join(small)}: read those intervals as anecdotes (column small_sample).")
    return out


def readability(measures: pd.DataFrame, labels: dict[str, str] | None = None) -> list[str]:
    """From :func:`presslens.analyses.readability.readability` (notebook 03); ``labels``: the story's
    article labels (``story.labels``), to name an article of an outlet that has several."""
    if not_english(measures):  # the grade formulas count English syllables and word lists
        return [english_only("Readability grades (textstat's formulas)", not_english(measures), "measures")]
    m = measures.dropna(subset=["consensus_grade"])
    if m.empty:
        return ["No article has sentences the formulas can use (table: measures)."]
    def names(rows: pd.DataFrame) -> str:  # the measures are per article: an outlet's several are named apart
        return tied([article_of(r, m, labels) for _, r in rows.iterrows()])

    lo, hi = m["consensus_grade"].min(), m["consensus_grade"].max()
    if len(m) == 1:  # one article: no range, no longest
        r = m.iloc[0]
        out = [f"One article only: {names(m)}, consensus grade {lo:.1f}, sentences of {r['sentence_len_mean']:.1f} words "
               "on average: nothing to compare (table: measures)."]
    else:  # compared as printed (one decimal): 7.46 and 7.54 are one grade, not a range "from 7.5 to 7.5"
        out = [(f"Every article has the consensus grade {lo:.1f}" if all_equal(m, "consensus_grade", 1) else
                f"Consensus grades run from {lo:.1f} ({names(extremes(m, 'consensus_grade', False, 1))}) to "
                f"{hi:.1f} ({names(extremes(m, 'consensus_grade', True, 1))})") + " (table: measures, row consensus_grade)."]
        if all_equal(m, "sentence_len_mean", 1):
            out.append(f"Every article's sentences have {m['sentence_len_mean'].iloc[0]:.1f} words on average "
                       "(row sentence_len_mean).")
        else:
            out.append(f"Longest sentences on average: {names(extremes(m, 'sentence_len_mean', True, 1))} "
                       f"({m['sentence_len_mean'].max():.1f} words; row sentence_len_mean).")
    tr = m[m["translated_from"].map(lambda x: isinstance(x, str) and bool(x))]
    if len(tr):
        names = list(dict.fromkeys(article_of(r, m, labels) for _, r in tr.iterrows()))
        out.append(f"Translated ({join(names)}): their scores measure the translation.")
    return out


def naming(ledger: pd.DataFrame, found: pd.DataFrame, verdicts: pd.DataFrame, n_outlets: int,
           indicators: pd.DataFrame | None = None, unread: list[str] = ()) -> list[str]:
    """From the naming ledger, the discovered candidates and the translation verdicts (notebook 04);
    ``n_outlets``: the outlets measured (an outlet that names no actor counts too); with ``indicators`` (the
    translation indicators behind ``verdicts``) the articles with isolated signals and a score above zero are named
    with their heaviest signal and its sentence."""
    out = []
    if ledger.empty:
        out.append(("The one outlet names no actor" if n_outlets == 1 else f"None of the {n_outlets} outlets names an actor")
                   + " of story.yaml (table: ledger).")
    else:
        per = ledger.groupby("actor")["outlet"].nunique()
        top = per[per == per.max()].index.tolist()
        who = join(sorted(top)) if len(top) <= 4 else f"{len(top)} actors"
        n_actors = ledger["actor"].nunique()
        out.append(f"{plural(n_actors, 'actor')} {'is' if n_actors == 1 else 'are'} named; the most widely named "
                   f"{'is' if len(top) == 1 else 'are'} {who} ({per.max()} of {plural(n_outlets, 'outlet')}) (table: ledger).")
        rend = ledger[ledger["kind"].str.startswith("rendering")]
        if len(rend):
            items = [f"{r.form!r} for {r.actor} ({r.outlet}, {r.n}x, {r.kind.split(': ')[-1]})"
                     for r in rend.head(6).itertuples()]
            more = f" and {len(rend) - 6} more" if len(rend) > 6 else ""
            out.append(f"Renderings in use: {join(items)}{more} (table: ledger, kind rendering).")
        else:
            out.append("No outlet uses a listed rendering; every name is a name or alias (table: ledger).")
    out += unread_line(unread, n_outlets, "which names it uses")
    if len(found):
        top5 = found.head(5)
        items = [f"{r.candidate!r} for {r.actor} ({r.rule}, {r.n}x)" for r in top5.itertuples()]
        out.append(f"{plural(found['candidate'].nunique(), 'unlisted variant')} found: {join(items)}"
                   f"{' and more' if len(found) > 5 else ''} (table: discovered; paste the yaml column into story.yaml "
                   "to count them).")
    else:
        out.append("No unlisted variant of an actor's name was found (table: discovered).")
    likely = verdicts[verdicts["verdict"] == "likely undeclared translation"]
    declared = verdicts[verdicts["verdict"] == "declared translation"]
    isolated = verdicts[verdicts["verdict"] == "isolated signals"]
    none = ("" if len(likely) else ": no undeclared article reaches the translation score on any kind of evidence "
            "(calques, MT formulas, other scripts, locale formats, untranslated words, MT grammar, glued sentences)")
    lang = not_english(verdicts)
    if lang and none:  # the calque and MT tells are English phrases: on other text their absence says nothing
        none = (f": the calque and machine-translation tells are built for English, so on {lang} text finding none "
                "does not show an article is not a translation")
    out.append(f"{plural(len(declared), 'declared translation')}; {plural(len(likely), 'article')} read as "
               f"{verb(len(likely), 'an undeclared translation', 'undeclared translations')}"
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
        out.append(f"{plural(len(isolated), 'other article')} {verb(len(isolated), 'shows', 'show')} isolated signals only, too weak for a verdict "
                   "(table: translation verdicts, verdict 'isolated signals').")
        if indicators is not None:
            out.extend(_isolated_lines(isolated, indicators))
    return out


ISOLATED_SHOWN = 5  # the isolated-signals articles the findings name, highest score first
SENTENCE_CHARS = 160


def _isolated_lines(isolated: pd.DataFrame, indicators: pd.DataFrame) -> list[str]:
    """The articles with isolated signals whose score is low but not zero, highest first: each with its heaviest
    counted signal and the sentence it was found in (cut to ``SENTENCE_CHARS``)."""
    out = []
    scored = isolated[isolated["score"] > 0].sort_values("score", ascending=False, kind="stable")
    counted = indicators[(indicators["kind"] != "declared") & (indicators["weight"] > 0)]
    for r in scored.head(ISOLATED_SHOWN).itertuples():
        rows = counted[counted["article_id"] == r.article_id].sort_values("weight", ascending=False, kind="stable")
        if rows.empty:
            continue
        top = rows.iloc[0]
        sent = " ".join(str(top["sentence"]).split())
        sent = sent if len(sent) <= SENTENCE_CHARS else sent[:SENTENCE_CHARS - 1].rstrip() + "…"
        out.append(f"{r.article_id} ({r.outlet}): isolated signals, score {r.score} ({r.kinds}); {top['kind']}: "
                   f"{top['detail']} in \"{sent}\"")
    if len(scored) > ISOLATED_SHOWN:
        out.append(f"... and {len(scored) - ISOLATED_SHOWN} more with isolated signals (table: translation verdicts).")
    return out
