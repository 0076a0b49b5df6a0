"""Boundaries of text/language's script checks pinned on both sides (issue 20): the letters a script
verdict needs, the share of a language's script, the styled-letter share, the words of a second script.
Crafted strings (Greek and Cyrillic letters as the other scripts), counted by hand."""
from presslens.text import language

CYR = "д"  # one Cyrillic letter
GRK = "λ"  # one Greek letter


def test_script_mismatch_needs_forty_letters_and_less_than_half_in_the_script():
    assert language.SCRIPT_MIN_LETTERS == 40 and language.SCRIPT_SHARE == 0.5
    assert language.script_mismatch("en", CYR * 39) == ""  # 39 letters: too few to say
    said = language.script_mismatch("en", CYR * 40)
    assert said == "most of its letters (100%) are Cyrillic script, not the Latin script en is written in"
    assert language.script_mismatch("en", "a" * 20 + CYR * 20) == ""  # exactly half Latin: in its script
    assert language.script_mismatch("en", "a" * 19 + CYR * 21).startswith("most of its letters (52%) are Cyrillic")
    assert language.script_mismatch("xx", CYR * 50) == "" and language.script_mismatch(None, CYR * 50) == ""
    assert language.script_mismatch("EN-gb", CYR * 40) != ""  # the primary subtag, any case


def test_script_fits_and_dominant():
    assert language.script_fits("sr", "Latin") and language.script_fits("sr", "Cyrillic")
    assert not language.script_fits("en", "Cyrillic")
    assert language.script_fits("xx", "Cyrillic") and language.script_fits("en", None)
    assert language.dominant_script("ab" + CYR * 3) == "Cyrillic" and language.dominant_script("123") is None
    assert language.char_script("Ａ") == "Latin"  # full-width: the script after the width word
    assert language.char_script("市") == "Han" and language.char_script("1") is None


def test_styled_letters_above_a_fifth():
    wide = "Ｈａｒｂｏ"  # five full-width letters
    assert language.styled_letters(wide + "x" * 20) is None  # 5 of 25: exactly a fifth
    assert language.styled_letters(wide + "x" * 19) == "full-width"  # 5 of 24
    bold = "𝐇𝐚𝐫𝐛𝐨"
    assert language.styled_letters(bold + "x" * 19) == "mathematically styled (bold, italic, script)"
    assert language.styled_letters("Ｈａ" + "𝐇𝐚" + "x" * 4) == "full-width"  # a tie: full-width
    assert language.styled_letters("０" * 5 + "x" * 19) == "full-width"  # U+FF10, the range's first, counts
    assert language.styled_letters("Harbour") is None
    assert language.wide_latin_runs("Ｈ x Ｈａ y Ｈａ") == ["Ｈａ"]  # one letter is no run; each once


def test_other_script_words_more_than_a_fifth_and_twenty():
    en = " ".join(["harbour"] * 80)
    grk = lambda n: " ".join([GRK * 3] * n)
    assert language.MIXED_MIN_WORDS == 20 and language.MIXED_SHARE == 0.2
    assert language.other_script_words("en", en + " " + grk(20)) is None  # 20 of 100: exactly a fifth
    assert language.other_script_words("en", en + " " + grk(21)) == ("Greek", 21, 101)
    few = " ".join(["harbour"] * 60)
    assert language.other_script_words("en", few + " " + grk(19)) is None  # 19 words: under twenty
    assert language.other_script_words("en", few + " " + grk(20)) == ("Greek", 20, 80)
    # the other script as many words as the language's own: still reported; more: not (it is the text's)
    assert language.other_script_words("en", " ".join(["harbour"] * 30) + " " + grk(30)) == ("Greek", 30, 60)
    assert language.other_script_words("en", " ".join(["harbour"] * 29) + " " + grk(30)) is None
    assert language.other_script_words("en", en) is None
