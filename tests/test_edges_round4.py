"""Round-4 survivors of the seeded-bug check (issue 20), each pinned with crafted data after the first-pass
figure was recorded: a published time with seconds, the facts-by-outlet cells, the message naming the
known evaluation stories. Invented Harbour values."""
import datetime as dt

import pandas as pd

from presslens.analyses.facts import omission
from presslens.evaluation import scoreboard
from presslens.story import when


def test_of_row_reads_seconds():
    w = when.of_row("2024-05-03", "09:30:15", "+02:00")
    assert w.day == dt.date(2024, 5, 3) and w.time == dt.time(9, 30, 15) and w.offset == dt.timedelta(hours=2)
    assert when.of_row("2024-05-03", "09:30").time == dt.time(9, 30, 0)
    assert when.of_row("2024-05-03").time is None and when.of_row(None) is None


def test_facts_by_outlet_cells():
    g = pd.DataFrame({"fact": [0, 0, 1, 1], "label": ["pier shut", "pier shut", "ferry stopped", "ferry stopped"],
                      "outlet": ["Harbour Post", "Quay Times"] * 2,
                      "voice": ["narration", "absent", "quote", "narration"], "part": ["title", None, "body", "lede"]})
    t = omission.by_outlet(g)
    assert list(t.columns) == ["Harbour Post", "Quay Times"]
    assert t.loc[(0, "pier shut")].tolist() == ["narration (title)", "—"]
    assert t.loc[(1, "ferry stopped")].tolist() == ["quote", "narration (lede)"]


def test_not_an_evaluation_story_names_the_known_ones(tmp_path):
    root = tmp_path / "eval"
    (root / "harbour-storm").mkdir(parents=True)
    (root / "harbour-storm" / "truth.yaml").write_text("version: 1\n")
    (tmp_path / "elsewhere").mkdir()
    p = scoreboard._not_evaluation("elsewhere", tmp_path / "elsewhere", str(root))
    assert p.fix.endswith("(harbour-storm)")
    (root / "harbour-storm" / "truth.yaml").unlink()
    p = scoreboard._not_evaluation("elsewhere", tmp_path / "elsewhere", str(root))
    assert p.fix.endswith("(none yet)")


def test_known_outlets_take_in_credited_sources_and_their_aliases():
    from types import SimpleNamespace

    from presslens.analyses import wires

    arts = pd.DataFrame({"outlet": ["Harbour Post", "Quay Times"], "derived_from": [["Harbour Wire"], None]})
    story = SimpleNamespace(articles=arts, actors=[SimpleNamespace(forms=("Harbour Wire", "HW")),
                                                   SimpleNamespace(forms=("Pier Trust",))])
    known = wires.known_outlets(story)
    assert known[wires.norm("Harbour Wire")] == "Harbour Wire" and known[wires.norm("HW")] == "Harbour Wire"
    assert known[wires.norm("Quay Times")] == "Quay Times" and wires.norm("Pier Trust") not in known


def test_builtin_furniture_rules_keep_case_where_they_say_so():
    import re

    from presslens.text import furniture

    spec = {r["id"]: r for r in furniture.builtin()["rules"]}
    rules = [r for r in furniture.rules_for(None) if "pattern" in r]
    sensitive = [r for r in rules if spec[r["id"]].get("case_sensitive")]
    assert len(sensitive) >= 9
    assert all(r["flags"] == 0 for r in sensitive)
    assert all(r["flags"] == re.IGNORECASE for r in rules if r not in sensitive)
    for r in rules:
        re.compile(r["pattern"], r["flags"])  # every built-in rule compiles with its flags


def test_a_body_element_marked_date_published_gives_its_text():
    from lxml import html as lxml_html

    from presslens.story.importer import dates

    page = ('<html><head><title>Pier shut</title></head><body><article><h1>Pier shut</h1>'
            '<span itemprop="datePublished">3 May 2024</span><p>The harbour board shut the pier.</p>'
            '</article></body></html>')
    tree = lxml_html.fromstring(page)
    day, _instant, where, _note = dates.published(tree, tree, None, {}, "The harbour board shut the pier.")
    assert (day, where) == (dt.date(2024, 5, 3), "metadata")


def test_metadata_without_date_declarations_keeps_the_author():
    from lxml import html as lxml_html

    from presslens.story.importer import dates

    page = ('<html><head><title>Pier shut | Harbour Post</title><meta property="article:published_time" '
            'content="2024-05-03T10:00:00+25:00"><meta name="author" content="Ann Berg"></head><body><article>'
            '<h1>Pier shut</h1><p>The harbour board shut the pier on Friday.</p></article></body></html>')
    meta = dates.metadata(lxml_html.fromstring(page))
    assert meta.author == "Ann Berg"


def test_a_respelling_english_writes_at_zipf_1_5_is_no_sign(monkeypatch):
    from presslens.text import translit

    assert "Mokhammed" in translit.respellings("Mohammed")
    monkeypatch.setattr(translit, "zipf", lambda w, lang: 1.49)
    assert translit.name_respellings(["Mohammed Harbour"])["Mokhammed"][0] == "Mohammed"
    monkeypatch.setattr(translit, "zipf", lambda w, lang: 1.5)
    assert translit.name_respellings(["Mohammed Harbour"]) == {}
