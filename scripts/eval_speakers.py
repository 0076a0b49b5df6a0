"""Speaker attribution on the evaluation corpora (issue 24's development harness, until `make eval`
lands): direct-quote spans/speakers and reported-speech speakers against
data/eval/*/truth.yaml. Matching: same_span (the scorer's criterion) OR token overlap >= 0.5 of the
shorter side (overlap). Speaker right: predicted speaker/speaker_text/actor matches truth speaker
or actor by name (word-set containment, accents/punct folded), or role/anonymous with same actor.
Unsure labels are neutral (neither counted right nor wrong), as the official scorer does.

    python scripts/eval_speakers.py [--split dev|test|all] [--story SLUG] [--show]

--show writes every miss to errors.txt (or PRESSLENS_ERRORS) and is refused for test stories: those are
scored, never read while changing rules (data/eval/README.md).
"""
from __future__ import annotations

import os
import re
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PRESSLENS_NO_RESULT_CACHE", "1")

from presslens import load_story  # noqa: E402
from presslens.analyses.quotes import extract  # noqa: E402
from presslens.story.yamlio import parse_yaml  # noqa: E402

STOP = {"the", "a", "an", "of"}


def fold(s):
    if not isinstance(s, str):
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", s.casefold()).split())


def same_name(x, y):
    a, b = set(fold(x).split()) - STOP, set(fold(y).split()) - STOP
    return bool(a) and bool(b) and (a <= b or b <= a)


def same_span(a, b):
    from rapidfuzz import fuzz
    x, y = fold(a), fold(b)
    if not x or not y:
        return False
    return x == y or fuzz.ratio(x, y) >= 90 or (min(len(x), len(y)) >= 0.8 * max(len(x), len(y)) and (x in y or y in x))


def overlap(a, b):
    x, y = fold(a).split(), fold(b).split()
    if not x or not y:
        return 0.0
    sm = SequenceMatcher(None, x, y, autojunk=False)
    m = sum(bl.size for bl in sm.get_matching_blocks())
    return m / min(len(x), len(y))


def same_speaker(g, p):
    spk = p.get("speaker")
    if not isinstance(spk, str) or not spk:
        return False
    names = [n for n in (g.get("speaker"), g.get("actor")) if isinstance(n, str)]
    said = [n for n in (spk, p.get("speaker_text"), p.get("actor")) if isinstance(n, str)]
    if any(same_name(a, b) for a in names for b in said):
        return True
    actor = p.get("actor")
    return (p.get("speaker_kind") in ("role", "anonymous") and isinstance(actor, str)
            and isinstance(g.get("actor"), str) and fold(actor) == fold(g["actor"]))


def match(pred, gold, strict):
    cand = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if strict:
                if same_span(p["quote"], g["text"]):
                    cand.append((1.0, i, j))
            else:
                o = overlap(p["quote"], g["text"])
                if o >= 0.5:
                    cand.append((o + 0.001 * SequenceMatcher(None, fold(p["quote"]), fold(g["text"])).ratio(), i, j))
    used_p, used_g, out = set(), set(), []
    for _, i, j in sorted(cand, key=lambda t: (-t[0], t[1], t[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i); used_g.add(j); out.append((i, j))
    return out


class C:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def p(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def r(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def __str__(self):
        return f"P {self.p():.3f} R {self.r():.3f} (tp {self.tp} fp {self.fp} fn {self.fn})"


def score_story(folder, show=False, errs=None):
    st = load_story(folder)
    truth = parse_yaml((folder / "truth.yaml").read_text())
    q = extract.quotes.uncached(st) if hasattr(extract.quotes, "uncached") else extract.quotes(st)
    by_art = {a: g.to_dict("records") for a, g in q.groupby("article_id", sort=False)}
    res = {k: C() for k in ("span_strict", "span_overlap", "dspk", "ispan", "ispk")}
    for aid, lab in truth["articles"].items():
        if lab.get("quotes") is None:
            continue
        allp = by_art.get(aid, [])
        for p in allp:
            for k in ("speaker", "actor", "speaker_text"):
                if not isinstance(p.get(k), str):
                    p[k] = None
        # direct + cited spans
        pred = [p for p in allp if p["kind"] in ("direct", "cited")]
        gold = [g for g in lab["quotes"] if g["kind"] in ("direct", "cited")]
        for strict, key in ((True, "span_strict"), (False, "span_overlap")):
            pairs = match(pred, gold, strict)
            c = res[key]
            c.tp += len(pairs); c.fp += len(pred) - len(pairs); c.fn += len(gold) - len(pairs)
            if not strict and show:
                mp = {i for i, _ in pairs}; mg = {j for _, j in pairs}
                for i, p in enumerate(pred):
                    if i not in mp:
                        errs.append(("span-fp", aid, p["quote"][:90], p["speaker"], p["paragraph"]))
                for j, g in enumerate(gold):
                    if j not in mg:
                        errs.append(("span-fn", aid, g["text"][:90], g.get("speaker"), ""))
        pairs = match(pred, gold, False)
        _spk(res["dspk"], "direct", aid, pred, gold, pairs, show, errs, "d")
        predi = [p for p in allp if p["kind"] == "indirect"]
        goldi = [g for g in lab["quotes"] if g["kind"] == "indirect"]
        pairsi = match(predi, goldi, False)
        c = res["ispan"]
        c.tp += len(pairsi); c.fp += len(predi) - len(pairsi); c.fn += len(goldi) - len(pairsi)
        _spk(res["ispk"], "indirect", aid, predi, goldi, pairsi, show, errs, "i")
    return res


def _spk(c, kind, aid, pred, gold, pairs, show, errs, tag):
    right_p, right_g, neutral = set(), set(), set()
    for i, j in pairs:
        g = gold[j]
        if g.get("unsure"):
            neutral.add(i)
        elif g["kind"] == kind and g.get("speaker") and same_speaker(g, pred[i]):
            right_p.add(i); right_g.add(j); c.tp += 1
    by_p, by_g = dict(pairs), {j: i for i, j in pairs}
    for i, p in enumerate(pred):
        if p["kind"] == kind and p.get("speaker") and i not in right_p | neutral:
            c.fp += 1
            j = by_p.get(i)
            if show:
                errs.append((f"{tag}spk-fp", aid, p["quote"][:90],
                             f"found {p['speaker']!r} [{p.get('speaker_text')!r}/{p.get('actor')!r}] gold "
                             f"{(gold[j].get('speaker'), gold[j].get('actor'), gold[j]['kind']) if j is not None else 'NO SUCH'}",
                             p["paragraph"]))
    for j, g in enumerate(gold):
        if g["kind"] == kind and g.get("speaker") and not g.get("unsure") and j not in right_g:
            c.fn += 1
            i = by_g.get(j)
            if show and (i is None or not pred[i].get("speaker")):
                errs.append((f"{tag}spk-fn", aid, g["text"][:90],
                             f"gold {g.get('speaker')!r}/{g.get('actor')!r}; "
                             + ("not found" if i is None else f"found no speaker [{pred[i].get('speaker_text')!r}]"),
                             pred[i]["paragraph"] if i is not None else ""))


def main():
    args = sys.argv[1:]
    split = args[args.index("--split") + 1] if "--split" in args else "dev"
    only = args[args.index("--story") + 1] if "--story" in args else None
    show = "--show" in args
    tot = {k: C() for k in ("span_strict", "span_overlap", "dspk", "ispan", "ispk")}
    errs = []
    for folder in sorted((ROOT / "data/eval").iterdir()):
        if not (folder / "truth.yaml").exists():
            continue
        sp = parse_yaml((folder / "truth.yaml").read_text())["split"]
        if split != "all" and sp != split:
            continue
        if only and only not in folder.name:
            continue
        if show and sp != "dev":
            raise SystemExit("errors are shown for dev stories only")
        res = score_story(folder, show, errs)
        print(f"{folder.name:28s} {sp:4s} spans {res['span_overlap'].p():.2f}/{res['span_overlap'].r():.2f} "
              f"strict {res['span_strict'].p():.2f}/{res['span_strict'].r():.2f}  dspk {res['dspk']}  ispk {res['ispk']}")
        for k in tot:
            tot[k].tp += res[k].tp; tot[k].fp += res[k].fp; tot[k].fn += res[k].fn
    print(f"TOTAL {split}:")
    for k, c in tot.items():
        print(f"  {k:14s} {c}")
    if show:
        out = Path(os.environ.get("PRESSLENS_ERRORS", "errors.txt"))
        with out.open("w") as f:
            for e in errs:
                f.write(f"[{e[0]}] {e[1]} | {e[2]!r} | {e[3]}\n    PARA: {str(e[4])[:600]}\n")
        print(f"{len(errs)} errors -> {out}")


if __name__ == "__main__":
    main()
