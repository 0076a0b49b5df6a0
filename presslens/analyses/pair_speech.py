"""Who speaks in each sentence of an article, as the quotes analysis read it: what the pair verdicts' paraphrase
chains (:mod:`presslens.analyses.paraphrased`) ask of :class:`presslens.analyses.pair_evidence.Evidence`.

One idea: an article's sentences as captured (:meth:`Speech.texts_of`) matched to the spans of its quoted and
reported words (:meth:`~Speech.said`), giving each sentence its speaker (:meth:`~Speech.speakers_of`)."""
from __future__ import annotations

from collections import defaultdict

from presslens.engine import tables


class Speech:
    """The speaker readers of :class:`~presslens.analyses.pair_evidence.Evidence` (a part of it: they read
    ``story`` and ``_quotes``, and cache in ``_texts``, ``_speakers`` and ``_said``)."""

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
