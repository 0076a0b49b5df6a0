"""Hard line breaks a reader reads through (issue 24, 24v): a capture wrapped at a fixed width (a wire's copy)
breaks its sentences before capitals and digits too ("... of The" / "Harbour Port Authority ...", "... in" /
"2019, ..."); the paragraphs join there, as they already did before a lower-case line, so a quote and its
attribution stay one paragraph. Short lines set apart (a headline, a byline, a list) stay lines of their own.
Crafted text of the harbour town (invented names), hand-checked."""
from presslens.analyses.quotes import extract
from presslens.text import segment

from .conftest import acme_story

WIRE = """HARBOURTOWN May 3 The Harbour Port Authority on
Monday said storm surges wrecked two piers and a fuel depot in
2019, describing the damage as "the worst the port has
seen" since the war.
"There can be no question of reopening the north quay before
the repairs, the costs and the insurance claims of The Harbour
Port Authority and its contractors," Lund said in a statement,
which was sent to the town council.
The council would meet on Tuesday to discuss the costs."""


def test_a_fixed_width_wrap_joins_before_capitals_and_digits():
    assert segment.paragraphs(WIRE) == [
        'HARBOURTOWN May 3 The Harbour Port Authority on Monday said storm surges wrecked two piers and a fuel depot '
        'in 2019, describing the damage as "the worst the port has seen" since the war.',
        '"There can be no question of reopening the north quay before the repairs, the costs and the insurance claims of '
        'The Harbour Port Authority and its contractors," Lund said in a statement, which was sent to the town council.',
        "The council would meet on Tuesday to discuss the costs."]


def test_a_line_stopping_on_the_joins_the_capital_below():
    assert segment.paragraphs("Ana Lund said the\nHarbour Guard had closed the pier.") == [
        "Ana Lund said the Harbour Guard had closed the pier."]


def test_short_unended_lines_stay_apart():
    text = "Storm wrecks two harbour piers\nBy Tom Berg\nMonday 3 May\nThe storm wrecked two piers on Monday."
    assert segment.paragraphs(text) == text.split("\n")


def test_a_blank_line_is_still_a_break():
    assert segment.paragraphs("The mayor spoke to the\n\nHarbour Guard on Monday.") == [
        "The mayor spoke to the", "Harbour Guard on Monday."]


def test_the_wrapped_quote_keeps_its_speaker():
    rows = extract.extract_article("a", "Daily", segment.paragraphs(WIRE), acme_story())
    direct = [(r["quote"], r["speaker_text"]) for r in rows if r["kind"] == "direct" and r["quote"].startswith("There")]
    assert len(direct) == 1 and direct[0][0].endswith("The Harbour Port Authority and its contractors,")
    assert direct[0][1] == "Lund"


def _indirect(*paragraphs):
    rows = extract.extract_article("a", "Daily", list(paragraphs), acme_story())
    return [(r["quote"], r["speaker"]) for r in rows if r["kind"] == "indirect"]


def test_a_predicate_is_no_source_of_reported_speech():
    # what the wrap join brought to light: "X, which ..., issued a statement on Monday saying ..." gave the
    # clause to "issued a statement on Monday"; the subject before the relative clause is the source
    par = "The Harbour Port Authority, which runs the piers, issued a statement on Monday saying it would reopen the quay."
    assert _indirect(par) == [("it would reopen the quay", "The Harbour Port Authority")]


def test_a_plain_source_still_reports():
    assert _indirect("Harbour police said they would leave the quay.") == [("they would leave the quay", "Harbour police")]
