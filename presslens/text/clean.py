"""Cleaning one article: hygiene and furniture (:mod:`.furniture`), then the story's boilerplate
patterns line by line, every removal reported with its rule.
"""
from __future__ import annotations

import re

from presslens import patterns
from . import bars, cards, comments, credits, furniture, linemodel, linklist, prompts, screen, shape, widgets
from .segment import TOKEN


# ----------------------------------------------------------------------------------------------
# cleaning

QUOTE_NORMALISE = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


def _norm_line(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(QUOTE_NORMALISE)).strip().casefold()


def _compiled(rules: list[dict]) -> tuple[list[tuple], dict]:
    """The pattern rules of ``rules`` compiled, (regex, note, where, guard) in order, and the runs of
    them one search screens (:func:`presslens.text.screen.plan`); made once per set of rules."""
    key = tuple((r["pattern"], r.get("flags", 0), r.get("note") or r["pattern"], r.get("field", ""),
                 None if r.get("guard") is None else (r["guard"].pattern, r["guard"].flags))
                for r in rules if "pattern" in r)
    got = _COMPILED.get(key)
    if got is None:
        compiled = [(patterns.compile(r["pattern"], r.get("flags", 0)), r.get("note") or r["pattern"], r.get("field", ""),
                     r.get("guard")) for r in rules if "pattern" in r]
        got = compiled, screen.plan([(r["pattern"], r.get("flags", 0), r.get("field", "")) for r in rules if "pattern" in r])
        if len(_COMPILED) >= 16:
            _COMPILED.pop(next(iter(_COMPILED)))
        _COMPILED[key] = got
    return got


_COMPILED: dict[tuple, tuple[list[tuple], dict]] = {}


def clean(text: str, title: str | None, rules: list[dict], template: frozenset[str] = frozenset()) -> tuple[str, list[dict]]:
    """Remove what is not the article from ``text`` (see :func:`cleaned_lines`): (clean text, removals)."""
    kept, removed, _ = cleaned_lines(text, title, rules, template)
    return "\n".join(x for _, x in kept).strip("\n"), removed


def cleaned_lines(text: str, title: str | None, rules: list[dict], template: frozenset[str] = frozenset()
                  ) -> tuple[list[tuple[int, str]], list[dict], list[str]]:
    """Remove what is not the article from ``text``, line by line.

    First :func:`presslens.text.furniture.hygiene` (invisible characters, HTML left in the capture,
    markdown link syntax). Then ``rules`` (``{"pattern", "note"}`` dicts with optional ``flags``:
    the story's boilerplate, then the web furniture list): each pattern is searched in every line
    (``^`` and ``$`` anchor at the line) and what it matches is cut. A line left blank by a cut is
    dropped. Then the shape rules among ``rules`` (``{"shape": id, "note"}``, see
    :mod:`presslens.text.shape`) on the lines left, with ``template`` (the shapes of lines that
    recur across the story's pages, :func:`presslens.text.shape.template_keys`); and a line that
    repeats the headline is dropped. Returns (clean text, removals), where each removal is
    ``{"line": 1-based line number in the article text, "removed": text, "rule": note, "rule_id": the
    built-in rule's id that ``furniture: {disable: [...]}`` takes, "" for the story's own rules}``.
    Last, the line model (shape id ``line-model``, :mod:`presslens.text.linemodel`) on the lines kept,
    when ``presslens/data/line_model.yaml`` sets a threshold. Returns (the kept lines as (1-based line
    number, text), removals, the capture's lines after hygiene).
    """
    text, removed = furniture.hygiene(text)
    compiled, runs = _compiled(rules)
    ids = {r.get("note") or r.get("pattern"): r["id"] for r in rules if r.get("id")}  # what furniture: disable names
    shapes = {r["shape"]: r.get("note") or r["shape"] for r in rules if "shape" in r}
    every = {r.get("note") for r in rules if r.get("every")}   # rules that cut every copy in a line
    signed: set[int] = set()   # kept lines that stood above an embedded post's signature alone on a line
    title_norm = _norm_line(title) if title else None
    lines: list[tuple[int, str]] = []
    card: set[int] = set()   # kept lines followed by a site's name alone on a line
    related: set[int] = set()  # kept lines that follow a removed heading announcing other articles
    comment_open: set[int] = set()  # kept lines that follow a removed line opening a comment section
    disclaimer_open: set[int] = set()  # kept lines that follow a removed disclaimer's heading
    gone: list[int] = [0]      # gone[k]: lines the listed rules removed just before kept line k
    media_gone: set[int] = set()   # numbers of lines the listed rules removed as a photo credit or video card
    text_lines = text.split("\n")
    prev = 0   # the number of the last line above that held text
    for no, line in enumerate(text_lines, start=1):
        if no > 1 and text_lines[no - 2].strip():
            prev = no - 1
        new = line
        guarded = None  # whether the line reads as reporting (the furniture prose guard), computed once
        k = 0
        while k < len(compiled):
            if not new.strip():
                break
            if k in runs and not runs[k][1].may_match(new):
                k = runs[k][0]  # none of this run of patterns matches the line: it would cut nothing
                continue
            rx, note, where, guard = compiled[k]
            k += 1
            if guard is not None:
                if guarded is None:
                    guarded = bool(guard.search(new))
                if guarded:
                    continue
            m = patterns.search(rx, new, where)
            if m and m.group(0):
                rest = (new[: m.start()] + new[m.end():]).strip()
                if rest and (len(TOKEN.findall(rest)) <= 2 or (m.start() == 0 and rest[0].islower())):
                    # what the cut leaves is a scrap ("for breaking news alerts!", "Insider Paper."): the line goes
                    removed.append({"line": no, "removed": new.strip(), "rule": note})
                    new = ""
                    break
                removed.append({"line": no, "removed": m.group(0).strip(), "rule": note})
                new = new[: m.start()] + new[m.end():]
                while note in every and (m := patterns.search(rx, new, where)) and m.group(0):  # each copy
                    removed.append({"line": no, "removed": m.group(0).strip(), "rule": note})
                    new = new[: m.start()] + new[m.end():]
        if new.strip() == "" and line.strip() != "":
            if shape.RELATED_HEAD.match(line):
                related.add(len(lines))   # the next kept line opens a list of other articles
            if comments.opens_comments(line):
                comment_open.add(len(lines))   # the next kept line is in a comment section
            if widgets.DISCLAIMER_HEAD.match(line):
                disclaimer_open.add(len(lines))   # the next kept line opens the disclaimer's paragraph
            if removed and removed[-1]["line"] == no and ids.get(removed[-1]["rule"]) == "bare-site-name":
                # the line above names another article: a link card over two lines (title, then its site)
                above = next((k for k in range(len(lines) - 1, -1, -1) if lines[k][1].strip()), None)
                if above is not None:
                    card.add(above)
            if removed and removed[-1]["line"] == no and ids.get(removed[-1]["rule"]) == "social-embed" \
                    and widgets.SIGNATURE.match(line):
                above = next((k for k in range(len(lines) - 1, -1, -1) if lines[k][1].strip()), None)
                if above is not None and lines[above][0] == prev:
                    signed.add(above)    # the post's text, printed just above its signature (and kept so far)
            if removed and removed[-1]["line"] == no and any(k in removed[-1]["rule"] for k in credits.MEDIA_KINDS):
                media_gone.add(no)
            gone[-1] += 1
            continue
        lines.append((no, new))
        gone.append(0)
    whole, cuts = (shape.shape_furniture([x for _, x in lines], frozenset(shapes), template, frozenset(card),
                                         frozenset(related), tuple(gone)) if shapes else ({}, {}))
    if "cta-tail" in shapes:   # the calls to action closing the text (subscribe, sign up, follow ...)
        whole.update(dict.fromkeys(prompts.tail_prompts([x for _, x in lines], whole), "cta-tail"))
    if "site-voice" in shapes:   # the site speaking to the reader about itself ("we" to "you"), anywhere
        whole.update(dict.fromkeys(prompts.site_voice([x for _, x in lines], whole), "site-voice"))
        whole.update(dict.fromkeys(prompts.notice_lines([x for _, x in lines], whole), "site-voice"))  # a notice opening the capture
    if "page-prompt" in shapes:   # a short command about the page anywhere ("Load more updates", "Return to top")
        whole.update(dict.fromkeys(prompts.page_prompts([x for _, x in lines], whole), "page-prompt"))
    if "page-talk" in shapes:   # a short line mostly in the page's own words ("Scroll down for the original article")
        whole.update(dict.fromkeys(prompts.page_talk([x for _, x in lines], whole), "page-talk"))
    if "teaser-card" in shapes:   # related cards, a title over a blurb cut short, two or more
        whole.update(dict.fromkeys(cards.teaser_cards([x for _, x in lines], whole), "teaser-card"))
        whole.update(dict.fromkeys(cards.related_cards([x for _, x in lines], whole, frozenset(related)), "teaser-card"))
    if "cut-headline" in shapes:   # headlines closing the text, cut short with an ellipsis, without a heading
        whole.update(dict.fromkeys(cards.cut_headlines([x for _, x in lines], whole), "cut-headline"))
    if "comment-tail" in shapes:   # the comment section below the story: its heading or form to the end
        for i in comments.comment_tail([x for _, x in lines], whole, frozenset(comment_open), tuple(gone)):
            whole.setdefault(i, "comment-tail")
    if "credit-caption" in shapes:   # captions and paragraphs closing on a credit of other shapes
        capt, glued = credits.credited([x for _, x in lines], whole)
        whole.update(capt)
        if "glued-credit" in shapes:
            for i, cut in glued.items():
                cuts.setdefault(i, cut)
    if "caption-above" in shapes:   # the caption or video title just above its credit or running time
        media = {i for i, (no, _) in enumerate(lines) if no + 1 in media_gone or (
            i + 1 < len(lines) and lines[i + 1][0] == no + 1 and whole.get(i + 1) in ("caption", "credit-caption"))}
        open_above = {i for i, (no, _) in enumerate(lines) if i == 0 or lines[i - 1][0] != no - 1 or not lines[i - 1][1].strip()}
        opening = next((i for i, (_, x) in enumerate(lines) if x.strip()), -1)
        whole.update(credits.caption_above([x for _, x in lines], whole, media, open_above, opening))
    if "embed-text" in shapes:
        whole.update(dict.fromkeys(widgets.embed_text([x for _, x in lines], signed, whole), "embed-text"))
    if "language-menu" in shapes:
        whole.update(dict.fromkeys(widgets.language_menu([x for _, x in lines], whole), "language-menu"))
    if "disclaimer-block" in shapes:
        whole.update(dict.fromkeys(widgets.disclaimer_block([x for _, x in lines], disclaimer_open, whole), "disclaimer-block"))
    if "station-bar" in shapes:   # a broadcaster's bars and programme taglines above the headline
        whole.update(dict.fromkeys(bars.station_bars([x for _, x in lines], whole), "station-bar"))
    if "doubled-line" in shapes:   # a line printed twice on itself, its single copy, a caption around its credit
        whole.update(dict.fromkeys(bars.doubled_lines([x for _, x in lines], whole), "doubled-line"))
    if "glued-menu" in shapes:
        whole.update(dict.fromkeys(widgets.glued_menu([x for _, x in lines], whole), "glued-menu"))
    if "enclosed-list" in shapes:   # short lines between two furniture lines: a widget's names (linklist.py)
        whole.update(dict.fromkeys(linklist.enclosed_list([x for _, x in lines], whole), "enclosed-list"))
    kept: list[tuple[int, str]] = []
    for i, (no, new) in enumerate(lines):
        if i in whole:
            removed.append({"line": no, "removed": new.strip(), "rule": shapes[whole[i]]})
            continue
        if i in cuts:
            if i in getattr(cuts, "heads", ()):     # a caption at the line's start
                removed.append({"line": no, "removed": cuts[i], "rule": shapes["glued-caption"]})
                new = new.lstrip()[len(cuts[i]):].lstrip() if new.lstrip().startswith(cuts[i]) else new
            else:
                rule = shapes["glued-mark"] if i in getattr(cuts, "marks", ()) else shapes["glued-credit"]
                removed.append({"line": no, "removed": cuts[i], "rule": rule})
                if new.rstrip().endswith(cuts[i]):
                    new = new.rstrip()[: -len(cuts[i])].rstrip()
                elif new.lstrip().startswith(cuts[i]):     # a label run into the line's start ("Guild:Piers ...")
                    new = new.lstrip()[len(cuts[i]):].lstrip()
        if title_norm and _norm_line(new) == title_norm:
            removed.append({"line": no, "removed": new.strip(), "rule": "repeated headline"})
            continue
        kept.append((no, new.rstrip()))
    for r in removed:
        r["rule_id"] = ids.get(r["rule"], "")
    if "line-model" in shapes and (fitted := linemodel.model()) is not None:
        kept = _line_model(text_lines, kept, template, fitted, shapes["line-model"], removed, title)
    removed.sort(key=lambda r: r["line"])
    return kept, removed, text_lines


def _line_model(text_lines: list[str], kept: list[tuple[int, str]], template: frozenset[str], fitted: dict,
                note: str, removed: list[dict], title: str | None) -> list[tuple[int, str]]:
    """The kept lines without those the line model reads as furniture, each removal listed (with its
    probability) in ``removed``."""
    held = {no - 1 for no, x in kept if x.strip()}
    gone = {i for i, s in enumerate(text_lines) if s.strip() and i not in held}
    hits = linemodel.furniture_lines(text_lines, held, gone, template, fitted, title)
    for i, p in hits.items():
        removed.append({"line": i + 1, "removed": text_lines[i].strip(), "rule": f"{note} (p {p:.2f})",
                        "rule_id": "line-model"})
    return [(no, x) for no, x in kept if no - 1 not in hits]
