"""What fact discovery reads in one sentence: content words, numbers, negation, hedges, intensity
words, attribution, and (when the package ships one) a static embedding.

Everything here is a pure function of the sentence's text, so it scales with the number of
distinct sentences. Content words are lower-cased word tokens minus the shared stop-word list, with
a light suffix fold (``looted``, ``looting`` and ``loots`` are one word ``loot``) so that versions of
a statement in other tenses still meet.

The embedding is WordLlama's bundled model (``l2_supercat``, 256 dimensions, shipped inside the
``wordllama`` wheel; nothing is downloaded at run time): the average of static token vectors, good
at "made landfall" ~ "hit the coast" where no word is shared. Without it the discovery is lexical
only (``embedder()`` returns None and says so in ``EMBEDDING``).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import numpy as np

from presslens import data
from presslens.text import vocabulary
from presslens.words import without_long_words
from presslens.analyses.quotes.attribution import verbs

# a figure is one word, whatever separates its digits: "4,700", "1,935.3", "4 700" (a no-break or thin
# space before three digits), "4.7", "12%", "1.2bn"; tried first, since a word of letters and digits
# ("H800", "Covid") would otherwise take "4" of "4,700" and leave "700" a word apart
FIGURE = r"\d+(?:[.,]\d+|[\u00a0\u202f\u2009]\d{3}(?!\d))*"
WORD = re.compile(rf"{FIGURE}(?:%|[^\W_]*)|[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
NUMBER = re.compile(rf"(?<![^\W_]){FIGURE}%?")     # not inside a name ("H800")
# a thousands separator: before three digits, or a comma of the Indian grouping ("12,34,567": lakhs and crores)
SEPARATOR = re.compile(r"[,\u00a0\u202f\u2009](?=\d{3}(?!\d))|,(?=\d\d(?:,\d\d)*,\d{3}(?!\d))")
MONTHS = vocabulary.MONTHS + vocabulary.WEEKDAYS  # dates and weekdays: never a fact's key word
DATE = re.compile(r"\b(?:%s)\b(?:\s+\d{1,2}\b)?|\b\d{1,2}\s+(?:%s)\b|\b(?:1[89]|20)\d\d\b"
                  % ("|".join(MONTHS), "|".join(MONTHS[:12])), re.IGNORECASE)
SUFFIXES = ("ings", "ing", "edly", "ed", "es", "s")
EMBEDDING = "wordllama l2_supercat 256 (bundled in the wheel)"


@functools.lru_cache(maxsize=1 << 18)
def fold(word: str) -> str:
    """A word's light stem: lower case, possessive and a common inflection suffix dropped (never below
    four letters), so that tenses and plurals of one word meet."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suf in SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4 and not w.endswith("ss"):
            return w[: -len(suf)]
    return w


def figure(token: str) -> str:
    """A figure as fact discovery compares it: its thousands separators dropped ("4,700" -> "4700",
    "4\u202f700" -> "4700"), a decimal point or comma kept ("4.7", "4,7": a comma before three digits is
    read as a separator, as English writes it)."""
    return SEPARATOR.sub("", token)


def value(token: str) -> float:
    """A figure's value (:func:`figure`; a decimal comma read as a point: "4,7" -> 4.7)."""
    return float(figure(token).replace(",", "."))


@functools.lru_cache(maxsize=1)
def cues() -> dict:
    """The cue word sets: negation, hedges (single words and phrases), intensity, reporting verbs."""
    c = data.fact_cues()
    rv = verbs()
    return {"negation": frozenset(c["negation"]),
            "negation_before_to": frozenset(c["negation_before_to"]),
            "hedge_words": frozenset(w for w in c["hedges"] if " " not in w),
            "hedge_phrases": tuple(w for w in c["hedges"] if " " in w),
            "intensity": frozenset(c["intensity"]),
            "reporting": frozenset(f for f in rv["form_class"] if " " not in f),
            "stop": data.STOPWORDS | frozenset(MONTHS)}


def content(text: str) -> list[str]:
    """The sentence's content words, folded, in order (a figure is one word, written as :func:`figure`
    writes it, without a percent sign: "4,700" -> "4700", "16.86%" -> "16.86")."""
    return list(_content(text))


@functools.lru_cache(maxsize=1 << 16)
def _content(text: str) -> tuple[str, ...]:
    stop = cues()["stop"]
    out = []
    for t in WORD.findall(text):
        lw = t.lower()
        if lw in stop or (len(lw) < 3 and not lw[0].isdigit()):
            continue
        out.append(figure(lw).rstrip("%") if lw[0].isdigit() else fold(lw))
    return tuple(out)


CLAUSE_BREAK = re.compile(r"(\s*[;:,]\s+|\s+[—–-]{1,2}\s+|\s+(?=(?:when|after|while|which|because|although|though|"
                          r"but|whereas|before|until|since)\s))", re.IGNORECASE)
CLAUSE_MIN = 4        # content words a clause needs before it stands alone
# a piece ending in "that" and a name or a label ("confirmed that Flight 1282", "said that the Harbour Agency"):
# a subject cut from its verb by an apposition in commas ("..., bound for Port Selby, had a fire"); it stays open
OPEN_SUBJECT = re.compile(r"\bthat\s+(?:(?:the|its|their|an?)\s+)?(?:[A-Z][\w'’.&-]*\s+)*"
                          r"(?:[A-Z][\w'’.&-]*|[A-Z][\w'’.&-]*\s+\d[\w.,-]*)\s*$")


@functools.lru_cache(maxsize=1 << 16)
def clause_tuple(text: str) -> tuple[str, ...]:
    return tuple(clauses(text))


def clauses(text: str) -> list[str]:
    """The sentence cut into clauses (at commas, semicolons, colons, dashes and before a
    subordinating word), short pieces glued to the next so that each clause has ``CLAUSE_MIN``
    content words; a last short piece joins the clause before it. A sentence states one fact per
    clause more often than one per sentence ("At least 43 died | when Category 5 Otis slammed into
    the coast | the governor said")."""
    bits = CLAUSE_BREAK.split(text)          # text, separator, text, separator, ...
    out: list[str] = []
    cur, n, opened = "", 0, False
    for i in range(0, len(bits), 2):
        piece, sep = bits[i], (bits[i + 1] if i + 1 < len(bits) else "")
        cur += piece
        k = len(content(piece))
        n += k
        if n >= CLAUSE_MIN and opened and k < CLAUSE_MIN:   # an apposition: the subject still waits for its verb
            cur += sep
            continue
        if n >= CLAUSE_MIN and not OPEN_SUBJECT.search(cur):
            out.append(cur.strip())
            cur, n, opened = "", 0, False
        elif cur:
            opened = opened or n >= CLAUSE_MIN
            cur += sep
    if cur.strip():
        if out and n < CLAUSE_MIN:
            out[-1] = f"{out[-1]}{bits[-2] if len(bits) > 1 else ' '}{cur.strip()}".strip()
        else:
            out.append(cur.strip())
    return out or [text]


@functools.lru_cache(maxsize=1 << 16)
def negated(text: str) -> bool:
    """Does the sentence deny what it states ("did not", "never", "denied", "declined to comment")?
    A word of ``negation_before_to`` denies only before "to" and a word ("declined to sign"); anywhere
    else it reports a fall ("shares declined 3%", "a decline of 3%", "declined to $118"). A pure function
    of the text (the cue words are fixed): kept for the last 65,536 texts, as :func:`marks` is (a sentence
    repeated across articles, and each clause asked again by the grouping, the windows and the labels)."""
    c = cues()
    low = text.lower().replace("’", "'")
    if "n't" in low:
        return True
    toks = WORD.findall(low)
    before_to = c["negation_before_to"]
    for i, t in enumerate(toks):
        if t in c["negation"]:
            return True
        if t in before_to and i + 2 < len(toks) and toks[i + 1] == "to" and toks[i + 2][0].isalpha():
            return True
    return False


@functools.lru_cache(maxsize=1 << 16)
def marks(text: str) -> dict:
    """The drift cues of one sentence: numbers, dates, hedges, intensity words, and whether it
    attributes (a reporting verb, "according to", or quotation marks)."""
    c = cues()
    low = text.lower().replace("’", "'")
    words = WORD.findall(text.replace("’", "'"))
    toks = [t.lower() for t in words]
    # "May" the month is no hedge: only the lower-case modal counts
    hedges = [lt for t, lt in zip(words, toks) if lt in c["hedge_words"] and t != "May"] + [p for p in c["hedge_phrases"] if p in low]
    return {"numbers": [figure(n) for n in NUMBER.findall(text) if not re.fullmatch(r"(1[89]|20)\d\d", n)],
            "dates": [d.group(0).lower() for d in DATE.finditer(text)],
            "hedges": sorted(set(hedges)),
            "intensity": sorted({t for t in toks if t in c["intensity"]}),
            "attributed": attributed(text)}


def attributed(text: str) -> bool:
    """Does the sentence attribute what it says: quotation marks, "according to", or a reporting verb
    (what :func:`marks` reports as ``attributed``; the cheap tests first)?"""
    if any(q in text for q in '"“”') or "according to" in text.lower().replace("’", "'"):
        return True
    rep = cues()["reporting"]
    return any(t.lower() in rep for t in WORD.findall(text.replace("’", "'")))


@functools.lru_cache(maxsize=1)
def embedder():
    """WordLlama's bundled model, or None when the package is not installed (lexical only)."""
    try:
        import wordllama
    except ImportError:
        return None
    # the weights and the tokenizer both ship in the wheel: point the loader at the package folder
    # and forbid the download (wordllama looks for the tokenizer under a folder name the wheel lacks)
    return wordllama.WordLlama.load(dim=256, cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str], batch: int = 4096) -> np.ndarray | None:
    """Unit-length static embeddings of ``texts`` (n x 256, float32), or None without the model.
    A "word" over :data:`presslens.words.MAX_WORD` characters is left out of the text embedded (the
    model pads a batch to its longest text: one 300,000-letter token took 11 GB)."""
    wl = embedder()
    if wl is None:
        return None
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    texts = [without_long_words(t) for t in texts]
    out = np.vstack([np.asarray(wl.embed(texts[i:i + batch], norm=True), dtype=np.float32)
                     for i in range(0, len(texts), batch)])
    return out
