"""Figure builders for the analysis notebooks. Each returns (figure, the tidy data drawn), ready for
:meth:`presslens.notebook.setup.Context.save`. Colours come from the story's full outlet list, so an outlet has
the same colour in every notebook.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from presslens.story.model import Story
from . import style
from .style import note_figure, outlet_label, outlets_of, shown_note


def voice_share(story: Story, table: pd.DataFrame, top: int = 8) -> tuple[plt.Figure, pd.DataFrame]:
    """Whose words each outlet quotes: one bar per outlet, split by the share of its directly quoted
    words per voice (the speaking actor; 'unattributed' in grey), the ``top`` voices across the story
    by name and the rest as 'other voices'. From ``table`` (:func:`presslens.analyses.quotes.sources.voice_share`),
    which is also the CSV."""
    style.use_style()
    if table.empty:
        return note_figure("No direct quote was found in these articles, so there is no voice to share out "
                            "(quotes.quotes lists every quoted stretch, cited terms included)."), table
    every, outlets = outlets_of(story, table)
    totals = table[table["voice"] != "unattributed"].groupby("voice")["quoted_words"].sum()
    voices = sorted(totals.index, key=lambda v: (-totals[v], v))[:top]
    order = voices + ["other voices", "unattributed"]
    cmap = plt.get_cmap("tab10")
    colors = {v: cmap(i % 10) for i, v in enumerate(voices)}
    colors.update({"other voices": "0.75", "unattributed": "0.9"})
    t = table.assign(group=[v if v in voices or v == "unattributed" else "other voices" for v in table["voice"]])
    share = t.groupby(["outlet", "group"])["share"].sum()
    words = table.groupby("outlet")["quoted_words"].sum()
    fig, ax = plt.subplots(figsize=(10, 0.5 * len(outlets) + 1.8))
    for i, o in enumerate(outlets):
        left = 0.0
        for v in order:
            w = float(share.get((o, v), 0.0))
            if w <= 0:
                continue
            ax.barh(i, w, left=left, color=colors[v], edgecolor="white", lw=0.5, label=v if i == 0 else None)
            if w >= 0.08:
                ax.text(left + w / 2, i, f"{w:.0%}", ha="center", va="center", fontsize=7)
            left += w
        n = int(words.get(o, 0))
        ax.text(1.01, i, f"{n} word{'' if n == 1 else 's'}", va="center", fontsize=7, color="0.4",
                transform=ax.get_yaxis_transform())
    handles = [plt.Rectangle((0, 0), 1, 1, color=colors[v]) for v in order if (share.index.get_level_values(1) == v).any()]
    labels = [v for v in order if (share.index.get_level_values(1) == v).any()]
    ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.12, 1), fontsize=8, frameon=False)
    ax.set_yticks(range(len(outlets)), [outlet_label(story, o) for o in outlets])
    ax.set_ylim(len(outlets) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the outlet's directly quoted words")
    ax.set_title("Whose words each outlet quotes")
    fig.text(0.01, -0.02, "Direct quotes only (cited terms and reported speech apart). A voice is the speaker's actor "
             "(story.yaml); † machine-translated.", fontsize=8, color="0.35")
    shown_note(fig, outlets, every, y=-0.06)
    fig.tight_layout()
    return fig, table
