"""Who copied whom (issue 23, on new coverage): one page on two hosts of one site; a page captured twice is
one witness, not a third text; what a reader counts as a partial credit. Crafted stories, hand-checked."""
from presslens.analyses import verdicts
from presslens.analyses.pair_evidence import site_of

from .test_reuse import OTHER, SOURCE, write_story
from .test_verdicts import FRESH, pair

SCRAPED = "\n".join(SOURCE + FRESH[:2])


def test_site_of_reads_the_public_suffix_list():
    assert site_of("https://alpha.copynet.net/a/9f3c2e.html") == "copynet.net"
    assert site_of("https://news.harbour.co.uk/x") == "harbour.co.uk"
    assert site_of("https://janedoe.blogspot.com/2024/05/x.html") == "janedoe.blogspot.com"  # a platform's user: a site
    assert site_of(None) == "" and site_of("") == ""


def two_hosts(tmp_path, url_a: str, url_b: str):
    """The same text on two hosts, dated a week apart (the later one would be "copied without credit")."""
    arts = {k: {"outlet": url.split("/")[0], "text": SCRAPED, "published": day, "url": f"https://{url}"}
            for k, day, url in (("a", "2024-05-06", url_a), ("b", "2024-05-14", url_b))}
    return pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")


def test_one_page_on_two_subdomains_of_one_site_is_the_same_page(tmp_path):
    # a scraper network serves one page (the same page id) under two subdomains, its dates a week apart: one
    # page captured twice, never "copied without credit" from itself
    v = two_hosts(tmp_path, "alpha.copynet.net/post/7f3a9c21b4e8.html", "beta.copynet.net/post/7f3a9c21b4e8.html")
    assert v["relation"] == "same_page" and "two hosts of copynet.net" in v["verdict"] and not v["accusation"]


def test_the_same_page_name_on_two_users_of_a_blogging_platform_is_no_same_page(tmp_path):
    # two blogs of one platform are two sites (the public-suffix list says so): the same page name is no evidence
    v = two_hosts(tmp_path, "janedoe.blogspot.com/2024/05/harbour-bridge-closed-to-lorries.html",
                  "johnroe.blogspot.com/2024/05/harbour-bridge-closed-to-lorries.html")
    assert v["relation"] == "copy" and v["verdict"] == "copied without credit"


def test_a_page_captured_twice_is_not_a_third_text_holding_the_passage(tmp_path):
    # "c" copies the scraper's page, which is captured twice ("a" and "b", one dated before "c"'s source):
    # the twin is the same page, not an earlier outlet both took the text from
    arts = {"a": {"outlet": "alpha.copynet.net", "text": SCRAPED, "published": "2024-05-10",
                  "url": "https://alpha.copynet.net/post/7f3a9c21b4e8.html"},
            "b": {"outlet": "beta.copynet.net", "text": SCRAPED, "published": "2024-05-02",
                  "url": "https://beta.copynet.net/post/7f3a9c21b4e8.html"},
            "c": {"outlet": "Copy Daily", "text": "\n".join(SOURCE + FRESH[:2] + OTHER[:1]), "published": "2024-05-20",
                  "url": "https://copydaily.example/harbour-bridge"}}
    v = verdicts.verdicts(write_story(tmp_path / "s", arts))
    ac = pair(v, "a", "c")
    assert ac["verdict"] == "copied without credit" and ac["source_article"] == "a", ac["verdict"]
    assert pair(v, "a", "b")["relation"] == "same_page"


# ----------------------------------------------------------------------------------------------
# a partial credit, as a reader counts it (data/eval/GUIDE.md: "credits the source in a photo caption only")

TOLD = [SOURCE[0], "Engineers told Reuters that the bridge could carry cars for another year but that heavy traffic would "
        "speed up the damage.", *SOURCE[2:]]  # the agency's own reporting left in the copy: both carry its story


def _wire_pair(tmp_path, extra_a: list[str]):
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(TOLD + FRESH[:1] + extra_a), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(TOLD + OTHER[:1]), "published": "2024-05-06"}}
    return pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")


def test_a_common_wire_named_only_in_a_photo_caption_is_a_partial_credit(tmp_path):
    v = _wire_pair(tmp_path, ["Lorries queue at the closed bridge on Monday. Jane Doe/Reuters"])
    assert v["relation"] == "common_wire" and v["source"] == "Reuters" and v["credited"] == "partial"
    assert "names Reuters for one fact or a picture only" in v["evidence"]


def test_a_common_wire_credited_for_one_fact_only_is_a_partial_credit(tmp_path):
    # a credits Reuters for one fact, away from the shared text: set aside as the text's source, still a credit
    v = _wire_pair(tmp_path, ["Port officials said that the ferry would run again in June, Reuters reported."])
    assert v["relation"] == "common_wire" and v["source"] == "Reuters" and v["credited"] == "partial"


def test_a_common_wire_named_only_by_its_reporters_name_drop_is_no_credit(tmp_path):
    v = _wire_pair(tmp_path, [])
    assert v["relation"] == "common_wire" and v["source"] == "Reuters" and v["credited"] == "no"


def test_two_undated_copies_one_crediting_a_source_outside_the_corpus_are_credited_in_part(tmp_path):
    # both carry one outlet's story word for word, no date orders them; b says where it took it from (derived_from:
    # an outlet outside the corpus), a credits nothing: whoever took from whom, the text is credited in part
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE + FRESH[:1]), "published": None},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE + OTHER[:1]), "published": None,
                  "derived_from": "[Daily Planet]"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["verdict"].startswith("undetermined") and not v["accusation"] and v["credited"] == "partial"
    assert "Copy Daily credits Daily Planet" in v["evidence"]
    arts["b"]["derived_from"] = "[]"  # neither credits anything: one copied the other
    w = pair(verdicts.verdicts(write_story(tmp_path / "t", arts)), "a", "b")
    assert w["accusation"] and w["credited"] == "no"


def test_a_third_text_naming_a_wire_keeps_the_wire_in_sight(tmp_path):
    # a and b carry one text word for word, undated, crediting nothing; c carries two of its paragraphs with its
    # own, under a picture signed by an agency: a wire in sight, so no accusation; the wire's story is the likeliest
    # common source (issue 23, session 15: "common source likely: wire copy, no credit visible"), credited by neither
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE + FRESH[:1]), "published": None},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE + OTHER[:1]), "published": None},
            "c": {"outlet": "Bay Courier", "text": "\n".join(SOURCE[:2] + FRESH[2:4] + OTHER[2:3] + [
                "Lorries wait at the closed harbour bridge on Monday | Yonhap"]), "published": None}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["relation"] == "common_wire" and not v["accusation"] and v["credited"] == "no"
    assert v["verdict"] == ("common source likely: wire copy, no credit visible (Bay Courier (c) carries the passage "
                            "too and names Yonhap)") and v["source"] == "Yonhap"
    assert "names Yonhap: a wire in sight" in v["evidence"]
    # no agency named: still a third outlet carrying two of the paragraphs, a passage in circulation; with no date to
    # order a and b, no accusation (session 20: precision first; test_verdicts_circulation)
    arts["c"]["text"] = "\n".join(SOURCE[:2] + FRESH[2:4] + OTHER[2:3])
    w = pair(verdicts.verdicts(write_story(tmp_path / "t", arts)), "a", "b")
    assert not w["accusation"] and w["verdict"].startswith("undetermined") and "in circulation" in w["evidence"]
    del arts["c"]  # nobody else carries it: one copied the other
    u = pair(verdicts.verdicts(write_story(tmp_path / "u", arts)), "a", "b")
    assert u["accusation"] and u["verdict"].startswith("copied without credit, direction unknown")


def test_a_passage_both_carry_with_a_wire_named_under_a_picture_is_that_wires_credited_in_part(tmp_path):
    # neither is a copy of the other (each has most of its narration of its own); b signs a picture with an agency
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE[:2] + FRESH[:4]), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:2] + OTHER[:4] + [
                "Lorries wait at the closed harbour bridge on Monday. Jane Doe/Yonhap"]), "published": "2024-05-06"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["verdict"].startswith("common source likely") and v["verdict"].endswith("Copy Daily names under a picture Yonhap")
    assert v["relation"] == "common_wire" and v["source"] == "Yonhap" and v["credited"] == "partial" and not v["accusation"]
