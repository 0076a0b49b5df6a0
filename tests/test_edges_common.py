"""Boundaries of the findings' list helpers pinned on both sides (issue 20): exactly MAX_NAMES names
listed (one more says "and 1 more"), a tie of one name is none, extremes within rounding, one row is
never "all equal". Invented outlet names."""
import math

import pandas as pd

from presslens.analyses.findings import common as c


def test_join_up_to_the_limit_then_how_many_more():
    names = [f"O{i}" for i in range(11)]
    assert c.join(names[:10]) == "O0, O1, O2, O3, O4, O5, O6, O7, O8 and O9"  # exactly MAX_NAMES
    assert c.join(names) == "O0, O1, O2, O3, O4, O5, O6, O7, O8, O9 and 1 more"
    assert c.join(["A"]) == "A" and c.join(["A", "B"]) == "A and B"
    assert c.join(names[:3], limit=2) == "O0, O1 and 1 more"


def test_tied_names_each_once_and_a_separator_with_its_ellipsis():
    assert c.tied(["A"]) == "A" and c.tied(["A", "A"]) == "A"  # one name, twice: no tie
    assert c.tied(["A", "B"]) == "A and B (tied)"
    assert c.tied(["A", "B", "C"], limit=3, sep=" / ") == "A / B / C (tied)"
    assert c.tied(["A", "B", "C", "D"], limit=3, sep=" / ") == "A / B / C / … (tied)"


def test_extremes_and_all_equal():
    t = pd.DataFrame({"outlet": ["A", "B", "C", "D"], "v": [0.3, 0.1 + 0.2, float("nan"), 0.2]})
    assert c.extremes(t, "v")["outlet"].tolist() == ["A", "B"]  # 0.3 and 0.30000000000000004 tie
    assert c.extremes(t, "v", largest=False)["outlet"].tolist() == ["D"]
    assert c.extremes(t.assign(v=math.nan), "v").empty
    assert not c.all_equal(t.iloc[:1], "v")  # one row: no most or least to deny
    assert c.all_equal(t.iloc[:2], "v") and not c.all_equal(t, "v")
    assert c.all_equal(t.iloc[:3], "v")  # NaN left out


def test_render_bullets():
    assert c.render(["One.", "Two."]) == "Findings (from the tables above):\n  - One.\n  - Two."
    assert c.render(["One.", "", "  ", "Two."]) == "Findings (from the tables above):\n  - One.\n  - Two."  # no "-" alone
