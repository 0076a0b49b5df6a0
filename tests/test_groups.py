"""Outlets as groups (issue 28): outlets.yaml attributes and aliases, articles' meta: fields, group
measures with cluster-bootstrap intervals, keyness of any two sides, the blind-spot table.

The fixture (tests/fixtures/groups-story) has six articles from five outlets: kind wire (Associated
Wire Service, two articles, one written "AWS News"; Metro Wire), national (The National Daily),
regional (Valley Courier), and Harbour Blog, which outlets.yaml gives a country but no kind. Every
expected number below is counted by hand from those texts (the sentences are listed where used).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from presslens import stats
from presslens.analyses import blindspots, groups, keyness
from presslens.errors import ParameterError, StoryError
from presslens.notebook import setup as nb
from presslens.story.load import load_story
from presslens.story.grouping import article_groups, summary as outlets_summary
from presslens.story.outlets import UNKNOWN

FIXTURE = Path(__file__).parent / "fixtures" / "groups-story"


@pytest.fixture(scope="module")
def story():
    return load_story(FIXTURE)


def _copy(tmp_path: Path) -> Path:
    dest = tmp_path / "groups-story"
    shutil.copytree(FIXTURE, dest)
    return dest


# ----------------------------------------------------------------------------------------------
# outlets.yaml and meta:


def test_attributes_aliases_and_unknown(story):
    a = story.articles.set_index("id")
    assert a.loc["aws-2", "outlet"] == "Associated Wire Service"  # written "AWS News": an alias
    assert story.outlet_renamed == {"AWS News": "Associated Wire Service"}
    assert len(story.outlets) == 5
    assert story.outlet_attrs["Valley Courier"] == {"kind": "regional", "country": "US", "founded": 1921}
    g = article_groups(story, "kind")
    assert g.to_dict() == {"aws-1": "wire", "metro": "wire", "aws-2": "wire", "national": "national",
                           "blog": UNKNOWN, "valley": "regional"}
    assert article_groups(story, "founded")["valley"] == "1921" and article_groups(story, "founded")["blog"] == UNKNOWN
    # an outlet of outlets.yaml that is not in the story: a warning, not an error
    ghost = [n for n in story.notices if "Ghost Gazette" in n.field]
    assert ghost and "names no outlet" in ghost[0].message
    line = outlets_summary(story)  # presslens check prints it
    assert "kind (4 of 5 outlets)" in line and "meta.section" in line and "'AWS News' -> 'Associated Wire Service'" in line


def test_meta_fields_group_articles(story):
    a = story.articles.set_index("id")
    assert a.loc["national", "meta"] == {"section": "business", "print": True}
    assert a.loc["aws-1", "meta"] == {}
    g = article_groups(story, "meta.section")
    assert g["national"] == "business" and g["aws-2"] == "business" and g["valley"] == UNKNOWN
    assert article_groups(story, "meta.print")["national"] == "true"


@pytest.mark.parametrize("value, words", [
    ("[US, UK]", ["outlets.Metro Wire.country", "is a list"]),
    ("{name: UK, region: Europe}", ["outlets.Metro Wire.country", "nested mapping", "one level deep"]),
    ("no", ["outlets.Metro Wire.country", "true/false", "quote it"]),
    (".inf", ["outlets.Metro Wire.country", "not a finite number"]),
    ("-.inf", ["outlets.Metro Wire.country", "not a finite number"]),
    (".nan", ["outlets.Metro Wire.country", "not a finite number"]),
])
def test_bad_attribute_values(tmp_path, value, words):
    root = _copy(tmp_path)
    p = root / "outlets.yaml"
    p.write_text(p.read_text().replace("country: UK\n  The National", f"country: {value}\n  The National", 1))
    with pytest.raises(StoryError) as exc:
        load_story(root)
    msg = str(exc.value)
    assert "groups-story/outlets.yaml" in msg and "Fix:" in msg
    for w in words:
        assert w in msg


def test_bad_keys_and_shapes(tmp_path):
    root = _copy(tmp_path)
    (root / "outlets.yaml").write_text("outlets:\n  Metro Wire:\n    2024: wire\n  1999: {kind: wire}\n"
                                       "  Valley Courier: [regional]\n")
    with pytest.raises(StoryError) as exc:
        load_story(root)
    msg = str(exc.value)
    assert "[outlets.Metro Wire.2024]" in msg and "is not a name" in msg
    assert "outlet name 1999 is not text" in msg
    assert "[outlets.Valley Courier]" in msg and "must be a mapping of attributes" in msg
    (root / "outlets.yaml").write_text("Metro Wire: {kind: wire}\n")  # outlets not under outlets:
    with pytest.raises(StoryError, match="outlets go under 'outlets:'"):
        load_story(root)
    (root / "outlets.yaml").write_text("outlets:\n  Metro Wire: {aliases: [AWS News]}\n"
                                       "  Associated Wire Service: {aliases: [aws news]}\n")
    with pytest.raises(StoryError, match="names both 'Metro Wire' and 'Associated Wire Service'"):
        load_story(root)


def test_a_story_entry_naming_two_shared_outlets_is_an_error(tmp_path):
    """The shared file has Metro Wire (alias MW) and Valley Courier (alias VC); the story's own entry
    lists both MW and VC: which outlet it is cannot be told, so it is an error naming both, not a
    silent merge into the first one (which took the alias VC from Valley Courier)."""
    root = _copy(tmp_path)
    shared = tmp_path / "shared" / "outlets.yaml"
    shared.parent.mkdir()
    shared.write_text("outlets:\n  Metro Wire: {kind: wire, aliases: [MW]}\n  Valley Courier: {kind: regional, aliases: [VC]}\n")
    (root / "story.yaml").write_text((root / "story.yaml").read_text() + "outlets_file: ../shared/outlets.yaml\n")
    (root / "outlets.yaml").write_text("outlets:\n  Metro Wire: {country: UK, aliases: [MW, VC]}\n")
    with pytest.raises(StoryError) as exc:
        load_story(root)
    msg = str(exc.value)
    assert "groups-story/outlets.yaml [outlets.Metro Wire]" in msg and "names 2 outlets of the shared file" in msg
    assert "'Metro Wire' (by 'Metro Wire')" in msg and "'Valley Courier' (by 'VC')" in msg and "Fix:" in msg
    (root / "outlets.yaml").write_text("outlets:\n  Metro Wire: {country: UK, aliases: [MW]}\n")  # one outlet: fine
    assert load_story(root).outlet_attrs["Metro Wire"] == {"kind": "wire", "country": "UK"}


def test_many_unused_outlets_are_one_warning(tmp_path):
    """A story's outlets.yaml copied from a list of 5,000 outlets: one warning naming a dozen and the
    count, not 5,000 lines; a few unused outlets keep a warning each (with the nearest name)."""
    root = _copy(tmp_path)
    p = root / "outlets.yaml"
    p.write_text(p.read_text() + "".join(f"  Other Outlet {i}: {{kind: wire}}\n" for i in range(5000)))
    story = load_story(root)
    unused = [n for n in story.notices if "name no outlet" in n.message or "names no outlet" in n.message]
    assert len(unused) == 1 and unused[0].field == "outlets"
    assert unused[0].message.startswith("5001 outlets name no outlet of the story's articles") and "and 4989 more" in unused[0].message
    assert "Ghost Gazette" in unused[0].message and "outlets_file" in unused[0].fix
    assert story.outlet_attrs["Metro Wire"]["kind"] == "wire"


def test_a_group_by_with_a_group_per_article_is_refused(tmp_path):
    """meta.serial differs on every one of 62 articles: 62 groups is over the limit of 60 (the blind-spot
    table would compare every pair), a clear error naming the count and the fix, before any work."""
    root = _copy(tmp_path)
    src = (root / "articles" / "blog.md").read_text()
    for i in range(61 - len(list((root / "articles").glob("*.md"))) + 1):
        (root / "articles" / f"extra-{i}.md").write_text(src)
    for i, art in enumerate(sorted((root / "articles").glob("*.md"))):
        text = art.read_text()
        if "meta:" in text:
            art.write_text(text.replace("meta:\n", f"meta:\n  serial: {i}\n", 1))
        else:
            art.write_text(text.replace("\n---\n", f"\nmeta: {{serial: {i}}}\n---\n", 1))
    story = load_story(root)
    assert len(story.articles) == 62 and len(set(article_groups(story, "meta.print"))) <= 3
    with pytest.raises(ParameterError) as exc:
        article_groups(story, "meta.serial")
    assert "'meta.serial' makes 62 groups (more than 60)" in str(exc.value) and "kind, country" in str(exc.value)
    with pytest.raises(ParameterError, match="makes 62 groups"):
        nb.check_params(story, group_by="meta.serial")  # presslens run -p group_by meta.serial: before any work


@pytest.mark.parametrize("text", ["", "# to fill in\n", "outlets:\n", "sources: [About pages]\noutlets: {}\n"])
def test_an_outlets_file_that_gives_no_outlet_is_warned(tmp_path, text):
    """An outlets.yaml left empty (or all comments, or outlets: with nothing under it) loads, with a
    warning naming the file: every outlet is unknown, which is rarely what its author meant."""
    root = _copy(tmp_path)
    (root / "outlets.yaml").write_text(text)
    story = load_story(root)
    got = [n for n in story.notices if "gives no outlet" in n.message]
    assert len(got) == 1 and got[0].file == "groups-story/outlets.yaml" and "outlets:" in got[0].fix
    assert set(article_groups(story, "kind")) == {UNKNOWN}
    assert not [n for n in load_story(FIXTURE).notices if "gives no outlet" in n.message]


def test_values_differing_only_in_case_are_warned(tmp_path):
    """kind 'National' beside 'national' (and meta section 'Business' beside 'business') would be two
    groups: presslens check warns, naming the spellings; the groups stay as written (nothing guessed)."""
    root = _copy(tmp_path)
    p = root / "outlets.yaml"
    p.write_text(p.read_text().replace("kind: regional", "kind: National"))
    art = root / "articles" / "national.md"
    art.write_text(art.read_text().replace("section: business", "section: 'Business '"))
    story = load_story(root)
    warned = {(n.field, n.message) for n in story.notices}
    assert ("kind", "values 'National', 'national' differ only in case or spacing: group_by counts them as "
                    "separate groups") in warned
    assert any(f == "meta.section" and "'Business', 'business'" in m for f, m in warned)  # stripped
    assert set(article_groups(story, "kind")) == {"wire", "national", "National", UNKNOWN}
    assert not [n for n in load_story(FIXTURE).notices if "differ only in case" in n.message]


def test_thousands_of_fields_make_a_bounded_check_line_and_group_by_error(tmp_path):
    """10,000 meta: fields: presslens check's line and a misspelt group_by name a dozen, then how many more."""
    root = _copy(tmp_path)
    art = root / "articles" / "blog.md"
    fields = "".join(f"  k{i}: {i}\n" for i in range(10_000))
    art.write_text(art.read_text().replace("outlet: Harbour Blog", "outlet: Harbour Blog\nmeta:\n" + fields))
    story = load_story(root)
    line = outlets_summary(story)
    assert len(line) < 1000 and "meta.k0" in line and "and 9993 more" in line  # 3 attributes, meta.section, meta.print, k0-k9999: 10,005, 12 named
    with pytest.raises(ParameterError) as exc:
        article_groups(story, "kinds")
    assert len(str(exc.value)) < 1500 and "did you mean 'kind'?" in str(exc.value) and "more" in str(exc.value)


def test_unknown_article_field_points_to_meta(tmp_path):
    root = _copy(tmp_path)
    art = root / "articles" / "blog.md"
    art.write_text(art.read_text().replace("outlet: Harbour Blog", "outlet: Harbour Blog\nsection: local"))
    with pytest.raises(StoryError) as exc:
        load_story(root)
    assert "blog.md [section]: unknown field" in str(exc.value)
    assert "put your own fields under meta:" in str(exc.value)
    art.write_text(art.read_text().replace("section: local", "meta: {desk: {name: local}}"))
    with pytest.raises(StoryError, match=r"blog.md \[meta.desk\]: is a nested mapping"):
        load_story(root)


def test_shared_outlets_file_story_file_wins(tmp_path):
    root = _copy(tmp_path)
    shared = tmp_path / "shared" / "outlets.yaml"
    shared.parent.mkdir()
    shared.write_text("outlets:\n  VALLEY courier:\n    kind: national\n    country: CA\n    leaning: centre\n"
                      "  Some Other Paper: {kind: national}\n")
    sy = root / "story.yaml"
    sy.write_text(sy.read_text() + "outlets_file: ../shared/outlets.yaml\n")
    st = load_story(root)
    # the story's own file wins per key (kind, country); the shared file adds what it lacks (leaning)
    assert st.outlet_attrs["Valley Courier"] == {"kind": "regional", "country": "US", "leaning": "centre", "founded": 1921}
    assert "leaning" in st.attributes
    assert not [n for n in st.notices if "Some Other Paper" in n.field]  # the shared file may list other outlets
    assert "outlets_file:../shared/outlets.yaml" in st.input_hashes() and "outlets.yaml" in st.input_hashes()
    shared.write_text("outlets:\n  Valley Courier: {kind: [a, b]}\n")
    with pytest.raises(StoryError, match=r"../shared/outlets.yaml \(outlets_file of groups-story/story.yaml\) "
                                         r"\[outlets.Valley Courier.kind\]: is a list"):
        load_story(root)
    sy.write_text(sy.read_text().replace("../shared/outlets.yaml", "../nowhere.yaml"))
    with pytest.raises(StoryError, match=r"\[outlets_file\]: '../nowhere.yaml' is not a file"):
        load_story(root)


def test_group_by_parameter(story, tmp_path):
    with pytest.raises(ParameterError, match="did you mean 'kind'"):
        article_groups(story, "knd")
    with pytest.raises(ParameterError, match="group_by"):
        nb.setup(str(FIXTURE), str(tmp_path / "figs"), group_by="knd")
    ctx = nb.setup(str(FIXTURE), str(tmp_path / "figs"), group_by="kind")
    assert ctx.params.group_by == "kind"
    assert nb.run_name("s", knobs={"group_by": "kind"}) == "s"  # tables only: not a variant
    with pytest.raises(ParameterError, match="did you mean 'kind'"):  # presslens run -p group_by knd
        nb.check_params(story, group_by="knd")
    assert nb.check_params(story, group_by="meta.section")[1] == {"group_by": "meta.section"}
    # a story that declares no attributes: every outlet is unknown (nothing guessed), not an error
    plain = load_story(Path(__file__).parent / "fixtures" / "mini-story")
    assert set(article_groups(plain, "kind")) == {UNKNOWN}
    for bad in ("meta.", "meta.a b", "", "kind of", "meta"):  # never an attribute name, declared or not
        with pytest.raises(ParameterError, match="is neither an attribute"):
            article_groups(plain, bad)


# ----------------------------------------------------------------------------------------------
# group measures


def _m(table, group, measure):
    row = table[(table["group"] == group) & (table["measure"] == measure)]
    assert len(row) == 1
    return row.iloc[0]


def test_group_measures_by_hand(story):
    t = groups.measures(story, "kind", n_boot=500, seed=1)
    assert list(dict.fromkeys(t["group"])) == ["wire", "national", "regional", UNKNOWN]
    # wire: aws-1 (7 + 5 words), metro (5 + 5, 3 of them quoted), aws-2 (6 + 6): 34 words, 6 sentences
    assert _m(t, "wire", "words_per_sentence").value == pytest.approx(34 / 6)
    assert _m(t, "wire", "quote_share").value == pytest.approx(3 / 34)
    # loaded words: "authority" once in each wire article, in 12 + 7 + 12 = 31 narration words
    assert _m(t, "wire", "loaded_per_1000").value == pytest.approx(1000 * 3 / 31)
    assert _m(t, "national", "loaded_per_1000").value == 0
    assert _m(t, "regional", "quote_share").value == pytest.approx(3 / 10)
    vader = SentimentIntensityAnalyzer()
    wire = ["The authority fined Seaway Lines on Monday.", "Seaway said it would pay.",
            "The authority fined Seaway Lines.", '"We acted fast," Cole said.',
            "The authority fined Seaway Lines again.", "The fine follows an oil spill."]
    assert _m(t, "wire", "tone").value == pytest.approx(np.mean([vader.polarity_scores(s)["compound"] for s in wire]))
    # the unknown group is shown with its one outlet, not dropped
    u = _m(t, UNKNOWN, "tone")
    assert u.outlets == "Harbour Blog" and u.n_articles == 1
    # weak intervals say so beside the number
    assert _m(t, "national", "tone").weak and "1 outlet" in _m(t, "national", "tone").note
    assert "3 article(s)" in _m(t, "wire", "tone").note
    # words per sentence: the wire interval lies between Metro alone (5) and AWS alone (6)
    w = _m(t, "wire", "words_per_sentence")
    assert 5.0 <= w.ci_low <= w.value <= w.ci_high <= 6.0 and w.ci_high > w.ci_low
    cells = groups.wide(t)
    assert cells.set_index("group").loc["wire", "words_per_sentence"].startswith("5.67 [")
    assert cells.set_index("group").loc["national", "tone"].endswith("(weak)")


def test_voice_shares(story):
    v = groups.voice_shares(story, "kind", n_boot=200)
    # wire quotes Cole (Port Authority) only; regional Park (Seaway Lines) only
    assert v[["group", "voice", "share", "quoted_words"]].values.tolist() == [
        ["wire", "Port Authority", 1.0, 3], ["regional", "Seaway Lines", 1.0, 3]]


# ----------------------------------------------------------------------------------------------
# cluster bootstrap


def test_cluster_ci_equal_outlets_zero_width_and_seeded():
    H, W = np.full(6, 0.3), np.ones(6)
    lo, hi = stats.cluster_ci(H, W, list("aabbcc"), 500, np.random.default_rng(0))
    assert lo[0] == pytest.approx(0.3) and hi[0] == pytest.approx(0.3)
    H = np.array([0.1, 0.9, 0.4, 0.5, 0.7])
    one = stats.cluster_ci(H, np.ones(5), list("aabbc"), 400, stats.group_rng(7, "x"))
    two = stats.cluster_ci(H, np.ones(5), list("aabbc"), 400, stats.group_rng(7, "x"))
    other = stats.cluster_ci(H, np.ones(5), list("aabbc"), 400, stats.group_rng(8, "x"))
    assert one == two and one != other


def test_cluster_ci_resamples_outlets_not_rows():
    # outlet a: 100 articles of 0; outlet b: one article of 1. Drawing outlets gives all-a (0) a quarter
    # of the time and all-b (1) a quarter of the time, so the 95% interval is [0, 1]; resampling the 101
    # articles alone (ratio_ci) would give a narrow interval near 1/101
    H = np.r_[np.zeros(100), 1.0]
    lo, hi = stats.cluster_ci(H, np.ones(101), ["a"] * 100 + ["b"], 2000, np.random.default_rng(0))
    assert (lo[0], hi[0]) == (0.0, 1.0)
    rlo, rhi = stats.ratio_ci(H, np.ones(101), 2000, np.random.default_rng(0))
    assert rhi[0] < 0.1


# ----------------------------------------------------------------------------------------------
# keyness of any two sides, blind spots


def test_compare_groups_and_outlets(story):
    t = keyness.compare(story, "wire", "national", by="kind", min_count=1).set_index("term")
    # "authority": once in each wire article, never in The National Daily's
    assert (t.loc["authority", "count_a"], t.loc["authority", "count_b"]) == (3, 0)
    assert t.loc["authority", "z"] > 0 and t.loc["harbour", "z"] < 0
    back = keyness.compare(story, "national", "wire", by="kind", min_count=1).set_index("term")
    assert back.loc["authority", "z"] == pytest.approx(-t.loc["authority", "z"])
    two = keyness.compare(story, "Metro Wire", ["Valley Courier", "Harbour Blog"], min_count=1).set_index("term")
    # Metro Wire's narration: "The authority fined Seaway Lines." + "Cole said." ("We acted fast" is quoted)
    assert two.loc["authority", "count_a"] == 1 and two.loc["said", "count_a"] == 1 and "acted" not in two.index
    assert two.loc["said", "count_b"] == 1  # Valley Courier: "Park said."
    with pytest.raises(ParameterError, match="not a value of 'kind'"):
        keyness.compare(story, "wire", "tabloid", by="kind")


def test_blind_spots_claim_carried_by_one_group(story):
    t = blindspots.blind_spots(story, "kind")
    appeal = t[(t["kind"] == "claim") & (t["item"] == "appeal")]
    # "We will appeal," Park said: Valley Courier (regional) only
    assert set(appeal["carried_by"]) == {"regional"}
    assert sorted(appeal["missing_in"]) == sorted(["wire", "national", UNKNOWN])
    assert set(appeal["status"]) == {"absent"} and set(appeal["carriers"]) == {"1 of 1 outlet(s)"}
    assert appeal["sentences"].iat[0] == ('Valley Courier: "We will appeal," Park said.',)
    # "fined": wire and national both carry it: no row between them
    fined = t[(t["kind"] == "claim") & (t["item"] == "fined")]
    assert not ((fined["carried_by"] == "wire") & (fined["missing_in"] == "national")).any()
    assert set(fined["missing_in"]) == {"regional", UNKNOWN}
    # "Seaway said it would pay." (Associated Wire Service): Seaway Lines speaks in reported speech, shown
    # without quotation marks (the words are the writer's)
    assert set(t[t["kind"] == "speaker"]["item"]) == {"Dana Cole", "Lee Park", "Seaway Lines"}
    seaway = t[(t["kind"] == "speaker") & (t["item"] == "Seaway Lines")]
    assert set(seaway["carried_by"]) == {"wire"}
    assert seaway["sentences"].iat[0] == ("Associated Wire Service: (reported) it would pay",)
    s = blindspots.summary(t).set_index(["carried_by", "missing_in"])
    assert s.loc[("regional", "wire"), "claim"] == 1


def test_blind_spots_rare_share(story):
    # "spill": one of wire's two outlets (AWS, aws-2) carries it; at rare=0.5 that is rare, not carried
    t = blindspots.blind_spots(story, "kind", rare=0.5)
    spill = t[(t["kind"] == "claim") & (t["item"] == "spill")]
    assert "wire" not in set(spill["carried_by"])
    row = spill[spill["missing_in"] == "wire"]
    assert len(row) == 2 and set(row["status"]) == {"rare"} and set(row["share_missing"]) == {0.5}


def test_outlets_file_is_an_input(tmp_path):
    from presslens.engine import keys

    root = _copy(tmp_path)
    before = load_story(root)
    assert before.subset(["AWS News"]).outlets == ["Associated Wire Service"]  # an alias names its outlet
    p = root / "outlets.yaml"
    p.write_text(p.read_text().replace("kind: regional", "kind: national"))
    after = load_story(root)
    assert article_groups(after, "kind")["valley"] == "national"
    assert after.fingerprint != before.fingerprint
    assert keys.story_key(after) != keys.story_key(before)
    assert after.input_hashes()["outlets.yaml"] != before.input_hashes()["outlets.yaml"]


def test_findings_say_weak_and_name_groups(story):
    lines = groups.findings(groups.measures(story, "kind", n_boot=300))
    loaded = [s for s in lines if s.startswith("Loaded-language hits")]
    assert loaded and "highest wire 96.8" in loaded[0]
    assert "lowest national, regional and unknown (tied) 0 each" in loaded[0]  # a three-way tie, every group named
    assert "weak interval" in loaded[0]  # national: one outlet, one article
    b = blindspots.findings(blindspots.blind_spots(story, "kind"), kinds=("claim", "passage"))
    assert b[0].startswith("3 claim(s) carried by one group") and "'Seaway Lines will appeal.'" in b[0]
    assert b[1].startswith("No passage is carried")  # passages were not given


def test_notebook_views(tmp_path):
    from presslens.notebook import explore, grouped

    ctx = nb.setup(str(FIXTURE), str(tmp_path / "figs"), group_by="kind", n_boot=200)
    assert grouped.members(ctx)[["group", "n_outlets", "n_articles"]].values.tolist() == [
        ["wire", 2, 3], ["national", 1, 1], ["regional", 1, 1], [UNKNOWN, 1, 1]]
    assert grouped.members(ctx)["outlets"].tolist() == [
        "Associated Wire Service, Metro Wire", "The National Daily", "Valley Courier", "Harbour Blog"]
    head = grouped.header(ctx)
    assert "unknown: 1 outlet(s), 1 article(s) (Harbour Blog)" in head and "never dropped" in head
    bs = grouped.blind_spots(ctx, kinds=("claim",))
    assert set(bs["kind"]) == {"claim"} and isinstance(bs["sentences"].iat[0], str)
    note, pair = grouped.keyness_pair(ctx)
    assert "'wire' against 'national' (the two groups with most articles" in note and pair["side"].iat[0] == "more in wire"
    ui = explore.Explorer(str(FIXTURE), None, "authori*", False, figures_dir=str(tmp_path / "figs"), group_by="kind")
    assert ui.hits.set_index("outlet")["group"].to_dict()["Harbour Blog"] == UNKNOWN
    one = nb.setup(str(Path(__file__).parent / "fixtures" / "mini-story"), str(tmp_path / "figs"), group_by="kind")
    assert grouped.blind_spot_findings(one, grouped.blind_spots(one)) == [
        "1 group(s) only: no group can carry what another leaves out (table: blind_spots)."]
    assert "declares no outlet attributes" in grouped.header(one)
    none = nb.setup(str(FIXTURE), str(tmp_path / "figs"))
    assert grouped.blind_spots(none).empty and "group_by = None" in grouped.blind_spot_findings(none, grouped.blind_spots(none))[0]
    assert "per outlet" in grouped.header(none) and "kind" in grouped.header(none)


def test_attribute_table(story):
    from presslens.story.grouping import attribute_table

    t = attribute_table(story).set_index("article_id")
    assert list(t.columns) == ["outlet", "kind", "country", "founded", "meta.section", "meta.print"]
    assert t.loc["blog", "kind"] is None and t.loc["blog", "country"] == "UK"  # not known: None, not guessed
    assert t.loc["valley", "founded"] == 1921 and t.loc["national", "meta.print"] is True


def test_an_interval_is_weak_for_one_outlet_or_under_five_articles_only():
    # two outlets are resampled as outlets: not weak on that count; one outlet is
    assert groups.weakness(2, 5) == ""
    assert groups.weakness(1, 5) == "weak: 1 outlet: the interval resamples its articles only, not outlets"
    assert groups.weakness(2, 4) == "weak: 4 article(s): too few for a stable interval"
    assert groups.weakness(1, 4).count(";") == 1
