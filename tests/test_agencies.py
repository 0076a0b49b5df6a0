"""News agencies recognised without a list (issue 23): by their marks, with agencies no list names.

Kelp, Bay Press, BPA and Kelp News Agency are made-up agencies: no data file lists them, so each
assertion holds only if the mark itself is read.
"""
import pytest

from presslens.analyses import agencies, provenance, verdicts, wires

from .test_reuse import SOURCE, write_story
from .test_verdicts import FRESH, pair


def sources_of(text, outlet="Harbour Times", byline=None, known=None):
    return [(r["source"], r["kind"], r["wire"]) for r in wires.article_sources(outlet, None, (), byline, text, known or {})]


@pytest.mark.parametrize("text, source", [
    ("PORT SELBY (Bay Press) — The council voted on Monday.", "Bay Press"),           # dateline
    ("PORT SELBY, May 6 (Kelp) -- The council voted on Monday.", "Kelp"),              # dateline with a date
    ("Port Selby, Harbourshire, May 6 (Kelp): The council voted on Monday.", "Kelp"),  # a colon after it
    ("Port Selby, 6 May (Kelp) – The council voted on Monday.", "Kelp"),               # day first
    ("PORT SELBY, June 25, 2024 (Kelp) - The council voted on Monday.", "Kelp"),       # with the year
    ("The council voted on Monday, the mayor said. (Kelp)", "Kelp"),                   # sign-off in parentheses
    ("The council voted on Monday.\n— BPA", "BPA"),                                    # dash sign-off, an acronym
    ("By Kelp News Agency\nThe council voted on Monday.", "Kelp News Agency"),          # organisation byline
    ("The council voted on Monday (with BPA).", "BPA"),                                 # "(with NAME)"
    ("The council voted on Monday.\nKelp News contributed to this report.", "Kelp News"),  # "NAME contributed"
])
def test_an_agency_is_recognised_by_its_mark_alone(text, source):
    assert wires.wire_of(source) is None  # no list names it
    assert sources_of(text) == [(source, "credit", True)]


def test_two_agencies_in_one_sign_off_and_in_a_byline_with_a_reporter():
    assert sources_of("The council voted on Monday. (Kelp/BPA)") == [("Kelp", "credit", True), ("BPA", "credit", True)]
    assert sources_of("The council voted on Monday.", byline="Jane Roe with BPA") == [("BPA", "credit", True)]


@pytest.mark.parametrize("text, byline", [
    ("Harbour Port Authority (HPA) - the council voted on Monday.", None),  # an abbreviation after its name
    ("The council voted on Monday. (Jane Roe/Bay Press)", None),          # a photographer's credit
    ("The council voted on Monday.\n— Jane Roe", None),                   # a person signs
    ("By Jane Roe\nThe council voted on Monday.", None),                  # a person's byline
    ("The council voted on Monday.", "Web Desk"),                         # the outlet's own desk
    ("The council voted on Monday. (Photo)", None),                       # a picture word
    ("Reference(s): council minutes", None),                              # a heading, not a dateline
    ("Harbour vote (Live) — The council voted on Monday.", None),         # an editorial label
    ("The council voted on Monday.\n(Translated)", None),
    ("Copyright 2024 Kelp Media", None),                                  # an owner's copyright line alone
])
def test_no_agency_without_an_agency_mark(text, byline):
    assert sources_of(text, byline=byline) == []


def test_the_outlets_own_name_in_its_dateline_is_no_agency_evidence():
    # a paper signing its own copy "(Bay Press)" makes it no agency; another outlet signing so does
    marks = agencies.marks("PORT SELBY (Bay Press) — The council voted.")
    assert agencies.infer({"a": marks}, {"a": "Bay Press"}, set()) == {}
    assert agencies.infer({"a": marks}, {"a": "Copy Daily"}, set()) == {"baypress": "Bay Press"}
    assert agencies.infer({"a": marks}, {"a": "Copy Daily"}, {"baypress"}) == {}  # a party (or a picture agency)


def test_an_outlet_named_as_an_agency_is_the_agencys_own_copy():
    assert sources_of("The council voted on Monday.", outlet="Kelp News Agency") == [
        ("Kelp News Agency", "own text", True)]
    assert sources_of("The council voted on Monday.", outlet="Harbour Times") == []


def test_a_source_many_outlets_credit_and_carry_is_a_wire_but_not_when_few_or_an_outlet_of_the_story(tmp_path):
    outlets = ["Harbour Times", "Copy Daily", "Quiet Copier"]
    arts = {k: {"outlet": o, "text": "\n".join(SOURCE[i:i + 4] + FRESH[i:i + 1]), "published": f"2024-05-0{6 + i}",
                "derived_from": "[Kelp Wire]"} for i, (k, o) in enumerate(zip("abc", outlets))}
    v = verdicts.verdicts(write_story(tmp_path / "s", arts))
    assert not v["accusation"].any() and set(v["relation"]) == {"common_wire"} and set(v["source"]) == {"Kelp Wire"}
    assert "Kelp Wire: credited by 3 outlets that share its text" in pair(v, "a", "b")["evidence"]
    two = {k: arts[k] for k in "ab"}  # two outlets crediting it are not many: the older is their likeliest source
    w = pair(verdicts.verdicts(write_story(tmp_path / "t", two)), "a", "b")
    assert w["relation"] != "common_wire" and "credited by" not in w["evidence"]
    own = {**arts, "k": {"outlet": "Kelp Wire", "text": "\n".join(FRESH), "published": "2024-05-05"}}
    w = pair(verdicts.verdicts(write_story(tmp_path / "u", own)), "a", "b")  # its text is in the corpus: no wire
    assert "credited by" not in w["evidence"]


def test_agency_names_compare_without_news_agency():
    assert agencies.key("The Kelp News Agency") == agencies.key("Kelp") == "kelp"


@pytest.mark.parametrize("text", [
    "This story was originally published on [Harbour Times](https://harbour.example/a).",
    "Source: Harbour Times",
    "Read the full story at Harbour Times.",
    "The story is republished from Harbour Times with permission.",
    "The council voted on Monday (with Harbour Times).",
    "Harbour Times contributed to this report.",
])
def test_credit_lines_and_link_text_name_an_outlet_of_the_story(text):
    assert sources_of(text, outlet="Copy Daily", known={"harbourtimes": "Harbour Times"}) == [
        ("Harbour Times", "credit", False)]


# ----------------------------------------------------------------------------------------------
# verdicts with an agency no list names


def test_copies_of_an_unlisted_agencys_story_are_common_wire_never_copying(tmp_path):
    arts = {"a": {"outlet": "Harbour Times", "text": "PORT SELBY, May 6 (Kelp) -- " + "\n".join(SOURCE),
                  "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:4]), "published": "2024-05-07"},
            "c": {"outlet": "Quiet Copier", "text": "\n".join(SOURCE[1:]), "published": "2024-05-08"}}
    v = verdicts.verdicts(write_story(tmp_path / "s", arts))
    assert not v["accusation"].any()
    assert set(v["relation"]) == {"common_wire"} and set(v["source"]) == {"Kelp"}
    assert pair(v, "a", "b")["credited"] == "partial"


def test_a_rewrite_of_an_agencys_own_copy_took_it_from_the_agency(tmp_path):
    arts = {"kelp": {"outlet": "Kelp News Agency", "text": "\n".join(SOURCE), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:4] + FRESH[:1]), "published": "2024-05-07"}}
    st = write_story(tmp_path / "s", arts)
    v = pair(verdicts.verdicts(st), "kelp", "b")
    assert "Copy Daily ran Kelp News Agency's text" in v["verdict"]
    assert v["credited"] == "no" and v["direction"] == ("a_from_b" if v["article_a"] == "b" else "b_from_a")
    arts["b"]["text"] += "\n(Kelp)"  # the copy signs with the agency's name: credited
    v = pair(verdicts.verdicts(write_story(tmp_path / "t", arts)), "kelp", "b")
    assert v["credited"] == "yes"
    assert not provenance.provenance(write_story(tmp_path / "u", arts))["status"].str.startswith("copied").any()


def test_the_same_text_in_many_outlets_the_same_day_is_a_story_sent_to_all(tmp_path):
    # four outlets carry one uncredited text on one day: a story sent to all, nobody accused
    arts = {k: {"outlet": o, "text": "\n".join(SOURCE + FRESH[i:i + 1]), "published": "2024-05-06"}
            for i, (k, o) in enumerate([("a", "Harbour Times"), ("b", "Copy Daily"), ("c", "Quiet Copier"),
                                        ("d", "Bay Courier")])}
    v = verdicts.verdicts(write_story(tmp_path / "s", arts))
    assert not v["accusation"].any() and set(v["relation"]) == {"common_wire"}
    assert "the same text in 4 outlets" in pair(v, "a", "b")["verdict"]
    # two outlets only: the dates cannot say who was first, but nothing (no credit, no wire, no third outlet)
    # explains the text they share: copied without credit, the direction unknown
    two = {k: arts[k] for k in ("a", "b")}
    w = pair(verdicts.verdicts(write_story(tmp_path / "t", two)), "a", "b")
    assert w["verdict"].startswith("copied without credit, direction unknown (") and w["relation"] == "copy"
    assert w["accusation"] and w["direction"] == "unknown" and w["credited"] == "no"


def test_a_listed_agency_in_a_form_the_list_does_not_spell():
    assert sources_of("The council voted on Monday (with AFP).") == [("AFP", "credit", True)]
    assert sources_of("The council voted on Monday.", byline="Jane Roe with AFP") == [("AFP", "credit", True)]
    assert sources_of("Copyright 2024 AFP") == []  # a copyright line alone: often the picture's, no text credit


def test_a_line_of_its_own_inside_the_text_is_a_bullet_or_a_caption_not_a_sign_off():
    assert sources_of("The council listed its partners:\n- BPA\n- Kelp\nThe vote was on Monday.") == []
    assert sources_of("The council voted on Monday.\n(BPA)\nThe vote was close.") == []
    assert sources_of("The council voted on Monday.\nThe vote was close.\n(Kelp)") == [("Kelp", "credit", True)]
    assert sources_of("The council voted on Monday.\nThe vote was close.\n— BPA") == [("BPA", "credit", True)]


def test_a_picture_agency_signing_a_caption_is_no_text_agency_and_a_bylines_people_are_no_agency():
    photo = wires.agencies()["photo_agencies"]["names"][0]
    assert sources_of(f"The council met in the old town hall on Monday. ({photo})") == []
    marks = agencies.marks("The council voted.", byline="Jane Roe, John Doe and Ann Hart")
    assert marks == []


@pytest.mark.parametrize("signed", ["\n— Harbour Times", "\n(Harbour Times)", "\nHarbour Times contributed to this report.",
                                    "\nThis story was originally published on [Harbour Times](https://harbour.example/a)."])
def test_a_sign_off_or_credit_line_naming_the_other_outlet_gives_the_direction(tmp_path, signed):
    # the copy is dated the SAME day: only its sign-off says who took from whom
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE) + signed, "published": "2024-05-06"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["direction"] == ("b_from_a" if v["article_a"] == "a" else "a_from_b")
    assert v["credited"] == "yes" and v["source"] == "Harbour Times" and not v["accusation"]


def test_a_byline_line_is_read_up_to_its_date_and_name_by_name():
    got = [(m["name"], m["org"], m["person"]) for m in agencies.marks("By Jane Roe, BPA | Published: May 6, 2024\nText.")]
    assert got == [("Jane Roe", False, True), ("BPA", True, False)]
    assert sources_of("By Kelp News Agency Published: May 6, 2024 02:30 PM\nThe council voted.") == [
        ("Kelp News Agency", "credit", True)]
    assert agencies.marks("By Monday the council had voted.") == []  # a sentence, not a byline


def test_a_byline_in_capitals_before_the_organisation_names_the_organisation():
    assert [m["name"] for m in agencies.marks("", byline="JANE ROE and JOHN DOE Bay Press")] == ["Bay Press"]
    assert [m["name"] for m in agencies.marks("By JANE ROE Bay Press\nThe council voted.")] == ["Bay Press"]


@pytest.mark.parametrize("text, source", [
    ("Footage released by the state news agency Kelp showed the bridge.", "Kelp"),
    ("The BPA news agency said the bridge was closed.", "BPA"),
    ("Harbourshire's BPA news agency said the bridge was closed.", "BPA"),
])
def test_a_name_the_text_calls_a_news_agency_is_an_agency(text, source):
    ms = agencies.marks(text)
    assert [m["name"] for m in ms] == [source] and ms[0]["org"]
    assert agencies.infer({"x": ms}, {"x": "Harbour Times"}, set()) == {agencies.key(source): source}


@pytest.mark.parametrize("text, source", [
    # the name ends the sentence: the next sentence, or paragraph, is no part of it
    ("The mayor spoke to reporters, according to Harbourshire news agency HTA.\n\nThe bridge was closed.", "HTA"),
    ("The mayor spoke, according to the state news agency Kelp. The bridge was closed.", "Kelp"),
    ("The mayor spoke, according to the news agency Kelp Press Service.\nThe bridge was closed.", "Kelp Press Service"),
])
def test_a_news_agency_named_at_a_sentence_end_is_that_name_alone(text, source):
    ms = agencies.marks(text)
    assert [m["name"] for m in ms] == [source] and not ms[0]["person"]
    assert agencies.infer({"x": ms}, {"x": "Harbour Times"}, set()) == {agencies.key(source): source}


@pytest.mark.parametrize("text", [
    "The Harbourshire news agency said the bridge was closed.",  # an adjective, no name
    "The news agency said the bridge was closed.",
    "A news agency. The bridge was closed.",
])
def test_news_agency_without_a_name_names_no_agency(text):
    assert agencies.marks(text) == []


def test_a_credit_to_an_agency_another_article_calls_a_news_agency_makes_common_wire(tmp_path):
    # Harbour Times credits "Kelp" (its source field) for the text; a third article calls Kelp a news agency:
    # Copy Daily, carrying the same text uncredited, shares Kelp's story, it did not copy Harbour Times
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE + FRESH[:1]), "published": "2024-05-07",
                  "derived_from": '["Kelp"]'},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:4] + FRESH[1:2]), "published": "2024-05-06"},
            "c": {"outlet": "Bay Courier", "text": "Pictures released by the state news agency Kelp showed the cracks.\n"
                  + "\n".join(FRESH[2:]), "published": "2024-05-06"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["relation"] == "common_wire" and v["source"] == "Kelp" and v["credited"] == "partial"
    assert not v["accusation"]
    arts["c"]["text"] = "\n".join(FRESH[2:])  # nobody says Kelp is an agency: the earlier copy was taken, uncredited
    w = pair(verdicts.verdicts(write_story(tmp_path / "t", arts)), "a", "b")
    assert w["relation"] != "common_wire"
