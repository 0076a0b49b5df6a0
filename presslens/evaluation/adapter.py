"""The one place where :mod:`presslens.evaluation` reaches into the rest of presslens.

Every import of the analyses (and of the story loader and error types) is here, through public
names only, so that when the package's modules move (issue 20: layered sub-packages) the evaluation
is re-pointed in this file alone. :func:`predict` runs a story through the analyses the way the
notebooks do (the measures on the screened articles, reuse and provenance on the whole story, the
cleaner and the sentence splitter on every article) and returns their tables, untouched except for
the few columns the scorers read; the scorers never call presslens themselves.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import re

import pandas as pd

from presslens import limits, stats  # noqa: F401 - limits: read by truth.py
from presslens.analyses.naming import mtscore
from presslens.analyses import claims, facts, naming, provenance, quotes, reuse, verdicts
from presslens.analyses import credit_forms, pair_evidence, paraphrased, wires  # noqa: F401 - read by pairs_loso.py
from presslens.analyses import pair_sight, pair_sources, pair_unordered  # noqa: F401 - read by pairs_loso.py
from presslens.analyses import pair_credit_reach, pair_third_texts  # noqa: F401 - read by pairs_loso.py
from presslens.engine import screening as screen
from presslens.engine.fanout import story_templates
from presslens.engine.keys import cleaning_rules
from presslens.engine import tables as text
from presslens.errors import ParameterError
from presslens.paths import REPO_ROOT, cli_path, display, resolve
from presslens.story.load import load_story
from presslens.story.model import Problem, Story, StoryError
from presslens.story.schema import QUOTE_SPEAKERS
from presslens.story.yamlio import decode_text, not_utf8, parse_yaml  # noqa: F401 - read by truth.py
from presslens.text import linemodel  # noqa: F401 - read by furniture_model.py
from presslens.text.clean import cleaned_lines  # noqa: F401 - read by furniture_model.py
from presslens.text.furniture import hygiene as furniture_hygiene  # noqa: F401 - read by furniture_model.py

__all__ = ["Problem", "Story", "StoryError", "load_story", "parse_yaml", "REPO_ROOT", "cli_path", "display", "resolve",
           "ratio_ci", "group_rng", "content_words", "Predictions", "predict", "CJK_KANA", "CJK_HANGUL",
           "TRANSLATION_VERDICTS", "translation_evidence", "article_words", "mtscore", "precision_threshold", "translation_verdicts", "predict_quotes",
           "verb_lemma", "predict_furniture", "removals_alone", "FACT_SETTINGS", "fact_members", "fact_settings"]

ratio_ci = stats.ratio_ci
group_rng = stats.group_rng
precision_threshold = stats.precision_threshold
content_words = facts.content   # a text's content words as fact discovery reads them (stop words out, light stems)

# the translation verdicts of naming.likely_translations that say "this article is a translation"
TRANSLATION_VERDICTS = ("likely undeclared translation", "declared translation")
CJK_KANA = "\u3040-\u30ff"
CJK_HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"


@dataclass
class Predictions:
    """What presslens says about one story, as the scorers read it (one table each)."""

    articles: pd.DataFrame      # id, outlet, title, text (the body as stored), published, measured (bool)
    quotes: pd.DataFrame        # quotes.quotes on the measured articles
    removed: pd.DataFrame       # text.removed: the cleaner's removals (article_id, line, removed, rule)
    sentences: pd.DataFrame     # text.sentences on every article (article_id, part, text)
    measured_sentences: pd.DataFrame  # the sentences of the measured articles (what tone, lexicon, keyness count)
    pairs: pd.DataFrame         # pair verdicts (article_a, article_b, kind, relation, credited, direction, accusation)
    provenance: pd.DataFrame    # provenance rows (article, source_article, status, direction, credited)
    translations: pd.DataFrame  # article_id, verdict, kinds, source_language (None when not implied)
    names: pd.DataFrame         # naming.discover on the story without the labelled variants: candidate, actor, rule
    known_forms: dict           # casefolded form -> actor: every name, alias and rendering left in story.yaml
    claims: pd.DataFrame        # claims.hits: claim, article_id, sentence
    claim_texts: dict           # story.yaml's claims: id -> text
    facts: pd.DataFrame         # facts.members on the measured articles (found without the claims): fact, article_id, clause, centre
    party_voices: pd.DataFrame = None  # quotes.party_voices on the measured articles (article_id, party, quote)
    parties: tuple = ()         # story.yaml's party actors (accused and accusers)
    parties_of: object = None   # quotes.party_rule: (speaker, actor) -> the parties they stand for


def _translations(full: Story, st: Story) -> pd.DataFrame:
    """naming.likely_translations as the scorer reads it: the verdict, the kinds that scored, and the
    source language it gives (the declared one, else the one its evidence points to)."""
    verdicts = naming.likely_translations(st, naming.translation_indicators(st))
    declared = dict(zip(full.articles["id"], full.articles["translated_from"]))
    rows = []
    for r in verdicts.itertuples(index=False):
        positive = r.verdict in TRANSLATION_VERDICTS
        dec = declared.get(r.article_id)
        lang = dec.split("-")[0].lower() if isinstance(dec, str) and dec else r.source_language
        rows.append({"article_id": r.article_id, "verdict": r.verdict, "kinds": r.kinds, "translation": positive,
                     "source_language": lang if positive and isinstance(lang, str) and lang else None})
    return pd.DataFrame(rows, columns=["article_id", "verdict", "kinds", "translation", "source_language"])


def _known_forms(story: Story) -> dict[str, str]:
    out: dict[str, str] = {}
    for a in story.actors:
        for f in a.forms:
            out.setdefault(f.casefold(), a.name)
    for s in story.speakers:
        for f in (s.name, *s.aliases):
            out.setdefault(f.casefold(), s.name)
    return out


def withhold(story: Story, forms: Iterable[str]) -> Story:
    """``story`` with ``forms`` taken out of its actors' aliases and renderings and its speakers'
    aliases (an actor's or speaker's own name stays): the story a user would have written before
    discovery proposed those variants."""
    drop = {" ".join(f.split()).casefold() for f in forms}

    def keep(f: str) -> bool:
        return " ".join(f.split()).casefold() not in drop

    actors = [dataclasses.replace(a, aliases=tuple(x for x in a.aliases if x == a.name or keep(x)),
                                  renderings=tuple(r for r in a.renderings if keep(r["form"]))) for a in story.actors]
    speakers = [dataclasses.replace(sp, aliases=tuple(x for x in sp.aliases if x == sp.name or keep(x)))
                for sp in story.speakers]
    return dataclasses.replace(story, actors=actors, speakers=speakers)


def predict_names(folder: str | Path, withheld_names: Iterable[str] = ()) -> tuple[pd.DataFrame, dict]:
    """Name discovery alone, as :func:`predict` runs it: (candidate, actor, rule) rows and the known forms
    of the story with ``withheld_names`` taken out of story.yaml."""
    full = load_story(folder)
    st, left_out = screen.analysed(full)
    bare = withhold(st, withheld_names)
    found = naming.discover(bare, others=full.select(left_out["article_id"]))
    return found[["candidate", "actor", "rule"]].reset_index(drop=True), _known_forms(bare)


def predict(folder: str | Path, withheld_names: Iterable[str] = (), speakers: str | None = None) -> Predictions:
    """Run the story at ``folder`` through every scored analysis (see the module docstring). Name
    discovery runs on the story with ``withheld_names`` taken out of story.yaml (:func:`withhold`):
    the labelled variants are what it should find, so story.yaml listing them must not hide them.
    ``speakers``: where the quotes' speakers come from ("rules", "parse-fill": story.yaml's ``quotes.speakers``
    for this run; None: as story.yaml says)."""
    full = with_speakers(load_story(folder), speakers)
    st, left_out = screen.analysed(full)
    bare = withhold(st, withheld_names)
    kept = set(st.articles["id"])
    arts = full.articles[["id", "outlet", "title", "text", "published"]].copy()
    arts["measured"] = arts["id"].isin(kept)
    sents = text.sentences(full)
    r = reuse.analyse(full)
    prov = provenance.provenance(full)
    q = quotes.quotes(st)
    return Predictions(
        articles=arts.reset_index(drop=True),
        quotes=q,
        removed=text.removed(full),
        sentences=sents[["article_id", "part", "text"]].reset_index(drop=True),
        measured_sentences=sents[sents["article_id"].isin(kept) & (sents["part"] != "title")][
            ["article_id", "text"]].reset_index(drop=True),
        pairs=verdicts.verdicts(full)[["article_a", "article_b", "kind", "relation", "credited", "direction",
                                       "accusation"]].reset_index(drop=True),
        provenance=prov[["article", "source_article", "status", "direction", "credited"]].reset_index(drop=True),
        translations=_translations(full, st),
        names=naming.discover(bare, others=full.select(left_out["article_id"]))[["candidate", "actor", "rule"]]
        .reset_index(drop=True),
        known_forms=_known_forms(bare),
        claims=claims.hits(st)[["claim", "article_id", "sentence"]].reset_index(drop=True),
        claim_texts={c.id: c.text for c in full.claims},
        facts=facts.members(st)[["fact", "article_id", "clause", "centre"]].reset_index(drop=True),
        party_voices=quotes.party_voices(st, q)[["article_id", "party", "quote"]].reset_index(drop=True),
        parties=tuple(dict.fromkeys(a for names in full.parties.values() for a in names)),
        parties_of=quotes.party_rule(full),
    )


def with_speakers(story: Story, speakers: str | None) -> Story:
    """``story`` with its quote speakers' source set to ``speakers`` (a copy; ``story`` itself when None or the same)."""
    if speakers is None or speakers == story.quote_speakers:
        return story
    if speakers not in QUOTE_SPEAKERS:
        raise ParameterError.bad("presslens eval", "--speakers", f"unknown value {speakers!r}",
                                 f"give one of {', '.join(QUOTE_SPEAKERS)}")
    return dataclasses.replace(story, quote_speakers=speakers)


def predict_pairs(folder: str | Path) -> pd.DataFrame:
    """The pair verdicts of the story at ``folder`` as :func:`predict` scores them (for
    :mod:`presslens.evaluation.pairs_breakdown`)."""
    return verdicts.verdicts(load_story(folder))[["article_a", "article_b", "kind", "relation", "credited", "direction",
                                                  "accusation"]].reset_index(drop=True)


def reuse_and_chains(folder: str | Path) -> tuple[set, dict]:
    """For :mod:`presslens.evaluation.paraphrase_loso`: the article pairs the word indexes of the story at ``folder``
    see as reuse (frozensets; a shared quotation alone is not), and the longest chain of loosely matched sentences
    in the same order each pair of its screened articles holds (frozenset -> sentences; chains of 1 and more)."""
    from presslens.analyses.reuse.core import doc_list
    from presslens.analyses.reuse.paraphrase import paraphrases

    st = load_story(folder)
    r = reuse.analyse(st)
    seen = {frozenset((a, b)) for a, b, k in zip(r.pairs["article_a"], r.pairs["article_b"], r.pairs["kind"])
            if not str(k).startswith("shared quotation")}
    ids = [a for a in st.articles["id"] if a not in set(r.left_out["article_id"])]
    chains = {frozenset((p["article_a"], p["article_b"])): p["sentences"]
              for p in paraphrases(doc_list(st, ids), min_chain=1)}
    return seen, chains


def narration_words(folder: str | Path) -> dict[str, list[str]]:
    """For :mod:`presslens.evaluation.rewrite_loso`: each screened article of the story at ``folder`` as the content
    words (no stop word; numbers kept) of its narration's sentences (less than half quoted), in order."""
    from presslens.analyses.reuse.align import QUOTED, STOP
    from presslens.analyses.reuse.core import doc_list

    st = load_story(folder)
    r = reuse.analyse(st)
    ids = [a for a in st.articles["id"] if a not in set(r.left_out["article_id"])]
    out = {}
    for d in doc_list(st, ids):
        out[d.id] = [w for a, b, _ in d.sents if sum(d.quoted[a:b]) < QUOTED * (b - a)
                     for w in d.words[a:b] if w not in STOP and (len(w) > 2 or w.isdigit())]
    return out


def predict_quotes(folder: str | Path) -> tuple[pd.DataFrame, list[str], dict[str, str]]:
    """quotes.quotes of the story at ``folder`` as :func:`predict` scores them (its screened articles),
    with the ids of those articles and every article's text, for :mod:`presslens.evaluation.speakers_loso`."""
    full = load_story(folder)
    st, _left_out = screen.analysed(full)
    return quotes.quotes(st), list(st.articles["id"]), dict(zip(full.articles["id"], full.articles["text"]))


def verb_lemma(word: str) -> str:
    """The base form of a verb as presslens inflects its reporting verbs (lemminflect): "said" -> "say",
    "admitted" -> "admit"; a word it does not know as a verb, as given."""
    import lemminflect

    got = lemminflect.getLemma(word, upos="VERB")
    return got[0] if got else word


def with_rules_off(story, disable: Iterable[str] = ()):
    """``story`` with the built-in furniture rules ``disable`` switched off on top of its own ``furniture``
    setting (a story that turned cleaning off stays so)."""
    off = sorted(set(disable))
    if not off or story.furniture is False:
        return story
    setting = dict(story.furniture) if isinstance(story.furniture, dict) else {}
    setting["disable"] = sorted(set(setting.get("disable") or []) | set(off))
    return dataclasses.replace(story, furniture=setting)


def predict_furniture(folder: str | Path, disable: Iterable[str] = ()) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The cleaner alone, as :func:`predict` runs it, with the built-in furniture rules ``disable`` switched
    off on top of the story's own ``furniture`` setting (for :mod:`presslens.evaluation.furniture_loso`):
    (articles: id, text, measured; removed: article_id, line, removed, rule, rule_id; measured sentences:
    article_id, text)."""
    full = with_rules_off(load_story(folder), disable)
    st, _left_out = screen.analysed(full)
    kept = set(st.articles["id"])
    arts = full.articles[["id", "text"]].copy()
    arts["measured"] = arts["id"].isin(kept)
    sents = text.sentences(full)
    measured = sents[sents["article_id"].isin(kept) & (sents["part"] != "title")][["article_id", "text"]]
    return arts.reset_index(drop=True), text.removed(full), measured.reset_index(drop=True)


def removals_alone(folder: str | Path, rule_ids: Iterable[str]) -> pd.DataFrame:
    """What each built-in furniture rule of ``rule_ids`` removes from the story at ``folder`` when it is
    the only furniture rule (the story's own patterns and the other built-in rules off): article_id, line,
    removed, rule, rule_id; whether a rule would have found furniture there though another rule took the
    line first (:mod:`presslens.evaluation.furniture_loso`)."""
    from presslens.text.clean import clean

    full = load_story(folder)
    every = [r for r in cleaning_rules(dataclasses.replace(full, boilerplate=[], furniture=None)) if r.get("id")]
    rows = []
    for rid in dict.fromkeys(rule_ids):
        rules = [r for r in every if r["id"] == rid]
        if not rules:
            continue
        templates = story_templates(full, rules)
        for a in full.articles.itertuples(index=False):
            title = a.title if isinstance(a.title, str) and a.title else None
            for r in clean(a.text, title, rules, templates.get(a.id, frozenset()))[1]:
                if r["rule_id"] == rid:
                    rows.append((a.id, r["line"], r["removed"], r["rule"], rid))
    return pd.DataFrame(rows, columns=["article_id", "line", "removed", "rule", "rule_id"])


FACT_SETTINGS = ("LINK", "LEX_WEIGHT", "NEAR_IDENTICAL", "EMB_ONE_WORD", "MULTI", "CORE_SHARE", "CORE_IDF",
                 "CORE_MIN_ARTICLES", "CORE_SCORE", "CORE_TOP", "CORE_MASS", "CONTAIN", "WINDOWS",
                 "NAMES_APART", "TERMS", "SPLIT", "SPLIT_MOST", "SPLIT_AGREE", "SPLIT_MIN", "JOIN", "JOIN_ALIKE", "PREDICATE",
                 "QUANTITY_JOIN", "WHAT")


def fact_settings(names: Iterable[str]) -> dict:
    """The package's own values of the fact-discovery thresholds named (``FACT_SETTINGS``)."""
    from presslens.analyses.facts import grouping

    return {k: getattr(grouping, k) for k in names if k in FACT_SETTINGS}


def fact_members(folder: str | Path, settings: dict | None = None) -> tuple[pd.DataFrame, set]:
    """Fact discovery on the story at ``folder`` as :func:`predict` runs it (its screened articles),
    with the grouping thresholds in ``settings`` (names of ``FACT_SETTINGS``, values) in place of the
    package's for this call only, and never read from or written to the cache: (the member table,
    the measured article ids). For :mod:`presslens.evaluation.facts_loso`."""
    from presslens.analyses.facts import grouping

    settings = settings or {}
    unknown = sorted(set(settings) - set(FACT_SETTINGS))
    if unknown:
        raise ParameterError.bad("presslens.evaluation.facts_loso", ", ".join(unknown), "fact discovery has no such threshold",
                                 f"give one of {', '.join(FACT_SETTINGS)} (presslens/analyses/facts/grouping.py)")
    st, _left_out = screen.analysed(load_story(folder))
    before = {k: getattr(grouping, k) for k in settings}
    try:
        for k, v in settings.items():
            setattr(grouping, k, v)
        m = facts.from_sentences(text.sentences(st), dict(zip(st.articles["id"], st.articles["published"])))
    finally:
        for k, v in before.items():
            setattr(grouping, k, v)
    return m[["fact", "article_id", "clause", "centre"]].reset_index(drop=True), set(st.articles["id"])


def translation_evidence(folder: str | Path) -> pd.DataFrame:
    """naming.translation_indicators of the story at ``folder`` (its screened articles, as :func:`predict`
    scores them): every signal row with its rule, for :mod:`presslens.evaluation.loso`."""
    st, _left_out = screen.analysed(load_story(folder))
    return naming.translation_indicators(st)


_WORD = re.compile(r"\w+")


def article_words(folder: str | Path) -> dict[str, int]:
    """The word count (runs of letters or digits over its sentences) of each screened article of the story at
    ``folder``: the denominator of :mod:`presslens.analyses.naming.mtscore`'s rates."""
    st, _left_out = screen.analysed(load_story(folder))
    s = text.process(st).sentences
    out = dict.fromkeys(st.articles["id"].tolist(), 0)
    for aid, t in zip(s["article_id"].tolist(), s["text"].tolist()):
        out[aid] = out.get(aid, 0) + len(_WORD.findall(str(t)))
    return out


def translation_verdicts(indicators: pd.DataFrame) -> pd.DataFrame:
    """naming.likely_translations of an indicators table (the verdicts are a function of the table alone)."""
    return naming.likely_translations(None, indicators)
