"""How a name in another script is written in Latin letters, for discovery's romanisation rules.

- :func:`letters` - the letters and digits of any string, lower case, accents folded;
- :func:`pinyin` - toneless Hanyu Pinyin syllables of Chinese characters (pypinyin): 豆包 -> dou bao;
- :func:`wade_giles` - the Wade-Giles syllables (pypinyin's ``Style.WADEGILES``), the romanisation of
  most Taiwanese and older names: 蔣介石 -> chiang chieh shih (pinyin: jiang jie shi); and
  :func:`romanisations`, every mix of the two syllable by syllable;
- :func:`transliterate` - Cyrillic, Greek, Hangul, kana, Armenian and Georgian letters in Latin letters
  (anyascii, whose tables ship in its wheel): Толстой -> Tolstoy. Arabic and Hebrew are left out:
  their letters write no short vowels, so the Latin letters match nobody's spelling; so are Japanese
  kanji (no library under a licence this package can ship reads them as Japanese).
"""
from __future__ import annotations

import functools
import unicodedata

import regex

# The Arabic article as names write it between two name words, in one place for every rule that reads names:
# "al-"/"el-" (ALA-LC, UNGEGN), and the connective "ul"/"ud"/"ur"/"uz" that stands for it in Persian, Urdu and
# Bengali names ("Nasir-ul-Kestrel", "Salim ud Marvan", "Farid ur Harbour", "Farid uz Marvan": Urdu and Bengali romanisations
# write them hyphenated or apart, and with a capital or none). ``SPACED_ARTICLES`` may stand apart as a word of
# their own: none is an English word ("al" and "el" apart are left out: "El" opens Spanish names and places).
NAME_ARTICLES = ("al", "el", "ul", "ud", "ur", "uz")
SPACED_ARTICLES = ("ul", "ud", "ur", "uz")

# the scripts :func:`transliterate` reads (letters with vowels)
OTHER_SCRIPT = regex.compile(r"[\p{Cyrillic}\p{Greek}\p{Hangul}\p{Hiragana}\p{Katakana}\p{Armenian}\p{Georgian}]")
OTHER_RUN = regex.compile(r"[\p{Cyrillic}\p{Greek}\p{Hangul}\p{Hiragana}\p{Katakana}\p{Armenian}\p{Georgian}ー’'-]+"
                          r"(?:[ ・][\p{Cyrillic}\p{Greek}\p{Hangul}\p{Hiragana}\p{Katakana}\p{Armenian}\p{Georgian}ー’'-]+){0,3}")


def letters(s: str) -> str:
    """Lower-case letters and digits only, accents folded: 'Zürich-Re' -> 'zurichre'."""
    folded = unicodedata.normalize("NFKD", s.casefold())
    return "".join(ch for ch in folded if ch.isalnum() and not unicodedata.combining(ch))


def pinyin(chars: str) -> list[str]:
    """Toneless pinyin syllables (pypinyin): 豆包 -> ['dou', 'bao']."""
    return list(_pinyin(chars))


@functools.lru_cache(maxsize=65536)
def _pinyin(chars: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(p.lower() for p in lazy_pinyin(chars))


@functools.lru_cache(maxsize=65536)
def wade_giles(chars: str) -> tuple[str, ...]:
    """Wade-Giles syllables without tone marks (pypinyin): 經國 -> ('ching', 'kuo')."""
    from pypinyin import Style, lazy_pinyin

    return tuple(p.lower() for p in lazy_pinyin(chars, style=Style.WADEGILES))


@functools.lru_cache(maxsize=65536)
def romanisations(chars: str) -> frozenset[str]:
    """The :func:`letters` of every way of writing Chinese characters with each syllable in pinyin or in
    Wade-Giles (names mix them: a 賴經國 would be "Lai Ching-kuo", pinyin lai, Wade-Giles ching kuo); up to six
    syllables (64 spellings), beyond that pinyin and Wade-Giles whole."""
    import itertools

    py, wg = _pinyin(chars), wade_giles(chars)
    if len(py) != len(wg) or len(py) > 6:
        return frozenset({letters("".join(py)), letters("".join(wg))})
    return frozenset(letters("".join(combo)) for combo in itertools.product(*zip(py, wg)))


@functools.lru_cache(maxsize=65536)
def transliterate(s: str) -> str:
    """The Latin letters of a name in Cyrillic, Greek, Hangul, kana, Armenian or Georgian (anyascii),
    as :func:`letters`: 'Лев Толстой' -> 'levtolstoy'; '' when it holds none of those scripts."""
    if not OTHER_SCRIPT.search(s):
        return ""
    from anyascii import anyascii

    return letters(anyascii(s))


@functools.lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless Hanyu Pinyin syllable pypinyin knows (about 420: 'xi', 'jin', 'ping', 'zhuang')."""
    from pypinyin.pinyin_dict import pinyin_dict

    out = set()
    for readings in pinyin_dict.values():
        for p in readings.split(","):
            p = "".join(ch for ch in unicodedata.normalize("NFD", p) if not unicodedata.combining(ch))
            if p.isascii() and p.isalpha():
                out.add(p)
    return frozenset(out)


def pinyin_count(word: str) -> int:
    """How many pinyin syllables ``word`` splits into (the fewest), 0 when it is not pinyin: 'Wang' 1,
    'Lifen' 2, 'Zhuangyu' 2, 'Okafor' 0. Written with one hyphen between syllables or none."""
    s = letters(word)
    syl = pinyin_syllables()
    if not s or not s.isalpha():
        return 0
    best = [0] + [None] * len(s)
    for i in range(1, len(s) + 1):
        for j in range(max(0, i - 6), i):
            if best[j] is not None and s[j:i] in syl and (best[i] is None or best[j] + 1 < best[i]):
                best[i] = best[j] + 1
    return best[len(s)] or 0
