"""Which articles read as (machine) translations, from which language, and why.

:func:`translation_indicators` lists every signal, one row each with the sentence behind it:

- ``declared`` - the front matter's ``translated_from``;
- ``calque`` - a mention of a rendering of kind calque (a name translated piece by piece);
- ``MT phrase`` - a formula of ``presslens/data/mt_phrases.yaml`` typical of English machine
  translations from one source language, shown with the source-language formula;
- ``untranslated script``, ``locale format``, ``rare word``, ``MT grammar`` - see
  :mod:`presslens.text.mtsignals`;
- ``transliteration`` - a story actor's name respelt by another language's romanisation ("Khashimoda",
  "Sibata"), see :mod:`presslens.text.translit`;
- ``locale format`` also holds direct speech marked the way another language marks it (guillemets, a dialogue
  dash, a speaker's "we" with no quotation marks), one signal of the whole article: :mod:`presslens.text.speechmarks`;
- ``site template`` - the page outside its prose: a non-English site's interface rendered word for word
  ("Read: 31"), an English edition's address with a slug in another language, the page's own line saying its text
  was machine-translated (weight 3, the publisher's declaration); and a day.month.year
  timestamp line (a ``locale format``): see :mod:`presslens.text.mtpage`;
- ``glued sentences`` - a sentence end with no space before the next sentence ("service.OpenAI"), as
  machine translation joins segments;
- ``translationese`` - the article's word profile (lexical density, "the", reporting verbs other than
  "said") far from English news's, from any source language (:mod:`presslens.text.translationese`):
  weight 1 from ``TRANSLATIONESE_WEAK_Z`` standard deviations, 2 from ``TRANSLATIONESE_Z``; it never
  carries a verdict alone: at weight 2 one more signal of weight 1 makes one, at weight 1 one of weight 2;
- ``typed by a person`` - stray full stops (:mod:`presslens.text.slips`): weight 0; only a strong signal's verdict stands;
- ``outlet translates`` - added by :func:`likely_translations`, not listed among the indicators: another
  article of the same outlet in the story is a declared or likely translation by its own signals (a site
  that machine-translates one report machine-translates others); weight 1, counted once, never a verdict
  alone, never passed on from an article that it made a translation.

:func:`likely_translations` weighs them into a **score** per article (``WEIGHTS``; each kind capped,
so a long article does not pile up weak signals) and gives its verdict: a declared translation; a
*likely undeclared translation* when the score reaches ``LIKELY_SCORE``, or when one signal weighs
``STRONG_WEIGHT`` or more (a calque of a story actor, a formula English news copy does not write, letters
of another script left in an English sentence carry it alone); else *isolated signals*: weak signals
(a glued sentence, a locale format, an untranslated word) never make a verdict alone. Signals English copy
written by people shows too (:func:`corroborates`: the word profile, glued sentences, rare words, the outlet's
other articles, a capitalised noun, a doubled comma, formulas marked ``english: true``) only corroborate: a verdict
needs one other signal, a *tell*, unless they reach ``CORROBORATED_SCORE`` from ``CORROBORATED_RULES`` rules;
:func:`needs` says how far an article stands from a verdict. The source language is the declared one, else the language most of the evidence points to.
"""
from __future__ import annotations

import re
import pandas as pd

from presslens.engine import sanity, tables
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.text import mtpage, mtsignals, slips, speechmarks, translationese, translit
from presslens.text.mtsignals import load_mt_phrases  # noqa: F401 (re-exported: the list's loader)
from presslens.text.resolver import CJK
from .names import mentions


# a full stop (or ! ?) with no space before the next sentence's capital: "service.OpenAI",
# 'suspended."All', "2023.Analysts"; not "U.S.", "e.g." nor domain names (lower case after the dot).
# A comma without a space ("Shenzhen,China") is a typo as often as a join, so it is not counted.
GLUED = re.compile(r"(?<![\w.])((?:[A-Za-z]*[a-z]|\d+)[)\]]?[.!?][\"“”'’]?)([\"“”‘]?[A-Z][\w’']*[a-z][\w’']*)")

INDICATOR_KINDS = ("declared", "calque", "MT phrase", "untranslated script", "locale format", "rare word",
                   "MT grammar", "transliteration", "site template", "glued sentences", "translationese", "outlet translates",
                   "typed by a person")
# per kind: the most it adds to an article's score, however many times it fires (a phrase's own weight,
# 0-3, comes from mt_phrases.yaml; the other kinds weigh as mtsignals gives them, calques 3)
CAPS = {"calque": 6, "MT phrase": 9, "untranslated script": 4, "locale format": 2, "rare word": 1,
        "MT grammar": 3, "transliteration": 2, "site template": 2, "glued sentences": 1, "translationese": 2,
        "outlet translates": 1}
CALQUE_WEIGHT = 3
# the translationese z-scores from which the profile is a signal of weight 1 and 2, set on the development stories:
# there no article labelled not translated reached a verdict with them (the curve: docs/analyses.md). With the
# fourth feature (stacked content words, issue 26) 4 of 187 English articles labelled not translated reach 4.0
# and 1 reaches 5.0, against 15 and 13 of the 36 labelled translations (three features at 2.5 and 3.5: 11 and 6
# against 19 and 14); 5.0 lies above every such article but one of the other five stories for each held-out one
TRANSLATIONESE_WEAK_Z = 4.0
TRANSLATIONESE_Z = 5.0
# an article whose outlet publishes another translation of the story (judged by that article's own signals): a
# site that machine-translates one report machine-translates others; weak evidence, never a verdict alone
OUTLET_WEIGHT = 1
LIKELY_SCORE = 3  # the score from which an undeclared article reads as a likely translation ...
MIN_RULES = 2  # ... when at least this many distinct rules scored (two hits of one formula are one piece of evidence)
STRONG_WEIGHT = 3  # or the weight from which one signal alone carries it (a calque of an actor, a formula English
#                    news copy never writes); a weight-2 formula, another script, a date format never do alone
# Signals that English copy written by people shows too: they add to a score but never found a verdict. The kinds
# measure the whole text or its typing (a word profile, a missing space, a foreign word, the outlet's other articles,
# letters of another script, a name respelt);
# the rules are grammar shapes a typo or an English house style also makes, and the formulas of mt_phrases.yaml marked
# ``english: true``. Each fired on English-written articles of the development stories (presslens.evaluation.loso
# lists them): two or three of them together (a non-native newsroom's profile and a glued sentence) are how a person's
# English reads, so a verdict needs one signal outside them, a *tell*, unless they reach CORROBORATED_SCORE from
# CORROBORATED_RULES distinct rules.
CORROBORATING_KINDS = frozenset({"translationese", "glued sentences", "rare word", "outlet translates",
                                 # never seen on the development stories, but what an English desk does by
                                 # itself: it quotes a name in its own script ("Nikko (日光市)") and varies its own
                                 # romanisations of names
                                 "untranslated script", "transliteration"})
CORROBORATING_RULES = frozenset({"capitalised common noun", "a doubled comma where the translation dropped a word",
                                 # an English edition's address (pass 26g): human English desks have them too
                                 mtpage.EDITION_RULE})
EDITION_TELLS = 2  # the weight of tells beside which an English edition's address counts (pass 26g)
CORROBORATED_SCORE = 4
CORROBORATED_RULES = 3
COLUMNS = ["article_id", "outlet", "kind", "detail", "weight", "languages", "weak", "sent_id", "sentence", "rule",
           "source"]


def _sentence_spans(clean: str, sents: list[tuple[int, str]]) -> list[tuple[int, int, int]]:
    """Where each of an article's sentences lies in its whitespace-collapsed cleaned text:
    (start, end, sent_id), found in order (a sentence not found, such as the title, is skipped)."""
    out, pos = [], 0
    for sid, t in sents:
        t = " ".join(t.split())
        at = clean.find(t[:40], pos) if t else -1
        if at < 0:
            continue
        out.append((at, at + len(t), sid))
        pos = at + 1
    return out


def _calque_languages(story: Story) -> dict[str, tuple]:
    """actor -> ('zh',) when one of its forms is Chinese (its calques render Chinese), else ()."""
    return {a.name: ("zh",) if any(CJK.fullmatch(f.strip()) for f in a.forms if f.strip()) else () for a in story.actors}


@story_table
def translation_indicators(story: Story) -> pd.DataFrame:
    """Signals that an article was translated, one row each with the sentence behind it (see the
    module docstring for the kinds). Columns: article_id, outlet, kind, detail, weight (what the
    signal adds to the score before the caps), languages (the source languages it points to,
    space-separated; "" for any), weak (weight 0: listed, never counted), sent_id, sentence, rule (the rule
    that fired: two rows of one rule are one piece of evidence), source (the id of the work the rule draws on,
    among mt_phrases.yaml's sources; "story.yaml" for a calque of a listed rendering).
    """
    p = tables.process(story)
    s = p.sentences
    rows = []
    arts = story.articles
    # a missing or null language (NaN in the table) is not declared: read as English, as the story's text is
    lang = {aid: code for aid, code in zip(arts["id"], arts["language"]) if isinstance(code, str) and code}
    outlet_of_id = dict(zip(arts["id"], arts["outlet"]))
    text_of_article = dict(zip(arts["id"], arts["text"]))
    url_of = {aid: u for aid, u in zip(arts["id"], arts["url"]) if isinstance(u, str)}
    for r in arts.itertuples(index=False):
        if isinstance(r.translated_from, str) and r.translated_from:
            rows.append((r.id, r.outlet, "declared", f"translated_from: {r.translated_from}", 0,
                         r.translated_from.split("-")[0].lower(), False, -1, f"translated_from: {r.translated_from}",
                         "declared", ""))
    m = mentions(story)
    calq = m[m["kind"] == "rendering: calque"]
    c_langs = _calque_languages(story)
    for r in calq.itertuples(index=False):
        rows.append((r.article_id, r.outlet, "calque", f"{r.matched!r} for {r.actor}", CALQUE_WEIGHT,
                     " ".join(c_langs.get(r.actor, ())), False, r.sent_id, r.text, f"calque of {r.actor}", "story.yaml"))
    respelt = translit.name_respellings([f for a in story.actors for f in a.forms]
                                        + [f for sp in story.speakers for f in (sp.name, *sp.aliases)])
    read: dict[tuple, tuple] = {}  # a sentence's text (repeated across copies of one wire story) is read once
    for sid, aid, outlet, txt, qs in zip(s["sent_id"], s["article_id"], s["outlet"], s["text"], s["quote_spans"]):
        if str(lang.get(aid) or "en")[:2] != "en":
            continue  # the signals are of English text
        key = (txt, mtsignals.opens_in_quote(txt, qs))  # the same words are a speaker's or the writer's
        if (got := read.get(key)) is None:
            got = read[key] = (translit.find_respellings(txt, respelt), mtsignals.sentence_signals(*key))
        for form, word, langs in got[0]:
            rows.append((aid, outlet, "transliteration", f"{form!r} for {word!r}: {'/'.join(langs)} romanisation",
                         translit.TRANSLIT_WEIGHT, " ".join(langs), False, sid, txt, f"respelt names {' '.join(langs)}",
                         "romanisation"))
        for sg in got[1]:
            rows.append((aid, outlet, sg.kind, sg.detail, sg.weight, " ".join(sg.languages), sg.weight == 0, sid, txt,
                         sg.rule or sg.kind, sg.source))
    rules_of: dict[str, set[str]] = {}  # article -> the rules its rows so far fired (one pass, not a scan per article)
    for r in rows:
        rules_of.setdefault(r[0], set()).add(r[9])
    by_art: dict[str, list[tuple[int, str]]] = {}  # plain lists: one pass, no per-article frame slicing
    for sid, aid, txt in zip(s["sent_id"].tolist(), s["article_id"].tolist(), s["text"].tolist()):
        by_art.setdefault(aid, []).append((sid, txt))
    for aid, clean in p.clean_text.items():
        if aid not in lang:
            continue
        clean = " ".join(clean.split())
        sents = by_art.get(aid, [])
        spans = _sentence_spans(clean, sents)
        text_of = dict(sents)
        if str(lang.get(aid) or "en")[:2] == "en":
            prof = translationese.profile([t for _, t in sents])
            seen_rules = set(rules_of.get(aid, ()))  # a rule already found in a sentence counts once
            if prof is not None and prof.z >= TRANSLATIONESE_WEAK_Z:
                rows.append((aid, outlet_of_id[aid], "translationese", prof.describe(),
                             2 if prof.z >= TRANSLATIONESE_Z else 1, "", False, -1, prof.describe(),
                             "translationese profile", "laviosa1998"))
                seen_rules.add("translationese profile")
            for sg in mtpage.page_signals(text_of_article.get(aid, ""), url_of.get(aid)):
                if sg.rule not in seen_rules:
                    rows.append((aid, outlet_of_id[aid], sg.kind, sg.detail, sg.weight, " ".join(sg.languages), False,
                                 -1, sg.detail, sg.rule, sg.source))
            if sl := slips.signal(clean):  # weight 0: it counts against a verdict (_decide), never towards one
                rows.append((aid, outlet_of_id[aid], *sl))
            for sid, txt, sg in mtsignals.inflected_names(sents) + speechmarks.speech_signals(sents):
                rows.append((aid, outlet_of_id[aid], sg.kind, sg.detail, sg.weight, " ".join(sg.languages),
                             sg.weight == 0, sid, txt, sg.rule, sg.source))
        for mt in GLUED.finditer(clean):
            at = mt.start(2) - 1  # the sentence the glue ends: the last one starting before the next
            sid = next((x for a, _, x in reversed(spans) if a <= at), -1)
            sentence = text_of.get(sid) or clean[max(0, mt.start() - 80): mt.end() + 40]
            rows.append((aid, outlet_of_id[aid], "glued sentences", mt.group(1) + mt.group(2), 1, "", False, sid,
                         sentence, "glued sentences", "mqm"))
    out = pd.DataFrame(rows, columns=COLUMNS)
    order = {a: i for i, a in enumerate(arts["id"])}
    k_rank = {k: i for i, k in enumerate(INDICATOR_KINDS)}
    out = out.assign(_a=out["article_id"].map(order), _k=out["kind"].map(k_rank))
    return out.sort_values(["_a", "_k", "sent_id"], kind="mergesort").drop(columns=["_a", "_k"]).reset_index(drop=True)


def _col(rows, name: str) -> list:
    """Column ``name`` of ``rows`` (a table, or a dict of column lists) as a list."""
    v = rows[name]
    return v.tolist() if hasattr(v, "tolist") else list(v)


def _rules(rows) -> list[str]:
    """The rule of each row (the ``rule`` column; a table without it: kind and detail, or each row its own)."""
    if "rule" in rows:
        return [str(r) for r in _col(rows, "rule")]
    if "detail" in rows:
        return [f"{k}: {d}" for k, d in zip(_col(rows, "kind"), _col(rows, "detail"))]
    return [f"{k} #{i}" for i, k in enumerate(_col(rows, "kind"))]


def source_language(rows: pd.DataFrame) -> tuple[str | None, str]:
    """One article's indicator rows -> (language or None, why). The language comes from the strongest
    evidence: the counted signals that point somewhere, one vote per distinct rule (a formula found ten
    times votes once), weight tier by tier from the heaviest; a signal pointing to several languages shares
    its vote. The heaviest tier decides when one language leads it, a lighter tier breaks a tie among the
    leaders; two signals of weight 2 or more pointing to languages with none in common make it unknown
    (the evidence disagrees), as does a tie no tier breaks."""
    seen: dict[str, tuple[int, tuple[str, ...]]] = {}
    for kind, w, langs, rule in zip(_col(rows, "kind"), _col(rows, "weight"), _col(rows, "languages"), _rules(rows)):
        ls = tuple(str(langs).split())
        if kind == "declared" or not w or not ls:
            continue
        if rule not in seen or int(w) > seen[rule][0]:
            seen[rule] = (int(w), ls)
    if not seen:
        return None, "no signal points to a language"
    leaders: set[str] | None = None
    for tier in sorted({w for w, _ in seen.values()}, reverse=True):
        sets = [ls for w, ls in seen.values() if w == tier]
        if leaders is None and tier >= 2:
            clash = next(((x, y) for i, x in enumerate(sets) for y in sets[i + 1:] if not set(x) & set(y)), None)
            if clash:
                return None, f"unknown: the evidence points to {'/'.join(clash[0])} and to {'/'.join(clash[1])}"
        votes: dict[str, float] = {}
        for ls in sets:
            for code in ls:
                if leaders is None or code in leaders:
                    votes[code] = votes.get(code, 0.0) + 1 / len(ls)
        if not votes:
            continue
        top = max(votes.values())
        best = {c for c, v in votes.items() if v > top - 1e-9}
        if len(best) == 1:
            code = next(iter(best))
            return code, f"{code}: the strongest evidence (weight {tier}) points to it"
        leaders = best
    return None, f"unknown: the evidence points to {' or '.join(sorted(leaders or ()))} alike"


def score_article(rows: pd.DataFrame) -> tuple[int, dict[str, int], str | None]:
    """One article's indicator rows -> (score, points per kind, source-language guess). Each kind adds
    its signals' weights up to its cap (``CAPS``); the language is :func:`source_language`'s (None when
    nothing points to one or the evidence disagrees)."""
    per_kind: dict[str, int] = {}
    for kind, w in zip(_col(rows, "kind"), _col(rows, "weight")):
        if kind == "declared" or not w:
            continue
        room = CAPS.get(kind, 0) - per_kind.get(kind, 0)
        per_kind[kind] = per_kind.get(kind, 0) + max(0, min(int(w), room))
    return sum(per_kind.values()), per_kind, source_language(rows)[0]


def corroborates(kind: str, rule: str) -> bool:
    """Whether a signal only corroborates (English copy written by people shows it too; see ``CORROBORATING_KINDS``):
    it adds to the score, never founds a verdict."""
    return kind in CORROBORATING_KINDS or rule in CORROBORATING_RULES or rule in mtsignals.english_formulas()


def tells(rows) -> list[str]:
    """The distinct rules of an article's counted signals that are more than corroboration (:func:`corroborates`)."""
    return list(dict.fromkeys(r for r, k, w in zip(_rules(rows), _col(rows, "kind"), _col(rows, "weight"))
                              if k != "declared" and w and not corroborates(k, r)))


def independent_rules(rows: pd.DataFrame) -> int:
    """How many distinct rules (formulas, formats, scripts, calques of distinct actors) scored."""
    counted = [r for r, k, w in zip(_rules(rows), _col(rows, "kind"), _col(rows, "weight"))
               if k != "declared" and w]
    return len(set(counted))


def needs(rows, min_score: int = LIKELY_SCORE) -> tuple[int | None, int | None]:
    """How far an article that is not a translation by its signals ``rows`` (an indicators table of that article, or
    its columns as lists) stands from a verdict: the least weight one more signal of a new rule must carry to make it
    a likely translation, as a tell and as corroboration (None: no weight up to ``STRONG_WEIGHT`` would; (0, 0) when
    it is already one). A human article at (1, 1) is a glued sentence away from being called a translation."""
    g = {c: _col(rows, c) for c in COLUMNS if c in rows}
    g["rule"] = _rules(rows)
    for c in COLUMNS:
        g.setdefault(c, [None] * len(g["kind"]))
    outlet = g["outlet"][0] if g["outlet"] else ""

    def verdict(extra: tuple | None) -> str:
        h = {c: v + [dict(zip(COLUMNS, extra)).get(c)] for c, v in g.items()} if extra else g
        return _decide("?", h if h["kind"] else {**h, "outlet": [outlet]}, min_score)[8]

    if verdict(None) != "isolated signals":
        return 0, 0
    out = []
    # a new rule of a kind the caps leave room for: a formula, told apart only by whether its rule corroborates
    for kind, rule in (("MT phrase", "a new tell"), ("MT phrase", min(CORROBORATING_RULES - {mtpage.EDITION_RULE}))):
        out.append(next((w for w in range(1, STRONG_WEIGHT + 1)
                         if verdict(("?", outlet, kind, rule, w, "", False, -1, rule, rule, "")) != "isolated signals"),
                        None))
    return out[0], out[1]


def likely_translations(story: Story, indicators: pd.DataFrame | None = None,
                        min_score: int = LIKELY_SCORE) -> pd.DataFrame:
    """One row per article with indicators: article_id, outlet, declared (bool), score, kinds (the kinds
    that scored, with their points: "MT phrase 3, rare word 1"), n_indicators, source_language (the
    declared one, else :func:`source_language`'s when the verdict is a translation; None: unknown), evidence
    (the counted signals' details, strongest first), verdict: 'declared translation', 'likely undeclared
    translation' (one tell of weight ``STRONG_WEIGHT`` or more, or a score of ``min_score`` from at least
    ``MIN_RULES`` distinct rules with a tell among them or ``CORROBORATED_SCORE`` from ``CORROBORATED_RULES``
    corroborating rules) or 'isolated signals'; n_rules (the distinct rules that scored),
    language_note (why that language, or why it is unknown). Computed once per indicators table (kept
    in memory and on disk: notebook 04 asks twice, 08 once)."""
    return sanity.tag_language(_verdicts(translation_indicators(story) if indicators is None else indicators, min_score), story)


@story_table(memory=4)
def _verdicts(ind: pd.DataFrame, min_score: int) -> pd.DataFrame:
    """:func:`likely_translations` of an indicators table: a function of the table alone (keyed by its content).
    Two passes: the verdicts on the article's own signals, then, for an article not judged a translation, one
    more signal of weight ``OUTLET_WEIGHT`` ("outlet translates") when another article of its outlet in the
    story is a declared or likely translation by its own signals (never carried further: one pass only)."""
    cols = ["article_id", "outlet", "declared", "score", "kinds", "n_indicators", "source_language", "evidence",
            "verdict", "n_rules", "language_note"]
    data = {c: ind[c].tolist() for c in ind.columns}  # plain lists: one pass, no per-article frame slicing
    at: dict = {}
    for i, aid in enumerate(data["article_id"]):
        at.setdefault(aid, []).append(i)
    # articles in order of their first row, rows in table order
    groups = [(aid, {c: [v[i] for i in idx] for c, v in data.items()}) for aid, idx in at.items()]
    first = [_decide(aid, g, min_score) for aid, g in groups]
    translating: dict[str, list[str]] = {}
    for r in first:
        if r[8] in ("declared translation", "likely undeclared translation"):
            translating.setdefault(r[1], []).append(r[0])
    rows = []
    for (aid, g), r in zip(groups, first):
        others = [a for a in translating.get(r[1], []) if a != aid]
        if others and r[8] == "isolated signals":
            what = f"{r[1]} publishes {others[0]}" + (f" and {len(others) - 1} more" if len(others) > 1 else "") + \
                " judged a translation by its own signals"
            extra = dict(zip(COLUMNS, (aid, r[1], "outlet translates", what, OUTLET_WEIGHT, "", False, -1, what,
                                       "outlet translates", "")))
            r = _decide(aid, {c: v + [extra.get(c)] for c, v in g.items()}, min_score)
        rows.append(r)
    return pd.DataFrame(rows, columns=cols)


def _decide(aid: str, g: dict, min_score: int) -> tuple:
    """One article's verdict row (see :func:`likely_translations`) from its indicator rows ``g`` (column ->
    list of values, in table order). An English edition's address counts only beside tells weighing ``EDITION_TELLS``
    together: it corroborates a formula, not another corroboration nor unmarked speech (British copy has it too)."""
    rules, outlet = _rules(g), g["outlet"][0]
    if mtpage.EDITION_RULE in rules and sum(
            int(w) for x, w, r in zip(g["kind"], g["weight"], rules)
            if x != "declared" and w and not corroborates(x, r) and r != speechmarks.UNMARKED_RULE) < EDITION_TELLS:
        g = {c: [v for v, r in zip(vals, rules) if r != mtpage.EDITION_RULE] for c, vals in g.items()}
    kind, weight = g["kind"], g["weight"]
    dec = [k for k, x in enumerate(kind) if x == "declared"]
    score, per_kind, guess = score_article(g)
    counted = sorted((k for k, x in enumerate(kind) if x != "declared" and weight[k] > 0),
                     key=lambda k: -weight[k])  # heaviest first, table order among equals
    evidence = "; ".join(dict.fromkeys(f"{kind[k]}: {g['detail'][k]}" for k in counted))
    kinds = ", ".join(f"{k} {per_kind[k]}" for k in INDICATOR_KINDS if per_kind.get(k))
    declared = len(dec) > 0
    n_rules = independent_rules(g)
    strongest = max((int(w) for x, w, r in zip(kind, weight, _rules(g)) if x != "declared" and not corroborates(x, r)),
                    default=0)  # one corroborating signal never carries a verdict, whatever its weight
    note = source_language(g)[1]
    if declared:
        verdict, source, note = "declared translation", g["languages"][dec[0]], "declared in the front matter"
    elif strongest >= STRONG_WEIGHT or slips.RULE not in _rules(g) and score >= min_score and n_rules >= MIN_RULES and (
            tells(g) or score >= CORROBORATED_SCORE and n_rules >= CORROBORATED_RULES):
        verdict, source = "likely undeclared translation", guess
    else:
        verdict, source = "isolated signals", None
    return (aid, outlet, declared, score, kinds, len(kind) - len(dec), source, evidence, verdict, n_rules, note)
