"""Translation pairs (issue 26): an article in another language and the English article that renders it,
paired by anchors (numbers, names, links) shared in the same order; an unrelated English article of the
same story, sharing its names but not its figures and order, is not paired."""
import pandas as pd

from presslens import load_story
from presslens.analyses.naming import pairs

ES = ("El huracán Norma tocó tierra cerca de Puerto Velasco con vientos de 240 kilómetros por hora, informó el "
      "Servicio Meteorológico Nacional. La alcaldesa Lucía Ibarreta Soto dijo que 1.250 familias perdieron su casa "
      "y que 37 escuelas quedaron dañadas. El gobernador Tomás Urquidi anunció un fondo de 3,5 millones de pesos. "
      "Según la Cruz Roja, 14 personas siguen desaparecidas en Salinas del Cabo y otras 6 en Bahía Quemada. "
      "Más información en https://meteo.example.org/norma.")
EN_MT = ("The hurricane Norma made landfall near Puerto Velasco with winds of 240 kilometers per hour, the National "
         "Meteorological Service reported. The mayor Lucía Ibarreta Soto said that 1,250 families lost their home and "
         "that 37 schools were damaged. The governor Tomás Urquidi assured that a fund of 3.5 million pesos is ready. "
         "According to the Red Cross, 14 people remain missing in Salinas del Cabo and another 6 in Bahía Quemada. "
         "More information at https://meteo.example.org/norma.")
EN_OTHER = ("Residents of Puerto Velasco began clearing debris on Friday after Hurricane Norma, officials said. "
            "Governor Tomás Urquidi toured the coast and promised help. Mayor Lucía Ibarreta Soto thanked volunteers. "
            "Forecasters said a second storm could form next week, bringing 90 millimetres of rain. "
            "Schools in Salinas del Cabo will reopen in 10 days, the education office said.")


def _write(d, name, lang, outlet, body):
    (d / "articles" / f"{name}.md").write_text(
        f"---\noutlet: {outlet}\ntitle: {name}\nurl: https://example.org/{name}\npublished: 2024-10-02\n"
        f"language: {lang}\n---\n{body}\n", encoding="utf-8")


def _story(tmp_path):
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\nactors:\n"
                                  "  - {name: Norma, aliases: [Hurricane Norma]}\n", encoding="utf-8")
    _write(d, "es-diario", "es", "Diario del Puerto", ES)
    _write(d, "en-mt", "en", "Copy Site", EN_MT)
    _write(d, "en-other", "en", "Coast Post", EN_OTHER)
    return load_story(d)


def test_anchors_are_numbers_names_and_links_normalised_across_locales():
    assert pairs.anchors("Más de 1.250 familias y 3,5 millones, dijo Lucía Ibarreta en https://a.example/x.") == [
        "#1250", "#3.5", "lucia", "ibarreta", "https://a.example/x"]
    assert pairs.anchors("More than 1,250 families and 3.5 million, said Lucia Ibarreta on Monday, May 6.") == [
        "#1250", "#3.5", "lucia", "ibarreta"]  # months, weekdays and one-digit numbers are no anchors


def test_the_rendering_is_paired_with_its_anchors_and_the_unrelated_article_is_not(tmp_path):
    st = _story(tmp_path)
    assert pairs.foreign_articles(st)[["article_id", "language"]].values.tolist() == [["es-diario", "es"]]
    got = pairs.translation_pairs(st)
    assert got[["source_article", "article"]].values.tolist() == [["es-diario", "en-mt"]], got
    row = got.iloc[0]
    assert row["source_language"] == "es" and row["n_anchors"] >= 10 and row["share"] >= 0.8
    for a in ("1250", "3.5", "bahia", "https://meteo.example.org/norma"):  # the heaviest: only these two have them
        assert a in row["anchors"]
    # the rendering reads as a translation (three rules: a role before a name, a category before a name,
    # "assured that"), so the pair is its provenance:
    assert row["relation"] == "machine translation of"
    assert row["verdict"].startswith("en-mt is a machine translation of es-diario (es): ")
    al = pairs.aligned_sentences(st, "es-diario", "en-mt")
    assert len(al) == 4 and al["sentence"].iloc[1].startswith("The mayor Lucía")  # the link-only sentence: 1 anchor
    assert pairs.findings(got, 1) == [row["verdict"] + "."]


def test_no_foreign_article_and_no_pair_are_said_as_such(tmp_path):
    assert pairs.findings(pd.DataFrame(columns=pairs.COLUMNS), 0)[0].startswith("No article of the story is in another")
    assert "None of the 2 article(s)" in pairs.findings(pd.DataFrame(columns=pairs.COLUMNS), 2)[0]
