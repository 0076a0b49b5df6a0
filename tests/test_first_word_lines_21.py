"""Session 21 (lead): two prose layouts a new dev set (quotes-pages-dev6) showed the cleaner removing:
a paragraph's first word set on a line of its own, and a hard-wrapped line of a quoted e-mail that
page-talk read as words about the page. Crafted Harbour lines."""
from presslens.text.joins import first_word_lines, split_sentence
from presslens.text.prompts import goes_on_from_above, page_talk


def test_a_first_word_on_its_own_line_opens_the_line_below():
    lines = ["The harbour board met on Monday.", "", "The",
             "execution of the harbour levy shall not be suspended pending",
             "", "Related", "Harbour news"]
    assert first_word_lines(lines) == {2, 3}
    assert {2, 3} <= split_sentence(lines)
    assert first_word_lines(["The", "latest news"]) == set()           # a menu's two words: no sentence below
    assert first_word_lines(["Harbour", "execution of the harbour levy shall not be"]) == set()  # a name can end a line
    assert first_word_lines(["For", "", "clarity's sake the levy is worded as follows:"]) == set()  # a blank between


def test_a_wrapped_line_going_on_from_above_is_no_page_talk():
    lines = ["The council said residents tried to close down the Harbour Watch",
             ">website and that they were inhibiting free speech",
             "", "Share this article", "", "Free article limit reached. Subscribe to read on"]
    assert goes_on_from_above(lines, 1) and not goes_on_from_above(lines, 3)
    assert page_talk(lines, {}) == [3, 5]
