"""Readability's rows built without a pandas group per article or per sentence, and counts looked up once
per distinct token (issue 20): the same numbers as the plain definitions, on invented text."""
import numpy as np
import pandas as pd

from presslens.analyses import readability as ar
from presslens.text import readability as tr


def _plain_counts(sentences):
    """The counts as first written: each token's facts summed one list at a time."""
    toks = [t for s in sentences for t in s]
    facts = [tr._word_facts(t) for t in toks]
    return {"sentences": sum(1 for s in sentences if s), "words": len(toks),
            "syllables": sum(f[0] for f in facts), "complex": sum(f[1] for f in facts),
            "difficult": sum(f[2] for f in facts), "letters": sum(sum(ch.isalpha() for ch in t) for t in toks)}


def _plain_mtld_pass(tokens, threshold):
    factors, types, count = 0.0, set(), 0
    for tok in tokens:
        count += 1
        types.add(tok)
        if len(types) / count <= threshold:
            factors, types, count = factors + 1, set(), 0
    if count:
        factors += (1 - len(types) / count) / (1 - threshold)
    return factors, len(tokens)


def test_counts_by_hand_with_letters_kept_per_token():
    sents = [["the", "harbour", "council's", "vote"], [], ["harbour", "2024", "vote"]]
    c = tr.counts(sents)
    # letters: the 3+7+8+4 of the first sentence, 7+0+4 of the last (digits and the apostrophe are not letters)
    assert c["letters"] == 33
    assert (c["sentences"], c["words"]) == (2, 7)
    assert c == _plain_counts(sents)
    assert tr._word_facts("council's")[3] == 8
    assert isinstance(c["complex"], int) and isinstance(c["difficult"], int)


def test_mtld_pass_equals_the_plain_definition():
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in rng.integers(0, 40, size=600)]
    for threshold in (0.72, 0.5, 0.9):
        assert tr.mtld_pass(words, threshold) == _plain_mtld_pass(words, threshold)
    # quay (1/1), quay (1/2 <= 0.72: a factor, restart), quay (1/1: a partial factor of 0)
    assert tr.mtld_pass(["quay", "quay", "quay"], 0.72) == (1.0, 3)


def test_tokens_by_sentence_sorts_by_sentence_then_index():
    toks = pd.DataFrame({"sent_id": [5, 2, 5, 2, 9], "tok_idx": [1, 1, 0, 0, 0],
                         "token": ["ferry", "council", "the", "harbour", "quay"]})
    got = ar._tokens_by_sentence(toks)
    assert got == {2: ["harbour", "council"], 5: ["the", "ferry"], 9: ["quay"]}
    assert list(got) == [2, 5, 9]
    assert ar._tokens_by_sentence(toks.iloc[:0]) == {}


def test_sentences_by_article_keeps_table_order():
    sents = pd.DataFrame({"article_id": ["b", "a", "b", "a"], "n_words": [4, 7, 2, 1], "sent_id": [0, 1, 2, 3]})
    lengths, ids = ar._sentences_by_article(sents)
    assert list(ids) == ["b", "a"]
    assert ids == {"b": [0, 2], "a": [1, 3]}
    assert lengths["b"].tolist() == [4, 2] and lengths["a"].dtype == sents["n_words"].dtype


def test_rows_equal_those_of_pandas_groups():
    """readability_rows on a crafted two-article story: the same rows as grouping with pandas gives."""
    text = {"h1": "The harbour council met on Monday . It voted to close the old quay . Ferries will stop".split(),
            "h2": "Dockers said the vote was rushed . The council denied it".split()}
    sent_rows, tok_rows, sid = [], [], 0
    for aid, words in text.items():
        cur = []
        for w in words + ["."]:
            cur.append(w)
            if w == ".":
                sent_rows.append({"article_id": aid, "sent_id": sid, "part": "body", "n_words": len(cur) - 1})
                tok_rows += [{"article_id": aid, "sent_id": sid, "tok_idx": i, "part": "body", "token": t.lower()}
                             for i, t in enumerate(cur[:-1])]
                sid, cur = sid + 1, []
    sents, toks = pd.DataFrame(sent_rows), pd.DataFrame(tok_rows).sample(frac=1, random_state=3)
    arts = pd.DataFrame({"id": ["h1", "h2"], "outlet": ["Quay News", "Dock Post"], "translated_from": [None, None]})
    rows = ar.readability_rows(arts, sents, toks)
    assert [r["n_words"] for r in rows] == [16, 10]  # 6 + 7 + 3 words; 6 + 4
    assert [r["n_sentences"] for r in rows] == [3, 2]
    by_sent = toks.sort_values(["sent_id", "tok_idx"]).groupby("sent_id")["token"].agg(list).to_dict()
    first = [by_sent[i] for i in (0, 1, 2)]
    assert rows[0]["syllables"] == tr.counts(first)["syllables"]
    assert rows[0]["mtld"] == tr.mtld([t for s in first for t in s])
