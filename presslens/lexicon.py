"""Word choice: framing lexicons, matching, rates per 1,000 words, and keyword-in-context lines.

A lexicon is a versioned YAML file (``presslens/data/framing.yaml``): categories of loaded words,
each with a label, a definition, the source of its terms and the terms. The matching rules are
written in that file's header; in short, matching is case-insensitive, a term may be a phrase, a
trailing ``*`` matches any continuation, and plain words also match simple inflections (-s, -ed,
-ing, -ly ...). A story can add or remove terms in the ``lexicon:`` key of its story.yaml.

- :func:`load_lexicon` reads and validates a lexicon (one :class:`~presslens.corpus.StoryError`
  listing every problem, each with file, field and fix); :func:`lexicon_for` applies a story's
  overrides.
- :func:`match` finds every hit of every category in one pass over the token table.
- :func:`rates` and :func:`by_part` turn hits into rates per 1,000 words per outlet, with bootstrap
  intervals over sentences; :func:`kwic` and :func:`kwic_hits` are the drill-down lines.
"""
from __future__ import annotations

import difflib
import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import paths, patterns, stats, text
from .corpus import Problem, Story, StoryError, _load_yaml, _suggest
from .keyness import STOPWORDS
from .memo import story_table

DEFAULT_LEXICON = Path(__file__).resolve().parent / "data" / "framing.yaml"  # ships in the package
TOP_FIELDS = {"version", "name", "description", "sources", "categories"}
CATEGORY_FIELDS = {"label", "definition", "source", "terms"}
OVERRIDE_FIELDS = {"add", "remove"}
CATEGORY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# one word of a term: letters/digits, inner ' . - allowed (don't, u.s, us-china); optional trailing *
WORD = re.compile(r"^[^\W_]+(?:['’.\-][^\W_]+)*$")
WILD_WORD = re.compile(r"^[^\W_]+(?:['’.\-][^\W_]+)*-?$")
MIN_PREFIX = 3
MIN_WORDS = 100  # rates resting on fewer words are flagged few_words
VOICES = ("narration", "quote", "all")
HIT_COLUMNS = ["sent_id", "article_id", "outlet", "category", "term", "matched", "tok_idx", "n_tokens",
               "in_quote", "part", "start", "end"]
KWIC_COLUMNS = ["article_id", "outlet", "sent_id", "sent_idx", "part", "voice", "left", "match", "right", "sentence"]


# ----------------------------------------------------------------------------------------------
# terms


@functools.lru_cache(maxsize=65536)
def _base_forms(token: str) -> frozenset[str]:
    """The dictionary lemmas of ``token`` (lemminflect, which ships its data in the wheel), empty when
    the token is itself a base form (``lay`` is a verb of its own, so it never stands for ``lie``)
    or is unknown."""
    import lemminflect

    lemmas = {l for ls in lemminflect.getAllLemmas(token).values() for l in ls}
    return frozenset() if token in lemmas else frozenset(lemmas)


@functools.lru_cache(maxsize=65536)
def inflections(word: str) -> frozenset[str]:
    """The forms a plain lexicon word matches: itself, its inflections, and (adjectives) its -ly adverb.

    Inflections come from lemminflect's dictionary (irregular forms included: hide -> hid, hidden;
    steal -> stole, stolen; lie -> lied, lying, never "liing"), leaving out a form that is the base
    form of another word (lie's past "lay" is also the verb "lay"). A token is also matched through
    its lemma (see ``_Matcher.elems_of``), which catches forms the inflection table lacks (proven
    -> prove). Words lemminflect does not know get simple rules instead: +s/+es, +ed/+d, +ing
    (e-dropping, consonant doubling: cut -> cutting), y -> ies/ied. Words shorter than 3 letters,
    stop words, hyphenated compounds and words that are already inflected (caught, standards) match
    only themselves. Known over-generation: every part of speech is inflected (minor -> minors,
    show -> shows), since a lexicon term does not say which it means; read the KWIC lines.
    """
    import lemminflect

    w = word
    forms = {w}
    if len(w) < 3 or w in STOPWORDS or not w[-1].isalpha() or "-" in w:
        return frozenset(forms)  # short words, function words and hyphenated compounds match as written
    lemmas = lemminflect.getAllLemmas(w)
    if lemmas and not any(w in ls for ls in lemmas.values()):
        return frozenset(forms)  # already an inflected form (caught, standards, permitted): as written
    vowels = "aeiou"
    known = {f for fs in lemminflect.getAllInflections(w).values() for f in fs}
    if known:
        forms |= {f for f in known if not _other_verb(f, w)}
    elif not lemmas:  # a word the dictionary does not know at all: simple rules
        forms |= {w + "s", w + "ed", w + "ing"}
        if w.endswith(("s", "x", "z", "ch", "sh", "o")):
            forms.add(w + "es")
        if w.endswith("e"):
            forms |= {w + "d", w[:-1] + "ing", w[:-1] + "ed"}
        if w.endswith("y") and w[-2] not in vowels:
            forms |= {w[:-1] + "ies", w[:-1] + "ied"}
        if w[-1] not in vowels + "wxy" and w[-2] in vowels and w[-3] not in vowels:
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    if "ADJ" in lemmas or not (lemmas or known):  # an adjective's -ly adverb (minimal -> minimally)
        forms.add(w[:-1] + "ily" if w.endswith("y") and w[-2] not in vowels else
                  (w[:-2] + "ly" if w.endswith("le") else w + "ly"))
    return frozenset(forms)


def _other_verb(form: str, word: str) -> bool:
    """True when ``form`` (an inflection of ``word``) is also a verb of its own: lie's past "lay"."""
    import lemminflect

    verbs = lemminflect.getAllLemmas(form).get("VERB", ())
    return form != word and form in verbs


def _norm_word(core: str) -> str:
    """Lower-case a term word the way :func:`presslens.text.tokenize` normalises tokens."""
    w = core.replace("’", "'").lower()
    if w.endswith("'s") and len(w) > 2:
        w = w[:-2]
    return w


def parse_term(term: Any) -> tuple[tuple[tuple[str, str], ...] | None, str | None]:
    """Parse one lexicon term into its word patterns.

    Returns (patterns, None) or (None, error message). Each pattern is ``("word", w)`` (the word and
    its inflections) or ``("prefix", p)`` (a trailing ``*``).
    """
    if not isinstance(term, str) or not term.strip():
        return None, f"{term!r} is not a term (a word or phrase as text)"
    pats = []
    for raw in term.split():
        wild = raw.endswith("*")
        core = raw[:-1] if wild else raw
        if "*" in core:
            return None, f"{term!r}: '*' may only end a word (write conceal*, not {raw})"
        if not wild:
            core = core.rstrip(".")  # U.S. -> u.s, as the tokenizer reads it
        if not core:
            return None, f"{term!r}: a lone '*' matches everything"
        if not (WILD_WORD if wild else WORD).match(core):
            return None, (f"{term!r}: {raw!r} is not a word; terms are words separated by spaces, with an "
                          f"optional trailing *, not regular expressions")
        w = _norm_word(core)
        if wild:
            if sum(ch.isalnum() for ch in w) < MIN_PREFIX:
                return None, f"{term!r}: the wildcard {raw!r} needs at least {MIN_PREFIX} letters before '*'"
            pats.append(("prefix", w))
        else:
            pats.append(("word", w))
    return tuple(pats), None


# ----------------------------------------------------------------------------------------------
# the lexicon


@dataclass(frozen=True)
class Category:
    name: str
    label: str
    definition: str
    source: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """A validated lexicon: its version, sources and categories (in file order)."""

    name: str
    version: int
    path: str
    sources: tuple[dict, ...]
    categories: dict[str, Category]
    overrides: dict = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return list(self.categories)

    def label(self, category: str) -> str:
        return self.categories[category].label

    def table(self) -> pd.DataFrame:
        """One row per (category, term): category, label, term, source."""
        rows = [{"category": c.name, "label": c.label, "term": t, "source": c.source}
                for c in self.categories.values() for t in c.terms]
        return pd.DataFrame(rows, columns=["category", "label", "term", "source"])

    @property
    def fingerprint(self) -> str:
        """A short hash of the categories and terms actually used (after overrides), for manifests."""
        payload = json.dumps([[c.name, list(c.terms)] for c in self.categories.values()], ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:12]

    def __str__(self) -> str:
        n = sum(len(c.terms) for c in self.categories.values())
        return f"lexicon {self.name!r} v{self.version} ({self.path}): {len(self.categories)} categories, {n} terms"


def _text_field(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return "; ".join(" ".join(v.split()) for v in value)
    return None


def _parse_terms(value: Any, rel: str, where: str, problems: list[Problem], allow_empty: bool = False) -> list[str]:
    if value is None or (isinstance(value, list) and not value):
        if not allow_empty:
            problems.append(Problem(rel, where, "has no terms", "list at least one word or phrase: terms: [secret*, conceal*]"))
        return []
    if not isinstance(value, list):
        problems.append(Problem(rel, where, f"must be a list, got {type(value).__name__}",
                                "write the terms as a YAML list: [secret*, cut corners] or one '- term' per line"))
        return []
    good: list[str] = []
    seen: dict[tuple, str] = {}
    for i, t in enumerate(value):
        pats, err = parse_term(t)
        if err:
            problems.append(Problem(rel, f"{where}[{i}]", err,
                                    "write plain words or phrases, with * only at the end of a word (secret*)"))
            continue
        if pats in seen:
            problems.append(Problem(rel, f"{where}[{i}]", f"{t!r} repeats {seen[pats]!r}", "list each term once"))
            continue
        seen[pats] = t
        good.append(t.strip())
    return good


def _parse_lexicon(data: Any, rel: str, problems: list[Problem]) -> tuple[dict, dict[str, Category]]:
    meta: dict = {"name": "", "version": 0, "sources": ()}
    cats: dict[str, Category] = {}
    if data is None:
        problems.append(Problem(rel, "", "is empty", "start from presslens/data/framing.yaml"))
        return meta, cats
    if not isinstance(data, dict):
        problems.append(Problem(rel, "", "must be a YAML mapping with version, sources and categories",
                                "start from presslens/data/framing.yaml"))
        return meta, cats
    for key in data:
        if key not in TOP_FIELDS:
            problems.append(Problem(rel, str(key), "unknown field", _suggest(str(key), TOP_FIELDS)))
    v = data.get("version")
    if not isinstance(v, int) or isinstance(v, bool) or v < 1:
        problems.append(Problem(rel, "version", f"{v!r} is not a version number",
                                "write version: 1 (an integer; raise it whenever terms change)"))
    else:
        meta["version"] = v
    meta["name"] = str(data.get("name") or Path(rel).stem)
    srcs = data.get("sources")
    if not isinstance(srcs, list) or not srcs:
        problems.append(Problem(rel, "sources", "missing or not a list",
                                "list the works the terms come from: sources: [{id: hyland2005, cite: '...'}]"))
    else:
        ids = set()
        out = []
        for i, s in enumerate(srcs):
            if isinstance(s, str) and s.strip():
                out.append({"id": f"s{i + 1}", "cite": s.strip()})
                continue
            if not isinstance(s, dict) or not isinstance(s.get("cite"), str) or not s.get("cite", "").strip():
                problems.append(Problem(rel, f"sources[{i}]", "a source needs a citation", "write '- id: short-id' and 'cite: full reference'"))
                continue
            sid = str(s.get("id") or f"s{i + 1}")
            if sid in ids:
                problems.append(Problem(rel, f"sources[{i}].id", f"source id {sid!r} is used twice", "give each source its own id"))
            ids.add(sid)
            out.append({"id": sid, "cite": s["cite"].strip()})
        meta["sources"] = tuple(out)
    raw = data.get("categories")
    if not isinstance(raw, dict) or not raw:
        problems.append(Problem(rel, "categories", "missing or not a mapping",
                                "write categories: with one 'name: {label, definition, source, terms}' entry per category"))
        return meta, cats
    for name, c in raw.items():
        cat = _parse_category(name, c, rel, f"categories.{name}", problems, source_default=None)
        if cat:
            cats[cat.name] = cat
    return meta, cats


def _parse_category(name: Any, c: Any, rel: str, where: str, problems: list[Problem],
                    source_default: str | None) -> Category | None:
    n0 = len(problems)
    if not isinstance(name, str) or not CATEGORY_NAME.match(name):
        problems.append(Problem(rel, where, f"category name {name!r} is not valid",
                                "use lower-case letters, digits and _ (e.g. secrecy_concealment)"))
    if not isinstance(c, dict):
        problems.append(Problem(rel, where, "a category must be a mapping",
                                "give it label, definition, source and terms"))
        return None
    for key in c:
        if key not in CATEGORY_FIELDS:
            problems.append(Problem(rel, f"{where}.{key}", "unknown field", _suggest(str(key), CATEGORY_FIELDS)))
    vals = {}
    for key in ("label", "definition", "source"):
        v = _text_field(c.get(key))
        if v is None and key == "source" and source_default:
            v = source_default
        if v is None:
            problems.append(Problem(rel, f"{where}.{key}", "missing or empty",
                                    {"label": "give a short label for figures",
                                     "definition": "say in one sentence what the category captures",
                                     "source": "say where the terms come from (a cited list, or 'added from the story's coverage')"}[key]))
        vals[key] = v
    terms = _parse_terms(c.get("terms"), rel, f"{where}.terms", problems)
    if len(problems) > n0:
        return None
    return Category(name, vals["label"], vals["definition"], vals["source"], tuple(terms))


def _apply_overrides(cats: dict[str, Category], overrides: Any, rel: str, problems: list[Problem]) -> dict[str, Category]:
    if not overrides:
        return cats
    if not isinstance(overrides, dict):
        problems.append(Problem(rel, "lexicon", "must be a mapping of category: {add: [...], remove: [...]}",
                                "see the header of presslens/data/framing.yaml"))
        return cats
    out = dict(cats)
    for name, spec in overrides.items():
        where = f"lexicon.{name}"
        if not isinstance(spec, dict):
            problems.append(Problem(rel, where, "must be a mapping",
                                    "write {add: [terms], remove: [terms]}, or label/definition/terms for a new category"))
            continue
        if name in cats:
            for key in spec:
                if key not in OVERRIDE_FIELDS:
                    problems.append(Problem(rel, f"{where}.{key}", "unknown field for an existing category",
                                            _suggest(str(key), OVERRIDE_FIELDS)))
            cat = cats[name]
            terms = list(cat.terms)
            keys = {parse_term(t)[0]: t for t in terms}
            for t in _parse_terms(spec.get("remove"), rel, f"{where}.remove", problems, allow_empty=True):
                k = parse_term(t)[0]
                if k not in keys:
                    near = difflib.get_close_matches(t, terms, n=1, cutoff=0.6)
                    hint = f"did you mean {near[0]!r}? " if near else ""
                    problems.append(Problem(rel, f"{where}.remove", f"{t!r} is not a term of {name!r}",
                                            f"{hint}remove only terms the lexicon lists"))
                    continue
                terms.remove(keys.pop(k))
            for t in _parse_terms(spec.get("add"), rel, f"{where}.add", problems, allow_empty=True):
                k = parse_term(t)[0]
                if k not in keys:  # already there: nothing to add
                    keys[k] = t
                    terms.append(t)
            if not terms:
                problems.append(Problem(rel, where, f"removing these terms leaves {name!r} empty",
                                        "keep at least one term"))
                continue
            out[name] = Category(cat.name, cat.label, cat.definition,
                                 cat.source + f"; story overrides in {rel}", tuple(terms))
        else:
            if set(spec) <= OVERRIDE_FIELDS:
                near = [c for c in cats if c.startswith(str(name))] or \
                    difflib.get_close_matches(str(name), list(cats), n=1, cutoff=0.6)
                fix = (f"did you mean {near[0]!r}? " if near else "") + \
                      "to add a new category, give it label, definition and terms"
                problems.append(Problem(rel, where, f"{name!r} is not a category of the lexicon", fix))
                continue
            cat = _parse_category(name, spec, rel, where, problems, source_default=f"story override in {rel}")
            if cat:
                out[name] = cat
    return out


def load_lexicon(path: str | Path | None = None, overrides: dict | None = None,
                 origin: str = "overrides") -> Lexicon:
    """Read and validate a lexicon YAML file (default ``presslens/data/framing.yaml``).

    ``overrides`` (a story's ``lexicon:`` mapping) adds or removes terms: ``{category: {add: [...],
    remove: [...]}}``, or adds a category ``{name: {label, definition, terms, source?}}``; ``origin``
    names where they come from in error messages. Raises :class:`~presslens.corpus.StoryError`
    listing every problem (file, field, fix).
    """
    p = paths.resolve(path) if path is not None else DEFAULT_LEXICON
    rel = paths.display(p)
    problems: list[Problem] = []
    data = _load_yaml(p, rel, problems) if p.is_file() else None
    if not p.is_file():
        problems.append(Problem(rel, "", "is not a file", f"give the path of a lexicon YAML file, e.g. {paths.display(DEFAULT_LEXICON)}"))
        raise StoryError(problems)
    if problems:
        raise StoryError(problems)
    meta, cats = _parse_lexicon(data, rel, problems)
    if problems:
        raise StoryError(problems)
    cats = _apply_overrides(cats, overrides, origin, problems)
    if problems:
        raise StoryError(problems)
    return Lexicon(meta["name"], meta["version"], rel, meta["sources"], cats, dict(overrides or {}))


def lexicon_for(story: Story, path: str | Path | None = None) -> Lexicon:
    """The lexicon at ``path`` (default framing.yaml) with ``story``'s ``lexicon:`` overrides applied."""
    return load_lexicon(path, overrides=story.lexicon or None, origin=f"{story.slug}/story.yaml")


def term_lexicon(terms: str | list[str], category: str = "term") -> Lexicon:
    """A one-category lexicon from ad-hoc terms (what :func:`kwic` matches); same rules as a file."""
    terms = [terms] if isinstance(terms, str) else list(terms)
    problems: list[Problem] = []
    good = _parse_terms(terms, "pattern", "terms", problems)
    if problems:
        raise StoryError(problems)
    cat = Category(category, category, "ad-hoc terms", "given by the caller", tuple(good))
    return Lexicon("ad-hoc", 1, "<terms>", (), {category: cat})


# ----------------------------------------------------------------------------------------------
# matching


@dataclass
class _Phrase:
    category: str
    cat_rank: int
    term: str
    term_rank: int
    elems: tuple[int, ...]
    literal: tuple[str | None, ...]  # the word as written (None for a wildcard), for tie-breaking


class _Matcher:
    """The lexicon compiled for one pass: token -> pattern elements, first element -> phrases."""

    def __init__(self, lexicon: Lexicon):
        self.elem_id: dict[tuple[str, str], int] = {}
        self.form_to_elems: dict[str, set[int]] = {}
        self.word_elems: dict[str, set[int]] = {}  # a word pattern's own word -> its element
        self.prefix_to_elems: dict[str, set[int]] = {}
        self.phrases: list[_Phrase] = []
        self.first: dict[int, list[int]] = {}
        for ci, cat in enumerate(lexicon.categories.values()):
            for ti, term in enumerate(cat.terms):
                pats, err = parse_term(term)
                if err:  # a Lexicon built by hand, bypassing validation
                    raise StoryError([Problem(lexicon.path, f"categories.{cat.name}.terms", err, "fix the term")])
                elems = tuple(self._elem(p) for p in pats)
                literal = tuple(v if kind == "word" else None for kind, v in pats)
                self.phrases.append(_Phrase(cat.name, ci, term, ti, elems, literal))
                self.first.setdefault(elems[0], []).append(len(self.phrases) - 1)
        self.prefix_lens = sorted({len(p) for p in self.prefix_to_elems})
        self.first_keys = frozenset(self.first)

    def _elem(self, pat: tuple[str, str]) -> int:
        if pat in self.elem_id:
            return self.elem_id[pat]
        eid = len(self.elem_id)
        self.elem_id[pat] = eid
        kind, v = pat
        if kind == "word":
            self.word_elems.setdefault(v, set()).add(eid)
            for f in inflections(v):
                self.form_to_elems.setdefault(f, set()).add(eid)
        else:
            self.prefix_to_elems.setdefault(v, set()).add(eid)
        return eid

    def elems_of(self, token: str) -> frozenset[int]:
        out = set(self.form_to_elems.get(token, ()))
        for lemma in _base_forms(token):  # proven -> prove: forms the inflection table lacks
            out |= self.word_elems.get(lemma, set())
        for n in self.prefix_lens:
            if n > len(token):
                break
            hit = self.prefix_to_elems.get(token[:n])
            if hit:
                out |= hit
        return frozenset(out)


def _inputs(story_or_tokens) -> tuple[pd.DataFrame, pd.DataFrame | None, Story | None]:
    if isinstance(story_or_tokens, Story):
        p = text.process(story_or_tokens)
        return p.tokens, p.sentences, story_or_tokens
    if isinstance(story_or_tokens, text.Processed):
        return story_or_tokens.tokens, story_or_tokens.sentences, None
    if isinstance(story_or_tokens, pd.DataFrame):
        return story_or_tokens, None, None
    raise TypeError(f"expected a Story, a Processed or a token table, got {type(story_or_tokens).__name__}")


def _empty_hits() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
        HIT_COLUMNS, [int, object, object, object, object, object, int, int, bool, object, int, int])})


@story_table
def match(story_or_tokens, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every lexicon hit, all categories at once, in one pass over the token table.

    ``story_or_tokens`` is a Story (its tokens and sentences from :func:`presslens.text.process`),
    a ``Processed``, or a bare token table. ``lexicon`` defaults to :func:`lexicon_for` the story
    (or the default lexicon for a bare table).

    How: each distinct token is looked up once against the compiled patterns (a dict of word forms
    and a dict of wildcard prefixes); positions whose token can start a phrase are candidates, and
    only there are the following tokens of the same sentence checked. Within a category, overlapping
    hits are resolved left to right, longest first (then a literal match before an inflected one,
    then lexicon order); categories are independent.

    Returns one row per hit: sent_id, article_id, outlet, category, term (the lexicon entry),
    matched (the words as printed; lower-cased tokens for a bare token table), tok_idx (first token),
    n_tokens, in_quote (every matched token inside quotation marks), part, and start/end (character
    offsets in the sentence text).
    """
    tokens, sentences, story = _inputs(story_or_tokens)
    if lexicon is None:
        lexicon = lexicon_for(story) if story is not None else load_lexicon()
    m = _Matcher(lexicon)
    if tokens.empty or not m.phrases:
        return _empty_hits()
    sent = tokens["sent_id"].to_numpy()
    tix = tokens["tok_idx"].to_numpy()
    if len(tokens) > 1 and not ((np.diff(sent) > 0) | ((np.diff(sent) == 0) & (np.diff(tix) > 0))).all():
        tokens = tokens.sort_values(["sent_id", "tok_idx"], kind="mergesort")
        sent = tokens["sent_id"].to_numpy()
        tix = tokens["tok_idx"].to_numpy()
    codes, uniques = pd.factorize(tokens["token"], sort=False)
    n = len(codes)
    # 1. each distinct token once: which pattern elements it matches, which phrases it can start
    vocab = [m.elems_of(u) for u in uniques]
    pair_code, pair_pid, pair_infl = [], [], []  # single-word phrases matching each distinct token
    multi_start = np.zeros(len(uniques), dtype=bool)
    for c, es in enumerate(vocab):
        for e in sorted(es & m.first_keys):
            for pid in m.first[e]:
                ph = m.phrases[pid]
                if len(ph.elems) == 1:
                    pair_code.append(c)
                    pair_pid.append(pid)
                    pair_infl.append(ph.literal[0] != uniques[c])
                else:
                    multi_start[c] = True
    pair_code = np.asarray(pair_code, dtype=np.int64)
    pair_pid = np.asarray(pair_pid, dtype=np.int64)
    pair_infl = np.asarray(pair_infl, dtype=bool)
    # 2. single-word hits for every position at once (a vectorised join of positions with pairs)
    per_code = np.bincount(pair_code, minlength=len(uniques))
    first_pair = np.concatenate([[0], np.cumsum(per_code)[:-1]])
    pos = np.flatnonzero(per_code[codes] > 0)
    reps = per_code[codes[pos]]
    h_start = np.repeat(pos, reps)
    within = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    pidx = np.repeat(first_pair[codes[pos]], reps) + within
    h_pid = pair_pid[pidx]
    h_infl = pair_infl[pidx]
    h_len = np.ones(len(h_start), dtype=np.int64)
    # 3. phrases: only at positions whose token can start one, check the next tokens of the sentence
    toks = tokens["token"].to_numpy()
    m_start, m_pid, m_infl, m_len = [], [], [], []
    for i in np.flatnonzero(multi_start[codes]).tolist():
        for e in sorted(vocab[codes[i]] & m.first_keys):
            for pid in m.first[e]:
                ph = m.phrases[pid]
                k = len(ph.elems)
                if k == 1:
                    continue
                j = i + k - 1
                if j >= n or sent[j] != sent[i] or tix[j] - tix[i] != k - 1:
                    continue
                if all(ph.elems[q] in vocab[codes[i + q]] for q in range(1, k)):
                    m_start.append(i)
                    m_pid.append(pid)
                    m_len.append(k)
                    m_infl.append(any(lit != toks[i + q] for q, lit in enumerate(ph.literal)))
    h_start = np.concatenate([h_start, np.asarray(m_start, dtype=np.int64)])
    h_pid = np.concatenate([h_pid, np.asarray(m_pid, dtype=np.int64)])
    h_infl = np.concatenate([h_infl, np.asarray(m_infl, dtype=bool)])
    h_len = np.concatenate([h_len, np.asarray(m_len, dtype=np.int64)])
    if len(h_start) == 0:
        return _empty_hits()
    # 4. one hit per category and start: longest, then literal before inflected, then lexicon order
    cat_rank = np.array([ph.cat_rank for ph in m.phrases])[h_pid]
    term_rank = np.array([ph.term_rank for ph in m.phrases])[h_pid]
    order = np.lexsort((term_rank, h_infl, -h_len, h_start, cat_rank))
    cat_rank, h_start, h_len, h_pid = cat_rank[order], h_start[order], h_len[order], h_pid[order]
    first_of = np.ones(len(order), dtype=bool)
    first_of[1:] = (cat_rank[1:] != cat_rank[:-1]) | (h_start[1:] != h_start[:-1])
    cat_rank, h_start, h_len, h_pid = cat_rank[first_of], h_start[first_of], h_len[first_of], h_pid[first_of]
    # 5. overlaps within a category, left to right: only phrases can cover a later start
    multi = np.flatnonzero(h_len > 1)
    keep = np.ones(len(h_start), dtype=bool)
    if len(multi):
        covered = []
        last_cat, last_end = -1, -1
        for r in multi.tolist():
            c, i, k = cat_rank[r], h_start[r], h_len[r]
            if c != last_cat:
                last_cat, last_end = c, -1
            if i <= last_end:
                keep[r] = False
                continue
            last_end = i + k - 1
            covered.extend(c * n + q for q in range(i + 1, i + k))
        if covered:
            keep &= ~np.isin(cat_rank * n + h_start, np.asarray(covered, dtype=np.int64))
    starts, lens, pids = h_start[keep], h_len[keep], h_pid[keep]
    ends_pos = starts + lens - 1
    inq = tokens["in_quote"].to_numpy(dtype=bool)
    cum = np.concatenate([[0], np.cumsum(inq)])
    all_quoted = (cum[ends_pos + 1] - cum[starts]) == lens
    start_ch = tokens["start"].to_numpy()[starts]
    end_ch = tokens["end"].to_numpy()[ends_pos]
    hits = pd.DataFrame({
        "sent_id": sent[starts],
        "article_id": tokens["article_id"].to_numpy()[starts],
        "outlet": tokens["outlet"].to_numpy()[starts],
        "category": np.array([ph.category for ph in m.phrases], dtype=object)[pids],
        "term": np.array([ph.term for ph in m.phrases], dtype=object)[pids],
        "matched": None,
        "tok_idx": tix[starts],
        "n_tokens": lens,
        "in_quote": all_quoted,
        "part": tokens["part"].to_numpy()[starts],
        "start": start_ch,
        "end": end_ch,
    }, columns=HIT_COLUMNS)
    if sentences is not None:
        stext = sentences.set_index("sent_id")["text"]
        s_of = stext.reindex(hits["sent_id"]).to_numpy()
        hits["matched"] = [s[a:b] for s, a, b in zip(s_of, start_ch, end_ch)]
    else:
        hits["matched"] = [" ".join(toks[a:b + 1]) for a, b in zip(starts, ends_pos)]
    order = {c: r for r, c in enumerate(lexicon.categories)}
    hits = hits.assign(_c=hits["category"].map(order)).sort_values(["sent_id", "tok_idx", "_c"], kind="mergesort")
    return hits.drop(columns="_c").reset_index(drop=True)


# ----------------------------------------------------------------------------------------------
# rates with bootstrap intervals


def _bootstrap(H: np.ndarray, W: np.ndarray, n_boot: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """95% interval of the rate per 1,000 words, 1000 * sum(H) / sum(W) per column (see :mod:`presslens.stats`)."""
    lo, hi = stats.ratio_ci(H, W, n_boot, rng)
    return 1000.0 * lo, 1000.0 * hi


def _sentence_matrices(story: Story, lexicon: Lexicon, hits: pd.DataFrame | None):
    p = text.process(story)
    sents = p.sentences
    if hits is None:
        hits = match(story, lexicon)
    cats = lexicon.names
    row = pd.Series(np.arange(len(sents)), index=sents["sent_id"].to_numpy())
    r = row.reindex(hits["sent_id"]).to_numpy()
    c = hits["category"].map({c: i for i, c in enumerate(cats)})
    if c.isna().any():
        raise ValueError(f"hits hold categories not in the lexicon: {sorted(set(hits['category'][c.isna()]))}")
    c = c.to_numpy(dtype=int)
    q = hits["in_quote"].to_numpy(dtype=bool).astype(int)  # 0 narration, 1 quote
    K = len(cats)
    H = np.zeros((len(sents), K, 3))
    np.add.at(H, (r, c, q), 1.0)
    H[:, :, 2] = H[:, :, 0] + H[:, :, 1]
    nw = sents["n_words"].to_numpy(dtype=float)
    nq = sents["n_quoted"].to_numpy(dtype=float)
    W = np.stack([nw - nq, nq, nw], axis=1)  # (n_sent, 3)
    return sents, H, W


@story_table
def rates(story: Story, lexicon: Lexicon | None = None, n_boot: int = 1000, seed: int = 0,
          hits: pd.DataFrame | None = None, min_words: int = MIN_WORDS) -> pd.DataFrame:
    """Hits per 1,000 words for every outlet x category x voice, with bootstrap intervals.

    voice 'narration' counts hits whose words are all outside quotation marks, against the words
    outside quotation marks; 'quote' the hits and words inside; 'all' everything. (A hit that
    straddles a quotation mark counts as narration.) ``ci_low``/``ci_high`` are the 2.5 and 97.5
    percentiles of the rate over ``n_boot`` resamples of the outlet's sentences with replacement
    (:func:`presslens.stats.group_rng` seeded by ``seed`` and the outlet's name), so a fixed seed gives
    fixed intervals and an outlet's interval does not depend on which other outlets are present. Rates are NaN where the outlet has no words in that voice (e.g. no quotes), and
    ``few_words`` flags rows resting on fewer than ``min_words`` words: a rate per 1,000 words
    computed from a handful of quoted words is not a rate. ``hits`` may pass a precomputed
    :func:`match` result.
    """
    lexicon = lexicon or lexicon_for(story)
    sents, H, W = _sentence_matrices(story, lexicon, hits)
    cats = lexicon.names
    K = len(cats)
    at = sents.groupby("outlet", sort=False).indices  # outlet -> sentence positions, in one pass
    rows = []
    for outlet in story.outlets:
        idx = at.get(outlet, np.array([], dtype=int))
        Ho = H[idx].reshape(len(idx), K * 3)
        Wo = np.tile(W[idx], (1, K))  # column (k, v) -> words of voice v
        lo, hi = _bootstrap(Ho, Wo, n_boot, stats.group_rng(seed, outlet))
        h, w = Ho.sum(axis=0), Wo.sum(axis=0)
        for ci, cat in enumerate(cats):
            for vi, voice in enumerate(VOICES):
                col = ci * 3 + vi
                rows.append({
                    "outlet": outlet, "category": cat, "label": lexicon.label(cat), "voice": voice,
                    "hits": int(h[col]), "words": int(w[col]), "n_sentences": len(idx),
                    "rate_per_1000": 1000.0 * h[col] / w[col] if w[col] > 0 else np.nan,
                    "ci_low": lo[col], "ci_high": hi[col], "few_words": bool(w[col] < min_words),
                })
    return pd.DataFrame(rows, columns=["outlet", "category", "label", "voice", "hits", "words", "n_sentences",
                                       "rate_per_1000", "ci_low", "ci_high", "few_words"])


SECTIONS = ("title+lede", "body")


@story_table
def by_part(story: Story, lexicon: Lexicon | None = None, voice: str = "all", n_boot: int = 1000, seed: int = 0,
            hits: pd.DataFrame | None = None, min_words: int = MIN_WORDS) -> pd.DataFrame:
    """Rates per 1,000 words in the headline and lede ('title+lede') against the 'body', per outlet x category.

    Same counting and bootstrap as :func:`rates` (resampling sentences within each outlet x section),
    for one ``voice``. An article without a headline in the capture has only its lede in
    'title+lede'; ``n_sentences`` and ``few_words`` say how little that can be.
    """
    if voice not in VOICES:
        raise ValueError(f"voice={voice!r}: use one of {VOICES}")
    lexicon = lexicon or lexicon_for(story)
    sents, H, W = _sentence_matrices(story, lexicon, hits)
    vi = VOICES.index(voice)
    cats = lexicon.names
    Hv = H[:, :, vi]
    Wv = W[:, vi]
    section = np.where(sents["part"].isin(["title", "lede"]).to_numpy(), SECTIONS[0], SECTIONS[1])
    at = pd.DataFrame({"o": sents["outlet"].to_numpy(), "s": section}).groupby(["o", "s"], sort=False).indices
    rows = []
    for outlet in story.outlets:
        for sec in SECTIONS:
            idx = at.get((outlet, sec), np.array([], dtype=int))
            Ho = Hv[idx]
            Wo = np.repeat(Wv[idx][:, None], len(cats), axis=1)
            lo, hi = _bootstrap(Ho, Wo, n_boot, stats.group_rng(seed, outlet, sec))
            h, w = Ho.sum(axis=0), Wo.sum(axis=0)
            for ci, cat in enumerate(cats):
                rows.append({
                    "outlet": outlet, "category": cat, "label": lexicon.label(cat), "section": sec, "voice": voice,
                    "hits": int(h[ci]), "words": int(w[ci]), "n_sentences": len(idx),
                    "rate_per_1000": 1000.0 * h[ci] / w[ci] if w[ci] > 0 else np.nan,
                    "ci_low": lo[ci], "ci_high": hi[ci], "few_words": bool(w[ci] < min_words),
                })
    return pd.DataFrame(rows, columns=["outlet", "category", "label", "section", "voice", "hits", "words",
                                       "n_sentences", "rate_per_1000", "ci_low", "ci_high", "few_words"])


# ----------------------------------------------------------------------------------------------
# keyword in context


def _context(sentence: str, starts: np.ndarray, ends: np.ndarray, a: int, b: int, window: int) -> tuple[str, str]:
    """Left and right context of characters [a, b) of ``sentence``: ``window`` tokens each side."""
    before = np.flatnonzero(ends <= a)
    after = np.flatnonzero(starts >= b)
    if len(before) <= window:
        left = sentence[:a]
    else:
        left = sentence[starts[before[-window]]:a] if window > 0 else ""
    if len(after) <= window:
        right = sentence[b:]
    else:
        right = sentence[b:ends[after[window - 1]]] if window > 0 else ""
    return " ".join(left.split()), " ".join(right.split())


def _kwic_rows(story: Story, items: list[tuple[int, int, int, bool]], window: int) -> list[dict]:
    """KWIC rows for (sent_id, char start, char end, in_quote) items."""
    p = text.process(story)
    sents = p.sentences
    at = {sid: i for i, sid in enumerate(sents["sent_id"].tolist())}
    cols = {c: sents[c].tolist() for c in ("article_id", "outlet", "sent_idx", "part", "text")}
    tok_groups = p.tokens.groupby("sent_id", sort=False).indices
    t_start = p.tokens["start"].to_numpy()
    t_end = p.tokens["end"].to_numpy()
    rows = []
    none = np.array([], dtype=int)
    for sid, a, b, inq in items:
        i = at[sid]
        txt = cols["text"][i]
        ix = tok_groups.get(sid, none)
        left, right = _context(txt, t_start[ix], t_end[ix], a, b, window)
        rows.append({"article_id": cols["article_id"][i], "outlet": cols["outlet"][i], "sent_id": sid,
                     "sent_idx": cols["sent_idx"][i], "part": cols["part"][i],
                     "voice": "quote" if inq else "narration", "left": left, "match": txt[a:b], "right": right,
                     "sentence": txt})
    return rows


def _order_by_outlet(df: pd.DataFrame, story: Story, extra: list[str]) -> pd.DataFrame:
    rank = {o: i for i, o in enumerate(story.outlets)}
    df = df.assign(_o=df["outlet"].map(rank))
    return df.sort_values(["_o", "sent_id"] + extra, kind="mergesort").drop(columns="_o").reset_index(drop=True)


@story_table
def kwic_hits(story: Story, hits: pd.DataFrame, window: int = 6) -> pd.DataFrame:
    """KWIC lines for :func:`match` hits (e.g. one category's): the drill-down behind :func:`rates`.

    Columns as :func:`kwic`, plus category and term.
    """
    items = list(zip(hits["sent_id"], hits["start"], hits["end"], hits["in_quote"]))
    rows = _kwic_rows(story, items, window)
    out = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    out["category"] = hits["category"].to_numpy()
    out["term"] = hits["term"].to_numpy()
    out["_start"] = hits["start"].to_numpy()
    return _order_by_outlet(out, story, ["_start"]).drop(columns="_start")


def kwic(story: Story, pattern: str, window: int = 6, regex: bool = False) -> pd.DataFrame:
    """Keyword-in-context lines for a term, a phrase, or (``regex=True``) a regular expression.

    A term follows the lexicon's matching rules (case-insensitive, simple inflections, trailing
    ``*``; e.g. ``kwic(story, "secret*")`` or ``kwic(story, "cut corners")``). A regular expression
    is searched case-insensitively in each sentence's text. ``window`` words of context are shown
    each side (within the sentence). voice is 'quote' when the match lies inside quotation marks.

    Columns: article_id, outlet, sent_id, sent_idx, part, voice, left, match, right, sentence;
    ordered by outlet (story order), then position.
    """
    if not regex:
        hits = match(story, term_lexicon(pattern))
        return kwic_hits(story, hits, window).drop(columns=["category", "term"])
    try:
        rx = patterns.compile(pattern, patterns.IGNORECASE)
    except patterns.error as exc:
        raise ValueError(f"kwic pattern {pattern!r} is not a valid regular expression ({exc}); "
                         f"escape special characters such as ( ) [ ] . ? with a backslash") from None
    sents = text.process(story).sentences
    items = []
    for sid, s, spans in zip(sents["sent_id"], sents["text"], sents["quote_spans"]):
        for mt in patterns.finditer(rx, s, "kwic"):
            a, b = mt.span()
            if b <= a:
                continue
            inq = any(x <= a and b <= y for x, y in spans)
            items.append((sid, a, b, inq))
    out = pd.DataFrame(_kwic_rows(story, items, window), columns=KWIC_COLUMNS)
    return _order_by_outlet(out, story, [])


@story_table
def kwic_terms(story: Story, terms: str | list[str], window: int = 6) -> pd.DataFrame:
    """KWIC for several terms at once (a notebook's ``focus_terms``), with a ``term`` column first."""
    terms = [terms] if isinstance(terms, str) else list(terms)
    parts = [kwic(story, t, window=window).assign(term=t) for t in terms]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["term"])
    return out[["term"] + [c for c in out.columns if c != "term"]]
