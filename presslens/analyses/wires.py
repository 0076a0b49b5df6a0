"""Where an article says (or lets slip) its text came from: wire credits, outside-source tells, own copy.

:func:`sources` reads every article's ``derived_from``, byline, URL and text (furniture included: a
photo credit is furniture) and returns one row per article and source it names:

- *credit*: the article says the source is its source: ``derived_from``, a byline, or a credit form
  in the text ("LONDON (Reuters) -", "(AFP)", "- Kyodo", "By The Associated Press", "Reuters
  reported", "Reporting by ...; Editing by ..."). Each credit row has its *reach*: ``article`` (a byline, a dateline,
  a sign-off, a credit line, ``derived_from`` naming a source the text credits nowhere) or ``sentence``
  ("according to X", "X reported": the source of one fact; ``at`` holds the credit's words, and
  ``derived_from`` takes the reach of the text's own credits to the same source);
- *tell*: a name-drop its source's reporter left in the copy ("told Reuters", "did not respond to
  the Harbour Times's request for comment", "seen by Reuters"): evidence of where the text came from,
  never a credit. A tell naming an outlet that is neither the article's own outlet nor credited
  is a likely uncredited source (one outside the corpus when no article of that outlet is in it);
- *photo*: a photo credit ("(AP Photo/...)", ".../AFP"): the outlet is the agency's client, no
  evidence about the text;
- *own text*: the article is captured from the agency's own site, or its outlet is the agency.

Agencies and their credit forms are in ``presslens/data/wire_agencies.yaml`` (versioned, with
sources). A source is a *wire* when it is an agency of that file, or one the story's articles reveal
by an agency's marks (a dateline, a sign-off, an organisation's byline or credit, an outlet named as an
agency: :mod:`presslens.analyses.agencies`). Outlet names are matched loosely
(case, a leading "the", punctuation; story.yaml actors' aliases count): :func:`same_source`.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlparse

import pandas as pd

from presslens import paths
from presslens.engine import perarticle
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.story.yamlio import parse_yaml
from . import agencies as marks_of_agencies
from .agencies import WEAK
from .credit_forms import ARTICLE, CREDITS, FACT_FORMS, NOT_STAFF, OUTLET_WORD, OUTSIDE, PICTURE, SENTENCE, SIGNOFF  # noqa: F401

SOURCE_COLS = ["article", "outlet", "source", "wire", "kind", "where", "evidence", "reach", "at"]
KINDS = ("own text", "credit", "tell", "photo")
NAME = r"(?:[Tt]he\s+)?(?:{names})"
FEW = r"(?:[a-z][\w’'-]*\s+){0,3}"  # a form's {few}: up to three lower-case words before a name


@functools.lru_cache(maxsize=1)
def agencies() -> dict:
    """The wire-agency file as loaded: ``{"version", "sources", "agencies", "forms"}``."""
    return parse_yaml((paths.PACKAGE_DATA / "wire_agencies.yaml").read_text(encoding="utf-8"))


def norm(name) -> str:
    """An outlet or source name as compared: case, a leading "the" and punctuation ignored."""
    s = re.sub(r"^the\s+", "", str(name).casefold().strip())
    return re.sub(r"[^\w]+", "", s)


@functools.lru_cache(maxsize=1)
def _agency_keys() -> dict[str, str]:
    out: dict[str, str] = {}
    for a in agencies()["agencies"]:
        for n in [a["id"], a["name"], *a["names"]]:
            out.setdefault(norm(n), a["id"])
    return out


def wire_of(name) -> str | None:
    """The agency id a name stands for ("The Associated Press" -> "AP"), None when it is no agency."""
    return _agency_keys().get(norm(name))


def name_forms(story: Story) -> dict[str, set[str]]:
    """Normalised name -> every normalised form of the same source (story.yaml actors' aliases count:
    a credit to "South China Morning Post" matches the outlet "SCMP"; an agency's names count too)."""
    out: dict[str, set[str]] = {}
    groups = [{norm(f) for f in a.forms} for a in story.actors]
    groups += [{norm(n) for n in [a["id"], a["name"], *a["names"]]} for a in agencies()["agencies"]]
    for forms in groups:
        for f in forms:
            out.setdefault(f, set()).update(forms)
    return out


def same_source(x, y, forms: dict[str, set[str]]) -> bool:
    """Whether two names are one source (loosely: see :func:`norm`; aliases through ``forms``)."""
    a, b = norm(x), norm(y)
    return bool(a) and (a == b or b in forms.get(a, ()))


@functools.lru_cache(maxsize=1)
def _form_patterns() -> list[tuple[str | None, str, re.Pattern, str]]:
    """(agency id or None, kind, compiled pattern, reach) for every form of the data file: one pattern per form,
    every agency's names in one alternation (group ``name``: :func:`wire_of` says whose)."""
    out = []
    names = sorted({re.sub(r"^[Tt]he\s+", "", n) for a in agencies()["agencies"] for n in a["names"]},
                   key=len, reverse=True)
    name = "(?P<name>" + NAME.format(names="|".join(re.escape(n) for n in names)) + ")"
    for f in agencies()["forms"]:
        form = f["form"]
        if "{name}" not in form:
            # a form naming its agency ("Reporting by", Reuters' closer) names nobody's staff: "Reporting by X staff" credits X
            out.append((f["agency"], f["kind"], re.compile(r"(?<![\w])" + _form_rx(form, "") + NOT_STAFF), ARTICLE))
            continue
        rx = ((r"(?<![\w])" if form.startswith("{name}") else "") + _form_rx(form, name)
              + (r"(?![\w])" if form.endswith("{name}") else ""))
        out.append((None, f["kind"], re.compile(rx), SENTENCE if form in FACT_FORMS else ARTICLE))
    return out


def form_patterns() -> list[tuple[str | None, str, re.Pattern, str]]:
    """The compiled credit forms of the data file, one per form in its order (see :func:`_form_patterns`)."""
    return _form_patterns()


def _form_rx(form: str, name: str) -> str:
    parts = []
    for tok in re.split(r"(\{name\}|\{few\}|\s+|-)", form):
        if tok == "{name}":
            parts.append(name)
        elif tok == "{few}":  # up to three lower-case words ("the local"), each with the space after it
            parts.append(FEW)
        elif tok and tok.isspace() and parts and parts[-1] == FEW:
            continue
        elif tok == "-":
            parts.append(r"(?:-{1,2}|–|—)")
        elif tok and tok.isspace():
            parts.append(r"\s*" if parts and parts[-1] in ("\\(", r"(?:-{1,2}|–|—)") else r"\s+")
        elif tok:
            parts.append(re.escape(tok))
    return "".join(parts).replace(r"\s+(?:-{1,2}|–|—)", r"\s*(?:-{1,2}|–|—)")


WINDOW = 90  # characters either side of a trigger or an agency's name that a form is looked for in


@functools.lru_cache(maxsize=1)
def _first_words() -> tuple[frozenset, tuple[str, ...]]:
    """The first word of every agency name and of the forms that name none ("Reporting by"), and the
    names in other scripts (found by plain search): a text without them holds no agency credit."""
    names = {re.sub(r"^[Tt]he\s+", "", n) for a in agencies()["agencies"] for n in a["names"]}
    names |= {f["form"] for f in agencies()["forms"] if "{name}" not in f["form"]}
    latin = {n.split()[0] for n in names if n.isascii()}
    return frozenset(latin), tuple(sorted(n for n in names if not n.isascii()))


def _windows(text: str, hits) -> list[str]:
    """The stretches of ``text`` around each (start, end) of ``hits`` (overlapping ones merged)."""
    spans: list[list[int]] = []
    for a, b in sorted(hits):
        a, b = max(0, a - WINDOW), min(len(text), b + WINDOW)
        if spans and a <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    return [text[a:b] for a, b in spans]


def _find_all(text: str, words, whole: bool) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of each of ``words`` (plain search: fast), whole words only if ``whole``."""
    hits = []
    for n in words:
        i = text.find(n)
        while i >= 0:
            j = i + len(n)
            if not whole or ((i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum())):
                hits.append((i, j))
            i = text.find(n, j)
    return hits


PUNCT = "()[]{}<>\"'“”‘’.,;:!?-–—/|*_"


def _agency_hits(text: str, words: set[str]) -> list[tuple[int, int]]:
    latin, other = _first_words()
    return _find_all(text, latin & words, True) + _find_all(text, [n for n in other if n in text], False)


def host_of(url) -> str:
    if not isinstance(url, str) or not url:
        return ""
    h = urlparse(url).netloc.casefold()
    return h[4:] if h.startswith("www.") else h


def _excerpt(text: str, m: re.Match, width: int = 60) -> str:
    a, b = max(0, m.start() - width), min(len(text), m.end() + width)
    return ("…" if a else "") + " ".join(text[a:b].split()) + ("…" if b < len(text) else "")


def scan(outlet: str, url, derived_from, byline, text: str) -> list[dict]:
    """What ONE article names, before the story's outlets are known: ``{"source", "kind", "where",
    "evidence", "names"}`` in the order found. ``source`` is set for what stands alone (an agency's
    own site, a credit form naming an agency, derived_from, a byline); ``names`` (longest first) for
    what counts only when it names an outlet (a tell, a picture credit, an outlet credited in the
    text), which :func:`resolve` settles against the story. Cached per article (:func:`sources`)."""
    hits: list[dict] = []

    def hit(source, kind: str, where: str, evidence: str, names: tuple = (), reach: str = ARTICLE, m=None) -> None:
        hits.append({"source": source, "kind": kind, "where": where, "evidence": evidence, "names": names,
                     "reach": reach, "at": " ".join(m.group(0).split()) if m is not None and reach == SENTENCE else None})

    host = host_of(url)
    for h, agency in _agency_hosts():
        if host and (host == h or host.endswith("." + h)):
            hit(agency, "own text", "url", f"captured from {host}, the agency's own site")
    if wire_of(outlet):
        hit(outlet, "own text", "outlet", f"the outlet is the agency {wire_of(outlet)}")
    for c in derived_from or ():
        hit(str(c), "credit", "derived_from", f"derived_from: {c}", (), None)  # its reach: the text's credits to it
    if isinstance(byline, str) and byline.strip():
        for part in re.split(r"\s*(?:,|;|\band\b|/|\|)\s*", byline):
            if wire_of(part):
                hit(part, "credit", "byline", f"byline: {byline}")
    text = text or ""
    words = {w.strip(PUNCT) for w in text.split()}  # a set of the text's words: most texts name no agency
    words |= {p for w in list(words) if "/" in w for p in w.split("/")}  # "Doe/AFP"
    for window in _windows(text, _agency_hits(text, words)):  # forms are tried only around an agency's name
        for agency, kind, rx, reach in _form_patterns():
            for m in rx.finditer(window):
                hit(agency or wire_of(m.group("name")) or m.group("name"), kind, "text", _excerpt(window, m), (), reach, m)
    for keys, trigger, rx in OUTSIDE:
        if not any(k in words for k in keys):  # most texts hold no trigger word at all
            continue
        for m in (m for w in _windows(text, [t.span() for t in trigger.finditer(text)]) for m in rx.finditer(w)):
            name = re.sub(r"^[Tt]he\s+", "", re.sub(r"(?:’s|'s|’|')$", "", m.group(1)).strip())
            hit(None, "tell", "outside", _excerpt(m.string, m), (name,))
    for keys, trigger, rx, after, reach in CREDITS:
        if not any(k in words for k in keys):
            continue
        for m in (m for w in _windows(text, [t.span() for t in trigger.finditer(text)]) for m in rx.finditer(w)):
            cuts = _name_cuts(m.group(1), after)
            agency = next((wire_of(c) for c in cuts if wire_of(c)), None) if rx is SIGNOFF else None
            hit(agency, "credit", "text", _excerpt(m.string, m), () if agency else cuts, reach, m)  # "Reuters staff": Reuters
    picture = _find_all(text, {"Image", "Photo", "Picture", "Video"} & words, True)
    for m in (m for w in _windows(text, picture) for m in PICTURE.finditer(w)):
        hit(None, "photo", "text", _excerpt(m.string, m), (m.group(1),))
    for mk in marks_of_agencies.marks(text, byline):  # an agency's marks, whatever it is called
        hit(None, "credit", "byline" if mk["evidence"].startswith("byline:") else "text", mk["evidence"], (mk["name"],),
            SENTENCE if mk["form"] == marks_of_agencies.DESCRIBED else ARTICLE)
        hits[-1]["at"] = " ".join(mk["name"].split()) if mk["form"] == marks_of_agencies.DESCRIBED else None
        hits[-1]["mark"] = mk
    return hits


def _name_cuts(name: str, after: bool) -> tuple[str, ...]:
    """The names a capture may stand for, longest first: its first words when the name follows the
    trigger ("according to the Harbour Times on Monday"), its last words when it comes before
    ("In Paris the Harbour Times reported")."""
    ws = re.sub(r"^[Tt]he\s+", "", name.strip()).split()
    cuts = [ws[:k] if after else ws[len(ws) - k:] for k in range(len(ws), 0, -1)]
    return tuple(" ".join(c) for c in cuts)


def resolve(hits: list[dict], outlet: str, known: dict[str, str], found: dict[str, str] | None = None) -> list[dict]:
    """The sources rows of one article from its :func:`scan` hits and the story's ``known`` outlets
    (normalised name -> display name): a tell counts when it names an agency, a known outlet or
    something called like an outlet; a picture credit or a credit in the text when it names a known
    outlet or an agency ``found`` from its marks (:func:`presslens.analyses.agencies.infer`: key ->
    name), never the article's own; the first of a source and kind is kept."""
    found = found or {}
    rows: list[dict] = []
    seen: dict[tuple[str, str], dict] = {}
    own = norm(outlet)
    for h in hits:
        source, kind = h["source"], h["kind"]
        if source is None:
            for name in h["names"]:
                key = norm(name)
                if not key or key == own or (kind == "tell" and len(key) >= 4 and own.endswith(key)):
                    continue  # the outlet itself ("told the Post" in the New York Post)
                if kind == "tell" and (wire_of(name) or key in known or OUTLET_WORD.search(name)):
                    source = known.get(key, name)
                elif kind in ("photo", "credit") and key in known and not wire_of(name):
                    source = known[key]
                elif kind == "credit" and not wire_of(name) and marks_of_agencies.key(name) in found:
                    source = found[marks_of_agencies.key(name)]
                elif kind == "credit" and wire_of(name) and h.get("mark", {}).get("form") not in (None, *WEAK):
                    source = name  # a listed agency in a form the list does not spell: "(with AFP)"
                if source is not None:
                    break
            if source is None:
                continue
        if not wire_of(source) and marks_of_agencies.key(source) in found:
            source = found[marks_of_agencies.key(source)]  # one agency under one name ("Kelp News Agency": "Kelp")
        wire = wire_of(source) or (source if marks_of_agencies.key(source) in found else None)
        k = (wire or norm(source), kind)
        if not norm(source):
            continue
        reach, at = h.get("reach", ARTICLE), (h["at"],) if h.get("at") else ()
        if k in seen:  # one row per source and kind: its reach the widest of its credits, every sentence one kept
            row = seen[k]
            row["reach"] = ARTICLE if ARTICLE in (row["reach"], reach) else (row["reach"] or reach)
            row["at"] = () if row["reach"] == ARTICLE else row["at"] + at
            continue
        seen[k] = {"outlet": outlet, "source": wire or source, "wire": wire is not None, "kind": kind,
                   "where": "text" if h["where"] == "outside" else h["where"], "evidence": h["evidence"],
                   "reach": reach, "at": at if reach == SENTENCE else ()}
        rows.append(seen[k])
    for row in rows:  # derived_from naming a source the text credits nowhere: the whole article's
        row["reach"] = row["reach"] or ARTICLE
    return rows


def article_sources(outlet: str, url, derived_from, byline, text: str, known: dict[str, str]) -> list[dict]:
    """The sources ONE article names (see the module docstring), without the article column.
    ``known``: normalised name -> display name of outlets an outside-source tell may name. Agencies
    are recognised from this article's marks alone (:func:`found_agencies` on a story of one)."""
    hits = scan(outlet, url, derived_from, byline, text)
    found = found_agencies({"a": hits}, {"a": outlet}, set())
    return own_rows({"a": outlet}, found)["a"] + resolve(hits, outlet, known, found)


def found_agencies(hits_of: dict[str, list[dict]], outlet_of: dict[str, str], parties: set[str]) -> dict[str, str]:
    """The agencies a story's articles reveal by their marks (:func:`presslens.analyses.agencies.infer`),
    listed ones left out (they are known already), and never a photo agency of the list: key -> name."""
    marks = {a: [h["mark"] for h in hs if h.get("mark")] for a, hs in hits_of.items()}
    photo = {marks_of_agencies.key(n) for n in agencies().get("photo_agencies", {}).get("names", [])}
    found = marks_of_agencies.infer(marks, outlet_of, parties | photo)  # a picture agency signs no text
    return {k: v for k, v in found.items() if not wire_of(v)}


def own_rows(outlet_of: dict[str, str], found: dict[str, str]) -> dict[str, list[dict]]:
    """Article -> its "own text" row when its outlet is an agency found from the marks, else []."""
    out = {}
    for a, o in outlet_of.items():
        k = marks_of_agencies.key(o)
        out[a] = ([{"outlet": o, "source": found[k], "wire": True, "kind": "own text", "where": "outlet",
                    "evidence": f"the outlet is a news agency (recognised by its marks or name: {found[k]})",
                    "reach": ARTICLE, "at": ()}]
                  if k in found and not wire_of(o) else [])
    return out


@functools.lru_cache(maxsize=1)
def _agency_hosts() -> tuple[tuple[str, str], ...]:
    return tuple((h, a["id"]) for a in agencies()["agencies"] for h in a.get("hosts") or ())


def known_outlets(story: Story) -> dict[str, str]:
    """Normalised name -> display name of every outlet of the story and every source an article's
    derived_from names, with the story's actors' aliases of them ("SCMP" for South China Morning Post)."""
    arts = story.articles
    known = {norm(o): o for o in arts["outlet"]}
    for cs in arts["derived_from"]:
        for c in cs or ():
            known.setdefault(norm(c), str(c))
    for act in story.actors:
        forms = [norm(f) for f in act.forms]
        hit = next((known[f] for f in forms if f in known), None)
        if hit is not None:
            for f in forms:
                known.setdefault(f, hit)
    return known


@story_table  # a warm run reads one table, not one cached scan per article
def sources(story: Story) -> pd.DataFrame:
    """One row per article and source it names: article, outlet, source (an agency id or an outlet
    name), wire (bool), kind (own text / credit / tell / photo), where, evidence. The scan of each
    article is cached with the article (:func:`presslens.engine.perarticle.by_article`): only the
    settling against the story's outlets runs story-wide."""
    arts = story.articles
    known = known_outlets(story)
    rows_of = {a.id: (a.outlet, a.url, a.derived_from, getattr(a, "byline", None), a.text)
               for a in arts.itertuples(index=False)}
    per = perarticle.by_article(story, "wire-sources", "", lambda ids: {i: scan(*rows_of[i]) for i in ids},
                                fields=("url", "derived_from", "byline"))
    outlet_of = {aid: v[0] for aid, v in rows_of.items()}
    parties = {marks_of_agencies.key(f) for act in story.actors
               if str(act.kind or "").casefold() not in marks_of_agencies.MEDIA_KINDS for f in act.forms}
    found = found_agencies(per, outlet_of, parties)
    own = own_rows(outlet_of, found)
    rows = []
    for aid, outlet in outlet_of.items():
        for r in own[aid] + resolve(per[aid], outlet, known, found):
            rows.append({"article": aid, **r})
    return pd.DataFrame(rows, columns=SOURCE_COLS)
