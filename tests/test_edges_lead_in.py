"""Boundaries of quotes/lead_in.headline_label (issue 20): a headline's speaker before a colon by name after
at most four words of description, by a role of at most five words ending in a head noun, never a kicker or
a clause with a verb. Invented Harbour headlines."""
import pytest

from presslens.analyses.quotes.lead_in import headline_label


@pytest.mark.parametrize("text, label", [
    ("Harbour master Tom Berg:", ("name", "Tom Berg")),
    ("New harbour master Tom Berg:", ("name", "Tom Berg")),
    ("The new harbour master Tom Berg:", ("name", "Tom Berg")),          # four words before the name
    ("Harbour master Tom Ann Berg:", ("name", "Tom Ann Berg")),          # a name of three words
    ("Harbour FA boss:", ("role", "Harbour FA boss")),
    ('Harbour FA boss: "', ("role", "Harbour FA boss")),
    ("The new Port Board chief:", ("role", "The new Port Board chief")),  # five words
    ("Our very new Port Board chief:", None),                              # six
    ("Breaking news:", None),                                             # no head noun
    ("Mayor warns:", None),                                               # a verb
    ("Harbour master Tom Berg said:", None),
    ("Harbour boss", None),                                               # no colon
])
def test_headline_label(text, label):
    assert headline_label(text) == label
