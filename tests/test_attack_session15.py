"""Hostile review of session 15's new rules (attack15): bad and unusual inputs thrown at the wire-shape verdict
(23j), the page-prompt furniture rule (25k) and the other new rules. Each defect is a crafted Harbour text that failed
before its fix (or an xfail naming why it is left). Every text here is made up."""
import pytest

from presslens.analyses import verdicts

from .furniture_cases import P1, P2, P3, run
from .test_reuse import OTHER, REWORDED, SOURCE, write_story
from .test_verdicts import pair

BODY = "\n\n".join(SOURCE + OTHER[:1])


def _story(tmp_path, a_text, b_text, a_date, b_date, name="s"):
    return write_story(tmp_path / name, {
        "a": {"outlet": "Harbour Times", "text": a_text, "published": a_date, "url": "https://a.example/quay"},
        "b": {"outlet": "Valley Echo", "text": b_text, "published": b_date, "url": "https://b.example/quay"}})


# 1. verdicts._explain (wire shape, 23j): a blog copying a newspaper's story word for word two weeks later, the
# newspaper's own correspondent's dateline kept ("PORT SELBY —", the house style of every paper's staff copy too):
# the dates order them, yet it was cleared as "common source likely: wire copy, no credit visible". A wire's two
# pickups run the same day (as the spread rule reads a wire); days apart, the later is the copy of the earlier.
def test_a_copy_two_weeks_later_of_a_datelined_story_is_still_copied(tmp_path):
    dated = "PORT SELBY — " + BODY
    v = pair(verdicts.verdicts(_story(tmp_path, dated, dated, "2024-05-06", "2024-05-20")), "a", "b")
    assert v["accusation"] and v["verdict"] == verdicts.UNCREDITED and v["direction"] == "b_from_a", v["verdict"]


def test_two_same_day_pickups_with_a_dateline_are_no_accusation(tmp_path):
    # the lead's mend: a dateline alone blocks the accusation and decides nothing (undetermined, both candidates named)
    dated = "PORT SELBY — " + BODY
    v = pair(verdicts.verdicts(_story(tmp_path, dated, BODY, "2024-05-06", "2024-05-06")), "a", "b")
    assert not v["accusation"] and v["verdict"].startswith("undetermined (a wire's copy"), v["verdict"]


# 2. the same, undated: a newspaper's datelined story and a lightly reworded copy crediting nothing look, by shape,
# exactly like two pickups of a wire (one keeping the dateline): "common source likely: wire copy" claimed more than
# a reader can tell (before 23j it was "copied without credit, direction unknown"). Mended at merge: a dateline alone
# makes the pair undetermined, naming both candidates (a wire's copy, one copied the other); telling a staff
# dateline from a wire's would need a signal the texts do not give (a staff byline, the outlet's other datelines)
def test_an_undated_light_rewrite_of_a_datelined_story_is_not_called_wire_copy(tmp_path):
    rew = "\n\n".join(REWORDED + OTHER[:1])
    v = pair(verdicts.verdicts(_story(tmp_path, "PORT SELBY — " + BODY, rew, None, None)), "a", "b")
    assert not v["verdict"].startswith("common source likely: wire copy"), v["verdict"]
    assert v["verdict"].startswith("undetermined (a wire's copy") and "copied" in v["verdict"], v["verdict"]


# 3. prompts.page_prompts (25k): a story's advice to its readers, a whole sentence saying "you" or "your" and opening
# with a verb of the command list, was removed as a prompt about the page; and a subhead whose first word is a
# compound ("Post-storm") or names itself ("Post office ...") was taken for the command "post" about a post
@pytest.mark.parametrize("line", [
    "Leave your car at home if you can.",
    "See your GP if the cough lasts more than a week.",
    "Follow the advice of your local council.",
    "Read the label on your medicine before you take it.",
    "Join your neighbours at the harbour hall on Monday.",
    "Show your ticket at the ferry gate.",
    "Leave home now if you live near the river!",
    "Post-storm clean-up begins",
    "Post office reopens after the storm",
])
def test_a_storys_advice_or_subhead_is_no_page_prompt(line):
    kept, removed = run([P1, "", line, "", P2, "", P3])
    assert line in kept, removed


@pytest.mark.parametrize("line", [
    "Load more updates",
    "Return to top",
    "Watch more of our videos on Harbour TV!",
    "Subscribe to get the latest posts sent to your email.",
    ">>See footage of the rescue in the media player above.",
])
def test_page_prompts_are_still_removed(line):
    kept, removed = run([P1, "", line, "", P2, "", P3])
    assert line not in kept and removed.get(line) == "page-prompt", removed


# 4. widgets.disclaimer_block (25k): the paragraph under a disclaimer's heading, no prose guard. A story about a film's
# disclaimer with a bare "Disclaimer" subhead lost its reported paragraph; and under a "Legal Disclaimer:" heading whose
# own text the capture lost, the story's next paragraph, reporting someone, went with it
SAID = "The film opens with a disclaimer saying that the harbour scenes were invented, the studio said on Monday."


def test_a_bare_disclaimer_subhead_takes_no_paragraph():
    kept, removed = run([P1, "", "Disclaimer", "", SAID, "", P2, "", P3])
    assert SAID in kept and "Disclaimer" in kept, removed


def test_a_reporting_paragraph_under_a_disclaimer_heading_stays():
    kept, removed = run([P1, "", "Legal Disclaimer:", "", SAID, "", P2, "", P3])
    assert SAID in kept, removed


def test_a_distributors_disclaimer_is_still_removed():
    lines = [P1, "", P2, "", "Legal Disclaimer:", "Harbour Wire provides the",
             "information “as is” without warranty of any kind. We do not accept",
             "any responsibility for the accuracy of the information in this article.", "", P3]
    kept, removed = run(lines)
    assert not any("Harbour Wire" in k or "as is" in k for k in kept), kept
    assert P3 in kept


# 5. naming.shortnames.family_first (26j): "a short word before a given name of two syllables joined by a hyphen, the
# second in lower case" is East Asian order (Tsao Ming-hua); an Arabic family name with its particle written so
# ("Ali Al-sayed", "Omar Abu-zaid") matched the shape too and its given name became the family name (main: the last
# word). The particle (al-, el-, abu-, abd-, abdel-, abdul-) is a closed class of the name's grammar
def test_an_arabic_family_name_with_its_particle_is_the_family_name():
    from presslens.analyses.naming.shortnames import surname_of

    assert surname_of(["Ali", "Al-sayed"]) == "Al-sayed"
    assert surname_of(["Omar", "Abu-zaid"]) == "Abu-zaid"
    assert surname_of(["Tsao", "Ming-hua"]) == "Tsao" and surname_of(["Moon", "Jae-in"]) == "Moon"


# 6. facts.predicate.predicates (29a): the object's head after a predicate is the first word fact discovery writes,
# and it splits a figure with a thousands separator ("4,700" -> "4", "700"): "carrying 4,700 containers" and
# "carrying 4,900 containers" give the same ("carry", "4"), so a subject-only core takes in a sentence with another
# figure as the centre's predicate and object. Not a regression (main took in every sentence holding the core); left:
# the split is normalise.fact_words', shared by all of fact discovery, no small local fix
def test_a_predicates_object_keeps_a_whole_figure():
    from presslens.analyses.facts import predicate

    assert (predicate.predicates("The grain barge was carrying 4,700 containers.")
            != predicate.predicates("The grain barge was carrying 4,900 containers."))
