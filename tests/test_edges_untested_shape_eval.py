"""Boundary tests for text/shape, linklist, prompts, story/capture and evaluation/score_text functions no test
file named before (issue 20, session 14, helper 20x). Crafted Harbour lines; thresholds checked both ways."""
from presslens.evaluation import score_text
from presslens.story import capture
from presslens.text import linklist, prompts, shape

H = "Storm wrecks the northern piers of Port Selby"


def test_end_label_needs_four_words_before_it_no_sentence_end_and_no_capitals():
    m = shape._end_label("Storm wrecks the piers PHOTO")            # four words before the label
    assert m is not None and m.group(0).strip() == "PHOTO"
    assert shape._end_label("Storm wrecks piers PHOTO") is None      # three
    assert shape._end_label("STORM WRECKS THE PIERS PHOTO") is None  # a line in capitals
    assert shape._end_label("Storm wrecks the piers. PHOTO") is None # a sentence end before it
    assert shape._end_label("Storm wrecks the piers") is None


def test_copied_a_headline_printed_again_whole_or_cut_short():
    assert shape._copied([H, "x", H], 0) is True
    assert shape._copied([H, "x", "y"], 0) is False
    assert shape._copied([H], 0) is False                             # only itself
    assert shape._copied([H, "", H + "..."], 0) is True               # printed again cut short
    # the teaser cut short: its last two thirds are in the full line, a section name glued to its start
    assert shape._copied(["WorldStorm wrecks the northern piers...", H], 0, teaser=True) is True
    assert shape._copied(["Storm wrecks the northern...", "Storm wrecks the northern..."], 0, teaser=True) is False


def test_cut_paragraph_six_words_for_a_cut_word_eight_for_an_open_end():
    assert linklist.cut_paragraph(["As of Tuesday the Delta h"], 0) is True        # six words, cut in a word
    assert linklist.cut_paragraph(["As of Tuesday, Delta h"], 0) is False          # five
    assert linklist.cut_paragraph(["as of Tuesday the Delta h"], 0) is False       # no capital first
    assert linklist.cut_paragraph(["As of Tuesday the Delta h", "more"], 0) is False   # not the last line
    assert linklist.cut_paragraph(["As of Tuesday the Delta h", ""], 0) is True    # blank lines after it
    assert linklist.cut_paragraph(["The council said it sent the crews and"], 0) is True    # eight words, open end
    assert linklist.cut_paragraph(["The council said it sent crews and"], 0) is False       # seven
    assert linklist.cut_paragraph([""], 0) is False


def test_site_voice_half_the_sentences_address_the_reader():
    one = "Our team works to make sure you never miss a story."
    assert prompts.site_voice([one + " The council met."], {}) == [0]                 # one of two: half
    assert prompts.site_voice([one + " The council met. The pier closed."], {}) == []  # one of three
    assert prompts.site_voice([one], {0: "menu"}) == []
    assert prompts.site_voice(["JANE ROE: " + one], {}) == []                         # a transcript's turn
    # sixty words at most: three pairs (11 + 6 words) and one more address of nine words = 60; 4 of 7 sentences address
    pair = one + " The council met on the pier."
    ok = " ".join([pair] * 3) + " We hope you enjoy the news on this site."
    assert shape.n_words(ok) == prompts.MAX_WORDS == 60
    assert prompts.site_voice([ok], {}) == [0]
    long = ok.replace("on this site.", "on this site today.")
    assert shape.n_words(long) == 61 and prompts.site_voice([long], {}) == []


def test_second_front_matter_needs_two_article_fields_between_rules():
    f = ("outlet", "url", "title")
    assert capture.second_front_matter("text\n---\noutlet: Post\nurl: https://x\n---\nmore", f) == 2
    assert capture.second_front_matter("---\noutlet: Post\n---", f) is None           # one field
    assert capture.second_front_matter("---\noutlet: Post\nSome prose here\nurl: x\n---", f) is None   # prose inside
    assert capture.second_front_matter("---\noutlet: Post\nurl: x\n", f) is None       # never closed
    assert capture.second_front_matter("---\noutlet: Post\n  more: x\ntags: a\n- b\nurl: x\n---", f) == 1
    assert capture.second_front_matter("", f) is None


BODY = 'The mayor said "the pier is safe" and Ana Ruiz said "we will rebuild".'
PRED = [{"kind": "direct", "quote": "the pier is safe", "paragraph": "p1", "speaker": "Tom Berg"},
        {"kind": "direct", "quote": "we will rebuild", "paragraph": "p1", "speaker": "Ana Ruiz"},
        {"kind": "indirect", "quote": "the ferry runs", "paragraph": "p2", "speaker": None},
        {"kind": "direct", "quote": "extra words", "paragraph": "p3", "speaker": "Ana Ruiz"}]
GOLD = [{"kind": "direct", "text": "the pier is safe", "unsure": False, "speaker": "the mayor", "actor": None},
        {"kind": "direct", "text": "we will rebuild", "unsure": False, "speaker": "Ana Ruiz", "actor": None},
        {"kind": "direct", "text": "the ferry runs", "unsure": False, "speaker": None, "actor": "Harbour Council"},
        {"kind": "direct", "text": "maybe so", "unsure": True, "speaker": None, "actor": None}]


def _short(rows):
    return [(r["outcome"], r["item"], r["detail"]) for r in rows]


def test_kind_rows_a_pair_counts_when_both_sides_are_of_the_kind():
    rows = score_text._kind_rows("direct quotes: spans", "direct", "a1", PRED, GOLD, [(0, 0), (1, 1), (2, 2)], BODY)
    assert _short(rows) == [("tp", "the pier is safe", ""), ("tp", "we will rebuild", ""),
                            ("fp", "extra words", "no such labelled quote"), ("fn", "the ferry runs", "found as indirect")]
    # paired with an unsure label: counts for nothing either way
    rows = score_text._kind_rows("direct quotes: spans", "direct", "a1", PRED, GOLD, [(0, 0), (1, 1), (2, 2), (3, 3)], BODY)
    assert [r["outcome"] for r in rows] == ["tp", "tp", "fn"]
    # nothing paired: every found quote a false positive, every sure label a miss
    rows = score_text._kind_rows("direct quotes: spans", "direct", "a1", PRED, GOLD, [], BODY)
    assert [r["outcome"] for r in rows] == ["fp", "fp", "fp", "fn", "fn", "fn"]
    assert rows[3]["sentence"] == BODY and rows[3]["detail"] == "not found"


def test_speaker_rows_right_wrong_and_missing_speakers():
    rows = score_text._speaker_rows("direct quotes: speakers", "direct", "a1", PRED, GOLD, [(0, 0), (1, 1), (2, 2)], BODY)
    assert _short(rows) == [("tp", "we will rebuild (Ana Ruiz)", ""),
                            ("fp", "the pier is safe (Tom Berg)", "labelled speaker 'the mayor'"),
                            ("fp", "extra words (Ana Ruiz)", "no such labelled quote"),
                            ("fn", "the pier is safe (the mayor)", "found speaker 'Tom Berg'"),
                            ("fn", "the ferry runs (Harbour Council)", "found without a speaker")]
    rows = score_text._speaker_rows("direct quotes: speakers", "direct", "a1", PRED, GOLD, [(3, 3)], BODY)
    assert ("fp", "extra words (Ana Ruiz)", "no such labelled quote") not in _short(rows)   # neutral: unsure label
    assert [r["detail"] for r in rows if r["outcome"] == "fn"] == ["quote not found"] * 3


# --- evaluation/scoreboard._one, eval_folders ------------------------------------------------------------------
def test_one_counts_outcomes_and_pools_units_for_the_rates():
    import pandas as pd

    from presslens.evaluation import outcomes, scoreboard
    prf = outcomes.BY_NAME[("quotes", "direct quotes: spans")]
    g = pd.DataFrame({"story": ["s1"] * 5 + ["s2"] * 2, "unit": ["a1", "a1", "a1", "a2", "a2", "a1", "a1"],
                      "outcome": ["tp", "tp", "fp", "fn", "tp", "fp", "fn"], "value": [float("nan")] * 7})
    r = scoreboard._one(prf, "dev", g)
    # units: s1/a1, s1/a2, s2/a1 (the same id in two stories is two units); tp 3, fp 2, fn 2: 3/5 each way
    assert {k: r[k] for k in ("units", "items", "tp", "fp", "fn", "yes", "no")} == \
        {"units": 3, "items": 7, "tp": 3, "fp": 2, "fn": 2, "yes": 0, "no": 0}
    assert (r["precision"], r["recall"], r["f1"]) == (0.6, 0.6, 0.6)
    assert r["precision_lo"] <= 0.6 <= r["precision_hi"]
    share = outcomes.BY_NAME[("pairs", "relation")]
    g = pd.DataFrame({"story": ["s1"] * 4, "unit": ["p1", "p2", "p3", "p4"], "outcome": ["yes", "yes", "yes", "no"],
                      "value": [float("nan")] * 4})
    r = scoreboard._one(share, "dev", g)
    assert (r["yes"], r["no"], r["share"], r["units"]) == (3, 1, 0.75, 4)
    g = pd.DataFrame({"story": ["s1"], "unit": ["p1"], "outcome": ["tp"], "value": [float("nan")]})
    assert scoreboard._one(prf, "dev", g)["precision"] == 1.0


def test_eval_folders_by_slug_by_path_and_the_error(tmp_path, monkeypatch):
    import pytest

    from presslens.errors import StoryError
    from presslens.evaluation import scoreboard
    root = tmp_path / "eval"
    for s in ("s1", "s2", "s3"):
        (root / s).mkdir(parents=True)
    (root / "s1" / "truth.yaml").write_text("x")
    (root / "s3" / "truth.yaml").write_text("x")
    assert scoreboard.eval_folders(None, root) == [root / "s1", root / "s3"]
    assert scoreboard.eval_folders(["s3"], root) == [(root / "s3").resolve()]
    assert scoreboard.eval_folders([str(root / "s1")], root) == [(root / "s1").resolve()]
    # a relative path that exists from here is taken as a path, not a slug under the root
    (tmp_path / "elsewhere" / "s4").mkdir(parents=True)
    (tmp_path / "elsewhere" / "s4" / "truth.yaml").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert scoreboard.eval_folders(["elsewhere/s4"], root) == [(tmp_path / "elsewhere" / "s4").resolve()]
    with pytest.raises(StoryError, match=r"s2 \[STORY\]: is not an evaluation story \(no truth.yaml\)"):
        scoreboard.eval_folders(["s2"], root)
    assert scoreboard.eval_folders(None, tmp_path / "none") == []
