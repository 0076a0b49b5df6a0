"""The one set-up call every notebook makes after its parameters cell."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import paths, plots
from .corpus import Problem, Story, StoryError, load_story


@dataclass
class Context:
    story: Story
    figures: Path  # FIGURES_ROOT/SLUG
    colors: dict[str, str]

    def save(self, fig, data: pd.DataFrame, name: str) -> str:
        """Save a figure with its data through :func:`presslens.plots.save`; returns a line to print."""
        plots.save(fig, data, name, self.figures)
        return f"saved {name}.png, {name}.svg and {name}.csv ({len(data)} data rows) in the story's figures folder"


def setup(story: str = paths.DEFAULT_STORY, figures_dir: str = "figures", outlets=None) -> Context:
    """Check the notebook's parameters, load the story (validated) and apply the figure style."""
    problems = []
    if not isinstance(story, (str, Path)) or not str(story).strip():
        problems.append(Problem("parameter story", "story", f"{story!r} is not a path", 'give the story folder, e.g. "data/stories/bytedance-openai-2023"'))
    if not isinstance(figures_dir, (str, Path)) or not str(figures_dir).strip():
        problems.append(Problem("parameter figures_dir", "figures_dir", f"{figures_dir!r} is not a path", 'give a folder, e.g. "figures"'))
    if outlets is not None and not (isinstance(outlets, str) or (isinstance(outlets, (list, tuple)) and all(isinstance(o, str) for o in outlets))):
        problems.append(Problem("parameter outlets", "outlets", f"{outlets!r} is not a list of outlet names", 'use None for all, or e.g. ["New York Post", "ticker.tv"]'))
    if problems:
        raise StoryError(problems)
    full = load_story(story)
    st = full.subset(outlets)
    plots.use_style()
    return Context(st, plots.figures_dir(figures_dir, st.slug), plots.outlet_colors(full.outlets))
