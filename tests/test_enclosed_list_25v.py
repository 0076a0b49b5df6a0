"""enclosed-list (issue 25, 24v): a block of three or more short lines, no blank line between, with furniture
just above and just below it (a sponsor widget's names between its pitch and its button) goes; the same names
without that frame, a block with a sentence in it, a bulleted list and a table of figures stay. Crafted pages
of the harbour town, hand-checked."""
import pytest

from .furniture_cases import P1, P2, P3, run

PITCH = "Want to reach our readers? Sponsor our site and we will feature your business to you and your customers."
BUTTON = "Click the button below to sponsor our articles:"
NAMES = ["Quay Roofing & Repairs", "Pier Clips", "Harbour Internet Sales", "Dockside", "Sail4Fun"]


def test_names_between_a_pitch_and_its_button_go():
    kept, removed = run([P1, "", PITCH, *NAMES, BUTTON, "", P2, "", P3])
    assert {removed.get(n) for n in NAMES} == {"enclosed-list"}
    assert kept == [P1, P2, P3]


def test_the_same_names_without_furniture_around_them_stay():
    kept, _ = run([P1, "", "The council thanked its sponsors.", *NAMES, "", P2, "", P3])
    assert all(n in kept for n in NAMES)


@pytest.mark.parametrize("block", [
    ["Pier Clips", "The pier reopened on Monday.", "Dockside"],      # a sentence among them
    ["- Pier Clips", "- Dockside", "- Quay Roofing"],                  # the article's own bullets
    ["12 piers", "3 depots", "40 boats"],                              # the article's figures
])
def test_a_block_that_is_the_articles_own_stays(block):
    kept, removed = run([P1, "", PITCH, *block, BUTTON, "", P2, "", P3])
    assert not any(removed.get(b) == "enclosed-list" for b in block)
