"""The tables ``presslens export`` writes: every analysis table the notebooks show, computed through
the same package calls with the notebooks' default parameters, plus the articles and sentences with
every article attribute attached.

Each table is declared once in :data:`TABLES` (name, source notebook, what one row is, how it is
computed); :mod:`.export_schema` says what each of its columns means. :func:`compute` returns them
all, as the export writes them (:func:`tidy`: list cells joined, text columns as text), so a test
can compare the files with the package's tables exactly.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from presslens.analyses import (blindspots, claims, facts, groups, keyness, naming, profiles, provenance, quotes,
                                readability, reuse, spread, timeline, tone, verdicts)
from presslens.analyses import corpus as corpus_mod
from presslens.analyses import wordchoice as lexicon
from presslens.engine import screening, tables as text_tables
from presslens.notebook.gate import check_story
from presslens.story import capture, grouping
from presslens.story.model import Story

LIST_SEPARATOR = "; "  # a cell holding a list (sources credited, voices) is written as its items joined by this
# the notebooks' default parameters (their `parameters` cells): the exported tables are the notebooks' tables
DEFAULTS = {"n_boot_wordchoice": 1000, "n_boot_tone": 2000, "seed": 0, "min_count": 3, "arc_bins": 5,
            "max_edits": 1, "min_mentions": 1, "min_words": reuse.MIN_WORDS, "match": reuse.MATCH,
            "max_df": reuse.MAX_DF, "threshold": 0.7, "facts_shown": 15, "n_boot_groups": 1000}


@dataclass(frozen=True)
class Table:
    name: str
    notebook: str
    row: str  # what one row is
    compute: Callable[["Inputs"], pd.DataFrame]
    min_outlets: int = 1  # a comparison of outlets (keyness: an outlet against the rest) needs two


class Inputs:
    """The stories a notebook reads (``full``: every article; ``kept``: those the measures use; the
    cross-article notebook compares the ``full`` story too) and results several tables share."""

    def __init__(self, story: Story, extra: pd.DataFrame | None = None, group_by: str | None = None):
        self.full = story
        self.kept, self.left_out = screening.analysed(story)
        self.extra = extra
        self.group_by = group_by
        self._memo: dict = {}

    def once(self, key: str, make: Callable[[], object]):
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    @property
    def lex(self):
        return self.once("lex", lambda: lexicon.lexicon_for(self.kept))

    @property
    def hits(self):
        return self.once("hits", lambda: lexicon.match(self.kept, self.lex))

    @property
    def reuse(self):
        return self.once("reuse", lambda: reuse.analyse(self.full, **self.knobs()))

    def knobs(self) -> dict:
        return {k: DEFAULTS[k] for k in ("min_words", "match", "max_df")}

    @property
    def claim_hits(self):
        return self.once("claim_hits", lambda: claims.hits(self.kept))

    @property
    def members(self):
        return self.once("members", lambda: facts.members(self.kept))

    @property
    def found(self):
        return self.once("found", lambda: facts.summarise(self.members))


def articles_table(story: Story, extra: pd.DataFrame | None = None, on: str = "outlet") -> pd.DataFrame:
    """One row per article with every attribute presslens knows (front matter, the published date-time
    columns, ``meta.*`` fields when the articles carry them), plus ``extra``: a table of attributes
    keyed by ``on`` (e.g. outlets.yaml's attributes, one row per outlet), joined onto each article; a
    value ``extra`` does not give is left empty (never guessed)."""
    a = story.articles.rename(columns={"id": "article_id"}).drop(columns=["text"], errors="ignore")
    a = a.assign(derived_from=a["derived_from"].map(lambda d: LIST_SEPARATOR.join(d) if d else None))
    if "meta" in a.columns:  # a user's own fields under `meta:` (when the story gives them): one column each
        metas = [m if isinstance(m, dict) else {} for m in a["meta"]]
        keys = list(dict.fromkeys(k for m in metas for k in m))  # object columns: a whole number stays whole (tidy)
        meta = pd.DataFrame({f"meta.{k}": pd.Series([m.get(k) for m in metas], dtype=object) for k in keys},
                            index=range(len(metas)))
        a = pd.concat([a.drop(columns=["meta"]).reset_index(drop=True), meta], axis=1)
    return join_attributes(a, extra, on)


def outlet_attributes(story: Story) -> pd.DataFrame | None:
    """The outlets' attributes (outlets.yaml, when the story's loader gives them: ``outlet_attrs`` and
    ``attributes``) as a table with one row per outlet, keyed by ``outlet``; None when there are none.
    An attribute an outlet does not have stays empty (unknown, never guessed)."""
    attrs = getattr(story, "outlet_attrs", None) or {}
    names = list(getattr(story, "attributes", ()) or ())
    if not attrs or not names:
        return None
    return pd.DataFrame([{"outlet": o, **{k: attrs.get(o, {}).get(k) for k in names}} for o in story.outlets],
                        columns=["outlet", *names], dtype=object)  # object: founded 1946 stays whole (tidy: Int64)


def join_attributes(table: pd.DataFrame, extra: pd.DataFrame | None, on: str = "outlet") -> pd.DataFrame:
    """``table`` with the columns of ``extra`` (keyed by its column ``on``) joined by ``on``; rows
    ``extra`` does not name get empty values. Columns ``table`` already has are not replaced: an
    attribute of the same name (an outlet's ``language``, beside the article's) is joined as
    ``outlet.NAME``, never dropped."""
    if extra is None or extra.empty:
        return table
    extra = extra.drop_duplicates(on)
    extra = extra.rename(columns={c: f"outlet.{c}" for c in extra.columns if c != on and c in table.columns})
    cols = [c for c in extra.columns if c == on or c not in table.columns]
    return table.merge(extra[cols], on=on, how="left", validate="many_to_one")


def sentences_table(inp: Inputs) -> pd.DataFrame:
    """Every sentence of every article, with its tone and the article's attributes."""
    s = text_tables.sentences(inp.full)
    t = tone.sentence_tone(inp.full)[["article_id", "sent_idx", "neg", "neu", "pos", "compound"]]
    s = s.merge(t, on=["article_id", "sent_idx"], how="left", validate="one_to_one")
    arts = articles_table(inp.full, inp.extra).drop(columns=["outlet"])
    arts = arts.rename(columns={c: f"article.{c}" for c in arts.columns if c != "article_id" and c in s.columns})
    return s.merge(arts, on="article_id", how="left", validate="many_to_one")


def _corpus(fn):
    return lambda i: fn(i.full)


TABLES: list[Table] = [
    Table("articles", "00-corpus", "an article, with every attribute", lambda i: articles_table(i.full, i.extra)),
    Table("sentences", "00-corpus", "a sentence of an article (headline, lede or body), with its tone and the "
          "article's attributes", sentences_table),
    Table("corpus_articles", "00-corpus", "an article: length, language, translation, what the cleaner removed",
          _corpus(corpus_mod.article_table)),
    Table("corpus_languages", "00-corpus", "an article's declared and detected language",
          lambda i: corpus_mod.screening(i.full).languages),
    Table("corpus_duplicates", "00-corpus", "a pair of articles that look like one page captured twice",
          lambda i: corpus_mod.screening(i.full).duplicates),
    Table("corpus_removed", "00-corpus", "a line or fragment the cleaner removed", _corpus(corpus_mod.removed_table)),
    Table("corpus_credits", "00-corpus", "a source an article credits (front matter derived_from)",
          _corpus(corpus_mod.provenance)),
    Table("timeline", "00-corpus", "a day and outlet with its number of articles (undated apart)",
          lambda i: timeline.per_day(i.full)),
    Table("wordchoice_rates", "01-word-choice", "an outlet and lexicon category: hits per 1,000 words",
          lambda i: lexicon.rates(i.kept, i.lex, n_boot=DEFAULTS["n_boot_wordchoice"], seed=DEFAULTS["seed"], hits=i.hits)),
    Table("wordchoice_by_part", "01-word-choice", "an outlet, category and part of the article (headline/lede/body)",
          lambda i: lexicon.by_part(i.kept, i.lex, n_boot=DEFAULTS["n_boot_wordchoice"], seed=DEFAULTS["seed"], hits=i.hits)),
    Table("wordchoice_kwic", "01-word-choice", "a lexicon hit in its context (KWIC line)",
          lambda i: lexicon.kwic_hits(i.kept, i.hits)),
    Table("keyness", "01-word-choice", "an outlet and word: how distinctive the word is of the outlet's narration",
          lambda i: keyness.keyness(i.kept, min_count=DEFAULTS["min_count"], voice="narration"), min_outlets=2),
    Table("tone_by_outlet", "02-tone", "an outlet and voice: the mean tone of its sentences",
          lambda i: tone.outlet_tone_by_voice(i.kept, n_boot=DEFAULTS["n_boot_tone"], seed=DEFAULTS["seed"])),
    Table("tone_by_actor", "02-tone", "an outlet and actor: the tone of the sentences naming the actor",
          lambda i: tone.actor_tone(i.kept, n_boot=DEFAULTS["n_boot_tone"], seed=DEFAULTS["seed"])),
    Table("tone_mentions", "02-tone", "a sentence naming an actor", lambda i: tone.actor_mentions(i.kept)),
    Table("tone_arc", "02-tone", "an outlet and slice of its articles: mean tone",
          lambda i: tone.tone_arc(i.kept, bins=DEFAULTS["arc_bins"], n_boot=DEFAULTS["n_boot_tone"], seed=DEFAULTS["seed"])),
    Table("tone_extremes", "02-tone", "one of an outlet's most negative or positive sentences",
          lambda i: tone.extremes(i.kept, n=3)),
    Table("readability", "03-readability", "an article's readability measures",
          lambda i: readability.readability(i.kept)),
    Table("readability_longest", "03-readability", "one of the longest sentences",
          lambda i: readability.longest_sentences(i.kept, n=15)),
    Table("naming_ledger", "04-naming", "an outlet, actor and form of the actor's name", lambda i: naming.ledger(i.kept)),
    Table("naming_mentions", "04-naming", "a mention of an actor by one of its names",
          lambda i: naming.mentions(i.kept)),
    Table("naming_discovered", "04-naming", "a name variant story.yaml does not list yet",
          lambda i: naming.discover(i.kept, max_edits=DEFAULTS["max_edits"], min_mentions=DEFAULTS["min_mentions"],
                                    others=i.full.select(i.left_out["article_id"]))),
    Table("translation_indicators", "04-naming", "a sign of machine translation in an article",
          lambda i: i.once("indicators", lambda: naming.translation_indicators(i.kept))),
    Table("translation_verdicts", "04-naming", "an article: how likely it is a machine translation",
          lambda i: naming.likely_translations(i.kept, i.once("indicators", lambda: naming.translation_indicators(i.kept)))),
    Table("translation_pairs", "04-naming", "an article in another language and an English article that renders it "
          "(anchor alignment)", lambda i: naming.translation_pairs(i.full)),
    Table("voice_share", "05-sources", "an outlet and speaker group: share of the quoted words",
          lambda i: quotes.voice_share(i.kept)),
    Table("speakers", "05-sources", "an outlet and speaker: how often quoted", lambda i: quotes.speakers(i.kept)),
    Table("responses", "05-sources", "an outlet: whether the accused party's response is carried",
          lambda i: quotes.responses(i.kept)),
    Table("speaker_disagreements", "05-sources", "a statement several outlets quote in the same words, in an "
          "article giving it another speaker than most outlets do", lambda i: quotes.speaker_disagreements(i.kept)),
    Table("fidelity", "05-sources", "a version of one statement quoted by several outlets", lambda i: quotes.fidelity(i.kept)),
    Table("quotes", "05-sources", "a direct quote, cited term or reported statement", lambda i: quotes.quotes(i.kept)),
    Table("reuse_pairs", "06-reuse", "a pair of articles sharing text", lambda i: i.reuse.pairs),
    Table("reuse_passages", "06-reuse", "a passage two articles share", lambda i: i.reuse.passages),
    Table("reuse_containment", "06-reuse", "an article and another text: how much of it is in the other",
          lambda i: i.reuse.containment),
    Table("reuse_reworded", "06-reuse", "a pair of sentences, one a rewording of the other", lambda i: i.reuse.reworded),
    Table("reuse_swaps", "06-reuse", "a word swapped between a sentence and its rewording", lambda i: i.reuse.swaps),
    Table("reuse_left_out", "06-reuse", "an article the reuse comparison left out, and why", lambda i: i.reuse.left_out),
    Table("verdicts", "06-reuse", "a pair of articles sharing text: who took it from whom, on what evidence",
          lambda i: verdicts.verdicts(i.full, **i.knobs())),
    Table("provenance", "06-reuse", "an article and a likely or credited source",
          lambda i: i.once("prov", lambda: provenance.provenance(i.full, **i.knobs()))),
    Table("provenance_edges", "06-reuse", "an edge of the provenance graph between two outlets",
          lambda i: provenance.outlet_edges(i.once("prov", lambda: provenance.provenance(i.full, **i.knobs())))),
    Table("reference_shares", "06-reuse", "an article and a reference document: how much of it comes from there",
          lambda i: provenance.from_references(i.full, **i.knobs())),
    Table("claim_hits", "07-claims", "an article carrying a claim: its first sentence carrying it",
          lambda i: i.claim_hits),
    Table("claims_grid", "07-claims", "a claim and outlet", lambda i: claims.grid(i.kept, i.claim_hits)),
    Table("claims_omissions", "07-claims", "a claim an outlet leaves out", lambda i: claims.omissions(i.kept, i.claim_hits)),
    Table("claim_spread", "07-claims", "a claim and outlet: the outlet's first mention, in time order",
          lambda i: spread.claim_spread(i.kept, i.claim_hits)),
    Table("facts_members", "07-claims", "a sentence belonging to a discovered fact", lambda i: i.members),
    Table("facts", "07-claims", "a discovered fact (carried by two articles or more)", lambda i: i.found),
    Table("facts_grid", "07-claims", "one of the largest facts and an outlet",
          lambda i: facts.grid(i.members, i.found.head(DEFAULTS["facts_shown"]), i.kept.outlets,
                               i.kept.articles["outlet"].value_counts().to_dict())),
    Table("facts_left_out", "07-claims", "a fact most outlets carry that an outlet leaves out",
          lambda i: facts.left_out(i.members, i.found, i.kept.outlets, cut_short=capture.cut_short(i.kept.articles))),
    Table("facts_only_one", "07-claims", "a fact only one outlet carries",
          lambda i: facts.only_one(i.members, facts.summarise(i.members, min_articles=1))),
    Table("facts_drift", "07-claims", "a change of a fact's wording (a number, a hedge...) in one article",
          lambda i: facts.drift(i.members)),
    Table("facts_claims", "07-claims", "a story.yaml claim and a discovered fact that matches it",
          lambda i: facts.matches(i.members, [(c.id, c.text) for c in i.kept.claims], top=3)),
    Table("fact_spread", "07-claims", "one of the largest facts and an outlet: its first mention, in time order",
          lambda i: spread.fact_spread(i.kept, i.members, facts=list(i.found.head(DEFAULTS["facts_shown"])["fact"]))),
    Table("profiles", "08-profiles", "an outlet: its measures from every notebook", lambda i: profiles.profiles(i.kept)),
    Table("profiles_similarity", "08-profiles", "a pair of outlets: how alike their framing is",
          lambda i: i.once("sim", lambda: profiles.similarity(i.kept))),
    Table("profiles_groups", "08-profiles", "an outlet and the group of alike outlets it falls in",
          lambda i: profiles.clusters(i.kept, i.once("sim", lambda: profiles.similarity(i.kept)), threshold=DEFAULTS["threshold"])),
    Table("profiles_sources", "08-profiles", "a measure of the profile and the table it comes from",
          lambda i: profiles.sources_table()),
    Table("profiles_fact_rows", "08-profiles", "an outlet and a discovered fact it carries or leaves out, with the "
          "sentence behind it", lambda i: profiles.fact_rows(i.kept)),
]


def _boot() -> dict:
    return {"n_boot": DEFAULTS["n_boot_groups"], "seed": DEFAULTS["seed"]}


# the notebooks' grouped views (presslens.notebook.grouped) for the export's --group-by, on the measured articles
GROUP_TABLES: list[Table] = [
    Table("group_measures", "08-profiles", "a group of outlets and a measure, with its cluster-bootstrap interval",
          lambda i: groups.measures(i.kept, i.group_by, **_boot())),
    Table("group_voices", "05-sources", "a group of outlets and a voice: the share of its quoted words",
          lambda i: groups.voice_shares(i.kept, i.group_by, **_boot())),
    Table("blind_spots", "08-profiles", "an item (claim, speaker, passage) carried by one group and absent or rare "
          "in another", lambda i: blindspots.blind_spots(i.kept, i.group_by, hits=i.claim_hits, passages=i.reuse.passages)),
    Table("timeline_by_group", "00-corpus", "a day and group with its number of articles (undated apart)",
          lambda i: timeline.per_day(i.full, by=i.group_by)),
    Table("claim_spread_by_group", "07-claims", "a claim and group: the group's first mention, in time order",
          lambda i: spread.claim_spread(i.kept, i.claim_hits, by=i.group_by)),
]


def tidy(table: pd.DataFrame) -> pd.DataFrame:
    """The table as the files hold it, typed so that Parquet gives it back exactly: a named index
    becomes columns; a cell holding a list or tuple becomes its items joined by :data:`LIST_SEPARATOR`
    (an empty one: empty); an object column of text becomes ``str``, of true/false ``boolean``, of whole
    numbers ``Int64``, of numbers ``float64``, of mixed kinds text (missing values stay missing); timestamps are kept at
    millisecond resolution (Parquet has none coarser; the values are unchanged). Nothing else changes."""
    named = any(n is not None for n in table.index.names)
    out = table.reset_index(drop=not named).copy()
    for c in out.columns:
        col = out[c]
        if pd.api.types.is_datetime64_any_dtype(col):
            if col.dt.unit == "s":
                out[c] = col.dt.as_unit("ms")
            continue
        if col.dtype != object:
            continue
        if col.map(lambda v: isinstance(v, (list, tuple))).any():
            col = col.map(lambda v: (LIST_SEPARATOR.join(map(str, v)) or None) if isinstance(v, (list, tuple)) else v)
        vals = col.dropna()
        if not len(vals):
            out[c] = col
            continue
        kinds = {type(v) for v in vals}
        if kinds <= {str}:
            col = col.astype("str")
        elif kinds <= {bool}:
            col = col.astype("boolean")
        elif kinds <= {int}:
            col = col.astype("Int64")
        elif kinds <= {int, float}:
            col = col.astype("float64")
        else:  # mixed kinds (text and numbers...): as text, which every tool reads; missing values stay missing
            col = col.map(lambda v: v if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)).astype("str")
        out[c] = col
    return out


def compute(story: Story | str, extra: pd.DataFrame | None = None, group_by: str | None = None) -> dict[str, pd.DataFrame]:
    """Every table of :data:`TABLES` for ``story`` (a folder, checked by the same gate as every
    notebook, or a loaded Story), tidied as the files hold them. ``extra``: outlet attributes to join
    onto the articles and sentences (see :func:`articles_table`); by default the story's own
    (:func:`outlet_attributes`). ``group_by`` (an outlets.yaml attribute or ``meta.KEY``, as the
    notebooks take it) adds the grouped tables of :data:`GROUP_TABLES`."""
    return compute_all(story, extra, group_by)[0]


def compute_all(story: Story | str, extra: pd.DataFrame | None = None,
                group_by: str | None = None) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """:func:`compute`, and the tables left out with the reason: a comparison of outlets (keyness) on a
    story whose measured articles come from one outlet (whatever passes check exports every other table)."""
    st, _ = check_story(story)
    if group_by not in (None, "outlet"):
        grouping.check_group_by(st, group_by, where="export --group-by")
    inp = Inputs(st, outlet_attributes(st) if extra is None else extra, group_by)
    chosen = TABLES + (GROUP_TABLES if group_by not in (None, "outlet") else [])
    n_outlets = len(inp.kept.outlets)
    skipped = {t.name: needs_outlets(t, n_outlets) for t in chosen if n_outlets < t.min_outlets}
    return {t.name: tidy(t.compute(inp)) for t in chosen if t.name not in skipped}, skipped


def needs_outlets(table: Table, n_outlets: int) -> str:
    """Why ``table`` is not written: it compares outlets and the measured articles come from fewer."""
    have = "no outlet" if n_outlets == 0 else "one outlet" if n_outlets == 1 else f"{n_outlets} outlets"
    return (f"needs two outlets: it compares each outlet with the rest ({table.notebook}), and the measured articles "
            f"come from {have}; add articles from another outlet to compare")

