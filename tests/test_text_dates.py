"""Dating an undated page by the dates its text names (presslens.analyses.text_dates), and the direction it gives a
copy whose publication dates do not order it (verdicts, issue 23: who copied whom)."""
import datetime as dt

import pytest

from presslens.analyses import text_dates, verdicts

from .test_reuse import OTHER, SOURCE, write_story
from .test_verdicts import FRESH, pair

D = dt.date


def test_full_dates_in_the_forms_news_text_writes_them():
    text = ("The bridge closed on March 26, 2024. By the 3rd of April, 2024 the council met; its report (2024-04-09) "
            "followed. Sept. 3 2023 was the last inspection. A Feb 30, 2024 date is no day; Monday and March 4 are "
            "no full dates.")
    assert text_dates.named_dates(text) == [D(2024, 3, 26), D(2024, 4, 3), D(2024, 4, 9), D(2023, 9, 3)]
    assert text_dates.latest(text) == D(2024, 4, 9)
    assert text_dates.latest("The council met on Monday.") is None


@pytest.mark.parametrize("day_x, text_x, day_y, text_y, sign", [
    # (texts are sentences: a line that ends no sentence is a stamp or a teaser, its date not read)
    # x undated, naming a day after y's date: x is the later (the lower bound alone says it)
    (None, "the ferry sailed on May 12, 2024.", D(2024, 5, 8), "", 1),
    # x undated, naming nothing after a day a year before y's date: written before y
    (None, "the ferry sailed on May 12, 2024.", D(2025, 5, 8), "", -1),
    # the same, sides swapped
    (D(2025, 5, 8), "", None, "the ferry sailed on May 12, 2024.", 1),
    # the named day close to y's date: it could be either
    (None, "the ferry sailed on May 12, 2024.", D(2024, 5, 20), "", None),
    (None, "the ferry sailed on May 12, 2024.", D(2024, 5, 13), "", None),
    # both dated: their dates say what they say; an undated text naming no full date says nothing
    (D(2024, 5, 8), "on May 12, 2025", D(2024, 5, 8), "", None),
    (None, "the ferry sailed on Monday", D(2025, 5, 8), "", None),
    # both undated: a month and more between the latest days they name
    (None, "on 2 June 2024.", None, "on 2 May 2024 and on 20 April 2024.", 1),  # 31 days
    (None, "on 2 June 2024.", None, "on 12 May 2024.", None),  # 21 days
])
def test_which_came_first_by_the_dates_the_texts_name(day_x, text_x, day_y, text_y, sign):
    assert text_dates.order(day_x, text_x, day_y, text_y)[0] == sign


def _copy(tmp_path, a_text_extra: str, b_published: str):
    # a undated (its text names the day of the closure), b dated, carrying a's text word for word: no credit
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE + [a_text_extra] + FRESH[:1]), "published": None},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE + OTHER[:1]), "published": b_published}}
    return pair(verdicts.verdicts(write_story(tmp_path, arts)), "a", "b")


def test_an_undated_page_dated_by_its_text_long_before_the_copy_is_its_source(tmp_path):
    v = _copy(tmp_path / "s", "The bridge was closed on May 6, 2024, the council said.", "2025-05-20")
    assert v["verdict"] == "copied without credit" and v["accusation"]
    assert v["direction"] == "b_from_a" and v["source_article"] == "a"
    assert "by the dates the texts name" in v["candidates"] and "2024-05-06" in v["evidence"]


def test_a_named_date_close_to_the_others_leaves_the_direction_unknown(tmp_path):
    v = _copy(tmp_path / "s", "The bridge was closed on May 6, 2024, the council said.", "2024-05-10")
    assert v["accusation"] and v["verdict"] == "copied without credit, direction unknown (a date is missing)"
    assert v["direction"] == "unknown"
