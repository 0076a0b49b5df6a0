"""Readability: the standard formulas, sentence length and lexical diversity, per article.

Every measure rests on presslens's own sentences and words (``text.process``: quote-aware
sentences of the lede and body, headline excluded; presslens's tokens), so readability, tone and
word choice describe the same sentences. textstat 0.7.13 supplies what a formula needs per word:
syllables (NLTK's CMU dictionary, provisioned locally by :func:`presslens.text.resources.ensure_cmudict`,
Pyphen for words it lacks) and the Dale-Chall list of easy words. The formulas are the published
ones, computed from counts (W words, S sentences, Syl syllables, P words of 3+ syllables not on the
easy list, D words of 2+ syllables not on it, L letters):

- Flesch reading ease 206.835 − 1.015 W/S − 84.6 Syl/W; Flesch-Kincaid grade 0.39 W/S + 11.8 Syl/W − 15.59
- Gunning fog 0.4 (W/S + 100 P/W) (complex words as textstat counts them: familiar words excluded)
- SMOG 1.0430 √(30 P/S) + 3.1291 (defined for 30 sentences or more: shorter texts carry a caveat)
- Coleman-Liau 0.0588 (100 L/W) − 0.296 (100 S/W) − 15.8
- Dale-Chall 0.1579 (100 D/W) + 0.0496 W/S, + 3.6365 when D/W > 5%
- consensus grade: the median of the four grade formulas (Flesch-Kincaid, fog, SMOG, Coleman-Liau)

Sentences longer than ``screen.LONG_SENTENCE`` words are captures that lost their punctuation (a
5,000-word "sentence" gives Flesch −4991): they are left out of the formulas, counted in
``long_sentences_left_out`` and named in ``caveat``.

Lexical diversity is MTLD (McCarthy & Jarvis 2010) on the same tokens (lower-cased; possessive 's
dropped): see :func:`mtld`. MTLD needs no window size that short articles might not reach; it is
unstable below about 100 tokens (flagged in ``caveat``).

Translated text: the formulas measure the English the reader sees, i.e. the translation, not the
original writing. Such rows carry a non-empty ``caveat`` and :func:`caveat_label` marks the outlet's
name in figures with a dagger.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from presslens import words as words_mod
from presslens.engine import perarticle, sanity, tables
from presslens.engine.memo import story_table
from presslens.engine.screening import LONG_SENTENCE
from presslens.story.model import Story
from presslens.text.readability import (MEASURES, MTLD_MIN_TOKENS, counts, formulas, mtld,
    sentence_length_stats)


DAGGER = " †"
SMOG_MIN_SENTENCES = 30


# ----------------------------------------------------------------------------------------------
# per article


def translated_outlets(story: Story) -> dict[str, str]:
    """Outlets with at least one translated article -> source language code(s) (see :attr:`Story.translations`)."""
    return story.translations


def caveat_label(outlet: str, story: Story) -> str:
    """The outlet's name for figure labels: with ``" †"`` appended when its text is a translation
    (explain the dagger in the caption, e.g. "† translated from zh: measures the translation")."""
    return outlet + DAGGER if outlet in translated_outlets(story) else outlet


def translation_caveat(lang: str | None) -> str:
    """The caveat attached to a translated article ('' when ``lang`` is empty)."""
    if not isinstance(lang, str) or not lang:
        return ""
    return (f"translated from {lang}: the formulas measure the English translation (possibly machine-made), "
            f"not the original writing")


COLUMNS = ["article_id", "outlet", "translated_from", "n_words", "n_sentences", "sentence_len_mean",
           "sentence_len_std", "sentence_len_min", "sentence_len_max", *MEASURES, "consensus_grade",
           "syllables", "complex_words", "difficult_words", "long_sentences_left_out", "mtld", "caveat"]


def readability_table(articles: pd.DataFrame, clean_text: dict[str, str], sentences: pd.DataFrame,
                      tokens: pd.DataFrame) -> pd.DataFrame:
    """Readability of each article from its parts (the engine behind :func:`readability`, usable
    on any corpus shaped like ``text.process`` output). ``articles`` needs id, outlet and
    translated_from. ``clean_text`` is not read (kept for callers): the formulas use the sentences."""
    return pd.DataFrame(readability_rows(articles, sentences, tokens), columns=COLUMNS)


def _sentences_by_article(sents: pd.DataFrame) -> tuple[dict[str, np.ndarray], dict[str, list]]:
    """Each article's sentence lengths (an array) and sentence ids, in table order, in one pass over the
    rows (a pandas group per article cost seconds at 10,000 articles)."""
    lengths: dict[str, list] = {}
    ids: dict[str, list] = {}
    for aid, n, sid in zip(sents["article_id"].tolist(), sents["n_words"].to_numpy(), sents["sent_id"].tolist()):
        if aid not in ids:
            lengths[aid], ids[aid] = [], []
        lengths[aid].append(n)
        ids[aid].append(sid)
    return {a: np.array(v, dtype=sents["n_words"].dtype) for a, v in lengths.items()}, ids


def _tokens_by_sentence(toks: pd.DataFrame) -> dict:
    """``{sentence id: its tokens in order}``: the tokens sorted once by (sentence, index) and cut where the
    sentence changes (a list per sentence built by pandas' groupby cost seconds at 10,000 articles)."""
    if not len(toks):
        return {}
    order = np.lexsort((toks["tok_idx"].to_numpy(), toks["sent_id"].to_numpy()))
    sid = toks["sent_id"].to_numpy()[order]
    words = toks["token"].to_numpy(dtype=object)[order].tolist()
    cuts = [0, *(np.flatnonzero(sid[1:] != sid[:-1]) + 1).tolist(), len(sid)]
    return {sid[a].item(): words[a:b] for a, b in zip(cuts[:-1], cuts[1:])}


def readability_rows(articles: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame) -> list[dict]:
    """:func:`readability_table`'s rows, one dict per article."""

    body_parts = ("lede", "body")
    sents = sentences[sentences["part"].isin(body_parts) & (sentences["n_words"] > 0)]
    sent_groups, sent_ids = _sentences_by_article(sents)
    by_sent = _tokens_by_sentence(tokens[tokens["part"].isin(body_parts)])
    rows = []
    for art in articles.itertuples(index=False):
        lengths = sent_groups.get(art.id, np.array([], dtype=int))
        sent_toks = [by_sent.get(i, []) for i in sent_ids.get(art.id, [])]
        kept = [s for s in sent_toks if len(s) <= LONG_SENTENCE]
        long_n = len(sent_toks) - len(kept)
        words = [t for s in sent_toks for t in s]
        caveats = []
        tr = translation_caveat(art.translated_from)
        if tr:
            caveats.append(tr)
        if long_n:
            caveats.append(f"{long_n} sentence(s) over {LONG_SENTENCE} words left out of the formulas (lost punctuation?)")
        if len(words) < MTLD_MIN_TOKENS:
            caveats.append(f"only {len(words)} tokens: MTLD is unstable below {MTLD_MIN_TOKENS}")
        c = counts(kept)
        if 0 < c["sentences"] < SMOG_MIN_SENTENCES:
            caveats.append(f"{c['sentences']} sentences: SMOG is defined for {SMOG_MIN_SENTENCES} or more")
        row = {"article_id": art.id, "outlet": art.outlet,
               "translated_from": art.translated_from if isinstance(art.translated_from, str) else None,
               "n_words": len(words)}
        row.update(sentence_length_stats(lengths))
        row.update(formulas(c))
        if words_mod.is_cjk("".join(words)):  # each character a word: English formulas and syllables mean nothing
            row.update({k: float("nan") for k in formulas(c)})
            c = {**c, "syllables": None, "complex": None, "difficult": None}
            caveats = [x for x in caveats if "SMOG" not in x]
            caveats.append("written in Chinese or Japanese: words and sentence lengths count characters, and the "
                           "English readability formulas (Flesch, Gunning fog, SMOG ...) do not apply")
        row.update({"syllables": c["syllables"], "complex_words": c["complex"], "difficult_words": c["difficult"],
                    "long_sentences_left_out": long_n, "mtld": mtld(words), "caveat": "; ".join(caveats)})
        rows.append(row)
    return rows


@story_table
def readability(story: Story) -> pd.DataFrame:
    """One row per article of ``story`` (in the story's article order), on the cleaned body text.

    Columns: article_id, outlet, translated_from, n_words (presslens tokens), n_sentences and
    sentence_len_mean/std/min/max (presslens sentences, lede and body), flesch_reading_ease,
    flesch_kincaid_grade, gunning_fog, smog_index, coleman_liau_index, dale_chall,
    consensus_grade (median of the four grade formulas), the counts behind them (syllables,
    complex_words, difficult_words), long_sentences_left_out, mtld, caveat (translation, short
    text, SMOG under 30 sentences, long sentences left out). Add :func:`caveat_label` to outlet
    names in figures.
    """
    p = tables.process(story)

    def compute(ids: list[str]) -> dict[str, list[dict]]:  # one row per article, cached with it
        want = set(ids)
        rows = readability_rows(story.articles[story.articles["id"].isin(want)],
                                p.sentences[p.sentences["article_id"].isin(want)],
                                p.tokens[p.tokens["article_id"].isin(want)])
        return {r["article_id"]: [r] for r in rows}

    per = perarticle.by_article(story, "readability", "", compute, fields=("outlet", "translated_from"))
    return sanity.tag_language(pd.DataFrame([r for aid in story.articles["id"] for r in per[aid]], columns=COLUMNS), story)


@story_table
def longest_sentences(story: Story, n: int = 15) -> pd.DataFrame:
    """The drill-down behind the sentence-length figures: the ``n`` longest sentences (headline excluded)."""
    s = tables.sentences(story)
    s = s[s["part"] != "title"].sort_values(["n_words", "sent_id"], ascending=[False, True])
    return s[["outlet", "article_id", "part", "sent_idx", "n_words", "text"]].head(n).reset_index(drop=True)
