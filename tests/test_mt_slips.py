"""Typing slips a machine translation does not make (presslens.text.slips): stray full stops before lower-case words
stop a verdict that weak signals alone would give (issue 26)."""
import pandas as pd

from presslens.analyses.naming import translation
from presslens.text import slips

TYPED = ("Harbour Council spokesman Tom Berg on Monday urged fishing crews. traders and residents not to panic over "
         "the closure. Noting that the quay is now a regional issue. he asked people to follow the instructions. In his "
         "earlier remarks. the spokesman said the pontoon would open in March.")


def test_stray_full_stops_are_found_and_abbreviations_are_not():
    assert slips.stray_stops(TYPED) == ["crews. traders", "issue. he", "remarks. the"]
    assert slips.typed_by_a_person(TYPED) == (True, ["crews. traders", "issue. he", "remarks. the"])
    # one or two can be the capture's (a caption joined to the text): machine translations show one
    assert slips.typed_by_a_person(TYPED.split(" In his")[0])[0] is False
    for english in ["Boats, nets, ropes etc. are stored in the shed.", "The U.S. military and the a.m. tide arrived.",
                    "It costs approx. two million pounds.", "He said so. Then he left.", "Visit harbour.gov. uk",
                    "See www.harbour.example. the site.", "Ask Dr. smith at 9 a.m. today."]:
        assert slips.stray_stops(english) == [], english
    assert slips.typed_by_a_person("One slip here. and nothing else.") == (False, ["here. and"])
    assert slips.signal("One slip here. and nothing else.") is None


def _rows(*extra):
    base = [("a1", "Harbour Wire", "MT phrase", "'assured that'", 1, "es", False, 3, "s", "formula assured that", "x"),
            ("a1", "Harbour Wire", "translationese", "z=7", 2, "", False, -1, "p", "translationese profile", "laviosa1998")]
    return pd.DataFrame(base + [("a1", "Harbour Wire", *e) for e in extra], columns=translation.COLUMNS)


def test_typed_by_a_person_stops_a_verdict_of_weak_signals_only():
    plain = translation.likely_translations(None, _rows())
    assert plain["verdict"].tolist() == ["likely undeclared translation"]  # a formula and the word profile: score 3
    typed = translation.likely_translations(None, _rows(slips.signal(TYPED)))
    assert typed["verdict"].tolist() == ["isolated signals"] and typed["score"].tolist() == [3]
    strong = translation.likely_translations(None, _rows(slips.signal(TYPED), (
        "calque", "'Beanbao' for Doubao", 3, "zh", False, 4, "s", "calque of Doubao", "story.yaml")))
    assert strong["verdict"].tolist() == ["likely undeclared translation"]  # a strong tell still carries it
