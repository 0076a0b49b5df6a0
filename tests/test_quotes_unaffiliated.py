"""A story.yaml speaker may have no affiliation (an independent expert, a passenger): a quote whose
lead-in sentence names them ('Varga underlined that ..., and said, "..."') gives the named speaker with
no actor; it used to crash the whole quote analysis (the affiliation None was resolved as a name)."""
import dataclasses

from presslens import load_story
from presslens.analyses.quotes import extract
from presslens.story.model import Actor, Speaker

from .conftest import MINI


def _story():
    st = load_story(MINI)
    return dataclasses.replace(st, actors=[Actor("Harbour Board", "body", ("Harbour Board",))],
                               speakers=[Speaker("Ines Varga", None, "independent engineer", ("Varga",)),
                                         Speaker("Omar Reyes", "Harbour Board", "chair", ("Reyes",))])


def test_a_speaker_without_affiliation_in_a_lead_in_sentence():
    rows = extract.extract_article("a", "Daily", [
        "In addition, Varga underlined that the cranes also stop at night, and said, "
        "“Operators should not restart them before the update is fixed.”",
        "Later, Reyes agreed that the logs matter, and said, “We will publish the logs.”"], _story(), indirect=True)
    got = [(r["quote"], r["speaker"], r["speaker_kind"], r["actor"]) for r in rows if r["kind"] == "direct"]
    assert got == [("Operators should not restart them before the update is fixed.", "Ines Varga", "named", None),
                   ("We will publish the logs.", "Omar Reyes", "named", "Harbour Board")]
