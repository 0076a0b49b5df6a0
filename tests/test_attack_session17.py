"""Attack session 17: a hostile review on a fresh real story (saved pages of one news event, outside the repo).
Each defect is a crafted Harbour text that failed before its fix, or a strict xfail naming why it is left.
Every text here is made up."""
from __future__ import annotations

import pytest

from presslens import load_story
from presslens.analyses import profiles

STORY = """title: Harbour ferry
question: How was the ferry's hull crack told?
language: en
actors:
  - name: Harbour Ferries
    kind: company
    aliases: [Harbour Ferries]
speakers:
  - name: Ana Lund
    affiliation: Harbour Ferries
    aliases: [Lund]
claims:
  - id: crack
    text: The hull cracked.
    patterns: ['hull crack']
  - id: towed
    text: The ferry was towed back.
    patterns: ['towed back']
"""


def _story(root, articles: dict[str, tuple[str, str]]):
    (root / "articles").mkdir(parents=True)
    (root / "story.yaml").write_text(STORY, encoding="utf-8")
    for aid, (outlet, text) in articles.items():
        (root / "articles" / f"{aid}.md").write_text(
            f"---\noutlet: {outlet}\npublished: 2024-05-06\nlanguage: en\nurl: https://{aid}.example/f\n---\n{text}\n",
            encoding="utf-8")
    return load_story(root)


QUOTED = ("The ferry showed a hull crack on Monday and was towed back to the quay.\n\n"
          "“We took every passenger off before noon,” said Ana Lund, who runs Harbour Ferries.\n\n"
          "Lund said the crew had checked the deck twice.")
PLAIN = ("A hull crack opened on the ferry off the point on Monday.\n\n"
         "The boat was towed back to the quay in the afternoon.\n\n"
         "The next crossing leaves at nine.")


def test_one_shared_measure_is_no_framing_similarity(tmp_path):
    """Two outlets that share both claims but one of which quotes nobody and uses no loaded word have one
    measure in common (claims): they were 'told most alike' at framing 1.00, above two copies of one wire
    text. With one measure of three the pair has no framing similarity."""
    st = _story(tmp_path / "s", {"a": ("Tide Post", QUOTED), "b": ("Quay News", QUOTED.replace("Monday", "Sunday")),
                                 "c": ("Moor Daily", PLAIN)})
    s = profiles.similarity(st).set_index(["outlet_a", "outlet_b"])
    assert s.loc[("Tide Post", "Moor Daily"), "claims"] == 1.0                 # both claims in both
    assert s[["voices", "words"]].loc[("Tide Post", "Moor Daily")].isna().all()  # Moor Daily quotes nobody
    assert pd_isna(s.loc[("Tide Post", "Moor Daily"), "framing"])
    assert s.loc[("Tide Post", "Quay News"), "framing"] == pytest.approx(1.0)  # claims and voices: still read
    assert s.loc[("Moor Daily", "Moor Daily"), "framing"] == 1.0
    groups = profiles.clusters(st, s.reset_index(), threshold=0.7)
    g = dict(zip(groups["outlet"], groups["cluster"]))
    assert g["Tide Post"] == g["Quay News"] != g["Moor Daily"]


def pd_isna(x) -> bool:
    return x != x

