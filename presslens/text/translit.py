"""A story actor's name spelled by another language's transliteration rules ("Khashimoda" for
Hashimoda, "Sibata" for Shibata, German-style "w" and "sch"): the English text was translated
from a language that had already respelled the name, and the translation copied that spelling back.

For each Latin word of four letters or more in the story's own name forms, :data:`SYSTEMS` gives the
respellings of each language's romanisation: Russian (the BGN/PCGN and GOST romanisation of a name first
written in Cyrillic: х = kh for h, ш before i = s and ч before i = t as the Polivanov system renders Japanese
shi and chi (and sha as sya, ji as dzi), дж = dzh, в = v for w), German (Duden: sch, tsch, w, ch for kh), French (ch, tch, dj), Polish
(sz, cz, w, ch for kh) and Spanish (j for kh). A respelling that an article writes, and that no form of
story.yaml gives, is the signal. Sources: BGN/PCGN Romanization of Russian (1947, 2019); E. D. Polivanov's
Cyrillisation of Japanese (1917); Duden, Die deutsche Rechtschreibung, on names from other alphabets;
Real Academia Española, Ortografía (2010), §§ on transcription from Arabic and Russian.
"""
from __future__ import annotations

import re

from .mtsignals import zipf

# languages (space-separated) -> (English spelling (a regular expression on the lower-case word), its respelling)
SYSTEMS: dict[str, tuple[tuple[str, str], ...]] = {
    "ru uk": ((r"(?:^|(?<=[aeiouly]))h(?=[aeiou])", "kh"), (r"shi", "si"), (r"chi", "ti"), (r"ji", "dzi"),
              (r"sh(?=[aou])", "sy"), (r"(?<![dt])j(?=[aeou])", "dzh"), (r"w(?=[aeiou])", "v")),
    "ru uk sr bg hr cs": ((r"w(?=[aeiou])", "v"),),  # a Slavic language without w writes v
    "de": ((r"sh", "sch"), (r"(?<![st])ch", "tsch"), (r"kh", "ch"), (r"zh", "sch"), (r"^v|(?<=[aeiou])v", "w")),
    "fr": ((r"sh", "ch"), (r"(?<![st])ch", "tch"), (r"(?<![d])j(?=[aeiou])", "dj")),
    "pl": ((r"sh", "sz"), (r"(?<![st])ch", "cz"), (r"kh", "ch"), (r"^v|(?<=[aeiou])v", "w")),
    "es": ((r"kh", "j"),),
}
_LATIN = re.compile(r"[A-Za-z]{4,}")
TRANSLIT_WEIGHT = 2  # English copy varies its own transliterations: a respelling never carries a verdict alone


def respellings(word: str) -> dict[str, set[str]]:
    """One name word -> {respelling: languages}: each system's rules one at a time and all together;
    respellings of five letters or more that differ from the word, with the word's capital kept."""
    low = word.lower()
    out: dict[str, set[str]] = {}
    for lang, rules in SYSTEMS.items():
        variants = set()
        for rx, rep in rules:
            variants.add(re.sub(rx, rep, low))
        combined = low
        for rx, rep in rules:
            combined = re.sub(rx, "\0" + rep.replace("h", "\1") + "\0", combined)  # marked: no rule rewrites it
        variants.add(combined.replace("\0", "").replace("\1", "h"))
        for v in variants:
            if v != low and len(v) >= 5:
                out.setdefault(v[:1].upper() + v[1:] if word[:1].isupper() else v, set()).update(lang.split())
    return out


def name_respellings(forms: list[str]) -> dict[str, tuple[str, str]]:
    """The story's name forms -> {respelling: (the word it respells, languages space-separated)}, leaving
    out a respelling that is itself a word of some form (the story knows it as a spelling) or that English
    text writes (wordfreq zipf 1.5 or more: "Jawad", "Ichikawa" are names of their own)."""
    words = {w for f in forms for w in _LATIN.findall(f) if w[:1].isupper()}
    known = {w.lower() for w in words}
    out: dict[str, tuple[str, str]] = {}
    for w in sorted(words):
        for v, langs in respellings(w).items():
            if v.lower() not in known and zipf(v.lower(), "en") < 1.5:  # a name English writes too (Jawad) is no sign
                prev = out.get(v)
                merged = set(langs) | (set(prev[1].split()) if prev else set())
                out[v] = (w, " ".join(sorted(merged)))
    return out


def find_respellings(sentence: str, table: dict[str, tuple[str, str]]) -> list[tuple[str, str, tuple[str, ...]]]:
    """The respelt names of ``table`` a sentence writes: (respelling, the story's word, languages)."""
    return [(w, *table[w][:1], tuple(table[w][1].split())) for w in dict.fromkeys(_LATIN.findall(sentence))
            if w in table]
