"""Exploring a story interactively (``notebooks/explore.ipynb``): pickers and the tables they drive.

The tables are pure functions of a story and a term, unit-tested like the rest:

- :func:`kwic_lines`: every occurrence of a term (lexicon rules: inflections, ``*``, phrases) or of
  a regular expression, in context (:func:`presslens.analyses.wordchoice.concordance.kwic`);
- :func:`hits_by_outlet`: per outlet, how often the term occurs (per 1,000 words) and which framing
  lexicon categories the matching sentences carry;
- :func:`matching_tone`: the VADER tone of every matching sentence, and :func:`tone_by_outlet` its
  mean per outlet;
- :func:`article_html`: one whole article (its cleaned sentences, by part) with the chosen sentence
  and every occurrence of the match highlighted.

:class:`Explorer` puts ipywidgets pickers (story, outlets, term, regular expression) above those
tables; a change of picker recomputes them, and choosing a KWIC line shows its article. Under
papermill or nbval the pickers render their initial state and the tables are computed at once.
"""
from __future__ import annotations

import html
from pathlib import Path
import pandas as pd

from presslens.errors import ParameterError
from presslens import paths
from presslens.analyses import tone
from presslens.analyses.wordchoice import concordance, lexicon, matching
from presslens.engine import tables
from presslens.story.model import Story, StoryError
from presslens.story.grouping import outlet_groups
from . import setup, tables as notebook_tables


KWIC_SHOWN = ["outlet", "part", "sent_idx", "voice", "left", "match", "right"]
TONE_SHOWN = ["outlet", "article_id", "sent_idx", "part", "voice", "compound", "text"]
# the tables an Explorer shows (attribute -> the columns shown; None: all)
TABLES = {"kwic": KWIC_SHOWN, "hits": None, "tone_summary": None, "tone": TONE_SHOWN}


def stories(root: str | Path = paths.REPO_ROOT / "data" / "stories") -> list[str]:
    """The story folders under ``root`` (those holding a story.yaml), relative to the repo root."""
    root = Path(root)
    found = sorted(p.parent for p in root.glob("*/story.yaml"))
    out = []
    for p in found:
        try:
            out.append(p.resolve().relative_to(paths.REPO_ROOT.resolve()).as_posix())
        except ValueError:
            out.append(p.as_posix())
    return out


def kwic_lines(story: Story, term: str, regex: bool = False, window: int = 6) -> pd.DataFrame:
    """KWIC lines for ``term`` (a lexicon term, or a regular expression when ``regex``); an empty or
    invalid term raises ValueError with a message to show the reader."""
    term = (term or "").strip()
    if not term:
        raise ParameterError.bad("explore", "term", "the term is empty", "type a term (e.g. secret*) or a regular expression")
    if not regex:
        try:
            lexicon.term_lexicon([term])
        except StoryError as exc:
            raise ParameterError.bad("explore", "term", "; ".join(p.message for p in exc.problems),
                                     "; ".join(p.fix for p in exc.problems)) from None
    return concordance.kwic(story, term, window=window, regex=regex)


def _words(story: Story) -> pd.Series:

    return tables.process(story).sentences.groupby("outlet", sort=False)["n_words"].sum()


def hits_by_outlet(story: Story, kwic: pd.DataFrame, lex: lexicon.Lexicon | None = None) -> pd.DataFrame:
    """Per outlet of ``story``: articles, words, matches of the term, matches per 1,000 words, matching
    sentences, and the framing-lexicon hits inside those sentences (total and by category)."""
    lex = lex if lex is not None else lexicon.lexicon_for(story)
    words = _words(story)
    arts = story.articles.groupby("outlet", sort=False)["id"].count()
    sent_ids = set(kwic["sent_id"].tolist())
    hits = matching.match(story, lex)
    hits = hits[hits["sent_id"].isin(sent_ids)]
    rows = []
    for o in story.outlets:
        k = kwic[kwic["outlet"] == o]
        h = hits[hits["outlet"] == o]
        cats = h["category"].value_counts()
        w = int(words.get(o, 0))
        rows.append({"outlet": o, "articles": int(arts.get(o, 0)), "words": w, "matches": len(k),
                     "per_1000_words": round(1000 * len(k) / w, 2) if w else 0.0,
                     "sentences": k["sent_id"].nunique(), "lexicon_hits": len(h),
                     "categories": ", ".join(f"{c} {n}" for c, n in sorted(cats.items(), key=lambda x: (-x[1], x[0])))})
    return pd.DataFrame(rows, columns=["outlet", "articles", "words", "matches", "per_1000_words", "sentences",
                                       "lexicon_hits", "categories"])


def matching_tone(story: Story, kwic: pd.DataFrame) -> pd.DataFrame:
    """The sentences holding a match, once each, with their VADER scores (story order)."""
    tone_all = tone.sentence_tone(story)
    out = tone_all[tone_all["sent_id"].isin(set(kwic["sent_id"].tolist()))]
    return out[["sent_id"] + TONE_SHOWN].round({"compound": 3}).reset_index(drop=True)


def tone_by_outlet(story: Story, sentences: pd.DataFrame) -> pd.DataFrame:
    """Mean compound tone of the matching sentences per outlet (outlets without one left out)."""
    g = sentences.groupby("outlet", sort=False)["compound"]
    out = pd.DataFrame({"sentences": g.count(), "mean_compound": g.mean().round(3),
                        "min": g.min().round(3), "max": g.max().round(3)}).reset_index()
    rank = {o: i for i, o in enumerate(story.outlets)}
    return out.sort_values("outlet", key=lambda s: s.map(rank), kind="mergesort").reset_index(drop=True)


def mark_match(sentence: str, match: str) -> str:
    """``sentence`` escaped, each occurrence of ``match`` in <mark>."""
    if not match:
        return html.escape(sentence)
    parts = sentence.split(match)
    return f"<mark>{html.escape(match)}</mark>".join(html.escape(p) for p in parts)


def article_html(story: Story, article_id: str, sent_id: int | None = None, match: str = "") -> str:
    """One article (its cleaned sentences, paragraph by paragraph) as HTML: the sentence ``sent_id``
    on a yellow ground, ``match`` marked in it."""

    arts = story.articles.set_index("id")
    if article_id not in arts.index:
        raise ParameterError.bad("article_html", "article_id", f"no article {article_id!r} in story {story.slug}",
                                 "pick an id from story.articles['id']")
    a = arts.loc[article_id]
    sents = tables.process(story).sentences
    sents = sents[sents["article_id"] == article_id].sort_values("sent_idx")
    out = [f"<div class='presslens-article' data-article='{html.escape(article_id)}'>",
           f"<h3>{html.escape(a['title'] if isinstance(a['title'], str) and a['title'] else article_id)}</h3>",
           f"<p><em>{html.escape(str(a['outlet']))}</em> · {html.escape(str(a['file']))}</p>"]
    para = None
    for r in sents.itertuples(index=False):
        if r.para_idx != para:
            if para is not None:
                out.append("</p>")
            out.append(f"<p class='part-{html.escape(str(r.part))}'>")
            para = r.para_idx
        if sent_id is not None and r.sent_id == sent_id:
            out.append(f"<span class='hit' style='background:#fff3b0'>{mark_match(r.text, match)}</span> ")
        else:
            out.append(html.escape(r.text) + " ")
    if para is not None:
        out.append("</p>")
    out.append("</div>")
    return "".join(out)


def line_label(row) -> str:
    """A KWIC line as one line of text for the line picker."""
    left = row.left[-60:]
    return f"{row.outlet} · {left} [{row.match}] {row.right[:60]}"


class Explorer:
    """Pickers (story, outlets, term, regular expression) above the KWIC lines, the hits by outlet and
    the tone of the matching sentences; choosing a KWIC line shows its article.

    Display it as the last expression of a cell. ``kwic``, ``hits``, ``tone`` and ``tone_summary`` hold
    the tables of the current picker state, and ``error`` what went wrong (a bad regular expression).
    """

    def __init__(self, story: str = paths.DEFAULT_STORY, outlets=None, term: str = "secret*",
                 regex: bool = False, figures_dir: str = "figures", group_by: str | None = None):
        import ipywidgets as w


        self._nb, self._figures_dir = setup, figures_dir
        self.ctx = setup.setup(story, figures_dir, outlets, group_by=group_by)
        self.group_by = self.ctx.params.group_by  # the hits table gets each outlet's group (outlets.yaml, meta:)
        choices = stories()
        rel = self.ctx.story.path
        try:
            rel = rel.resolve().relative_to(paths.REPO_ROOT.resolve()).as_posix()
        except ValueError:
            rel = rel.as_posix()
        if rel not in choices:
            choices.append(rel)
        self.story_picker = w.Dropdown(options=choices, value=rel, description="Story")
        self.outlet_picker = w.SelectMultiple(options=self.ctx.full.all_outlets or self.ctx.story.outlets,
                                              value=tuple(self.ctx.story.outlets) if outlets else (),
                                              description="Outlets", rows=6)
        self.term_picker = w.Text(value=term, description="Term", continuous_update=False,
                                  placeholder="secret*, cut corners, or a regular expression")
        self.regex_picker = w.Checkbox(value=regex, description="regular expression", indent=False)
        self.line_picker = w.Select(options=[], description="Line", rows=8, layout=w.Layout(width="95%"))
        self.status = w.HTML()
        self.kwic_out, self.hits_out, self.tone_out = w.Output(), w.Output(), w.Output()
        self.article = w.HTML()
        self.kwic = self.hits = self.tone = self.tone_summary = pd.DataFrame()
        self.error = ""
        self._handles: dict[str, list] = {}  # table name -> the display handles of show_table(name)
        self.lex = lexicon.lexicon_for(self.ctx.story)
        self.story_picker.observe(self._story_changed, names="value")
        for p in (self.outlet_picker, self.term_picker, self.regex_picker):
            p.observe(self._changed, names="value")
        self.line_picker.observe(self._line_changed, names="value")
        h = w.HTML
        self.widget = w.VBox([
            w.HBox([w.VBox([self.story_picker, self.term_picker, self.regex_picker]), self.outlet_picker]),
            self.status,
            h("<h3>KWIC lines</h3>"), self.kwic_out,
            h("<h3>Hits by outlet</h3>"), self.hits_out,
            h("<h3>Tone of the matching sentences</h3>"), self.tone_out,
            h("<h3>Article</h3><p>Choose a line to read its whole article, the match marked.</p>"),
            self.line_picker, self.article,
        ])
        self.update()

    # -- state -----------------------------------------------------------------------------------
    @property
    def story(self) -> Story:
        return self.ctx.story

    def _story_changed(self, change) -> None:
        self.ctx = self._nb.setup(change["new"], self._figures_dir, None)  # another story: its own attributes
        self.group_by = None
        self.lex = lexicon.lexicon_for(self.ctx.story)
        with self.outlet_picker.hold_trait_notifications():
            self.outlet_picker.value = ()
            self.outlet_picker.options = self.ctx.full.all_outlets or self.ctx.story.outlets
        self.update()

    def _changed(self, change) -> None:
        self.update()

    def _subset(self) -> Story:
        chosen = [o for o in self.outlet_picker.value if o in self.ctx.story.outlets]
        return self.ctx.story.subset(chosen) if chosen else self.ctx.story

    def update(self) -> None:
        """Recompute the tables for the pickers' values and show them."""
        st = self._subset()
        try:
            self.kwic = kwic_lines(st, self.term_picker.value, self.regex_picker.value)
            self.error = ""
        except ValueError as exc:
            self.kwic, self.error = pd.DataFrame(columns=lexicon.KWIC_COLUMNS), str(exc)
        self.hits = hits_by_outlet(st, self.kwic, self.lex)
        if self.group_by:
            self.hits.insert(1, "group", self.hits["outlet"].map(outlet_groups(st, self.group_by)))
        self.tone = matching_tone(st, self.kwic)
        self.tone_summary = tone_by_outlet(st, self.tone)
        cut = self.kwic.attrs.get("cut", "")  # a regular expression the pattern budget stopped: what it left out
        self.status.value = (f"<b style='color:#b00'>{html.escape(self.error)}</b>" if self.error else
                             f"{len(self.kwic)} line(s) in {self.kwic['article_id'].nunique()} article(s) of "
                             f"{len(st.outlets)} outlet(s)"
                             + (f"<br><b style='color:#b00'>{html.escape(cut)}</b>" if cut else ""))

        self._show(self.kwic_out, self.table("kwic"))
        self._show(self.hits_out, self.table("hits"))
        self._show(self.tone_out, self.table("tone_summary"), self.table("tone"))
        for name, handles in self._handles.items():  # the tables shown in cells of their own follow too
            for handle in handles:
                handle.update(self.table(name))
        self.line_picker.options = [(line_label(r), i) for i, r in enumerate(self.kwic.itertuples(index=False))]
        self.line_picker.value = 0 if len(self.kwic) else None
        self._line_changed({"new": self.line_picker.value})

    def table(self, name: str) -> notebook_tables.Table:
        """The interactive table ``name`` (one of :data:`TABLES`) of the pickers' current state."""
        if name not in TABLES:
            raise ParameterError.bad("Explorer.table", "name", f"no table {name!r}",
                                     f"use one of {', '.join(TABLES)}")
        df = getattr(self, name)
        return notebook_tables.show(df[TABLES[name]] if TABLES[name] else df)

    def show_table(self, name: str) -> None:
        """Display the table ``name`` in the current cell, kept up to date: a change of picker redraws it
        there too (a display handle), so the cells under the pickers never show a stale state."""
        from IPython.display import display

        handle = display(self.table(name), display_id=True)
        if handle is not None:
            self._handles.setdefault(name, []).append(handle)

    @staticmethod
    def _show(out, *objs) -> None:
        """Set an Output widget's content (the state itself: works in any front end, and under nbclient)."""
        out.outputs = tuple({"output_type": "display_data", "data": o._repr_mimebundle_(), "metadata": {}}
                            for o in objs)

    def _line_changed(self, change) -> None:
        i = change["new"]
        if i is None or not len(self.kwic):
            self.article.value = ""
            return
        r = self.kwic.iloc[i]
        self.article.value = article_html(self.story, r["article_id"], int(r["sent_id"]), r["match"])

    # -- display ---------------------------------------------------------------------------------
    def __repr__(self) -> str:
        outlets = list(self.outlet_picker.value) or "all"
        return (f"Explorer: story {self.story_picker.value}, outlets {outlets}, term {self.term_picker.value!r}"
                f"{' (regular expression)' if self.regex_picker.value else ''}: "
                + (self.error if self.error else f"{len(self.kwic)} KWIC line(s)")
                + (f" ({self.kwic.attrs['cut']})" if self.kwic.attrs.get("cut") else ""))

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        bundle["text/plain"] = repr(self)
        return bundle
