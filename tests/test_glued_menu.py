"""glued-menu (issue 25): a menu or breadcrumb whose items lost their spaces goes; a brand name of two
words run together, and prose, stay. Crafted pages."""
import pytest

from .furniture_cases import P1, P2, P3, run


@pytest.mark.parametrize("menu", ["HomeHarbourSportWeather", "NewsWorldHarbour", "Harbour Gazette HomeNewsOpinionSport"])
def test_a_menu_run_together_goes(menu):
    kept, removed = run([P1, "", menu, "", P2, "", P3])    # between paragraphs
    assert removed.get(menu) == "glued-menu"
    assert kept == [P1, P2, P3]


def test_a_long_menu_run_together_above_the_headline_goes():
    menu = "HarbourNewsSportWeatherOpinionBusinessCulture"    # past the length of a short line
    kept, removed = run(["Harbour Gazette", menu, "", "Storm wrecks the harbour? Piers and a fuel depot are gone", "", P1, "", P2])
    assert removed.get(menu) == "glued-menu"
    assert kept[-2:] == [P1, P2]


@pytest.mark.parametrize("line", ["PlayStation", "Harbour PricewaterhouseCoopers", "McDonald Harbour Works",
                                  "The HarbourWorksGroup reopened the pier on Monday."])
def test_a_brand_or_a_sentence_stays(line):
    kept, _ = run([P1, "", line, "", P2, "", P3])
    assert line in kept
