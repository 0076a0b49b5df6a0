"""The story over time (issue 28): articles per day by outlet or any column, undated articles counted
apart, and who carried each claim first, in time order, with same-day ties left unknown unless both
mentions give a time with its zone."""
import pandas as pd
import pytest

from presslens.analyses import spread, timeline
from presslens.errors import ParameterError
from presslens.figures import timeline as timeline_fig
from presslens.story.load import load_story

CLAIM_TEXT = "The harbour bridge was closed to lorries after engineers found cracks."
OTHER_TEXT = "Shop owners near the port said customers stayed at home on Tuesday."
ARTICLES = {  # id: (outlet, published, carries the claim)
    "a1": ("Harbour Times", "2024-05-06T14:00+02:00", True),
    "a2": ("Bay Courier", "2024-05-06T09:15+02:00", True),
    "a3": ("Copy Daily", "2024-05-06", True),
    "a4": ("Daily Four", "2024-05-08", True),
    "a5": ("Evening Five", "null", True),
    "a6": ("Harbour Times", "2024-05-07T08:00+02:00", True),
    "a7": ("Quiet Post", "2024-05-06", False),
}


@pytest.fixture
def story(tmp_path):
    root = tmp_path / "bridge"
    (root / "articles").mkdir(parents=True)
    (root / "story.yaml").write_text(
        "title: Bridge closed\nquestion: Who said it first?\nlanguage: en\n"
        "claims:\n  - id: closure\n    text: the bridge was closed to lorries\n    patterns: ['closed to lorries']\n",
        encoding="utf-8")
    for aid, (outlet, published, carries) in ARTICLES.items():
        body = (CLAIM_TEXT + " " if carries else "") + OTHER_TEXT
        (root / "articles" / f"{aid}.md").write_text(
            f"---\noutlet: {outlet}\npublished: {published}\nlanguage: en\n---\n{body}\n", encoding="utf-8")
    return load_story(root)


def test_articles_per_day_by_outlet_with_undated_apart(story):
    t = timeline.per_day(story)
    assert list(t.columns) == timeline.TIMELINE_COLS
    got = [(None if pd.isna(d) else f"{d:%m-%d}", g, n, dated) for d, g, n, dated in t.itertuples(index=False)]
    assert sorted(got[:4]) == sorted([("05-06", "Harbour Times", 1, True), ("05-06", "Bay Courier", 1, True),
                                      ("05-06", "Copy Daily", 1, True), ("05-06", "Quiet Post", 1, True)])
    assert got[4:] == [("05-07", "Harbour Times", 1, True), ("05-08", "Daily Four", 1, True),
                       (None, "Evening Five", 1, False)]
    assert int(t["articles"].sum()) == len(ARTICLES)  # nothing dropped
    note = timeline.undated_note(t)
    assert note.startswith("1 of 7 articles give no publication date") and "Evening Five (1)" in note
    assert any("1 of 7 articles give no publication date" in f for f in timeline.findings(t))
    fig, data = timeline_fig.articles_per_day(story, t, note=note)
    assert data is t and len(fig.axes[0].patches) > 0


def test_per_day_by_an_attribute_column_missing_values_are_unknown(story):
    kinds = {"Harbour Times": "national", "Bay Courier": "regional", "Copy Daily": "regional", "Daily Four": "national"}
    arts = story.articles.assign(kind=story.articles["outlet"].map(kinds))
    t = timeline.per_day(story, by="kind", articles=arts)
    by_group = t.groupby("group")["articles"].sum().to_dict()
    assert by_group == {"national": 3, "regional": 2, "unknown": 2}  # Evening Five and Quiet Post: no kind given
    with pytest.raises(ParameterError) as exc:
        timeline.per_day(story, by="leaning", articles=arts)
    assert "'leaning'" in str(exc.value) and "by" in str(exc.value) and "kind" in str(exc.value)


def test_first_mention_per_outlet_in_time_order(story):
    s = spread.claim_spread(story)
    rows = {r.outlet: r for r in s.itertuples(index=False)}
    assert list(s["outlet"]) == ["Bay Courier", "Harbour Times", "Copy Daily", "Daily Four", "Evening Five"]
    assert "Quiet Post" not in rows
    # Harbour Times's first mention is its earlier article; it has two carrying the claim
    assert rows["Harbour Times"].article_id == "a1" and rows["Harbour Times"].articles_carrying == 2
    # same day: the two zoned times are ordered by time of day, the one without a time is not
    assert (rows["Bay Courier"].time_rank, rows["Harbour Times"].time_rank) == (1, 2)
    assert rows["Bay Courier"].order.startswith("by time of day;")
    assert pd.isna(rows["Copy Daily"].time_rank) and rows["Copy Daily"].order == "same day: order within the day unknown"
    assert [rows[o].first for o in ["Bay Courier", "Harbour Times", "Copy Daily", "Daily Four", "Evening Five"]] == \
        [True, False, True, False, False]
    assert (rows["Daily Four"].day_rank, rows["Daily Four"].order) == (2, "alone on its day")
    assert pd.isna(rows["Evening Five"].day_rank) and rows["Evening Five"].order.startswith("undated")
    assert (rows["Bay Courier"].published_time, rows["Bay Courier"].published_offset,
            rows["Bay Courier"].precision) == ("09:15", "+02:00", "minute")
    assert rows["Bay Courier"].sentence == CLAIM_TEXT
    summ = spread.summary(s).iloc[0]
    assert (summ["first"], summ["first_order"], summ["days_to_last"], summ["undated"]) == \
        ("Bay Courier, Copy Daily", "same day: order within the day unknown", 2, 1)
    lines = spread.findings(s)
    assert lines[0] == ("Earliest dated mention on 2024-05-06 by Bay Courier, Copy Daily (same day: order within "
                        "the day unknown): 1 claim(s), closure (table: spread, column first).")
    # Evening Five is undated: nobody is called first without saying it may have been earlier
    assert "undated outlet(s) (Evening Five), any of which may have been earlier" in lines[1]
    assert "reached the last of its 4 dated outlets 2 day(s) after the first" in lines[2]


def test_two_zoned_times_decide_who_was_first(story):
    s = spread.claim_spread(story.subset(["Harbour Times", "Bay Courier"]))
    assert list(s["outlet"]) == ["Bay Courier", "Harbour Times"]
    assert list(s["first"]) == [True, False] and list(s["order"]) == ["by time of day"] * 2
    assert spread.summary(s).iloc[0]["first_order"] == ""


def test_fact_spread_follows_the_discovered_fact(story):
    from presslens.analyses import facts
    m = facts.members(story)
    fact = m.loc[m["text"] == CLAIM_TEXT, "fact"].iloc[0]
    s = spread.fact_spread(story, m, facts=[fact])
    assert list(s["fact"].unique()) == [fact]
    assert list(s["outlet"]) == ["Bay Courier", "Harbour Times", "Copy Daily", "Daily Four", "Evening Five"]
    assert list(s["first"]) == [True, False, True, False, False]


def test_timeline_figure_by_group_and_over_a_long_span(story):
    kinds = {"Harbour Times": "national", "Bay Courier": "regional"}
    arts = story.articles.assign(kind=story.articles["outlet"].map(kinds))
    t = timeline.per_day(story, by="kind", articles=arts)
    fig, _ = timeline_fig.articles_per_day(story, t, by="kind")
    labels = [x.get_text() for x in fig.axes[0].get_xticklabels()]
    assert labels == ["2024-05-06", "2024-05-07", "2024-05-08", "undated"]  # every calendar day, undated apart
    far = t.copy()
    far.loc[far["group"] == "national", "day"] = pd.Timestamp("2024-12-01")
    fig, _ = timeline_fig.articles_per_day(story, far, by="kind")
    assert "days without articles left out" in fig.axes[0].get_title()
    assert [x.get_text() for x in fig.axes[0].get_xticklabels()] == ["2024-05-06", "2024-05-08", "2024-12-01", "undated"]


def test_an_evening_in_one_zone_can_follow_the_next_morning_in_another(tmp_path):
    s = spread.claim_spread(_zoned_story(tmp_path, [("ny", "Evening Wire", "2023-12-15T23:30-05:00"),  # 04:30 UTC, 16th
                                                    ("bj", "Morning Daily", "2023-12-16T08:00+08:00"),  # 00:00 UTC, 16th
                                                    ("late", "Late Post", "2023-12-17")]))
    first = dict(zip(s["outlet"], s["first"]))
    assert first == {"Evening Wire": False, "Morning Daily": True, "Late Post": False}
    summ = spread.summary(s).iloc[0]
    assert (summ["first"], summ["first_day"], summ["days_to_last"]) == ("Morning Daily", pd.Timestamp("2023-12-16"), 1)


def test_a_groups_first_mention_is_its_earliest_instant_not_its_earliest_local_day(tmp_path):
    """Two outlets of one group, in zones 13 hours apart: the one dated the 16th in Beijing published
    before the one dated the 15th in New York. The group's first mention is the earlier instant, so the
    group carried the claim before another group's mention that falls between the two."""
    story = _zoned_story(tmp_path, [("ny", "Evening Wire", "2023-12-15T23:30-05:00"),  # 04:30 UTC on the 16th
                                    ("bj", "Morning Daily", "2023-12-16T08:00+08:00"),  # 00:00 UTC on the 16th
                                    ("ld", "London Paper", "2023-12-16T02:00Z")])       # 02:00 UTC on the 16th
    kinds = {"Evening Wire": "wire", "Morning Daily": "wire", "London Paper": "national"}
    arts = story.articles.assign(kind=story.articles["outlet"].map(kinds))
    s = spread.claim_spread(story, by="kind", articles=arts)
    got = {g: (a, f) for g, a, f in zip(s["group"], s["article_id"], s["first"])}
    assert got == {"wire": ("bj", True), "national": ("ld", False)}
    assert spread.summary(s).iloc[0]["first"] == "wire"


def _zoned_story(tmp_path, articles):
    """A story whose every article (id, outlet, published) carries the claim."""
    root = tmp_path / "zones"
    (root / "articles").mkdir(parents=True)
    (root / "story.yaml").write_text(
        "title: T\nquestion: Q\nclaims:\n  - id: closure\n    text: closed\n    patterns: ['closed to lorries']\n",
        encoding="utf-8")
    for aid, outlet, published in articles:
        (root / "articles" / f"{aid}.md").write_text(
            f"---\noutlet: {outlet}\npublished: {published}\n---\n{CLAIM_TEXT}\n", encoding="utf-8")
    return load_story(root)


def test_timeline_and_spread_group_by_the_storys_own_outlet_attributes(tmp_path):
    """group_by = "kind" as the notebooks take it: the story's outlets.yaml (and meta: fields) give
    the groups, with no column joined by hand; an outlet without the attribute is unknown; a misspelt
    attribute names the nearest one."""
    root = _zoned_story(tmp_path, [("ny", "Evening Wire", "2023-12-15T23:30-05:00"),
                                   ("bj", "Morning Daily", "2023-12-16T08:00+08:00"),
                                   ("ld", "London Paper", "2023-12-16T02:00Z")]).path
    (root / "outlets.yaml").write_text("outlets:\n  Evening Wire: {kind: wire}\n  Morning Daily: {kind: wire}\n")
    story = load_story(root)
    t = timeline.per_day(story, by="kind")
    assert t.groupby("group")["articles"].sum().to_dict() == {"wire": 2, "unknown": 1}
    assert [(f"{d:%d}", g, n) for d, g, n, _ in t.itertuples(index=False)] == [("15", "wire", 1), ("16", "wire", 1),
                                                                               ("16", "unknown", 1)]
    s = spread.claim_spread(story, by="kind")
    assert dict(zip(s["group"], s["article_id"])) == {"wire": "bj", "unknown": "ld"}
    with pytest.raises(ParameterError, match="did you mean 'kind'"):
        timeline.per_day(story, by="knd")


def test_a_mention_two_local_days_later_can_still_be_first(tmp_path):
    """Offsets span 26 hours (-12:00 to +14:00), so local days can differ by two for nearly the same
    instant: 00:30 on the 17th at +14:00 is 10:30 UTC on the 16th, an hour before 23:30 on the 15th at
    -12:00. The later local day carried it first."""
    s = spread.claim_spread(_zoned_story(tmp_path, [("kiri", "Line Islands Post", "2023-12-17T00:30+14:00"),
                                                    ("baker", "Baker Daily", "2023-12-15T23:30-12:00"),
                                                    ("mid", "Midday News", "2023-12-16T12:00Z")]))
    assert dict(zip(s["article_id"], s["first"])) == {"baker": False, "mid": False, "kiri": True}


def test_the_span_counts_the_first_and_the_last_day():
    # articles on 3 and 5 May: three days (3, 4, 5 May); one day alone is "1 day"
    t = pd.DataFrame({"day": pd.to_datetime(["2024-05-03", "2024-05-05", "2024-05-05"]), "group": ["A", "B", "A"],
                      "articles": [1, 2, 1], "dated": [True, True, True]})
    assert timeline.findings(t)[0].startswith("4 dated articles over 3 days (2024-05-03 to 2024-05-05); most on 2024-05-05")
    one = t[t["day"] == "2024-05-03"]
    assert timeline.findings(one)[0].startswith("1 dated article over 1 day, 2024-05-03 (few articles")
