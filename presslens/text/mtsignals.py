"""Signals that one English sentence was machine-translated from another language: pure functions of
a sentence's string, each signal named, with what it found and the source languages it points to.

- :func:`phrase_signals` - the formulas of ``presslens/data/mt_phrases.yaml`` (each with its
  source-language formula, its languages and its weight);
- :func:`script_signals` - letters of another script (Cyrillic, Arabic, Han, kana, Hangul, Greek,
  Hebrew, Devanagari, Thai ...) left inside an otherwise English sentence; a name's own gloss in
  brackets ("Huawei (华为)") is not counted, nor a sentence written in the other script (a bilingual
  page is not a translation of itself);
- :func:`locale_signals` - number and time formats of the source locale: "1.000 people" (a dot
  between thousands), "3,5 percent" (a decimal comma), "15h30", "30 thousand families";
- :func:`rare_word_signals` - lower-case words that a general English word-frequency list (wordfreq)
  does not know at all but another language's list does, or that neither knows and the CMU
  dictionary does not either: a word left untranslated or coined by the translation ("honourability");
- :func:`grammar_signals` - article and agreement errors typical of machine translation: a definite
  article before a title and name ("the President Macron"), "he/she/it have", "they has".

Each function returns a list of :class:`Signal`. The per-article score that weighs them lives in
:mod:`presslens.analyses.naming.translation`.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from presslens import paths, patterns
from presslens.words import MAX_WORD
from presslens.data import STOPWORDS
from presslens.errors import Problem, StoryError
from presslens.story.yamlio import parse_yaml
from .vocabulary import ordinary_words


@dataclass(frozen=True)
class Signal:
    kind: str          # "MT phrase", "untranslated script", "locale format", "rare word", "MT grammar"
    detail: str        # what was found, with the source-language formula where there is one
    languages: tuple   # ISO 639-1 codes the signal points to (empty: any)
    weight: int        # what it adds to the article's score (0: listed, never counted)
    rule: str = ""     # the rule that fired (a formula, a format, a script): two signals of one rule are
    #                    not independent evidence (translation.likely_translations counts distinct rules)
    source: str = ""   # the id of the work the rule draws on, among mt_phrases.yaml's sources


PHRASE_FIELDS = {"pattern", "lang", "formula", "weight", "source", "note", "case", "kind", "english"}
OPTIONAL_FIELDS = {"note", "case", "kind", "english"}
PHRASE_KINDS = ("MT phrase", "locale format", "MT grammar")  # what a list entry may say it is (default MT phrase)


@functools.lru_cache(maxsize=4)
def load_mt_phrases(path: str | None = None) -> dict:
    """The versioned list of machine-translation formulas (``presslens/data/mt_phrases.yaml``), each
    checked (fields, weight 0-3, a listed source) and compiled; ``any`` matches any of them."""

    p = Path(path) if path else paths.PACKAGE_DATA / "mt_phrases.yaml"
    data = parse_yaml(p.read_text(encoding="utf-8"))
    sources = {s["id"] for s in data.get("sources") or []}
    problems = []
    for i, ph in enumerate(data["phrases"]):
        missing = PHRASE_FIELDS - set(ph) - OPTIONAL_FIELDS
        extra = set(ph) - PHRASE_FIELDS - {"rx", "langs"}
        if missing or extra:
            problems.append(Problem(p.name, f"phrases[{i}]", f"fields missing {sorted(missing)} or unknown {sorted(extra)}",
                                    f"give each phrase the fields {sorted(PHRASE_FIELDS)}"))
        elif ph["weight"] not in (0, 1, 2, 3) or ph["source"] not in sources:
            problems.append(Problem(p.name, f"phrases[{i}]", f"weight {ph['weight']!r} or source {ph['source']!r}",
                                    f"give a weight from 0 to 3 and a source of {sorted(sources)}"))
        elif ph.get("english", False) not in (True, False):
            problems.append(Problem(p.name, f"phrases[{i}].english", f"{ph['english']!r} is not true or false",
                                    "write english: true (English copy written by people uses it too) or leave it out"))
        elif ph.get("kind", "MT phrase") not in PHRASE_KINDS:
            problems.append(Problem(p.name, f"phrases[{i}].kind", f"unknown kind {ph['kind']!r}",
                                    f"give one of {list(PHRASE_KINDS)} or leave kind out (MT phrase)"))
    if problems:
        raise StoryError(problems, p.name)
    for ph in data["phrases"]:
        ph["rx"] = patterns.compile(ph["pattern"], 0 if ph.get("case") else patterns.IGNORECASE)
        ph["langs"] = tuple(str(ph["lang"]).split())
    data["any"] = patterns.compile("|".join(f"(?:{ph['pattern']})" for ph in data["phrases"]) or r"(?!x)x",
                                   patterns.IGNORECASE)  # a quick test: the case-sensitive ones are checked after
    data["english_rules"] = frozenset(f"formula {ph['formula']}" for ph in data["phrases"] if ph.get("english"))
    return data


def english_formulas() -> frozenset:
    """The rules ("formula ...") of the list's entries marked ``english: true``: formulas English copy written by
    people uses too (an English-language newsroom of the source country writes "Beijing time"); they add to a
    translation score but never found a verdict (presslens.analyses.naming.translation.corroborates)."""
    return load_mt_phrases()["english_rules"]


def phrase_signals(sentence: str, *, opens_in_quote: bool = False) -> list[Signal]:
    """The formulas of ``mt_phrases.yaml`` in one sentence: one signal per formula found. ``opens_in_quote``: the
    sentence begins inside a quotation (the second sentence of a speaker's words, its opening mark in the sentence
    before): a formula that opens a sentence (a pattern anchored with ``^``) opens the speaker's sentence then, not
    the writer's, and is not read."""
    data = load_mt_phrases()
    if not data["any"].search(sentence):  # one pass for all phrases; most sentences have none
        return []
    out = []
    for ph in data["phrases"]:
        if opens_in_quote and ph["pattern"].startswith("^"):
            continue
        h = patterns.search(ph["rx"], sentence, "mt_phrases.yaml")
        if h:
            out.append(Signal(ph.get("kind", "MT phrase"), f"{h.group(0).strip()!r} ({ph['formula']}, {ph['lang']})",
                              ph["langs"], int(ph["weight"]), f"formula {ph['formula']}", ph["source"]))
    return out


# ----------------------------------------------------------------------------------------------
# scripts

# Unicode ranges of the scripts whose letters betray an original in another language, with the
# languages they point to (the first is the guess when nothing else tells).
SCRIPTS = (
    ("Cyrillic", "\u0400-\u04ff", ("ru", "uk", "bg", "sr")),
    ("Greek", "\u0370-\u03ff", ("el",)),
    ("Hebrew", "\u0590-\u05ff", ("he",)),
    ("Arabic", "\u0600-\u06ff\u0750-\u077f", ("ar", "fa", "ur")),
    ("Devanagari", "\u0900-\u097f", ("hi", "mr", "ne")),
    ("Thai", "\u0e00-\u0e7f", ("th",)),
    ("kana", "\u3040-\u30ff", ("ja",)),
    ("Hangul", "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af", ("ko",)),
    ("Han", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff", ("zh", "ja")),
)
_SCRIPT_RX = [(name, re.compile(f"[{rng}]+"), langs) for name, rng, langs in SCRIPTS]
_ANY_SCRIPT = re.compile("[" + "".join(rng for _, rng, _ in SCRIPTS) + "]")
_GLOSS = re.compile("[(（]\\s*[" + "".join(rng for _, rng, _ in SCRIPTS) + r"\s·・-]+\s*[)）]")
_LATIN_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
# letters of another script are weak evidence: a human English article quotes a name, a place or a slogan
# in its own script ("the city of Nikko (日光市)", "the slogan 不忘初心") as often as a translation leaves
# them; they point to the source language but never carry a verdict alone
SCRIPT_WEIGHT = 1


def script_signals(sentence: str) -> list[Signal]:
    """Letters of another script inside an English sentence (at least four Latin words around them,
    two of them English function words),
    one signal per script; a gloss in brackets is left out, and so is a sentence mostly in the other
    script. Kana beside Han points to Japanese, Han alone to Chinese."""
    if not _ANY_SCRIPT.search(sentence):
        return []
    rest = _GLUE_FREE(sentence)
    foreign = sum(len(m) for _, rx, _ in _SCRIPT_RX for m in rx.findall(rest))
    latin = _LATIN_WORD.findall(rest)
    if (len(latin) < 4 or foreign > sum(len(w) for w in latin)
            or sum(w.casefold() in STOPWORDS for w in latin) < 2):
        return []  # a gloss only, a sentence in the other script, or no English sentence (a list of names)
    out = []
    has_kana = bool(_SCRIPT_RX[6][1].search(rest))
    for name, rx, langs in _SCRIPT_RX:
        runs = list(dict.fromkeys(rx.findall(rest)))
        if runs:
            if name == "Han" and has_kana:
                continue  # counted with the kana
            out.append(Signal("untranslated script", f"{name}: {', '.join(runs[:4])}", langs, SCRIPT_WEIGHT, "script", "unicode-scripts"))
    return out


def _GLUE_FREE(s: str) -> str:
    return _GLOSS.sub("", s)


# ----------------------------------------------------------------------------------------------
# number and time formats

_THOUSANDS_DOT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]*\d)(?= (?:[a-z]|million|mil|euros?|dollars?|people|persons|km))")
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d,])(?= ?(?:%|per ?cent|percent|million|billion|km|kilo|meters?|metres?|degrees?))")
_H_TIME = re.compile(r"(?<!\w)(?:[01]?\d|2[0-3])h[0-5]\d\b")
_THOUSAND_WORD = re.compile(r"(?<![\d.,])\d{1,3} thousand\b")
_CONTINENTAL = ("es", "pt", "it", "de", "fr", "id", "nl")


def locale_signals(sentence: str) -> list[Signal]:
    """Number and time formats of a non-English locale: a dot between thousands before a word
    ("1.000 people", "270.000 euros"), a decimal comma before a unit ("3,5 percent"), "15h30"."""
    out = []
    for m in _THOUSANDS_DOT.finditer(sentence):
        out.append(Signal("locale format", f"{m.group(0)!r}: a dot between thousands", _CONTINENTAL, 1, "thousands dot", "cldr"))
    for m in _DECIMAL_COMMA.finditer(sentence):
        out.append(Signal("locale format", f"{m.group(0)!r}: a decimal comma", _CONTINENTAL, 1, "decimal comma", "cldr"))
    for m in _H_TIME.finditer(sentence):
        out.append(Signal("locale format", f"{m.group(0)!r}: hours written 15h30", ("fr", "pt"), 1, "15h30", "cldr"))
    for m in _THOUSAND_WORD.finditer(sentence):
        out.append(Signal("locale format", f"{m.group(0)!r}: thousands in words (30 mil)", ("es", "pt", "it", "fr"), 1,
                          "thousands in words", "fundeu"))
    return out


# ----------------------------------------------------------------------------------------------
# words English does not know

RARE_LANGS = ("es", "pt", "fr", "it", "de", "nl", "sv", "fi", "id", "pl", "tr", "ro")
RARE_MIN_LETTERS = 6
RARE_EN = 1.5  # zipf frequency in English under which a word is rare (about once in 30 million words)
KNOWN_ELSEWHERE = 2.5  # zipf frequency in another language at which a word rare in English is that language's


@functools.lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def zipf(word: str, lang: str) -> float:
    """wordfreq's zipf frequency of ``word`` in ``lang`` (0 when unknown; cached)."""
    return _zipf(word, lang)


_LOWER_WORD = re.compile(r"(?<![\w’'@#/.-])[a-zà-öø-ÿ]+(?![\w’'@/-])")


def _two_words(w: str) -> bool:
    """'flightto', 'anoffice': two English words glued (a capture's fault, not a translation's)."""
    return any(_zipf(w[:i], "en") >= 3 and _zipf(w[i:], "en") >= 3 for i in range(1, len(w)))


def rare_word_signals(sentence: str) -> list[Signal]:
    """Lower-case words of six letters or more that the CMU dictionary does not know and wordfreq's
    English list rates rare (zipf < ``RARE_EN``): with the languages whose wordfreq list knows the word
    well (zipf >= ``KNOWN_ELSEWHERE`` and 1.5 above English) when there are any (weight 1: a word left
    untranslated), else, when English does not know it at all, as a coinage (weight 0: listed, not
    counted; typos and spun text coin words too). Two
    English words glued together are not counted, nor the last word of a sentence cut off without
    its full stop (a truncated capture: "governm")."""
    out = []
    ordinary = ordinary_words()
    words = _LOWER_WORD.findall(sentence)
    cut = words[-1] if words and sentence.rstrip().endswith(words[-1]) else None
    for w in dict.fromkeys(words):
        if len(w) < RARE_MIN_LETTERS or len(w) > MAX_WORD or w in ordinary or w == cut:
            continue
        en = _zipf(w, "en")
        folded = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
        if en >= RARE_EN or folded != w and _zipf(folded, "en") >= RARE_EN:
            continue
        langs = tuple(lang for lang in RARE_LANGS if _zipf(w, lang) >= max(KNOWN_ELSEWHERE, en + 1.5))
        if not langs and (en > 0 or _two_words(w)):
            continue  # a rare English word, or two English words glued (a capture's fault)
        what = f"{w!r}: not an English word (wordfreq)" + (f"; a word of {', '.join(langs)}" if langs else "")
        out.append(Signal("rare word", what, langs, 1 if langs else 0, "rare word", "wordfreq"))
    return out


# ----------------------------------------------------------------------------------------------
# grammar

_NATIONALITY = ("american|arab|argentine|asian|australian|brazilian|british|canadian|chinese|english|european|"
                "french|german|indian|iranian|italian|japanese|korean|mexican|portuguese|russian|spanish|swedish|"
                "turkish|ukrainian")
_GRAMMAR = (
    (re.compile(r"\b[Tt]he (?:President|Prime Minister|Minister|Chancellor|Premier|Mr\.?|Mrs\.?|Ms\.?|Dr\.?) "
                r"(?!of\b|for\b|and\b)[A-Z][a-zà-ÿ]+\b(?! (?:of|for|and)\b)"),
     "a definite article before a title and name (le président X, der Kanzler X)", ("fr", "es", "it", "pt", "de"), 1,
     "butt-benjamin"),
    (re.compile(r"\b[Tt]he (?:president|minister|player|footballer|soccer player|football player|tennis player|forward|"
                r"striker|midfielder|defender|goalkeeper|coach|journalist|"
                r"reporter|presenter|doctor|professor|epidemiologist|scientist|spokesman|spokeswoman|spokesperson|"
                r"director|secretary|governor|mayor|senator|deputy|judge|prosecutor|ambassador|chancellor) "
                r"(?:[A-Z][a-zà-ÿ]+ ){0,2}[A-Z][a-zà-ÿ]+\b"),
     "a definite article before a role and name (el presidente X, la jugadora X)", ("es", "it", "pt", "fr", "de"), 1,
     "butt-benjamin"),
    (re.compile(r"\b[Tt]he (?:hurricane|typhoon|cyclone|tropical storm|storm|volcano) [A-Z][a-zà-ÿ]+\b"),
     "a definite article and a lower-case category before a name (el huracán X, il vulcano X)",
     ("es", "it", "pt", "fr"), 1, "butt-benjamin"),
    (re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t) (?:have|were|are|do not|don't)\b(?! (?:to|been)\b)"),
     "he/she/it with a plural verb", (), 1, "mqm"),
    (re.compile(r"\b[Tt]hey (?:has|was|is|does)\b"), "they with a singular verb", (), 1, "mqm"),
    (re.compile(r"\w, ,\s"), "a doubled comma where the translation dropped a word", (), 1, "mqm"),
    # a name followed by itself in brackets: the original gave a local name with its English gloss, and
    # the translation rendered both the same way ("the X Basin (X Basin)")
    (re.compile(r"\b((?:[A-Z][\w’'-]+ ){1,5}[A-Z][\w’'-]+) \(\1\)"), "a name glossed by itself in brackets", (), 2, "mqm"),
    # Romance and Slavic languages write nationality adjectives in lower case; MT often keeps the case
    (re.compile(r"(?<=[\w,] )(?:the|an?|of|in) (?:" + _NATIONALITY + r")\b(?! (?:fries|toast|horn|window|door|press)\b)"),
     "a nationality adjective in lower case (el gigante asiático, le géant asiatique)",
     ("es", "fr", "it", "pt", "ru", "pl"), 1, "rae-ortografia"),
)


_NOUN_AFTER_VERB = re.compile(r"\b(?:they|we|has|have|had|is|are|was|were|neither|nor) ([A-Z][a-z]{3,})\b(?= [a-z])")
_NOT_A_NOUN = frozenset("president minister secretary director chairman chairwoman chief head king queen prince princess "
                        "democrats republicans conservatives socialists communists".split())


def capital_noun_signals(sentence: str) -> list[Signal]:
    """A common English noun written with a capital after a pronoun or verb ("they Diseases", "has Risk"):
    German capitalises every noun and a translation may keep it. The word must be an ordinary lower-case
    English word (wordfreq zipf >= 3.5) and not a title or a party."""
    for m in _NOUN_AFTER_VERB.finditer(sentence):
        w = m.group(1)
        if w.casefold() not in _NOT_A_NOUN and _zipf(w.casefold(), "en") >= 3.5:
            return [Signal("MT grammar", f"{m.group(0)!r}: a common noun capitalised mid-sentence (German nouns)",
                           ("de",), 1, "capitalised common noun", "duden-rechtschreibung")]
    return []


def grammar_signals(sentence: str) -> list[Signal]:
    """Article, agreement, punctuation and case errors typical of machine translation (see the module
    docstring); the lower-case nationality only in a sentence that capitalises its names elsewhere (not a
    line written all in lower case)."""
    out = []
    for rx, what, langs, w, src in _GRAMMAR:
        m = rx.search(sentence)
        if m and (rx is not _GRAMMAR[-1][0] or re.search(r"(?<=[\w,] )[A-Z]", sentence)):
            out.append(Signal("MT grammar", f"{m.group(0)!r}: {what}", langs, w, what, src))
    return out


_CAP_WORD = re.compile(r"(?<![\w’'-])[A-ZÀ-Þ][a-zà-ÿ]{3,}(?![\w’'-])")
# case endings a Finnish (or Estonian) translation leaves on a foreign name, and English "in" glued on
_ENDINGS = (("n", ("fi", "et"), "a genitive ending (fi -n: Velascon)"),
            ("in", (), "a Finnish genitive (Torresin) or the word 'in' glued to it"),
            ("lle", ("fi",), "a Finnish case ending (-lle)"), ("lla", ("fi",), "a Finnish case ending (-lla)"),
            ("sta", ("fi",), "a Finnish case ending (-sta)"), ("ssa", ("fi",), "a Finnish case ending (-ssa)"))


def inflected_names(sentences: list[tuple[int, str]]) -> list[tuple[int, str, Signal]]:
    """One article's sentences (sent_id, text) -> a name written with an ending in one place when the
    same article writes it bare elsewhere ("Velascon" beside "Velasco", "Torresin" beside "Torres"):
    a case ending of the source language left on the name (a vowel-final name + n points to fi and et;
    '-in' is that or the word "in" run into the name, so points nowhere). The ending word must be no
    English word (wordfreq) and the bare name five letters or more. One signal per inflected form, with
    the sentence of its first use."""
    bare: set[str] = set()
    first: dict[str, tuple[int, str]] = {}
    for sid, txt in sentences:
        for w in _CAP_WORD.findall(txt):
            bare.add(w)
            first.setdefault(w, (sid, txt))
    out = []
    for w, (sid, txt) in first.items():
        for end, langs, what in _ENDINGS:
            stem = w[:-len(end)]
            if (w.endswith(end) and len(stem) >= 5 and stem in bare and _zipf(w.casefold(), "en") < 2.0
                    and (end != "n" or stem[-1] in "aeiouy")):
                out.append((sid, txt, Signal("MT grammar", f"{w!r} beside {stem!r}: {what}", langs, 1,
                                             "inflected name", "karlsson-finnish")))
                break
    return out


def opens_in_quote(text: str, spans) -> bool:
    """A quote span of the sentence (:func:`presslens.text.segment.quote_spans`, offsets in ``text``) covers its
    first letter: the sentence is a speaker's, begun inside a quotation opened in the sentence before."""
    first = len(text) - len(text.lstrip())
    return any(a <= first < b for a, b in (spans if spans is not None else ()))


def sentence_signals(sentence: str, in_quote: bool = False) -> list[Signal]:
    """Every signal of one sentence: phrases, scripts, locale formats, rare words, grammar (``in_quote``: the
    sentence opens inside a quotation, :func:`phrase_signals`)."""
    return (phrase_signals(sentence, opens_in_quote=in_quote) + script_signals(sentence) + locale_signals(sentence)
            + rare_word_signals(sentence) + grammar_signals(sentence) + capital_noun_signals(sentence))
