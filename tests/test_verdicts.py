"""Who copied whom: crafted stories for each case of issue 23, with hand-checked verdicts."""
import pytest

from presslens import load_story
from presslens.analyses import findings, provenance, reuse, verdicts, wires
from presslens.text.segment import paragraph_blocks

from .test_reuse import OTHER, QUOTE, REWORDED, SOURCE, write_story

STATEMENT = ("We have lost confidence in the harbour master and the board acted today to protect the port, its "
             "workers and the families who depend on it for their living.")


def pair(v, a, b):
    hit = v[((v["article_a"] == a) & (v["article_b"] == b)) | ((v["article_a"] == b) & (v["article_b"] == a))]
    assert len(hit) == 1, f"no verdict row for {a} / {b}"
    return hit.iloc[0]


# ----------------------------------------------------------------------------------------------
# wire credits, tells, photo credits


@pytest.mark.parametrize("text, source, kind", [
    ("LONDON (Reuters) - The council voted on Monday.", "Reuters", "credit"),
    ("PARIS (AFP) — The council voted on Monday.", "AFP", "credit"),
    ("The council voted on Monday. - Yonhap", "Yonhap", "credit"),
    ("By The Associated Press\nThe council voted on Monday.", "AP", "credit"),
    ("The council voted on Monday, Reuters reported.", "Reuters", "credit"),
    ("Reporting by Jane Doe; Editing by John Roe", "Reuters", "credit"),
    ("The council voted on Monday. Reporting by Reuters staff.", "Reuters", "credit"),
    ("Engineers told the AP that the bridge was unsafe.", "AP", "tell"),
    ("A document seen by Reuters shows the cracks.", "Reuters", "tell"),
    ("Lorries queue at the bridge. (AP Photo/Jane Doe)", "AP", "photo"),
    ("Lorries queue at the bridge. Jane Doe/AFP", "AFP", "photo"),
])
def test_wire_credit_forms(text, source, kind):
    rows = wires.article_sources("Harbour Times", None, (), None, text, {})
    assert [(r["source"], r["kind"], r["wire"]) for r in rows] == [(source, kind, True)]


@pytest.mark.parametrize("text", [
    "The AP course at the school was cancelled.",  # a bare short name is no credit
    "Engineers told reporters that the bridge was unsafe.",
    "The council told Parliament on Monday that it had no money.",
])
def test_no_credit_without_a_credit_form(text):
    assert wires.article_sources("Harbour Times", None, (), None, text, {}) == []


def test_a_staff_sign_off_credits_its_organisation_not_reuters():
    """Hostile round 10, case 209: "Reporting by Wire Press staff." is a sign-off naming Wire Press (its
    staff reported), not the Reuters closer "Reporting by Jane Doe; Editing by John Roe"."""
    text = "The council voted on Monday.\n\nReporting by Wire Press staff."
    assert wires.article_sources("Site 01 News", None, ("Wire Press",), None, text, {}) == [
        {"outlet": "Site 01 News", "source": "Wire Press", "wire": False, "kind": "credit", "where": "derived_from",
         "evidence": "derived_from: Wire Press", "reach": "article", "at": ()}]
    assert wires.article_sources("Site 01 News", None, (), None, text, {}) == []  # an unknown name: no source
    rows = wires.article_sources("Site 01 News", None, (), None, text, {wires.norm("Wire Press"): "Wire Press"})
    assert [(r["source"], r["kind"], r["wire"]) for r in rows] == [("Wire Press", "credit", False)]


def test_outside_source_tells_name_the_outlet():
    text = "The harbour master has not responded to the Daily Planet's request for comment."
    rows = wires.article_sources("Copy Daily", None, (), None, text, {})
    assert [(r["source"], r["kind"], r["wire"]) for r in rows] == [("Daily Planet", "tell", False)]
    rows = wires.article_sources("Copy Daily", "https://www.reuters.com/world/x", ("Associated Press",), None, "", {})
    assert {(r["source"], r["kind"]) for r in rows} == {("Reuters", "own text"), ("AP", "credit")}


def test_wire_agency_file_is_versioned_with_sources():
    data = wires.agencies()
    assert isinstance(data["version"], int) and data["sources"]
    ids = {a["id"] for a in data["agencies"]}
    assert {"AP", "Reuters", "AFP", "PA", "ANI", "PTI", "dpa", "EFE", "ANSA", "Kyodo", "Yonhap"} <= ids
    cited = {s["id"] for s in data["sources"]}
    assert all(a["source"] in cited for a in data["agencies"])


def test_agency_hosts_are_domains_and_match_their_subdomains():
    """A host is matched with its subdomains, so a subdomain listed beside its domain is a second hit."""
    for a in wires.agencies()["agencies"]:
        hosts = a.get("hosts") or []
        assert not [h for h in hosts if any(h != g and h.endswith("." + g) for g in hosts)], a["id"]
    hits = [h for h in wires.scan("Harbour Daily", "https://en.harbour-wire.example/x", None, None, "Text.")
            if h["kind"] == "own text"]
    assert hits == []
    hits = [h for h in wires.scan("Harbour Daily", "https://english.kyodonews.net/news/1", None, None, "Text.")
            if h["kind"] == "own text"]
    assert [h["source"] for h in hits] == ["Kyodo"]


# ----------------------------------------------------------------------------------------------
# verdicts


def test_credited_outlet_in_the_corpus_without_the_passage_does_not_explain_it(tmp_path):
    arts = {"x": {"outlet": "Harbour Times", "text": "\n".join(SOURCE), "published": "2024-05-06",
                  "derived_from": "[Bay Courier]"},
            "y": {"outlet": "Copy Daily", "text": "\n".join(SOURCE), "published": "2024-05-08",
                  "derived_from": "[Bay Courier]"},
            "bay": {"outlet": "Bay Courier", "text": "\n".join(OTHER), "published": "2024-05-05"}}
    st = write_story(tmp_path / "s", arts)
    v = pair(verdicts.verdicts(st), "x", "y")
    assert v["verdict"] == "copied without credit" and v["accusation"]
    assert v["source"] == "Harbour Times" and v["credited"] == "no"
    assert "Bay Courier does not explain it" in v["evidence"]
    prov = provenance.provenance(st)
    got = {(r.article, r.source_outlet): r.status for r in prov.itertuples()}
    assert got[("y", "Harbour Times")] == "copied without credit"


def test_three_wire_copies_on_different_days_are_common_source_never_copying(tmp_path):
    arts = {"a": {"outlet": "Harbour Times", "text": "LONDON (Reuters) - " + "\n".join(SOURCE), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:4]), "published": "2024-05-07"},
            "c": {"outlet": "Quiet Copier", "text": "\n".join(SOURCE[1:]), "published": "2024-05-08"}}
    st = write_story(tmp_path / "s", arts)
    v = verdicts.verdicts(st)
    assert not v["accusation"].any()
    assert set(v["relation"]) == {"common_wire"} and set(v["source"]) == {"Reuters"}
    assert pair(v, "a", "b")["credited"] == "partial" and pair(v, "b", "c")["credited"] == "no"
    assert "wire group" in pair(v, "b", "c")["evidence"]
    prov = provenance.provenance(st)
    assert not prov["status"].str.contains("copied").any()


def test_block_quoted_statement_in_the_original_is_quotation(tmp_path):
    narr = "The port board dismissed the harbour master on Monday after a long row over the cracked bridge."
    orig = "\n\n".join([narr, "The board said in a statement:", STATEMENT, OTHER[0]])
    later = "\n\n".join([OTHER[1], f"“{STATEMENT}” the board said.", OTHER[2]])
    st = write_story(tmp_path / "s", {"orig": {"outlet": "Harbour Times", "text": orig, "published": "2024-05-06"},
                                      "later": {"outlet": "Copy Daily", "text": later, "published": "2024-05-07"}})
    r = reuse.analyse(st)
    assert reuse.kind_of(r, "orig", "later") == "shared quotation only"
    assert pair(verdicts.verdicts(st), "orig", "later")["relation"] == "shared_quote_only"
    assert not provenance.provenance(st)["status"].str.contains("copied").any()


@pytest.mark.parametrize("text, blocks", [
    ("Narration here.\n> A quoted letter.\nMore narration.", [False, True, False]),
    ("Narration here.\n\n    An indented quotation.\n\nMore narration.", [False, True, False]),
    ("The board said in a statement:\nWe acted today.\nShares rose.", [False, True, False]),
    ("The board said:\n“We acted today,” it added.", [False, False]),  # quotation marks do the work themselves
])
def test_block_quotations_are_set_apart(text, blocks):
    assert [b for _, b in paragraph_blocks(text)] == blocks


def test_identical_pair_is_an_identical_copy_not_reordered(tmp_path):
    text = "\n".join(SOURCE[:3] + SOURCE[:1] + SOURCE[3:])  # a repeated line must not read as reordering
    st = write_story(tmp_path / "s", {"a": {"outlet": "Harbour Times", "text": text, "published": "2024-05-06"},
                                      "b": {"outlet": "Copy Daily", "text": text, "published": "2024-05-08"}})
    r = reuse.analyse(st)
    assert reuse.kind_of(r, "a", "b") == "copy, identical"
    v = pair(verdicts.verdicts(st), "a", "b")
    assert v["relation"] == "copy" and v["verdict"] == "copied without credit"


def test_same_page_captured_from_the_site_and_a_text_dump(tmp_path):
    page = "\n".join(SOURCE)
    arts = {"site": {"outlet": "Harbour Times", "text": page + "\nRead more: ferry plans", "published": "2024-05-06",
                     "url": "https://harbourtimes.example/news/bridge-closed-to-lorries"},
            "dump": {"outlet": "Harbour Times", "text": "\n".join(SOURCE[:4]) + "\n" + OTHER[0], "published": None,
                     "url": "https://harbourtimes.example/en/news/bridge-closed-to-lorries"}}
    st = write_story(tmp_path / "s", arts)
    v = pair(verdicts.verdicts(st), "site", "dump")
    assert v["relation"] == "same_page" and v["verdict"].startswith("same page")


def test_no_accusation_under_the_evidence_threshold(tmp_path):
    short = "Local hauliers said the closure would add forty minutes to every delivery between the port and the estate."
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join([short] + OTHER[:2]), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join([short] + OTHER[2:]), "published": "2024-05-07"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["shared_narration"] < verdicts.EVIDENCE_WORDS
    assert not v["accusation"] and v["verdict"].startswith("too little narration shared")


def test_undetermined_names_the_candidates(tmp_path):
    tell = "The harbour master has not responded to the Daily Planet's request for comment."
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE + [tell]), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE + [tell]), "published": "2024-05-07"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    # both carry another outlet's request for comment: that outlet, outside the corpus, is a likely source
    assert v["verdict"].startswith("common source") and v["source"] == "Daily Planet"
    assert not v["accusation"]


# ----------------------------------------------------------------------------------------------
# issue 23, second pass: causes of the development misses, each on a crafted story

FRESH = [  # narration of a second outlet's own, sharing nothing with SOURCE or OTHER
    "Fishermen at the north quay said the closure had not changed their catch or their routes this week.",
    "A spokesman for the ferry company confirmed that extra crossings would start on Thursday morning.",
    "Residents of the estate gathered outside the town hall on Wednesday evening to ask for a public meeting.",
    "Insurance brokers expect a rise in claims from firms whose goods arrived late or damaged this month.",
]


def test_a_quote_on_one_side_is_no_shared_narration(tmp_path):
    # Harbour Times quotes the board's statement; Copy Daily reports the same words without marks: they are the
    # board's words (one outlet says so), not narration one outlet took from the other
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join([OTHER[0], f"“{STATEMENT}” the board said.", OTHER[1]]),
                  "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join([FRESH[0], f"The board said {STATEMENT}", FRESH[1]]),
                  "published": "2024-05-07"}}
    st = write_story(tmp_path / "s", arts)
    r = reuse.analyse(st)
    assert r.passages["voice"].tolist() == ["quote on one side"]
    assert r.containment["shared_narration"].tolist() == [0, 0]
    assert reuse.kind_of(r, "a", "b") == "shared quotation only"
    assert pair(verdicts.verdicts(st), "a", "b")["relation"] == "shared_quote_only"


def test_a_copy_with_one_reworded_sentence_is_still_a_copy(tmp_path):
    # four sentences word for word and the fifth lightly reworded: most of it is word for word, a copy
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE + OTHER), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:4] + REWORDED[4:]), "published": "2024-05-07"}}
    st = write_story(tmp_path / "s", arts)
    r = reuse.analyse(st)
    c = r.containment.set_index("article").loc["b"]
    assert c["containment_narration"] == 1.0 and 0.8 < c["exact_narration"] < 1.0
    assert reuse.kind_of(r, "a", "b") == "copy"
    # every sentence reworded stays a reworded copy
    st2 = write_story(tmp_path / "s2", {"a": arts["a"], "b": {**arts["b"], "text": "\n".join(REWORDED)}})
    assert reuse.kind_of(reuse.analyse(st2), "a", "b") == "reworded copy"


def test_partial_overlap_is_a_common_source_not_a_copy(tmp_path):
    # two sentences in common, each article otherwise its own: neither is a copy of the other
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE[:2] + OTHER), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:2] + FRESH), "published": "2024-05-07"}}
    st = write_story(tmp_path / "s", arts)
    assert reuse.kind_of(reuse.analyse(st), "a", "b") == "partial reuse"
    v = pair(verdicts.verdicts(st), "a", "b")
    assert v["shared_narration"] >= verdicts.EVIDENCE_WORDS
    assert v["relation"] == "common_wire" and v["verdict"].startswith("common source likely")
    assert not v["accusation"] and v["direction"] == "n/a"
    assert "one took a passage of the other" in v["candidates"]
    lines = findings.reuse(reuse.analyse(st), provenance.provenance(st), provenance.from_references(st),
                           verdicts.verdicts(st), verdicts.EVIDENCE_WORDS)
    assert any(x.startswith("1 pair shares passages though neither holds most") for x in lines)
    assert not any("None" in x or "from a common wire" in x for x in lines)  # no wire, no source named
    # one of the two credits an outlet whose text is not in the corpus: that outlet is the likeliest source
    arts["b"]["derived_from"] = "[Bay Courier]"
    v = pair(verdicts.verdicts(write_story(tmp_path / "s2", arts)), "a", "b")
    assert v["relation"] == "reworded_copy" and v["source"] == "Bay Courier" and v["credited"] == "partial"
    assert v["verdict"].endswith("Copy Daily credits Bay Courier") and not v["accusation"]


def test_wire_group_takes_in_two_uncredited_rewrites_sharing_a_quote(tmp_path):
    # z credits Reuters; x and y each carry two of its sentences (no credit) and its quote: the quote they
    # share comes from Reuters's story too, so the pair is common wire, not a quotation each found alone
    arts = {"z": {"outlet": "Harbour Times", "text": "LONDON (Reuters) - " + "\n".join(SOURCE + [QUOTE]),
                  "published": "2024-05-06"},
            "x": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:2] + [QUOTE, OTHER[0]]), "published": "2024-05-07"},
            "y": {"outlet": "Quiet Copier", "text": "\n".join(SOURCE[3:] + [QUOTE, FRESH[0]]), "published": "2024-05-08"}}
    st = write_story(tmp_path / "s", arts)
    assert reuse.kind_of(reuse.analyse(st), "x", "y") == "shared quotation only"
    v = pair(verdicts.verdicts(st), "x", "y")
    assert v["relation"] == "common_wire" and v["source"] == "Reuters" and v["credited"] == "no"
    assert "wire group: Harbour Times (z) carries Reuters" in v["evidence"]
    assert not verdicts.verdicts(st)["accusation"].any()


def test_a_few_words_shared_with_an_agency_copy_are_no_evidence(tmp_path):
    short = "Local hauliers said the closure would add forty minutes to every delivery between the port and the estate."
    arts = {"wire": {"outlet": "Reuters", "text": "\n".join([short] + OTHER[:2]), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join([short] + FRESH), "published": "2024-05-07"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "wire", "b")
    assert v["shared_narration"] < verdicts.EVIDENCE_WORDS
    assert "ran Reuters's text" not in v["verdict"] and v["direction"] not in ("a_from_b", "b_from_a")


@pytest.mark.parametrize("text", [
    "The bridge is closed, according to the Harbour Times on Monday.",
    "The Harbour Times first reported the cracks.",
    "In May the Harbour Times reported the cracks.",
    "The cracks were first reported by the Harbour Times.",
    "Engineers said so in a report by the Harbour Times.",
    "The story was updated (via Harbour Times).",
])
def test_credit_forms_name_any_outlet_of_the_story(text):
    known = {"harbourtimes": "Harbour Times"}
    rows = wires.article_sources("Copy Daily", None, (), None, text, known)
    assert [(r["source"], r["kind"], r["wire"]) for r in rows] == [("Harbour Times", "credit", False)]
    assert wires.article_sources("Copy Daily", None, (), None, text, {}) == []  # an unknown name is no outlet
    assert wires.article_sources("Harbour Times", None, (), None, text, known) == []  # nor the article's own


@pytest.mark.parametrize("text", [
    "According to the mayor, the bridge is unsafe.",
    "Engineers reported the cracks to the council.",
    "The Harbour Board reported record traffic.",  # a name that is no outlet of the story
])
def test_no_outlet_credit_without_a_known_outlet(text):
    assert wires.article_sources("Copy Daily", None, (), None, text, {"harbourtimes": "Harbour Times"}) == []


def test_a_credit_in_the_text_through_an_alias_makes_a_credited_copy(tmp_path):
    # Copy Daily copies Harbour Times's story and says, in its text, that "the HT" first reported it: the
    # alias (story.yaml) names the outlet, so the copy is credited, the direction follows the credit
    credit = "The cracks were first reported by the HT on Monday."
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE + [credit]), "published": "2024-05-07"}}
    st = write_story(tmp_path / "s", arts)
    (tmp_path / "s" / "story.yaml").write_text(
        "title: Bridge closed\nquestion: Who copied whom?\nlanguage: en\nactors:\n"
        "  - name: Harbour Times\n    kind: media\n    aliases: [HT]\n", encoding="utf-8")
    st = load_story(tmp_path / "s")
    src = wires.sources(st)
    assert src[src["article"] == "b"][["source", "kind"]].values.tolist() == [["Harbour Times", "credit"]]
    v = pair(verdicts.verdicts(st), "a", "b")
    assert v["credited"] == "yes" and v["direction"] == "b_from_a" and not v["accusation"]
    assert v["source"] == "Harbour Times"


def test_two_credits_to_one_outlet_under_its_alias_are_one_common_source(tmp_path):
    # one credits "SCMP", the other "South China Morning Post" (story.yaml alias), whose text is not in the
    # corpus: one common source both credit, never "copied without credit" because the later is a day later
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE + OTHER[:1]), "published": "2024-05-06",
                  "derived_from": "[SCMP]"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE + FRESH[:1]), "published": "2024-05-07",
                  "derived_from": "[South China Morning Post]"}}
    write_story(tmp_path / "s", arts)
    (tmp_path / "s" / "story.yaml").write_text(
        "title: Bridge closed\nquestion: Who copied whom?\nlanguage: en\nactors:\n"
        "  - name: South China Morning Post\n    kind: media\n    aliases: [SCMP]\n", encoding="utf-8")
    v = pair(verdicts.verdicts(load_story(tmp_path / "s")), "a", "b")
    assert not v["accusation"] and v["verdict"] == "common source: both credit SCMP"
    assert v["credited"] == "yes" and v["direction"] == "n/a"


def test_a_name_drop_of_the_outlet_itself_is_no_tell():
    text = "The mayor told the Post on Monday that the bridge was unsafe."
    assert wires.article_sources("New York Post", None, (), None, text, {}) == []
    rows = wires.article_sources("Harbour Times", None, (), None, text, {"post": "Post"})
    assert [(r["source"], r["kind"]) for r in rows] == [("Post", "tell")]  # another outlet's name-drop still counts


# ----------------------------------------------------------------------------------------------
# issue 23, third pass: one publisher on two hosts, rewrite families, undated copies

def test_one_publishers_article_on_two_of_its_hosts_is_the_same_page(tmp_path):
    text = "\n".join(SOURCE + FRESH[:2])
    arts = {"a": {"outlet": "harbourtimes.example", "text": text, "published": "2024-05-06",
                  "url": "https://harbourtimes.example/news/article/20240506"},
            "b": {"outlet": "harbourtimesworld.example", "text": text, "published": "2024-05-06",
                  "url": "https://www.harbourtimesworld.example:443/article/20240506"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["relation"] == "same_page" and "two of its hosts" in v["verdict"] and not v["accusation"]
    # the same page number on two publishers' hosts is no evidence (numbers are reused): not one page
    arts["b"]["url"] = "https://copydaily.example/article/20240506"
    w = pair(verdicts.verdicts(write_story(tmp_path / "t", arts)), "a", "b")
    assert w["relation"] == "copy"


REWRITE2 = [  # a second rewrite of SOURCE, other words swapped than in REWORDED
    "On Monday the city council voted to shut the old harbour bridge to all lorries after inspectors found deep cracks in two of its steel supports.",
    "Inspectors told the council that the bridge could still carry cars for another year but that heavy traffic would worsen the damage.",
    "Local haulage firms said the closure would add forty minutes to each delivery between the port and the industrial estate.",
    "The council has paused all work on the new ring road while it searches for money to fix the bridge before winter.",
    "A report released last month had warned that the large language model used to plan repairs quietly ignored corrosion data.",
]


REWRITE3 = [  # a third rewrite of SOURCE
    "The city council decided on Monday to close the old harbour bridge to every lorry after engineers spotted deep cracks in two of its steel supports.",
    "Engineers informed the council that the bridge could carry cars for another year but that heavy traffic would hasten the damage.",
    "Local hauliers warned the closure would add forty minutes to every single delivery between the port and the industrial zone.",
    "The council has frozen all work on the new ring road while it looks for cash to mend the bridge before winter.",
    "A study published last month had warned that the large language model used to plan repairs silently ignored corrosion data.",
]


def test_a_family_of_uncredited_rewrites_is_reworded_copying_not_a_wire(tmp_path):
    # four sites carry one text, each reworded, none dated, none naming a source: spam rewrites, not a wire's
    # verbatim pickups (a story sent to all keeps the wire's words); each pair is a reworded copy without
    # credit, who took from whom unknown
    arts = {"a": {"outlet": "spin-one.example", "text": "\n".join(REWORDED + FRESH[:1]), "published": None},
            "b": {"outlet": "spin-two.example", "text": "\n".join(REWRITE2 + FRESH[1:2]), "published": None},
            "c": {"outlet": "spin-three.example", "text": "\n".join(SOURCE + FRESH[2:3]), "published": None},
            "d": {"outlet": "spin-four.example", "text": "\n".join(REWRITE3 + FRESH[3:]), "published": None}}
    v = verdicts.verdicts(write_story(tmp_path / "s", arts))
    ab = pair(v, "a", "b")
    assert ab["relation"] == "reworded_copy" and ab["accusation"]
    assert ab["credited"] == "no" and ab["direction"] == "unknown"
    assert ab["verdict"].startswith("copied without credit, direction unknown (")
    assert "rewrite family" in ab["candidates"]
    # one of them credits a source (a wire's dateline, or an outlet outside the corpus): nobody is accused
    for k, change in enumerate([{"text": "PORT SELBY (Kelp) -- " + arts["c"]["text"]}, {"derived_from": '["Bay Planet"]'}]):
        w = verdicts.verdicts(write_story(tmp_path / f"t{k}", {**arts, "c": {**arts["c"], **change}}))
        assert not w["accusation"].any()


def test_a_translation_sharing_reworded_sentences_is_never_accused(tmp_path):
    # a declared translation rewords any other rendering of its original: two renderings share sentence
    # skeletons without one copying the other (a common source, uncredited)
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(REWORDED + FRESH[:1]), "published": None},
            "b": {"outlet": "Copy Daily", "text": "\n".join(REWRITE2 + FRESH[1:2]), "published": None,
                  "translated_from": "de"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert not v["accusation"] and v["relation"] == "common_wire" and v["credited"] == "no"
    assert v["verdict"].startswith("common source likely: two renderings of one original")
    # word for word, a translation is no rewording: the two renderings explanation does not apply
    arts["a"]["text"] = "\n".join(REWRITE2 + FRESH[:1])
    w = pair(verdicts.verdicts(write_story(tmp_path / "u", arts)), "a", "b")
    assert w["relation"] == "copy" and not w["accusation"]
    arts["a"]["text"] = "\n".join(REWORDED + FRESH[:1])
    arts["b"]["translated_from"] = None
    assert pair(verdicts.verdicts(write_story(tmp_path / "t", arts)), "a", "b")["accusation"]


def test_an_undated_copy_is_accused_only_on_enough_narration(tmp_path):
    short = SOURCE[:2] + [FRESH[0][:60] + "."]  # about forty words of narration: a copy, too little to accuse undated
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE[:2] + OTHER[:2]), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:2] + OTHER[2:]), "published": None}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert verdicts.EVIDENCE_WORDS <= v["shared_narration"] < verdicts.SURE_WORDS
    assert not v["accusation"] and v["verdict"].startswith("undetermined")
    arts["a"]["text"] = arts["b"]["text"] = "\n".join(SOURCE + [short[2]])
    w = pair(verdicts.verdicts(write_story(tmp_path / "t", arts)), "a", "b")
    assert w["shared_narration"] >= verdicts.SURE_WORDS and w["accusation"] and w["direction"] == "unknown"


def test_one_publishers_two_hosts_are_one_page_only_when_each_text_is_nearly_all_in_the_other(tmp_path):
    # the same page number on two hosts of one publisher, but b holds all of a and twice as much of its own:
    # a is (nearly) all in b, b is not in a, so they are not one page captured twice
    arts = {"a": {"outlet": "harbourtimes.example", "text": "\n".join(SOURCE), "published": "2024-05-06",
                  "url": "https://harbourtimes.example/news/article/20240506"},
            "b": {"outlet": "harbourtimesworld.example", "text": "\n".join(SOURCE + FRESH + OTHER), "published": "2024-05-06",
                  "url": "https://www.harbourtimesworld.example/article/20240506"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["relation"] != "same_page" and not v["verdict"].startswith("same page")
