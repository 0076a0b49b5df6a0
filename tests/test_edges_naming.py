"""Boundaries of small naming rules pinned on both sides (issue 20): the capitals an abbreviation needs,
the letters from which a family name's one-edit respelling counts, the words of a name's title.
Invented names, each checked by hand."""
from presslens.analyses.naming import brackets, shortnames


def test_an_abbreviation_needs_two_capitals_and_is_no_ticker_or_number():
    assert brackets.MIN_CAPITALS == 2
    assert brackets._abbr("HC")  # exactly two capitals
    assert brackets._abbr("HaCo")
    assert not brackets._abbr("Hc") and not brackets._abbr("H")  # one capital
    assert not brackets._abbr("HRBR.L")  # a stock ticker, however capitalised
    assert brackets._abbr("H.C.")


def test_same_start_reads_past_articles():
    assert brackets._same_start("HCB", "the Harbour Council Board")
    assert brackets._same_start("hcb", "Harbour Council Board")  # case-blind
    assert not brackets._same_start("CHB", "The Harbour Council Board")
    assert not brackets._same_start("T", "The")  # only an article: no word to start with


def test_family_name_respellings_at_their_letter_counts():
    assert shortnames.SURNAME_EDIT_FROM == 7
    # fewer than four letters: never a family name, even the name itself
    assert shortnames._is_surname("Bao", "Bao") is None
    assert shortnames._is_surname("Brun", "Brun") == "the family name of {form}"  # four letters, the same
    # one edit: only for family names of seven letters or more, the word six or more
    assert shortnames._is_surname("Harbinson", "Harbisson") is not None  # 9 letters, one substitution
    assert shortnames._is_surname("Marlowe", "Marlove").startswith("one edit")  # 7 and 7
    assert shortnames._is_surname("Marlow", "Marlowe").startswith("one edit")  # 6 against 7: one deletion
    assert shortnames._is_surname("Marlo", "Marlowe") is None  # two edits
    assert shortnames._is_surname("Harlow", "Harlov") is None  # a six-letter family name: no edit allowed
    assert shortnames._is_surname("Marlove", "Marlowe") is not None and shortnames._is_surname("Marlowe", "Marloww") is not None


def test_one_part_of_a_double_family_name_needs_five_letters():
    assert shortnames._is_surname("Quirke", "Quirke-Dalton").startswith("one part")
    assert shortnames._is_surname("Dalton", "Quirke-Dalton").startswith("one part")
    assert shortnames._is_surname("Kerry", "Kerry-Dalton").startswith("one part")  # five letters: enough
    assert shortnames._is_surname("Ruiz", "Ruiz-Dalton") is None  # four letters: too short to be a part alone
    assert shortnames._is_surname("Quirk", "Quirke-Dalton") is None  # neither part (and "quirkedalton" is far)


def test_family_first_two_or_three_pinyin_words_the_first_one_syllable():
    assert shortnames.family_first(["Wang", "Lifen"])
    assert shortnames.family_first(["Gao", "Ye", "Ming"])  # three words
    assert not shortnames.family_first(["Wang"])  # one word
    assert not shortnames.family_first(["Wang", "Li", "Fen", "Ye"])  # four words
    assert shortnames.surname_of(["Wang", "Lifen"]) == "Wang"
    assert shortnames.surname_of(["Mara", "Quirke"]) == "Quirke"


def test_untitled_drops_every_leading_title():
    assert shortnames._untitled("Acting Harbour Master Lina Okafor".split())[:1] != ["Acting"]
    assert shortnames._untitled(["Dr.", "Lina", "Okafor"]) == ["Lina", "Okafor"]
    assert shortnames._untitled(["President", "Dr", "Lina", "Okafor"]) == ["Lina", "Okafor"]
    assert shortnames._untitled(["Lina", "Okafor"]) == ["Lina", "Okafor"]
    assert shortnames._untitled(["Dr"]) == []
