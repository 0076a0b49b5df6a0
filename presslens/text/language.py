"""Language identification of one article's text (py3langid, calibrated): a code and its
probability, none for texts too short to tell.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from .segment import TOKEN


LANGID_MIN_WORDS = 20  # below this a detection is reported but never trusted
LANGID_CHARS = 3000  # the article's opening (title, lede and more) is plenty to tell its language


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(s: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) from py3langid's calibrated model; (None, 0.0) for text with
    fewer than ``LANGID_MIN_WORDS`` words, where the model's answer means little."""
    if len(TOKEN.findall(s[:4000])) < LANGID_MIN_WORDS:
        return None, 0.0
    lang, p = _identifier().classify(s[:LANGID_CHARS])
    return lang, round(float(p), 4)


# ---------------------------------------------------------------------------------------------
# scripts: what the letters of a text are written in, against what its language is written in
# ---------------------------------------------------------------------------------------------

SCRIPT_MIN_LETTERS = 40  # fewer letters than this say too little about a text's script
SCRIPT_SHARE = 0.5  # a text whose letters are less than this share in its language's scripts is not in it

_LATIN = ("en fr es de it pt nl sv da no nb nn fi is pl cs sk sl hr bs sq ro hu et lv lt tr az id ms tl fil "
          "vi ca eu gl ga gd cy mt af sw so ha yo ig zu xh lb eo la oc br wa fo qu rw mg ht rm fy jv su tk")
_OTHER = {"Arabic": "ar fa ur ps ug sd ckb", "Cyrillic": "ru uk be bg mk ky tg mn", "Greek": "el",
          "Hebrew": "he iw yi", "Han": "zh", "Devanagari": "hi mr ne sa", "Bengali": "bn as", "Thai": "th",
          "Georgian": "ka", "Armenian": "hy", "Tamil": "ta", "Telugu": "te", "Kannada": "kn", "Malayalam": "ml",
          "Gujarati": "gu", "Oriya": "or", "Sinhala": "si", "Khmer": "km", "Lao": "lo",
          "Myanmar": "my", "Ethiopic": "am ti", "Tibetan": "bo"}
LANGUAGE_SCRIPTS: dict[str, tuple[str, ...]] = {c: ("Latin",) for c in _LATIN.split()}
LANGUAGE_SCRIPTS.update({c: (script,) for script, codes in _OTHER.items() for c in codes.split()})
# written in two scripts (Kurdish, with no script of its own in the list, is not checked)
LANGUAGE_SCRIPTS.update({"ja": ("Han", "Kana"), "ko": ("Hangul", "Han"), "sr": ("Cyrillic", "Latin"),
                         "uz": ("Latin", "Cyrillic"), "kk": ("Cyrillic", "Latin"), "pa": ("Gurmukhi", "Arabic")})
_NAME_SCRIPT = {"CJK": "Han", "HIRAGANA": "Kana", "KATAKANA": "Kana", "KANGXI": "Han"}


@functools.lru_cache(maxsize=None)
def char_script(c: str) -> str | None:
    """The script of one letter from its Unicode name ('ARABIC LETTER ALEF' -> 'Arabic', 'CJK
    UNIFIED IDEOGRAPH-4E00' -> 'Han', kana -> 'Kana'); None for what is not a letter."""
    if not c.isalpha():
        return None
    words = unicodedata.name(c, "").split()
    if words[:1] in (["FULLWIDTH"], ["HALFWIDTH"]):
        words = words[1:]
    if not words:
        return None
    return _NAME_SCRIPT.get(words[0], words[0].capitalize())


def script_counts(s: str) -> Counter:
    """How many of ``s``'s letters are in each script (linear: characters are counted, then each
    distinct character named once)."""
    out: Counter = Counter()
    for c, n in Counter(s).items():
        script = char_script(c)
        if script:
            out[script] += n
    return out


def script_mismatch(code, s: str) -> str:
    """'' when ``s`` is written in the script of language ``code`` (or the language's script is not
    known, or ``s`` has fewer than ``SCRIPT_MIN_LETTERS`` letters); else what is wrong, in words
    ("most of its letters (97%) are Arabic script, not the Latin script en is written in")."""
    want = LANGUAGE_SCRIPTS.get(code.split("-")[0].lower()) if isinstance(code, str) and code else None
    if not want:
        return ""
    counts = script_counts(s)
    total = sum(counts.values())
    if total < SCRIPT_MIN_LETTERS or sum(counts[w] for w in want) >= SCRIPT_SHARE * total:
        return ""
    script, n = counts.most_common(1)[0]
    return (f"most of its letters ({n / total:.0%}) are {script} script, not the "
            f"{' or '.join(want)} script {code} is written in")


def dominant_script(s: str) -> str | None:
    """The script most of ``s``'s letters are in; None without letters."""
    counts = script_counts(s)
    return counts.most_common(1)[0][0] if counts else None


def script_fits(code, script) -> bool:
    """Whether language ``code`` is written in ``script`` (True when either is unknown)."""
    want = LANGUAGE_SCRIPTS.get(code.split("-")[0].lower()) if isinstance(code, str) and code else None
    return not want or not script or script in want


STYLED_SHARE = 0.2  # of an article's letters and digits: more than a name or two set in a styled font
_STYLED_ANY = re.compile("[\uff10-\uff5a\U0001d400-\U0001d7ff]")  # the ranges styled_letters counts


def styled_letters(text: str) -> str | None:
    """What look-alike letters ``text`` is written in, when more than :data:`STYLED_SHARE` of its
    letters and digits are full-width Latin ("ＯｐｅｎＡＩ", U+FF10-FF5A) or mathematical styled
    ("𝐎𝐩𝐞𝐧𝐀𝐈", U+1D400-1D7FF): no name, claim pattern or word list matches them. Else None."""
    if not _STYLED_ANY.search(text):  # none at all (nearly every text): no need to count letters
        return None
    wide = styled = alnum = 0
    for ch in text:
        if ch.isalnum():
            alnum += 1
            o = ord(ch)
            if 0xFF10 <= o <= 0xFF5A:
                wide += 1
            elif 0x1D400 <= o <= 0x1D7FF:
                styled += 1
    if not alnum or wide + styled <= STYLED_SHARE * alnum:
        return None
    return "full-width" if wide >= styled else "mathematically styled (bold, italic, script)"


_WIDE_LATIN = re.compile("[\uff21-\uff3a\uff41-\uff5a]{2,}")  # two full-width Latin letters or more: "ＡＩ"


def wide_latin_runs(text: str) -> list[str]:
    """The runs of full-width Latin letters in ``text`` ("ＢｙｔｅＤａｎｃｅ"), in order, each once:
    a name so written matches no actor (Unicode NFKC folds them to plain letters)."""
    return list(dict.fromkeys(_WIDE_LATIN.findall(text)))


MIXED_SHARE = 0.2   # of an article's words: a passage, not a quoted name, in another script
MIXED_MIN_WORDS = 20


def other_script_words(code, text: str) -> tuple[str, int, int] | None:
    """(the other script, its words, all words) when more than :data:`MIXED_SHARE` (and at least
    :data:`MIXED_MIN_WORDS`) of ``text``'s words (a Chinese or Japanese character is a word) are in a
    script language ``code`` is not written in, though most are in its own: a text of two languages
    (an article with its translation pasted below). Else None."""
    want = LANGUAGE_SCRIPTS.get(code.split("-")[0].lower()) if isinstance(code, str) and code else None
    if not want or ("Latin" in want and text.isascii()):  # ASCII letters are all Latin: no other script
        return None
    if all((sc := char_script(c)) is None or sc in want for c in set(text) if not ("Latin" in want and c.isascii())):
        return None  # every letter is in the language's own scripts (quick: each distinct character once)
    counts: Counter = Counter()
    for m in TOKEN.finditer(text):
        if (script := next((s for c in m.group() if (s := char_script(c))), None)) is not None:
            counts[script] += 1
    total = sum(counts.values())
    other = [(s, n) for s, n in counts.most_common() if s not in want]
    if not other or total == 0:
        return None
    script, n = other[0]
    if n < MIXED_MIN_WORDS or n <= MIXED_SHARE * total or sum(counts[w] for w in want) < n:
        return None
    return script, n, total
