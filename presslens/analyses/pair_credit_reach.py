"""How far a credit reaches: the pair verdicts (:mod:`presslens.analyses.verdicts`) set aside a credit for one
fact only ("according to X", "X reported") whose sentences do not touch the passage two texts share
(:meth:`CreditReach.set_aside`, :meth:`~CreditReach.focus`).

One idea: a credit's reach measured against the text a pair shares, in word 5-grams (:data:`GRAM`) of the
credit's sentences and those next to them (:data:`NEXT_TO`). A part of
:class:`presslens.analyses.pair_evidence.Evidence`: it reads the tables that class gathers."""
from __future__ import annotations

import re
from collections import defaultdict
from contextlib import contextmanager

from presslens.engine import tables
from . import wires
from .pair_third_texts import HOLDS

NEXT_TO = 1  # sentences either side of a one-sentence credit ("according to X") that a shared passage may touch
GRAM = 5  # words in a row a credit's sentences and a shared passage must have in common to touch


class CreditReach:
    """The readers of a credit's reach of :class:`~presslens.analyses.pair_evidence.Evidence` (a part of it: they
    read ``fact``, ``named``, ``outlet``, ``forms``, ``story`` and ``r``, the reuse tables)."""

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


def _grams(text: str) -> set:
    ws = re.findall(r"\w+", text.casefold())
    return {tuple(ws[i:i + GRAM]) for i in range(len(ws) - GRAM + 1)}
