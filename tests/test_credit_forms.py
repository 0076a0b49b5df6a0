"""Credits written in other languages ("según", "selon", "laut", "secondo", "Fuente:"): hand-made sentences."""
import pytest

from presslens.analyses import wires

KNOWN = {"harbourtimes": "Harbour Times"}


@pytest.mark.parametrize("text", [
    "El puente está cerrado, según el diario Harbour Times.",
    "Selon Harbour Times, le pont est fermé depuis lundi.",
    "Laut der Zeitung Harbour Times ist die Brücke gesperrt.",
    "Il ponte è chiuso, secondo il giornale Harbour Times.",
    "Segundo o jornal Harbour Times, a ponte foi fechada.",
    "De acuerdo con Harbour Times, el puente está cerrado.",
    "Fuente: Harbour Times",
])
def test_a_credit_in_another_language_names_an_outlet_of_the_story(text):
    rows = wires.article_sources("Copia Diaria", None, (), None, text, KNOWN)
    assert [(r["source"], r["kind"], r["wire"]) for r in rows] == [("Harbour Times", "credit", False)]
    assert wires.article_sources("Copia Diaria", None, (), None, text, {}) == []  # an unknown name is no outlet


@pytest.mark.parametrize("text", [
    "Según el alcalde Juan Pérez, el puente no es seguro.",  # a person, no outlet
    "Selon les ingénieurs, le pont est fissuré.",
    "El segundo puente del puerto sigue abierto.",  # "segundo" the number: no name follows
])
def test_no_credit_in_another_language_without_an_outlet(text):
    assert wires.article_sources("Copia Diaria", None, (), None, text, KNOWN) == []


@pytest.mark.parametrize("text, agency", [
    ("Según EFE, el puente está cerrado.", "EFE"),
    ("Le pont est fermé, selon Reuters.", "Reuters"),
    ("Quelle: Reuters", "Reuters"),
])
def test_an_agency_credited_in_another_language(text, agency):
    rows = wires.article_sources("Copia Diaria", None, (), None, text, {})
    assert [(r["source"], r["kind"], r["wire"]) for r in rows] == [(agency, "credit", True)]


def test_a_credit_deep_in_the_text_shows_its_own_words_as_evidence():
    # the evidence is the credit's neighbourhood, not the text's opening
    text = " ".join(["The council met on Monday to discuss the harbour."] * 12) + " The Harbour Times reported the cracks first."
    rows = wires.article_sources("Copy Daily", None, (), None, text, KNOWN)
    assert [r["source"] for r in rows] == ["Harbour Times"]
    assert "Harbour Times reported the cracks" in rows[0]["evidence"]


@pytest.mark.parametrize("text", [
    "The post Bridge closed to lorries appeared first on Harbour Times.",
    "This story was first posted on Harbour Times.",
    "It was published first in Harbour Times on Monday.",
])
def test_a_closing_line_credits_the_outlet_it_names(text):
    rows = wires.article_sources("Copy Daily", None, (), None, "The bridge is closed.\n" + text, KNOWN)
    assert [(r["source"], r["kind"]) for r in rows] == [("Harbour Times", "credit")]


@pytest.mark.parametrize("line", ["Harbour Council Confirmed Repairs; Reuters", "Mayor Said Piers Safe; Reuters"])
def test_a_credit_shaped_line_that_reports_is_prose_not_a_credit_caption(line):
    # capitalised words apart by ";" naming an agency look like a credit line, but a reporting verb makes
    # it a headline or subhead that reports (the prose guard): kept; the same shape without one goes
    from presslens.text import credits

    from .furniture_cases import P1, P2, P3, run

    assert credits.credited([line], {}) == ({}, {})
    kept, removed = run([P1, line, P2, P3])
    assert line in kept and not removed
    credit = "Jane Roe/Harbour Images; AP"
    assert credits.credited([credit], {}) == ({0: "credit-caption"}, {})
