"""The one set-up call every notebook makes after its parameters cell.

:func:`setup` checks every parameter up front (each error names the parameter, the value given and
an example that works), loads and validates the story, restricts it to the outlets asked for, and
screens it (:mod:`presslens.engine.screening`): ``ctx.story`` holds the articles the measures use and
``ctx.left_out`` those left out, with the reason, which the notebook prints.

List and dict parameters arrive in several shapes and all are accepted: a real list (the
parameters cell, ``papermill -y``, ``presslens run -p``), or its text (``papermill -p outlets
"['New York Post']"`` passes the string), or one bare name (``-p outlets example.com``).
"""
from __future__ import annotations

import ast
import dataclasses
import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable
import pandas as pd
import yaml

from presslens.errors import ParameterError
from presslens import ownership, paths, yamlsafe
from presslens.analyses.wordchoice import lexicon
from presslens.engine import keys, sanity, screening
from presslens.figures import style
from presslens.story import grouping
from presslens.story.model import Problem, Story, StoryError
from . import shown
from .gate import check_story, checked  # noqa: F401  (check_story: the full check, with its screening)


def _literal(value: Any) -> Any:
    """A parameter given as text, read as the list, dict or number it spells (Python or YAML syntax);
    other text is returned as it is."""
    if not isinstance(value, str):
        return value
    s = value.strip()
    if not s or s[0] not in "[{(-0123456789." and s not in ("None", "null", "True", "False", "true", "false"):
        return value
    if len(s) > 100_000:  # no parameter is that long: leave it as text (the checks below say what is wrong)
        return value
    try:
        return ast.literal_eval(s)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        pass
    try:
        return yamlsafe.parse_yaml(s)  # bounded: an alias bomb in a parameter is refused, not expanded
    except (yaml.YAMLError, ValueError, TypeError):
        return value


def _str_list(name: str, value: Any, example: str, allow_none: bool, min_len: int = 0,
              empty_ok: bool = True) -> list[str] | None:
    v = _literal(value)
    if v is None and allow_none:
        return None
    if isinstance(v, str) and v.strip():
        v = [v.strip()]
    if isinstance(v, tuple):
        v = list(v)
    if not empty_ok and v == []:  # an empty selection (a filter that matched nothing) is not "all": refused
        raise ParameterError([Problem(f"parameter {name}", name, "is an empty list: it selects nothing",
                                      f"name at least one, e.g. {name} = {example}, or leave {name} out (None) "
                                      "for all of them")])
    ok = isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v) and len(v) >= min_len
    if not ok:
        what = "a list of names" if allow_none else "a non-empty list of terms"
        raise _bad(name, value, what + (" or None" if allow_none else ""), example)
    return [x.strip() for x in v]


def _int(name: str, value: Any, lo: int, hi: int, example: str) -> int:
    v = _literal(value)
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        raise _bad(name, value, f"a whole number from {lo} to {hi:,}", example)
    return v


def _fraction(name: str, value: Any, example: str) -> float:
    v = _literal(value)
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0.0 <= float(v) <= 1.0:
        raise _bad(name, value, "a number from 0 to 1", example)
    return float(v)


OUTLET_RULES = ("articles", "words")  # most articles, most words (presslens.story.model.Story.figure_outlets)


def _choice(name: str, value: Any, choices: tuple[str, ...], example: str) -> str:
    v = value.strip().lower() if isinstance(value, str) else value
    if v not in choices:
        raise _bad(name, value, "one of " + ", ".join(repr(c) for c in choices), example)
    return v


def _group_by(value: Any) -> str | None:
    """None (per outlet) or the name of an attribute (outlets.yaml) or ``meta.KEY``; checked against
    the story in :func:`setup` (:func:`presslens.story.grouping.check_group_by`)."""
    v = _literal(value)
    if v is None or (isinstance(v, str) and v.strip() in ("", "None", "null")):
        return None
    if not isinstance(v, str):
        raise _bad("group_by", value, "an attribute name or None", '"kind"')
    return v.strip()


def _bad(name: str, value: Any, what: str, example: str) -> ParameterError:
    return ParameterError([Problem(f"parameter {name}", name, f"{value!r} is not {what}",
                                   f"use e.g. {name} = {example} (papermill: -p {name} {example!r})")])


# name -> parser(value) for every notebook knob (the parameters cell holds only literals)
KNOBS: dict[str, Callable[[Any], Any]] = {
    "focus_terms": lambda v: _str_list("focus_terms", v, '["secretly", "cut corners"]', allow_none=False, min_len=1),
    "min_count": lambda v: _int("min_count", v, 1, 1_000_000, "3"),
    "n_terms": lambda v: _int("n_terms", v, 1, 200, "8"),
    "n_boot": lambda v: _int("n_boot", v, 100, 100_000, "1000"),
    "seed": lambda v: _int("seed", v, 0, 2**32 - 1, "0"),
    "arc_bins": lambda v: _int("arc_bins", v, 2, 50, "5"),
    "max_outlets": lambda v: _int("max_outlets", v, 1, 1000, "25"),
    "max_edits": lambda v: _int("max_edits", v, 0, 3, "1"),
    "min_mentions": lambda v: _int("min_mentions", v, 1, 1_000_000, "1"),
    "threshold": lambda v: _fraction("threshold", v, "0.7"),
    "min_words": lambda v: _int("min_words", v, 5, 1000, "10"),  # reuse: shortest shared passage
    "match": lambda v: _int("match", v, 50, 100, "80"),  # reuse: similarity of a reworded sentence
    "max_df": lambda v: _int("max_df", v, 2, 1_000_000, "100"),  # reuse: shingles in more articles are common
    # which outlets a capped figure (max_outlets) keeps: pinned ones first, then by the rule
    "outlets_pin": lambda v: _str_list("outlets_pin", v, '["New York Post"]', allow_none=True),
    "outlets_rule": lambda v: _choice("outlets_rule", v, OUTLET_RULES, '"words"'),
    # group-level tables: an attribute of outlets.yaml ("kind", "country") or an article's "meta.KEY"
    "group_by": _group_by,
}
# knobs that change only printed tables, never a saved figure: a run with another value is not a variant
NOT_VARIANT = ("group_by",)
MAX_OUTLETS = 25  # outlets a figure shows by default (those with most articles); CSVs and tables keep all
# the notebooks' default values (their parameters cells): a run with other values is a variant, whose
# figures and reports go to a folder of their own (see :func:`run_name`); a tuple lists several defaults
# (n_boot is 1000 in 01, 2000 in 02)
DEFAULTS: dict[str, Any] = {
    "focus_terms": ["secretly", "cut corners", "whitewash", "minimal"], "min_count": 3, "n_terms": 8,
    "n_boot": (1000, 2000), "seed": 0, "arc_bins": 5, "max_outlets": MAX_OUTLETS, "max_edits": 1,
    "min_mentions": 1, "threshold": 0.7, "min_words": 10, "match": 80, "max_df": 100,
    "outlets_pin": None, "outlets_rule": "articles", "group_by": None,
}
RUN_NAME_ENV = "PRESSLENS_RUN_NAME"  # set by presslens.run.execute in a batch run's kernels
_NAME_MAX = 80  # characters of a variant's folder name before it is shortened with a hash


def _name_part(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "+".join(_name_part(v) for v in value)
    return re.sub(r"[^a-z0-9.]+", "-", str(value).lower()).strip("-.") or "x"


def batch_run_name() -> str | None:
    """The folder name a batch run gives its kernels (``PRESSLENS_RUN_NAME``), or None when unset. It names
    one folder inside the figures root: a path (``../x``, ``a/b``) would put the figures elsewhere."""
    name = os.environ.get(RUN_NAME_ENV)
    if not name:
        return None
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._+-]*", name) or ".." in name:
        raise ParameterError([Problem(f"environment variable {RUN_NAME_ENV}", RUN_NAME_ENV,
                                      f"{name!r} is not a plain folder name (letters, digits, '.', '+', '-'; no "
                                      "'/' or '..'): the figures would land outside figures_dir",
                                      f"unset it (`unset {RUN_NAME_ENV}`): `presslens run` sets it itself, and a "
                                      "notebook run by papermill or JupyterLab names its folder from its parameters")])
    return name


def run_name(slug: str, outlets: list[str] | None = None, knobs: dict | None = None,
             all_outlets: list[str] | None = None) -> str:
    """The folder name of a run's figures and reports: the story's slug for the full story with the
    default parameters, else ``SLUG--`` and the parameters that differ (``outlets-new-york-post``,
    ``max_outlets-10``), so a subset run never replaces the full story's figures. Parsed values."""
    parts = []
    if outlets and (all_outlets is None or sorted(set(outlets)) != sorted(all_outlets)):
        parts.append("outlets-" + _name_part(list(outlets)))
    for name in sorted(knobs or {}):
        if name in NOT_VARIANT:
            continue
        value, default = knobs[name], DEFAULTS.get(name, object())
        if value == default or (isinstance(default, tuple) and value in default):
            continue
        parts.append(f"{name}-{_name_part(value)}")
    if not parts:
        return slug
    name = f"{slug}--" + "--".join(parts)
    if len(name) > _NAME_MAX:
        digest = hashlib.sha256(name.encode()).hexdigest()[:8]
        name = name[:_NAME_MAX - 9].rstrip("-+.") + "-" + digest
    return name


@dataclass
class Context:
    story: Story  # the articles the measures use (outlet subset, screened)
    full: Story  # every article of the outlet subset, left-out ones included (the corpus overview)
    figures: Path  # FIGURES_ROOT/SLUG
    colors: dict[str, str]
    left_out: pd.DataFrame = field(default_factory=pd.DataFrame)
    params: SimpleNamespace = field(default_factory=SimpleNamespace)
    whole: Story | None = None  # every article of every outlet: what cross-article analyses compare (outlets filter the showing)

    def shown(self, table: pd.DataFrame, *cols: str) -> pd.DataFrame:
        """The rows of ``table`` that involve a chosen outlet in any of ``cols`` (all rows without an outlet subset)."""
        keep = set(self.full.outlets)
        if self.whole is None or set(self.whole.outlets) <= keep:
            return table
        return table[table[list(cols)].isin(keep).any(axis=1)]

    def save(self, fig, data: pd.DataFrame, name: str) -> str:
        """Save a figure with its data through :func:`presslens.figures.style.save`; returns a line to print. In a
        kernel the figure is then shown from its saved PNG, not drawn again (:mod:`.shown`)."""
        written = style.save(fig, data, name, self.figures)
        pages = style.pages_of(fig)
        shown.show_saved(pages, [written["png" if k == 1 else f"png-p{k}"] for k in range(1, len(pages) + 1)])
        line = f"saved {name}.png, {name}.svg and {name}.csv ({len(data)} data rows) in the story's figures folder"
        n = len(style.pages_of(fig))
        if n > 1:  # a figure drawn on several pages: name every page's files
            more = ", ".join(style.page_name(name, k) for k in range(2, n + 1))
            line += f"; drawn on {n} pages, the others in {more} (.png and .svg)"
        return line

    def unread_outlets(self) -> list[str]:
        """The outlets every article of which the measures leave out (another language, a duplicate capture): nothing
        of theirs is read, so a finding about who speaks or what is carried says nothing of them."""
        return sorted(set(self.left_out.get("outlet", [])) - set(self.story.articles["outlet"]))

    def left_out_summary(self) -> str:
        """What this notebook's measures leave out, and why: one line per article (the table is ``ctx.left_out``)."""
        n_all, n = len(self.full.articles), len(self.left_out)
        if not n:
            return f"All {n_all} article(s) are measured: none is in another language or a duplicate capture."
        lines = [f"Measured: {n_all - n} of {n_all} articles. Left out ({n}), and why:"]
        lines += [f"  - {r.file} ({r.outlet}): {r.reason}" for r in self.left_out.itertuples(index=False)]
        return "\n".join(lines)


def _commas(outlets: list[str], known: list[str]) -> None:
    """An outlet name holding commas that is not an outlet is most likely several names in one text."""
    for o in outlets:
        if o not in known and ("," in o or ";" in o):
            parts = [x.strip() for x in o.replace(";", ",").split(",") if x.strip()]
            raise ParameterError([Problem("parameter outlets", "outlets", f"{o!r} is one text, not a list of outlets",
                                      f"write a list: outlets = {parts!r} (papermill: -p outlets {str(parts)!r})")])


def _figures_folder(figures_dir, story: Story, name: str | None = None) -> Path:
    """FIGURES_DIR/NAME (NAME: the slug, or a variant's :func:`run_name`), checked: not a file, not
    inside (or holding) the story folder."""
    dest = style.figures_dir(figures_dir, name or story.slug)
    bad = None
    if paths.undecodable(dest):
        raise ParameterError([Problem("parameter figures_dir", "figures_dir",
                                      f"{paths.display(dest)} is not valid UTF-8 text (the bytes that are not are "
                                      "shown as \\xNN), so no figure's CSV or marker could record it",
                                      "give a folder whose name is text, e.g. figures_dir = \"figures\"")])
    for p in [dest, *dest.parents]:
        if p.exists() and not p.is_dir():
            bad = f"{paths.display(p)} is a file, so figures cannot be written under it"
            break
    s, d = story.path.resolve(), dest.resolve()
    if s == d or s in d.parents or d in s.parents:
        bad = f"the figures would be written into the story folder {paths.display(s)}"
    if not bad:
        try:  # a folder of someone else's files is refused before any work, not at the first figure
            ownership.claim(dest, "figures", [])
        except ownership.OwnershipError as exc:
            bad = str(exc)
    if bad:
        raise ParameterError([Problem("parameter figures_dir", "figures_dir", f"{figures_dir!r}: {bad}",
                                  'give a folder of its own, e.g. figures_dir = "figures"')])
    return dest


def check_params(story: Story, outlets=None, **knobs) -> tuple[list[str] | None, dict]:
    """Check ``outlets`` and the notebook knobs against ``story``, as :func:`setup` does, all at once;
    used by ``presslens run`` before any notebook starts. Returns (outlets, parsed knobs)."""
    outlets, parsed, problems = _parse(outlets, knobs)
    if problems:
        raise ParameterError(problems)
    if outlets:
        _commas(outlets, story.outlets)
        story.subset(outlets)
    _check_pins(parsed, story)
    _check_terms(parsed)
    grouping.check_group_by(story, parsed.get("group_by"))
    return outlets, parsed


def _parse(outlets, knobs: dict) -> tuple[list[str] | None, dict, list[Problem]]:
    """``outlets`` and the knobs read from any of their shapes: (outlets, parsed knobs, problems)."""
    problems, parsed = [], {}
    try:
        outlets = _str_list("outlets", outlets, '["The Daily Example", "example.com"]', allow_none=True, empty_ok=False)
    except StoryError as exc:
        problems.extend(exc.problems)
        outlets = None
    for name, value in knobs.items():
        if name not in KNOBS:
            near = difflib.get_close_matches(name, sorted(KNOBS), n=1)
            problems.append(Problem(f"parameter {name}", name, "is not a parameter of these notebooks",
                                    (f"did you mean {near[0]!r}? " if near else "") + f"use one of {sorted(KNOBS)}"))
            continue
        try:
            parsed[name] = KNOBS[name](value)
        except StoryError as exc:
            problems.extend(exc.problems)
    return outlets, parsed, problems


def _check_pins(parsed: dict, story: Story) -> None:
    """outlets_pin names outlets of the story (a misspelt pin would silently pin nothing)."""
    unknown = [o for o in parsed.get("outlets_pin") or [] if o not in story.outlets]
    if unknown:
        near = difflib.get_close_matches(unknown[0], story.outlets, n=1)
        raise ParameterError([Problem("parameter outlets_pin", "outlets_pin", f"unknown outlet {unknown[0]!r}",
                                  (f"did you mean {near[0]!r}? " if near else "")
                                  + f"use names from the story's outlets, e.g. outlets_pin = {story.outlets[:1]!r}")])


def _check_terms(parsed: dict) -> None:
    """focus_terms follow the lexicon's term rules (words, phrases, a trailing *)."""
    if not parsed.get("focus_terms"):
        return
    try:
        lexicon.term_lexicon(parsed["focus_terms"])
    except StoryError as exc:
        raise ParameterError([Problem("parameter focus_terms", "focus_terms", p.message,
                                  p.fix + ' (e.g. focus_terms = ["secretly", "cut corners", "secret*"])')
                          for p in exc.problems]) from None


def _relative_story(story: str) -> Problem:
    """A relative notebook ``story`` that is not in the repo: a notebook's parameters are taken from the
    repo root (as JupyterLab runs it from notebooks/), not from where papermill was started."""
    here = paths.cli_path(story)
    fix = (f'give the absolute path, story = "{paths.printable(here)}"' if here.exists() else
           'give a folder relative to the repo root, e.g. "data/stories/bytedance-openai-2023", or an absolute path')
    return Problem("parameter story", "story", f"{story!r} is taken relative to the repo root (a notebook parameter), "
                   f"and there is no {paths.printable(paths.resolve(story))}", fix)


def setup(story: str = paths.DEFAULT_STORY, figures_dir: str = "figures", outlets=None, **knobs) -> Context:
    """Check the notebook's parameters, load the story (validated), restrict it to ``outlets``, screen
    it, and apply the figure style. ``knobs`` are the notebook's own parameters (see ``KNOBS``);
    their checked values are ``ctx.params.NAME``."""

    problems = []
    if not isinstance(story, (str, Path)) or not str(story).strip():
        problems.append(Problem("parameter story", "story", f"{story!r} is not a path", 'give the story folder, e.g. "data/stories/bytedance-openai-2023"'))
    if not isinstance(figures_dir, (str, Path)) or not str(figures_dir).strip():
        problems.append(Problem("parameter figures_dir", "figures_dir", f"{figures_dir!r} is not a path", 'give a folder, e.g. "figures"'))
    elif not Path(str(story)).expanduser().is_absolute() and not paths.resolve(story).exists():
        problems.append(_relative_story(str(story)))
    outlets, parsed, more = _parse(outlets, knobs)
    problems.extend(more)
    if problems:
        raise ParameterError(problems)

    whole = checked(story)  # checked once while the story and the code are unchanged
    if outlets:
        _commas(outlets, whole.outlets)
    _check_pins(parsed, whole)
    _check_terms(parsed)
    grouping.check_group_by(whole, parsed.get("group_by"))
    # a batch run names the folder once for all its notebooks (a parameter only some notebooks have)
    name = batch_run_name() or run_name(whole.slug, outlets, parsed, whole.outlets)
    fig_dir = _figures_folder(figures_dir, whole, name)
    if name != whole.slug:  # a variant: say where its figures go (the full story's are left alone)
        print(f"Parameters other than the defaults: this run's figures go to "
              f"{paths.display(paths.resolve(figures_dir) / name)}/ (the full story's figures in "
              f"{paths.display(paths.resolve(figures_dir) / whole.slug)}/ are left as they are).")
    full = whole.subset(outlets)
    kept, left_out = screening.analysed(full)
    if kept.articles.empty:
        reasons = "; ".join(f"{r.file}: {r.reason}" for r in left_out.itertuples(index=False))
        raise (ParameterError if outlets else StoryError)([Problem("parameter outlets" if outlets else f"{whole.slug}/articles/", "outlets",
                                  f"no article is left to measure ({reasons})",
                                  "choose outlets with articles in the story's language, or set the story's "
                                  "language in story.yaml")], whole.slug)
    style.use_style()
    caveat = sanity.english_caveat(whole)
    if caveat:  # every notebook says it, above its figures
        print(caveat)
    cap = dict(max_outlets=parsed.get("max_outlets", MAX_OUTLETS), outlets_rule=parsed.get("outlets_rule", "articles"),
               outlets_pin=tuple(parsed.get("outlets_pin") or ()))
    kept, full, every = dataclasses.replace(kept, **cap), dataclasses.replace(full, **cap), dataclasses.replace(whole, **cap)
    keys.share_content_key(whole, kept, full, every)  # the story's text hashed once (the gate did): its copies share it
    return Context(kept, full, fig_dir, style.outlet_colors(whole.outlets),
                   left_out, SimpleNamespace(**parsed), every)
