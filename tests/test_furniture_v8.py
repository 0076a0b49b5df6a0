"""Furniture version 8 (issue 25, round 2: learned on trafilatura's saved pages, judged on sites held
out): calls to action closing the text (cta-tail), a labelled source alone on a line (source-line), a
line opening with © and a year at any length, photo and "read also" labels in more languages. Each case
is a small crafted page (hand-checked, not copied from any capture), with the prose next to it that must
stay."""
from __future__ import annotations

import pytest

from presslens.text import prompts

from .furniture_cases import P1, P2, P3, run  # the same prose around each case, cleaned the same way


# ---------------------------------------------------------------------------------------------- cta-tail

@pytest.mark.parametrize("tail", [
    ["To read the whole story, please subscribe to the Harbour Gazette. You can pick a monthly or a yearly plan."],
    ["If you already subscribe, you can log in to read on."],
    ["Want the week's best stories? Sign up here"],
    ["For the latest news, download the Harbour Gazette app for iOS and Android."],
    ["Follow the Harbour Gazette on Facebook, and send us your photos."],
    ["What do you think? Submit a letter to the editor through our form.", "Copyright 2031 Harbour Gazette Ltd."],
])
def test_calls_to_action_closing_the_text_go(tail):
    kept, rules = run([P1, P2, P3, *tail])
    assert kept == [P1, P2, P3]
    assert rules[tail[0]] == "cta-tail"


def test_a_call_to_action_inside_the_story_or_reporting_stays():
    # in the middle of the story: a reader's advice, not the site's prompt
    mid = "If you live near the harbour, you can sign up for flood alerts from the council."
    kept, _ = run([P1, mid, P2, P3])
    assert mid in kept
    # a quotation or a reporting verb keeps a closing line that asks to subscribe
    said = "“Subscribe to the port's alerts and you will know first,” the harbour master told reporters."
    kept, _ = run([P1, P2, said])
    assert said in kept
    # a closing paragraph about an app, not speaking to the reader, stays
    app = "The council said fishermen downloaded the tide app more than 4,000 times last week."
    kept, _ = run([P1, P2, app])
    assert app in kept
    # the story's last paragraph speaking to the reader without a site action stays
    advice = "If you plan to sail this weekend, check the harbour notices before you leave."
    kept, _ = run([P1, P2, advice])
    assert advice in kept


def test_cta_shape():
    assert prompts.is_cta("Sign up for our morning briefing.")
    assert not prompts.is_cta("The union signed up 300 new members in March.")   # no reader addressed
    assert not prompts.is_cta("You can see the damaged piers from the coast road.")  # nothing done on the site
    assert prompts.tail_prompts(["a", "Sign up for our morning briefing.", "x"], {2: "short-line"}) == [1]


# ---------------------------------------------------------------------------------------------- listed rules

@pytest.mark.parametrize("line, rule", [
    ("Source: Harbour Port Authority", "source-line"),
    ("Quelle: Hafenbehörde Nord, 3. Mai 2031", "source-line"),
    ("Sources: Port Office, Coast Guard", "source-line"),
    ("© 2031, Harbour Gazette. This article is the property of the Harbour Gazette. It may not be reprinted "
     "without written permission, in print or online.", "copyright-line"),
    ("Foto: Jana Roth/Hafenbild", "photo-credit"),
    ("Beitragsbild: Jana Roth", "photo-credit"),
    ("Abbildung 3: Der Hafen nach dem Sturm", "photo-credit"),
    ("Lea también: Los muelles reabren tras la tormenta", "read-also-intl"),
    ("PUEDES VER: ¿Cuándo reabre el puerto?", "read-also-intl"),
    ("Czytaj też: Port otwarty po burzy", "read-also-intl"),
])
def test_labelled_furniture_lines_between_paragraphs_go(line, rule):
    kept, rules = run([P1, line, P2, P3])
    assert kept == [P1, P2, P3] and rules[line] in {rule, "label-line"}   # an English label may go by label-line


@pytest.mark.parametrize("line", [
    "Sources: the port office said two piers would stay closed until the insurers had inspected them.",
    "Source: officials. They said the depot burned for hours. Crews from three towns fought the fire.",
    "Copyright lawyers for the port argued the insurer must pay for both piers and the fuel depot.",
    "Photographs taken from the air show the depot still smoking on Saturday morning, officials added.",
    "Lea, a dock worker, has spent the weekend clearing the wreckage of the second pier.",
])
def test_prose_that_opens_like_a_label_stays(line):
    kept, _ = run([P1, line, P2, P3])
    assert line in kept


def test_labelled_fields_one_after_the_other_are_a_metadata_line():
    line = "News date : 04/21/2031 Category : Press Releases"
    kept, rules = run([P1, P2, line, P3])
    assert kept == [P1, P2, P3] and rules[line] == "timestamp-line"
    # one label opening a sentence with a date in it is no field list
    from presslens.text.datelines import is_meta_line
    assert not is_meta_line("Note: the port reopened on May 3, 2031 after repairs to both piers")
    assert is_meta_line("Published: May 3, 2031 Updated: May 4, 2031")
