"""Cross-page templates by registered site (issue 25): the pages of two sub-domains of one site share
their template; a blog platform's users are separate sites. Crafted pages and addresses."""
from presslens.text import shape

from .furniture_cases import P1, P2, P3

Q1 = "Ferry crews returned to the north quay on Sunday, two days after the storm."
Q2 = "The harbour master said the fuel depot would stay shut until inspectors had visited."


def test_sub_domains_of_one_site_are_one_site():
    assert shape.site_of("https://news.harbourgazette.com/a/1", None) == "harbourgazette.com"
    assert shape.site_of("https://sport.harbourgazette.com/b/2", None) == "harbourgazette.com"
    assert shape.site_of("https://www.harbourgazette.co.uk/a", None) == "harbourgazette.co.uk"
    assert shape.site_of("https://harbourjane.blogspot.com/a", None) != shape.site_of("https://bayjohn.blogspot.com/a", None)


def test_a_template_line_on_two_sub_domains_is_template():
    a = "\n".join([P1, "", "Rated: 4321 readers", "", P2, "", P3])
    b = "\n".join([Q1, "", "Rated: 17 readers", "", Q2])
    docs = [("a", shape.site_of("https://news.harbourgazette.com/a", None), a),
            ("b", shape.site_of("https://sport.harbourgazette.com/b", None), b)]
    keys = shape.template_keys(docs)
    assert keys.get("a") == keys.get("b") == frozenset({shape.line_key("Rated: 4321 readers")})
