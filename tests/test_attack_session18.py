"""Session 18's attack on the session's own work: crafted inputs (an invented Harbour town story) that
made a memo, a key or a rule give another answer than a fresh process would, or name somebody wrongly."""
from __future__ import annotations

import dataclasses

import pytest

from presslens.engine import keys
from presslens.story.load import load_story


def _fresh_key(st):
    """The key a fresh process computes: the tables copied, nothing kept."""
    refs = None if st.references is None else st.references.copy(deep=True)
    return keys.story_key(dataclasses.replace(st, articles=st.articles.copy(deep=True), references=refs))


def test_an_int_column_edited_in_place_from_minus_one_to_minus_two_changes_the_key():
    st = load_story()
    st.articles["n"] = -1
    before = keys.story_key(st)
    st.articles.loc[0, "n"] = -2  # hash(-1) == hash(-2) in Python
    assert keys.story_key(st) != before
    assert keys.story_key(st) == _fresh_key(st)


def test_a_column_cast_in_place_changes_the_key():
    st = load_story()
    st.articles["n"] = 1
    before = keys.story_key(st)
    st.articles["n"] = st.articles["n"].astype(float)  # 1 == 1.0: the same hashes, another table
    assert keys.story_key(st) != before
    assert keys.story_key(st) == _fresh_key(st)


def test_an_object_value_replaced_by_an_equal_value_of_another_type_changes_the_key():
    st = load_story()
    st.articles["flag"] = pd_object([1] * len(st.articles))
    before = keys.story_key(st)
    st.articles.loc[0, "flag"] = True  # 1 == True, hash alike
    assert keys.story_key(st) == _fresh_key(st)
    assert keys.story_key(st) != before


def pd_object(values):
    import pandas as pd
    return pd.Series(values, dtype=object)
