"""Who retold whom: the verdict for a pair whose only shared text is a paraphrase.

:mod:`presslens.analyses.reuse.paraphrase` finds pairs that share no narration word for word yet retell
:data:`~presslens.analyses.reuse.paraphrase.CHAIN` or more sentences in the same order (a wire story spun
word by word, a rewrite). Such a pair is reused text (relation ``reworded_copy``) unless the evidence
names a common source, weighed as :mod:`presslens.analyses.verdicts` weighs word-for-word text:

1. one outlet's own text retold; or one names the other's outlet (a credit, a name-drop, a picture's
   credit): it took the text from it;
2. a wire both carry (a credit, a reporter's name-drop, an agency's own copy): the wire's story, retold
   (common source, ``common_wire``);
3. a source both credit (an outlet, a party), whose text, when in the corpus, retells the same: that source;
4. a third text retelling the same chain, or sharing narration with both, that carries a wire: a wire group;
5. one of the two carries a wire and the other none: that wire, the likeliest common source;
6. most of the sentences retold are attributed, in both texts, to one speaker (as the quotes analysis reads each
   sentence's quoted or reported words: :meth:`~presslens.analyses.pair_evidence.Evidence.speakers_of`), and those left would not
   make a chain of :data:`CHAIN`: two reports of one statement (a press conference, an interview) follow the
   speaker's order, so the speaker is the common source, not either outlet's narration (relation
   ``shared_quote_only``, as a statement quoted by both; no credit is due between the two), unless one of the
   two says the speaker spoke to it ("Ruiz told the Coast Gazette": :func:`interviewed`), whose report it then is;
7. otherwise **undetermined**, the candidates named (one retold the other; a common source outside the
   corpus; other texts that retell it too, none naming a source: a rewrite family).

A paraphrase alone never accuses anyone (no "copied without credit"): retelling loses the words that would
tell a copy from two pickups of one wire story, and a wire's pickups are rewritten too.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Callable

import pandas as pd

from . import wires
from .pair_evidence import EVIDENCE_WORDS, Evidence
from .reuse.paraphrase import CHAIN

KIND = "paraphrase"  # the pair kind of a pair whose only shared text is sentences retold in the same order


def links_of(para: pd.DataFrame) -> dict[str, dict[str, int]]:
    """article -> other article -> sentences retold in the same order (both ways)."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for a, b, n in zip(para["article_a"].tolist(), para["article_b"].tolist(), para["sentences"].tolist()):
        out[a][b] = out[b][a] = int(n)
    return out


def retellers(e: Evidence, links: dict[str, dict[str, int]], x: str, y: str) -> list[str]:
    """Third texts that retell what x and y share (a chain of :data:`CHAIN` with each) or share narration
    with both (:data:`EVIDENCE_WORDS` words or more each); a page captured twice counts once."""
    same = e.twins.get(x, set()) | e.twins.get(y, set())

    def linked(a: str, z: str) -> bool:
        return links.get(a, {}).get(z, 0) >= CHAIN or e.nb.get(a, {}).get(z, 0) >= EVIDENCE_WORDS

    near = set(links.get(x, {})) | set(e.nb.get(x, {}))
    return sorted(z for z in near if z not in (x, y) and z not in same and not z.startswith("ref:")
                  and linked(x, z) and linked(y, z))


def explain(e: Evidence, x: str, y: str, links: dict[str, dict[str, int]], common: Callable, ev: list[str],
            chain_ids: tuple[list[int], list[int]] | None = None) -> dict:
    """The verdict of the paraphrased pair (x, y) (module docstring); ``common``: the verdict row of a common
    source, as :mod:`presslens.analyses.verdicts` writes it (source, its text, x, y, what, evidence);
    ``chain_ids``: the ``sent_id`` of each retold sentence in x and in y, matched in order."""
    outlet, named, forms = e.outlet, e.named, e.forms
    cands = [f"{outlet[x]} retold {outlet[y]}", f"{outlet[y]} retold {outlet[x]}",
             "both from a common source outside the corpus"]
    if e.same_outlet(x, y):
        return {"verdict": "same outlet: its own text retold", "credited": "n/a", "candidates": "; ".join(cands)}
    for a, b in ((x, y), (y, x)):  # 1. one names the other's outlet
        said = {k: any(wires.same_source(c, outlet[b], forms) for c in named[a][k]) for k in ("credit", "tell", "photo")}
        if any(said.values()):
            how = ", ".join(k for k, v in said.items() if v)
            return {"verdict": f"{outlet[a]} retold the text of {outlet[b]} (names it: {how})", "source": outlet[b],
                    "source_article": b, "credited": "yes" if said["credit"] or said["photo"] else "no",
                    "direction": "a_from_b" if a == x else "b_from_a"}
    wx, wy = e.wires_of(x), e.wires_of(y)
    for w in sorted(wx & wy):  # 2. a wire both carry
        return common(e, w, None, x, y, "wire", ev)
    third = retellers(e, links, x, y)
    both = {c for c in named[x]["credit"] if any(wires.same_source(c, d, forms) for d in named[y]["credit"])}
    for c in sorted(both):  # 3. a source both credit, whose text (if in the corpus) retells it too
        corpus = [z for z in e.articles_of(c) if z not in (x, y)]
        if corpus and not set(corpus) & set(third):
            ev.append(f"both credit {c}, whose text in the corpus ({', '.join(corpus)}) does not retell it: no source of it")
            continue
        held = sorted(set(corpus) & set(third))
        party = wires.norm(c) in e.parties
        return common(e, c, held[0] if held else None, x, y, "a party's statement or release" if party else "outlet", ev)
    if not wx and not wy:  # 4. a third text retelling it that carries a wire
        for z in third:
            if e.carries.get(z):
                w = sorted(e.carries[z])[0]
                ev.append(f"wire group: {outlet[z]} ({z}) retells it too and carries {w}")
                return common(e, w, None, x, y, "wire group", ev)
    lone = sorted(wx or wy) if not (wx and wy) else []
    if lone:  # 5. one carries a wire, the other none: that wire's story, retold
        return common(e, lone[0], None, x, y, "wire", ev)
    said = spoken(e, x, y, chain_ids) if chain_ids else None
    if said:  # 6. one speaker's words, reported by both
        name, n_said, n = said
        ev.append(f"{n_said} of the {n} sentences retold are attributed to {name} in both texts; the {n - n_said} "
                  f"left would not make a chain of {CHAIN}")
        return {"verdict": f"common source: the speaker {name}, to whom both attribute most of what they retell: "
                           "one statement reported by each, not one outlet's narration retold",
                "relation": "shared_quote_only", "source": name, "credited": "n/a", "direction": "n/a",
                "candidates": "; ".join(cands)}
    if third:  # 7. undetermined; a rewrite family when others retell it too, none naming a source
        cands.insert(0, "a common source: other texts retell it too ("
                     + ", ".join(f"{outlet.get(z, z)} ({z})" for z in third[:3]) + ")")
    whole = sorted({f"{outlet[a]} credits {c}" for a in (x, y) for c in named[a]["credit"] if c not in e.fact.get(a, ())})
    if whole:
        ev.append("credited for the whole text: " + "; ".join(whole))
    return {"verdict": "undetermined (a paraphrase: the same sentences retold in the same order; a paraphrase "
                       "alone accuses no one)", "credited": "partial" if whole else "no", "direction": "unknown",
            "candidates": "; ".join(cands)}


# ---- who a sentence is attributed to: the quotes analysis's reading (Evidence.speakers_of) --------------------------
_LEADING_THE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _key(name: str) -> str:
    """A speaker's name folded for comparing two articles' readings: without a leading "the", case folded."""
    return " ".join(_LEADING_THE.sub("", name).split()).casefold()


def _same(a: str, b: str) -> bool:
    """Whether two articles' speakers are one: the same name, or one's single word the other's last ("Ruiz", "Ana
    Ruiz")."""
    ka, kb = _key(a), _key(b)
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=lambda k: len(k.split()))
    return len(short.split()) == 1 and long_.split()[-1] == short


def spoken(e: Evidence, x: str, y: str, chain_ids: tuple[list[int], list[int]]) -> tuple[str, int, int] | None:
    """(name, sentences attributed to it in both, sentences retold) when more than half of the sentences x and y
    retell in order are attributed to one speaker in both texts and those left are fewer than :data:`CHAIN`
    (module docstring, 6), else None."""
    ids_x, ids_y = chain_ids
    if not ids_x:
        return None
    sx = e.speakers_of(x)
    if 2 * sum(i in sx for i in ids_x) <= len(ids_x):
        return None  # x gives most of what it retells to no one: y need not be read (each text read costs ~30 ms)
    sy = e.speakers_of(y)
    keys: Counter = Counter()
    names: dict[str, list[str]] = defaultdict(list)
    for i, j in zip(ids_x, ids_y):
        a, b = sx.get(i), sy.get(j)
        if a and b and _same(a, b):
            k = max(_key(a), _key(b), key=lambda t: (len(t.split()), t))
            keys[k] += 1
            names[k] += [a, b]
    if not keys:
        return None
    key, n_said = min(keys.items(), key=lambda kv: (-kv[1], kv[0]))
    n = len(ids_x)
    if 2 * n_said <= n or n - n_said >= CHAIN or any(interviewed(e, a, key.split()[-1]) for a in (x, y)):
        return None
    # the fullest name as written, without a leading "the" ("the Harbour Council")
    name = max((_LEADING_THE.sub("", t) for t in names[key]), key=lambda t: (len(t.split()), t[:1].isupper(), t))
    return name, n_said, n


def interviewed(e: Evidence, a: str, key: str) -> bool:
    """Whether article ``a`` says the speaker (``key``: the name's last word, case folded) spoke to it: "Ruiz told
    the Coast Gazette" in the Coast Gazette, "in an interview with this newspaper". Then the words are that outlet's
    report, and a text retelling them took them from it, not from the speaker."""
    own = re.escape(" ".join(str(e.outlet[a]).split()))
    rx = re.compile(rf"\b(?:told|tells|telling|spoke to|speaking to|said to|(?:interview|conversation)s?\s+with)\s+"
                    rf"(?:the\s+)?(?:{own}|this\s+(?:news)?paper|this\s+(?:web)?site)\b", re.I)
    return any(rx.search(" ".join(t.split())) and (key in t.casefold() or re.search(r"\b(?:he|she)\b", t, re.I))
               for _, _, t in e.texts_of(a))
