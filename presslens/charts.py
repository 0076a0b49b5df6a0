"""Figure builders for the analysis notebooks. Each returns (figure, the tidy data drawn), ready for
:meth:`presslens.nb.Context.save`. Colours come from the story's full outlet list, so an outlet has
the same colour in every notebook."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import plots, readability, stats, tone
from .corpus import Story


def _shown_note(fig, shown: list[str], every: list[str], y: float = -0.04) -> None:
    """Say under a figure that it shows only some outlets (the CSV has all)."""
    if len(shown) < len(every):
        fig.text(0.01, y, f"Showing the {len(shown)} outlets with most articles of {len(every)} (max_outlets); "
                 "every outlet is in the CSV.", fontsize=8, color="0.35", va="top")


def _note_figure(note: str) -> plt.Figure:
    """A small figure that says, in words, why there is nothing to draw."""
    fig, ax = plt.subplots(figsize=(8, 1.6))
    ax.axis("off")
    ax.text(0, 0.5, "\n".join(textwrap.wrap(note, 90)), fontsize=9, va="center")
    return fig


def _outlets_of(story: Story, table: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(every outlet present in ``table`` in story order, those a figure shows: ``max_outlets``)."""
    present = set(table["outlet"])
    every = [o for o in story.outlets if o in present]
    return every, story.figure_outlets(every)


def _dagger(story: Story, outlets: list[str]) -> str:
    """The footnote for the † mark, when an outlet shown carries it."""
    return " † machine-translated." if any(o in story.translations for o in outlets) else ""


def _label(story: Story, outlet: str) -> str:
    """An outlet's name in a figure: shortened past ``plots.MAX_LABEL`` characters, † when translated."""
    names = plots.outlet_labels(story.color_order) if outlet in story.color_order else {}  # unique labels
    return (names.get(outlet) or plots.short(outlet)) + (readability.DAGGER if outlet in story.translations else "")


def _heatmap(ax, table: pd.DataFrame, counts: pd.DataFrame | None, cmap: str, vmin: float, vmax: float, fmt: str,
             diverging: bool = True, mask: pd.DataFrame | None = None):
    """Annotated heatmap; cells where ``mask`` is True are greyed (shown, but not coloured: too few words)."""
    values = table.values.astype(float)
    shown = np.where(mask.values, np.nan, values) if mask is not None else values
    cm = plt.get_cmap(cmap).copy()
    cm.set_bad("#eeeeee")
    im = ax.imshow(np.ma.masked_invalid(shown), cmap=cm, vmin=vmin, vmax=vmax, aspect="auto")
    ax.set_xticks(range(table.shape[1]), table.columns, rotation=35, ha="right")
    ax.set_yticks(range(table.shape[0]), table.index)
    for i in range(table.shape[0]):
        for j in range(table.shape[1]):
            v = table.iat[i, j]
            if pd.isna(v):
                ax.text(j, i, "·", ha="center", va="center", color="0.6")
                continue
            extra = f"\nn={int(counts.iat[i, j])}" if counts is not None else ""
            masked = mask is not None and bool(mask.iat[i, j])
            if diverging:
                dark = abs(v - (vmin + vmax) / 2) > 0.35 * (vmax - vmin)
            else:
                dark = v > vmin + 0.6 * (vmax - vmin)
            ax.text(j, i, format(v, fmt) + extra, ha="center", va="center", fontsize=7.5,
                    color="0.55" if masked else ("white" if dark and not masked else "black"))
    ax.spines[:].set_visible(False)
    return im


# ----------------------------------------------------------------------------------------------
# tone


def tone_by_outlet(story: Story, table: pd.DataFrame, seed: int = 0) -> tuple[plt.Figure, pd.DataFrame]:
    """Left: every sentence's VADER compound per outlet (the distribution). Right: mean with a 95%
    bootstrap interval for the outlet's own narration and for the quoted material, apart, from
    ``table`` (:func:`presslens.tone.outlet_tone_by_voice`: computed once by the notebook)."""
    plots.use_style()
    st_ = tone.sentence_tone(story)
    colors = plots.outlet_colors(story.color_order)
    every, outlets = _outlets_of(story, st_)
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 0.55 * len(outlets) + 1.8), sharey=True)
    for i, o in enumerate(outlets):
        v = st_.loc[st_["outlet"] == o, "compound"].to_numpy()
        jitter = stats.group_rng(seed, o, "jitter").uniform(-0.18, 0.18, len(v))
        a1.scatter(v, i + jitter, s=14, color=colors[o], alpha=0.6, lw=0)
        a1.plot([np.median(v)] * 2, [i - 0.3, i + 0.3], color="black", lw=1.5)
    a1.axvline(0, color="0.7", lw=0.8)
    for x in (-0.05, 0.05):
        a1.axvline(x, color="0.85", lw=0.6, ls=":")
    a1.set_yticks(range(len(outlets)), [_label(story, o) for o in outlets])
    a1.set_ylim(len(outlets) - 0.5, -0.5)
    a1.set_xlim(-1, 1)
    a1.set_xlabel("VADER compound per sentence (bar: median)")
    a1.set_title("Every sentence")
    rows = []
    for voice, marker, dy in (("narration", "o", -0.12), ("quote", "s", 0.12)):
        t = table[table["voice"] == voice]
        for r in t.itertuples():
            rows.append(r._asdict())  # the CSV: every outlet
            if r.outlet not in outlets:
                continue
            i = outlets.index(r.outlet)
            if r.n_sentences == 0:
                continue
            a2.errorbar(r.mean, i + dy, xerr=[[r.mean - r.ci_low], [r.ci_high - r.mean]], fmt=marker,
                        color=colors[r.outlet], mfc=colors[r.outlet] if voice == "narration" else "white",
                        capsize=2, label=voice if i == 0 else None)
            a2.text(1.01, i + dy, f"n={r.n_sentences}", transform=a2.get_yaxis_transform(), fontsize=7,
                    va="center", ha="left", color="0.4")
    a2.axvline(0, color="0.7", lw=0.8)
    a2.set_xlabel("mean compound, 95% bootstrap interval")
    a2.set_title("Narration (●) vs quoted material (□)")
    fig.text(0.01, -0.02, "† machine-translated: VADER scores the translation. Quotes: the words inside "
             "quotation marks of each sentence; narration: the rest.", fontsize=8, color="0.35")
    _shown_note(fig, outlets, every)
    fig.tight_layout()
    data = pd.DataFrame(rows).drop(columns=["Index"], errors="ignore")
    return fig, data


def tone_by_actor(story: Story, table: pd.DataFrame, min_outlets: int = 2) -> tuple[plt.Figure, pd.DataFrame]:
    """Mean tone of the sentences that mention each actor (by any alias or rendering), per outlet,
    from ``table`` (:func:`presslens.tone.actor_tone`); actors mentioned by at least ``min_outlets``
    outlets. Cells show the mean and the number of sentences."""
    plots.use_style()
    t = table
    t = t[t["n_sentences"] > 0]
    if t.empty:
        return _note_figure("No sentence mentions an actor of story.yaml (add actors and their aliases to see "
                            "the tone of the sentences about each)."), table
    spread = t.groupby("actor")["outlet"].nunique()
    keep = [a.name for a in story.actors if spread.get(a.name, 0) >= min_outlets]
    t = t[t["actor"].isin(keep)]
    every, outlets = _outlets_of(story, t)
    mean = t.pivot(index="outlet", columns="actor", values="mean").reindex(index=outlets, columns=keep)
    n = t.pivot(index="outlet", columns="actor", values="n_sentences").reindex(index=outlets, columns=keep)
    mean.index = [_label(story, o) for o in mean.index]
    fig, ax = plt.subplots(figsize=(1.1 * len(keep) + 3, 0.6 * len(outlets) + 1.8))
    im = _heatmap(ax, mean, n, "RdBu", -0.6, 0.6, "+.2f")
    fig.colorbar(im, ax=ax, shrink=0.8, label="mean VADER compound")
    ax.set_title("Tone of the sentences that mention each actor")
    _shown_note(fig, outlets, every)
    fig.tight_layout()
    return fig, t.reset_index(drop=True)


def tone_arc(story: Story, table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Mean tone by position in the article (lede to end), one line per outlet, from ``table``
    (:func:`presslens.tone.tone_arc`)."""
    plots.use_style()
    t = table
    bins = int(t["bin"].nunique()) if "bin" in t and len(t) else 0
    colors = plots.outlet_colors(story.color_order)
    fig, ax = plt.subplots(figsize=(8, 4))
    every, outlets = _outlets_of(story, t)
    for o in outlets:
        d = t[(t["outlet"] == o) & (t["n_sentences"] > 0)]
        ax.plot(d["bin_mid"], d["mean"], marker="o", color=colors[o], label=_label(story, o))
    ax.axhline(0, color="0.7", lw=0.8)
    ax.set_xticks([0.1, 0.3, 0.5, 0.7, 0.9], ["lede", "", "middle", "", "end"])
    ax.set_ylabel("mean VADER compound")
    ax.set_title(f"Tone arc: mean compound in {bins} slices of each article")
    ax.legend(fontsize=8, frameon=False, loc="center left", bbox_to_anchor=(1, 0.5))
    _shown_note(fig, outlets, every)
    fig.tight_layout()
    return fig, t


# ----------------------------------------------------------------------------------------------
# readability


READABILITY_PANELS = [
    ("consensus_grade", "Consensus grade (median of 4)", "US school grade"),
    ("flesch_reading_ease", "Flesch reading ease", "higher = easier"),
    ("sentence_len_mean", "Mean sentence length", "words (bar: ± 1 sd)"),
    ("mtld", "Lexical diversity (MTLD)", "higher = more varied"),
]


SHORT_MARK = " ‡"


def readability_panels(story: Story, table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Four readability measures per article, one row each (labelled uniquely: outlet, plus a short
    title or date when an outlet has several). Marks: † translated (hatched bars: the formulas
    measure the translation), ‡ too short for a stable MTLD. The footnote explains each mark once,
    one line per mark."""
    plots.use_style()
    r = table.copy()
    colors = plots.outlet_colors(story.color_order)
    order = {o: i for i, o in enumerate(story.outlets)}
    r = r.sort_values(["outlet"], key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    names = story.labels
    tr_all = r["translated_from"].map(lambda x: isinstance(x, str) and bool(x))
    short_all = r["n_words"] < readability.MTLD_MIN_TOKENS
    r.insert(2, "label", [names[a] + (readability.DAGGER if t else "") + (SHORT_MARK if s else "")
                          for a, t, s in zip(r["article_id"], tr_all, short_all)])
    data = r  # the CSV: every article
    shown = story.figure_outlets(list(dict.fromkeys(r["outlet"])))
    r = r[r["outlet"].isin(shown)].head(plots.MAX_ROWS).reset_index(drop=True)
    translated = r["translated_from"].map(lambda x: isinstance(x, str) and bool(x))
    short = r["n_words"] < readability.MTLD_MIN_TOKENS
    labels = r["label"].tolist()
    fig, axes = plt.subplots(1, len(READABILITY_PANELS), figsize=(14, 0.5 * len(r) + 2), sharey=True)
    for ax, (col, title, unit) in zip(axes, READABILITY_PANELS):
        vals = r[col].astype(float)
        bars = ax.barh(range(len(r)), vals.fillna(0), color=[colors[o] for o in r["outlet"]],
                       xerr=r["sentence_len_std"].fillna(0) if col == "sentence_len_mean" else None, error_kw={"lw": 0.8})
        for b, tr in zip(bars, translated):
            if tr:
                b.set_hatch("//")
                b.set_alpha(0.6)
        at = vals + (r["sentence_len_std"].fillna(0) if col == "sentence_len_mean" else 0)
        for i, (v, x) in enumerate(zip(vals, at)):
            ax.text(0 if pd.isna(v) else x, i, " n/a" if pd.isna(v) else f" {v:.1f}", va="center", fontsize=8)
        ax.set_title(title)
        ax.set_xlabel(unit)
        reach = vals + (r["sentence_len_std"].fillna(0) if col == "sentence_len_mean" else 0)
        top = reach.max() if reach.notna().any() else 1
        ax.set_xlim(min(0, vals.min() * 1.2) if vals.notna().any() else 0, max(top * 1.2, 1))
    axes[0].set_yticks(range(len(r)), labels)
    axes[0].set_ylim(len(r) - 0.5, -0.5)
    notes = []
    langs = sorted({x for x, t in zip(r["translated_from"], translated) if t})
    if langs:
        notes.append(f"† translated (from {', '.join(langs)}): the formulas measure the translation, possibly "
                     f"machine-made, not the original writing.")
    if short.any():
        notes.append(f"‡ fewer than {readability.MTLD_MIN_TOKENS} words: MTLD (and every formula) is unstable "
                     f"on so short a text (n_words in the CSV).")
    if len(r) < len(data):
        notes.append(f"Showing {len(r)} of {len(data)} articles (from the outlets with most articles); every "
                     f"article is in the CSV.")
    if notes:
        fig.text(0.01, -0.02 - 0.03 * (len(notes) - 1), "\n".join(notes), fontsize=8, color="0.35", va="top")
    fig.tight_layout()
    return fig, data


# ----------------------------------------------------------------------------------------------
# word choice


def wordchoice_heatmap(story: Story, rates: pd.DataFrame, lex) -> tuple[plt.Figure, pd.DataFrame]:
    """Framing-lexicon categories by outlet, hits per 1,000 words: the outlet's own narration (left)
    and the words inside quotation marks (right), on one colour scale, from ``rates``
    (:func:`presslens.lexicon.rates`). Cells give the rate and hits."""
    from . import lexicon as lexmod

    plots.use_style()
    r = rates
    r = r[r["voice"].isin(["narration", "quote"])]
    labels = dict(zip(r["category"], r["label"]))
    cats = [c for c in lex.names]
    every, outlets = _outlets_of(story, r)
    vmax = float(np.nanmax(r.loc[~r["few_words"], "rate_per_1000"].to_numpy())) if (~r["few_words"]).any() else 1.0
    fig, axes = plt.subplots(1, 2, figsize=(15, 0.55 * len(outlets) + 2.6), sharey=True)
    for ax, voice, title in ((axes[0], "narration", "The outlet's own narration"),
                             (axes[1], "quote", "Inside quotation marks (the speakers' words)")):
        d = r[r["voice"] == voice]
        rate = d.pivot(index="outlet", columns="category", values="rate_per_1000").reindex(index=outlets, columns=cats)
        hits = d.pivot(index="outlet", columns="category", values="hits").reindex(index=outlets, columns=cats)
        few = d.pivot(index="outlet", columns="category", values="few_words").reindex(index=outlets, columns=cats)
        rate.columns = [labels[c] for c in cats]
        rate.index = [_label(story, o) for o in outlets]
        im = _heatmap(ax, rate.round(1), hits, "Blues", 0, vmax, ".1f", diverging=False, mask=few.fillna(True).astype(bool))
        ax.set_title(title)
    fig.colorbar(im, ax=axes, shrink=0.8, label="hits per 1,000 words (n = hits)")
    fig.text(0.01, -0.26, "·: no words in that voice. Grey cells rest on fewer than "
             f"{lexmod.MIN_WORDS} words (few_words in the CSV): read the hits, not the rate. † machine-translated.",
             fontsize=8, color="0.35")
    _shown_note(fig, outlets, every, y=-0.3)
    return fig, r.reset_index(drop=True)


def distinctive_terms(story: Story, n: int = 8, min_count: int = 3, voice: str = "narration",
                      table: pd.DataFrame | None = None) -> tuple[plt.Figure, pd.DataFrame]:
    """The words each outlet uses most over the rest of the corpus (log-odds with informative
    Dirichlet prior, z-scores), one panel per outlet, with the counts behind each score."""
    from . import keyness

    plots.use_style()
    outlets_with_words = sorted(set(story.articles["outlet"]))
    if len(outlets_with_words) < 2:
        note = (f"Keyness compares each outlet with the rest of the corpus; this selection has one outlet "
                f"({outlets_with_words[0] if outlets_with_words else 'none'}), so there is nothing to compare it with. "
                f"Run on two or more outlets.")
        fig = _note_figure(note)
        cols = ["outlet", "term", "count_outlet", "count_rest", "rate_outlet", "rate_rest", "delta", "se", "z"]
        data = pd.DataFrame(columns=cols)
        data.attrs["note"] = note
        return fig, data
    k = table if table is not None else keyness.keyness(story, min_count=min_count, voice=voice)
    t = keyness.top(k, n=n)
    if t.empty:
        note = (f"No word is seen {min_count} times or more in the outlets' {voice} (min_count={min_count}): "
                f"lower min_count to see the distinctive words.")
        fig = _note_figure(note)
        t = t.copy()
        t.attrs["note"] = note
        return fig, t
    every, outlets = _outlets_of(story, t)
    colors = plots.outlet_colors(story.color_order)
    cols = min(3, max(1, len(outlets)))
    rows_ = int(np.ceil(len(outlets) / cols))
    fig, axes = plt.subplots(rows_, cols, figsize=(4.3 * cols, 0.28 * n * rows_ + 1.2 * rows_), squeeze=False)
    for ax in axes.flat[len(outlets):]:
        ax.set_visible(False)
    for ax, o in zip(axes.flat, outlets):
        d = t[t["outlet"] == o]
        ax.barh(range(len(d)), d["z"], color=colors[o])
        ax.set_yticks(range(len(d)), [f"{w} ({a}/{b})" for w, a, b in zip(d["term"], d["count_outlet"], d["count_rest"])],
                      fontsize=8)
        ax.set_ylim(len(d) - 0.5, -0.5)
        ax.axvline(1.96, color="0.6", lw=0.8, ls=":")
        ax.set_title(_label(story, o), fontsize=10)
        ax.set_xlabel("z", fontsize=8)
    fig.suptitle(f"Most distinctive words per outlet ({voice}; label: word (outlet count / rest count); "
                 f"dotted: z = 1.96)", x=0.01, ha="left", fontsize=10)
    _shown_note(fig, outlets, every)
    fig.tight_layout()
    return fig, t.reset_index(drop=True)


NAME_KIND_COLORS = {"name": "#e9eef4", "alias": "#e9eef4", "rendering: misspelling": "#f6c28b",
                    "rendering: calque": "#e8837b", "rendering": "#c9a3d9"}


def names_by_outlet(story: Story, ledger: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Actors (rows) by outlets (columns): the form each outlet uses most for each actor, '+N' when it
    uses N other forms too; the cell's colour says the kind of form (name or alias, misspelling,
    calque, other rendering); an empty cell is an actor the outlet never names. From ``ledger``
    (:func:`presslens.naming.ledger`), which is also the CSV (every outlet, every form)."""
    from . import naming

    plots.use_style()
    if ledger.empty:
        return _note_figure("No outlet names an actor of story.yaml (add actors and their aliases to see which "
                            "name each outlet uses)."), ledger
    every, outlets = _outlets_of(story, ledger)
    grid = naming.names_grid(story, ledger, outlets)
    top = naming.cell_kinds(ledger[ledger["outlet"].isin(outlets)])
    actors = list(grid.index)
    fig, ax = plt.subplots(figsize=(max(6.0, 1.5 * len(outlets) + 2.2), 0.5 * len(actors) + 1.6))
    for i, a in enumerate(actors):
        for j, o in enumerate(outlets):
            kind = top.get((o, a))
            if kind is None:
                color = "white"
            else:
                color = NAME_KIND_COLORS.get(kind, NAME_KIND_COLORS["rendering"])
            ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=color, edgecolor="0.85", lw=0.6))
            lines = textwrap.wrap(grid.loc[a, o], 18)
            label = "\n".join(lines[:2]) + ("…" if len(lines) > 2 else "") if lines else "·"
            ax.text(j, i, label, ha="center", va="center", fontsize=7, linespacing=1.0,
                    color="0.1" if kind else "0.7", fontweight="bold" if kind and kind.startswith("rendering") else None)
    ax.set_xlim(-0.5, len(outlets) - 0.5)
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.set_xticks(range(len(outlets)), [_label(story, o) for o in outlets], rotation=30, ha="right")
    ax.set_yticks(range(len(actors)), actors)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title("Which name each outlet uses for each actor (most used form / renderings also used; +N: other names)")
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=c, edgecolor="0.7") for c in
               (NAME_KIND_COLORS["name"], NAME_KIND_COLORS["rendering: misspelling"],
                NAME_KIND_COLORS["rendering: calque"], NAME_KIND_COLORS["rendering"])]
    ax.legend(handles, ["name or alias", "rendering: misspelling", "rendering: calque", "other rendering"],
              loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    fig.text(0.01, -0.02, "· the outlet never names the actor. † machine-translated. Renderings come from story.yaml; "
             "unlisted variants are in the discovery table.", fontsize=8, color="0.35")
    _shown_note(fig, outlets, every, y=-0.06)
    fig.tight_layout()
    return fig, ledger


def voice_share(story: Story, table: pd.DataFrame, top: int = 8) -> tuple[plt.Figure, pd.DataFrame]:
    """Whose words each outlet quotes: one bar per outlet, split by the share of its directly quoted
    words per voice (the speaking actor; 'unattributed' in grey), the ``top`` voices across the story
    by name and the rest as 'other voices'. From ``table`` (:func:`presslens.quotes.voice_share`),
    which is also the CSV."""
    plots.use_style()
    if table.empty:
        return _note_figure("No direct quote was found in these articles, so there is no voice to share out "
                            "(quotes.quotes lists every quoted stretch, cited terms included)."), table
    every, outlets = _outlets_of(story, table)
    totals = table[table["voice"] != "unattributed"].groupby("voice")["quoted_words"].sum()
    voices = sorted(totals.index, key=lambda v: (-totals[v], v))[:top]
    order = voices + ["other voices", "unattributed"]
    cmap = plt.get_cmap("tab10")
    colors = {v: cmap(i % 10) for i, v in enumerate(voices)}
    colors.update({"other voices": "0.75", "unattributed": "0.9"})
    t = table.assign(group=[v if v in voices or v == "unattributed" else "other voices" for v in table["voice"]])
    share = t.groupby(["outlet", "group"])["share"].sum()
    words = table.groupby("outlet")["quoted_words"].sum()
    fig, ax = plt.subplots(figsize=(10, 0.5 * len(outlets) + 1.8))
    for i, o in enumerate(outlets):
        left = 0.0
        for v in order:
            w = float(share.get((o, v), 0.0))
            if w <= 0:
                continue
            ax.barh(i, w, left=left, color=colors[v], edgecolor="white", lw=0.5, label=v if i == 0 else None)
            if w >= 0.08:
                ax.text(left + w / 2, i, f"{w:.0%}", ha="center", va="center", fontsize=7)
            left += w
        n = int(words.get(o, 0))
        ax.text(1.01, i, f"{n} word{'' if n == 1 else 's'}", va="center", fontsize=7, color="0.4",
                transform=ax.get_yaxis_transform())
    handles = [plt.Rectangle((0, 0), 1, 1, color=colors[v]) for v in order if (share.index.get_level_values(1) == v).any()]
    labels = [v for v in order if (share.index.get_level_values(1) == v).any()]
    ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.12, 1), fontsize=8, frameon=False)
    ax.set_yticks(range(len(outlets)), [_label(story, o) for o in outlets])
    ax.set_ylim(len(outlets) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the outlet's directly quoted words")
    ax.set_title("Whose words each outlet quotes")
    fig.text(0.01, -0.02, "Direct quotes only (cited terms and reported speech apart). A voice is the speaker's actor "
             "(story.yaml); † machine-translated.", fontsize=8, color="0.35")
    _shown_note(fig, outlets, every, y=-0.06)
    fig.tight_layout()
    return fig, table


CLAIM_VOICE_COLORS = {"narration": "#4c78a8", "reported speech": "#9ecae9", "quote": "#f58518",
                      "cited term": "#f2cf5b"}


def claims_grid(story: Story, table: pd.DataFrame, claim_text: dict[str, str] | None = None
                ) -> tuple[plt.Figure, pd.DataFrame]:
    """Claims (rows) by outlets (columns), from :func:`presslens.claims.grid`: a cell's colour is the
    voice of the outlet's earliest mention (its own narration, reported speech, a quote, a cited term),
    T or L when that mention is in the title or lede, and the share of the outlet's articles that
    carry the claim when it has more than one; an empty cell is a claim the outlet left out."""
    plots.use_style()
    if table.empty:
        return _note_figure("story.yaml lists no claims: add claims (id, text, patterns) to see which outlet "
                            "carries which fact."), table
    every, outlets = _outlets_of(story, table)
    claims_ = list(dict.fromkeys(table["claim"]))
    cell = {(r.claim, r.outlet): r for r in table.itertuples(index=False)}
    fig, ax = plt.subplots(figsize=(max(6.0, 1.3 * len(outlets) + 3.5), 0.42 * len(claims_) + 1.8))
    for i, c in enumerate(claims_):
        for j, o in enumerate(outlets):
            r = cell.get((c, o))
            carried = r is not None and r.n_carrying > 0
            color = CLAIM_VOICE_COLORS.get(r.voice, "0.8") if carried else "white"
            ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=color, edgecolor="0.85", lw=0.6))
            if not carried:
                ax.text(j, i, "·", ha="center", va="center", color="0.6")
                continue
            mark = {"title": "T", "lede": "L"}.get(r.part, "")
            share = f"{r.share:.0%}" if r.n_articles > 1 else ""
            ax.text(j, i, " ".join(x for x in (mark, share) if x), ha="center", va="center", fontsize=8, color="0.1")
    labels = [c if not claim_text else f"{c}: {textwrap.shorten(claim_text.get(c, ''), 48, placeholder='…')}"
              for c in claims_]
    ax.set_xlim(-0.5, len(outlets) - 0.5)
    ax.set_ylim(len(claims_) - 0.5, -0.5)
    ax.set_xticks(range(len(outlets)), [_label(story, o) for o in outlets], rotation=30, ha="right")
    ax.set_yticks(range(len(claims_)), labels, fontsize=8)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title("Which outlet carries which claim, and in whose voice")
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=c, edgecolor="0.7") for c in CLAIM_VOICE_COLORS.values()]
    ax.legend(handles, list(CLAIM_VOICE_COLORS), loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              frameon=False)
    fig.text(0.01, -0.02, "· left out. T / L: first carried in the title / lede. %: share of the outlet's articles "
             "that carry it (outlets with several articles)." + _dagger(story, outlets), fontsize=8, color="0.35")
    _shown_note(fig, outlets, every, y=-0.06)
    fig.tight_layout()
    return fig, table


PROFILE_PANELS = [("words_per_article", "words per article"), ("reading_ease", "Flesch reading ease"),
                  ("narration_tone", "tone of its narration (VADER)"), ("loaded_per_1000", "loaded words / 1,000"),
                  ("n_voices", "voices quoted"), ("anonymous_sources", "anonymous sources"),
                  ("reuse_share", "narration found in another outlet"),
                  ("claims_share", "share of the claims carried")]


def profile_panels(story: Story, table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Small multiples from :func:`presslens.profiles.profiles`: one panel per measure, one bar per
    outlet in its colour, so outlets can be compared measure by measure."""
    plots.use_style()
    every, outlets = _outlets_of(story, table)
    t = table.set_index("outlet").loc[outlets]
    colors = plots.outlet_colors(list(story.all_outlets or story.outlets))
    panels = [(c, label) for c, label in PROFILE_PANELS if t[c].notna().any()]
    ncol = 4
    nrow = -(-len(panels) // ncol)
    fig, axes = plt.subplots(nrow, ncol, figsize=(3.2 * ncol, 0.32 * len(outlets) * nrow + 1.3 * nrow), squeeze=False)
    y = np.arange(len(outlets))
    for ax, (col, label) in zip(axes.flat, panels):
        vals = t[col].astype(float).to_numpy()
        ax.barh(y, np.nan_to_num(vals), color=[colors.get(o, "0.5") for o in outlets])
        ax.set_yticks(y, [_label(story, o) for o in outlets] if ax in axes[:, 0] else [""] * len(outlets), fontsize=8)
        ax.invert_yaxis()
        ax.set_title(label, fontsize=9)
        ax.tick_params(axis="x", labelsize=7)
        if col == "narration_tone":
            ax.axvline(0, color="0.4", lw=0.6)
    for ax in list(axes.flat)[len(panels):]:
        ax.axis("off")
    fig.suptitle("Outlet profiles, measure by measure", fontsize=11)
    fig.text(0.01, -0.01, "Every measure comes from the notebook named in the profile table." + _dagger(story, outlets),
             fontsize=8, color="0.35")
    _shown_note(fig, outlets, every, y=-0.04)
    fig.tight_layout()
    return fig, table


def framing_similarity(story: Story, sim: pd.DataFrame, groups: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Framing similarity of every pair of outlets (:func:`presslens.profiles.similarity`) as a
    heatmap, outlets in the order of the clustering (:func:`presslens.profiles.clusters`), with the
    group of each outlet in its label. The data returned (the CSV) holds the pairs of the outlets
    drawn (``max_outlets``); the similarity table has every pair."""
    plots.use_style()
    order = [o for o in groups.sort_values("order")["outlet"] if o in set(sim["outlet_a"])]
    shown = story.figure_outlets(order)
    order = [o for o in order if o in shown]
    if len(order) < 2:
        return _note_figure("Framing similarity compares outlets: this selection has one outlet."), sim
    m = sim.pivot(index="outlet_a", columns="outlet_b", values="framing").reindex(index=order, columns=order)
    cl = dict(zip(groups["outlet"], groups["cluster"]))
    labels = [f"{_label(story, o)} [{cl.get(o, '')}]" for o in order]
    fig, ax = plt.subplots(figsize=(0.6 * len(order) + 3.5, 0.5 * len(order) + 2))
    _heatmap(ax, m.set_axis(labels, axis=0).set_axis(labels, axis=1), None, "Greens", 0.0, 1.0, ".2f",
             diverging=False)
    ax.set_title("Which outlets told the story alike (framing similarity; [group])")
    fig.text(0.01, -0.02, "Mean of: claims carried (Jaccard), voices quoted (overlap of shares), loaded words in "
             "narration (cosine). Groups: average-linkage clustering.", fontsize=8, color="0.35")
    _shown_note(fig, order, list(groups["outlet"]), y=-0.06)
    fig.tight_layout()
    if len(order) < sim["outlet_a"].nunique():  # all pairs of 2,000 outlets are 4 million rows: the CSV keeps
        keep = set(order)  # the pairs drawn; profiles.similarity() has them all
        sim = sim[sim["outlet_a"].isin(keep) & sim["outlet_b"].isin(keep)]
    return fig, sim
