"""Chinese names read syllable by syllable: what a reader of pinyin and Wade-Giles uses to tell one romanised
name from another where a consonant key cannot.

:mod:`.skeleton` counts two romanisations as one name when their consonants agree, whatever their vowels: right
for scripts that write no short vowels (Arabic, Persian), wrong for Chinese, whose syllables carry their vowels.
"Chen Chun-jen" and "Chen Chien-jen" share a key but are two people; "Chiang Ching-kuo" and "Jiang Jingguo" are
one. :func:`readings` gives the pinyin a word can stand for (each syllable read as pinyin or as Wade-Giles, the
Wade-Giles table from pypinyin's ``Style.WADEGILES``), :func:`chinese` says whether a name is written in those
syllables throughout, and :func:`same_syllables` whether two such words can be one name.
"""
from __future__ import annotations

import functools
import re

from .romanise import letters, pinyin_syllables

MAX_SYLLABLES = 4  # a name word of more syllables is no Chinese name word


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """Latin spelling of one syllable (pinyin or Wade-Giles, apostrophes and umlauts left out) -> the
    pinyin syllables it writes: 'chung' -> {'zhong', 'chong'}, 'hsi' -> {'xi'}, 'ko' -> {'ge', 'ke'}."""
    from pypinyin import Style
    from pypinyin.style import convert

    out: dict[str, set[str]] = {}
    for p in pinyin_syllables():
        out.setdefault(p, set()).add(p)
        wg = letters(convert(p, Style.WADEGILES, strict=False).replace("v", "u"))
        if wg:
            out.setdefault(wg, set()).add(p)
    return {k: frozenset(v) for k, v in out.items()}


_NOT_NAME_SYLLABLES = frozenset(("n", "m", "ng", "hm", "hng", "r"))  # interjections: no syllable of a name


@functools.lru_cache(maxsize=65536)
def readings(word: str) -> frozenset[str]:
    """Every pinyin the word can be read as, its syllables joined ('Ching-kuo' -> {'jingguo', 'qingguo', ...});
    empty when the word is not written in pinyin or Wade-Giles syllables. A syllable that opens on a vowel opens
    the word or a part after a hyphen or apostrophe (pinyin writes "Xi'an", never "Xian", for xi + an)."""
    parts = [letters(x) for x in re.split(r"[-‐‑'’]", word)]
    if not all(x.isalpha() for x in parts):
        return frozenset()
    table = _table()
    out = frozenset({""})
    for part in parts:
        out = frozenset(a + b for a in out for b in _part(part, table))
        if not out or len(out) > 256:
            return frozenset()
    return out


def _part(s: str, table: dict) -> frozenset[str]:
    @functools.lru_cache(maxsize=None)
    def walk(i: int, left: int) -> frozenset[str]:
        if i == len(s):
            return frozenset({""})
        if left == 0 or (i and s[i] in "aeiou"):
            return frozenset()
        out: set[str] = set()
        for j in range(i + 1, min(len(s), i + 6) + 1):
            if s[i:j] in _NOT_NAME_SYLLABLES:
                continue
            for p in table.get(s[i:j], ()):
                out.update(p + rest for rest in walk(j, left - 1))
        return frozenset(out)

    return walk(0, MAX_SYLLABLES)


def chinese(words: list[str]) -> bool:
    """Every word of a name written in pinyin or Wade-Giles syllables ('Chen Chien-jen', 'Jiang Jingguo'; not
    'Hamid Rashidi')."""
    return bool(words) and all(readings(w) for w in words)


def same_syllables(a: str, b: str) -> bool:
    """Two words of Chinese names that can stand for the same syllables ('Ching-kuo' / 'Jingguo'; not 'Chun-jen'
    / 'Chien-jen')."""
    return bool(readings(a) & readings(b))


def other_chinese_name(a: str, b: str) -> bool:
    """Two names of as many words (two or more), written in Chinese syllables throughout, sharing a word (the
    family name) and with another word that stands for other syllables: "Chen Chun-ming" is two letters from
    "Chen Chien-ming" and another man of the Chen family. One word alone is a misspelling as any other ("Duobao"
    for "Doubao", a transposition)."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2 or not (chinese(wa) and chinese(wb)):
        return False
    same = [letters(x) == letters(y) for x, y in zip(wa, wb)]
    return any(same) and any(not s and not same_syllables(x, y) for s, x, y in zip(same, wa, wb))
