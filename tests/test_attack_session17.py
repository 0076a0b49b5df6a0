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



def _dated_story(root, articles: dict[str, tuple[str, str | None, str]]):
    (root / "articles").mkdir(parents=True)
    (root / "story.yaml").write_text(STORY, encoding="utf-8")
    for aid, (outlet, day, text) in articles.items():
        (root / "articles" / f"{aid}.md").write_text(
            f"---\noutlet: {outlet}\npublished: {day or 'null'}\nlanguage: en\n---\n{text}\n", encoding="utf-8")
    return load_story(root)


def test_a_claim_first_told_after_an_outlets_last_article_is_not_its_omission(tmp_path):
    """An article of the 6th cannot carry what was first reported on the 8th: notebook 07 said the outlet
    'leaves out' the later development. A claim whose every carrier is dated after the outlet's last
    (dated) article is not its omission; an undated carrier, or an undated article, keeps the old reading."""
    from presslens.analyses import claims
    crack, towed = "The ferry showed a hull crack off the point.", "The ferry was towed back to the quay."
    st = _dated_story(tmp_path / "s", {"a": ("Tide Post", "2024-05-06", crack),
                                       "b": ("Quay News", "2024-05-08", crack + "\n\n" + towed),
                                       "c": ("Moor Daily", "2024-05-08", towed)})
    left = dict(zip(claims.omissions(st)["outlet"], claims.omissions(st)["left_out"]))
    assert left["Tide Post"] == ""                              # towed: first told two days after its article
    assert left["Moor Daily"].startswith("crack (")             # crack was told on the 6th: a real omission
    st2 = _dated_story(tmp_path / "t", {"a": ("Tide Post", "2024-05-06", crack),
                                        "b": ("Quay News", None, crack + "\n\n" + towed),
                                        "c": ("Moor Daily", "2024-05-08", towed)})
    assert dict(zip(claims.omissions(st2)["outlet"], claims.omissions(st2)["left_out"]))["Tide Post"].startswith("towed (")


def test_the_airline_is_the_airlines_named_before(tmp_path):
    """'Alaska said ... "...," the airline said': a definite description reads the organisation named before
    it by a word of its name, but 'airline' was not 'Airlines', so the direct quote had no actor and the
    party was said to speak 'in reported speech only'. A plural word of the name now gives its singular."""
    from presslens.analyses import quotes
    root = tmp_path / "s"
    (root / "articles").mkdir(parents=True)
    (root / "story.yaml").write_text(
        "title: Harbour ferry\nquestion: Who spoke?\nlanguage: en\nactors:\n  - name: Harbour Airlines\n"
        "    kind: company\n    aliases: [Harbour Airlines, Harbour]\n  - name: Tide Ferries\n    kind: company\n"
        "    aliases: [Tide Ferries]\n", encoding="utf-8")
    (root / "articles" / "a.md").write_text(
        "---\noutlet: Quay News\npublished: 2024-05-06\nlanguage: en\n---\n"
        "Tide Ferries cancelled 40 crossings on Monday. Harbour said it is waiting for the port's inspectors. "
        "“Our crews are ready to do the checks as soon as the rules arrive,” the airline said in a statement.\n",
        encoding="utf-8")
    q = quotes.quotes(load_story(root))
    row = q[q["kind"] == "direct"].iloc[0]
    assert (row["speaker"], row["actor"]) == ("Harbour Airlines", "Harbour Airlines")


FERRY = {
    "a": ("Tide Post", "The Harbour ferry's hull cracked open in the middle of the crossing on Friday, forcing the captain "
                       "to turn back.\n\nNobody was hurt, the port said."),
    "b": ("Quay News", "The Harbour ferry's hull cracked open in the middle of its crossing on Friday and the captain "
                       "turned back.\n\nThe port said nobody was hurt."),
    "c": ("Moor Daily", "On Friday the Harbour ferry's hull cracked open in the middle of the crossing, and the captain had "
                        "to turn back.\n\nNo one was hurt."),
    "d": ("Reef Times", "The Harbour ferry turned back on Friday after its hull cracked open in the middle of the crossing."
                        "\n\nThe port said nobody was injured."),
    "e": ("Buoy Herald", "A plate of the Harbour ferry's side split away halfway across the bay on Friday, and the boat "
                         "limped back to the quay.\n\nPassengers said the noise was deafening."),
}


def _ferry_left_out(tmp_path):
    from presslens.analyses import facts
    root = tmp_path / "f"
    (root / "articles").mkdir(parents=True)
    (root / "story.yaml").write_text("title: Harbour ferry\nquestion: q\nlanguage: en\n", encoding="utf-8")
    for aid, (outlet, text) in FERRY.items():
        (root / "articles" / f"{aid}.md").write_text(
            f"---\noutlet: {outlet}\npublished: 2024-05-06\nlanguage: en\nurl: https://{aid}.example/x\n---\n{text}\n",
            encoding="utf-8")
    return {(r.outlet, r.label) for r in facts.left_out(load_story(root)).itertuples()}


@pytest.mark.xfail(strict=True, reason="facts.left_out: a three-word sentence ('No one was hurt.') is not read as the "
                                       "fact 'nobody was hurt' (closest clause none), so the outlet is said to leave it out")
def test_a_short_sentence_of_the_fact_is_no_omission(tmp_path):
    assert not any(o == "Moor Daily" for o, _ in _ferry_left_out(tmp_path))


@pytest.mark.xfail(strict=True, reason="facts.left_out: the same event told in other words ('a plate of the ferry's side "
                                       "split away halfway across' for 'the hull cracked open in the middle of the crossing') "
                                       "is said to be left out (attack story: three outlets that told the blowout in their "
                                       "own words 'leave out 3 facts', all three the blowout)")
def test_the_event_in_other_words_is_no_omission(tmp_path):
    assert not any(o == "Buoy Herald" and "cracked" in label for o, label in _ferry_left_out(tmp_path))
