"""Tests for the survivors of the seventh seeded-bug round (issue 20, session 14, helper 20x; docs/seeded-bugs.md,
"Seventh round"): each fails on its round-7 mutant and passes on the real code. Crafted Harbour values."""
from types import SimpleNamespace

from presslens.analyses.quotes import alignment


def test_appended_takes_the_reference_row_of_the_statement_not_another_label():
    """013 `alignment._appended`: the extended quote's reference, speaker and outlet are the statement's
    reference row's, whatever other rows (verbatim, paraphrased) of that statement come after it."""
    items = [("a1", "Post", "The pier is safe.", None), ("a1", "Post", "We will reopen it soon.", None),
             ("a2", "Mail", "The pier is safe.", None), ("a3", "Kite", "The pier is safe.", None)]
    quote_of = [0, 0, 1, 2]
    in_statement = {0: 0, 2: 0, 3: 0}          # the second sentence of a1's quote is in no statement
    rows = [{"statement": 0, "label": "reference", "reference": "The pier is safe.", "speaker": "Ana Ruiz",
             "reference_outlet": "Mail"},
            {"statement": 0, "label": "verbatim", "reference": "The pier was safe.", "speaker": "Tom Berg",
             "reference_outlet": "Kite"}]
    seen = []
    elsewhere = SimpleNamespace(found=lambda text, aid: seen.append((text, aid)) or False)
    out = alignment._appended(items, quote_of, in_statement, rows, elsewhere)
    assert [(r["statement"], r["article_id"], r["outlet"], r["label"], r["version"], r["reference"], r["speaker"],
             r["reference_outlet"], r["added"], r["found_elsewhere"]) for r in out] == [
        (0, "a1", "Post", "extended", "The pier is safe. We will reopen it soon.", "The pier is safe.", "Ana Ruiz",
         "Mail", "We will reopen it soon.", False)]
    assert seen == [("we will reopen it soon", "a1")]     # asked of the added words, the article itself aside
    # a sentence next to no statement sentence of its own quotation extends nothing
    assert alignment._appended(items, [0, 1, 2, 3], in_statement, rows, elsewhere) == []


def test_a_caption_of_four_words_printed_again_with_its_credit_is_a_caption_copy():
    """017 `shape.shape_furniture`: caption-copy needs four words or more (three is too common a line to
    call a caption), and the line below adds twelve words at most, ending on a credit."""
    from presslens.text import shape
    p = ("The Harbour Council said on Tuesday that the ferry service would resume next week after repairs to the "
         "pier were finished.")
    q = ("Council members said the repairs had cost more than expected and that the work on the northern pier "
         "would continue.")
    def copies(cap, tail=" (AP Photo/Jane Roe)", gap=()):
        return shape.shape_furniture([p, cap, *gap, cap + tail, q], frozenset({"caption-copy"}))[0]
    assert shape.n_words("Ferries at the pier") == 4
    assert copies("Ferries at the pier") == {1: "caption-copy", 2: "caption-copy"}
    assert copies("Ferries at pier") == {}                                    # three words
    assert copies("Ferries at the pier", gap=("x",)) == {1: "caption-copy", 3: "caption-copy"}   # two lines below
    assert copies("Ferries at the pier", gap=("x", "y")) == {}                # three lines below: too far
    twelve = " in Port Selby on Tuesday as the storm (AP Photo/Jane Roe)"
    assert shape.n_words(twelve) == 12 and copies("Ferries at the pier", twelve) == {1: "caption-copy", 2: "caption-copy"}
    thirteen = " in Port Selby on Tuesday as the storm passed (AP Photo/Jane Roe)"
    assert shape.n_words(thirteen) == 13 and copies("Ferries at the pier", thirteen) == {}


def test_swap_all_refuses_a_users_file_named_first_in_order_and_leaves_the_folder(tmp_path):
    """019 `run/outputs.swap_all`: a user's file the staged folder would overwrite stops the swap with an
    OutputError naming the file (the first in name order when several); nothing is moved."""
    import pytest

    from presslens import ownership
    from presslens.errors import OutputError
    from presslens.run import outputs
    final, staged = tmp_path / "reports", tmp_path / ".staged"
    final.mkdir()
    staged.mkdir()
    (final / "index.html").write_text("old")
    ownership.write_marker(final, "reports", {"index.html": ownership.sha256_file(final / "index.html")}, {"by": "test"})
    (final / "notes.html").write_text("the user's")
    for n in ("index.html", "notes.html"):
        (staged / n).write_text("new " + n)
    with pytest.raises(OutputError, match=r"reports/notes.html is not presslens's, and this run would overwrite it"):
        outputs.swap_all([(staged, final, False, "reports")])
    assert (final / "notes.html").read_text() == "the user's" and (final / "index.html").read_text() == "old"
    assert (staged / "notes.html").exists()                       # the staged folder was not moved
    (final / "a.html").write_text("the user's too")
    (staged / "a.html").write_text("new")
    with pytest.raises(OutputError, match=r"reports/a.html is not presslens's"):
        outputs.swap_all([(staged, final, False, "reports")])
