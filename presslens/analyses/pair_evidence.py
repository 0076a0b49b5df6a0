"""What the pair verdicts (:mod:`presslens.analyses.verdicts`) read about a story's articles: outlets,
dates, hosts, the sources each names, agencies' own copies, the narration each article shares with each
other text (word for word or reworded), which articles are translations, who speaks in each sentence.

One idea: the evidence a pair verdict reads, gathered once per story and asked for by pair (each reader is a
view of a story table that :mod:`.verdicts` weighs; none decides anything). :class:`Evidence` gathers the
tables and reads each article alone (its wires, credits, shape, own text, whether it is a translation); its
readers of two or more articles are in modules of their own, parts of it: :mod:`.pair_third_texts` (the third
texts holding or circulating what two share, and the wires they carry), :mod:`.pair_credit_reach` (a credit
for one fact only), :mod:`.pair_speech` (who speaks in each sentence), :mod:`.pair_pages` (one page captured
twice, one publisher's page on two hosts). Every name is importable from here as before."""
from __future__ import annotations

from collections import defaultdict

import pandas as pd

from presslens.engine import tables
from presslens.story import publishers, when as clock
from presslens.story.model import Story
from . import agencies, naming, wires
from .pair_credit_reach import GRAM, NEXT_TO, CreditReach
from .pair_pages import Pages, site_of, slug_of
from .pair_speech import Speech
from .pair_third_texts import EVIDENCE_WORDS, HOLDS, KINDS, ThirdTexts
from .quotes.extract import quote_rows as story_quotes

__all__ = ["APART_DAYS", "EVIDENCE_WORDS", "GRAM", "HOLDS", "KINDS", "MEDIA_KINDS", "NEXT_TO", "REWORDED", "Evidence",
           "order", "site_of", "slug_of"]

REWORDED = 0.7  # at most this share of the shared narration word for word (each way): a rewrite, not a wire's verbatim text
APART_DAYS = 2  # days two dates without instants must lie apart to order two articles (see :func:`order`)

MEDIA_KINDS = agencies.MEDIA_KINDS


def order(a, b) -> tuple[int | None, str]:
    """:func:`presslens.story.when.order`, but two dates without both instants order two articles only
    :data:`APART_DAYS` or more days apart: a local day runs 26 hours across the world's time zones (a page
    dated the 21st in Asia may come before one dated the 20th in America), and a capture's date line may
    be the day it was seen rather than published."""
    sign, how = clock.order(a, b)
    if (sign is not None and (a.instant is None or b.instant is None)
            and abs((a.day - b.day).days) < APART_DAYS):
        return None, f"dated a day apart ({a.label}, {b.label}): too close to order without times and zones"
    return sign, how


class Evidence(ThirdTexts, CreditReach, Speech, Pages):
    """What the verdicts read about a story's articles: outlets, dates, hosts, the sources each names
    (by kind), agencies' own copies, the narration each article shares with each other text (its readers of
    third texts, a credit's reach, speakers and pages: :class:`~.pair_third_texts.ThirdTexts`,
    :class:`~.pair_credit_reach.CreditReach`, :class:`~.pair_speech.Speech`, :class:`~.pair_pages.Pages`)."""

    def __init__(self, story: Story, r, src: pd.DataFrame, quotes=None):
        """``quotes``: the story's quote rows (:func:`presslens.analyses.quotes.quote_rows`, or the table
        :func:`~presslens.analyses.quotes.quotes`), or a function giving them when first needed (:meth:`speakers_of`);
        None reads the rows of ``story`` (each article's cached with it) when first needed."""
        arts = story.articles
        self.outlet = dict(zip(arts["id"], arts["outlet"]))
        self.onorm = {a: wires.norm(o) for a, o in self.outlet.items()}
        self.date = {a: (None if pd.isna(d) else pd.Timestamp(d)) for a, d in zip(arts["id"], arts["published"])}
        self.when = clock.of_articles(arts)  # day, and time of day with its zone where the article gives them
        self.host = {a: wires.host_of(u) for a, u in zip(arts["id"], arts["url"])}
        self.pub = {a: (o, u, d) for a, o, u, d in zip(arts["id"], arts["outlet"], arts["url"], arts["derived_from"])}
        self.slug = {a: slug_of(u) for a, u in zip(arts["id"], arts["url"])}
        self.brand = {a: self.host[a].split(".")[0] if self.host[a] else "" for a in arts["id"]}
        self.site = {a: site_of(u) for a, u in zip(arts["id"], arts["url"])}
        self.twins: dict[str, set[str]] = defaultdict(set)  # article -> the other captures of its page (:meth:`twin`)
        self._translated: set[str] | None = None  # read when a verdict first needs it (:attr:`translated`)
        self.title = {a: wires.norm(t) if isinstance(t, str) else "" for a, t in zip(arts["id"], arts["title"])}
        self.raw = dict(zip(arts["id"], arts["text"]))  # each page as captured (:meth:`wire_shape`)
        self._clean: dict[str, str] | None = None
        self._shape: dict[str, str | None] = {}
        self._family: dict[str, str] | None = None  # article -> its linked texts' root (:meth:`wire_family`)
        self.forms = wires.name_forms(story)
        self.parties = {wires.norm(f) for act in story.actors if str(act.kind or "").casefold() not in MEDIA_KINDS
                        for f in act.forms}
        self.named: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # article -> kind -> sources
        self.fact: dict[str, dict[str, set[str]]] = defaultdict(dict)  # article -> source credited in sentences only -> them
        for a, k, source, reach, at in zip(src["article"].tolist(), src["kind"].tolist(), src["source"].tolist(),
                                           src["reach"].tolist(), src["at"].tolist()):
            self.named[a][k].add(source)
            if k == "credit" and reach == wires.SENTENCE and at:
                self.fact[a][source] = set(at)
        self.story, self.r = story, r
        self._shared: dict[tuple[str, str], list[str]] | None = None
        self._grams: dict[tuple[str, str], set] = {}
        self._sents: dict[str, list[str]] | None = None
        self._texts: dict[str, list[tuple[int, int, str]]] | None = None
        self._speakers: dict[str, dict[int, str]] = {}  # article -> sent_id -> speaker (:meth:`speakers_of`)
        self._quotes = quotes if quotes is not None else (lambda: story_quotes(story))
        self._said: dict[str, dict[int, list[tuple[int, int, str]]]] | None = None  # article -> paragraph -> spans
        self.is_wire = dict(zip(src["source"].tolist(), src["wire"].astype(bool).tolist()))
        self.own_copy: dict[str, list[str]] = defaultdict(list)  # agency -> its own articles in the corpus
        self.by_outlet: dict[str, list[str]] = defaultdict(list)
        for a in arts["id"]:
            for w in self.named[a]["own text"]:
                self.own_copy[w].append(a)
            self.by_outlet[wires.norm(self.outlet[a])].append(a)
        self.nb: dict[str, dict[str, int]] = defaultdict(dict)  # article -> other text -> narration words shared
        self.narr: dict[tuple[str, str], tuple[int, float]] = {}  # (article, other) -> (narration words shared, share)
        self.exact: dict[tuple[str, str], float] = {}  # (article, other) -> share of its narration shared word for word
        c = r.containment
        for a, o, n, share, ex, ref in zip(c["article"].tolist(), c["other"].tolist(), c["shared_narration"].tolist(),
                                           c["containment_narration"].tolist(), c["exact_narration"].tolist(),
                                           c["reference"].tolist()):
            self.nb[a][o] = int(n)
            if not ref:
                self.narr[(a, o)] = (int(n), float(share))
                self.exact[(a, o)] = float(ex)
        self.group_note: dict[tuple[str, str], str] = {}
        self.carried = self.widely_carried()
        self.index_neighbours()
        self.sent_to_many: dict[str, dict[int, str]] = defaultdict(dict)  # article -> carried text -> what it is
        carried = getattr(r, "carried", None)
        if carried is not None:
            for a, t, n, o in zip(carried["article_id"].tolist(), carried["text_id"].tolist(), carried["articles"].tolist(),
                                  carried["outlets"].tolist()):
                self.sent_to_many[a][int(t)] = f"carried text {t} ({n} articles of {o} outlets)"
        self.refname = ({f"ref:{i}": f"{s} (reference)" for i, s in zip(story.references["id"], story.references["source"])}
                        if story.references is not None and len(story.references) else {})


    @property
    def translated(self) -> set[str]:
        """The articles that are translations (declared, or likely by their own signals: a translation shares
        reworded sentences with any other rendering of its original). Computed when first asked: the translation
        signals of every sentence cost more than all the rest of the verdicts (237 s of 293 s for provenance at
        10,000 articles, cold), and a verdict asks only once every cheaper condition holds."""
        if self._translated is None:
            lt = naming.likely_translations(self.story)
            self._translated = set(lt.loc[lt["verdict"].isin(("likely undeclared translation", "declared translation")),
                                          "article_id"])
        return self._translated

    def wires_of(self, a: str, kinds=("credit", "tell", "own text")) -> set[str]:
        return {s for k in kinds for s in self.named[a][k] if self.is_wire.get(s)}

    def credits(self, a: str, name: str) -> bool:
        return any(wires.same_source(c, name, self.forms) for c in self.named[a]["credit"] | self.named[a]["own text"])

    def articles_of(self, name: str) -> list[str]:
        """The articles of the outlet ``name`` stands for (story.yaml's aliases count: "SCMP")."""
        keys = {wires.norm(name)} | self.forms.get(wires.norm(name), set())
        return [z for k in sorted(keys) for z in self.by_outlet.get(k, [])]

    def wire_shape(self, a: str) -> str | None:
        """Why article a looks like a wire's copy though it credits no wire for its text: its text opens with a
        dateline naming no one (:func:`presslens.analyses.agencies.dateline_opening`: wire style, kept by a pickup
        that drops the credit), else None. A wire named under a picture is not enough (a newspaper's own story runs
        a wire's pictures too)."""
        # the cleaned text, else the page as captured (the cleaner removes a dateline standing on its own line with
        # the capture's date: "date 2024-05-06 port selby, May 6")
        if a not in self._shape:
            if self._clean is None:
                self._clean = tables.process(self.story).clean_text  # read once for the story
            line = (agencies.dateline_opening(self._clean.get(a, ""))
                    or agencies.dateline_opening(str(self.raw.get(a) or ""), title_case=False))
            self._shape[a] = f"{self.outlet[a]} opens with a dateline ({line})" if line else None
        return self._shape[a]

    def own_text(self, a: str) -> str:
        """Article a's text as the cleaner leaves it (page furniture out: a list of related stories and their dates is
        no part of what the article says), else the page as captured."""
        if self._clean is None:
            self._clean = tables.process(self.story).clean_text  # read once for the story
        return self._clean.get(a) or str(self.raw.get(a) or "")

    def reworded(self, x: str, y: str) -> bool:
        """Whether what x and y share is mostly reworded (sentence skeletons, not the same words) both ways: a
        rewrite, where a wire's pickups keep its words."""
        return all(k in self.narr and self.narr[k][1] > 0 and self.exact[k] <= REWORDED * self.narr[k][1]
                   for k in ((x, y), (y, x)))

    def credits_nothing(self, a: str) -> bool:
        """Whether article a credits no source and carries no wire (a quote's "told Harbour Radio" is no credit)."""
        return not (self.named[a]["credit"] | self.named[a]["own text"]) and not self.wires_of(a)
