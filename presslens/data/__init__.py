"""Layer 0, the data files shipped with the package (``presslens/data/``) and their plain loaders:
the framing lexicon (``framing.yaml``), web furniture (``furniture.yaml``), reader prompts (``prompts.yaml``), machine-translation
phrases (``mt_phrases.yaml``), reporting verbs (``reporting_verbs.yaml``), wire and photo agencies
(``wire_agencies.yaml``), and the stop-word list
every analysis shares. Each file says its version and sources. Nothing here imports presslens.
"""
from __future__ import annotations

import functools
from importlib import resources as ires
import yaml

# libyaml's parser when PyYAML has it: the same values as yaml.safe_load, several times faster (these
# files are read once per process, by every notebook's kernel)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(raw: str):
    return yaml.load(raw, Loader=_LOADER)  # noqa: S506 - a SafeLoader


@functools.lru_cache(maxsize=1)
def builtin() -> dict:
    """The built-in furniture list as shipped in the package: ``{"version", "rules", "shapes"}``. A rule
    with ``phrases: NAME`` has ``{phrases}`` in its pattern replaced by the line-opening entries of
    ``prompts.yaml``'s list NAME (:func:`reader_prompts`), so the reader prompts are listed once."""
    raw = _load(ires.files("presslens").joinpath("data/furniture.yaml").read_text(encoding="utf-8"))
    for r in raw["rules"]:
        if r.get("phrases"):
            r["pattern"] = r["pattern"].replace("{phrases}", "|".join(reader_prompts()[r["phrases"] + "_line"]))
    return raw


@functools.lru_cache(maxsize=1)
def reader_prompts() -> dict:
    """``prompts.yaml`` as shipped, the one list of what a page asks its reader to do (subscribe, sign in,
    keep reading, download the app...), as regular-expression strings: ``{"version", "paywall", "paywall_line"
    (the entries that may open a furniture line), "actions", "commands"}``. Read by
    :mod:`presslens.story.capture` (paywall teasers), ``furniture.yaml``'s paywall-prompt rule and
    :mod:`presslens.text.prompts` (calls to action ending a text)."""
    raw = _load(ires.files("presslens").joinpath("data/prompts.yaml").read_text(encoding="utf-8"))
    return {"version": raw["version"], "paywall": [e["re"] for e in raw["paywall"]],
            "paywall_line": [e["re"] for e in raw["paywall"] if e.get("line", True)],
            "actions": [e["re"] for e in raw["actions"]], "commands": [str(c) for c in raw["commands"]]}


@functools.lru_cache(maxsize=1)
def wire_agencies() -> dict:
    """``wire_agencies.yaml`` as shipped: the news agencies (``agencies``: their names, hosts...), the
    photo agencies that sign pictures only (``photo_agencies``), the credit forms and their sources."""
    raw = ires.files("presslens").joinpath("data/wire_agencies.yaml").read_text(encoding="utf-8")
    return _load(raw)


def credit_names() -> list[str]:
    """Every name a wire or photo credit signs with (each agency's ``names`` and the photo agencies'),
    longest first (so "Getty Images" is tried before "Getty"): what a credit line is recognised by."""
    d = wire_agencies()
    names = {n for a in d["agencies"] for n in a["names"]} | set(d.get("photo_agencies", {}).get("names", []))
    return sorted(names, key=lambda n: (-len(n), n))


@functools.lru_cache(maxsize=1)
def line_model_data() -> dict:
    """``line_model.yaml`` as shipped: the furniture line model's features, their means and scales, its
    weights, bias and threshold (null: off), written by ``scripts/fit_line_model.py``."""
    return _load(ires.files("presslens").joinpath("data/line_model.yaml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def reporting_verb_forms() -> tuple[str, ...]:
    """The base forms of every verb of ``reporting_verbs.yaml`` (one word each; a phrasal verb's verb)."""
    raw = _load(ires.files("presslens").joinpath("data/reporting_verbs.yaml").read_text(encoding="utf-8"))
    verbs = [v for c in raw["classes"].values() for v in [*c["verbs"], *c.get("phrasal", [])]]
    return tuple(sorted({v.split()[0].lower() for v in verbs if v != "according to"}))


def rule_ids() -> dict[str, str]:
    """id -> kind of every built-in rule (what ``furniture: {disable: [...]}`` may name)."""
    return {r["id"]: r["kind"] for r in [*builtin()["rules"], *(builtin().get("shapes") or [])]}

# A small English function-word list (articles, pronouns, auxiliaries, modals, prepositions,
# conjunctions, common contractions). "us" is deliberately absent: lower-cased tokens cannot tell
# the pronoun from the country, and the country matters in news text.
STOPWORDS: frozenset[str] = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
don't down during each either few for from further had hadn't has hasn't have haven't having he
he'd he'll her here hers herself him himself his how i i'd i'll i'm i've if in into is isn't it
it'll its itself just me more most my myself neither no nor not now of off on once only or other
ought our ours ourselves out over own same shall shan't she she'd she'll should shouldn't so some
such than that the their theirs them themselves then there these they they'd they'll they're
they've this those through to too under until up upon very was wasn't we we'd we'll we're we've
were weren't what when where which while who whom whose why will with won't would wouldn't you
you'd you'll you're you've your yours yourself yourselves may might must
""".split())


@functools.lru_cache(maxsize=1)
def fact_cues() -> dict:
    """The negation, hedge and intensity words of ``fact_cues.yaml`` (read by the facts analysis):
    ``{"version", "negation", "negation_before_to", "hedges", "intensity", "synonyms", "approximate"}``,
    each list lower-cased (synonyms: a list of rows of words)."""
    raw = _load(ires.files("presslens").joinpath("data/fact_cues.yaml").read_text(encoding="utf-8"))
    return {"version": raw["version"], **{k: [str(w).lower() for w in raw[k]] for k in ("negation", "hedges", "intensity")},
            "synonyms": [[str(w).lower() for w in row] for row in raw.get("synonyms", [])],
            "approximate": [str(w).lower() for w in raw.get("approximate", [])],
            "negation_before_to": [str(w).lower() for w in raw.get("negation_before_to", [])]}


@functools.lru_cache(maxsize=1)
def measured() -> dict:
    """``measured.yaml`` as shipped: the test split's figures per measure (``{"stories", "articles", "measures"}``),
    written by ``presslens eval``; empty when the file is missing (a checkout that never ran it), is no mapping or
    is no YAML (a merge left conflict markers in it): the notebooks then quote no figure, and never fail on it."""
    f = ires.files("presslens").joinpath("data/measured.yaml")
    try:
        raw = _load(f.read_text(encoding="utf-8")) if f.is_file() else None
    except (yaml.YAMLError, UnicodeDecodeError):
        raw = None
    return raw if isinstance(raw, dict) else {}


@functools.lru_cache(maxsize=1)
def aggregators() -> dict:
    """``aggregators.yaml`` as shipped: the news aggregators (``aggregators``: their names and hosts) whose hosts
    carry other publishers' articles, with the file's version and sources (read by :mod:`presslens.story.publishers`)."""
    return _load(ires.files("presslens").joinpath("data/aggregators.yaml").read_text(encoding="utf-8"))
