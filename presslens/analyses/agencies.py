"""A news agency recognised without a list of names, from what a reader goes by.

The agencies of ``presslens/data/wire_agencies.yaml`` are only the best known; a story's coverage
is full of others (national agencies, syndication services) and a list can never be complete. A
reader recognises agency copy by its marks, whatever the agency is called:

- a **dateline** naming the agency: ``PORT SELBY (Bay Press) —``, ``PORT SELBY, May 6 (Bay Press) --``;
- a **sign-off** closing a paragraph: ``... the council said. (Bay Press)``, ``(Bay Press/Kelp News)``,
  ``... said. — Bay Press``;
- a **byline or credit naming an organisation** rather than a person: ``By Bay Press`` (an acronym, or a
  name with an organisation word: News, Agency, Press, Service, Wire...), ``Jane Roe with BPA``,
  ``(with BPA)``, ``BPA contributed to this report``, ``Copyright 2024 Bay Press``;
- a name the **text calls a news agency**: ``the state news agency Kelp``, ``the BPA news agency``;
- an outlet whose **name says it is an agency** (``Bay News Agency``, ``Agence ...``): its articles are
  the agency's own copy;
- (a shape, no name) a text that **opens with a dateline** naming no one: ``PORT SELBY —``, ``Port Selby, May 6 —``,
  ``port selby, May 6`` on a line of its own: the house style of wire copy (:func:`dateline_opening`), which a
  pickup keeps when it drops the credit; evidence of wire copy for the verdicts, never an agency's name;
- a source **many outlets credit** and carry near-verbatim: :data:`MANY` or more outlets credit it and
  their texts share narration (read by :mod:`presslens.analyses.verdicts`, which has the text evidence).

:func:`marks` reads ONE article (its text and byline); :func:`infer` settles, story-wide, which names
are agencies: one with a dateline or a sign-off in another outlet's article, one an
organisation-shaped byline or credit names. A person's name (two or three capitalised words, no organisation
word) is never an agency, nor a desk ("Staff", "Web Desk"), nor a picture credit ("Photo", "File").
"""
from __future__ import annotations

import re

MEDIA_KINDS = ("media", "outlet", "news", "newspaper", "broadcaster", "wire", "news agency")  # story.yaml actor kinds
MANY = 3  # distinct outlets crediting one source, and sharing its text, that make it a wire (verdicts reads it)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
ORG_WORDS = frozenset("""news agency agence agencia agenzia agentur press presse service services wire newswire
media network broadcasting broadcaster television radio""".split())
DESK_WORDS = frozenset("""staff desk team correspondent correspondents reporter reporters editor editors editorial admin
bureau writer writers web online our digital newsroom report reports contributor contributors""".split())
NOT_NAMES = frozenset("""photo photos video videos file image images audio graphic graphics updated update opinion
listen watch advertisement sponsored illustration courtesy subscribe related more sic ad ads live exclusive breaking
analysis explainer factbox podcast gallery interview editorial feature timeline correction translated translation
edited end ends enditem""".split())  # furniture and editorial labels a page puts in parentheses or after a dash
# an outlet whose own name says it is an agency (its articles are the agency's copy)
AGENCY_NAME = re.compile(r"\b(?:News\s+Agency|Press\s+Agency|Agency|Agence|Agencia|Agenzia|Presse-?Agentur|"
                         r"Press\s+Association|Press\s+Trust|News\s+Service|Telegraph\s+Agency)\b")
NAME = r"[A-Z][\w&'’.-]+(?:\s+(?:of\s+|de\s+)?[A-Z][\w&'’.-]*){0,4}"
NAMES = rf"{NAME}(?:\s*/\s*{NAME})*"
# a name written in a sentence ("... according to the state news agency Kelp. The council ..."): its words on one line,
# a full stop after its last word ending the sentence, not the name (NAME would run on into the next sentence)
INLINE_NAME = r"[A-Z][\w&'’-]+(?:\.[\w&'’-]+)*(?:[ \t]+(?:of[ \t]+|de[ \t]+)?[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*){0,4}"
DASH = r"(?:-{1,2}|–|—)"
MONTH = (r"(?:(?:" + "|".join(MONTHS) + r")[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:" + "|".join(MONTHS) + r")[a-z]*\.?)"
         r"(?:,?\s+\d{4})?")
PLACE = r"[A-Z][\w'’.-]*(?:[ \t]+(?:de[ \t]+)?[A-Z][\w'’.-]*){0,3}"
FORMS = [  # (form, pattern with group "names" (and "pre", words before a dateline), strong: a mark only agencies make)
    ("dateline", re.compile(rf"(?m)^[ \t]*(?P<pre>(?:{PLACE}[ \t]*,[ \t]*)*(?:{PLACE}|{MONTH})(?:[ \t]*,[ \t]*{MONTH})?)"
                            rf"[ \t]*\((?P<names>{NAMES})\)[ \t]*(?:{DASH}|:)"), True),
    # a sign-off closes a paragraph after its last sentence, or stands on the text's last line: a line of
    # its own elsewhere is a bullet ("- NAME") or a picture credit ("(NAME)"), never an agency by itself
    ("sign-off", re.compile(rf"(?m)[.!?\"”’][ \t]*\((?P<names>{NAMES})\)[ \t]*$"), True),
    ("sign-off", re.compile(rf"(?:\A|\n)[ \t]*\((?P<names>{NAMES})\)\s*\Z"), True),
    ("sign-off", re.compile(rf"(?m)[.!?\"”’][ \t]*{DASH}[ \t]*(?P<names>{NAMES})[ \t]*$"), False),
    ("sign-off", re.compile(rf"(?:\A|\n)[ \t]*{DASH}[ \t]*(?P<names>{NAMES})\s*\Z"), False),
    ("caption", re.compile(rf"(?m)^[ \t]*\((?P<names>{NAMES})\)[ \t]*$"), False),
    # a byline line, its people and organisations one by one, up to a date or a separator ("By Kelp | Published ...")
    ("byline", re.compile(r"(?m)^[ \t]*By[ \t]+(?P<names>[^\n|•·]+?)[ \t]*(?:$|[|•·]|\b(?:Published|Updated|Posted)\b)"),
     False),
    ("with", re.compile(rf"\((?:[Ww]ith|[Ww]ith reporting by)[ \t]+(?P<names>{NAMES})\)"), False),
    ("contributed", re.compile(rf"(?:^|[.!?\"”’(]|{DASH})[ \t]*(?P<names>{NAMES})[ \t]+contributed\b", re.M), False),
    ("copyright", re.compile(rf"(?:Copyright|©)[ \t]*(?:\([Cc]\)[ \t]*)?(?:\d{{4}}[ \t]*)?(?P<names>{NAMES})"), False),
    ("source line", re.compile(rf"(?m)^[ \t]*\(?Source:[ \t]*(?P<names>{NAMES})\)?[ \t]*$"), False),
    # a name the text itself calls a news agency: "the state news agency Kelp", "the BPA news agency"
    # (an acronym before the words: "the Iranian news agency" is an adjective, no name)
    ("described", re.compile(rf"\bnews[ \t]+agency[ \t]+(?P<names>{INLINE_NAME})"), False),  # lower case: no name of its own
    ("described", re.compile(r"\b(?P<names>[A-Z][A-Z0-9&]{1,6})[ \t]+news[ \t]+agency\b"), False),
]
DESCRIBED = "described"  # the name is an organisation by the text's own word, whatever its shape
WEAK = ("copyright", "source line", "caption")  # an outlet's own parent company signs these too: a credit, never an agency by itself
SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\||\bwith\b)\s*")  # a byline's people and organisations
BYLINE_WITH = re.compile(rf"\bwith[ \t]+(?P<names>{NAMES})\s*$")


def _clean(name: str) -> str:
    name = re.sub(r"^[Tt]he\s+", "", name.strip(" .,;:'’\"”"))
    return re.sub(r"(?:’s|'s)$", "", name)


def is_person(name: str) -> bool:
    """Two to four capitalised words (or all in capitals), no organisation word, no acronym among
    lower-case words: how a person's name looks."""
    ws = _clean(name).split()
    return (2 <= len(ws) <= 4 and all(w[:1].isupper() for w in ws)
            and not any(w.casefold() in ORG_WORDS for w in ws)
            and (all(w.isupper() for w in ws) or not any(_acronym(w) for w in ws)))  # "JANE ROE" as bylines print it


def _acronym(w: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&-]{1,6}", w)) and not w.isdigit()


def is_desk(name: str) -> bool:
    """A desk or the outlet's own staff ("Staff", "Web Desk", "Our Correspondent"), or a picture credit word."""
    ws = {w.casefold().strip(".,") for w in _clean(name).split()}
    return bool(ws & DESK_WORDS) or bool(ws & NOT_NAMES) or not ws


def org_shaped(name: str) -> bool:
    """An organisation's name rather than a person's: an acronym (``BPA``) or a name with an organisation
    word (``Bay News``, ``Kelp Press Agency``)."""
    ws = _clean(name).split()
    if not ws or is_desk(name):
        return False
    return (len(ws) == 1 and _acronym(ws[0])) or any(w.casefold() in ORG_WORDS for w in ws)


def _initials_of(name: str, before: str) -> bool:
    """Whether ``name`` is the initials of the words before it ("Harbour Port Authority (HPA) -"): an abbreviation."""
    caps = "".join(w[0] for w in before.split() if w[:1].isupper())
    n = name.replace(".", "")
    return len(n) >= 2 and n.isupper() and caps.endswith(n)


def _after_person(part: str) -> str:
    """A byline part without the person's name in capitals printed before it: "JANE ROE Bay Press" -> "Bay Press"."""
    ws = part.split()
    k = 0
    while k < len(ws) and len(ws[k]) > 1 and ws[k].isupper() and ws[k].isalpha():
        k += 1
    return " ".join(ws[k:]) if 2 <= k <= 3 and k < len(ws) else part


def _names(group: str) -> list[str]:
    out = []
    for part in re.split(r"\s*/\s*", group):
        part = _clean(part)
        if part and not part[0].isdigit() and not part.split()[0].rstrip(".") in MONTHS and not is_desk(part):
            out.append(part)
    return out


def marks(text: str, byline=None) -> list[dict]:
    """The agency marks of ONE article: ``{"name", "form", "strong", "person", "org", "evidence"}`` in
    the order found. ``strong``: a dateline or a parenthesised sign-off (only agencies sign so); ``org``:
    the name is organisation-shaped (:func:`org_shaped`); ``person``: it looks like a person's name,
    kept because it may name an outlet of the story ("with Harbour Times"), never an agency. A person
    next to an organisation ("(Jane Roe/Bay Press)") is a picture or reporter credit: left out."""
    out: list[dict] = []
    text = text or ""
    for form, rx, strong in FORMS:
        for m in rx.finditer(text):
            parts = (_names(m.group("names")) if form != "byline" else
                     [n for part in SPLIT.split(m.group("names")) if re.fullmatch(NAMES, part.strip())
                      for n in _names(_after_person(part))])
            if form == "dateline" and len(parts) == 1 and _initials_of(parts[0], m.group("pre")):
                continue
            if form != "byline" and len(parts) > 1 and any(is_person(n) for n in parts):
                continue  # "(Jane Roe/Bay Press)": a photographer's or reporter's credit, not a sign-off
            for name in parts:
                ev = " ".join(text[max(0, m.start() - 40):m.end() + 40].split())
                person = is_person(name)  # kept: it may name an outlet of the story ("with Harbour Times")
                out.append({"name": name, "form": form, "strong": strong and not person, "person": person,
                            "org": (org_shaped(name) or form == DESCRIBED) and form not in WEAK, "evidence": ev})
    if isinstance(byline, str) and byline.strip():
        w = BYLINE_WITH.search(byline)
        rest = byline[:w.start()] if w else byline
        cands = ([(n, "with") for n in _names(w.group("names"))] if w else []) + [
            (_clean(_after_person(part)), "byline") for part in SPLIT.split(rest)]
        for name, form in cands:
            if name and not is_person(name) and not is_desk(name) and len(name.split()) <= 5:
                out.append({"name": name, "form": form, "strong": False, "person": False, "org": org_shaped(name),
                            "evidence": f"byline: {byline}"})
    return out


def key(name) -> str:
    """A name as agencies are compared: case, punctuation, a leading "the" and a trailing "News Agency",
    "Agency" or "News Service" ignored (``Kelp News Agency`` and ``Kelp`` are one agency)."""
    s = re.sub(r"^the\s+", "", str(name).casefold().strip())
    s = re.sub(r"\s+(?:news\s+agency|press\s+agency|agency|news\s+service)$", "", s)
    return re.sub(r"[^\w]+", "", s)


def infer(marks_of: dict[str, list[dict]], outlet_of: dict[str, str], not_agencies: set[str]) -> dict[str, str]:
    """Agency key -> display name, for a whole story (see the module docstring).

    ``marks_of``: article -> :func:`marks`; ``outlet_of``: article -> outlet; ``not_agencies``: keys of
    names that are no agency whatever their marks (the story's parties, picture agencies)."""
    found: dict[str, str] = {}
    for o in outlet_of.values():
        if AGENCY_NAME.search(str(o)):
            found.setdefault(key(o), str(o))
    for a, ms in marks_of.items():
        own = key(outlet_of.get(a, ""))
        for m in ms:
            k = key(m["name"])
            if k and k != own and k not in not_agencies and not m["person"] and (m["strong"] or m["org"]):
                found.setdefault(k, m["name"])  # an outlet signing its own name says nothing about agencies
    return found


# ---- a dateline that names no one (:func:`dateline_opening`) -------------------------------------------------------
_DAY_WORDS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_ANY_PLACE = r"(?!(?i:" + _DAY_WORDS + r")\b)[A-Za-z][\w'’.-]*(?:[ \t]+[A-Za-z][\w'’.-]*){0,3}"
_CAPS_PLACE = r"[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3}"
# a word that opens a sentence before a dash is no place ("Meanwhile – the council ...")
_OPENERS = r"(?:Meanwhile|However|Today|Yesterday|Tonight|Now|Also|And|But|So|Then|Still|Finally|Earlier|Later|Here|There)"
_TITLE_PLACE = r"(?!(?:" + _DAY_WORDS + "|" + _OPENERS + r")\b)[A-Z][a-z'’.-]+(?:[ \t]+[A-Z][a-z'’.-]+){0,2}"
_REGION = r"(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})?"
_SIGNED = r"(?:\([^)\n]{1,30}\)[ \t]*)?"
DATELINE_OPENING = re.compile(
    r"^(?:date\s+\d{4}-\d\d-\d\d\s+)?(?:"
    # "Port Selby, May 6 —", "PORT SELBY, Harbourshire, May 6:", "port selby, May 6" alone on its line
    rf"(?P<dated>{_ANY_PLACE}{_REGION},[ \t]*{MONTH})[ \t]*{_SIGNED}(?:{DASH}[ \t]+|:[ \t]+|[ \t]*\n)"
    # "PORT SELBY —", "PORT SELBY, Harbourshire -": a place in capitals, then a dash
    rf"|(?P<caps>{_CAPS_PLACE}{_REGION})[ \t]*{_SIGNED}(?:—|–|--|[ \t]-)[ \t]+(?=\S)"
    # "Port Selby – The council ...": a place, a spaced long dash, a capital
    rf"|(?P<title>{_TITLE_PLACE}{_REGION})[ \t]+(?:—|–)[ \t]+(?=[A-Z]))")


def dateline_opening(text: str, title_case: bool = True) -> str | None:
    """The dateline a text opens with when it names no one (``PORT SELBY —``, ``Port Selby, May 6 —``; a
    ``(Name)`` in it is an agency's credit, read by :func:`marks`), else None. Wire copy opens so; a pickup
    that drops the credit keeps it. A word a page puts before a dash (``UPDATE —``, ``WATCH -``) is no place.
    ``title_case``: a place in title case before a long dash counts (``Port Selby – The ...``); not on a page as
    captured, whose first line may be a headline ("Harbour – A bridge too far")."""
    m = DATELINE_OPENING.match((text or "").lstrip()[:300])
    if not m or (m.group("title") and not title_case):
        return None
    place = next(g for g in (m.group("dated"), m.group("caps"), m.group("title")) if g)
    if {w.casefold().strip(".,") for w in place.split()} & (NOT_NAMES | DESK_WORDS):
        return None
    return " ".join(m.group(0)[m.start(next(k for k in ("dated", "caps", "title") if m.group(k))):].split())
