"""Scorers of what presslens says across a story's articles: pairs (reuse and provenance), machine
translation, name variants, claims, the parties' voice (balance).

Each is a pure function of prediction tables (the columns :func:`presslens.evaluation.adapter.predict`
keeps) and a :class:`~presslens.evaluation.truth.Truth`, returning outcome rows.
"""
from __future__ import annotations

from typing import Iterable

import pandas as pd

from .outcomes import fold, frame, outcome, same_name
from .truth import Truth

# reuse.pairs kinds -> the truth's relations (a kind may carry ", sentences reordered"; "partial reuse" is
# narration taken from the other article, which the truth calls a reworded copy)
KIND_TO_RELATION = (("duplicate capture", "same_page"), ("copy", "copy"), ("reworded copy", "reworded_copy"),
                    ("partial reuse", "reworded_copy"), ("shared quotation only", "shared_quote_only"))
UNCREDITED = ("copied without credit",)  # "copied without credit, direction unknown" included
COMMON = "common source likely"
REUSING = ("copy", "reworded_copy", "common_wire")


def _pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def predicted_pair(pairs: pd.DataFrame, prov: pd.DataFrame, a: str, b: str) -> dict:
    """What presslens says about the pair (a, b): relation, whether it is uncredited copying, credit
    ('yes' / 'no' / None when provenance has no word on it), direction ('a_from_b', 'b_from_a' or None)
    and the statuses behind it."""
    if "relation" in pairs:  # the pair verdicts (analyses.verdicts): relation, credit and direction said outright
        hit = pairs[((pairs["article_a"] == a) & (pairs["article_b"] == b)) | ((pairs["article_a"] == b) & (pairs["article_b"] == a))]
        if not len(hit):
            return {"relation": "unrelated", "uncredited": False, "credit": None, "direction": None, "evidence": "no reuse"}
        v = hit.iloc[0]
        flip = v["article_a"] != a
        direction = {"a_from_b": "b_from_a", "b_from_a": "a_from_b"}.get(v["direction"]) if flip else v["direction"]
        directed = direction in ("a_from_b", "b_from_a")
        return {"relation": v["relation"], "credit": {"yes": "yes", "partial": "yes", "no": "no"}.get(v["credited"]),
                "uncredited": bool(v["accusation"]) or (directed and v["credited"] == "no"),
                "direction": direction if directed else None, "evidence": f"{v['kind']}; {v['relation']}, credited {v['credited']}"}
    rows = prov[((prov["article"] == a) & (prov["source_article"] == b))
                | ((prov["article"] == b) & (prov["source_article"] == a))]
    statuses = rows["status"].astype(str).tolist()
    hit = pairs[((pairs["article_a"] == a) & (pairs["article_b"] == b)) | ((pairs["article_a"] == b) & (pairs["article_b"] == a))]
    kind = str(hit["kind"].iat[0]) if len(hit) else "no reuse"
    relation = "unrelated"
    for prefix, rel in KIND_TO_RELATION:
        if kind.startswith(prefix):
            relation = rel
            break
    if any(s.startswith(COMMON) for s in statuses):
        relation = "common_wire"
    credit = None
    if any(s.startswith("credited and copied") or s.startswith(f"{COMMON} (both credit") for s in statuses):
        credit = "yes"
    elif any(s.startswith(UNCREDITED) for s in statuses):
        credit = "no"
    direction = None
    for r in rows.itertuples(index=False):
        if str(r.direction).startswith("source earlier"):
            direction = "a_from_b" if r.article == a else "b_from_a"
    return {"relation": relation, "uncredited": any(s.startswith(UNCREDITED) for s in statuses), "credit": credit,
            "direction": direction, "evidence": f"{kind}; " + ("; ".join(statuses) if statuses else "no provenance row")}


def score_pairs(pairs: pd.DataFrame, provenance: pd.DataFrame, truth: Truth) -> pd.DataFrame:
    """Each labelled pair against the reuse pairs (article_a, article_b, kind) and provenance rows
    (article, source_article, status, direction, credited). The unit is the pair; pairs marked unsure
    are not scored."""
    rows: list[dict] = []
    for t in truth.pairs:
        if t.get("unsure"):
            continue  # a careful reader could disagree: not scored
        a, b = t["a"], t["b"]
        unit = "|".join(_pair_key(a, b))
        p = predicted_pair(pairs, provenance, a, b)
        item = f"{a} / {b}: labelled {t['relation']}"
        ev = p["evidence"]
        rows.append(outcome("pairs", "relation", unit, "yes" if p["relation"] == t["relation"] else "no", item, t.get("note") or "",
                            "" if p["relation"] == t["relation"] else f"presslens: {p['relation']} ({ev})"))
        truth_unc = t["relation"] in ("copy", "reworded_copy") and t["credited"] == "no"
        if truth_unc or p["uncredited"]:
            res = "tp" if truth_unc and p["uncredited"] else ("fn" if truth_unc else "fp")
            rows.append(outcome("pairs", "uncredited copying", unit, res, item, t.get("note") or "",
                                "" if res == "tp" else f"presslens: {ev}"))
        if t["relation"] == "common_wire":
            rows.append(outcome("pairs", "common wire called copied without credit", unit,
                                "yes" if p["uncredited"] else "no", item, t.get("note") or "",
                                f"presslens: {ev}" if p["uncredited"] else ""))
        if t["relation"] in REUSING and t["credited"] in ("yes", "no", "partial"):
            want = "no" if t["credited"] == "no" else "yes"
            rows.append(outcome("pairs", "credit status", unit, "yes" if p["credit"] == want else "no",
                                f"{item}, credited {t['credited']}", t.get("note") or "",
                                "" if p["credit"] == want else f"presslens: credit {p['credit'] or 'not said'} ({ev})"))
        if t["direction"] in ("a_from_b", "b_from_a"):
            rows.append(outcome("pairs", "direction", unit, "yes" if p["direction"] == t["direction"] else "no",
                                f"{item}, {t['direction']}", t.get("note") or "",
                                "" if p["direction"] == t["direction"] else f"presslens: {p['direction'] or 'no direction'}"))
    return frame(rows)


def score_translation(translations: pd.DataFrame, truth: Truth, measured: Iterable[str] | None = None) -> pd.DataFrame:
    """Articles labelled machine-translated against ``translations`` (article_id, translation (bool),
    verdict, kinds, source_language); an article without a row has no translation verdict. Articles
    whose labels are marked unsure are not scored."""
    keep = set(measured) if measured is not None else None
    pred = {r.article_id: r for r in translations.itertuples(index=False)}
    rows: list[dict] = []
    for aid, lab in truth.articles.items():
        if keep is not None and aid not in keep or lab.get("mt") is None or lab.get("unsure"):
            continue  # not measured, or a label a careful reader could disagree with
        r = pred.get(aid)
        said = bool(r is not None and r.translation)
        verdict = f"{r.verdict} ({r.kinds})" if r is not None else "no indicator"
        if lab["mt"] or said:
            res = "tp" if lab["mt"] and said else ("fn" if lab["mt"] else "fp")
            rows.append(outcome("translation", "machine translation", aid, res,
                                f"{aid}: labelled {'MT from ' + str(lab['source_language']) if lab['mt'] else 'not MT'}",
                                "", "" if res == "tp" else f"presslens: {verdict}"))
        if lab["mt"] and said and isinstance(r.source_language, str):
            ok = r.source_language == lab["source_language"]
            rows.append(outcome("translation", "source language", aid, "yes" if ok else "no",
                                f"{aid}: from {lab['source_language']}", "", "" if ok else f"presslens: {r.source_language}"))
    return frame(rows)


def name_key(form) -> str:
    """A name form as discovery and labels are compared: NFC, case, curly apostrophes and dashes and
    runs of white space ignored (accents and spelling kept: they are what a variant is)."""
    import unicodedata

    s = unicodedata.normalize("NFC", str(form)).translate(str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-"}))
    return " ".join(s.split()).casefold()


def score_names(names: pd.DataFrame, known_forms: dict, truth: Truth) -> pd.DataFrame:
    """Discovery's proposals (candidate, actor) against the labelled variants that story.yaml does not
    list already (``known_forms``: casefolded form -> actor; a listed variant is not discovery's to find)."""
    known = {name_key(k) for k in known_forms}
    labelled: dict[str, dict] = {}
    for n in truth.names:
        key = name_key(n["form"])
        if key not in known:
            labelled.setdefault(key, n)
    proposals = names.drop_duplicates(["candidate", "actor"])
    rows: list[dict] = []
    found: set[str] = set()
    for c, actor in zip(proposals["candidate"].tolist(), proposals["actor"].tolist()):
        key = name_key(c)
        n = labelled.get(key)
        if n is not None and same_name(actor, n["actor"]) and key not in found:
            found.add(key)
            rows.append(outcome("names", "name variants proposed", key, "tp", f"{c} -> {actor}"))
            rows.append(outcome("names", "false proposals", key, "no", f"{c} -> {actor}"))
        else:
            why = f"labelled as {n['actor']}" if n is not None else "not a labelled variant"
            rows.append(outcome("names", "name variants proposed", key, "fp", f"{c} -> {actor}", "", why))
            rows.append(outcome("names", "false proposals", key, "yes", f"{c} -> {actor}", "", why))
    for key, n in labelled.items():
        if key not in found:
            rows.append(outcome("names", "name variants proposed", key, "fn", f"{n['form']} -> {n['actor']} ({n['kind']})",
                                "", "not proposed"))
    return frame(rows)


CLAIM_TEXT_MATCH = 70  # rapidfuzz token-set similarity at which a labelled claim's text is a story.yaml claim's


UNDEFINED = ("story.yaml has no claim with this id or text: check the truth file's id and text (a claim no "
             "story.yaml claim defines is not scored for facts either)")


def claim_ids(labelled: list[dict], defined: dict[str, str]) -> dict[str, tuple[str | None, str]]:
    """Labelled claim id -> (story.yaml claim id or None, how it was matched): by id, else (the truth
    file numbering its claims c1, c2 ...) the unused story.yaml claim whose text is most alike, at
    ``CLAIM_TEXT_MATCH`` or more."""
    from rapidfuzz import fuzz

    out = {c["id"]: (c["id"], "same id") for c in labelled if c["id"] in defined}
    used = {v[0] for v in out.values()}
    free = [k for k in defined if k not in used]
    cand = sorted(((fuzz.token_set_ratio(fold(c["text"]), fold(defined[k])), c["id"], k) for c in labelled
                   if c["id"] not in out for k in free), key=lambda t: (-t[0], t[1], t[2]))
    for score, cid, k in cand:
        if score >= CLAIM_TEXT_MATCH and cid not in out and k in free:
            out[cid] = (k, f"matched to story.yaml claim {k!r} by its text ({score:.0f}% alike)")
            free.remove(k)
    for c in labelled:
        out.setdefault(c["id"], (None, UNDEFINED))
    return out


def score_claims(hits: pd.DataFrame, defined: dict[str, str], truth: Truth, measured: Iterable[str]) -> pd.DataFrame:
    """Per labelled claim, the measured articles the story.yaml claim (``defined``: id -> text) of the
    same id (see :func:`claim_ids`) finds (``hits``: claim, article_id, sentence) against the articles
    labelled as carrying it. A labelled claim story.yaml does not define is missed in every article
    that carries it."""
    keep = list(measured)
    found = {(c, a): s for c, a, s in zip(hits["claim"].astype(str), hits["article_id"], hits["sentence"])}
    ids = claim_ids(truth.claims, defined)
    rows: list[dict] = []
    for cl in truth.claims:
        carry = set(cl["articles"])
        sid, how = ids[cl["id"]]
        for aid in keep:
            said = sid is not None and (sid, aid) in found
            if aid in carry or said:
                res = "tp" if aid in carry and said else ("fn" if aid in carry else "fp")
                why = {"tp": "", "fp": "pattern matched an article labelled without the claim",
                       "fn": "no pattern matched" if sid is not None else how}[res]
                if res != "tp" and how != "same id" and sid is not None:
                    why += f"; {how}"
                rows.append(outcome("claims", "articles carrying a claim", aid, res, f"{cl['id']}: {cl['text']}",
                                    found.get((sid, aid), ""), why))
    return frame(rows)


FACT_F1_GOAL = 0.8  # the goal: a claim corresponds to a discovered fact at this article-level F1
FACT_SHARED_WORDS = 2  # content words a fact's sentences must share with a claim's text to state it


def _best_fact(sets: dict, true: set, allowed=None) -> tuple[float, object]:
    best, fact = 0.0, None
    for f, arts in sets.items():          # in fact order: the first of equal scores is kept
        if allowed is not None and f not in allowed:
            continue
        tp = len(arts & true)
        score = 2 * tp / (len(arts) + len(true)) if tp else 0.0
        if score > best:
            best, fact = score, f
    return best, fact


def score_facts(members: pd.DataFrame, truth: Truth, measured: Iterable[str], words=None,
                defined: dict[str, str] | None = None) -> pd.DataFrame:
    """Per labelled claim, the discovered fact (``members``: fact, article_id, clause, centre; found
    without reading the claims) whose articles best match the claim's labelled articles, both on the
    ``measured`` articles: a share (article-level F1 of at least ``FACT_F1_GOAL``), the F1 itself (a
    mean), and the share again counting only the facts whose clauses share ``FACT_SHARED_WORDS``
    content words with the claim's text (``words``: text -> its content words), so that a fact
    holding a small claim's few articles by chance does not count. A claim none of whose labelled
    articles is measured is not scored, nor (given ``defined``, story.yaml's claims: id -> text) one that
    no story.yaml claim defines by id or text (a labelling slip: the claims measure notes it)."""
    words = words or (lambda t: fold(t).split())
    keep = set(measured)
    m = members[members["article_id"].isin(keep)]
    sets = {f: set(a) for f, a in m.groupby("fact")["article_id"]}
    centre = m[m["centre"]].drop_duplicates("fact").set_index("fact")["clause"].to_dict()
    fact_words = {f: set().union(*(set(words(c)) for c in cl)) for f, cl in m.groupby("fact")["clause"].unique().items()}
    rows: list[dict] = []
    ids = claim_ids(truth.claims, defined) if defined is not None else {}
    for cl in truth.claims:
        true = set(cl["articles"]) & keep
        if not true or ids.get(cl["id"], ("", ""))[0] is None:
            continue
        item = f"{cl['id']}: {cl['text']}"
        cw = set(words(cl["text"] or ""))
        stating = {f for f, ws in fact_words.items() if len(ws & cw) >= FACT_SHARED_WORDS}
        for measure, allowed in (("claims matched by a discovered fact", None),
                                 ("claims matched by a fact sharing their words", stating)):
            best, fact = _best_fact(sets, true, allowed)
            got = sets.get(fact, set())
            label = centre.get(fact, "") if fact is not None else ""
            detail = (f"best fact F1 {best:.2f}: in {len(got & true)} of the {len(true)} labelled articles and "
                      f"{len(got - true)} others" if fact is not None else "no discovered fact in any labelled article"
                      + (" sharing the claim's words" if allowed is not None else ""))
            ok = best >= FACT_F1_GOAL
            rows.append(outcome("facts", measure, cl["id"], "yes" if ok else "no", item, label, "" if ok else detail))
            if allowed is None:
                rows.append(outcome("facts", "best F1 of a claim's fact", cl["id"], "value", item, label, detail,
                                    value=best))
    return frame(rows)


def score_parties(voices: pd.DataFrame, parties: Iterable[str], parties_of, truth: Truth,
                  measured: Iterable[str]) -> pd.DataFrame:
    """Balance: for each party and each measured article with labelled quotes, whether the party
    speaks there. Predicted: a row of ``voices`` (``quotes.party_voices``: article_id, party, quote).
    Labelled: a direct or reported quote (not unsure) whose speaker or actor is the party or one of its
    speakers (``parties_of(speaker, actor)``, the same rule as the prediction). An article where the
    party speaks only in unsure labels is not scored for it."""
    if parties_of is None or voices is None:
        return frame([])
    keep = set(measured)
    said = {(r.article_id, r.party): r.quote for r in voices.itertuples(index=False)} if len(voices) else {}
    rows = []
    for aid, lab in truth.articles.items():
        if lab.get("quotes") is None or aid not in keep:
            continue
        for party in parties:
            sure = [g for g in lab["quotes"] if g["kind"] in ("direct", "indirect") and not g["unsure"]
                    and party in parties_of(g.get("speaker"), g.get("actor"))]
            unsure = [g for g in lab["quotes"] if g["kind"] in ("direct", "indirect") and g["unsure"]
                      and party in parties_of(g.get("speaker"), g.get("actor"))]
            got = said.get((aid, party))
            if sure and got is not None:
                rows.append(outcome("quotes", "parties: speaks in article", aid, "tp", party, got))
            elif sure:
                rows.append(outcome("quotes", "parties: speaks in article", aid, "fn", party, sure[0]["text"],
                                    f"labelled speaking ({sure[0].get('speaker')}); stated silent"))
            elif got is not None and not unsure:
                rows.append(outcome("quotes", "parties: speaks in article", aid, "fp", party, got,
                                    "no labelled quote of the party"))
    return frame(rows)
