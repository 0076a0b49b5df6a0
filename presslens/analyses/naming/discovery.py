"""Discovery of unknown variants of the actors' names in a story: every candidate of
:mod:`.candidates` scored against the known forms by :func:`.variants.score` (spelling, romanisation,
calques, dictionary glosses, word order), with translation renderings (:mod:`.renderings`) and the
fuller and shorter forms of persons' names (:mod:`.persons`); each with a snippet ready for story.yaml.
"""
from __future__ import annotations

import pandas as pd

from presslens.errors import ParameterError
from presslens.engine.memo import story_table
from presslens.story.model import Actor, Speaker, Story
from presslens.story.yamlio import parse_yaml
from presslens.text.resolver import CJK, form_key
from presslens.text.vocabulary import ordinary_words
from . import brackets, cjknames, persons, renderings, shortnames, skeleton
from .romanise import NAME_ARTICLES, letters
from .renderings import NOT_NAME_PART
from .shortnames import TITLES
from .candidates import candidates, name_regex
from .variants import RULES, STRONG_RULES, form_index, known_forms, score


_SUGGEST = {"spelling: spacing": ("aliases", None), "spelling: inflection": ("aliases", None),
            "spelling: edits": ("renderings", "misspelling"),
            "romanisation": ("renderings", "romanisation"), "calque": ("renderings", "calque"),
            "dictionary": ("aliases", None), "word order": ("aliases", None), "short form": ("aliases", None),
            "initials": ("aliases", None), "translation: shared part": ("renderings", "calque"),
            "long form": ("aliases", None), "surname": ("aliases", None),
            "bracket pair": ("renderings", "transliteration"), "spelling: convention": ("aliases", None),
            "function words": ("aliases", None), "abbreviation in brackets": ("aliases", None),
            "nationality": ("aliases", None), "transliteration": ("renderings", "transliteration")}


def _snippet(actor: Actor | Speaker, cand: str, rule: str, evidence: str) -> str:
    """What to paste into story.yaml, inside the existing entry of ``actor`` (a comment says where);
    a speaker (who has no renderings) gets the form among its aliases."""
    import yaml

    where, kind = _SUGGEST[rule]
    entry = "actor" if isinstance(actor, Actor) else "speaker"
    if where == "aliases" or entry == "speaker":
        body = yaml.safe_dump({"aliases": list(actor.aliases) + [cand]}, default_flow_style=None,
                              allow_unicode=True, sort_keys=False, width=1000)
        return f"# story.yaml, {entry} {actor.name}: replace its aliases line with\n{body.rstrip()}"
    body = yaml.safe_dump([{"form": cand, "kind": kind, "note": f"found by presslens names: {evidence}"}],
                          allow_unicode=True, sort_keys=False, width=1000)
    head = "add under its renderings" if actor.renderings else "add a renderings list holding"
    return f"# story.yaml, actor {actor.name}: {head}\n{body.rstrip()}"


_PARTICLES = frozenset(("bin", "ibn", "de", "van", "von", *NAME_ARTICLES))  # the particles a name's run holds (candidates.CAP_RUN)


def _own_name_plus_names(cand: str, spans: list[tuple[int, int]], actor: str, actor_of: dict[str, set[str]]) -> bool:
    """``cand`` holds known forms of ``actor`` only, and every other word of it looks like a name word
    (capitalised, not all capitals, no English dictionary word): "Ibrahim Lenko" beside the known
    "Lenko" of "Ebrahim Lenko" is a whole spelling of the person, where "Lenko API" or "Lenko Fund" is
    the known name with other words."""
    if any(actor_of.get(form_key(cand[a:b]), set()) != {actor} for a, b in spans):
        return False
    rest = cand
    for a, b in sorted(spans, reverse=True):
        rest = rest[:a] + " " + rest[b:]
    words = [w for w in rest.split() if w.casefold().strip("-") not in _PARTICLES]  # "al-" of "al-Lenko"
    return bool(words) and all(w[:1].isupper() and not w.isupper() and w.replace("-", "").isalpha()
                               and w.casefold() not in NOT_NAME_PART and not persons.dictionary_word(w) for w in words)


def titled_person(cand: str, actor: str, people: set[str]) -> bool:
    """``cand`` names the person ``actor`` with a title, honorific, role or nationality first ("Dr Lina Okafor",
    "Mr Okafor", "Dr. Okafor"): the name is the words after it, a candidate of its own that the rules judge
    (the surname rule reads "Okafor" after a title); a title is no spelling of a name, so the titled run is
    never proposed for a person ("Dr Lina Okafor" is no misspelling of "Lina Okafor", two edits away)."""
    words = cand.split()
    return actor in people and len(words) >= 2 and words[0].casefold().strip(".") in (TITLES | NOT_NAME_PART)


def _sentence_rows(story: Story, others: Story | None, known: list, proposed: set[str], actors: dict,
                   o_rank: dict) -> list[dict]:
    """Discovery rows of the rules that read whole sentences rather than candidates: names written in
    Chinese characters inside running Chinese text (:mod:`.cjknames`: candidates, cut at spaces, never
    hold them alone, and they are read in the articles left out for their language too) and abbreviations
    introduced in brackets (:mod:`.brackets`)."""
    from presslens.engine import tables

    taken = {letters(k.form) for k in known} | {letters(c) for c in proposed}
    sents = tables.process(story).sentences
    if others is not None and len(others.articles):
        sents = pd.concat([sents, tables.process(others).sentences], ignore_index=True)
    persons = {a.name for a in story.actors if (a.kind or "").casefold() == "person"} | {sp.name for sp in story.speakers}
    hits = cjknames.cjk_names(story, sents, known, taken)
    taken |= {letters(h["candidate"]) for h in hits}
    hits += brackets.bracket_abbreviations(sents, known, persons, taken)
    out = []
    for hit in hits:
        where = hit.pop("where")
        outlets = sorted({w[1] for w in where}, key=lambda o: o_rank.get(o, 0))
        out.append({**hit, "n": len(where), "n_sentences": len({(w[0], w[2]) for w in where}),
                    "outlets": ", ".join(outlets), "first_sentence": min(where, key=lambda w: w[2])[3],
                    "yaml": _snippet(actors[hit["actor"]], hit["candidate"], hit["rule"], hit["evidence"])})
    return out


def parse_snippet(snippet: str):
    """A :func:`discover` snippet read as story.yaml reads it: ``{'aliases': [...]}`` or a list of
    renderings."""

    return parse_yaml(snippet)


@story_table
def discover(story: Story, max_edits: int = 1, min_mentions: int = 1, others: Story | None = None) -> pd.DataFrame:
    """Variants of the actors' names that story.yaml does not list yet.

    One row per candidate x actor with a rule that fired (see :func:`score`): candidate, actor,
    rule, known_form, evidence, n (mentions), outlets, first_sentence, yaml (a snippet to paste
    under ``actors:``). Candidates seen fewer than ``min_mentions`` times are dropped. The lines
    behind a candidate: :func:`candidate_lines`. ``others``: the story's articles left out of the measures
    (another language), read only for names written in Chinese characters (:mod:`.cjknames`).
    """
    cols = ["candidate", "actor", "rule", "known_form", "evidence", "n", "n_sentences", "outlets", "first_sentence",
            "yaml"]
    if not isinstance(max_edits, int) or isinstance(max_edits, bool) or not 0 <= max_edits <= 3:
        raise ParameterError.bad("discover", "max_edits", f"max_edits={max_edits!r} is not a whole number from 0 to 3",
                                 "give e.g. max_edits=1 (1 finds transpositions such as Duobao for Doubao)")
    if not isinstance(min_mentions, int) or isinstance(min_mentions, bool) or min_mentions < 1:
        raise ParameterError.bad("discover", "min_mentions", f"min_mentions={min_mentions!r} is not a whole number >= 1",
                                 "give e.g. min_mentions=1")
    cands = candidates(story)
    known = known_forms(story)
    if cands.empty or not known:
        return pd.DataFrame(columns=cols)
    ordinary = ordinary_words()
    rx = name_regex(story)
    ix = form_index(tuple(known))
    actor_of: dict[str, set[str]] = {}
    for k in known:
        actor_of.setdefault(form_key(k.form), set()).add(k.actor)
    actors = {**{sp.name: sp for sp in story.speakers}, **{a.name: a for a in story.actors}}
    o_rank = {o: i for i, o in enumerate(story.outlets)}
    people = {a.name for a in story.actors if (a.kind or "").casefold() == "person"} | {sp.name for sp in story.speakers}
    rows = []
    groups = cands.groupby("candidate", sort=True)
    totals = groups["count"].sum()
    where = groups.indices  # candidate -> its rows, looked at only for candidates that score
    cand_outlet, cand_sid, cand_text = (cands[c].to_numpy() for c in ("outlet", "sent_id", "text"))
    for cand, total in zip(totals.index, totals.to_numpy()):
        if total < min_mentions:
            continue
        words = [w.casefold() for w in cand.split()]
        plain = not CJK.search(cand) and all(w in ordinary for w in words)
        holds_known = None
        for hit in score(cand, known, max_edits=max_edits, index=ix):
            if plain and (hit["rule"] not in STRONG_RULES or len(words) < 2 and hit["rule"] != "romanisation"):
                continue  # ordinary words are never proposed on a weak rule, nor one alone on spelling
            if titled_person(cand, hit["actor"], people):
                continue
            if hit["rule"] in ("spelling: edits", "short form", "word order"):
                if holds_known is None:
                    holds_known = [m.span() for m in rx.finditer(cand)]  # "OpenAI API": a known name plus other words
                spans = holds_known if hit["rule"] != "word order" else [  # "AI Corvex" of "Corvex AI": the known
                    (a, b) for a, b in holds_known if hit["actor"] in actor_of.get(form_key(cand[a:b]), ())]  # "Corvex"
                if spans and not _own_name_plus_names(cand, spans, hit["actor"], actor_of):  # with a word before it
                    continue
            at = where[cand]
            outlets = sorted(set(cand_outlet[at]), key=lambda o: o_rank.get(o, 0))
            first = at[cand_sid[at].argmin()]
            rows.append({"candidate": cand, **hit, "n": int(total), "n_sentences": len(at),
                         "outlets": ", ".join(outlets), "first_sentence": cand_text[first],
                         "yaml": _snippet(actors[hit["actor"]], cand, hit["rule"], hit["evidence"])})
    extra = renderings.translation_renderings(story, cands, {r["candidate"] for r in rows})
    extra += persons.person_forms(story, cands, {r["candidate"] for r in rows} | {h["candidate"] for h in extra})
    extra += shortnames.short_names(story, cands, {r["candidate"] for r in rows} | {h["candidate"] for h in extra})
    extra += skeleton.transliterations(story, cands, {r["candidate"] for r in rows} | {h["candidate"] for h in extra})
    for hit in extra:
        if titled_person(hit["candidate"], hit["actor"], people):
            continue
        at = where[hit["candidate"]]
        outlets = sorted(set(cand_outlet[at]), key=lambda o: o_rank.get(o, 0))
        rows.append({**hit, "n": int(totals[hit["candidate"]]), "n_sentences": len(at), "outlets": ", ".join(outlets),
                     "first_sentence": cand_text[at[cand_sid[at].argmin()]],
                     "yaml": _snippet(actors[hit["actor"]], hit["candidate"], hit["rule"], hit["evidence"])})
    out = renderings.prune(pd.DataFrame(rows, columns=cols), cands, story)
    out = pd.concat([out, pd.DataFrame(_sentence_rows(story, others, known, set(out["candidate"]), actors, o_rank),
                                       columns=cols)], ignore_index=True)
    rule_rank = {r: i for i, r in enumerate(RULES)}
    out = out.assign(_r=out["rule"].map(rule_rank)).sort_values(["actor", "_r", "candidate"], kind="mergesort")
    return out.drop(columns="_r").reset_index(drop=True)


def candidate_lines(story: Story, candidate: str) -> pd.DataFrame:
    """Every sentence where a discovered candidate appears: article_id, outlet, sent_id, text."""
    c = candidates(story)
    return c[c["candidate"] == candidate][["article_id", "outlet", "sent_id", "text"]].reset_index(drop=True)
