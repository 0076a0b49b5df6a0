"""What the pair verdicts (:mod:`presslens.analyses.verdicts`) read about a story's articles: outlets,
dates, hosts, the sources each names, agencies' own copies, the narration each article shares with each
other text (word for word or reworded), which articles are translations, who speaks in each sentence.

One idea: the evidence a pair verdict reads, gathered once per story and asked for by pair (each reader here is a
view of a story table that :mod:`.verdicts` weighs; none decides anything)."""
from __future__ import annotations

import re
from collections import defaultdict
from contextlib import contextmanager
from urllib.parse import urlparse

import pandas as pd
from tld import get_fld

from presslens.engine import tables
from presslens.story import publishers, when as clock
from presslens.story.model import Story
from . import agencies, naming, wires
from .quotes.extract import quote_rows as story_quotes

EVIDENCE_WORDS = 30  # shortest shared narration (words) a verdict of copying may rest on: about two sentences
REWORDED = 0.7  # at most this share of the shared narration word for word (each way): a rewrite, not a wire's verbatim text
HOLDS = 0.5  # share of the narration two articles share that a third text must hold, with each, to be their source
NEXT_TO = 1  # sentences either side of a one-sentence credit ("according to X") that a shared passage may touch
GRAM = 5  # words in a row a credit's sentences and a shared passage must have in common to touch
APART_DAYS = 2  # days two dates without instants must lie apart to order two articles (see :func:`order`)

MEDIA_KINDS = agencies.MEDIA_KINDS
KINDS = wires.KINDS  # own text, credit, tell, photo


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


class Evidence:
    """What the verdicts read about a story's articles: outlets, dates, hosts, the sources each names
    (by kind), agencies' own copies, the narration each article shares with each other text."""

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

    def widely_carried(self) -> dict[str, str]:
        """Sources no list or mark makes an agency that articles of :data:`agencies.MANY` or more outlets credit
        while carrying one another's narration (:data:`EVIDENCE_WORDS` or more words with another of them): a
        story sent to many, a wire; no outlet of the story, no party. Marked as wires; source -> evidence."""
        by_key: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # key -> name -> articles
        for a, kinds in list(self.named.items()):
            for c in kinds["credit"]:
                if not self.is_wire.get(c) and wires.norm(c) not in self.parties and not self.articles_of(c):
                    by_key[agencies.key(c)][c].add(a)
        out = {}
        for names in by_key.values():
            arts = set().union(*names.values())
            linked = {a for a in arts if any(self.nb[a].get(b, 0) >= EVIDENCE_WORDS and self.onorm[b] != self.onorm[a]
                                             for b in arts)}
            outlets = sorted({self.outlet[a] for a in linked})
            if len(outlets) >= agencies.MANY:
                for c in names:
                    self.is_wire[c] = True
                    out[c] = f"{c}: credited by {len(outlets)} outlets that share its text ({', '.join(outlets[:4])})"
        return out

    def index_neighbours(self) -> None:
        """Once per story (the wires are settled): each article's wires, and per article its sharing
        neighbours a verdict looks through, so that a pair reads its own few candidates, not every text both
        share with (with wire copy republished by dozens of sites, that grew with the cube of the articles).
        ``carries``: article -> :meth:`wires_of`; ``wire_nb``: article -> the texts crediting (or being) a
        wire it shares :data:`EVIDENCE_WORDS` or more narration words with, in order (:meth:`wire_group`);
        ``source_nb``: article -> the references and wire-carrying texts it shares with, in order;
        ``by_weight``: article -> (narration words shared, text) from the most (:meth:`holders`)."""
        self.carries = {a: self.wires_of(a) for a in self.outlet}
        credits = {a: self.wires_of(a, ("credit", "own text")) for a in self.outlet}
        self.wire_nb = {a: sorted(z for z, w in nb.items() if w >= EVIDENCE_WORDS and credits.get(z))
                        for a, nb in self.nb.items()}
        self.source_nb = {a: sorted(z for z in nb if z.startswith("ref:") or self.carries.get(z))
                          for a, nb in self.nb.items()}
        self.by_weight = {a: sorted(((w, z) for z, w in nb.items()), key=lambda t: -t[0]) for a, nb in self.nb.items()}

    def both_carry(self, x: str, y: str) -> list[str]:
        """The texts sent to many (more than ``max_df`` articles: :mod:`presslens.analyses.reuse.carried`) both carry."""
        both = self.sent_to_many.get(x, {}).keys() & self.sent_to_many.get(y, {}).keys()
        return [self.sent_to_many[x][t] for t in sorted(both)]

    def holders(self, x: str, y: str, n: int) -> list[str]:
        """The third texts (references included) that hold (:meth:`holds`) the ``n`` narration words x and y
        share, in order; ``n`` over 0 (a text holding none holds nothing)."""
        ny, need = self.nb.get(y, {}), HOLDS * n
        same = self.twins.get(x, set()) | self.twins.get(y, set())
        out = []
        for w, z in self.by_weight.get(x, ()):
            if w < need:
                break
            if z != y and z != x and z not in same and ny.get(z, 0) >= need:
                out.append(z)
        return sorted(out)

    def credited_by_holders(self, x: str, y: str, holders: list[str], n: int) -> tuple[str, list[str]] | None:
        """(S, the third texts crediting it): the one source that the third texts carrying what x and y share credit
        for their whole text (a credit line, a byline, derived_from; not one fact), when they credit one only, no wire
        (:meth:`wire_near` reads those), neither x's outlet nor y's, and its own text, if in the corpus, holds it."""
        by: dict[str, list[str]] = {}
        for z in holders:
            for c in self.named[z]["credit"] - set(self.fact.get(z, ())):
                by.setdefault(c, []).append(z)
        if len(by) != 1:
            return None
        (s, zs), = by.items()
        if (self.is_wire.get(s) or any(wires.same_source(s, self.outlet[a], self.forms) for a in (x, y))
                or not all(self.holds(z, x, y, n) for z in self.articles_of(s) if z not in (x, y))):
            return None
        return s, zs

    def set_aside(self, a: str, b: str) -> set[str]:
        """The sources article a credits for one fact only ("according to X", "X reported": every credit of
        it a sentence's) whose sentences, with those either side (:data:`NEXT_TO`), touch less than
        :data:`HOLDS` of the text a shares with b: a credit to a fact is no source of the passages it does
        not touch (a byline, a dateline, a sign-off or a credit line credits the whole article). A credit
        to b's own outlet is never set aside: a names its partner."""
        if not self.fact.get(a):
            return set()
        grams = self.shared_grams(a, b)
        sents = self.sentences_of(a)
        out = set()
        for source, spans in self.fact[a].items():
            if wires.same_source(source, self.outlet[b], self.forms):
                continue
            near = set()
            for span in spans:
                key = re.split(r"(?<=[.!?])\s", span.casefold())[0].strip(" .!?,;:")
                # the credit's words as words: a name's letters inside another word ("tt" in "matters") are no credit
                at = re.compile(r"(?<!\w)" + re.escape(key) + r"(?!\w)") if key else None
                near.update(j for k, t in enumerate(sents) if at and at.search(t)
                            for j in range(max(0, k - NEXT_TO), min(len(sents), k + NEXT_TO + 1)))
            touched = set().union(*(_grams(sents[k]) for k in near)) & grams if near else set()
            if near and len(touched) < HOLDS * len(grams):
                out.add(source)
        return out

    def sentences_of(self, a: str) -> list[str]:
        """Article a's sentences (as the reuse index read them), whitespace folded and lower-cased."""
        if self._sents is None:
            s = tables.sentences(self.story)
            s = s[s["article_id"].isin(set(self.fact))]
            self._sents = defaultdict(list)
            for aid, t in zip(s["article_id"].tolist(), s["text"].tolist()):
                self._sents[aid].append(" ".join(str(t).split()).casefold())
        return self._sents.get(a, [])

    def texts_of(self, a: str) -> list[tuple[int, int, str]]:
        """Article a's sentences as captured, (sent_id, para_idx, text) in order (read once for the story)."""
        if self._texts is None:
            s = tables.sentences(self.story)
            self._texts = defaultdict(list)
            for aid, sid, p, t in zip(s["article_id"].tolist(), s["sent_id"].tolist(), s["para_idx"].tolist(),
                                      s["text"].tolist()):
                self._texts[aid].append((sid, p, str(t)))
        return self._texts.get(a, [])

    def speakers_of(self, a: str) -> dict[int, str]:
        """sent_id -> the speaker whose words (quoted or reported) article a's sentence carries, as the quotes
        analysis read them (its story table, :func:`presslens.analyses.quotes.quotes`: names, roles, appositions,
        pronouns resolved); a sentence of the article's own narration has no entry. A sentence carries the words of
        a quote whose span in the paragraph (its offsets, as the quotes table gives them) overlaps the sentence's
        own span; each sentence is found in its paragraph in order, after the one before, so two sentences that
        open alike are two places, never one."""
        if a not in self._speakers:
            said = self.said().get(a, {})
            out: dict[int, str] = {}
            at: dict[int, int] = {}  # paragraph -> where the next sentence is looked for
            for sid, p, text in self.texts_of(a):
                spans = said.get(p)
                if not spans:
                    continue
                par = spans[0][3]
                i = par.find(text, at.get(p, 0))
                if i < 0:
                    continue  # the sentence is not found as captured in the quotes' paragraph: no reading
                at[p] = i + len(text)
                who = next((w for s, e, w, _ in spans if s < i + len(text) and i < e), None)
                if who:
                    out[int(sid)] = who
            self._speakers[a] = out
        return self._speakers[a]

    def said(self) -> dict[str, dict[int, list[tuple[int, int, str, str]]]]:
        """article -> paragraph -> (start, end, speaker, paragraph text) of its quoted and reported words with a
        speaker, in order: the quote table, read once when a verdict first asks (a paraphrase chain)."""
        if self._said is None:
            q = self._quotes() if callable(self._quotes) else self._quotes
            self._said = defaultdict(lambda: defaultdict(list))
            q = q[q["kind"].isin(("direct", "indirect"))]
            for aid, p, s, e, who, quote, par in zip(q["article_id"].tolist(), q["para_idx"].tolist(),
                                                   q["start"].tolist(), q["end"].tolist(), q["speaker"].tolist(),
                                                   q["quote"].tolist(), q["paragraph"].tolist()):
                if isinstance(who, str) and who and quote and isinstance(par, str):
                    self._said[aid][int(p)].append((int(s), int(e), who, par))
            for pars in self._said.values():
                for spans in pars.values():
                    spans.sort(key=lambda t: (t[0], t[1]))
        return self._said

    @contextmanager
    def focus(self, x: str, y: str):
        """While deciding the pair (x, y): each article's credits without those :meth:`set_aside` for the
        pair; yields {article: the sources set aside}."""
        aside = {x: self.set_aside(x, y), y: self.set_aside(y, x)}
        saved = {}
        for a, cs in aside.items():
            if cs:
                saved[a] = self.named[a]
                view = defaultdict(set, {k: set(v) for k, v in saved[a].items()})
                view["credit"] -= cs
                self.named[a] = view
        try:
            yield aside
        finally:
            self.named.update(saved)

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

    def shared_grams(self, a: str, b: str) -> set:
        """The word 5-grams of everything a shares with b (passages and reworded sentences), on a's side."""
        if self._shared is None:  # the texts of each ordered pair, read once; their 5-grams only when asked
            self._shared = defaultdict(list)
            for t in (self.r.passages, self.r.reworded):
                for x, y, tx, ty in zip(t["article_a"].tolist(), t["article_b"].tolist(), t["text_a"].tolist(),
                                        t["text_b"].tolist()):
                    self._shared[(x, y)].append(tx)
                    self._shared[(y, x)].append(ty)
        if (a, b) not in self._grams:
            self._grams[(a, b)] = set().union(*(_grams(str(t)) for t in self._shared.get((a, b), ())))
        return self._grams[(a, b)]

    def wires_of(self, a: str, kinds=("credit", "tell", "own text")) -> set[str]:
        return {s for k in kinds for s in self.named[a][k] if self.is_wire.get(s)}

    def credits(self, a: str, name: str) -> bool:
        return any(wires.same_source(c, name, self.forms) for c in self.named[a]["credit"] | self.named[a]["own text"])

    def holds(self, z: str, x: str, y: str, n: int) -> bool:
        """Whether text z holds (most of) the ``n`` narration words x and y share."""
        return self.nb[x].get(z, 0) >= HOLDS * n and self.nb[y].get(z, 0) >= HOLDS * n

    def articles_of(self, name: str) -> list[str]:
        """The articles of the outlet ``name`` stands for (story.yaml's aliases count: "SCMP")."""
        keys = {wires.norm(name)} | self.forms.get(wires.norm(name), set())
        return [z for k in sorted(keys) for z in self.by_outlet.get(k, [])]

    def wire_group(self, x: str, y: str) -> str | None:
        """The wire whose story both x and y carry, neither crediting any: a third article crediting (or
        being) that wire shares at least EVIDENCE_WORDS words of narration with each (a *wire group*),
        so what x and y share is that wire's text; evidence noted in the verdict. None when no such article."""
        if self.wires_of(x) or self.wires_of(y):
            return None
        ny = self.nb.get(y, {})
        for z in self.wire_nb.get(x, ()):  # the texts crediting a wire that x shares enough with, in order
            if z != x and z != y and ny.get(z, 0) >= EVIDENCE_WORDS:
                w = sorted(self.wires_of(z, ("credit", "own text")))[0]
                self.group_note[(x, y)] = (f"wire group: {self.outlet[z]} ({z}) carries {w} and shares "
                                           f"{self.nb[x][z]} and {self.nb[y][z]} words of narration with them")
                return w
        return None

    def wire_family(self, x: str, y: str) -> str | None:
        """The wire whose story x and y both carry when they are linked to it through texts sharing narration: each
        link two texts of two outlets sharing :data:`EVIDENCE_WORDS` or more words of narration, and the one wire the
        texts so linked credit (or are); a rewrite that kept only the wire's quotes word for word still shares its
        narration with another pickup. None when they are not linked, when the texts linked to them carry no wire
        or more than one, or when x or y names another. The evidence is noted as :meth:`wire_group`'s."""
        if self._family is None:  # the linked texts, once per story (union-find over the narration shared)
            up = {a: a for a in self.outlet}

            def root(a):
                while up[a] != a:
                    up[a] = up[up[a]]
                    a = up[a]
                return a
            for (a, b), (n, _share) in sorted(self.narr.items()):
                if n >= EVIDENCE_WORDS and a in up and b in up and self.onorm[a] != self.onorm[b]:
                    up[root(a)] = root(b)
            self._family = {a: root(a) for a in up}
            self._family_wires = defaultdict(lambda: (set(), None))  # root -> (the wires its texts carry, the first)
            for a in sorted(up):
                ws = self.wires_of(a, ("credit", "own text"))
                if ws:
                    found, first = self._family_wires[self._family[a]]
                    self._family_wires[self._family[a]] = (found | ws, first or a)
        fx = self._family.get(x)
        if fx is None or fx != self._family.get(y):
            return None
        found, z = self._family_wires.get(fx, (set(), None))
        if len(found) != 1 or not self.wires_of(x) | self.wires_of(y) <= found:
            return None
        w = next(iter(found))
        self.group_note[(x, y)] = (f"wire family: {self.outlet[x]} and {self.outlet[y]} share narration, through other "
                                   f"texts, with {self.outlet[z]} ({z}), which carries {w}")
        return w

    def sharers(self, x: str, y: str) -> list[str]:
        """The third texts (no reference, no capture of x or y) sharing :data:`EVIDENCE_WORDS` or more narration words
        with each of x and y, in order: a passage in circulation, whether or not they hold all of it (:meth:`holders`)."""
        ny, same = self.nb.get(y, {}), self.twins.get(x, set()) | self.twins.get(y, set())
        return [z for z, w in sorted(self.nb.get(x, {}).items()) if w >= EVIDENCE_WORDS and z not in (x, y)
                and z not in same and not z.startswith("ref:") and ny.get(z, 0) >= EVIDENCE_WORDS]

    def circulating(self, x: str, y: str) -> list[str]:
        """The :meth:`sharers` of x and y from outlets other than theirs: a passage in circulation (verdicts: with no
        date to order the two, no evidence that one copied the other)."""
        return [z for z in self.sharers(x, y) if self.onorm[z] not in (self.onorm[x], self.onorm[y])]

    def wire_near(self, x: str, y: str) -> tuple[str, str] | None:
        """(z, wire): a third text (:meth:`sharers`) that names a wire in any way (a credit, a name-drop, a picture's
        credit): too weak to say the two took that wire's story (:meth:`wire_group` needs a credit), enough to keep a
        wire in sight (no accusation)."""
        return next(((z, sorted(named)[0]) for z in self.sharers(x, y) if (named := self.wires_of(z, KINDS))), None)

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

    def same_outlet(self, x: str, y: str) -> bool:
        """Whether x and y are one publisher's: compared by the publisher each names, not by host (an aggregator's
        host carries many publishers: :func:`presslens.story.publishers.same_publisher`)."""
        return publishers.same_publisher(self.pub[x], self.pub[y])

    def reworded(self, x: str, y: str) -> bool:
        """Whether what x and y share is mostly reworded (sentence skeletons, not the same words) both ways: a
        rewrite, where a wire's pickups keep its words."""
        return all(k in self.narr and self.narr[k][1] > 0 and self.exact[k] <= REWORDED * self.narr[k][1]
                   for k in ((x, y), (y, x)))

    def credits_nothing(self, a: str) -> bool:
        """Whether article a credits no source and carries no wire (a quote's "told Harbour Radio" is no credit)."""
        return not (self.named[a]["credit"] | self.named[a]["own text"]) and not self.wires_of(a)

    def publisher_page(self, x: str, y: str) -> str | None:
        """Why x and y, on two hosts, are one publisher's page: the same page name or number ending both
        addresses, on hosts whose names share the publisher's (one host's first label begins the other's) or
        on two hosts of one registered site (subdomains of one domain: one site's database behind both; a
        blogging platform's users are separate sites by the public-suffix list: :func:`site_of`)."""
        if not self.slug[x] or self.slug[x] != self.slug[y]:
            return None
        bx, by = sorted((self.brand[x], self.brand[y]), key=len)
        if len(bx) >= 3 and by.startswith(bx):
            return f"the same page ({self.slug[x]}) on {self.host[x]} and {self.host[y]}"
        if self.site[x] and self.site[x] == self.site[y]:
            return f"the same page ({self.slug[x]}) on two hosts of {self.site[x]}: {self.host[x]} and {self.host[y]}"
        return None

    def twin(self, x: str, y: str) -> None:
        """Note that x and y are one page captured twice: neither is a third text holding what the other
        shares with a third article (one page is one witness, not two)."""
        self.twins[x].add(y)
        self.twins[y].add(x)

    def same_page(self, x: str, y: str) -> str | None:
        """Why x and y are one page captured twice (same outlet and the same URL slug or title), else None."""
        if not self.same_outlet(x, y):
            return None
        if self.slug[x] and self.slug[x] == self.slug[y]:
            return f"the same URL slug ({self.slug[x]})"
        if self.title[x] and self.title[x] == self.title[y]:
            return "the same title"
        return None


def slug_of(url) -> str:
    if not isinstance(url, str):
        return ""
    parts = [p for p in urlparse(url).path.split("/") if p]
    last = parts[-1] if parts else ""
    return last if len(last) >= 12 or (len(last) >= 6 and last.isdigit()) else ""  # a short last segment ("index.html", "news") names no page


def site_of(url) -> str:
    """The registered site of an address (its domain under the public-suffix list: "fastseoul.com" for
    "news.harbourcity.example", "harbour.co.uk", a blog's own "x.blogspot.com"), "" when there is none."""
    if not isinstance(url, str) or not url:
        return ""
    return get_fld(url if "://" in url else f"http://{url}", fail_silently=True, fix_protocol=True) or ""


def _grams(text: str) -> set:
    ws = re.findall(r"\w+", text.casefold())
    return {tuple(ws[i:i + GRAM]) for i in range(len(ws) - GRAM + 1)}
