"""A core of the subject alone: what it must share with a fact's centre to take in a sentence.

A fact's *core* (:func:`.grouping.cores`: the rare words most of its versions share) takes in every
other clause and sentence that holds it. A core can be the statement's subject alone: "The grain barge
lost power and drifted into the harbour wall" can have the core "grain barge", which "the grain barge hit
a mooring post" and "the crew of the grain barge were safe" hold too, and a reader calls those other
statements: they share who, not what happened. So when every core word is written in the centre before
its first predicate word (:func:`subject_only`), the core takes in a unit only if the unit also holds one
of the centre's predicate words *with* the head of what follows it (:func:`predicates`: "lost power" ->
("lose", "power"), "drifted into the harbour wall" -> ("drift", "harbour")): "the barge lost power near
the quay" is taken in, "the barge lost its anchor and hit a post" is not. A core that holds a predicate
or its object ("refused to sail", "a 4% fall", "harbour dues" after "raised") takes in as before: most
thin cores are of that kind and are what most claims are found by.

A predicate word is read off the word alone (lemminflect's tables, no tagger): a past form ("lost",
"rammed", "spread"), or a present -s or -ing form of no noun or adjective ("refuses"; "ships" is a
noun too), not a reporting verb (:func:`.features.cues`' ``reporting``: "said", "told" are the
attribution, not the statement) and not a participle used as a preposition ("including the night boat",
"following the storm": :data:`PREPOSITIONS`).

Development stories (``python -m presslens.evaluation.facts_loso PREDICATE=1,0``), claims matched:
71 -> 72 of 87 (one story's claim about a ship's power loss 0.68 -> 0.85: its fact, whose core was the
ship's kind alone, no longer takes in every sentence naming the ship); held out 0.816 -> 0.828 by the tie
rule (no other story moves). Variants tried, all worse: the centre's predicate words alone, without their
object (71: "lost control" still taken in with "lost power"); for every core without a predicate word, not
only a subject's (63: "a 17% drop" is a core of that kind and finds its claim); for cores of two words
only (65), or two words adjacent in the centre (67). docs/analyses.md, issue 29, ninth pass.
"""
from __future__ import annotations

import functools

from presslens.analyses.facts import features, normalise

# participles used as prepositions: no predicate of their clause
PREPOSITIONS = frozenset({"including", "following", "according", "regarding", "concerning", "considering",
                          "excluding", "involving", "pending", "given", "barring", "owing"})


@functools.lru_cache(maxsize=1 << 16)
def _verb_form(word: str) -> bool:
    """Whether a lower-case ``word`` is a verb form as written: a past (VBD / VBN) form, or a present -s
    or -ing form of no noun or adjective."""
    import lemminflect

    lemmas = lemminflect.getAllLemmas(word)
    if "VERB" not in lemmas or word in PREPOSITIONS:
        return False
    tags = ("VBD", "VBN") if ("NOUN" in lemmas or "ADJ" in lemmas) else ("VBD", "VBN", "VBZ", "VBG")
    return any(word in lemminflect.getAllInflections(lem, upos="VERB").get(t, ())
               for lem in lemmas["VERB"] for t in tags)


def _predicate(token: str, cues: dict) -> bool:
    lw = token.lower()
    return lw.isalpha() and lw not in cues["stop"] and lw not in cues["reporting"] and _verb_form(lw)


@functools.lru_cache(maxsize=1 << 16)
def predicates(text: str) -> frozenset[tuple]:
    """Each predicate word of ``text`` with the next content word after it (the head of its object or
    complement, as read without a parser), both as fact discovery writes its words (the text read
    through :func:`.normalise.canonical`, so "$2 million" is one word "2m", and each word through
    :func:`.normalise.fact_words`: "lost" -> its synonym row's word): ("lose", "power") of "lost power";
    a predicate with no word after it is a 1-tuple."""
    c = features.cues()
    toks = [t for t in features.WORD.findall(normalise.canonical(text)) if t.lower() not in c["stop"]]
    out = set()
    for i, t in enumerate(toks):
        if not _predicate(t, c):
            continue
        v = normalise.fact_words(t.lower())
        nxt = next((w for w in (normalise.fact_words(u) for u in toks[i + 1:]) if w), ())
        if v:
            out.add(v[:1] + nxt[:1])
    return frozenset(out)


def subject_only(core: tuple, centre: str) -> bool:
    """Whether every word of ``core`` is written in ``centre`` before its first predicate word (and the
    centre has one): the core names who or what the statement is about, not what it says of them."""
    c = features.cues()
    seen: set = set()
    for t in features.WORD.findall(centre):
        if _predicate(t, c):
            return set(core) <= seen
        seen.update(normalise.fact_words(t))
    return False


def needed(core: tuple, centre: str) -> frozenset[tuple]:
    """What a unit must hold, besides the core, for a fact's core (its words, as
    :func:`.normalise.fact_words` writes them) to take it in: every word of one of the returned tuples
    (:func:`predicates` of the centre) when the core is its subject alone (:func:`subject_only`);
    else an empty set (nothing more needed)."""
    if not subject_only(core, centre):
        return frozenset()
    return predicates(centre)
