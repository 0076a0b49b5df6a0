"""Session 19 attack (b): crafted "Harbour" cases against two things session 19 merged.

(a) issue 23r, the direction of a copy given by the dates an undated page's own text names (text_dates.order):
each case below is a text whose dates do not say when it was written, so the order must be unknown (None),
never a direction. (b) issue 24r's speaker rules: "the" + one capitalised word read as a speaker."""
import dataclasses
import datetime as dt

import pytest

from presslens.analyses import text_dates

from .conftest import acme_story
from .speaker_battery_cases import run

D = dt.date


@pytest.mark.parametrize("text_x, day_y, text_y", [
    # a date the sentence looks forward to is no lower bound of the writing
    pytest.param("The council met on 2 May 2024. The hearing is set for June 3, 2025.", D(2024, 5, 8), "", id="future_set_for"),
    pytest.param("The quay closed on 2 May 2024 and will reopen on 1 September 2024.", D(2024, 5, 8), "", id="future_will"),
    pytest.param("“By 1 September 2024 the dam will be finished,” the mayor said on 2 May 2024.", D(2024, 5, 8), "",
                 id="future_in_quote"),
    pytest.param("The quay closed on 2 May 2024; it is due to reopen on 1 September 2024.", None,
                 "The quay closed on 2 May 2024, and the council met on 5 May 2024.", id="both_undated_future"),
    # furniture the cleaner keeps: an update stamp, a related story's date (lines that end no sentence)
    pytest.param("The quay closed on 2 May 2024, the council said.\nUpdated 12 June 2031", D(2024, 5, 8), "", id="updated_stamp"),
    pytest.param("The quay closed on 2 May 2024, the council said.\nRelated: Harbour floods again, 3 July 2031",
                 D(2024, 5, 8), "", id="related_teaser"),
    # an event far in the past, recalled: it does not date the writing
    pytest.param("Harbour remembers the flood of 12 June 1998, when the river rose. A plaque was unveiled on Monday.",
                 D(2024, 6, 14), "", id="flood_1998_remembered"),
    pytest.param("The flood of 12 June 1998 is remembered.\n© 2024 Harbour Times", D(2024, 6, 14), "", id="copyright_year"),
    pytest.param("“On 12 June 1998 the river took my house,” Ana Ruiz said.", D(2024, 6, 14), "", id="date_in_quote"),
    pytest.param("A year after the flood of 12 June 2023, Harbour held a vigil.", D(2024, 6, 13), "", id="a_year_after"),
    # a numeric date (12/06/2024 or 06/12/2024) is a date the text names, whichever way it reads
    pytest.param("The quay closed on 2 May 2024. The council met again on 12/06/2024.", D(2024, 7, 1), "", id="numeric_date"),
    # a date inside a link or a file name is no date the text names
    pytest.param("The quay closed on 2 May 2024 (photo: harbourtimes.example/2031-06-12/quay.jpg).", D(2024, 5, 8), "",
                 id="iso_in_link"),
    # a later day named without its year ("June 12th", "12 June"): the text was written after its latest full date
    pytest.param("The quay closed on 2 May 2024. On June 12th the council met.", D(2024, 6, 20), "", id="no_year_ordinal"),
    pytest.param("The quay closed on 2 May 2024. The council met on 12 June.", D(2024, 6, 20), "", id="no_year"),
])
def test_dates_that_do_not_date_the_writing_give_no_direction(text_x, day_y, text_y):
    assert text_dates.order(None, text_x, day_y, text_y)[0] is None
    assert text_dates.order(day_y, text_y, None, text_x)[0] is None


def test_the_dates_of_a_plain_report_still_order_it():
    # the mechanism keeps what the rule is for: a past date in a sentence of prose
    assert text_dates.order(None, "The quay closed on 2 May 2024, the council said.", D(2025, 5, 8), "")[0] == -1
    assert text_dates.order(None, "The quay reopened on 12 June 2024.\nUpdated 12 June 2031", D(2024, 5, 8), "")[0] == 1
    assert text_dates.latest("The quay met on 12/06/2024.") == D(2024, 6, 12)  # the earlier reading
    # an earlier day without its year says nothing against the full date
    assert text_dates.order(None, "The quay closed on 2 May 2024. The council met on 1 May.", D(2024, 6, 20), "")[0] == -1


@pytest.fixture(scope="module")
def story():
    return dataclasses.replace(acme_story(), actors=[], speakers=[])


@pytest.mark.parametrize("case", [
    ("weekday_the", "x", ["“The quay must close,” the Monday said."], "direct", "The quay must close", None),
    ("harbour_seat", "x", ["“The quay must close,” the Herald said."], "direct", "The quay must close", "the Herald"),
    ("possessor_town", "x", ["“The quay must close,” Harbour's mayor said."], "direct", "The quay must close", "Harbour's mayor"),
    ("french_people", "x", ["“The quay must close,” the French said."], "direct", "The quay must close", None),
    ("colon_thing", "x", ["The answer was simple: “We close the quay.”"], "direct", "We close the quay", None),
    ("said_she_would_alone", "x", ["Ana Ruiz spoke after the hearing.", "Ruiz said she would."], "indirect", "she would", None),
], ids=lambda c: c[0])
def test_speaker_attacks(story, case):
    got, rows = run(story, case)
    assert got == "right", [(r["kind"], r["quote"], r["speaker"]) for r in rows]


def test_an_update_stamp_the_cleaner_keeps_gives_a_copy_no_direction(tmp_path):
    # through verdicts: the undated page's own text ends with an update stamp years after the day it reports (the
    # cleaner drops this stamp already, so this passed before the attack too; the unit case updated_stamp is the one
    # that failed: a stamp in a line the cleaner keeps)
    from .test_text_dates import _copy

    v = _copy(tmp_path / "s", "The bridge was closed on May 6, 2024, the council said.\nUpdated 12 June 2031", "2024-05-10")
    assert v["accusation"] and v["direction"] == "unknown"
