"""Load and validate a story folder.

A story folder holds ``story.yaml`` and ``articles/*.md`` (YAML front matter, then the article text
exactly as captured). :func:`load_story` checks all of it and raises one :class:`StoryError` that
lists every problem found, each naming the file, the field and the fix, so bad input never crashes
deep inside a notebook.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import pandas as pd
import yaml

from . import limits, paths, patterns, yamlsafe

ARTICLE_FIELDS = {
    "outlet": "the outlet's name as readers know it (required)",
    "title": "the headline as published, or null",
    "url": "where the article was captured, or null",
    "published": "publication date, ISO YYYY-MM-DD, or null when the article does not reveal it",
    "language": "language code of the text as captured, e.g. en",
    "translated_from": "language code of the original when the text is a translation, else null",
    "derived_from": "list of sources the article itself credits (e.g. [The Verge]), or []",
    "byline": "author or desk as printed, or null",
    "notes": "free text: anything a reader of the data should know",
}
REQUIRED_ARTICLE_FIELDS = ("outlet",)
REFERENCE_KINDS = ("wire copy", "press release", "original report", "other")
STORY_FIELDS = {
    "title", "question", "language", "actors", "speakers", "claims", "boilerplate", "lexicon", "notes",
    "furniture", "intended_duplicates", "parties",
}
PARTY_ROLES = ("accused", "accusers")
ACTOR_FIELDS = {"name", "kind", "aliases", "renderings", "notes"}
RENDERING_FIELDS = {"form", "kind", "note"}
SPEAKER_FIELDS = {"name", "affiliation", "role", "aliases", "notes"}
CLAIM_FIELDS = {"id", "text", "patterns", "notes"}
LANG_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$", re.IGNORECASE)  # language tags ignore case
CLAIM_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}" + (f" [{self.field}]" if self.field else "")
        message = self.message if len(self.message) <= 2000 else self.message[:1999] + "…"
        return f"{where}: {message}. Fix: {self.fix}"


def show(value: Any, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters: what an error message quotes of a user's value."""
    r = repr(value)
    return r if len(r) <= limit else r[: limit - 1] + "…"


def _text_or_none(value: Any, rel: str, where: str, problems: list[Problem], example: str) -> bool:
    """A field that must be text (or absent): True when it is, else a problem naming what it is."""
    if value is None or isinstance(value, str):
        return True
    problems.append(Problem(rel, where, f"must be text, got {_type_name(value)} {show(value, 60)}",
                            f"write it as one text, e.g. {example}"))
    return False


def _type_name(value: Any) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


class StoryError(ValueError):
    """Everything wrong with a story folder, reported at once."""

    def __init__(self, problems: list[Problem], story: str = ""):
        self.problems = list(problems)
        head = f"story {story!r} has {len(self.problems)} problem(s):" if story else "problems:"
        super().__init__("\n".join([head] + [f"  - {p}" for p in self.problems]))


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str | None
    aliases: tuple[str, ...]
    renderings: tuple[dict, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form that refers to this actor: its name, aliases and renderings."""
        seen: dict[str, None] = {}
        for f in (self.name, *self.aliases, *(r["form"] for r in self.renderings)):
            seen.setdefault(f, None)
        return tuple(seen)


@dataclass(frozen=True)
class Speaker:
    name: str
    affiliation: str | None
    role: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    patterns: tuple[str, ...]


@dataclass
class Story:
    """A validated story: its articles (one row each) plus actors, speakers, claims and cleaning rules."""

    slug: str
    path: Path
    title: str
    question: str
    articles: pd.DataFrame
    actors: list[Actor] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    boilerplate: list[dict] = field(default_factory=list)
    lexicon: dict = field(default_factory=dict)
    language: str = "en"
    furniture: Any = None  # story.yaml `furniture`: None (built-in list), False, or {disable, add}
    intended_duplicates: tuple = ()  # pairs of article ids the story says are not duplicate captures
    parties: dict = field(default_factory=dict)  # story.yaml `parties`: accused / accusers -> actor names
    all_outlets: tuple = ()  # every outlet of the whole story, in order: colours stay put in any subset
    notices: list = field(default_factory=list)  # warnings found while loading (ignored files, suspect values)
    max_outlets: int | None = None  # figures show at most this many outlets (those with most articles)
    references: pd.DataFrame | None = None  # references/*.md: texts that are not part of the corpus (see REFERENCE_FIELDS)
    yaml_sha256: str = ""  # story.yaml's bytes as loaded (the hash is taken once: a later edit is another input)

    def figure_outlets(self, outlets: list[str]) -> list[str]:
        """``outlets`` (in their order) limited to the ``max_outlets`` with most articles, for a figure
        that must stay readable; tables and CSVs keep every outlet."""
        if not self.max_outlets or len(outlets) <= self.max_outlets:
            return list(outlets)
        counts = self._memo("outlet_counts", lambda: self.articles["outlet"].value_counts().to_dict())
        rank = {o: i for i, o in enumerate(self.outlets)}
        top = set(sorted(outlets, key=lambda o: (-counts.get(o, 0), rank.get(o, 0)))[: self.max_outlets])
        return [o for o in outlets if o in top]

    @property
    def color_order(self) -> list[str]:
        """The outlet order colours are assigned by: the whole story's, whatever subset this is."""
        return list(self.all_outlets) or self.outlets

    def _memo(self, name: str, make):
        """``make()`` computed once per articles table (a story of 10,000 articles asks for its outlets,
        labels and translations thousands of times); a new table (``subset``, ``select``) recomputes."""
        memo = self.__dict__.setdefault("_memo_cache", {})
        hit = memo.get(name)
        if hit is None or hit[0] is not self.articles:  # the table itself is kept: no id() reuse
            hit = memo[name] = (self.articles, make())
        return hit[1]

    @property
    def outlets(self) -> list[str]:
        """Outlets in a stable order: by earliest publication date (undated last), then by name."""
        return list(self._memo("outlets", self._outlets))

    def _outlets(self) -> tuple[str, ...]:
        a = self.articles
        first = a.groupby("outlet")["published"].min()
        order = sorted(first.items(), key=lambda kv: (pd.isna(kv[1]), kv[1] if not pd.isna(kv[1]) else 0, kv[0].lower()))
        return tuple(o for o, _ in order)

    @property
    def translations(self) -> dict[str, str]:
        """Outlets with at least one translated article -> source language code(s), e.g. {'en.5iter.com': 'zh'}."""
        return dict(self._memo("translations", self._translations))

    def _translations(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for outlet, grp in self.articles.groupby("outlet"):
            langs = sorted({x for x in grp["translated_from"] if isinstance(x, str) and x})
            if langs:
                out[outlet] = ",".join(langs)
        return out

    def subset(self, outlets: Iterable[str] | None) -> "Story":
        """The same story restricted to ``outlets`` (None or empty keeps all). Unknown names are an error."""
        if outlets is None:
            return self
        if isinstance(outlets, str):
            outlets = [outlets]
        wanted = list(outlets)
        if not wanted:
            return self
        known = self.outlets
        unknown = [o for o in wanted if o not in known]
        if unknown:
            problems = []
            for o in unknown:
                near = difflib.get_close_matches(o, known, n=1, cutoff=0.5)
                hint = f"did you mean {near[0]!r}? " if near else ""
                problems.append(Problem("parameter outlets", "outlets", f"unknown outlet {o!r}",
                                        f"{hint}use one of {known}, or None for all"))
            raise StoryError(problems, self.slug)
        return self._with(self.articles[self.articles["outlet"].isin(wanted)])

    def select(self, ids: Iterable[str]) -> "Story":
        """The same story restricted to the articles whose ids are given (order kept)."""
        keep = set(ids)
        return self._with(self.articles[self.articles["id"].isin(keep)])

    def _with(self, articles: pd.DataFrame) -> "Story":
        return dataclasses.replace(self, articles=articles.reset_index(drop=True))

    @property
    def labels(self) -> dict[str, str]:
        """A unique, readable label per article id, for rows of per-article tables and figures: the
        outlet alone when it has one article, else the outlet plus the date or a short title (and the
        id when those still collide)."""
        return dict(self._memo("labels", self._labels))

    def _labels(self) -> dict[str, str]:
        a = self.articles
        counts = a["outlet"].value_counts()
        out: dict[str, str] = {}
        from .plots import short

        for r in a.itertuples(index=False):
            if counts[r.outlet] == 1:
                out[r.id] = short(r.outlet)
                continue
            bits = []
            if isinstance(r.title, str) and r.title.strip():
                t = r.title.strip()
                bits.append(t if len(t) <= 28 else t[:27].rstrip() + "…")
            elif not pd.isna(r.published):
                bits.append(r.published.strftime("%Y-%m-%d"))
            else:
                bits.append(r.id)
            out[r.id] = f"{short(r.outlet, 30)} · {bits[0]}"
        seen = pd.Series(out).value_counts()
        for aid, lab in list(out.items()):
            if seen[lab] > 1:
                out[aid] = f"{lab} ({aid})"
        return out

    @property
    def fingerprint(self) -> str:
        """A hash of every input file, so caches and manifests know exactly what was read."""
        h = hashlib.sha256()
        h.update(self._yaml_hash().encode())
        for aid, sha in zip(self.articles["id"], self.articles["sha256"]):
            h.update(f"{aid}:{sha}".encode())
        if self.references is not None and len(self.references):
            for rid, sha in zip(self.references["id"], self.references["sha256"]):
                h.update(f"references/{rid}:{sha}".encode())
        return h.hexdigest()[:16]

    def _yaml_hash(self) -> str:
        if self.yaml_sha256:
            return self.yaml_sha256
        try:  # a Story built by hand: hash story.yaml as it is now
            return hashlib.sha256(limits.read_bytes(self.path / "story.yaml", limits.MAX_STORY_YAML)).hexdigest()
        except limits.InputError:
            return ""

    def input_hashes(self) -> dict[str, str]:
        out = {"story.yaml": self._yaml_hash()}
        for aid, sha in zip(self.articles["id"], self.articles["sha256"]):
            out[f"articles/{aid}.md"] = sha
        if self.references is not None:
            for rid, sha in zip(self.references["id"], self.references["sha256"]):
                out[f"references/{rid}.md"] = sha
        return out


# ----------------------------------------------------------------------------------------------
# parsing helpers


def _suggest(name: str, allowed: Iterable[str]) -> str:
    near = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.6)
    return f"rename it to {near[0]!r}" if near else f"remove it (allowed: {', '.join(sorted(allowed))})"


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Split ``---\\nYAML\\n---\\nbody`` into (yaml_text, body). yaml_text is None when there is none."""
    if not text.startswith("---"):
        return None, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return None, text
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:])
    return None, text


def _parse_date(value: Any) -> tuple[pd.Timestamp | None, bool]:
    """(timestamp or None, ok)."""
    if value is None:
        return None, True
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value.date()), True
    if isinstance(value, dt.date):
        return pd.Timestamp(value), True
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?", value.strip()):
        try:
            return pd.Timestamp(dt.date.fromisoformat(value.strip()[:10])), True
        except ValueError:
            return None, False
    return None, False


def _str_list(value: Any) -> list[str] | None:
    """A list of non-empty strings from a list or a single string; None if it is neither."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return list(value)
    return None


def parse_yaml(text: str) -> Any:
    """Parse YAML with the suite's strict, bounded loader (:mod:`presslens.yamlsafe`)."""
    return yamlsafe.parse_yaml(text)


def _yaml_problem(exc: Exception, line_offset: int = 1) -> str:
    """What a YAML error says, in one short line (an alias bomb's limit, or the parser's problem and line)."""
    if isinstance(exc, yamlsafe.YAMLLimitError):
        return f"is refused: {exc.problem}"
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + line_offset}" if mark else ""
    return f"is not valid YAML{where} ({str(getattr(exc, 'problem', None) or exc)[:200]})"


def _load_yaml(path: Path, rel: str, problems: list[Problem], digest: dict | None = None) -> Any:
    try:
        raw = limits.read_bytes(path, limits.MAX_STORY_YAML, "story.yaml")
    except limits.InputError as exc:
        problems.append(Problem(rel, "", exc.reason, exc.fix))
        return None
    if digest is not None:
        digest["sha256"] = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, "", f"is not UTF-8 (byte {exc.start})", "re-save the file as UTF-8"))
        return None
    try:
        return limits.normalise_data(parse_yaml(text))
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        problems.append(Problem(rel, "", _yaml_problem(exc),
                                "write the values out, without anchors (&name), aliases (*name) or deep nesting"
                                if isinstance(exc, yamlsafe.YAMLLimitError) else
                                "correct the YAML syntax (indentation, quotes around strings with ':' or '#')"))
        return None


# ----------------------------------------------------------------------------------------------
# story.yaml


def _check_regex(pattern: Any, rel: str, fieldname: str, problems: list[Problem]) -> bool:
    if not isinstance(pattern, str) or not pattern:
        problems.append(Problem(rel, fieldname, "pattern must be a non-empty string", "write the regular expression as a quoted string"))
        return False
    try:
        patterns.compile(pattern)
    except patterns.error as exc:
        problems.append(Problem(rel, fieldname, f"{pattern!r} is not a valid regular expression ({exc})",
                                "escape special characters such as ( ) [ ] . ? with a backslash, or close the group"))
        return False
    return True


def _parse_story_yaml(data: Any, rel: str, problems: list[Problem]) -> dict:
    out: dict = {"title": "", "question": "", "language": "en", "actors": [], "speakers": [], "claims": [],
                 "boilerplate": [], "lexicon": {}, "furniture": None, "intended_duplicates": (),
                 "parties": {}}
    if data is None:
        problems.append(Problem(rel, "", "is empty", "describe the story: title, question, actors, claims (see `presslens new`)"))
        return out
    if not isinstance(data, dict):
        problems.append(Problem(rel, "", "must be a YAML mapping (key: value)", "start from the template written by `presslens new SLUG`"))
        return out
    for key in data:
        if key not in STORY_FIELDS:
            problems.append(Problem(rel, str(key), "unknown field", _suggest(str(key), STORY_FIELDS)))
    _text_or_none(data.get("notes"), rel, "notes", problems, "notes: free text")
    for key in ("title", "question"):
        v = data.get(key)
        if not isinstance(v, str) or not v.strip():
            problems.append(Problem(rel, key, "missing or empty", f"give the story's {key} as text"))
        else:
            out[key] = v.strip()
    if data.get("language") is not None:
        if not isinstance(data["language"], str) or not LANG_CODE.match(data["language"]):
            problems.append(Problem(rel, "language", f"{show(data['language'])} is not a language code", "use a code such as en, zh, fr"))
        else:
            out["language"] = data["language"]

    # actors --------------------------------------------------------------
    owner: dict[str, tuple[str, str]] = {}  # lower-cased form -> (actor, where)

    def claim_form(form: str, who: str, where: str) -> None:
        key = form.casefold()
        if key in owner and owner[key][0] != who:
            problems.append(Problem(rel, where, f"alias {form!r} is claimed by both {owner[key][0]!r} and {who!r}",
                                    "keep the alias under one actor only (or one speaker only)"))
        else:
            owner.setdefault(key, (who, where))

    actors = data.get("actors") or []
    if not isinstance(actors, list):
        problems.append(Problem(rel, "actors", "must be a list", "write actors as a list of '- name: ...' entries"))
        actors = []
    names: set[str] = set()
    for i, a in enumerate(actors):
        where = f"actors[{i}]"
        if not isinstance(a, dict) or not isinstance(a.get("name"), str) or not a["name"].strip():
            problems.append(Problem(rel, where, "an actor needs a name", "write '- name: CanonicalName'"))
            continue
        for key in a:
            if key not in ACTOR_FIELDS:
                problems.append(Problem(rel, f"{where}.{key}", "unknown field", _suggest(str(key), ACTOR_FIELDS)))
        name = a["name"].strip()
        if name in names:
            problems.append(Problem(rel, where, f"actor {name!r} is listed twice", "merge the two entries"))
        names.add(name)
        aliases = _str_list(a.get("aliases"))
        if aliases is None:
            bad = a.get("aliases")
            empty = isinstance(bad, list) and any(isinstance(x, str) and not x.strip() for x in bad)
            problems.append(Problem(rel, f"{where}.aliases", "holds an empty alias" if empty else "must be a list of strings",
                                    "remove the empty entry" if empty else "write aliases: [Name one, Name two]"))
            aliases = []
        _text_or_none(a.get("kind"), rel, f"{where}.kind", problems, "kind: company")
        _text_or_none(a.get("notes"), rel, f"{where}.notes", problems, "notes: free text")
        raw_renderings = a.get("renderings") or []
        if isinstance(raw_renderings, str):  # one rendering written as text: that rendering, not its letters
            raw_renderings = [raw_renderings]
        if not isinstance(raw_renderings, list):
            problems.append(Problem(rel, f"{where}.renderings", f"must be a list, got {_type_name(raw_renderings)}",
                                    "write renderings: [{form: Beanbao, kind: calque, note: ...}] or [Beanbao]"))
            raw_renderings = []
        renderings = []
        for j, r in enumerate(raw_renderings):
            rw = f"{where}.renderings[{j}]"
            if isinstance(r, str):
                r = {"form": r}
            if not isinstance(r, dict) or not isinstance(r.get("form"), str) or not r["form"].strip():
                problems.append(Problem(rel, rw, "a rendering needs a form", "write '- form: Beanbao' with kind and note"))
                continue
            if not (_text_or_none(r.get("kind"), rel, f"{rw}.kind", problems, "kind: calque")
                    and _text_or_none(r.get("note"), rel, f"{rw}.note", problems, "note: free text")):
                continue
            for key in r:
                if key not in RENDERING_FIELDS:
                    problems.append(Problem(rel, f"{rw}.{key}", "unknown field", _suggest(str(key), RENDERING_FIELDS)))
            renderings.append({"form": r["form"], "kind": r.get("kind"), "note": r.get("note")})
        for form in [name, *aliases, *(r["form"] for r in renderings)]:
            claim_form(form, name, where)
        kind = a.get("kind") if isinstance(a.get("kind"), str) else None
        out["actors"].append(Actor(name, kind, tuple(aliases), tuple(renderings)))

    # speakers ------------------------------------------------------------
    speakers = data.get("speakers") or []
    if not isinstance(speakers, list):
        problems.append(Problem(rel, "speakers", "must be a list", "write speakers as a list of '- name: ...' entries"))
        speakers = []
    for i, s in enumerate(speakers):
        where = f"speakers[{i}]"
        if not isinstance(s, dict) or not isinstance(s.get("name"), str) or not s["name"].strip():
            problems.append(Problem(rel, where, "a speaker needs a name", "write '- name: Full Name'"))
            continue
        for key in s:
            if key not in SPEAKER_FIELDS:
                problems.append(Problem(rel, f"{where}.{key}", "unknown field", _suggest(str(key), SPEAKER_FIELDS)))
        aff = s.get("affiliation")
        if not _text_or_none(aff, rel, f"{where}.affiliation", problems, "affiliation: ByteDance (one actor's name)"):
            aff = None
        elif aff is not None and aff not in names:
            problems.append(Problem(rel, f"{where}.affiliation", f"{aff!r} is not one of the story's actors",
                                    f"use an actor's name: {sorted(names)}"))
        aliases = _str_list(s.get("aliases"))
        if aliases is None:
            problems.append(Problem(rel, f"{where}.aliases", "must be a list of strings", "write aliases: [Felix, Niko Felix]"))
            aliases = []
        role = s.get("role") if _text_or_none(s.get("role"), rel, f"{where}.role", problems, "role: spokesperson") else None
        _text_or_none(s.get("notes"), rel, f"{where}.notes", problems, "notes: free text")
        for form in [s["name"], *aliases]:
            claim_form(form, s["name"], where)
        out["speakers"].append(Speaker(s["name"].strip(), aff, role, tuple(aliases)))

    # parties: whose response balance asks for -------------------------------
    parties = data.get("parties")
    fix = "write e.g. parties: {accused: [Example Corp], accusers: [Regulator]} with actor names of this story"
    if parties is not None and not isinstance(parties, dict):
        problems.append(Problem(rel, "parties", "must be a mapping of accused / accusers to actor names", fix))
    for role, who in (parties or {}).items() if isinstance(parties, dict) else ():
        if role not in PARTY_ROLES:
            problems.append(Problem(rel, f"parties.{role}", "unknown field", _suggest(str(role), PARTY_ROLES)))
            continue
        who = _str_list(who)
        if who is None:
            problems.append(Problem(rel, f"parties.{role}", "must be a list of actor names", fix))
            continue
        if not who:
            problems.append(Problem(rel, f"parties.{role}", "names no actor",
                                    "list at least one actor name, or remove the field"))
        for n in who:
            if n not in names:
                problems.append(Problem(rel, f"parties.{role}", f"{n!r} is not one of the story's actors",
                                        f"use an actor's name: {sorted(names)}"))
        out["parties"][role] = tuple(dict.fromkeys(n for n in who if n in names))
    both = set(out["parties"].get("accused", ())) & set(out["parties"].get("accusers", ()))
    if both:
        problems.append(Problem(rel, "parties", f"{', '.join(sorted(both))} is both accused and accuser",
                                "name each actor on one side only"))

    # claims --------------------------------------------------------------
    claims = data.get("claims") or []
    if not isinstance(claims, list):
        problems.append(Problem(rel, "claims", "must be a list", "write claims as a list of '- id: ...' entries"))
        claims = []
    ids: set[str] = set()
    for i, c in enumerate(claims):
        where = f"claims[{i}]"
        if not isinstance(c, dict):
            problems.append(Problem(rel, where, "a claim must be a mapping", "write '- id: ..., text: ..., patterns: [...]'"))
            continue
        for key in c:
            if key not in CLAIM_FIELDS:
                problems.append(Problem(rel, f"{where}.{key}", "unknown field", _suggest(str(key), CLAIM_FIELDS)))
        cid = c.get("id")
        if not isinstance(cid, str) or not CLAIM_ID.match(cid):
            problems.append(Problem(rel, f"{where}.id", f"{show(cid)} is not a valid claim id", "use lower-case letters, digits, - and _"))
            continue
        if cid in ids:
            problems.append(Problem(rel, f"{where}.id", f"claim id {cid!r} is used twice", "give each claim its own id"))
        ids.add(cid)
        if not isinstance(c.get("text"), str) or not c["text"].strip():
            problems.append(Problem(rel, f"{where}.text", "missing" if c.get("text") is None else
                                    f"must be text, got {_type_name(c['text'])}", "state the claim in one short sentence"))
        _text_or_none(c.get("notes"), rel, f"{where}.notes", problems, "notes: free text")
        pats = _str_list(c.get("patterns"))
        if not pats:
            problems.append(Problem(rel, f"{where}.patterns", "a claim needs at least one pattern", "list regular expressions that detect it"))
            continue
        good = [p for j, p in enumerate(pats) if _check_regex(p, rel, f"{where}.patterns[{j}]", problems)]
        for j, p in enumerate(good):
            rx = patterns.compile(p, patterns.IGNORECASE)
            if rx.search("") is not None or any(m.group(0) == "" for m in rx.finditer("Any sentence, at all.")):
                problems.append(Problem(rel, f"{where}.patterns[{pats.index(p)}]", f"{p!r} matches empty text, so every "
                                        "sentence would carry the claim", "give words the claim's sentences contain, "
                                        "e.g. 'recall\\w*' rather than '\\b' or '^'"))
        if len(good) == len(pats):
            out["claims"].append(Claim(cid, str(c.get("text", "")).strip(), tuple(pats)))

    # boilerplate ---------------------------------------------------------
    bp = data.get("boilerplate") or []
    if not isinstance(bp, list):
        problems.append(Problem(rel, "boilerplate", "must be a list", "write boilerplate as a list of '- pattern: ...' entries"))
        bp = []
    for i, b in enumerate(bp):
        where = f"boilerplate[{i}]"
        if isinstance(b, str):
            b = {"pattern": b}
        if not isinstance(b, dict) or "pattern" not in b:
            problems.append(Problem(rel, where, "needs a pattern", "write '- pattern: REGEX' with an optional note"))
            continue
        for key in b:
            if key not in ("pattern", "note"):
                problems.append(Problem(rel, f"{where}.{key}", "unknown field", _suggest(str(key), {"pattern", "note"})))
        if not _text_or_none(b.get("note"), rel, f"{where}.note", problems, "note: what it removes"):
            continue
        if _check_regex(b["pattern"], rel, f"{where}.pattern", problems):
            out["boilerplate"].append({"pattern": b["pattern"], "note": b.get("note") or "",
                                       "field": f"story.yaml {where}.pattern"})

    _parse_furniture(data.get("furniture"), rel, problems, out)
    pairs = data.get("intended_duplicates") or []
    fix = "write e.g. intended_duplicates: [[nyp-print, nyp-web]] (ids are the file names without .md)"
    if not isinstance(pairs, list):
        problems.append(Problem(rel, "intended_duplicates", "must be a list of pairs of article ids", fix))
        pairs = []
    good_pairs = []
    for i, p in enumerate(pairs):
        if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x.strip() for x in p)):
            problems.append(Problem(rel, f"intended_duplicates[{i}]", f"{show(p)} is not a pair of article ids", fix))
        elif p[0] == p[1]:
            problems.append(Problem(rel, f"intended_duplicates[{i}]", f"pairs {p[0]!r} with itself", "name two different articles"))
        else:
            good_pairs.append(tuple(sorted(x.strip() for x in p)))
    out["intended_duplicates"] = tuple(good_pairs)

    lex = data.get("lexicon")
    if lex is not None and not isinstance(lex, dict):
        problems.append(Problem(rel, "lexicon", "must be a mapping of category overrides",
                                "write e.g. lexicon: {secrecy_concealment: {add: [hush-hush], remove: [secret*]}} (see presslens/data/framing.yaml)"))
    elif lex:
        out["lexicon"] = lex
    return out


def _parse_furniture(value: Any, rel: str, problems: list[Problem], out: dict) -> None:
    """``furniture:`` is absent/true (the built-in list), false (none), or {disable: [...], add: [...]}
    (not ``off``: YAML reads a bare ``off`` as the boolean false)."""
    from . import furniture

    if value is None or value is True or value is False:
        out["furniture"] = value if value is False else None
        return
    fix = ("write furniture: {disable: [advertisement, byline-line], add: [{pattern: 'REGEX', kind: audio, note: ...}]} "
           "or furniture: false")
    if not isinstance(value, dict):
        problems.append(Problem(rel, "furniture", "must be true, false or a mapping with disable and add", fix))
        return
    for key in value:
        if key not in ("disable", "add"):
            problems.append(Problem(rel, f"furniture.{key}", "unknown field", _suggest(str(key), {"disable", "add"})))
    ids = furniture.rule_ids()
    known = set(ids) | set(ids.values())
    off = _str_list(value.get("disable"))
    if off is None:
        problems.append(Problem(rel, "furniture.disable", "must be a list of rule ids or kinds", fix))
        off = []
    for name in off:
        if name not in known:
            problems.append(Problem(rel, "furniture.disable", f"{name!r} is neither a furniture rule id nor a kind",
                                    _suggest(name, known)))
    add = value.get("add") or []
    if not isinstance(add, list):
        problems.append(Problem(rel, "furniture.add", "must be a list of rules", fix))
        add = []
    good = []
    for i, r in enumerate(add):
        if isinstance(r, str):
            r = {"pattern": r}
        if not isinstance(r, dict) or "pattern" not in r:
            problems.append(Problem(rel, f"furniture.add[{i}]", "needs a pattern", "write '- pattern: REGEX' with kind and note"))
            continue
        if not (_text_or_none(r.get("kind"), rel, f"furniture.add[{i}].kind", problems, "kind: audio")
                and _text_or_none(r.get("note"), rel, f"furniture.add[{i}].note", problems, "note: what it removes")):
            continue
        if _check_regex(r["pattern"], rel, f"furniture.add[{i}].pattern", problems):
            good.append({"pattern": r["pattern"], "kind": r.get("kind"), "note": r.get("note"),
                         "field": f"story.yaml furniture.add[{i}].pattern"})
    out["furniture"] = {"disable": off, "add": good}


# ----------------------------------------------------------------------------------------------
# articles


def _parse_article(path: Path, rel: str, problems: list[Problem], notices: list[Problem] | None = None) -> dict | None:
    try:
        raw = limits.read_bytes(path, limits.MAX_ARTICLE, "article")
    except limits.InputError as exc:
        problems.append(Problem(rel, "", exc.reason, exc.fix if "limit" in exc.reason else
                                "check the file's permissions (chmod a+r), or move it out of articles/"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, "", f"is not UTF-8 (byte {exc.start} cannot be decoded)",
                                "re-save the file as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)"))
        return None
    # NFC, without NUL, bidi marks or other invisible characters; the article's hash is taken after
    text = limits.normalise(text.replace("\r\n", "\n").replace("\r", "\n"))
    fm_text, body = split_front_matter(text)
    if fm_text is None:
        if text.startswith("---"):
            problems.append(Problem(rel, "front matter", "is not closed", "end the front matter with a line holding only ---"))
        else:
            problems.append(Problem(rel, "front matter", "is missing",
                                    "start the file with ---, the fields (outlet: ..., published: ...), then ---"))
        return None
    try:
        meta = parse_yaml(fm_text) if fm_text.strip() else {}
    except (yaml.YAMLError, ValueError) as exc:
        problems.append(Problem(rel, "front matter", _yaml_problem(exc, 2),
                                "quote values that contain ':' or '#', and indent lists consistently"))
        return None
    if not isinstance(meta, dict):
        problems.append(Problem(rel, "front matter", "must be a mapping of field: value", "write one 'field: value' per line"))
        return None
    n_before = len(problems)
    for key in meta:
        if key not in ARTICLE_FIELDS:
            problems.append(Problem(rel, str(key), "unknown field", _suggest(str(key), ARTICLE_FIELDS)))
    for key in REQUIRED_ARTICLE_FIELDS:
        v = meta.get(key)
        if v is not None and not isinstance(v, str):
            problems.append(Problem(rel, key, f"must be text, got {type(v).__name__} {show(v, 60)}",
                                    f"write it as text, quoted if needed: {key}: \"...\""))
        elif not isinstance(v, str) or not v.strip():
            problems.append(Problem(rel, key, "required field is missing or empty", f"add '{key}: ...' ({ARTICLE_FIELDS[key]})"))
    published, ok = _parse_date(meta.get("published"))
    if not ok:
        problems.append(Problem(rel, "published", f"{show(meta.get('published'))} is not a date",
                                "write it as YYYY-MM-DD, or null if the article does not reveal it"))
    for key in ("language", "translated_from"):
        v = meta.get(key)
        if v is not None and (not isinstance(v, str) or not LANG_CODE.match(v)):
            problems.append(Problem(rel, key, f"{show(v)} is not a language code", "use a code such as en, zh, fr, or null"))
    for key in ("title", "url", "byline", "notes"):
        v = meta.get(key)
        if v is not None and not isinstance(v, str):
            problems.append(Problem(rel, key, f"must be text, got {type(v).__name__}", "quote the value, or use null"))
    derived = _str_list(meta.get("derived_from"))
    if derived is None:
        problems.append(Problem(rel, "derived_from", "must be a list of source names", "write derived_from: [The Verge, SCMP] or []"))
    elif notices is not None and isinstance(meta.get("derived_from"), str) and re.search(r"[,;]| and ", meta["derived_from"]):
        notices.append(Problem(rel, "derived_from", f"{meta['derived_from']!r} is one text, read as one source",
                               f"if it names several sources, write a list: derived_from: "
                               f"[{', '.join(s.strip() for s in re.split(r'[,;]| and ', meta['derived_from']) if s.strip())}]"))
    if not body.strip():
        problems.append(Problem(rel, "text", "the article is empty", "paste the article text below the closing ---"))
    if len(problems) > n_before:
        return None
    return {
        "id": path.stem,
        "outlet": meta["outlet"].strip(),
        "title": (meta.get("title") or "").strip() or None,
        "url": meta.get("url"),
        "published": published,
        "language": meta.get("language") or None,
        "translated_from": meta.get("translated_from") or None,
        "derived_from": tuple(derived or ()),
        "byline": meta.get("byline"),
        "notes": meta.get("notes"),
        "text": body.strip("\n"),
        "file": f"articles/{path.name}",
        "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
    }


def load_story(path: str | Path = paths.DEFAULT_STORY) -> Story:
    """Load and validate the story folder at ``path`` (relative paths are taken from the repo root).

    Raises :class:`StoryError` listing every problem found (file, field, fix).
    """
    root = paths.resolve(path)
    slug = root.name
    if not root.is_dir():
        if root.is_file() and root.name == "story.yaml":
            raise StoryError([Problem(str(path), "", "is the story's story.yaml, not its folder",
                                      f"give the folder that holds it: {root.parent}")])
        raise StoryError([Problem(f"{path} (looked for {root})" if str(root) != str(path) else str(path), "",
                                  "is not a folder",
                                  "give the path of a story folder holding story.yaml and articles/ (create one with `presslens new SLUG`)")])
    problems: list[Problem] = []
    sy = root / "story.yaml"
    yaml_digest: dict = {}
    if os.path.islink(sy) and not sy.exists():
        problems.append(Problem(f"{slug}/story.yaml", "", "is a broken (or looping) link",
                                "replace the link with the story.yaml file itself"))
        meta = _parse_story_yaml({}, f"{slug}/story.yaml", [])
    elif not sy.exists():  # (a FIFO, a folder or a device named story.yaml is reported by the reader below)
        problems.append(Problem(f"{slug}/story.yaml", "", "is missing", "create it (see `presslens new SLUG` for a commented template)"))
        meta = _parse_story_yaml({}, f"{slug}/story.yaml", [])
    else:
        n_before = len(problems)
        data = _load_yaml(sy, f"{slug}/story.yaml", problems, yaml_digest)
        # a file that could not be read or parsed is reported once, not again as "empty"
        meta = _parse_story_yaml(data if len(problems) == n_before else {}, f"{slug}/story.yaml",
                                 problems if len(problems) == n_before else [])

    art_dir = root / "articles"
    notices: list[Problem] = []
    files: list[Path] = []
    if art_dir.is_dir():
        try:
            entries = sorted(art_dir.iterdir())
        except OSError as exc:
            problems.append(Problem(f"{slug}/articles/", "", f"cannot be listed ({exc.strerror or exc})", "check the folder's permissions"))
            entries = []
        for p in entries:
            if p.name.startswith("."):
                continue  # hidden files (editor swap files, .DS_Store) are never articles
            if p.suffix == ".md" and p.is_file():
                files.append(p)
            elif p.suffix == ".md" and p.is_symlink() and not p.exists():
                problems.append(Problem(f"{slug}/articles/{p.name}", "", "is a broken link (its target does not exist)",
                                        "point the link at the article file, or delete it"))
            else:
                kind = limits.kind_of(p)
                fix = ("rename it to .md to include it" if p.suffix.lower() in (".md", ".markdown", ".txt") and p.is_file()
                       else "move it out of articles/ if it is not an article")
                notices.append(Problem(f"{slug}/articles/{p.name}", "", f"ignored: only regular .md files are articles (this is {kind})", fix))
    if os.path.lexists(art_dir) and not art_dir.is_dir():
        problems.append(Problem(f"{slug}/articles/", "", f"is {limits.kind_of(art_dir)}, not a folder",
                                "move it away, then create the folder articles/ with one .md file per article"))
    elif not art_dir.is_dir():
        problems.append(Problem(f"{slug}/articles/", "", "is missing", "create the folder and put one .md file per article in it"))
    elif not files and not problems:
        others = [n.file.rsplit("/", 1)[-1] for n in notices]
        hint = f" (found {others[:3]}: rename articles to .md)" if others else ""
        problems.append(Problem(f"{slug}/articles/", "", f"holds no .md article{hint}", "add one .md file per article"))
    rows = []
    seen_ids: dict[str, str] = {}
    for f in files:
        rel = f"{slug}/articles/{f.name}"
        key = f.stem.casefold()
        if key in seen_ids:
            problems.append(Problem(rel, "id", f"duplicate article id {f.stem!r} (also {seen_ids[key]})",
                                    "rename one of the files: the file name is the article's id"))
            continue
        seen_ids[key] = f.name
        row = _parse_article(f, rel, problems, notices)
        if row is None:
            continue
        rows.append(row)  # duplicate captures are screened later (presslens.screen), not refused
    ids_known = {r["id"] for r in rows}
    if rows and len(rows) == len(files):
        for i, pair in enumerate(meta["intended_duplicates"]):
            for x in pair:
                if x not in ids_known:
                    near = difflib.get_close_matches(x, sorted(ids_known), n=1, cutoff=0.6)
                    problems.append(Problem(f"{slug}/story.yaml", "intended_duplicates", f"no article {x!r}",
                                            (f"did you mean {near[0]!r}? " if near else "")
                                            + "use article ids: the file names in articles/ without .md"))
    references = load_references(root, slug, notices, problems)
    if problems:
        raise StoryError(problems, slug)
    cols = ["id", "outlet", "title", "url", "published", "language", "translated_from", "derived_from", "byline",
            "notes", "text", "file", "sha256"]
    articles = pd.DataFrame(rows, columns=cols)
    articles["published"] = pd.to_datetime(articles["published"])
    articles = articles.sort_values(["published", "outlet", "id"], na_position="last").reset_index(drop=True)
    story = Story(slug=slug, path=root, title=meta["title"], question=meta["question"], articles=articles,
                 actors=meta["actors"], speakers=meta["speakers"], claims=meta["claims"],
                 boilerplate=meta["boilerplate"], lexicon=meta["lexicon"], language=meta["language"],
                 furniture=meta["furniture"], intended_duplicates=meta["intended_duplicates"],
                 parties=meta["parties"])
    story.all_outlets = tuple(story.outlets)
    by_fold: dict[str, set[str]] = {}
    for o in story.outlets:
        by_fold.setdefault(re.sub(r"\s+", " ", o.casefold()), set()).add(o)
    for names in by_fold.values():
        if len(names) > 1:
            shown = sorted(names)
            notices.append(Problem(f"{slug}/articles/", "outlet", f"outlet names {shown} differ only in case or spacing: "
                                   "they are counted as different outlets", f"write one spelling, e.g. {shown[0]!r}, in every article"))
    story.references = references
    story.notices = notices
    story.yaml_sha256 = yaml_digest.get("sha256", "")
    return story


# ----------------------------------------------------------------------------------------------
# references: texts that are not part of the corpus (wire copy, a press release, the original report)

REFERENCE_FIELDS = {
    "source": "who published it, as articles credit it in derived_from (required), e.g. The Verge",
    "kind": f"what it is: one of {', '.join(REFERENCE_KINDS)}",
    "title": "its headline or title, or null",
    "url": "where it was captured, or null",
    "published": "publication date, ISO YYYY-MM-DD, or null",
    "notes": "free text",
}


def _parse_reference(path: Path, rel: str, problems: list[Problem]) -> dict | None:
    """One ``references/*.md`` file: front matter (REFERENCE_FIELDS), then the text as captured."""
    try:
        text = limits.read_bytes(path, limits.MAX_ARTICLE, "reference").decode("utf-8")
    except limits.InputError as exc:
        problems.append(Problem(rel, "", exc.reason, exc.fix))
        return None
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, "", f"is not UTF-8 (byte {exc.start} cannot be decoded)", "re-save the file as UTF-8"))
        return None
    text = limits.normalise(text.replace("\r\n", "\n").replace("\r", "\n"))
    fm_text, body = split_front_matter(text)
    template = "start the file with ---, then source: NAME and kind: wire copy (see README, Reference documents), then ---"
    if fm_text is None:
        problems.append(Problem(rel, "front matter", "is missing or not closed", template))
        return None
    try:
        meta = parse_yaml(fm_text) if fm_text.strip() else {}
    except (yaml.YAMLError, ValueError) as exc:
        problems.append(Problem(rel, "front matter", _yaml_problem(exc, 2), "quote values that contain ':' or '#'"))
        return None
    if not isinstance(meta, dict):
        problems.append(Problem(rel, "front matter", "must be a mapping of field: value", template))
        return None
    n = len(problems)
    for key in meta:
        if key not in REFERENCE_FIELDS:
            problems.append(Problem(rel, str(key), "unknown field in a reference", _suggest(str(key), REFERENCE_FIELDS)))
    src = meta.get("source")
    if not isinstance(src, str) or not src.strip():
        problems.append(Problem(rel, "source", "required field is missing or empty",
                                "add 'source: NAME': who published it, spelt as articles credit it in derived_from"))
    kind = meta.get("kind") or "other"
    if kind not in REFERENCE_KINDS:
        problems.append(Problem(rel, "kind", f"{show(kind)} is not a kind of reference", f"use one of {list(REFERENCE_KINDS)}"))
    published, ok = _parse_date(meta.get("published"))
    if not ok:
        problems.append(Problem(rel, "published", f"{show(meta.get('published'))} is not a date", "write it as YYYY-MM-DD, or null"))
    for key in ("title", "url", "notes"):
        if meta.get(key) is not None and not isinstance(meta.get(key), str):
            problems.append(Problem(rel, key, "must be text", "quote the value, or use null"))
    if not body.strip():
        problems.append(Problem(rel, "text", "the reference is empty", "paste its text below the closing ---"))
    if len(problems) > n:
        return None
    return {"id": path.stem, "source": src.strip(), "kind": kind, "title": (meta.get("title") or "").strip() or None,
            "url": meta.get("url"), "published": published, "notes": meta.get("notes"), "text": body.strip("\n"),
            "file": f"references/{path.name}", "sha256": hashlib.sha256(text.encode()).hexdigest()}


def load_references(root: Path, slug: str, notices: list[Problem], problems: list[Problem]) -> pd.DataFrame:
    """The story's optional ``references/`` folder as a table (empty without one). Every bad reference
    file is added to ``problems`` with its fix (the loader raises them with the articles' problems);
    other files are ignored with a notice."""
    cols = ["id", "source", "kind", "title", "url", "published", "notes", "text", "file", "sha256"]
    folder = root / "references"
    rows = []
    if folder.is_dir():
        for p in sorted(folder.iterdir()):
            rel = f"{slug}/references/{p.name}"
            if p.name.startswith("."):
                continue
            if p.suffix != ".md" or not p.is_file():
                notices.append(Problem(rel, "", "ignored: only regular .md files are references",
                                       "rename it to .md (front matter with source: and kind:) to include it"))
                continue
            row = _parse_reference(p, rel, problems)
            if row:
                rows.append(row)
    elif folder.exists():
        problems.append(Problem(f"{slug}/references", "", "is not a folder", "make references/ a folder of .md files"))
    out = pd.DataFrame(rows, columns=cols)
    out["published"] = pd.to_datetime(out["published"])
    return out
