"""The member table assembled from integer rows (presslens.analyses.facts.table.from_sentences) is the
table that joining every sentence column per member row, then sorting, made: same rows, order, values
and types, on a crafted story with duplicate sentence positions, quotation shares and dates."""
from __future__ import annotations

import pandas as pd

from presslens.analyses.facts import grouping, table

ROWS = [("a1", "Harbour Post", 0, "The Harbour Council closed the old pier after divers found cracks in its pilings.", 14, 0),
        ("a1", "Harbour Post", 1, "“The pier is unsafe,” the council engineer said on Monday.", 9, 5),
        ("a2", "Quay Times", 0, "The old pier was closed by the Harbour Council when divers found cracks in the pilings.", 15, 0),
        ("a2", "Quay Times", 0, "Divers found deep cracks in the pilings of the old pier, the council said.", 14, 0),
        ("a3", "Bay Herald", 1, "The Harbour Council shut the old pier after divers discovered cracks in its pilings.", 14, 0),
        ("a3", "Bay Herald", 2, "Repairs to the old pier will cost 4 million pounds, according to the council.", 13, 0),
        ("a4", "Quay Times", 0, "Repairs to the old pier will cost 4 million pounds, the council engineer said.", 13, 0),
        ("a5", "Coast News", 3, "Divers found cracks in the pilings and the council closed the old pier.", 13, 0)]


def story() -> pd.DataFrame:
    d = pd.DataFrame(ROWS[::-1], columns=["article_id", "outlet", "sent_idx", "text", "n_words", "n_quoted"])
    d["part"] = ["title" if i == 0 else "body" for i in d["sent_idx"]]
    d["position"] = d["sent_idx"] / 4
    d.index = range(100, 100 + len(d))          # an index of its own: positions, not labels, are joined
    # rows not in article order (the last article first), and a2 holds two sentences at position 0
    return d


def joined_then_sorted(sent, published, published_utc):
    """The assembly before: discover joins every column per member row, then the table is sorted."""
    d = grouping.discover(sent, use_embedding=False)
    d = d[d["fact"] >= 0]
    share = (d["n_quoted"] / d["n_words"].clip(lower=1)).tolist()
    d = d.assign(voice=[table.voice(t, q) for t, q in zip(d["text"], share)],
                 published=d["article_id"].map(published or {}),
                 published_utc=pd.to_datetime(d["article_id"].map(published_utc or {}), utc=True))
    return d.sort_values(["fact", "article_id", "sent_idx"], kind="mergesort")[table.MEMBER_COLS].reset_index(drop=True)


def test_member_rows_joined_once_equal_the_rows_joined_per_member():
    sent = story()
    pub = {"a1": "2031-03-02", "a2": "2031-03-01", "a3": "2031-03-02"}
    utc = {"a1": "2031-03-02T09:00:00Z", "a3": "2031-03-02T23:30:00+01:00"}
    for p, u in [(pub, utc), (None, None)]:
        got = table.from_sentences(sent, p, use_embedding=False, published_utc=u)
        want = joined_then_sorted(sent, p, u)
        assert len(got) >= 8 and got["fact"].nunique() >= 2   # the crafted story holds facts to order
        pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert set(got["voice"]) == {"quote", "attributed", "own voice"}
