"""The third texts of a pair sharing narration, and the wires they carry: what the pair verdicts
(:mod:`presslens.analyses.verdicts`) read, through :class:`presslens.analyses.pair_evidence.Evidence`, of the
other texts of the story.

One idea: who else holds, shares or circulates what two texts share (:meth:`ThirdTexts.holders`,
:meth:`~ThirdTexts.sharers`, :meth:`~ThirdTexts.circulating`, :meth:`~ThirdTexts.both_carry`), the one source
they credit (:meth:`~ThirdTexts.credited_by_holders`), and the wire their texts make the pair's source (a wire
group, a wire family, a wire in sight, a source so widely credited it is a wire). Each reader is a view of the
story tables :class:`~presslens.analyses.pair_evidence.Evidence` gathers; none decides anything."""
from __future__ import annotations

from collections import defaultdict

from . import agencies, wires

EVIDENCE_WORDS = 30  # shortest shared narration (words) a verdict of copying may rest on: about two sentences
HOLDS = 0.5  # share of the narration two articles share that a third text must hold, with each, to be their source

KINDS = wires.KINDS  # own text, credit, tell, photo


class ThirdTexts:
    """The readers of third texts and wires of :class:`~presslens.analyses.pair_evidence.Evidence` (a part of it:
    they read the tables its constructor sets, ``nb``, ``named``, ``outlet``, ``is_wire``...)."""

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

    def holds(self, z: str, x: str, y: str, n: int) -> bool:
        """Whether text z holds (most of) the ``n`` narration words x and y share."""
        return self.nb[x].get(z, 0) >= HOLDS * n and self.nb[y].get(z, 0) >= HOLDS * n

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
