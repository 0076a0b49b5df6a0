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
