"""Load and validate a story folder.

A story folder holds ``story.yaml`` and ``articles/*.md`` (YAML front matter, then the article text
exactly as captured). :func:`load_story` checks all of it and raises one :class:`StoryError` that
lists every problem found, each naming the file, the field and the fix, so bad input never crashes
deep inside a notebook.
"""
from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
import pandas as pd

from presslens.errors import Problem, StoryError  # noqa: F401 (re-exported: the story's errors)
from .. import limits


def show(value: Any, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters: what an error message quotes of a user's value."""
    r = repr(value)
    return r if len(r) <= limit else r[: limit - 1] + "…"


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str | None
    aliases: tuple[str, ...]
    renderings: tuple[dict, ...] = ()

    @functools.cached_property
    def forms(self) -> tuple[str, ...]:
        """Every form that refers to this actor: its name, aliases and renderings (worked out once: the
        fields are frozen, and quote extraction asks for them hundreds of times an article)."""
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


class OutletChoice(list):
    """The outlets a figure draws (a list, in order), with the ``rule`` that chose them (a sentence,
    empty when every outlet is drawn) and the outlets ``left_out`` (best-ranked first)."""

    def __init__(self, outlets, rule: str = "", left_out=()):
        super().__init__(outlets)
        self.rule, self.left_out = rule, list(left_out)


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
    max_outlets: int | None = None  # figures show at most this many outlets (see figure_outlets)
    outlets_rule: str = "articles"  # which outlets a capped figure keeps: most "articles" or most "words"
    outlets_pin: tuple = ()  # outlets a capped figure always shows (the rule fills the rest)
    references: pd.DataFrame | None = None  # references/*.md: texts that are not part of the corpus (see REFERENCE_FIELDS)
    yaml_sha256: str = ""  # story.yaml's bytes as loaded (hashed once: a later edit is another input)
    # outlets.yaml (and the shared file story.yaml's outlets_file names; see presslens.story.outlets)
    outlet_attrs: dict = field(default_factory=dict)  # outlet -> {attribute: value}; absent = unknown
    attributes: tuple = ()  # every attribute name the outlets files give, in order
    outlet_renamed: dict = field(default_factory=dict)  # outlet as an article wrote it -> its canonical name (aliases)
    outlets_sha256: dict = field(default_factory=dict)  # "outlets.yaml" / "outlets_file:PATH" -> sha256 of its bytes
    quote_speakers: str = "rules"  # story.yaml `quotes: {speakers: ...}`: "rules", or "parse-fill" (the parse fills gaps)

    def figure_outlets(self, outlets: list[str]) -> "OutletChoice":
        """``outlets`` (in their order) limited to ``max_outlets`` for a figure that must stay readable,
        by a stated rule: the pinned outlets (``outlets_pin``) first, then those with most articles
        (``outlets_rule = "articles"``) or most words (``"words"``), ties going to the earlier outlet
        (story order: first published). Tables and CSVs keep every outlet. The result is a list that
        also carries ``rule`` (a sentence naming the rule) and ``left_out`` (the outlets not drawn)."""
        if not self.max_outlets or len(outlets) <= self.max_outlets:
            return OutletChoice(outlets, "", [])
        if self.outlets_rule == "words":
            measure = self._memo("outlet_words", lambda: self.articles.assign(
                _w=self.articles["text"].str.split().str.len()).groupby("outlet")["_w"].sum().to_dict())
            most = "most words"
        else:
            measure = self._memo("outlet_counts", lambda: self.articles["outlet"].value_counts().to_dict())
            most = "most articles"
        rank = {o: i for i, o in enumerate(self.outlets)}
        pinned = [o for o in self.outlets_pin if o in outlets][: self.max_outlets]
        rest = sorted((o for o in outlets if o not in pinned), key=lambda o: (-measure.get(o, 0), rank.get(o, 0)))
        top = set(pinned) | set(rest[: self.max_outlets - len(pinned)])
        rule = (f"the {len(top)} of {len(outlets)} outlets "
                + (f"pinned ({', '.join(pinned)}), then those " if pinned else "")
                + f"with {most} (max_outlets = {self.max_outlets}, outlets_rule = {self.outlets_rule!r}"
                + (", outlets_pin" if pinned else "") + "; ties: first published)")
        return OutletChoice([o for o in outlets if o in top], rule, [o for o in rest if o not in top])

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
        wanted = [self.outlet_renamed.get(o, o) for o in outlets]  # an alias (outlets.yaml) names its outlet
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
        for rel, sha in sorted(self.outlets_sha256.items()):
            h.update(f"{rel}:{sha}".encode())
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
        out.update(self.outlets_sha256)  # outlets.yaml, and "outlets_file:PATH" (the shared file as story.yaml names it)
        return out
MAX_LABEL = 40  # characters of a name shown in a figure; the CSV keeps the full name


def short(name: str, limit: int = MAX_LABEL) -> str:
    """``name`` cut to ``limit`` characters with an ellipsis, for figure labels (CSVs keep it whole)."""
    name = " ".join(str(name).split())
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
