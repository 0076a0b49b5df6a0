"""Load and validate an evaluation story's ``truth.yaml`` strictly (format: ``data/eval/FORMAT.md``).

:func:`load_truth` checks every label against the story's own articles: each article id is a real
article (and every article appears), each quote, furniture line, glued furniture and sentence occurs
in that article's text, each relation, kind, credit, direction and split comes from its allowed set,
and every article a pair, name or claim names exists. It raises one :class:`TruthError` listing every
problem (file, field, fix), as loading a story does.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .adapter import Problem, StoryError, decode_text, display, limits, load_story, not_utf8, parse_yaml

SPLITS = ("dev", "test")
QUOTE_KINDS = ("direct", "cited", "indirect")
RELATIONS = ("same_page", "copy", "reworded_copy", "common_wire", "shared_quote_only", "unrelated")
CREDITED = ("yes", "no", "partial", "n/a")
DIRECTIONS = ("a_from_b", "b_from_a", "unknown", "n/a")
NAME_KINDS = ("spelling", "transliteration", "calque", "misspelling", "abbreviation")
TOP_FIELDS = ("version", "story", "split", "labeller", "articles", "pairs", "names", "claims")
# every entry may also carry `unsure: true|false` (a careful reader could disagree: the label is not scored)
# and a `note` (free text for the reader)
ARTICLE_FIELDS = ("mt", "source_language", "mt_evidence", "furniture", "glued_furniture", "sentences", "quotes",
                  "unsure", "note")
QUOTE_FIELDS = ("text", "kind", "speaker", "actor", "verb", "unsure", "note")
PAIR_FIELDS = ("a", "b", "relation", "source", "credited", "direction", "note", "unsure")
NAME_FIELDS = ("form", "actor", "kind", "articles", "unsure", "note")
CLAIM_FIELDS = ("id", "text", "articles", "unsure", "note")
YAML_BOOL = {True: "yes", False: "no"}  # `credited: no` unquoted is YAML's false: read as the word written
ISO_639_1 = re.compile(r"^[a-z]{2}$")


class TruthError(StoryError):
    """Everything wrong with a truth file, reported at once (a StoryError: the CLI prints it the same way)."""


@dataclass
class Truth:
    """A validated truth file. ``articles`` maps article id -> its labels; a label list that the file
    leaves out (``furniture``, ``sentences``, ``quotes``) is None: not labelled, so not scored."""

    slug: str
    split: str
    labeller: str
    path: Path
    articles: dict[str, dict] = field(default_factory=dict)
    pairs: list[dict] = field(default_factory=list)
    names: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)


def norm_space(s: str) -> str:
    """NFC, runs of white space as one space, stripped: how labels are compared with the texts."""
    return " ".join(unicodedata.normalize("NFC", s).split())


def _suggest(key: str, allowed) -> str:
    near = difflib.get_close_matches(str(key), list(allowed), n=1, cutoff=0.6)
    return f"rename it to {near[0]!r}" if near else f"remove it (allowed: {', '.join(allowed)})"


class _Checker:
    def __init__(self, rel: str, bodies: dict[str, str], titles: dict[str, str]):
        self.rel, self.problems = rel, []
        self.ids = sorted(bodies)
        self.lines = {a: {norm_space(ln) for ln in b.split("\n") if ln.strip()} for a, b in bodies.items()}
        self.flat = {a: norm_space(f"{titles.get(a) or ''}\n{b}") for a, b in bodies.items()}

    def add(self, where: str, message: str, fix: str) -> None:
        self.problems.append(Problem(self.rel, where, message, fix))

    def fields(self, d: Any, allowed: tuple, where: str, required: tuple = ()) -> bool:
        if not isinstance(d, dict):
            self.add(where, "must be a mapping (key: value)", f"write it as {', '.join(f'{k}: ...' for k in allowed[:3])}")
            return False
        for k in d:
            if k not in allowed:
                self.add(f"{where}.{k}", "unknown field", _suggest(k, allowed))
        for k in required:
            if d.get(k) is None or d.get(k) == "":
                self.add(f"{where}.{k}", "missing", f"give the {k} (see data/eval/FORMAT.md)")
        if d.get("unsure") is not None and not isinstance(d["unsure"], bool):
            self.add(f"{where}.unsure", f"{d['unsure']!r} is not true or false", "write unsure: true, or leave it out")
        self.text_or_null(d.get("note"), f"{where}.note")
        return True

    def choice(self, value: Any, allowed: tuple, where: str) -> None:
        if value not in allowed:
            self.add(where, f"{value!r} is not allowed", f"use one of: {', '.join(allowed)}")

    def text_or_null(self, value: Any, where: str) -> None:
        if value is not None and not isinstance(value, str):
            self.add(where, f"must be text or null, not {type(value).__name__}", "quote it as a string, or write null")

    def article(self, aid: Any, where: str) -> bool:
        if isinstance(aid, str) and aid in self.lines:
            return True
        near = difflib.get_close_matches(str(aid), self.ids, n=1, cutoff=0.6)
        self.add(where, f"no article {aid!r}", (f"did you mean {near[0]!r}? " if near else "")
                 + "use an article id: a file name in articles/ without .md")
        return False

    def strings(self, value: Any, where: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
            self.add(where, "must be a list of non-empty strings", "write one '- \"...\"' line per entry")
            return []
        return value

    def occurs(self, aid: str, s: str, where: str, what: str) -> None:
        if norm_space(s) not in self.flat[aid]:
            self.add(where, f"{what} {s[:60]!r} does not occur in {aid}.md",
                     "copy it from the article exactly (same letters, marks and punctuation)")


def _check_article(c: _Checker, aid: str, e: Any) -> dict:
    where = f"articles.{aid}"
    if e is None or not c.fields(e, ARTICLE_FIELDS, where, required=("mt",)):
        if e is None:
            c.add(where, "has no labels", "give at least mt: true|false")
        return {}
    if "mt" in e and not isinstance(e["mt"], bool):
        c.add(f"{where}.mt", f"{e['mt']!r} is not true or false", "write mt: true or mt: false")
    lang = e.get("source_language")
    if lang is not None and not (isinstance(lang, str) and ISO_639_1.match(lang)):
        c.add(f"{where}.source_language", f"{lang!r} is not an ISO 639-1 code", "write a two-letter code: zh, es, ru, fr, ar, ja ...")
    if e.get("mt") is True and lang is None and e.get("unsure") is not True:
        c.add(f"{where}.source_language", "is null but mt is true: a machine translation is scored against the "
              "language it was translated from", "write the ISO 639-1 code of the original (zh, es, ru ...) as "
              "the text shows it, or add unsure: true (with a note) if the language cannot be told")
    if e.get("mt") is False and lang is not None:
        c.add(f"{where}.source_language", f"{lang!r} given but mt is false", "write source_language: null, or mt: true")
    c.text_or_null(e.get("mt_evidence"), f"{where}.mt_evidence")
    out = {"mt": e.get("mt"), "source_language": lang, "furniture": None, "glued_furniture": [], "sentences": None,
           "quotes": None, "unsure": e.get("unsure") is True}
    if "furniture" in e:
        lines = c.strings(e["furniture"], f"{where}.furniture")
        for i, ln in enumerate(lines):
            if norm_space(ln) not in c.lines[aid]:
                c.add(f"{where}.furniture[{i}]", f"{ln[:60]!r} is not a whole line of {aid}.md",
                      "copy the whole line exactly; furniture inside a prose line goes under glued_furniture")
        out["furniture"] = lines
    glued = c.strings(e.get("glued_furniture"), f"{where}.glued_furniture")
    for i, g in enumerate(glued):
        c.occurs(aid, g, f"{where}.glued_furniture[{i}]", "glued furniture")
    out["glued_furniture"] = glued
    if "sentences" in e:
        sents = c.strings(e["sentences"], f"{where}.sentences")
        for i, s in enumerate(sents):
            c.occurs(aid, s, f"{where}.sentences[{i}]", "sentence")
        out["sentences"] = sents
    if "quotes" in e:
        qs = e["quotes"] if e["quotes"] is not None else []
        if not isinstance(qs, list):
            c.add(f"{where}.quotes", "must be a list", "write one '- text: ...' entry per quote")
            qs = []
        out["quotes"] = []
        for i, q in enumerate(qs):
            qw = f"{where}.quotes[{i}]"
            if not c.fields(q, QUOTE_FIELDS, qw, required=("text", "kind")):
                continue
            if isinstance(q.get("text"), str) and q["text"].strip():
                c.occurs(aid, q["text"], f"{qw}.text", "quote")
            elif q.get("text") is not None:
                c.add(f"{qw}.text", "must be text", "copy the quoted words as a string")
            c.choice(q.get("kind"), QUOTE_KINDS, f"{qw}.kind")
            for k in ("speaker", "actor", "verb"):
                c.text_or_null(q.get(k), f"{qw}.{k}")
            out["quotes"].append({"text": q.get("text"), "kind": q.get("kind"), "speaker": q.get("speaker"),
                                  "actor": q.get("actor"), "verb": q.get("verb"), "unsure": bool(q.get("unsure"))})
    return out


def _check_lists(c: _Checker, data: dict, t: Truth) -> None:
    seen_pairs: set = set()
    for i, p in enumerate(data.get("pairs") or []):
        w = f"pairs[{i}]"
        if not c.fields(p, PAIR_FIELDS, w, required=("a", "b", "relation", "credited", "direction")):
            continue
        ok = c.article(p.get("a"), f"{w}.a") & c.article(p.get("b"), f"{w}.b")
        if ok and p["a"] == p["b"]:
            c.add(w, "a and b are the same article", "pair two different articles")
        key = frozenset((p.get("a"), p.get("b")))
        if ok and key in seen_pairs:
            c.add(w, f"the pair {p['a']} / {p['b']} is labelled twice", "keep one entry per pair")
        seen_pairs.add(key)
        c.choice(p.get("relation"), RELATIONS, f"{w}.relation")
        p = {**p, "credited": YAML_BOOL.get(p.get("credited"), p.get("credited"))} if isinstance(p.get("credited"), bool) else p
        c.choice(p.get("credited"), CREDITED, f"{w}.credited")
        c.choice(p.get("direction"), DIRECTIONS, f"{w}.direction")
        c.text_or_null(p.get("source"), f"{w}.source")
        c.text_or_null(p.get("note"), f"{w}.note")
        t.pairs.append({**{k: p.get(k) for k in PAIR_FIELDS}, "unsure": p.get("unsure") is True})
    for i, n in enumerate(data.get("names") or []):
        w = f"names[{i}]"
        if not c.fields(n, NAME_FIELDS, w, required=("form", "actor", "kind", "articles")):
            continue
        c.choice(n.get("kind"), NAME_KINDS, f"{w}.kind")
        arts = n.get("articles") if isinstance(n.get("articles"), list) else []
        if not isinstance(n.get("articles"), list):
            c.add(f"{w}.articles", "must be a list of article ids", "write articles: [ID, ...]")
        good = [a for j, a in enumerate(arts) if c.article(a, f"{w}.articles[{j}]")]
        form = n.get("form")
        if isinstance(form, str) and good and not any(norm_space(form).casefold() in c.flat[a].casefold() for a in good):
            c.add(f"{w}.form", f"{form!r} occurs in none of its articles", "copy the form as the article spells it")
        t.names.append({"form": form, "actor": n.get("actor"), "kind": n.get("kind"), "articles": good})
    ids: set = set()
    for i, cl in enumerate(data.get("claims") or []):
        w = f"claims[{i}]"
        if not c.fields(cl, CLAIM_FIELDS, w, required=("id", "text")):
            continue
        if cl.get("id") in ids:
            c.add(f"{w}.id", f"claim id {cl['id']!r} is used twice", "give each claim its own id")
        ids.add(cl.get("id"))
        arts = cl.get("articles") if cl.get("articles") is not None else []
        if not isinstance(arts, list):
            c.add(f"{w}.articles", "must be a list of article ids", "write articles: [ID, ...] (or [] for none)")
            arts = []
        good = [a for j, a in enumerate(arts) if c.article(a, f"{w}.articles[{j}]")]
        t.claims.append({"id": str(cl.get("id")), "text": cl.get("text"), "articles": good})
    for key in ("pairs", "names", "claims"):
        if data.get(key) is not None and not isinstance(data[key], list):
            c.add(key, "must be a list", f"write {key} as a list of '- ...' entries")


def load_truth(folder: str | Path, story=None) -> Truth:
    """Validate ``folder``/truth.yaml against the story in ``folder`` (loaded unless given) and return it.

    Raises :class:`TruthError` listing every problem (or the story's own StoryError when the story
    folder itself is invalid)."""
    from .adapter import resolve

    root = resolve(folder)
    rel = f"{display(root)}/truth.yaml"
    story = story if story is not None else load_story(root)
    bodies = dict(zip(story.articles["id"], story.articles["text"]))
    titles = {a: t for a, t in zip(story.articles["id"], story.articles["title"]) if isinstance(t, str)}
    c = _Checker(rel, bodies, titles)
    path = root / "truth.yaml"
    try:  # read as the story's own files are: a regular file, bounded, UTF-8 or UTF-16/32 with a byte-order mark
        text = decode_text(limits.read_bytes(path, limits.MAX_TRUTH, "truth file"))
    except limits.InputError as exc:
        raise TruthError([Problem(rel, "", exc.reason, "write the story's hand labels in a regular file "
                                  "truth.yaml (data/eval/FORMAT.md)")], root.name) from None
    except UnicodeDecodeError as exc:
        raise TruthError([not_utf8(exc, rel, "save it as UTF-8")], root.name) from None
    try:
        data = parse_yaml(text)
    except Exception as exc:  # noqa: BLE001 - YAML syntax, duplicate keys, bad UTF-8: all reported the same way
        raise TruthError([Problem(rel, "", f"cannot be read as YAML ({exc})",
                                  "correct the YAML (indentation, quotes around text with ':' or '#')")], root.name) from None
    if not c.fields(data, TOP_FIELDS, "(top)", required=("version", "story", "split", "articles")):
        raise TruthError(c.problems, root.name)
    if data.get("version") != 1:
        c.add("version", f"{data.get('version')!r} is not a known version", "write version: 1")
    if data.get("story") != root.name:
        c.add("story", f"{data.get('story')!r} is not this folder's name {root.name!r}", f"write story: {root.name}")
    c.choice(data.get("split"), SPLITS, "split")
    c.text_or_null(data.get("labeller"), "labeller")
    t = Truth(slug=root.name, split=str(data.get("split")), labeller=str(data.get("labeller") or ""), path=root)
    arts = data.get("articles")
    if not isinstance(arts, dict):
        c.add("articles", "must be a mapping of article id -> labels", "write one 'ID:' block per article")
        arts = {}
    for aid, e in arts.items():
        if c.article(aid, f"articles.{aid}"):
            t.articles[aid] = _check_article(c, aid, e)
    for aid in c.ids:
        if aid not in arts:
            c.add(f"articles.{aid}", "is not labelled", "add an entry for every article (at least mt: true|false)")
    _check_lists(c, data, t)
    if c.problems:
        raise TruthError(c.problems, root.name)
    return t
