"""Issue 20, session 16 (20n): the faster notebook products give the tables the slower code gave.
Crafted Harbour text; the expected contexts and rows are hand-checked."""
from __future__ import annotations


from presslens import load_story
from presslens.analyses import facts, profiles
from presslens.analyses.wordchoice import concordance

ARTICLES = {
    # outlet: (title, body). Three outlets state the closure in their own words; Courier leaves it out.
    "Ledger": ("Harbour news", "The Harbour Agency closed the north pier for three weeks after a crane collapsed.\n\n"
               "Ana Lund said the agency would reopen the pier in the spring."),
    "Gazette": ("Pier closed", "The north pier was closed for three weeks by the Harbour Agency after a crane "
                "collapsed.\n\nAna Lund said the agency would reopen the pier in spring."),
    "Wire": ("Harbour works halted", "The Harbour Agency has closed the north pier for three weeks after a crane collapsed."
             "\n\nAna Lund said the agency will reopen the pier in the spring."),
    "Courier": ("Harbour today", "Ana Lund said the agency would reopen the pier in the spring.\n\n"
                "Fishermen will meet in Westport on Friday."),
}


def _story(folder):
    (folder / "articles").mkdir(parents=True)
    (folder / "story.yaml").write_text("title: Harbour closes a pier\nquestion: Who told the closure?\nlanguage: en\n"
                                       "actors:\n  - name: Harbour Agency\n    kind: organisation\n", encoding="utf-8")
    for i, (outlet, (title, body)) in enumerate(ARTICLES.items()):
        (folder / "articles" / f"{i}-{outlet.lower()}.md").write_text(
            f"---\noutlet: {outlet}\ntitle: {title}\npublished: 2024-03-0{i + 1}\nlanguage: en\n---\n{title}\n{body}\n",
            encoding="utf-8")
    return load_story(folder)


def test_kwic_contexts_cut_at_the_window_for_every_hit_at_once(tmp_path):
    st = _story(tmp_path / "harbour")
    k = concordance.kwic(st, "crane", window=2)
    # three outlets, story order; two words each side, inside the sentence
    assert list(k["outlet"]) == ["Ledger", "Gazette", "Wire"]
    assert list(k["left"]) == ["after a", "after a", "after a"]
    assert list(k["right"]) == ["collapsed.", "collapsed.", "collapsed."]  # fewer words than the window: the rest
    k1 = concordance.kwic(st, "pier", window=1)
    first = k1[k1["outlet"] == "Ledger"].iloc[0]
    assert (first["left"], first["match"], first["right"]) == ("north", "pier", "for")
    k0 = concordance.kwic(st, "pier", window=0)
    assert set(k0["left"]) == {""} and set(k0["right"]) == {""}
    # the first word of a sentence: no left context at any window
    lund = concordance.kwic(st, "Ana", window=3)
    assert set(lund["left"]) == {""} and set(lund["right"]) == {"Lund said the"}


def test_fact_rows_as_the_grid_and_left_out_give_them(tmp_path):
    """fact_rows reads the carried cells without facts.grid's facts x outlets product, and the left-out facts
    from facts.left_out(story): the same rows as the grid's non-absent cells and the explicit call."""
    st = _story(tmp_path / "harbour")
    rows = profiles.fact_rows(st)
    m = facts.members(st)
    found = facts.summarise(m)
    outlets = list(st.outlets)
    g = facts.grid(m, found, outlets, {})
    have = g[g["voice"] != "absent"]
    carried = rows[rows["status"] == "carried"]
    assert sorted(zip(carried["outlet"], carried["fact"], carried["article_id"], carried["sentence"])) == \
        sorted(zip(have["outlet"], have["fact"], have["article_id"], have["sentence"]))
    left = facts.left_out(m, found, outlets, cut_short={})
    missing = rows[rows["status"] == "left out"]
    assert list(zip(missing["outlet"], missing["fact"])) == list(zip(left["outlet"], left["fact"]))
    closure = found[found["label"].str.contains("closed")]["fact"].tolist()
    assert len(closure) == 1 and list(missing["outlet"]) == ["Courier"] and list(missing["fact"]) == closure
    assert missing.iloc[0]["sentence_outlet"] == "Ledger" and missing.iloc[0]["article_id"] == "0-ledger"


def test_drift_names_each_version_once_in_fact_order(tmp_path):
    st = _story(tmp_path / "harbour")
    m = facts.members(st)
    d = facts.drift(m)
    # "will reopen" against "would reopen": no number, date, hedge or attribution changes; what drift names
    # must come from versions of facts two articles carry, each (clause, sentence) once
    assert list(d.columns) == facts.DRIFT_COLS
    assert not d.duplicated(["fact", "kind", "clause", "sentence"]).any()
    two = m.groupby("fact")["article_id"].nunique()
    assert set(d["fact"]) <= set(two[two >= 2].index)
    order = list(dict.fromkeys(m[m["fact"].isin(d["fact"])]["fact"]))
    assert list(dict.fromkeys(d["fact"])) == order
