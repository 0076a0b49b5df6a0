"""Claims and omissions: which of the story's claims each article carries, how early, and in whose voice.

A claim (story.yaml ``claims``: id, text, patterns) is *carried* by an article when one of its
patterns matches one of the article's sentences (title included). For every claim and article the
first such sentence gives:

- ``sent_idx`` and ``position`` (its place in the body, 0 = first sentence, 1 = last; the title has
  none), and ``part`` (title, lede or body): a claim in the title or lede is one the reader cannot miss;
- ``voice`` and ``speaker``, as the quotes module reads the sentence: *quote* when the match lies
  inside a direct quote (someone's words, partial quotes included), *cited term* inside a word or
  phrase in quotation marks that nobody is quoted as saying (a word the outlet holds at a
  distance), *reported speech* inside a reported clause ("ByteDance emphasizes that ..."), else
  *narration*: the outlet's own voice. Where a claim is matched several times in an article the
  voices are all listed (``voices``), the first one leads.

Every row keeps the sentence and the matched words, so each cell of the claims-by-outlet table can
be read back. A pattern that matches nothing in any article is reported by :func:`unmatched` (most
likely a bad pattern, not an omission by every outlet).
"""
from __future__ import annotations

import pandas as pd

from presslens import patterns
from presslens.analyses.quotes.extract import quotes, rows_by_article
from presslens.analyses.quotes.resolve import SHORT
from presslens.engine import perarticle, tables
from presslens.engine.memo import story_table
from presslens.story import capture
from presslens.story.model import Story
from presslens.text import segment


HIT_COLS = ["claim", "article_id", "outlet", "sent_idx", "part", "position", "voice", "speaker", "voices", "n_sentences",
            "match", "sentence"]


def _voice(span: tuple[int, int], quote_spans, sentence: str, said: list[dict]) -> tuple[str, str | None, bool]:
    """(voice, speaker, whether the speaker is a role or anonymous source) of the words at ``span`` in ``sentence``; ``said`` holds the quotes module's
    rows of the sentence's paragraph (direct, cited and indirect)."""

    a, b = span
    for qa, qb in quote_spans or ():
        if qa <= a < qb or qa < b <= qb:
            inner = sentence[qa:qb]
            for r in said:
                if r["kind"] in ("direct", "cited") and r["quote"] and (
                        r["quote"] == inner or (len(inner) > 20 and (inner in r["quote"] or r["quote"] in inner))):
                    return ("quote" if r["kind"] == "direct" else "cited term"), _who(r), _source(r)
            return ("quote" if len(segment.TOKEN.findall(inner)) > SHORT else "cited term"), None, False
    for r in said:
        if r["kind"] == "indirect" and r["quote"]:
            at = sentence.find(r["quote"])
            if at >= 0 and at <= a < at + len(r["quote"]):
                return "reported speech", _who(r), _source(r)
    return "narration", None, False


def _source(r: dict) -> bool:
    """Whether :func:`_who` of ``r`` is a role or anonymous source (its spelling is the story's)."""
    return not isinstance(r.get("actor"), str) and r.get("speaker_kind") in ("role", "anonymous")


def _who(r: dict) -> str | None:
    for k in ("actor", "speaker"):
        if isinstance(r.get(k), str):
            return r[k]
    return None


@story_table
def hits(story: Story) -> pd.DataFrame:
    """One row per claim x article that carries it (columns ``HIT_COLS``), in article order."""

    sents = tables.process(story).sentences
    said = rows_by_article(story)  # read once here, before any fan-out: its workers inherit them

    def compute(ids: list[str]) -> dict[str, list[dict]]:  # per article, cached with it
        with patterns.budget():  # the claims' patterns over the whole story: one budget
            return _hits_of(story, sents[sents["article_id"].isin(set(ids))], ids, said)

    config = repr((story.claims, story.actors, story.speakers))
    per = perarticle.by_article(story, "claim-hits", config, compute)
    # a source's spelling is the story's (quotes' merge_case): put it back on rows that name one
    forms = {}
    for r in quotes(story).to_dict("records"):
        if isinstance(r["speaker"], str) and r["speaker_kind"] in ("role", "anonymous"):
            forms.setdefault(r["speaker"].casefold(), r["speaker"])
    rows = []
    for aid in story.articles["id"]:
        for r in per[aid]:
            r = {**r, "voices": list(r["voices"])}
            if r.pop("_source") and isinstance(r["speaker"], str):
                r["speaker"] = forms.get(r["speaker"].casefold(), r["speaker"])
            rows.append(r)
    out = pd.DataFrame(rows, columns=HIT_COLS)
    out["voices"] = [", ".join(v) for v in out["voices"]]
    order = {a: i for i, a in enumerate(story.articles["id"])}
    claim_order = {c.id: i for i, c in enumerate(story.claims)}
    return out.assign(_c=out["claim"].map(claim_order), _a=out["article_id"].map(order)) \
        .sort_values(["_c", "_a"], kind="mergesort").drop(columns=["_c", "_a"]).reset_index(drop=True)


def _hits_of(story: Story, sents: pd.DataFrame, ids: list[str], per_quotes) -> dict[str, list[dict]]:
    """The claim hits of the articles ``ids`` (their sentences ``sents``; ``per_quotes``: each
    article's quote rows, :func:`~presslens.analyses.quotes.extract.rows_by_article`): a row per claim an
    article carries, with ``_source`` telling whether its speaker is a role or anonymous source
    (whose spelling the story settles, see :func:`hits`)."""
    said: dict[tuple, list[dict]] = {}
    for aid in ids:
        for r in per_quotes[aid]:
            said.setdefault((r["article_id"], r["para_idx"]), []).append(r)
    cols_para = sents["para_idx"].tolist()
    cols = {c: sents[c].tolist() for c in ("article_id", "outlet", "sent_idx", "part", "position", "text", "quote_spans")}
    out: dict[str, list[dict]] = {aid: [] for aid in ids}
    texts = cols["text"]
    for claim in story.claims:
        rxs = [patterns.compile(p, patterns.IGNORECASE) for p in claim.patterns]
        where = f"story.yaml claims[{claim.id}].patterns"
        # each sentence's match by the claim's first pattern that matches it: pattern by pattern over the
        # sentences no earlier pattern matched (the same searches as sentence by sentence, one budget
        # reading per batch: patterns.search_each), a text repeated in several sentences (a wire's
        # paragraph in many outlets) searched once: a match is a function of the text alone
        found: dict[int, object] = {}
        left = list(range(len(texts)))
        for rx in rxs:
            if not left:
                break
            distinct = list(dict.fromkeys(texts[i] for i in left))
            by_text = dict(zip(distinct, patterns.search_each(rx, distinct, where)))
            got = [by_text[texts[i]] for i in left]
            found.update((i, m) for i, m in zip(left, got) if m)
            left = [i for i, m in zip(left, got) if not m]
        first: dict[str, dict] = {}
        for i in sorted(found):
            s, m = texts[i], found[i]
            aid = cols["article_id"][i]
            voice, who, src = _voice(m.span(), cols["quote_spans"][i], s, said.get((aid, cols_para[i]), []))
            row = first.get(aid)
            if row is None:
                pos = cols["position"][i]
                first[aid] = {"claim": claim.id, "article_id": aid, "outlet": cols["outlet"][i],
                              "sent_idx": int(cols["sent_idx"][i]), "part": cols["part"][i],
                              "position": None if pd.isna(pos) else float(pos), "voice": voice, "speaker": who,
                              "voices": [voice], "n_sentences": 1, "match": m.group(0), "sentence": s,
                              "_source": src}
            else:
                row["n_sentences"] += 1
                if voice not in row["voices"]:
                    row["voices"].append(voice)
        for aid, row in first.items():
            out[aid].append(row)
    return out


GRID_COLS = ["claim", "outlet", "n_articles", "n_carrying", "share", "voice", "part"]


def grid(story: Story, h: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tidy claims x outlets (every pair, claims in story.yaml order, outlets in story order):
    n_articles of the outlet, n_carrying (its articles that carry the claim), share, and the voice and
    part (title, lede, body) of its earliest mention: the first article of the outlet that carries it."""
    h = hits(story) if h is None else h
    n_art = story._memo("outlet_counts", lambda: story.articles["outlet"].value_counts().to_dict())
    first: dict[tuple, tuple] = {}
    count: dict[tuple, int] = {}
    for r in h.itertuples(index=False):
        k = (r.claim, r.outlet)
        count[k] = count.get(k, 0) + 1
        first.setdefault(k, (r.voice, r.part))
    rows = []
    for c in story.claims:
        for o in story.outlets:
            k = (c.id, o)
            v, part = first.get(k, (None, None))
            rows.append({"claim": c.id, "outlet": o, "n_articles": int(n_art.get(o, 0)), "n_carrying": count.get(k, 0),
                         "share": count.get(k, 0) / n_art[o] if n_art.get(o) else 0.0, "voice": v, "part": part})
    return pd.DataFrame(rows, columns=GRID_COLS)


def by_outlet(story: Story, h: pd.DataFrame | None = None) -> pd.DataFrame:
    """The claims-by-outlet table: one row per claim, one column per outlet; a cell is the voice of
    the outlet's earliest mention (its first article that carries it), suffixed with "(title)" or
    "(lede)" when it is there, and "—" when no article of the outlet carries the claim."""
    h = hits(story) if h is None else h
    outlets = list(story.outlets)
    table = {c.id: {o: "—" for o in outlets} for c in story.claims}
    for r in h.itertuples(index=False):
        cell = table[r.claim][r.outlet]
        if cell == "—":
            table[r.claim][r.outlet] = r.voice + (f" ({r.part})" if r.part in ("title", "lede") else "")
    out = pd.DataFrame.from_dict(table, orient="index", columns=outlets)
    out.index.name = "claim"
    return out


def omissions(story: Story, h: pd.DataFrame | None = None) -> pd.DataFrame:
    """What each outlet left out: one row per outlet with the claims none of its articles carry and
    how many outlets carry each of them (a claim every other outlet carries is a pointed omission).
    Claims no outlet carries are left out here: :func:`unmatched` lists them (likely a bad pattern). An
    outlet whose every article stops at a paywall (:func:`presslens.story.capture.cut_short`) has no row:
    what it leaves out is unknown; ``attrs["note"]`` names it. A claim first carried on a later day than
    an outlet's last article (every one dated) is not that outlet's omission: it was not news yet."""
    h = hits(story) if h is None else h
    carried = {(r.claim, r.outlet) for r in h.itertuples(index=False)}
    n_carry = {c.id: sum((c.id, o) in carried for o in story.outlets) for c in story.claims}
    cut = capture.cut_short(story.articles)  # an outlet whose text stops at a paywall: its omissions mean nothing
    first, last = _days(story, h)
    rows = []
    for o in story.outlets:  # a claim nobody carries is listed by unmatched(), not as everyone's omission
        if o in cut:
            continue
        # a claim first carried on a later day than the outlet's last article was not news yet: no omission
        left = [c.id for c in story.claims if (c.id, o) not in carried and n_carry[c.id]
                and not (last.get(o) and first.get(c.id) and last[o] < first[c.id])]
        rows.append({"outlet": o, "n_carried": sum((c.id, o) in carried for c in story.claims), "n_left_out": len(left),
                     "left_out": ", ".join(f"{c} ({n_carry[c]} of {len(story.outlets)} carry it)" for c in left)})
    out = pd.DataFrame(rows, columns=["outlet", "n_carried", "n_left_out", "left_out"])
    note = capture.cut_short_note(cut)
    if note:
        out.attrs["note"] = note
    return out


def _days(story: Story, h: pd.DataFrame) -> tuple[dict, dict]:
    """({claim: the first day an article carrying it gives}, {outlet: its last article's day}), by the
    day each page writes; a claim with an undated carrier, or an outlet with an undated article, has
    none (it may be earlier or later: not guessed)."""
    day = dict(zip(story.articles["id"], story.articles["published"]))
    dated = lambda days: None if any(d is None or d != d for d in days) else max(map(str, days))  # noqa: E731
    last = {o: dated(g.tolist()) for o, g in story.articles.groupby("outlet")["published"]}
    first = {}
    for c, g in h.groupby("claim")["article_id"]:
        days = [day.get(a) for a in g]
        first[c] = None if any(d is None or d != d for d in days) else min(map(str, days))
    return first, last


def unmatched(story: Story, h: pd.DataFrame | None = None) -> list[str]:
    """Claims that no article carries: most likely a pattern to fix, said out loud rather than
    counted as every outlet leaving the claim out."""
    h = hits(story) if h is None else h
    found = set(h["claim"])
    return [c.id for c in story.claims if c.id not in found]


def unmatched_summary(story: Story, ids: list[str]) -> str:
    """One line on the claims no article carries, with their patterns, or that there are none."""
    if not story.claims:
        return "story.yaml lists no claims: add claims (id, text, patterns) to measure them."
    if not ids:
        return f"Every one of the {len(story.claims)} claims is carried by at least one article."
    pats = {c.id: c.patterns for c in story.claims}
    return "\n".join([f"{len(ids)} claim(s) match no sentence of any article; check the patterns in story.yaml:"]
                     + [f"  {i}: {', '.join(pats[i])}" for i in ids])
