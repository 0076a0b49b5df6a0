"""The story.yaml schema, section by section (title, question, language, actors and renderings,
speakers, claims and their patterns, parties, boilerplate, furniture, lexicon overrides,
intended duplicates): every problem found, with its field and fix.
"""
from __future__ import annotations

import re
from typing import Any

from presslens import data as data_mod, patterns
from .forms import check_forms, check_total
from .languages import language_code, language_problem
from .model import Actor, Claim, Problem, Speaker, show
from .values import check_regex, not_text, text_or_none, type_name
from .yamlio import names_list, str_list, suggest


ARTICLE_FIELDS = {
    "outlet": "the outlet's name as readers know it (required)",
    "title": "the headline as published, or null",
    "url": "where the article was captured, or null",
    "published": ("publication date, ISO YYYY-MM-DD, or a date-time with its time zone's offset "
                  "(2023-12-15T09:30+08:00, Z for UTC), or null when the article does not reveal it"),
    "language": "language code of the text as captured, e.g. en",
    "translated_from": "language code of the original when the text is a translation, else null",
    "derived_from": "list of sources the article itself credits (e.g. [The Verge]), or []",
    "byline": "author or desk as printed, or null",
    "notes": "free text: anything a reader of the data should know",
    "meta": "your own fields, one level deep: meta: {section: business, wordcount: 800} (text, numbers, true/false, null)",
}
REQUIRED_ARTICLE_FIELDS = ("outlet",)
MAX_OUTLET = 200   # characters of an outlet's name; longer is a text pasted in the wrong field
REFERENCE_KINDS = ("wire copy", "press release", "original report", "other")
STORY_FIELDS = {
    "title", "question", "language", "actors", "speakers", "claims", "boilerplate", "lexicon", "notes",
    "furniture", "intended_duplicates", "parties", "outlets_file", "quotes",
}
# story.yaml `quotes: {speakers: ...}`: who a quote's speaker is taken from (presslens.analyses.quotes.parsed)
QUOTE_SPEAKERS = ("rules", "parse-fill")
PARTY_ROLES = ("accused", "accusers")
ACTOR_FIELDS = {"name", "kind", "aliases", "renderings", "notes"}
RENDERING_FIELDS = {"form", "kind", "note"}
SPEAKER_FIELDS = {"name", "affiliation", "role", "aliases", "notes"}
CLAIM_FIELDS = {"id", "text", "patterns", "notes"}
CLAIM_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


# ----------------------------------------------------------------------------------------------
# story.yaml

def parse_story_yaml(data: Any, rel: str, problems: list[Problem]) -> dict:
    out: dict = {"title": "", "question": "", "language": "en", "actors": [], "speakers": [], "claims": [],
                 "boilerplate": [], "lexicon": {}, "furniture": None, "intended_duplicates": (),
                 "parties": {}, "outlets_file": None, "quote_speakers": "rules"}
    if data is None:
        problems.append(Problem(rel, "", "is empty", "describe the story: title, question, actors, claims (see `presslens new`)"))
        return out
    if not isinstance(data, dict):
        problems.append(Problem(rel, "", "must be a YAML mapping (key: value)", "start from the template written by `presslens new SLUG`"))
        return out
    for key in data:
        if key not in STORY_FIELDS:
            problems.append(Problem(rel, str(key), "unknown field", suggest(str(key), STORY_FIELDS)))
    text_or_none(data.get("notes"), rel, "notes", problems, "notes: free text")
    for key in ("title", "question"):
        v = data.get(key)
        if v is not None and not isinstance(v, str):
            problems.append(not_text(rel, key, v, f"{key}: \"...\""))
        elif not isinstance(v, str) or not v.strip():
            problems.append(Problem(rel, key, "missing or empty", f"give the story's {key} as text"))
        else:
            out[key] = v.strip()
    if data.get("language") is not None:
        if (wrong := language_problem(rel, "language", data["language"])) is not None:
            problems.append(wrong)
        else:
            out["language"] = language_code(data["language"])

    # actors --------------------------------------------------------------
    owner: dict[str, tuple[str, str]] = {}  # lower-cased form -> (actor, where)

    def claim_form(form: str, who: str, where: str) -> None:
        key = form.casefold()
        if key in owner and owner[key][0] != who:
            problems.append(Problem(rel, where, f"alias {form!r} is claimed by both {owner[key][0]!r} and {who!r}",
                                    "keep the alias under one actor only (or one speaker only)"))
        else:
            owner.setdefault(key, (who, where))

    actors = data.get("actors") or []
    if not isinstance(actors, list):
        problems.append(Problem(rel, "actors", "must be a list", "write actors as a list of '- name: ...' entries"))
        actors = []
    names: set[str] = set()
    for i, a in enumerate(actors):
        where = f"actors[{i}]"
        if isinstance(a, dict) and a.get("name") is not None and not isinstance(a["name"], str):
            problems.append(not_text(rel, f"{where}.name", a["name"], "name: CanonicalName"))
            continue
        if not isinstance(a, dict) or not isinstance(a.get("name"), str) or not a["name"].strip():
            problems.append(Problem(rel, where, "an actor needs a name", "write '- name: CanonicalName'"))
            continue
        for key in a:
            if key not in ACTOR_FIELDS:
                problems.append(Problem(rel, f"{where}.{key}", "unknown field", suggest(str(key), ACTOR_FIELDS)))
        name = a["name"].strip()
        if name in names:
            problems.append(Problem(rel, where, f"actor {name!r} is listed twice", "merge the two entries"))
        names.add(name)
        aliases = names_list(a.get("aliases"), rel, f"{where}.aliases", problems)
        if aliases is None:
            bad = a.get("aliases")
            empty = isinstance(bad, list) and any(isinstance(x, str) and not x.strip() for x in bad)
            problems.append(Problem(rel, f"{where}.aliases", "holds an empty alias" if empty else "must be a list of strings",
                                    "remove the empty entry" if empty else "write aliases: [Name one, Name two]"))
            aliases = []
        text_or_none(a.get("kind"), rel, f"{where}.kind", problems, "kind: company")
        text_or_none(a.get("notes"), rel, f"{where}.notes", problems, "notes: free text")
        raw_renderings = a.get("renderings") or []
        if isinstance(raw_renderings, str):  # one rendering written as text: that rendering, not its letters
            raw_renderings = names_list(raw_renderings, rel, f"{where}.renderings", problems)
        if not isinstance(raw_renderings, list):
            problems.append(Problem(rel, f"{where}.renderings", f"must be a list, got {type_name(raw_renderings)}",
                                    "write renderings: [{form: Beanbao, kind: calque, note: ...}] or [Beanbao]"))
            raw_renderings = []
        renderings = []
        for j, r in enumerate(raw_renderings):
            rw = f"{where}.renderings[{j}]"
            if isinstance(r, str):
                r = {"form": r}
            if not isinstance(r, dict) or not isinstance(r.get("form"), str) or not r["form"].strip():
                problems.append(Problem(rel, rw, "a rendering needs a form", "write '- form: Beanbao' with kind and note"))
                continue
            if not (text_or_none(r.get("kind"), rel, f"{rw}.kind", problems, "kind: calque")
                    and text_or_none(r.get("note"), rel, f"{rw}.note", problems, "note: free text")):
                continue
            for key in r:
                if key not in RENDERING_FIELDS:
                    problems.append(Problem(rel, f"{rw}.{key}", "unknown field", suggest(str(key), RENDERING_FIELDS)))
            renderings.append({"form": r["form"], "kind": r.get("kind"), "note": r.get("note")})
        check_forms(rel, where, name, "actor", out["language"], [("name", name), *(("aliases", x) for x in aliases),
                                                 *(("renderings", r["form"]) for r in renderings)], problems)
        for form in [name, *aliases, *(r["form"] for r in renderings)]:
            claim_form(form, name, where)
        kind = a.get("kind") if isinstance(a.get("kind"), str) else None
        out["actors"].append(Actor(name, kind, tuple(aliases), tuple(renderings)))

    # speakers ------------------------------------------------------------
    speakers = data.get("speakers") or []
    if not isinstance(speakers, list):
        problems.append(Problem(rel, "speakers", "must be a list", "write speakers as a list of '- name: ...' entries"))
        speakers = []
    said: dict[str, int] = {}  # case-folded speaker name -> its first entry
    for i, s in enumerate(speakers):
        where = f"speakers[{i}]"
        if isinstance(s, dict) and s.get("name") is not None and not isinstance(s["name"], str):
            problems.append(not_text(rel, f"{where}.name", s["name"], "name: Full Name"))
            continue
        if not isinstance(s, dict) or not isinstance(s.get("name"), str) or not s["name"].strip():
            problems.append(Problem(rel, where, "a speaker needs a name", "write '- name: Full Name'"))
            continue
        first = said.setdefault(" ".join(s["name"].split()).casefold(), i)
        if first != i:  # quotes would be split between, or credited to, two entries of one person
            problems.append(Problem(rel, f"{where}.name", f"speaker {s['name'].strip()!r} repeats speakers[{first}]",
                                    f"merge the two entries into speakers[{first}] (one name, the aliases of both)"))
        for key in s:
            if key not in SPEAKER_FIELDS:
                problems.append(Problem(rel, f"{where}.{key}", "unknown field", suggest(str(key), SPEAKER_FIELDS)))
        aff = s.get("affiliation")
        if not text_or_none(aff, rel, f"{where}.affiliation", problems, "affiliation: ByteDance (one actor's name)"):
            aff = None
        elif aff is not None and aff not in names:
            problems.append(Problem(rel, f"{where}.affiliation", f"{aff!r} is not one of the story's actors",
                                    f"use an actor's name: {sorted(names)}"))
        aliases = names_list(s.get("aliases"), rel, f"{where}.aliases", problems)
        if aliases is None:
            problems.append(Problem(rel, f"{where}.aliases", "must be a list of strings", "write aliases: [Felix, Niko Felix]"))
            aliases = []
        role = s.get("role") if text_or_none(s.get("role"), rel, f"{where}.role", problems, "role: spokesperson") else None
        text_or_none(s.get("notes"), rel, f"{where}.notes", problems, "notes: free text")
        check_forms(rel, where, s["name"].strip(), "speaker", out["language"],
                     [("name", s["name"].strip()), *(("aliases", x) for x in aliases)], problems)
        for form in [s["name"], *aliases]:
            claim_form(form, s["name"], where)
        out["speakers"].append(Speaker(s["name"].strip(), aff, role, tuple(aliases)))
    check_total(rel, sum(len(a.forms) for a in out["actors"]) + sum(1 + len(s.aliases) for s in out["speakers"]), problems)

    # parties: whose response balance asks for -------------------------------
    parties = data.get("parties")
    fix = "write e.g. parties: {accused: [Example Corp], accusers: [Regulator]} with actor names of this story"
    if parties is not None and not isinstance(parties, dict):
        problems.append(Problem(rel, "parties", "must be a mapping of accused / accusers to actor names", fix))
    for role, who in (parties or {}).items() if isinstance(parties, dict) else ():
        if role not in PARTY_ROLES:
            problems.append(Problem(rel, f"parties.{role}", "unknown field", suggest(str(role), PARTY_ROLES)))
            continue
        who = str_list(who)
        if who is None:
            problems.append(Problem(rel, f"parties.{role}", "must be a list of actor names", fix))
            continue
        if not who:
            problems.append(Problem(rel, f"parties.{role}", "names no actor",
                                    "list at least one actor name, or remove the field"))
        for n in who:
            if n not in names:
                problems.append(Problem(rel, f"parties.{role}", f"{n!r} is not one of the story's actors",
                                        f"use an actor's name: {sorted(names)}"))
        out["parties"][role] = tuple(dict.fromkeys(n for n in who if n in names))
    both = set(out["parties"].get("accused", ())) & set(out["parties"].get("accusers", ()))
    if both:
        problems.append(Problem(rel, "parties", f"{', '.join(sorted(both))} is both accused and accuser",
                                "name each actor on one side only"))

    # claims --------------------------------------------------------------
    claims = data.get("claims") or []
    if not isinstance(claims, list):
        problems.append(Problem(rel, "claims", "must be a list", "write claims as a list of '- id: ...' entries"))
        claims = []
    ids: set[str] = set()
    for i, c in enumerate(claims):
        where = f"claims[{i}]"
        if not isinstance(c, dict):
            problems.append(Problem(rel, where, "a claim must be a mapping", "write '- id: ..., text: ..., patterns: [...]'"))
            continue
        for key in c:
            if key not in CLAIM_FIELDS:
                problems.append(Problem(rel, f"{where}.{key}", "unknown field", suggest(str(key), CLAIM_FIELDS)))
        cid = c.get("id")
        if cid is not None and not isinstance(cid, str):
            problems.append(not_text(rel, f"{where}.id", cid, "id: fined"))
            continue
        elif not isinstance(cid, str) or not CLAIM_ID.match(cid):
            problems.append(Problem(rel, f"{where}.id", f"{show(cid)} is not a valid claim id", "use lower-case letters, digits, - and _"))
            continue
        if cid in ids:
            problems.append(Problem(rel, f"{where}.id", f"claim id {cid!r} is used twice", "give each claim its own id"))
        ids.add(cid)
        if not isinstance(c.get("text"), str) or not c["text"].strip():
            problems.append(Problem(rel, f"{where}.text", "missing" if c.get("text") is None else
                                    f"must be text, got {type_name(c['text'])}", "state the claim in one short sentence"))
        text_or_none(c.get("notes"), rel, f"{where}.notes", problems, "notes: free text")
        pats = c.get("patterns")
        pats = [pats] if isinstance(pats, str) else pats
        if isinstance(pats, list) and pats:  # each entry checked on its own: what is wrong with which one
            good = [p for j, p in enumerate(pats) if check_regex(p, rel, f"{where}.patterns[{j}]", problems)]
        elif pats is None or pats == []:
            problems.append(Problem(rel, f"{where}.patterns", "a claim needs at least one pattern",
                                    "list regular expressions that detect it, e.g. patterns: ['fine[ds]?']"))
            continue
        else:
            problems.append(Problem(rel, f"{where}.patterns", f"must be a list of regular expressions, got "
                                    f"{type_name(pats)} {show(pats, 60)}", "write patterns: ['fine[ds]?', 'penalt(y|ies)']"))
            continue
        for j, p in enumerate(good):
            rx = patterns.compile(p, patterns.IGNORECASE)
            if rx.search("") is not None or any(m.group(0) == "" for m in rx.finditer("Any sentence, at all.")):
                problems.append(Problem(rel, f"{where}.patterns[{pats.index(p)}]", f"{p!r} matches empty text, so every "
                                        "sentence would carry the claim", "give words the claim's sentences contain, "
                                        "e.g. 'recall\\w*' rather than '\\b' or '^'"))
        if len(good) == len(pats):
            out["claims"].append(Claim(cid, str(c.get("text", "")).strip(), tuple(pats)))

    # boilerplate ---------------------------------------------------------
    bp = data.get("boilerplate") or []
    if not isinstance(bp, list):
        problems.append(Problem(rel, "boilerplate", "must be a list", "write boilerplate as a list of '- pattern: ...' entries"))
        bp = []
    for i, b in enumerate(bp):
        where = f"boilerplate[{i}]"
        if isinstance(b, str):
            b = {"pattern": b}
        if not isinstance(b, dict) or "pattern" not in b:
            problems.append(Problem(rel, where, "needs a pattern", "write '- pattern: REGEX' with an optional note"))
            continue
        for key in b:
            if key not in ("pattern", "note"):
                problems.append(Problem(rel, f"{where}.{key}", "unknown field", suggest(str(key), {"pattern", "note"})))
        if not text_or_none(b.get("note"), rel, f"{where}.note", problems, "note: what it removes"):
            continue
        if check_regex(b["pattern"], rel, f"{where}.pattern", problems):
            out["boilerplate"].append({"pattern": b["pattern"], "note": b.get("note") or "",
                                       "field": f"story.yaml {where}.pattern"})

    _parse_furniture(data.get("furniture"), rel, problems, out)
    _parse_quotes(data.get("quotes"), rel, problems, out)
    of = data.get("outlets_file")  # a shared outlets.yaml (presslens.story.outlets), relative to the story folder
    if of is not None and (not isinstance(of, str) or not of.strip()):
        problems.append(Problem(rel, "outlets_file", f"must be a path, got {show(of, 60)}",
                                "write outlets_file: ../shared/outlets.yaml (relative to the story folder), or remove it"))
    elif of:
        out["outlets_file"] = of.strip()
    pairs = data.get("intended_duplicates") or []
    fix = "write e.g. intended_duplicates: [[nyp-print, nyp-web]] (ids are the file names without .md)"
    if not isinstance(pairs, list):
        problems.append(Problem(rel, "intended_duplicates", "must be a list of pairs of article ids", fix))
        pairs = []
    good_pairs = []
    for i, p in enumerate(pairs):
        if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x.strip() for x in p)):
            problems.append(Problem(rel, f"intended_duplicates[{i}]", f"{show(p)} is not a pair of article ids", fix))
        elif p[0] == p[1]:
            problems.append(Problem(rel, f"intended_duplicates[{i}]", f"pairs {p[0]!r} with itself", "name two different articles"))
        else:
            good_pairs.append(tuple(sorted(x.strip() for x in p)))
    out["intended_duplicates"] = tuple(good_pairs)

    lex = data.get("lexicon")
    if lex is not None and not isinstance(lex, dict):
        problems.append(Problem(rel, "lexicon", "must be a mapping of category overrides",
                                "write e.g. lexicon: {secrecy_concealment: {add: [hush-hush], remove: [secret*]}} (see presslens/data/framing.yaml)"))
    elif lex:
        out["lexicon"] = lex
    return out


def _parse_quotes(value: Any, rel: str, problems: list[Problem], out: dict) -> None:
    """``quotes:`` is absent or {speakers: rules | parse-fill}: the speakers of the rules alone (the default), or
    the rules' speakers with a dependency parse's where the rules name nobody, a pronoun or a fragment."""
    fix = "write quotes: {speakers: parse-fill} (or speakers: rules, the default), or remove the key"
    if value is None:
        return
    if not isinstance(value, dict):
        problems.append(Problem(rel, "quotes", f"must be a mapping, got {type_name(value)} {show(value, 60)}", fix))
        return
    for key in value:
        if key != "speakers":
            problems.append(Problem(rel, f"quotes.{key}", "unknown field", suggest(str(key), {"speakers"})))
    got = value.get("speakers", "rules")
    if got not in QUOTE_SPEAKERS:
        problems.append(Problem(rel, "quotes.speakers", f"{show(got, 60)} is not one of {', '.join(QUOTE_SPEAKERS)}", fix))
    else:
        out["quote_speakers"] = got


def _parse_furniture(value: Any, rel: str, problems: list[Problem], out: dict) -> None:
    """``furniture:`` is absent/true (the built-in list), false (none), or {disable: [...], add: [...]}
    (not ``off``: YAML reads a bare ``off`` as the boolean false)."""

    if value is None or value is True or value is False:
        out["furniture"] = value if value is False else None
        return
    fix = ("write furniture: {disable: [advertisement, byline-line], add: [{pattern: 'REGEX', kind: audio, note: ...}]} "
           "or furniture: false")
    if not isinstance(value, dict):
        problems.append(Problem(rel, "furniture", "must be true, false or a mapping with disable and add", fix))
        return
    for key in value:
        if key not in ("disable", "add"):
            problems.append(Problem(rel, f"furniture.{key}", "unknown field", suggest(str(key), {"disable", "add"})))
    ids = data_mod.rule_ids()
    known = set(ids) | set(ids.values())
    off = str_list(value.get("disable"))
    if off is None:
        problems.append(Problem(rel, "furniture.disable", "must be a list of rule ids or kinds", fix))
        off = []
    for name in off:
        if name not in known:
            problems.append(Problem(rel, "furniture.disable", f"{name!r} is neither a furniture rule id nor a kind",
                                    suggest(name, known)))
    add = value.get("add") or []
    if not isinstance(add, list):
        problems.append(Problem(rel, "furniture.add", "must be a list of rules", fix))
        add = []
    good = []
    for i, r in enumerate(add):
        if isinstance(r, str):
            r = {"pattern": r}
        if not isinstance(r, dict) or "pattern" not in r:
            problems.append(Problem(rel, f"furniture.add[{i}]", "needs a pattern", "write '- pattern: REGEX' with kind and note"))
            continue
        if not (text_or_none(r.get("kind"), rel, f"furniture.add[{i}].kind", problems, "kind: audio")
                and text_or_none(r.get("note"), rel, f"furniture.add[{i}].note", problems, "note: what it removes")):
            continue
        if check_regex(r["pattern"], rel, f"furniture.add[{i}].pattern", problems):
            good.append({"pattern": r["pattern"], "kind": r.get("kind"), "note": r.get("note"),
                         "field": f"story.yaml furniture.add[{i}].pattern"})
    out["furniture"] = {"disable": off, "add": good}
