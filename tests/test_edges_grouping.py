"""Boundaries of story/grouping pinned on both sides (issue 20): group labels of numbers, booleans and
blanks, and a group_by making exactly MAX_GROUPS groups taken, one more refused. The fixture story with
invented meta: fields."""
import dataclasses

import pytest

from presslens import load_story
from presslens.errors import ParameterError
from presslens.story import grouping
from tests.conftest import MINI


def test_labels_of_every_kind_of_value():
    assert grouping.label(None) == grouping.UNKNOWN and grouping.label(float("nan")) == grouping.UNKNOWN
    assert grouping.label("  ") == grouping.UNKNOWN and grouping.label(" daily ") == "daily"
    assert grouping.label(True) == "true" and grouping.label(False) == "false"
    assert grouping.label(1990.0) == "1990" and grouping.label(2.5) == "2.5" and grouping.label(7) == "7"


def _story(values):
    st = load_story(MINI)
    arts = st.articles.assign(meta=[{"desk": v} for v in values])
    return dataclasses.replace(st, articles=arts)


def test_group_by_up_to_max_groups(monkeypatch):
    st = _story(["north", "south", "east"])
    monkeypatch.setattr(grouping, "MAX_GROUPS", 3)
    assert grouping.check_group_by(st, "meta.desk") == "meta.desk"  # exactly MAX_GROUPS
    monkeypatch.setattr(grouping, "MAX_GROUPS", 2)
    with pytest.raises(ParameterError, match="makes 3 groups"):
        grouping.check_group_by(st, "meta.desk")
    assert grouping.check_group_by(st, None) is None and grouping.check_group_by(st, "outlet") == "outlet"
    assert grouping._labels(_story(["north", None, " "]), "meta.desk") == ["north", grouping.UNKNOWN, grouping.UNKNOWN]
