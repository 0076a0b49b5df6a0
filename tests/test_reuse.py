"""Text reuse and provenance: crafted pairs with hand-checked classifications, the bundled story, references."""
import textwrap

import pandas as pd
import pytest

from presslens import load_story
from presslens.analyses import findings, provenance, reuse, verdicts
from presslens.figures import reuse as figures_reuse
from presslens.notebook import setup
from presslens.story.model import StoryError

from .conftest import BUNDLED

SOURCE = [
    "The city council voted on Monday to close the old harbour bridge to all lorries after engineers found deep cracks in two of its steel supports.",
    "Engineers told the council that the bridge could carry cars for another year but that heavy traffic would speed up the damage.",
    "Local hauliers said the closure would add forty minutes to every delivery between the port and the industrial estate.",
    "The council has suspended all work on the new ring road while it looks for money to repair the bridge before winter.",
    "A report published last month had warned that the large language model used to plan repairs secretly ignored corrosion data.",
]
QUOTE = "“We cannot take any risk with the safety of people who cross this bridge every single day,” said council leader Ann Hart."
REWORDED = [
    "The city council voted on Monday to ban the old harbour bridge to all lorries after engineers discovered deep cracks in two of its steel supports.",
    "Engineers told the council that the bridge could carry cars for one more year but that heavy traffic would accelerate the damage.",
    "Local hauliers said the closure would secretly add forty minutes to every delivery between the port and the industrial estate.",
    "The council has halted all work on the new ring road while it looks for funds to repair the bridge before winter.",
    "A report published last month had warned that the big language model used to plan repairs secretly ignored corrosion data.",
]
OTHER = [
    "Drivers queued for an hour at the harbour on Tuesday as police turned lorries away from the closed bridge.",
    "Shop owners near the port complained that their deliveries arrived late and that customers stayed at home.",
    "The mayor promised a temporary ferry for goods by the end of the month and asked residents for patience.",
    "Traffic experts warned that the detour through the old town was never built for heavy vehicles.",
]


def write_story(root, articles: dict, references: dict | None = None):
    """A story folder under ``root``: articles {id: dict(outlet, text, published, url, derived_from)}."""
    (root / "articles").mkdir(parents=True)
    (root / "story.yaml").write_text("title: Bridge closed\nquestion: Who copied whom?\nlanguage: en\n", encoding="utf-8")
    for aid, a in articles.items():
        fm = {"outlet": a["outlet"], "title": a.get("title"), "url": a.get("url"), "published": a.get("published"),
              "language": "en", "translated_from": a.get("translated_from"), "derived_from": a.get("derived_from", []), "byline": None,
              "notes": None}
        head = "\n".join(f"{k}: {'null' if v is None else v}" for k, v in fm.items())
        (root / "articles" / f"{aid}.md").write_text(f"---\n{head}\n---\n{a['text']}\n", encoding="utf-8")
    for rid, (meta, body) in (references or {}).items():
        (root / "references").mkdir(exist_ok=True)
        (root / "references" / f"{rid}.md").write_text(f"---\n{meta}\n---\n{body}\n", encoding="utf-8")
    return load_story(root)


def pair_story(tmp_path, text_b, outlet_b="Copy Daily", url_b="https://b.example/story", text_a=None, **more):
    a = {"outlet": "Harbour Times", "text": text_a or "\n".join(SOURCE), "published": "2024-05-06",
         "url": "https://a.example/story"}
    b = {"outlet": outlet_b, "text": text_b, "published": "2024-05-08", "url": url_b, **more}
    return write_story(tmp_path / "s", {"a": a, "b": b})


def kind(st):
    return reuse.kind_of(reuse.analyse(st), "a", "b")


def test_exact_copy(tmp_path):
    r = reuse.analyse(pair_story(tmp_path, "\n".join(SOURCE)))
    assert reuse.kind_of(r, "a", "b") == "copy, identical"  # the same words in the same order
    p = r.passages
    assert len(p) == 1 and p["voice"].iat[0] == "narration"
    assert p["words"].iat[0] == sum(len(s.split()) for s in SOURCE)
    assert (p["start_a"].iat[0], p["start_b"].iat[0]) == (0, 0)
    row = r.containment[(r.containment["article"] == "b") & (r.containment["other"] == "a")].iloc[0]
    assert row["containment"] == 1.0 and row["containment_narration"] == 1.0


def test_copy_with_synonyms_swapped(tmp_path):
    r = reuse.analyse(pair_story(tmp_path, "\n".join(REWORDED)))
    assert reuse.kind_of(r, "a", "b") == "reworded copy"
    sw = r.swaps
    changes = set(zip(sw["change"], sw["from"], sw["to"]))
    assert ("swapped", "close", "ban") in changes
    assert ("swapped", "suspended", "halted") in changes
    assert ("inserted", "", "secretly") in changes
    assert ("swapped", "large", "big") in changes
    assert "large language model" in set(sw["context_from"]) and "big language model" in set(sw["context_to"])
    assert ("swapped", "another", "one more") in changes or ("swapped", "another", "one") in changes
    assert r.reworded["similarity"].min() >= reuse.MATCH


def test_copy_with_sentences_reordered(tmp_path):
    r = reuse.analyse(pair_story(tmp_path, "\n".join(reversed(SOURCE))))
    assert reuse.kind_of(r, "a", "b") == "copy, sentences reordered"
    assert set(r.passages["voice"]) == {"narration"}
    assert r.reworded.empty  # the sentences are the same: nothing reworded


def test_shared_quote_only(tmp_path):
    st = pair_story(tmp_path, " ".join(OTHER[:2]) + "\n" + QUOTE + "\n" + " ".join(OTHER[2:]),
                    text_a="\n".join(SOURCE[:2]) + "\n" + QUOTE + "\n" + "\n".join(SOURCE[2:]))
    r = reuse.analyse(st)
    assert reuse.kind_of(r, "a", "b") == "shared quotation only"
    assert set(r.passages["voice"]) == {"quotation"}
    assert r.passages["words"].max() >= 18


def test_unrelated_articles_on_the_same_topic(tmp_path):
    r = reuse.analyse(pair_story(tmp_path, "\n".join(OTHER)))
    assert reuse.kind_of(r, "a", "b") == "no reuse"
    assert r.passages.empty and r.reworded.empty and r.pairs.empty


def test_same_page_captured_twice_is_a_duplicate_not_a_copy(tmp_path):
    st = pair_story(tmp_path, "\n".join(SOURCE[:4]), outlet_b="Harbour Times", url_b="https://www.a.example/story/")
    r = reuse.analyse(st)
    assert reuse.kind_of(r, "a", "b") == "duplicate capture"
    assert r.passages.empty  # the shorter capture is not compared as a copy
    assert list(r.left_out["article_id"]) == ["b"]
    prov = provenance.provenance(st)
    assert prov.empty or "copied" not in " ".join(prov["status"])


def test_candidates_come_from_the_index_not_all_pairs(tmp_path):
    arts = {f"u{i}": {"outlet": f"Outlet {i}", "text": OTHER[i], "published": "2024-05-08"} for i in range(4)}
    arts["a"] = {"outlet": "Harbour Times", "text": "\n".join(SOURCE), "published": "2024-05-06"}
    arts["b"] = {"outlet": "Copy Daily", "text": "\n".join(SOURCE), "published": "2024-05-07"}
    r = reuse.analyse(write_story(tmp_path / "s", arts))
    assert r.stats["all_pairs"] == 15 and r.stats["candidate_pairs"] == 1


# ----------------------------------------------------------------------------------------------
# provenance


def test_provenance_credited_uncredited_and_not_copied(tmp_path):
    arts = {
        "orig": {"outlet": "Harbour Times", "text": "\n".join(SOURCE), "published": "2024-05-04"},
        "cred": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:4]), "published": "2024-05-07",
                 "derived_from": "[Harbour Times]"},
        "nocred": {"outlet": "Quiet Copier", "text": "\n".join(SOURCE[1:]), "published": "2024-05-08"},
        "claims": {"outlet": "Honest Post", "text": "\n".join(OTHER), "published": "2024-05-08",
                   "derived_from": "[Harbour Times, Wire Agency]"},
        "undated": {"outlet": "No Date News", "text": "\n".join(SOURCE[2:]), "published": None},
    }
    st = write_story(tmp_path / "s", arts)
    prov = provenance.provenance(st)
    got = {(r.article, r.source_outlet): r.status for r in prov.itertuples()}
    assert got[("cred", "Harbour Times")] == "credited and copied"
    assert got[("nocred", "Harbour Times")] == "copied without credit"
    assert got[("claims", "Harbour Times")] == "credited but not copied"
    assert got[("claims", "Wire Agency")] == "credited, not in the corpus"
    # no date: direction not guessed; the other texts holding the passage are dated after Harbour Times's, so none
    # is a source of both: one of the two copied the other without credit, which one unknown
    assert got[("undated", "Harbour Times")] == "copied without credit, direction unknown"
    row = prov[(prov["article"] == "undated") & (prov["source_outlet"] == "Harbour Times")].iloc[0]
    assert "no date" in row["direction"]
    v = verdicts.verdicts(st)
    und = v[(v["article_a"].isin(["undated"]) | v["article_b"].isin(["undated"]))
            & (v["article_a"].isin(["orig"]) | v["article_b"].isin(["orig"]))].iloc[0]
    assert und["verdict"] == "copied without credit, direction unknown (a date is missing)" and und["direction"] == "unknown"
    assert "No Date News copied Harbour Times" in und["candidates"] or "Harbour Times copied No Date News" in und["candidates"]
    # the later article is never the earlier one's source
    assert ("orig", "Copy Daily") not in got and ("orig", "Quiet Copier") not in got


def test_references_share_and_bad_reference_file(tmp_path):
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE[:3] + OTHER[:2]), "published": "2024-05-06",
                  "derived_from": "[City Press Office]"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(OTHER[2:]), "published": "2024-05-07"}}
    ref = ("source: City Press Office\nkind: press release\ntitle: Bridge closed to lorries\npublished: 2024-05-06",
           "\n".join(SOURCE))
    st = write_story(tmp_path / "s", arts, {"council": ref})
    assert list(st.references["id"]) == ["council"]
    t = provenance.from_references(st)
    row = t[(t["article"] == "a") & (t["reference"] == "council")].iloc[0]
    words = sum(len(s.split()) for s in SOURCE[:3])
    total = words + sum(len(s.split()) for s in OTHER[:2])
    assert row["shared_words"] == words and row["share"] == pytest.approx(words / total, abs=0.01)
    assert row["credited"]
    assert t[t["article"] == "b"]["share"].sum() == 0
    prov = provenance.provenance(st)
    assert prov[(prov["article"] == "a") & (prov["source_outlet"] == "City Press Office")]["status"].iat[0] == \
        "credited and copied (reference)"
    # the references are not articles: not in the corpus, not in the matrix
    assert "ref:council" not in set(reuse.analyse(st).pairs["article_a"]) | set(reuse.analyse(st).pairs["article_b"])

    bad = tmp_path / "bad"
    write_story(bad, arts)
    (bad / "references").mkdir()
    (bad / "references" / "wire.md").write_text("---\nkind: telegram\n---\nSome text.\n", encoding="utf-8")
    (bad / "references" / "notes.md").write_text("no front matter at all\n", encoding="utf-8")
    with pytest.raises(StoryError) as e:
        load_story(bad)
    msg = str(e.value)
    assert "bad/references/wire.md [source]: required field is missing or empty" in msg
    assert "'telegram' is not a kind of reference" in msg
    assert "bad/references/notes.md [front matter]" in msg and "source: NAME" in msg


def test_story_without_references_keeps_its_fingerprint():
    st = load_story(BUNDLED)
    assert st.references is not None and st.references.empty
    import hashlib
    h = hashlib.sha256(hashlib.sha256((st.path / "story.yaml").read_bytes()).hexdigest().encode())
    for aid, sha in zip(st.articles["id"], st.articles["sha256"]):
        h.update(f"{aid}:{sha}".encode())
    for rel, sha in sorted(st.outlets_sha256.items()):  # the story's outlets.yaml (issue 28), hashed after the articles
        h.update(f"{rel}:{sha}".encode())
    assert st.outlets_sha256  # the bundled story has one
    assert st.fingerprint == h.hexdigest()[:16]  # no empty references/ entry: as before references existed


# ----------------------------------------------------------------------------------------------
# the bundled story


def test_bundled_openai_statement_is_quotation_not_copied_narration():
    r = reuse.analyse(load_story(BUNDLED))
    p = r.passages
    statement = p[p["text_a"].str.contains("usage policies") | p["text_b"].str.contains("usage policies")]
    assert len(statement) >= 2
    assert set(statement["voice"]) == {"quotation"}
    assert {"Hindustan Times", "New York Post"} <= set(statement["outlet_a"]) | set(statement["outlet_b"])
    kinds = r.pairs.set_index(["outlet_a", "outlet_b"])["kind"]
    assert kinds[("Hindustan Times", "New York Post")] == "shared quotation only"
    assert not r.pairs["kind"].str.contains("copy").any()


def test_notebook_knobs_for_thresholds():
    assert setup.KNOBS["min_words"]("12") == 12 and setup.KNOBS["match"](85) == 85
    with pytest.raises(StoryError):
        setup.KNOBS["match"](120)


def test_other_language_article_is_left_out_and_said(tmp_path):
    french = ("Le conseil municipal a voté lundi la fermeture du vieux pont du port à tous les camions après que "
              "des ingénieurs ont trouvé de profondes fissures dans deux de ses supports en acier. Les transporteurs "
              "locaux disent que la fermeture ajoutera quarante minutes à chaque livraison entre le port et la zone.")
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE), "published": "2024-05-07"},
            "fr": {"outlet": "Le Port", "text": french, "published": "2024-05-07"}}
    r = reuse.analyse(write_story(tmp_path / "s", arts))
    assert list(r.left_out["article_id"]) == ["fr"] and "not in the story's language" in r.left_out["reason"].iat[0]
    assert r.stats["articles"] == 2 and "fr" not in set(r.containment["article"]) | set(r.containment["other"])


def test_findings_name_their_tables(tmp_path):
    st = pair_story(tmp_path, "\n".join(REWORDED))
    r = reuse.analyse(st)
    lines = findings.reuse(r, provenance.provenance(st), provenance.from_references(st))
    assert all("(table: " in x for x in lines)
    assert any("1 reworded copy" in x for x in lines)
    assert any('"close" → "ban"' in x or "→" in x for x in lines)
    assert any("Copied without credit" in x and "Copy Daily (b) from Harbour Times (a)" in x for x in lines)


def test_story_with_no_shared_text_draws_notes_not_errors():

    from .conftest import MINI
    st = load_story(MINI)
    r = reuse.analyse(st)
    assert r.pairs.empty and r.containment["reference"].dtype == bool
    fig, data = figures_reuse.matrix(st, r.containment)
    assert data.empty
    prov = provenance.provenance(st)
    assert set(zip(prov["article"], prov["status"])) == {("gazette", "credited but not copied"),
                                                          ("wire", "credited but not copied")}
    fig, data = figures_reuse.graph(st, provenance.outlet_edges(prov))
    assert data.empty


def test_shared_text_with_a_common_credited_source(tmp_path):
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE), "published": "2024-05-06",
                  "derived_from": "[Wire Agency]"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[1:]), "published": "2024-05-07",
                  "derived_from": "[Wire Agency]"}}
    prov = provenance.provenance(write_story(tmp_path / "s", arts))
    got = {(r.article, r.source_outlet): r.status for r in prov.itertuples()}
    assert got[("b", "Harbour Times")] == "common source likely (both credit Wire Agency)"
    assert got[("a", "Wire Agency")] == got[("b", "Wire Agency")] == "credited, not in the corpus"


def test_two_copies_of_one_source_share_a_common_source_not_each_other(tmp_path):
    arts = {"wire1": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:4] + OTHER[:1]), "published": "2024-05-07",
                      "derived_from": "[City Press Office]"},
            "wire2": {"outlet": "Quiet Copier", "text": "\n".join(SOURCE[:4] + OTHER[2:3]), "published": "2024-05-07"},
            "orig": {"outlet": "Harbour Times", "text": "\n".join(OTHER[3:] + SOURCE[4:]), "published": "2024-05-05"}}
    ref = ("source: City Press Office\nkind: press release", "\n".join(SOURCE))
    st = write_story(tmp_path / "s", arts, references={"council": ref})
    prov = provenance.provenance(st)
    got = {(r.article, r.source_outlet): (r.status, r.likeliest) for r in prov.itertuples()}
    # both ran the press release: between them the text is common, not copied one from the other
    assert got[("wire1", "Quiet Copier")][0] == "common source likely (City Press Office (reference) has the text both share)"
    assert got[("wire2", "Copy Daily")][0] == got[("wire1", "Quiet Copier")][0]
    assert got[("wire1", "City Press Office")] == ("credited and copied (reference)", True)
    assert got[("wire2", "City Press Office")] == ("copied without credit (reference)", True)
    edges = provenance.outlet_edges(prov)
    assert not edges["known"].any()  # no arrow between the two outlets: one undirected common-source line
    assert list(edges["verdict"]) == ["common source"]


def test_a_passage_in_more_than_max_df_articles_is_common_phrasing_not_evidence():
    """max_df: a shingle found in more articles than this links none of them (passim's --max-df)."""
    shared = "the quick brown fox jumps over the lazy dog by the river bank today".split()

    def doc(i, words):
        return reuse.Doc(f"a{i}", f"Outlet {i}", words, [False] * len(words), [0] * len(words))

    docs = [doc(i, [f"x{i}", f"y{i}"] + shared + [f"z{i}"]) for i in range(4)]
    pairs, common = reuse.candidate_pairs(docs, min_words=10, max_df=3)   # in 4 articles: common
    assert pairs == {} and common > 0
    pairs, common = reuse.candidate_pairs(docs, min_words=10, max_df=4)   # in at most 4: evidence
    assert len(pairs) == 6 and common == 0
    pairs, _ = reuse.candidate_pairs(docs[:2], min_words=10, max_df=1)    # two articles, max_df=1: common
    assert pairs == {}


@pytest.mark.parametrize("credit", ["AP", "The Associated Press", "associated press"])
def test_a_credit_through_an_agency_alias_counts_as_credited(mini, credit):
    """An article crediting "AP" or "The Associated Press" credits the outlet Associated Press: the
    provenance table and the graph's edges say credited copy, never copied without credit."""
    from presslens import load_story
    from presslens.analyses import provenance
    daily = mini / "articles" / "daily.md"
    daily.write_text(daily.read_text().replace("outlet: The Daily Ledger", "outlet: Associated Press"))
    body = daily.read_text().split("---\n", 2)[2]
    (mini / "articles" / "copy.md").write_text(
        f"---\noutlet: Harbour Times\npublished: 2024-03-09\nlanguage: en\nderived_from: [{credit}]\n---\n{body}")
    st = load_story(mini)
    p = provenance.provenance(st)
    row = p[(p["article"] == "copy") & (p["source_outlet"] == "Associated Press")]
    assert len(row) == 1 and bool(row["credited"].iat[0]), p
    assert row["status"].iat[0].startswith("credited and copied"), row["status"].iat[0]
    edges = provenance.outlet_edges(p)
    e = edges[(edges["source_outlet"] == "Associated Press") & (edges["outlet"] == "Harbour Times")]
    assert list(e["verdict"]) == ["credited copy"] and list(e["credited"]) == [True]


def test_a_zero_share_reads_as_zero_and_no_pair_stays_blank(mini):
    """In the reuse matrix a pair that shares text but none of the row's narration reads 0% (and 0 in
    the CSV); a pair that shares nothing is blank (grey), as the note says."""
    import matplotlib.pyplot as plt
    from presslens import load_story
    from presslens.analyses.reuse import CONTAIN_COLS
    from presslens.figures import reuse as reuse_fig
    st = load_story(mini)
    row = dict.fromkeys(CONTAIN_COLS, 0)
    rows = [{**row, "article": "daily", "outlet": "The Daily Ledger", "other": "wire", "other_outlet": "Wire Service",
             "words": 80, "narration_words": 60, "shared_words": 12, "shared_narration": 0, "containment": 0.15,
             "containment_narration": 0.0, "exact_narration": 0.0, "reference": False}]
    fig, data = reuse_fig.matrix(st, pd.DataFrame(rows, columns=CONTAIN_COLS))
    narration, everything = fig.axes[0], fig.axes[1]
    assert [t.get_text() for t in narration.texts] == ["0%"] and [t.get_text() for t in everything.texts] == ["15%"]
    grid = narration.images[0].get_array()
    assert grid.mask.sum() == grid.size - 1  # every other cell: nothing shared, blank
    assert data["containment_narration"].tolist() == [0.0] and not data.isna().any().any()
    assert "blank: nothing shared" in " ".join(t.get_text() for t in fig.texts)
    plt.close(fig)
