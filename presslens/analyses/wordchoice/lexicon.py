"""Word choice: framing lexicons, matching, rates per 1,000 words, and keyword-in-context lines.

A lexicon is a versioned YAML file (``presslens/data/framing.yaml``): categories of loaded words,
each with a label, a definition, the source of its terms and the terms. The matching rules are
written in that file's header; in short, matching is case-insensitive, a term may be a phrase, a
trailing ``*`` matches any continuation, and plain words also match simple inflections (-s, -ed,
-ing, -ly ...). A story can add or remove terms in the ``lexicon:`` key of its story.yaml.

- :func:`load_lexicon` reads and validates a lexicon (one :class:`~presslens.story.model.StoryError`
  listing every problem, each with file, field and fix); :func:`lexicon_for` applies a story's
  overrides.
- :func:`match` finds every hit of every category in one pass over the token table.
- :func:`rates` and :func:`by_part` turn hits into rates per 1,000 words per outlet, with bootstrap
  intervals over sentences; :func:`kwic` and :func:`kwic_hits` are the drill-down lines.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
import pandas as pd

from presslens import paths
from presslens.story.model import Problem, Story, StoryError
from presslens.story.yamlio import load_yaml, suggest


DEFAULT_LEXICON = paths.PACKAGE_DATA / "framing.yaml"  # ships in the package
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


def _norm_word(core: str) -> str:
    """Lower-case a term word the way :func:`presslens.text.segment.tokenize` normalises tokens."""
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
            problems.append(Problem(rel, str(key), "unknown field", suggest(str(key), TOP_FIELDS)))
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
            problems.append(Problem(rel, f"{where}.{key}", "unknown field", suggest(str(key), CATEGORY_FIELDS)))
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
                                            suggest(str(key), OVERRIDE_FIELDS)))
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
    names where they come from in error messages. Raises :class:`~presslens.story.model.StoryError`
    listing every problem (file, field, fix).
    """
    p = paths.resolve(path) if path is not None else DEFAULT_LEXICON
    rel = paths.display(p)
    problems: list[Problem] = []
    data = load_yaml(p, rel, problems) if p.is_file() else None
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


def terms_lexicon(terms: list[str]) -> Lexicon:
    """One category per term, named by its position ("0", "1" ...): the categories are matched
    independently, so one pass of :func:`~.matching.match` gives each term's hits exactly as
    :func:`term_lexicon` of that term alone does (what :func:`~.concordance.kwic_terms` uses)."""
    cats = {}
    for i, term in enumerate(terms):
        cats.update(term_lexicon(term, category=str(i)).categories)
    return Lexicon("ad-hoc", 1, "<terms>", (), cats)
