"""The groups a story's outlet attributes (``outlets.yaml``, :mod:`.outlets`) and its articles' own
fields (``meta:``) make: which ``group_by`` a story accepts (:func:`check_group_by`), each article's or
outlet's group (:func:`article_groups`, :func:`outlet_groups`; :data:`~.outlets.UNKNOWN` where the
attribute is not known: nothing is guessed) and the attributes as a table (:func:`attribute_table`).

Layer 1 (the story room).
"""
from __future__ import annotations

import difflib
from typing import Any

import pandas as pd

from presslens.errors import ParameterError
from .model import Story
from .outlets import ATTR_KEY, NOT_ATTRIBUTES, OUTLETS_FILE, UNKNOWN, listed


def label(value: Any) -> str:
    """A group's label: text as written, a whole number without '.0', true/false, or :data:`UNKNOWN`."""
    if value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip()):
        return UNKNOWN
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if isinstance(value, str) else f"{value:g}" if isinstance(value, float) else str(value)


def meta_keys(story: Story) -> list[str]:
    """The ``meta:`` fields the story's articles carry, in order of first appearance."""
    seen: dict[str, None] = {}
    for m in story.articles.get("meta", pd.Series([], dtype=object)):
        seen.update(dict.fromkeys(m or {}))
    return list(seen)


def group_names(story: Story) -> list[str]:
    """Every value ``group_by`` accepts on ``story``: outlet, its outlet attributes, meta.KEY."""
    return ["outlet", *story.attributes, *(f"meta.{k}" for k in meta_keys(story))]


MAX_GROUPS = 60  # groups one group_by may make (blind spots compare every pair: 3,540 pairs at 60)


def summary(story: Story) -> str:
    """One line on the attributes the story gives (how many of its outlets have each) and its articles'
    meta: fields, for ``presslens check``; '' when it gives none."""
    if not story.attributes and not meta_keys(story):
        return ""
    n = len(story.outlets)
    have = [f"{k} ({sum(k in story.outlet_attrs.get(o, {}) for o in story.outlets)} of {n} outlets)"
            for k in story.attributes]
    metas = [f"meta.{k}" for k in meta_keys(story)]
    return ("Attributes to group by (group_by): " + listed(have + metas)
            + "; outlets without one are 'unknown'." + (" Merged by aliases: " + listed([f"{a!r} -> {b!r}" for a, b in story.outlet_renamed.items()]) + "."
                 if story.outlet_renamed else ""))


def declared(story: Story, by: str) -> bool:
    """Whether ``story`` declares any attribute of the kind ``by`` names: outlet attributes (an
    outlets file) for a name, ``meta:`` fields for ``meta.KEY``. A story that declares none groups
    every outlet as unknown (nothing is guessed) rather than refusing the notebooks' default."""
    return bool(meta_keys(story)) if by.startswith("meta.") else bool(story.attributes)


def check_group_by(story: Story, by: str | None, where: str = "parameter group_by") -> str | None:
    """``by`` when ``story`` can be grouped by it (None: per outlet), else a :class:`ParameterError`
    (a name the story's outlets files or meta: fields do not give, when they give some)."""
    if by is None or by == "outlet":
        return by
    ok = group_names(story)
    if isinstance(by, str) and by in ok:
        n = len(set(_labels(story, by)))
        if n > MAX_GROUPS:  # meta.id, a year, a word count: every article its own group; blind spots compare every pair
            raise ParameterError.bad(where, "group_by", f"{by!r} makes {n} groups (more than {MAX_GROUPS}): group "
                                     "tables and blind spots (every pair of groups) would be unreadable and slow",
                                     "group by an attribute with few values (kind, country, leaning), or write one "
                                     "(e.g. founded_decade: 1920s) in outlets.yaml or meta:; None compares outlets")
        return by
    name = by[5:] if isinstance(by, str) and by.startswith("meta.") else by
    if isinstance(by, str) and by.startswith("meta.") and not meta_keys(story) and ATTR_KEY.match(name):
        raise ParameterError.bad(where, "group_by", f"{by!r} names an article's meta: field, but no article of the "
                                 "story has meta: fields", f"use one of {listed(group_names(story))} (or None: per "
                                 f"outlet); or give the articles the field in their front matter (meta: {{{name}: ...}})")
    if isinstance(by, str) and not declared(story, by) and ATTR_KEY.match(name) and name not in NOT_ATTRIBUTES:  # nothing declared to misspell: every outlet is unknown
        return by
    near = difflib.get_close_matches(str(by), ok, n=1, cutoff=0.5)
    raise ParameterError.bad(where, "group_by", f"{by!r} is neither an attribute of outlets.yaml nor an article's meta: field",
                             (f"did you mean {near[0]!r}? " if near else "") + f"use one of {listed(ok)} (or None: per outlet); "
                             f"add attributes in {OUTLETS_FILE} (see docs/data-contract.md)")


def article_groups(story: Story, by: str | None) -> pd.Series:
    """Each article's group (index: article id; values: labels, :data:`UNKNOWN` where the outlet or
    article does not have the attribute). ``by`` is None or ``"outlet"`` (each outlet its own group),
    an attribute name of outlets.yaml (``"kind"``) or ``"meta.KEY"`` (an article's own field)."""
    by = check_group_by(story, by)
    return pd.Series(_labels(story, by), index=story.articles["id"].to_numpy(), name="group", dtype=object)


def _labels(story: Story, by: str | None) -> list:
    a = story.articles
    if by is None or by == "outlet":
        return list(a["outlet"])
    if by.startswith("meta."):
        values = a["meta"].map(lambda m: (m or {}).get(by[5:]))
    else:
        values = a["outlet"].map(lambda o: story.outlet_attrs.get(o, {}).get(by))
    return [label(v) for v in values]


def outlet_groups(story: Story, by: str | None) -> dict[str, str]:
    """Each outlet's group (its groups joined with '; ' when its articles differ, as ``meta.KEY`` may)."""
    g = article_groups(story, by)
    outlet = story.articles.set_index("id")["outlet"]
    out: dict[str, dict] = {}
    for aid, label_ in g.items():
        out.setdefault(outlet[aid], {})[label_] = None
    return {o: "; ".join(map(str, v)) for o, v in out.items()}


def attribute_table(story: Story) -> pd.DataFrame:
    """One row per article: ``article_id``, ``outlet``, one column per outlet attribute and one per
    ``meta.KEY`` field, with the values as written (None where not known; :func:`label` turns them into
    group labels). For tables a user joins to the analyses' own (pandas, R, DuckDB)."""
    a = story.articles
    out = pd.DataFrame({"article_id": a["id"].to_numpy(), "outlet": a["outlet"].to_numpy()})
    for k in story.attributes:
        out[k] = pd.Series([story.outlet_attrs.get(o, {}).get(k) for o in a["outlet"]], dtype=object)
    for k in meta_keys(story):
        out[f"meta.{k}"] = pd.Series([(m or {}).get(k) for m in a["meta"]], dtype=object)
    return out
