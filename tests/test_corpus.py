"""Loading and validation: every bad input gets a message that names the file, the field and the fix."""
import pandas as pd
import pytest

from presslens import load_story
from presslens.story.model import StoryError

from .conftest import BUNDLED, MINI


def problems_of(path):
    with pytest.raises(StoryError) as exc:
        load_story(path)
    return exc.value.problems, str(exc.value)


def write(story, name, front, body="Some text. More text."):
    (story / "articles" / name).write_text(f"---\n{front}\n---\n{body}\n", encoding="utf-8")


def test_bundled_story_loads_with_evidence_only_fields():
    st = load_story(BUNDLED)
    assert st.slug == "bytedance-openai-2023"
    a = st.articles.set_index("outlet")
    assert sorted(a.index) == sorted(["ticker.tv", "tech360.tv", "Hindustan Times", "New York Post", "en.5iter.com"])
    assert a.loc["Hindustan Times", "published"] == pd.Timestamp("2023-12-19")
    assert a.loc["ticker.tv", "published"] == pd.Timestamp("2023-12-23")
    for undated in ("tech360.tv", "New York Post", "en.5iter.com"):
        assert pd.isna(a.loc[undated, "published"])
    assert a.loc["en.5iter.com", "translated_from"] == "zh"
    assert a.loc["tech360.tv", "derived_from"] == ("SCMP",)
    assert a.loc["New York Post", "derived_from"] == ("The Verge",)
    assert a.loc["en.5iter.com", "derived_from"] == ()
    assert a.loc["Hindustan Times", "byline"] == "HT News Desk, New Delhi"
    # outlets: dated first by date, then undated by name
    assert st.outlets == ["Hindustan Times", "ticker.tv", "en.5iter.com", "New York Post", "tech360.tv"]
    assert len(st.claims) >= 10
    speakers = {s.name: s.affiliation for s in st.speakers}
    assert speakers["Niko Felix"] == "OpenAI" and speakers["Jodi Seth"] == "ByteDance" and speakers["Frank Shaw"] == "Microsoft"
    doubao = next(x for x in st.actors if x.name == "Doubao")
    assert {"Doubao", "Duobao", "Beanbao"} <= set(doubao.forms)


def test_bundled_article_text_is_the_seed_unchanged():
    seeds = BUNDLED.parents[2].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds not beside the checkout")
    for f in (BUNDLED / "articles").glob("*.md"):
        raw = f.read_text(encoding="utf-8")
        body = raw.split("\n---\n", 1)[1]
        assert body == (seeds / f"{f.stem}.txt").read_text(encoding="utf-8")


def test_fixture_story_covers_undated_and_translated():
    st = load_story(MINI)
    assert len(st.outlets) == 3
    assert st.articles["published"].isna().sum() == 1
    assert (st.articles["translated_from"] == "fr").sum() == 1


def test_missing_front_matter(mini):
    (mini / "articles" / "wire.md").write_text("Just text, no fields.\n", encoding="utf-8")
    probs, msg = problems_of(mini)
    assert [(p.file, p.field) for p in probs] == [("mini-story/articles/wire.md", "front matter")]
    assert "is missing" in msg and "start the file with ---" in msg


def test_malformed_front_matter(mini):
    write(mini, "wire.md", "outlet: Wire: Service\n  title: [unclosed")
    probs, msg = problems_of(mini)
    assert probs[0].file == "mini-story/articles/wire.md" and probs[0].field == "front matter"
    assert "not valid YAML" in msg


def test_unclosed_front_matter(mini):
    (mini / "articles" / "wire.md").write_text("---\noutlet: Wire\nText without the closing line.\n", encoding="utf-8")
    probs, _ = problems_of(mini)
    assert (probs[0].file, probs[0].field, probs[0].message) == ("mini-story/articles/wire.md", "front matter", "is not closed")


def test_missing_required_field(mini):
    write(mini, "wire.md", "title: No outlet here\npublished: null")
    probs, msg = problems_of(mini)
    assert [(p.file, p.field) for p in probs] == [("mini-story/articles/wire.md", "outlet")]
    assert "add 'outlet: ...'" in msg


def test_bad_date(mini):
    write(mini, "wire.md", "outlet: Wire Service\npublished: 5 March 2024")
    probs, msg = problems_of(mini)
    assert [(p.file, p.field) for p in probs] == [("mini-story/articles/wire.md", "published")]
    assert "YYYY-MM-DD" in msg


def test_impossible_date(mini):
    write(mini, "wire.md", "outlet: Wire Service\npublished: '2024-02-30'")
    probs, _ = problems_of(mini)
    assert [(p.field, p.message) for p in probs] == [("published", "'2024-02-30' is not a date (no such day)")]


def test_empty_article(mini):
    write(mini, "wire.md", "outlet: Wire Service", body="   \n\n")
    probs, msg = problems_of(mini)
    assert [(p.file, p.field) for p in probs] == [("mini-story/articles/wire.md", "text")]
    assert "the article is empty" in msg


def test_non_utf8_file(mini):
    (mini / "articles" / "wire.md").write_bytes("---\noutlet: Caf\xe9\n---\nText.\n".encode("latin-1"))
    probs, msg = problems_of(mini)
    assert probs[0].file == "mini-story/articles/wire.md"
    assert "not UTF-8" in msg and "re-save the file as UTF-8" in msg


def test_duplicate_ids(mini):
    (mini / "articles" / "WIRE.md").write_text((mini / "articles" / "wire.md").read_text() + "\nExtra line.\n")
    probs, msg = problems_of(mini)
    assert len(probs) == 1 and probs[0].field == "id"
    assert "duplicate article id" in msg and "wire.md" in msg and "WIRE.md" in msg


def test_duplicate_text_is_screened_not_refused(mini):
    # the same capture twice is a warning and one copy is left out of the measures (test_screen.py)
    (mini / "articles" / "copy.md").write_text((mini / "articles" / "wire.md").read_text())
    st = load_story(mini)
    assert sorted(st.articles["id"]) == ["copy", "daily", "gazette", "wire"]


def test_unknown_field_suggests_the_right_name(mini):
    write(mini, "wire.md", "outlet: Wire Service\npublsihed: 2024-03-05")
    probs, msg = problems_of(mini)
    assert [(p.file, p.field) for p in probs] == [("mini-story/articles/wire.md", "publsihed")]
    assert "rename it to 'published'" in msg


def test_alias_claimed_by_two_actors(mini):
    y = (mini / "story.yaml").read_text().replace("aliases: [Data Regulator, the regulator, the watchdog]",
                                                 "aliases: [Data Regulator, the regulator, Acme]")
    (mini / "story.yaml").write_text(y)
    probs, msg = problems_of(mini)
    assert probs[0].file == "mini-story/story.yaml" and probs[0].field == "actors[1]"
    assert "'Acme' is claimed by both 'Acme' and 'Data Regulator'" in msg


def test_a_claim_id_must_be_a_lower_case_name(mini):
    y = (mini / "story.yaml").read_text().replace("- id: fined", "- id: Fined Acme!")
    (mini / "story.yaml").write_text(y)
    probs, msg = problems_of(mini)
    assert [(p.file, p.field) for p in probs] == [("mini-story/story.yaml", "claims[0].id")]
    assert "not a valid claim id" in msg and "lower-case letters" in msg


def test_invalid_claim_pattern(mini):
    y = (mini / "story.yaml").read_text().replace("patterns: ['appeal']", "patterns: ['appeal(']")
    (mini / "story.yaml").write_text(y)
    probs, msg = problems_of(mini)
    assert [(p.file, p.field) for p in probs] == [("mini-story/story.yaml", "claims[2].patterns[0]")]
    assert "not a valid regular expression" in msg


def test_every_problem_is_reported_at_once(mini):
    write(mini, "wire.md", "outlet: Wire Service\npublished: yesterday")
    write(mini, "daily.md", "title: x", body="")
    (mini / "story.yaml").write_text((mini / "story.yaml").read_text().replace("question:", "questoin:"))
    probs, msg = problems_of(mini)
    where = {(p.file, p.field) for p in probs}
    assert {("mini-story/articles/wire.md", "published"), ("mini-story/articles/daily.md", "outlet"),
            ("mini-story/articles/daily.md", "text"), ("mini-story/story.yaml", "questoin"),
            ("mini-story/story.yaml", "question")} <= where
    assert msg.startswith(f"story 'mini-story' has {len(probs)} problem(s):")


def test_missing_story_folder_and_files(tmp_path):
    probs, _ = problems_of(tmp_path / "nope")
    assert probs[0].message == "is not a folder"
    (tmp_path / "empty").mkdir()
    probs, _ = problems_of(tmp_path / "empty")
    assert {(p.file, p.message) for p in probs} == {("empty/story.yaml", "is missing"), ("empty/articles/", "is missing")}


def test_subset_unknown_outlet_names_the_fix():
    st = load_story(MINI)
    assert list(st.subset(["Wire Service"]).articles["outlet"]) == ["Wire Service"]
    with pytest.raises(StoryError) as exc:
        st.subset(["Wire Servce"])
    assert "unknown outlet 'Wire Servce'" in str(exc.value) and "did you mean 'Wire Service'" in str(exc.value)


def test_the_overview_groups_credits_through_aliases_and_agency_names(mini):
    """"SCMP" and "South China Morning Post" (story.yaml aliases), "AP" and "The Associated Press" (an
    agency's names): one credit column each in the overview figure; the table keeps what was written."""
    import matplotlib.pyplot as plt
    from presslens import load_story
    from presslens.notebook import overview
    y = mini / "story.yaml"
    y.write_text(y.read_text().replace("actors:\n", "actors:\n  - name: South China Morning Post\n    kind: media\n"
                                       "    aliases: [South China Morning Post, SCMP]\n", 1))
    for art, credits in (("daily", "[SCMP, AP]"), ("wire", "[South China Morning Post, The Associated Press]")):
        f = mini / "articles" / f"{art}.md"
        text = f.read_text()
        old = next(line for line in text.splitlines() if line.startswith("derived_from:"))
        f.write_text(text.replace(old, f"derived_from: {credits}", 1))
    st = load_story(mini)
    prov = overview.provenance(st)
    assert sorted(set(prov["credits"])) == ["AP", "SCMP", "South China Morning Post", "The Associated Press",
                                           "Wire Service"]
    grouped = overview.credit_groups(st, prov)
    assert sorted(set(grouped["credits"])) == ["AP", "SCMP", "Wire Service"]
    fig, _ = overview.plot_overview(st)
    ticks = [t.get_text() for t in fig.axes[2].get_xticklabels()]
    assert sorted(ticks) == ["AP", "SCMP", "Wire Service"]
    plt.close(fig)
