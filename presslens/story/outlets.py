"""Outlet attributes (``outlets.yaml``), articles' own fields (``meta:``) and the groups they make.

An optional ``outlets.yaml`` in the story folder, and an optional shared one that ``story.yaml``
points to (``outlets_file: ../shared/outlets.yaml``, relative to the story folder), give each outlet
free attributes, one level deep, and aliases::

    sources: [each outlet's own "About" page]      # optional: where the attributes come from
    outlets:
      New York Post:
        country: US
        kind: national
        aliases: [NY Post, nypost.com]             # articles with these outlet names count as this outlet

Values are text or numbers (``null``: not known). A list, a nested mapping, true/false (YAML reads a
bare ``no``, ``yes``, ``on``, ``off`` as true/false: quote them) or a key that is not a name is an
error naming the file, the outlet and the key. The story's own file wins over the shared one, per
outlet and per key. Outlet names and aliases match the articles' ``outlet:`` ignoring case and
spacing (:func:`outlet_key`, the comparison the loader's "differ only in case" warning makes).

Nothing is guessed: an outlet without an attribute is in the group :data:`UNKNOWN`, shown as such.
The groups the attributes make (``group_by``) are :mod:`presslens.story.grouping`'s.

Layer 1 (the story room).
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path
from typing import Any

import pandas as pd

from .model import Problem, Story, show
from .yamlio import load_yaml, names_list, str_list, suggest

OUTLETS_FILE = "outlets.yaml"
UNKNOWN = "unknown"  # the group of an outlet (or article) without the attribute
ATTR_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
RESERVED = ("aliases",)  # an entry's keys that are not attributes
NOT_ATTRIBUTES = ("outlet", "meta")  # names group_by uses for itself
FILE_FIELDS = ("outlets", "sources", "notes")
EXAMPLE = "outlets: {New York Post: {country: US, kind: national, aliases: [NY Post]}}"


def outlet_key(name: str) -> str:
    """The form outlet names are compared in: case and runs of spaces ignored."""
    return re.sub(r"\s+", " ", str(name).casefold()).strip()


# Cyrillic and Greek letters drawn like Latin ones (a small map in the spirit of Unicode's confusables.txt):
# upper and lower case mapped apart, since Greek capital Ν looks like N but small ν like v.
LOOKALIKES = str.maketrans({
    **dict(zip("АВЕКМНОРСТХУЅІЈ", "ABEKMHOPCTXYSIJ")),       # Cyrillic capitals
    **dict(zip("аеорсухіјѕһԁԛԝкмтвн", "aeopcyxijshdqwkmtbh")),  # Cyrillic small
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX")),         # Greek capitals
    **dict(zip("αοιρτυχγνκεϲ", "aoiptuxyvkec")),             # Greek small
})


def lookalike_key(name: str) -> str:
    """The form in which two outlet names look alike to a reader: width and compatibility forms folded
    (NFKC: fullwidth Ｒｅｕｔｅｒｓ is Reuters), Cyrillic and Greek look-alikes of Latin letters taken as
    Latin (Rеuters with a Cyrillic е), case folded, punctuation, spaces and invisible characters dropped
    (New York Post. is New York Post, A.P. is AP). Only for warnings: outlets are matched by
    :func:`outlet_key`."""
    text = unicodedata.normalize("NFKC", str(name)).translate(LOOKALIKES).casefold()
    return "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c)[0] in "LNMS")


def lookalike_letters(name: str) -> list[str]:
    """The look-alike letters of ``name`` that are not Latin, named (for a warning that shows why two
    names that print the same are different)."""
    return [f"{c!r} ({unicodedata.name(c, 'U+%04X' % ord(c)).title()})" for c in dict.fromkeys(name)
            if ord(c) > 0x7F and c.isalpha() and c.translate(LOOKALIKES) != c]


def _value_problem(value: Any) -> tuple[str, str] | None:
    """(what is wrong, fix) for a value that is not text, a number or null; None when it is one."""
    if isinstance(value, str) and outlet_key(value) == UNKNOWN:  # the label of "no value": would merge with those
        return (f"is spelled like {UNKNOWN!r}, the label presslens gives outlets and articles without a value, "
                "so it would be grouped with them and counted as known",
                f"write null when the value is not known (it is then shown as {UNKNOWN!r}), or another word "
                "for what you know (e.g. 'undisclosed', 'unverified')")
    if value is None or isinstance(value, str) and value.strip():
        return None
    if isinstance(value, str):
        return "is empty", "write the value, or null when it is not known"
    if isinstance(value, bool):
        return ("is true/false", "quote it ('yes', 'no', 'on', 'off' are read as true/false by YAML), "
                                 "or use text such as 'state-owned'")
    if isinstance(value, (int, float)):
        return None if abs(value) < float("inf") else ("is not a finite number (.nan or .inf)", "write a number, or null")
    if isinstance(value, list):
        return ("is a list", "give one value; for several, write one text (e.g. 'US; UK') or one key each "
                             "(country_1, country_2)")
    if isinstance(value, dict):
        return ("is a nested mapping", "attributes are one level deep: write key: value (e.g. owner_country: US "
                                       "rather than owner: {country: US})")
    return f"is {type(value).__name__}", "write text or a number"


def check_key(key: Any, rel: str, where: str, problems: list[Problem]) -> bool:
    """An attribute's (or a meta field's) name: text made of letters, digits, - and _."""
    if not isinstance(key, str):
        problems.append(Problem(rel, f"{where}.{key}", f"the key {show(key)} is not a name ({type(key).__name__})",
                                "write the key as a word, e.g. country or founded_year (quote it if YAML reads it "
                                "as a number or true/false)"))
        return False
    if not ATTR_KEY.match(key) or key in NOT_ATTRIBUTES:
        problems.append(Problem(rel, f"{where}.{key}", f"{key!r} cannot be an attribute name"
                                + (" (group_by uses it for itself)" if key in NOT_ATTRIBUTES else ""),
                                "start with a letter and use letters, digits, - and _ (e.g. country, owner_kind)"))
        return False
    return True


def check_value(value: Any, rel: str, where: str, problems: list[Problem]) -> bool:
    bad = _value_problem(value)
    if bad:
        problems.append(Problem(rel, where, f"{bad[0]} ({show(value, 60)})", bad[1]))
    return bad is None


def parse_outlets(data: Any, rel: str, problems: list[Problem]) -> list[dict]:
    """The entries of one outlets.yaml: ``{"name", "aliases", "attrs", "where"}`` each, every problem
    (file, outlet, key, fix) added to ``problems``."""
    if data is None:
        return []
    if not isinstance(data, dict):
        problems.append(Problem(rel, "", "must be a mapping with an 'outlets:' section", f"write e.g. {EXAMPLE}"))
        return []
    for key in data:
        if key not in FILE_FIELDS:
            problems.append(Problem(rel, str(key), "unknown field", suggest(str(key), FILE_FIELDS)
                                    + f"; outlets go under 'outlets:' ({EXAMPLE})"))
    if not (data.get("notes") is None or isinstance(data.get("notes"), str)):
        problems.append(Problem(rel, "notes", "must be text", "write notes: free text"))
    if str_list(data.get("sources")) is None:
        problems.append(Problem(rel, "sources", "must be a list of texts", "write sources: [where the attributes come from]"))
    outlets = data.get("outlets") or {}
    if not isinstance(outlets, dict):
        problems.append(Problem(rel, "outlets", "must be a mapping of outlet name to its attributes", f"write e.g. {EXAMPLE}"))
        return []
    entries, owner = [], {}
    for name, spec in outlets.items():
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem(rel, f"outlets.{name}", f"the outlet name {show(name)} is not text",
                                    "write the outlet's name as the articles' outlet: field spells it (quote a number)"))
            continue
        where = f"outlets.{name}"
        if spec is None:
            spec = {}
        if not isinstance(spec, dict):
            problems.append(Problem(rel, where, f"must be a mapping of attributes, got {show(spec, 60)}",
                                    f"write {name}: {{country: US, kind: national}}"))
            continue
        aliases = names_list(spec.get("aliases"), rel, f"{where}.aliases", problems)
        if aliases is None:
            problems.append(Problem(rel, f"{where}.aliases", "must be a list of outlet names", "write aliases: [NY Post, nypost.com]"))
            aliases = []
        attrs = {}
        for key, value in spec.items():
            if key in RESERVED or not check_key(key, rel, where, problems):
                continue
            if check_value(value, rel, f"{where}.{key}", problems) and value is not None:
                attrs[key] = value.strip() if isinstance(value, str) else value
        for form in (name, *aliases):
            k = outlet_key(form)
            if k in owner and owner[k] != name:
                problems.append(Problem(rel, f"{where}.aliases" if form != name else where,
                                        f"{form!r} names both {owner[k]!r} and {name!r}",
                                        "list each outlet once and each alias under one outlet only"))
            owner.setdefault(k, name)
        entries.append({"name": name.strip(), "aliases": tuple(a.strip() for a in aliases), "attrs": attrs, "where": where})
    return entries


def read_outlets(path: Path, rel: str, problems: list[Problem], digest: dict, key: str) -> list[dict]:
    """One outlets.yaml read bounded and strictly (the story.yaml reader), parsed; its hash in ``digest[key]``."""
    got: dict = {}
    n = len(problems)
    data = load_yaml(path, rel, problems, got, what=OUTLETS_FILE)
    if len(problems) > n:
        return []
    digest[key] = got.get("sha256", "")
    return parse_outlets(data, rel, problems)


def merge(shared: list[dict], local: list[dict]) -> tuple[dict[str, str], dict[str, dict], tuple[str, ...]]:
    """(outlet key -> canonical name, canonical name -> attributes, attribute names in order):
    the shared file's entries, then the story's own, which win per outlet and per key."""
    canon: dict[str, str] = {}
    attrs: dict[str, dict] = {}
    names: dict[str, None] = {}
    for entries in (shared, local):
        for e in entries:
            known = next((canon[k] for k in map(outlet_key, (e["name"], *e["aliases"])) if k in canon), None)
            name = e["name"] if entries is local or known is None else known
            merged = {**attrs.pop(known, {}), **e["attrs"]} if known else dict(e["attrs"])
            if known and known != name:  # the story's own spelling becomes the canonical one
                canon.update({k: name for k, v in canon.items() if v == known})
            attrs[name] = merged
            for form in (e["name"], *e["aliases"]):
                canon[outlet_key(form)] = name
            names.update(dict.fromkeys(e["attrs"]))
    return canon, attrs, tuple(names)


def outlets_files(root: Path, slug: str, outlets_file: str | None, problems: list[Problem]) -> tuple[list[dict], list[dict], dict[str, str]]:
    """(shared entries, the story's own entries, {file: sha256}) of a story folder."""
    digest: dict[str, str] = {}
    shared: list[dict] = []
    if outlets_file:
        p = Path(outlets_file) if Path(outlets_file).is_absolute() else root / outlets_file
        rel = f"{outlets_file} (outlets_file of {slug}/story.yaml)"
        if not p.is_file():
            problems.append(Problem(f"{slug}/story.yaml", "outlets_file", f"{outlets_file!r} is not a file (looked for {p.name} "
                                    f"relative to the story folder)", "give the shared outlets.yaml's path relative to the "
                                    "story folder, e.g. outlets_file: ../shared/outlets.yaml, or remove the key"))
        elif any(_same(p, root / own) for own in ("story.yaml", OUTLETS_FILE)):  # itself: 9 "unknown field" errors
            problems.append(Problem(f"{slug}/story.yaml", "outlets_file", f"{outlets_file!r} names this story's own "
                                    f"{p.name}, not a separate outlets file", "give a separate shared outlets file, e.g. "
                                    "outlets_file: ../shared/outlets.yaml, or remove the key"))
        else:
            shared = read_outlets(p, rel, problems, digest, f"outlets_file:{outlets_file}")
    local: list[dict] = []
    if (root / OUTLETS_FILE).exists() or (root / OUTLETS_FILE).is_symlink():
        local = read_outlets(root / OUTLETS_FILE, f"{slug}/{OUTLETS_FILE}", problems, digest, OUTLETS_FILE)
    _two_shared(shared, local, f"{slug}/{OUTLETS_FILE}", outlets_file, problems)
    return shared, local, digest


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _two_shared(shared: list[dict], local: list[dict], rel: str, outlets_file: str | None, problems: list[Problem]) -> None:
    """An entry of the story's file whose name and aliases name two outlets of the shared file: which
    one it is cannot be told (merging it into the first would silently take an alias from the other)."""
    owner = {outlet_key(f): e["name"] for e in shared for f in (e["name"], *e["aliases"])}
    for e in local:
        hits: dict[str, str] = {}
        for f in (e["name"], *e["aliases"]):
            if outlet_key(f) in owner:
                hits.setdefault(owner[outlet_key(f)], f)
        if len(hits) > 1:
            which = "; ".join(f"{o!r} (by {f!r})" for o, f in hits.items())
            problems.append(Problem(rel, e["where"], f"names {len(hits)} outlets of the shared file {outlets_file}: {which}",
                                    "keep in this entry only the names of one outlet (the shared file's other outlet "
                                    "keeps its own), or correct the shared file"))


def apply(story: Story, shared: list[dict], local: list[dict], notices: list[Problem]) -> None:
    """Merge aliases into the articles' outlets and attach the attributes to ``story`` (in place, at
    load time); the story's own entries that name no outlet of its articles are ``notices``."""
    canon, attrs, names = merge(shared, local)
    a = story.articles
    renamed = {o: canon[outlet_key(o)] for o in a["outlet"].unique() if canon.get(outlet_key(o), o) != o}
    if renamed:
        story.articles = a.assign(outlet=a["outlet"].map(lambda o: renamed.get(o, o)))
    story.outlet_renamed = renamed
    present = set(story.articles["outlet"])
    story.outlet_attrs = {o: dict(v) for o, v in attrs.items() if o in present}
    story.attributes = names
    _spellings(story, notices)
    for name, entries in (("outlets_file:", shared), (OUTLETS_FILE, local)):
        read = [k for k in story.outlets_sha256 if k.startswith(name)]
        if read and not entries:  # empty, comments only, or `outlets:` with nothing under it
            where = read[0][len("outlets_file:"):] if name == "outlets_file:" else f"{story.slug}/{OUTLETS_FILE}"
            notices.append(Problem(where, "outlets", "gives no outlet: every outlet is 'unknown' for every attribute",
                                   f"list the outlets under outlets: ({EXAMPLE}), or remove the file"))
    by_key = {outlet_key(o): o for o in present}
    unused = [e for e in local if e["name"] not in present]
    if len(unused) > SHOWN:  # a list of many outlets (copied from another story): one warning, not thousands
        notices.append(Problem(f"{story.slug}/{OUTLETS_FILE}", "outlets", f"{len(unused)} outlets name no outlet of the "
                               f"story's articles (their attributes are not used): {listed([e['name'] for e in unused])}",
                               "spell them as the articles' outlet: fields, list those spellings under aliases, or keep "
                               "a list of many outlets in a shared file (story.yaml: outlets_file:), which is not warned about"))
        unused = []
    for e in unused:
        near = difflib.get_close_matches(outlet_key(e["name"]), sorted(by_key), n=1, cutoff=0.6)
        notices.append(Problem(f"{story.slug}/{OUTLETS_FILE}", e["where"], "names no outlet of the story's articles "
                               "(its attributes are not used)", (f"did you mean {by_key[near[0]]!r}? " if near else "")
                               + "spell it as an article's outlet: field, or list that spelling under aliases"))


def _spellings(story: Story, notices: list[Problem]) -> None:
    """A warning for each attribute (or meta: field) whose text values differ only in case or spacing
    ('National' and 'national'): they make separate groups, which is rarely what was meant."""
    values: dict[str, list] = {k: [story.outlet_attrs.get(o, {}).get(k) for o in story.outlet_attrs] for k in story.attributes}
    for m in story.articles.get("meta", pd.Series([], dtype=object)):
        for k, v in (m or {}).items():
            values.setdefault(f"meta.{k}", []).append(v)
    for key, vals in values.items():
        by_fold: dict[str, dict[str, None]] = {}
        for v in vals:
            if isinstance(v, str):
                by_fold.setdefault(outlet_key(v), {})[v] = None
        for forms in by_fold.values():
            if len(forms) > 1:
                shown = sorted(forms)
                where = f"{story.slug}/articles/" if key.startswith("meta.") else f"{story.slug}/{OUTLETS_FILE}"
                notices.append(Problem(where, key, f"values {listed(list(map(repr, shown)))} differ only in case or spacing: "
                                       "group_by counts them as separate groups", f"write one spelling, e.g. {shown[0]!r}"))


# ----------------------------------------------------------------------------------------------
# groups


SHOWN = 12  # names a message lists before "and N more"


def listed(names: list[str], limit: int = SHOWN) -> str:
    """``names`` joined with ', ', the first ``limit`` only and how many more (a story may give thousands)."""
    more = len(names) - limit
    return ", ".join(names[:limit]) + (f" and {more} more" if more > 0 else "")
