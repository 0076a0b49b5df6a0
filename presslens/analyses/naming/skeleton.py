"""Two romanisations of one name from another script: what a reader recognises when "Jarwami" and
"Garwami", "Qasim" and "Kassem", "Bedora" and "Baydura" stand for the same word, though edits
count them several letters apart.

Romanisation schemes (and outlets) disagree on a few things only: the vowels and the glides written
between the consonants (a/e/i/o/u, aw/ou, ay/ey, y and w), the letters of one consonant (j/g/k/q/c
and kh/gh/ch/zh/dj/dzh/tch; s/sh/z/x/ts/hs; t/d/th/dh; p/b/ph), doubled letters, apostrophes and
hyphens, and the Arabic article written or left out ("al-", "el-", "ul-"), and voiced and voiceless
pairs (d/t, b/p: Wade-Giles writes t and p where pinyin writes d and b, McCune-Reischauer Pusan where
Revised Romanization writes Busan). :func:`key` writes a form
with those differences taken out: each consonant by its class, every run of vowels and glides as one
"V". Sources: the UN romanisation systems for geographical names (UNGEGN, 2016: Arabic, Persian,
Korean, Russian), ALA-LC tables, and the Wade-Giles/pinyin correspondences (hs = x, ch = zh/j/q).

:func:`transliterations` proposes, for an actor, a candidate (``transliteration``) whose key is the key of
one of its known forms, word for word (the same number of words, particles left out), and whose letters
are not that form's (nor the form with its article only: "Al-Lenko" for "Lenko" is the known name).
What a key alone cannot tell is kept out:

- a key of fewer than three consonants ("Yon" / "Yeun", "Tuzu"), titles not counted ("President Yan"
  / "President Yeun"): too many names share it; a title or role as the first word of either form;
- letters more than half apart (OSA distance over the longer form's letters): a key shared by chance
  ("Jayrami" / "Gurimi", "Tepan" / "Dobin"), not one name respelt;
- a changed word that is an English dictionary word ("Gun" for "Geun"): a common word, not a rendering;
- two names written in Chinese syllables throughout whose paired words stand for other syllables ("Chen
  Chun-jen" / "Chen Chien-jen": Chinese writes its vowels; :mod:`.syllables` reads pinyin and Wade-Giles, so
  "Jiang Jingguo" / "Chiang Ching-kuo" stays one name);
- a candidate two actors could claim;
- a candidate in an article that also writes the known form ("Kamal Haddad ... his brother Jamal Haddad"): one
  writer spells one name one way, so the two spellings there are two names (j/k, s/z stand for different letters
  of the other script too: Jamal and Kamal, Samir and Zamir are different names);
- a different person of the same family name ("Mikhail Lenko" beside "Evan Lenko"): the given names'
  keys differ, so the keys do; a place or thing named after the person ("Lenko Square") has a word more.

A person's name shortened to its first and last word *and* romanised otherwise ("Kasim Lenko" for
"Kassem Ghazi al-Lenko"), or a two-word name written family name first *and* romanised otherwise ("Hashimov
Dalerbek" for "Dalerbek Hoshimov", as court papers and Russian lists write it, the word put first with a
family name's ending: :data:`FAMILY_ENDING`), is a ``transliteration`` as well, on the same terms.
"""
from __future__ import annotations

import functools
import re

from presslens.story.model import Story
from .renderings import NOT_NAME_PART, dictionary_word
from . import syllables
from .romanise import NAME_ARTICLES, letters

# the endings a reader knows a family name by where lists and court papers put it first (Russian, Ukrainian, Polish,
# Serbian and Croatian, Armenian, Georgian, Tajik and Uzbek surnames: -ov/-ev/-ova/-eva, -in/-ina, -sky/-skaya,
# -enko, -uk, -vich, -yan/-ian, -dze/-shvili, -zoda/-zade): two given names swapped ("Karim Said" for "Said Kareem")
# may be another person, so the order is read as family name first only after such an ending (attack19)
FAMILY_ENDING = re.compile(r"(?:[oe]va?|[iy]na?|sk[iy]j?|sk[ai]ya|skaja|enko|[iy]?uk|vi[cč]h?|[iy]an|dze|shvili|zod[ae]|zad[ae])$",
                           re.I)
MIN_CONSONANTS = 3  # consonant classes a key needs before it tells one name from another

_ARTICLE = re.compile(r"^(?:" + "|".join(NAME_ARTICLES) + r")[-‐‑]", re.I)  # the Arabic article joined to a name word
_PARTICLES = frozenset(("bin", "ibn", *NAME_ARTICLES))
# the longest spelling first: (letters, class)
_CLASSES = (("dzh", "k"), ("tsch", "k"), ("tch", "k"), ("kh", "k"), ("gh", "k"), ("ch", "k"), ("zh", "k"),
            ("dj", "k"), ("ck", "k"), ("cz", "k"), ("sh", "s"), ("ts", "s"), ("tz", "s"), ("hs", "s"),
            ("th", "t"), ("dh", "t"), ("ph", "f"),
            ("j", "k"), ("g", "k"), ("q", "k"), ("c", "k"), ("z", "s"), ("x", "s"), ("d", "t"), ("b", "p"))
_VOWELS = frozenset("aeiouyw")
_SPLIT = re.compile("|".join(re.escape(a) for a, _ in _CLASSES) + "|.")
_CLASS = dict(_CLASSES)


@functools.lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """One word's key: 'Jarwami' -> 'kVrVmV', 'al-Garwami' -> 'kVrVmV', 'Qasim' -> 'kVsVm', 'Dovan' -> 'tVvVn'."""
    w = letters(_ARTICLE.sub("", word))
    out: list[str] = []
    for m in _SPLIT.finditer(w):
        ch = m.group(0)
        c = "V" if ch in _VOWELS else _CLASS.get(ch, ch)
        if not out or out[-1] != c:  # doubled letters and runs of vowels count once
            out.append(c)
    return "".join(out)


def name_words(form: str) -> list[str]:
    """A form's words without the particles that stand alone ("bin", "al") and without titles or roles
    ("President", "Dr"): the words a romanisation writes."""
    return [w for w in re.split(r"[\s]+", form.strip()) if w and letters(w) and w.casefold() not in _PARTICLES
            and w.casefold().strip(".") not in NOT_NAME_PART]


def key(form: str) -> tuple[str, ...]:
    """A form's key, word by word ('Abu Qasim al-Jarwami' -> ('VpV', 'kVsVm', 'kVrVmV'))."""
    return tuple(word_key(w) for w in name_words(form))


def consonants(k: tuple[str, ...]) -> int:
    return sum(ch != "V" for w in k for ch in w)


def _plain(form: str) -> str:
    """The letters of a form with the Arabic article of each word left out: "Al-Lenko" -> "lenko"."""
    return "".join(letters(_ARTICLE.sub("", w)) for w in name_words(form))


def _changed_words_ok(cand: list[str], known: list[str], spaced: bool = False) -> bool:
    """Every candidate word that is not the known word's letters is a name word: capitalised (a given
    name's last syllable spaced off, ``spaced``, may be in lower case), no English dictionary word, no
    title ("Gun" for "Geun" is a common word)."""
    for i, (c, k) in enumerate(zip(cand, known)):
        if k and letters(_ARTICLE.sub("", c)) == letters(_ARTICLE.sub("", k)):
            continue
        bare = _ARTICLE.sub("", c)
        if (not bare[:1].isupper() and not (spaced and i >= 2)) or dictionary_word(bare) or c.casefold() in NOT_NAME_PART:
            return False
    return True


def _same_chinese_syllables(cw: list[str], fw: list[str], pairs: list[tuple[str, str]], spaced: bool) -> bool:
    """False when both names are written in Chinese syllables throughout (:func:`.syllables.chinese`) and a
    paired word stands for other syllables ("Chun-jen" / "Chien-jen"): Chinese writes its vowels, so the key's
    vowels-as-one ("kVn") would join two names; True otherwise ("Ching-kuo" / "Jingguo", or any name not so
    written: "Jarwami" / "Garwami")."""
    if not (syllables.chinese(cw) and syllables.chinese(fw)):
        return True
    if spaced:  # "Chen Chien jen" / "Chen Chien-jen": the given name's syllables spaced
        pairs = [(cw[0], fw[0]), ("-".join(cw[1:]), fw[1] if len(fw) > 1 else "")]
    return all(syllables.same_syllables(c, k) for c, k in pairs if k and letters(c) != letters(k))


def match(cand: str, form: str, person: bool) -> str | None:
    """How ``cand`` romanises ``form`` otherwise (evidence), or None (see the module docstring)."""
    from rapidfuzz.distance import OSA

    cw, fw = name_words(cand), name_words(form)
    if (not cw or not fw or _plain(cand) == _plain(form) or letters(cand) == letters(form)
            or any(f.split()[0].casefold().strip(".") in NOT_NAME_PART for f in (cand, form))):
        return None
    ck, fk = tuple(word_key(w) for w in cw), tuple(word_key(w) for w in fw)
    if ck == fk:
        pairs = list(zip(cw, fw))
        how = f"the same name written by another romanisation: key {'-'.join(ck)!r} of {form!r}"
    elif ck[0] == fk[0] and len(ck) != len(fk) and "".join(ck) == "".join(fk) and not any("-" in w for w in cw):
        # one syllable pair written apart where the known form hyphenates it ("Pak Kyun so" / "Pak Geon-so")
        pairs = list(zip(cw, [fw[0]] + [""] * (len(cw) - 1)))
        how = f"the same name written by another romanisation, its syllables spaced: key {''.join(ck)!r} of {form!r}"
    elif person and len(cw) == 2 and len(fw) >= 3 and ck == (fk[0], fk[-1]):
        pairs = [(cw[0], fw[0]), (cw[1], fw[-1])]
        how = f"the first and last word of {form!r}, written by another romanisation (key {'-'.join(ck)!r})"
    elif person and len(cw) == len(fw) == 2 and ck == fk[::-1] and ck[0] != ck[1] and FAMILY_ENDING.search(cw[0]):
        pairs = [(cw[0], fw[1]), (cw[1], fw[0])]  # the family name first, as court papers and lists write it
        how = f"{form!r} with the family name first, written by another romanisation (key {'-'.join(ck)!r})"
    else:
        return None
    spaced = len(ck) != len(fk) and "".join(ck) == "".join(fk)
    if not _same_chinese_syllables(cw, fw, pairs, spaced):
        return None  # two Chinese names whose syllables differ: their vowels tell two names apart
    if consonants(ck) < MIN_CONSONANTS or not _changed_words_ok([p[0] for p in pairs], [p[1] for p in pairs], spaced):
        return None
    paired = len(pairs) == 2 and len(cw) == 2 and ck != fk  # first and last word only, or the words swapped
    a, b = ("".join(letters(_ARTICLE.sub("", w)) for w in ws) for ws in
            (([p[0] for p in pairs], [p[1] for p in pairs]) if paired else (cw, fw)))
    if OSA.distance(a, b) > max(len(a), len(b)) // 2:
        return None  # the letters too far apart for one name respelt: a key shared by chance
    return how


def transliterations(story: Story, cands, taken: set[str]) -> list[dict]:
    """Proposals of the rule ``transliteration``: one dict per candidate (candidate, actor, rule,
    known_form, evidence) that exactly one actor's known form matches (:func:`match`); ``taken``:
    candidates already proposed."""
    if cands.empty:
        return []
    forms = [(a.name, f, (a.kind or "").casefold() == "person") for a in story.actors for f in a.forms if f.strip()]
    names = {a.name for a in story.actors}
    forms += [(sp.name, f, True) for sp in story.speakers if sp.name not in names
              for f in dict.fromkeys((sp.name, *sp.aliases)) if f.strip()]
    known = {_plain(f) for _, f, _ in forms}
    by_consonants: dict[int, list[tuple[str, str, bool]]] = {}
    for actor, f, person in forms:
        by_consonants.setdefault(consonants(key(f)), []).append((actor, f, person))
    # the articles each spelling stands in: one writer spells one name one way, so a candidate in an article
    # that also writes the known form is another person ("Kamal Haddad ... his brother Jamal Haddad")
    arts: dict[str, set] = {}
    for c, art in zip(cands["candidate"], cands["article_id"]):
        arts.setdefault(c, set()).add(art)
    texts = dict(zip(story.articles["id"], story.articles["text"]))

    def beside(c: str, f: str) -> bool:
        rx = re.compile(rf"(?<!\w){re.escape(f)}(?!\w)")
        return any(isinstance(texts.get(a), str) and rx.search(texts[a]) for a in arts.get(c, ()))
    out = []
    for c in sorted(set(cands["candidate"])):
        if c in taken or c.isupper() or _plain(c) in known or not re.search(r"[A-Za-z]", c):
            continue
        n = consonants(key(c))
        if n < MIN_CONSONANTS:
            continue
        hits: dict[str, tuple[str, str]] = {}
        for actor, f, person in by_consonants.get(n, []) + [x for m, xs in by_consonants.items() if m > n
                                                             for x in xs if x[2]]:
            how = match(c, f, person)
            if how and beside(c, f):
                how = None  # both in one article: two people, or two things
            if how and actor not in hits:
                hits[actor] = (f, how)
        if len(hits) == 1:
            actor, (f, how) = next(iter(hits.items()))
            out.append({"candidate": c, "actor": actor, "rule": "transliteration", "known_form": f, "evidence": how})
    return out
